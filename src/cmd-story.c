/* cmd-story.c: the story bank: your STARR stories written, linked to cards, checked, covered and carried. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "deck.h"
#include "i18n.h"
#include "story.h"
#include "term.h"
#include "xmalloc.h"

/* A subcommand of story, as cmd_entry is a command. */
struct story_cmd {
	const char	*name;
	const char	*usage;
	int		 min_args;
	int		 max_args;	/* -1: any */
	unsigned	 options;
	int		 (*exec)(struct store *, const struct options *, int,
			    char **);
};

/* The options story takes, by name, for "does not apply" messages. */
static const struct {
	unsigned	 bit;
	const char	*name;
} story_options[] = {
	{ O_JSON, "json" },
	{ O_TAG, "tag" },
	{ O_YES, "yes" },
	{ O_STORY, "story" },
	{ O_TAGS, "tags" },
};

/* A usage error, as main.c gives them; EXIT_USAGE. */
#define usage_error(...) \
	(warnx_(__VA_ARGS__), \
	fputs(_("Try 'rehearse --help' for more information.\n"), stderr), \
	EXIT_USAGE)

/*
 * A card with several stories: ask which on a terminal; elsewhere there
 * is nobody to ask, so say how to name one.
 */
static int
choose(void *arg, const struct story_ref *refs, size_t n)
{
	const struct card_view *v = arg;
	char line[512];
	int at;

	if (!isatty(STDIN_FILENO)) {
		warnx_(ngettext("%s/%s has %zu story: name it with --story "
		    "STORY (see 'rehearse show %s/%s')", "%s/%s has %zu "
		    "stories: name one with --story STORY (see 'rehearse show "
		    "%s/%s')", n), v->deck, v->id, n, v->deck, v->id);
		return -2;
	}
	printf(ngettext("%s/%s has %zu story:\n", "%s/%s has %zu stories:\n",
	    n), v->deck, v->id, n);
	story_choices(refs, n);
	for (;;) {
		printf(_("Edit which (1-%zu, or a title; Enter for none)? "), n);
		fflush(stdout);
		if (fgets(line, sizeof line, stdin) == NULL)
			return -1;
		line[strcspn(line, "\n")] = '\0';
		if ((at = story_choice(line, refs, n)) != -2)
			return at;
	}
}

/* story DECK/CARD [--story STORY] */
static int
story_card(struct store *st, const struct options *o, int argc, char **argv)
{
	struct card_view v;
	int rc;

	(void)argc;
	if ((rc = cmd_get_card(st, argv[0], &v)) != EXIT_OK)
		return rc;
	rc = story_edit_card(st, &v, o->story, choose, &v);
	card_view_free(&v);
	return rc;
}

static int
story_new(struct store *st, const struct options *o, int argc, char **argv)
{
	char *title = story_title_clean(argv[0]), *tags = NULL, *bad;
	const char *problem = story_title_problem(title);
	int rc;

	(void)argc;
	if (problem == NULL && o->tags != NULL &&
	    (tags = story_tags_json(o->tags, &bad)) == NULL && bad != NULL) {
		rc = usage_error(_("--tags: '%s' is not a tag (one word of "
		    "printable text)"), bad);
		free(bad);
	} else if (problem != NULL)
		rc = usage_error(_("story new: %s"), problem);
	else
		rc = story_edit_new(st, title, tags != NULL ? o->tags : NULL);
	free(tags);
	free(title);
	return rc;
}

static int
story_edit(struct store *st, const struct options *o, int argc, char **argv)
{
	(void)o;
	(void)argc;
	return story_edit_named(st, argv[0]);
}

static int
story_show_cmd(struct store *st, const struct options *o, int argc,
    char **argv)
{
	struct story_rec r;
	int rc;

	(void)argc;
	if ((rc = story_find(st, argv[0], &r)) != 0)
		return rc < 0 ? story_fail(st) : EXIT_FAIL;
	rc = story_show(st, &r, (o->given & O_JSON) != 0);
	story_rec_free(&r);
	return rc;
}

/* Ask on a terminal before deleting; anything but yes is a no. */
static bool
confirm_delete(const struct story_rec *r, int64_t cards)
{
	char linked[64], times[64], *title = term_safe(r->title), *q;
	bool yes;

	snprintf(linked, sizeof linked, ngettext("%lld card", "%lld cards",
	    (unsigned long)cards), (long long)cards);
	snprintf(times, sizeof times, ngettext("%lld rehearsal",
	    "%lld rehearsals", (unsigned long)r->rehearsals),
	    (long long)r->rehearsals);
	/* TRANSLATORS: the title, "3 cards", "5 rehearsals". */
	q = xasprintf(_("Delete the story '%s', linked to %s, with %s? "
	    "[y/N] "), title, linked, times);
	yes = cmd_confirm(q);
	free(q);
	free(title);
	return yes;
}

