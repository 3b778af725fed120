/* cmd-drill.c: the drill command: its decks, the first run, then a session. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "deck.h"
#include "i18n.h"
#include "session.h"
#include "story.h"
#include "xmalloc.h"

/* The DECK operands as a JSON array, checked against the database. */
static int
select_decks(struct store *st, int argc, char **argv, char **json)
{
	struct buf b = { 0 };
	char *missing;
	int i, rc;

	*json = NULL;
	if (argc == 0)
		return EXIT_OK;
	buf_addc(&b, '[');
	for (i = 0; i < argc; i++) {
		if (!deck_valid_id(argv[i])) {
			warnx_(_("'%s' is not a deck id"), argv[i]);
			buf_free(&b);
			return EXIT_FAIL;
		}
		buf_printf(&b, "%s\"%s\"", i > 0 ? "," : "", argv[i]);
	}
	buf_addc(&b, ']');
	rc = store_decks_exist(st, b.data, &missing);
	if (rc <= 0 || store_failed(st)) {
		if (rc < 0 || store_failed(st))
			warnx_("%s", store_error(st));
		else
			warnx_(_("%s: no such deck (see 'rehearse list')"),
			    missing);
		free(missing);
		buf_free(&b);
		return EXIT_FAIL;
	}
	*json = b.data;
	return EXIT_OK;
}

/* An empty database: the bundled decks go in first. */
static int
first_run(struct store *st, const struct options *o)
{
	const char *lang = bundled_lang(o->lang);
	int n;

	if ((n = bundled_import(st, lang, NULL)) <= 0)
		return -1;
	reveal_say("", ngettext("Welcome to rehearse: imported %d bundled "
	    "deck (%s).\n", "Welcome to rehearse: imported %d bundled decks "
	    "(%s).\n", n), n, lang);
	return 0;
}

/* How far off the interview is, and how many cards are still unseen. */
static void
opening_interview(const struct session *s, int64_t left)
{
	char day[DAY_BUFSZ], days[64], cards[64];
	long long unseen = s->unseen;

	day_format(s->interview, day);
	if (left == 0) {
		reveal_say("", ngettext("Interview today (%s); %lld card not "
		    "seen yet. Good luck!\n", "Interview today (%s); %lld "
		    "cards not seen yet. Good luck!\n", (unsigned long)unseen),
		    day, unseen);
		return;
	}
	snprintf(days, sizeof days, ngettext("%lld day", "%lld days",
	    (unsigned long)left), (long long)left);
	snprintf(cards, sizeof cards, ngettext("%lld card", "%lld cards",
	    (unsigned long)unseen), unseen);
	/* TRANSLATORS: "3 days", the date, "12 cards". */
	reveal_say("", _("Interview in %s (%s); %s not seen yet.\n"), days,
	    day, cards);
}

