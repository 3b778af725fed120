/* cmd-mock.c: the mock command: a timed second round planned, run and reported, or past ones shown. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "i18n.h"
#include "mock.h"
#include "rehearse.h"
#include "session.h"
#include "speak.h"
#include "term.h"
#include "xmalloc.h"

/* The options that shape a new mock, refused with --history and --last. */
#define MOCK_RUN_OPTIONS (O_MINUTES | O_SEED | O_SPEAK | O_SPEAK_TO)

/* --history or --last: what was saved, as text or JSON. */
static int
past(const struct options *o, int argc)
{
	bool json = (o->given & O_JSON) != 0;
	struct store *st;
	int64_t last;
	int rc;

	if ((o->given & O_HISTORY) && (o->given & O_LAST))
		return cmd_usage_error(_("mock: --history and --last do not "
		    "go together"));
	if (argc > 0 || (o->given & MOCK_RUN_OPTIONS))
		return cmd_usage_error(_("mock: --history and --last take no "
		    "deck and no option of a new mock"));
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if ((last = store_mock_last(st)) < 0)
		rc = cmd_store_error(st);
	else if (last == 0 && (o->given & O_LAST)) {
		warnx_("%s", _("no mock interview yet: 'rehearse mock' runs "
		    "one"));
		rc = EXIT_FAIL;
	} else if (last == 0 && !json) {
		printf("%s\n", _("No mock interview yet: 'rehearse mock' runs "
		    "one."));
		rc = EXIT_OK;
	} else if (o->given & O_LAST)
		rc = mock_report(st, last, json);
	else
		rc = mock_history(st, json);
	store_close(st);
	return rc;
}

/* The DECK operands as a JSON array (caller frees), each checked. */
static int
named_decks(struct store *st, int argc, char **argv, char **json)
{
	struct buf b = { 0 };
	char *one;
	int i, rc;

	*json = NULL;
	if (argc == 0)
		return EXIT_OK;
	buf_addc(&b, '[');
	for (i = 0; i < argc; i++) {
		if ((rc = cmd_check_deck(st, argv[i], &one)) != EXIT_OK) {
			buf_free(&b);
			return rc;
		}
		free(one);
		buf_printf(&b, "%s\"%s\"", i > 0 ? "," : "", argv[i]);
	}
	buf_addc(&b, ']');
	*json = b.data;
	return EXIT_OK;
}

/*
 * --speak-to DIR: it must take files.  A missing one is made (its parent
 * must exist) only with make, once nothing else can fail: before, it is
 * enough that the parent would take it.
 */