static int
story_delete(struct store *st, const struct options *o, int argc,
    char **argv)
{
	struct story_rec r;
	int64_t cards;
	char *title;
	int rc;

	(void)argc;
	if ((rc = story_find(st, argv[0], &r)) != 0)
		return rc < 0 ? story_fail(st) : EXIT_FAIL;
	if ((cards = store_story_link_count(st, r.id)) < 0)
		rc = story_fail(st);
	else if (!(o->given & O_YES) && isatty(STDIN_FILENO) &&
	    !confirm_delete(&r, cards))
		fputs(_("Nothing changed.\n"), stdout);
	else if (store_story_delete(st, r.id) != 0)
		rc = story_fail(st);
	else {
		title = term_safe(r.title);
		printf(_("Deleted the story '%s'.\n"), title);
		free(title);
	}
	story_rec_free(&r);
	return rc;
}

/* DECK/CARD split into its ids, which need not name a card (yet). */
static bool
split_card(const char *arg, char **deck, char **card)
{
	const char *slash = strchr(arg, '/');

	*deck = *card = NULL;
	if (slash == NULL)
		return false;
	*deck = xstrndup(arg, (size_t)(slash - arg));
	*card = xstrdup(slash + 1);
	if (deck_valid_id(*deck) && deck_valid_id(*card))
		return true;
	free(*deck);
	free(*card);
	*deck = *card = NULL;
	return false;
}

/*
 * link and unlink: every card checked first, then all in one
 * transaction; a card that cannot be (un)linked changes nothing, and
 * one linked already (or not linked, to unlink) is said and passed by.
 */
static int
relink(struct store *st, int argc, char **argv, bool on)
{
	struct story_rec r;
	struct card_view v;
	char **deck, **card, *title;
	int i, rc, *was;

	if ((rc = story_find(st, argv[0], &r)) != 0)
		return rc < 0 ? story_fail(st) : EXIT_FAIL;
	deck = xcalloc((size_t)argc, sizeof *deck);
	card = xcalloc((size_t)argc, sizeof *card);
	was = xcalloc((size_t)argc, sizeof *was);
	for (i = 1; i < argc && rc == EXIT_OK; i++) {
		if (on && (rc = cmd_get_card(st, argv[i], &v)) == EXIT_OK) {
			deck[i] = xstrdup(v.deck);
			card[i] = xstrdup(v.id);
			card_view_free(&v);
		} else if (!on && !split_card(argv[i], &deck[i], &card[i]))
			rc = usage_error(_("'%s' is not DECK/CARD"), argv[i]);
	}
	if (rc == EXIT_OK && store_begin(st) == 0) {
		for (i = 1; i < argc && !store_failed(st) && rc == EXIT_OK;
		    i++) {
			was[i] = on ? store_story_link(st, r.id, deck[i],
			    card[i]) : store_story_unlink(st, r.id, deck[i],
			    card[i]);
		}
		if (store_failed(st) || rc != EXIT_OK)
			store_rollback(st);
		else
			store_commit(st);
	}
	if (rc == EXIT_OK && store_failed(st))
		rc = story_fail(st);
	title = term_safe(r.title);
	for (i = 1; i < argc && rc == EXIT_OK; i++) {
		if (on && was[i] == 1)
			printf(_("%s/%s: already linked to '%s'\n"), deck[i],
			    card[i], title);
		else if (on)
			printf(_("Linked '%s' to %s/%s.\n"), title, deck[i],
			    card[i]);
		else if (was[i] == 1)
			printf(_("%s/%s: not linked to '%s'\n"), deck[i],
			    card[i], title);
		else
			printf(_("Unlinked '%s' from %s/%s.\n"), title, deck[i],
			    card[i]);
	}
	free(title);
	for (i = 0; i < argc; i++) {
		free(deck[i]);
		free(card[i]);
	}
	free(deck);
	free(card);
	free(was);
	story_rec_free(&r);
	return rc;
}

static int
story_link(struct store *st, const struct options *o, int argc, char **argv)
{
	(void)o;
	return relink(st, argc, argv, true);
}

static int
story_unlink(struct store *st, const struct options *o, int argc,
    char **argv)
{
	(void)o;
	return relink(st, argc, argv, false);
}

static int
story_list_cmd(struct store *st, const struct options *o, int argc,
    char **argv)
{
	(void)argc;
	(void)argv;
	return story_list(st, (o->given & O_JSON) != 0);
}

static int
story_check_cmd(struct store *st, const struct options *o, int argc,
    char **argv)
{
	(void)o;
	return story_check_bank(st, argc, argv);
}

/* The DECK operands as a JSON array, each one checked; NULL for none. */
static int
decks_of(struct store *st, int argc, char **argv, char **json)
{
	struct buf b = { 0 };
	char *one;
	int i, rc = EXIT_OK;

	*json = NULL;
	for (i = 0; i < argc && rc == EXIT_OK; i++) {
		if ((rc = cmd_check_deck(st, argv[i], &one)) == EXIT_OK)
			buf_printf(&b, "%s\"%s\"", i == 0 ? "[" : ",",
			    argv[i]);
		free(one);
	}
	if (rc == EXIT_OK && argc > 0) {
		buf_addc(&b, ']');
		*json = b.data;
	} else
		buf_free(&b);
	return rc;
}