/* The opening lines: the interview, the pacing, the session's size. */
static void
opening(const struct session *s)
{
	const struct options *o = s->o;
	int64_t left, unseen = s->unseen;
	/* "12+" cards count as more than 12. */
	unsigned long n = queue_total(&s->q) + (s->q.due_more ? 1 : 0);
	const char *more = s->interview == SCHED_NEW_DUE &&
	    unseen >= DUE_COUNT_CAP ? "+" : "";

	if (s->interview != SCHED_NEW_DUE &&
	    (left = s->interview - o->today) >= 0) {
		opening_interview(s, left);
		if (!s->cram && (o->given & O_NEW) &&
		    s->new_wanted > o->new_cards)
			/* TRANSLATORS: the last number is --new's. */
			reveal_say("", ngettext("To see every card before the "
			    "last %d day, the interview pace would want %lld "
			    "new cards today (--new asks for %lld).\n", "To see "
			    "every card before the last %d days, the interview "
			    "pace would want %lld new cards today (--new asks "
			    "for %lld).\n", SCHED_WINDOW), SCHED_WINDOW,
			    (long long)s->new_wanted, (long long)o->new_cards);
		else if (!s->cram && !(o->given & O_NEW) &&
		    s->new_limit > o->new_cards)
			reveal_say("", ngettext("To see every card before the "
			    "last %d day, today's new-card limit rises from "
			    "%lld to %lld.\n", "To see every card before the "
			    "last %d days, today's new-card limit rises from "
			    "%lld to %lld.\n", SCHED_WINDOW), SCHED_WINDOW,
			    (long long)o->new_cards, (long long)s->new_limit);
	}
	if (s->waiting > 0)
		reveal_say("", ngettext("%lld due card waits for another day: "
		    "the daily budget is %lld cards (rehearse config "
		    "max-reviews).\n", "%lld due cards wait for another day: "
		    "the daily budget is %lld cards (rehearse config "
		    "max-reviews).\n", (unsigned long)s->waiting),
		    (long long)s->waiting, (long long)s->budget);
	/* TRANSLATORS: the second number counts cards too ("100+"). */
	reveal_say("", s->cram ? ngettext("%s card to drill (cram: schedule "
	    "untouched); %lld%s not seen yet. Enter reveals, :help lists "
	    "commands.\n", "%s cards to drill (cram: schedule untouched); "
	    "%lld%s not seen yet. Enter reveals, :help lists commands.\n", n) :
	    ngettext("%s card to drill; %lld%s not seen yet. Enter reveals, "
	    ":help lists commands.\n", "%s cards to drill; %lld%s not seen "
	    "yet. Enter reveals, :help lists commands.\n", n),
	    queue_label(&s->q), (long long)unseen, more);
}

/* The DECK operands and --tag checked; *decks as select_decks sets it. */
static int
operands(struct store *st, const struct options *o, int argc, char **argv,
    char **decks)
{
	struct buf named = { 0 };
	int i, rc, tagged;

	rc = select_decks(st, argc, argv, decks);
	tagged = rc == EXIT_OK && o->tag != NULL ?
	    store_tag_used(st, *decks, o->tag) : 1;
	if (tagged == 0 && argc == 0) {
		warnx_(_("no card has the tag '%s' (see 'rehearse list DECK "
		    "--json' for tags)"), o->tag);
		rc = EXIT_FAIL;
	} else if (tagged == 0) {
		/* The decks searched, as named: "closing, competency". */
		for (i = 0; i < argc; i++)
			buf_printf(&named, "%s%s", i > 0 ? ", " : "", argv[i]);
		/* TRANSLATORS: the decks ("closing, competency"), the tag. */
		warnx_(_("no card in %s has the tag '%s' (see 'rehearse list "
		    "DECK --json' for tags)"), named.data, o->tag);
		buf_free(&named);
		rc = EXIT_FAIL;
	} else if (tagged < 0)
		rc = cmd_check_store(st);
	return rc;
}

/*
 * An explicit --lang switches the bundled decks, only once the command
 * is known to go on: a drill that fails changes nothing.
 */
static int
switch_lang(struct store *st, const struct options *o, int argc,
    char **argv)
{
	char *decks = NULL;
	int rc;

	if (store_read_begin(st) != 0)
		return cmd_check_store(st);
	rc = operands(st, o, argc, argv, &decks);
	store_read_end(st);
	free(decks);
	if (rc == EXIT_OK && bundled_switch(st, o->lang) != 0)
		rc = EXIT_FAIL;
	return rc;
}

/* Read the session's start in one snapshot (and one file lock). */
static int
start(struct session *s, struct store *st, const struct options *o,
    int argc, char **argv, char **decks, int64_t ndecks)
{
	int rc;

	*decks = NULL;
	if (store_read_begin(st) != 0)
		return cmd_check_store(st);
	rc = operands(st, o, argc, argv, decks);
	if (rc == EXIT_OK) {
		session_init(s, st, o, *decks);
		/* One deck: nothing to take turns with. */
		s->one_deck = ndecks == 1 || argc == 1;
		if (session_build(s) != 0)
			rc = cmd_check_store(st);
	}
	store_read_end(st);
	return rc;
}