static int
check_dir(const char *dir, bool make)
{
	struct stat sb;
	char *parent, *slash;
	int bad = 0;

	if (stat(dir, &sb) != 0 && errno == ENOENT) {
		if (make)
			bad = mkdir(dir, 0777) != 0 && errno != EEXIST;
		else {
			parent = xstrdup(dir);
			while ((slash = strrchr(parent, '/')) != NULL &&
			    slash[1] == '\0' && slash != parent)
				*slash = '\0';
			if ((slash = strrchr(parent, '/')) == NULL)
				strcpy(parent, ".");
			else
				slash[slash == parent] = '\0';
			bad = access(parent, W_OK | X_OK) != 0;
			free(parent);
		}
		if (bad) {
			warnx_(_("--speak-to: %s: cannot create the directory: "
			    "%s"), dir, strerror(errno));
			return EXIT_FAIL;
		}
		if (!make)
			return EXIT_OK;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		warnx_(_("--speak-to: %s: not a directory"), dir);
		return EXIT_FAIL;
	}
	if (access(dir, W_OK | X_OK) != 0) {
		warnx_(_("--speak-to: %s: cannot write there: %s"), dir,
		    strerror(errno));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/*
 * The decks to draw from (any deck named is there, checked already):
 * on first use the bundled ones; after that, the bundled decks in the
 * database are brought up to date in their language (an unchanged file
 * costs a hash), so that the cards a newer rehearse adds for a mock are
 * there.  0, or -1 after a message.
 */
static int
bundled_ready(struct store *st)
{
	int64_t n = store_deck_count(st), any = 0, other = 0;
	const char *lang = bundled_lang(NULL);
	int done;

	if (n == 0) {
		if ((done = bundled_import(st, lang, NULL)) <= 0)
			return -1;
		reveal_say("", ngettext("Welcome to rehearse: imported %d "
		    "bundled deck (%s).\n", "Welcome to rehearse: imported %d "
		    "bundled decks (%s).\n", done), done, lang);
		return 0;
	}
	/* Bundled decks all have a language: this counts them all. */
	if (n > 0 && (any = store_bundled_other(st, NULL)) > 0)
		other = store_bundled_other(st, "en");
	if (n < 0 || any < 0 || other < 0) {
		cmd_store_error(st);
		return -1;
	}
	if (any == 0)
		return 0;
	return bundled_import(st, other == 0 ? "en" : "nl", NULL) < 0 ?
	    -1 : 0;
}

/* The plan as it is printed before the first question. */
static void
print_plan(const struct mock_plan *p)
{
	int i, w, wide = 0;

	for (i = 0; i < DECK_SECTIONS; i++)
		if (p->count[i] > 0 &&
		    (w = (int)term_display_width(_(mock_parts[i].name))) > wide)
			wide = w;
	/* TRANSLATORS: the minutes, "15 questions", the seed. */
	printf(ngettext("Mock interview: %lld minutes, %zu question (seed "
	    "%llu).\n", "Mock interview: %lld minutes, %zu questions (seed "
	    "%llu).\n", p->n), (long long)p->minutes, p->n,
	    (unsigned long long)p->seed);
	for (i = 0; i < DECK_SECTIONS; i++) {
		if (p->count[i] == 0)
			continue;
		w = wide - (int)term_display_width(_(mock_parts[i].name));
		printf("  %s%*s  ", _(mock_parts[i].name), w, "");
		printf(ngettext("%zu question\n", "%zu questions\n",
		    p->count[i]), p->count[i]);
	}
	reveal_say("", "%s", _("Answer each question aloud, as in the "
	    "interview, and press Enter when you are done. :help lists the "
	    "commands."));
}

/* Which cards come from the decks named, for mock_plan. */
static bool *
named_cards(const struct mock_card *cards, size_t n, int argc, char **argv)
{
	bool *named = xcalloc(n + 1, sizeof *named);
	size_t i;
	int k;

	for (i = 0; i < n; i++)
		for (k = 0; k < argc; k++)
			if (strcmp(cards[i].deck, argv[k]) == 0)
				named[i] = true;
	return named;
}

/* Every question's language has a voice, before the first is asked. */
static int
check_voices(struct mock_session *m)
{
	struct card_view v;
	size_t i;
	int rc;

	for (i = 0; i < m->plan->n; i++) {
		rc = store_card_get(m->st, m->plan->q[i].card->deck,
		    m->plan->q[i].card->id, &v);
		if (rc < 0)
			return cmd_store_error(m->st);
		if (rc == 0 && !speak_has_voice(m->sp, v.language)) {
			warnx_(_("espeak-ng has no voice for the language "
			    "'%s'"), v.language != NULL ? v.language : "en");
			card_view_free(&v);
			return EXIT_FAIL;
		}
		if (rc == 0)
			card_view_free(&v);
	}
	return EXIT_OK;
}

/* Plan the mock, ask it, and show its report. */
static int
run(struct store *st, const struct options *o, int argc, char **argv,
    struct mock_session *m, const char *decks)
{
	struct mock_card *cards;
	struct mock_plan plan;
	bool *named;
	size_t n;
	char *hist;
	int rc = EXIT_OK;

	n = store_mock_cards(st, &cards);
	if (store_failed(st))
		return cmd_store_error(st);
	named = named_cards(cards, n, argc, argv);
	mock_plan(&plan, cards, n, named, o->minutes,
	    (o->given & O_SEED) ? (uint64_t)o->seed : mock_seed_from(
	    (uint64_t)clock_now_ms() ^ (uint64_t)getpid() << 32));
	m->plan = &plan;
	m->rec = (struct mock_rec){ .day = o->today, .minutes = o->minutes,
	    .seed = (int64_t)plan.seed, .planned = (int64_t)plan.n,
	    .decks = decks };
	if (plan.n == 0) {
		warnx_("%s", _("no card to ask: a mock takes practice and ask "
		    "cards, or cards with a section (see rehearse-deck(5))"));
		rc = EXIT_FAIL;
	} else if ((m->sp == NULL || (rc = check_voices(m)) == EXIT_OK) &&
	    (o->speak_to == NULL ||
	    (rc = check_dir(o->speak_to, true)) == EXIT_OK)) {
		print_plan(&plan);
		hist = cmd_data_file("history");
		mock_run(m, hist);
		free(hist);
		rc = m->failed ? EXIT_FAIL : cmd_check_store(st);
	}
	if (plan.n > 0 && rc == EXIT_OK && m->answered == 0)
		printf("\n%s\n", _("Mock over: nothing was graded, so nothing "
		    "was saved."));
	else if (m->answered > 0 && !m->failed)
		rc = mock_report(st, m->rec.id, false);
	mock_plan_free(&plan);
	free(named);
	mock_cards_free(cards, n);
	return rc;
}

static int
cmd_mock_exec(const struct options *o, int argc, char **argv)
{
	struct options opt = *o;
	struct mock_session m;
	struct store *st;
	char *decks = NULL;
	int rc;

	if (o->given & (O_HISTORY | O_LAST))
		return past(o, argc);
	if (o->given & O_JSON)
		return cmd_usage_error(_("mock: --json goes with --history or "
		    "--last"));
	if (!(o->given & O_MINUTES))
		opt.minutes = MOCK_MINUTES_DEFAULT;
	memset(&m, 0, sizeof m);
	m.today = o->today;
	/*
	 * A directory --speak-to cannot make, or no espeak-ng: refused
	 * before anything is touched, the directory's fault named first.
	 */
	if (o->speak_to != NULL &&
	    (rc = check_dir(o->speak_to, false)) != EXIT_OK)
		return rc;
	if ((o->given & (O_SPEAK | O_SPEAK_TO)) &&
	    (m.sp = speak_open(o->speak_to)) == NULL)
		return EXIT_FAIL;
	if ((st = cmd_open_store(&opt)) == NULL) {
		speak_close(m.sp);
		return EXIT_FAIL;
	}
	m.st = st;
	if ((rc = named_decks(st, argc, argv, &decks)) != EXIT_OK)
		goto out;
	if (bundled_ready(st) != 0)
		rc = EXIT_FAIL;
	else
		rc = run(st, &opt, argc, argv, &m, decks);
out:
	speak_close(m.sp);
	free(decks);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_mock_entry = {
	"mock", "[DECK...] [--minutes 45|60|90] [--seed N] [--speak] "
	"[--speak-to DIR] | --history | --last [--json]", 0, -1,
	O_JSON | O_MINUTES | O_SEED | O_SPEAK | O_SPEAK_TO | O_HISTORY | O_LAST,
	cmd_mock_exec,
};