static int
story_matrix_cmd(struct store *st, const struct options *o, int argc,
    char **argv)
{
	char *decks;
	int rc;

	if ((rc = decks_of(st, argc, argv, &decks)) == EXIT_OK)
		rc = story_matrix(st, decks, o->tag, (o->given & O_JSON) != 0);
	free(decks);
	return rc;
}

static int
story_export_cmd(struct store *st, const struct options *o, int argc,
    char **argv)
{
	(void)o;
	return story_export(st, argc > 0 ? argv[0] : NULL);
}

static int
story_import_cmd(struct store *st, const struct options *o, int argc,
    char **argv)
{
	(void)o;
	(void)argc;
	return story_import(st, argv[0]);
}

static const struct story_cmd story_cmds[] = {
	{ "new", "TITLE [--tags T1,T2]", 1, 1, O_TAGS, story_new },
	{ "edit", "STORY", 1, 1, 0, story_edit },
	{ "show", "STORY [--json]", 1, 1, O_JSON, story_show_cmd },
	{ "delete", "STORY [--yes]", 1, 1, O_YES, story_delete },
	{ "link", "STORY DECK/CARD...", 2, -1, 0, story_link },
	{ "unlink", "STORY DECK/CARD...", 2, -1, 0, story_unlink },
	{ "list", "[--json]", 0, 0, O_JSON, story_list_cmd },
	{ "check", "[STORY...]", 0, -1, 0, story_check_cmd },
	{ "matrix", "[DECK...] [--tag T] [--json]", 0, -1, O_TAG | O_JSON,
	    story_matrix_cmd },
	{ "export", "[FILE]", 0, 1, 0, story_export_cmd },
	{ "import", "FILE", 1, 1, 0, story_import_cmd },
};

/* The card form, DECK/CARD, is the only one with a slash. */
static const struct story_cmd card_cmd = {
	"", "DECK/CARD [--story STORY]", 1, 1, O_STORY, story_card,
};

/* The subcommand argv[0] names, or NULL after a usage error in *rc. */
static const struct story_cmd *
find(int argc, char **argv, int *rc)
{
	size_t i;

	if (argc == 0) {
		*rc = usage_error(_("story: missing argument (see 'rehearse "
		    "help story')"));
		return NULL;
	}
	if (strchr(argv[0], '/') != NULL)
		return &card_cmd;
	for (i = 0; i < sizeof story_cmds / sizeof story_cmds[0]; i++)
		if (strcmp(argv[0], story_cmds[i].name) == 0)
			return &story_cmds[i];
	*rc = usage_error(_("story: unknown subcommand '%s' (see 'rehearse "
	    "help story')"), argv[0]);
	return NULL;
}

/* The options and operands a subcommand was given; EXIT_OK when fine. */
static int
check_line(const struct story_cmd *sc, const struct options *o, int argc,
    char **argv)
{
	char *name = xasprintf(*sc->name != '\0' ? "story %s" : "story%s",
	    sc->name);
	size_t i;
	int rc = EXIT_OK;

	for (i = 0; i < sizeof story_options / sizeof story_options[0]; i++)
		if (rc == EXIT_OK && (o->given & story_options[i].bit) &&
		    !(sc->options & story_options[i].bit))
			rc = usage_error(_("%s: option --%s does not apply to "
			    "this command"), name, story_options[i].name);
	if (rc == EXIT_OK && argc < sc->min_args)
		rc = usage_error(_("%s: missing argument (usage: rehearse %s "
		    "%s)"), name, name, sc->usage);
	else if (rc == EXIT_OK && sc->max_args >= 0 && argc > sc->max_args)
		rc = usage_error(_("%s: unexpected argument '%s' (usage: "
		    "rehearse %s %s)"), name, argv[sc->max_args], name,
		    sc->usage);
	free(name);
	return rc;
}

static int
cmd_story_exec(const struct options *o, int argc, char **argv)
{
	const struct story_cmd *sc;
	struct store *st;
	int rc = EXIT_OK;

	if ((sc = find(argc, argv, &rc)) == NULL)
		return rc;
	/* Past the subcommand's name; the card form has none. */
	if (*sc->name != '\0') {
		argc--;
		argv++;
	}
	if ((rc = check_line(sc, o, argc, argv)) != EXIT_OK)
		return rc;
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	rc = sc->exec(st, o, argc, argv);
	/* Said already when not EXIT_OK; a failed read never passes. */
	if (rc == EXIT_OK)
		rc = cmd_check_store(st);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_story_entry = {
	"story",
	"DECK/CARD [--story STORY]\n"
	"new TITLE [--tags T1,T2] | edit STORY | delete STORY [--yes]\n"
	"show STORY [--json] | list [--json] | check [STORY...]\n"
	"link|unlink STORY DECK/CARD...\n"
	"matrix [DECK...] [--tag T] [--json]\n"
	"export [FILE] | import FILE",
	0, -1, O_JSON | O_TAG | O_YES | O_STORY | O_TAGS, cmd_story_exec,
};