/* drill --stories: the story bank rehearsed instead of the cards. */
static int
drill_stories(const struct options *o, int argc, char **argv)
{
	struct store *st;
	char *decks, *hist;
	int rc;

	if (o->given & (O_LANG | O_IN_ORDER)) {
		warnx_(_("%s: option --%s does not apply to this command"),
		    "drill --stories", o->given & O_LANG ? "lang" : "in-order");
		fputs(_("Try 'rehearse --help' for more information.\n"),
		    stderr);
		return EXIT_USAGE;
	}
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if ((rc = select_decks(st, argc, argv, &decks)) == EXIT_OK) {
		hist = cmd_data_file("history");
		rc = story_drill(st, o, decks, hist);
		free(hist);
		free(decks);
	}
	store_close(st);
	return rc;
}

static int
cmd_drill_exec(const struct options *o, int argc, char **argv)
{
	struct session s;
	struct store *st;
	char *decks = NULL, *hist;
	int64_t ndecks;
	int rc;

	if (o->given & O_STORIES)
		return drill_stories(o, argc, argv);
	memset(&s, 0, sizeof s);	/* freed below whatever happens */
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if ((ndecks = store_deck_count(st)) < 0)
		rc = cmd_check_store(st);
	else if (ndecks == 0 && first_run(st, o) != 0)
		rc = EXIT_FAIL;
	else {
		/* Only an explicit --lang switches; the locale never does. */
		rc = ndecks > 0 && (o->given & O_LANG) ?
		    switch_lang(st, o, argc, argv) : EXIT_OK;
		if (rc == EXIT_OK)
			rc = start(&s, st, o, argc, argv, &decks, ndecks);
	}
	if (rc != EXIT_OK)
		goto out;
	if (queue_total(&s.q) == 0) {
		if (s.waiting > 0)
			printf(ngettext("Nothing more today: the daily budget "
			    "of %lld cards is used; %lld due card waits",
			    "Nothing more today: the daily budget of %lld "
			    "cards is used; %lld due cards wait",
			    (unsigned long)s.waiting), (long long)s.budget,
			    (long long)s.waiting);
		else if (!s.cram && s.unseen > 0 && (o->given & O_NEW) &&
		    o->new_cards == 0)
			fputs(_("Nothing to drill today (no card is due, and "
			    "--new 0 asks for no new ones)"), stdout);
		else if (!s.cram && s.allowed == 0 && s.unseen > 0)
			/* TRANSLATORS: English says "cards are" for 1 too. */
			printf(ngettext("Nothing to drill today (today's "
			    "%lld new cards are done; --new N allows more)",
			    "Nothing to drill today (today's %lld new cards "
			    "are done; --new N allows more)",
			    (unsigned long)s.new_limit),
			    (long long)s.new_limit);
		else
			fputs(_("Nothing to drill today"), stdout);
	} else {
		opening(&s);
		hist = cmd_data_file("history");
		session_run(&s, hist);
		free(hist);
	}
	session_summary(&s);
	/* Said already when the session ended on it; else said here. */
	rc = s.failed ? EXIT_FAIL : cmd_check_store(st);
out:
	session_free(&s);
	free(decks);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_drill_entry = {
	"drill", "[DECK...] [--new N] [--tag T] [--limit N] [--cram] "
	"[--lang en|nl] [--time-limit S] [--in-order]\n"
	"--stories [DECK...] [--new N] [--tag T] [--limit N] [--cram] "
	"[--time-limit S]", 0, -1,
	O_NEW | O_TAG | O_LIMIT | O_CRAM | O_LANG | O_TIME_LIMIT |
	    O_IN_ORDER | O_STORIES,
	cmd_drill_exec,
};
