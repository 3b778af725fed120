/* main.c: options, environment and dispatch to a command. */
#include <errno.h>
#include <locale.h>
#include <unistd.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "deck.h"
#include "i18n.h"
#include "rehearse.h"
#include "term.h"

enum long_only {
	OPT_DB = 256,
	OPT_TODAY,
	OPT_NEW,
	OPT_TAG,
	OPT_LIMIT,
	OPT_CRAM,
	OPT_LANG,
	OPT_JSON,
	OPT_WITH_STORIES,
	OPT_YES,
	OPT_CLEAR,
	OPT_TIME_LIMIT,
	OPT_DECK,
	OPT_TITLE,
	OPT_KIND,
	OPT_FORMAT,
};

static const struct option long_options[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "new", required_argument, NULL, OPT_NEW },
	{ "tag", required_argument, NULL, OPT_TAG },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "cram", no_argument, NULL, OPT_CRAM },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "with-stories", no_argument, NULL, OPT_WITH_STORIES },
	{ "yes", no_argument, NULL, OPT_YES },
	{ "clear", no_argument, NULL, OPT_CLEAR },
	{ "time-limit", required_argument, NULL, OPT_TIME_LIMIT },
	{ "deck", required_argument, NULL, OPT_DECK },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Option names by bit, for "--x does not apply to this command". */
static const struct {
	unsigned	 bit;
	const char	*name;
} option_names[] = {
	{ O_JSON, "--json" }, { O_NEW, "--new" }, { O_TAG, "--tag" },
	{ O_LIMIT, "--limit" }, { O_CRAM, "--cram" }, { O_LANG, "--lang" },
	{ O_WITH_STORIES, "--with-stories" }, { O_YES, "--yes" },
	{ O_CLEAR, "--clear" }, { O_TIME_LIMIT, "--time-limit" },
	{ O_DECK, "--deck" }, { O_TITLE, "--title" }, { O_KIND, "--kind" },
	{ O_FORMAT, "--format" },
};

static int	usage_error(const char *, ...)
		    __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("rehearse: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(_("Try 'rehearse --help' for more information.\n"), stderr);
	return EXIT_USAGE;
}

/* A whole non-negative number within max; false when malformed. */
static bool
parse_count(const char *s, int64_t max, int64_t *out)
{
	char *end;
	long long v;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return false;
	*out = v;
	return true;
}

static int
parse_today(const char *s, const char *from)
{
	int64_t day;

	if (!day_parse(s, &day))
		return usage_error(_("%s: '%s' is not a date (YYYY-MM-DD)"),
		    from, s);
	clock_set_today(day);
	return EXIT_OK;
}

/* The options of convert, new and export --format. */
static int
take_convert_option(struct options *o, int c, const char *arg)
{
	if (c == OPT_DECK) {
		o->given |= O_DECK;
		o->deck = arg;
		if (!deck_valid_id(arg))
			return usage_error(_("--deck: '%s' is not a deck id "
			    "(lower-case letters, digits and '-', at most "
			    "%d)"), arg, DECK_ID_MAX);
	} else if (c == OPT_TITLE) {
		o->given |= O_TITLE;
		o->title = arg;
		if (*arg == '\0')
			return usage_error(_("--title: empty title"));
	} else if (c == OPT_KIND) {
		o->given |= O_KIND;
		o->kind = arg;
		if (strcmp(arg, "recall") != 0 && strcmp(arg, "practice") != 0 &&
		    strcmp(arg, "ask") != 0)
			return usage_error(_("--kind: '%s' is not a kind of "
			    "card (recall, practice, ask)"), arg);
	} else {
		o->given |= O_FORMAT;
		o->format = arg;
	}
	return EXIT_OK;
}

/* Handle one option; EXIT_OK or EXIT_USAGE after a message. */
static int
take_option(struct options *o, int c, const char *arg)
{
	switch (c) {
	case OPT_DB:
		if (*arg == '\0')
			return usage_error(_("--db: empty path"));
		o->db = arg;
		return EXIT_OK;
	case OPT_TODAY:
		return parse_today(arg, "--today");
	case OPT_NEW:
		o->given |= O_NEW;
		if (!parse_count(arg, 1000000, &o->new_cards))
			return usage_error(_("--new: '%s' is not a number of "
			    "cards (0 to 1000000)"), arg);
		return EXIT_OK;
	case OPT_LIMIT:
		o->given |= O_LIMIT;
		if (!parse_count(arg, INT64_MAX, &o->limit) || o->limit == 0)
			return usage_error(_("--limit: '%s' is not a positive "
			    "number of cards"), arg);
		return EXIT_OK;
	case OPT_TIME_LIMIT:
		o->given |= O_TIME_LIMIT;
		if (!parse_count(arg, 86400, &o->time_limit) ||
		    o->time_limit == 0)
			return usage_error(_("--time-limit: '%s' is not a "
			    "number of seconds (1 to 86400)"), arg);
		return EXIT_OK;
	case OPT_TAG:
		o->given |= O_TAG;
		o->tag = arg;
		return EXIT_OK;
	case OPT_LANG:
		o->given |= O_LANG;
		if (strcmp(arg, "en") != 0 && strcmp(arg, "nl") != 0)
			return usage_error(_("--lang: '%s' is not a language "
			    "of the bundled decks (en, nl)"), arg);
		o->lang = arg;
		return EXIT_OK;
	case OPT_CRAM:
		o->given |= O_CRAM;
		return EXIT_OK;
	case OPT_JSON:
		o->given |= O_JSON;
		return EXIT_OK;
	case OPT_WITH_STORIES:
		o->given |= O_WITH_STORIES;
		return EXIT_OK;
	case OPT_YES:
		o->given |= O_YES;
		return EXIT_OK;
	case OPT_CLEAR:
		o->given |= O_CLEAR;
		return EXIT_OK;
	case OPT_DECK:
	case OPT_TITLE:
	case OPT_KIND:
	case OPT_FORMAT:
		return take_convert_option(o, c, arg);
	}
	return usage_error(_("internal: unhandled option %d"), c);
}

static int
check_options(const struct cmd_entry *ce, const struct options *o)
{
	size_t i;
	unsigned extra = o->given & ~ce->options;

	for (i = 0; i < sizeof option_names / sizeof option_names[0]; i++) {
		if (extra & option_names[i].bit)
			return usage_error(_("%s: option %s does not apply to "
			    "this command"), ce->name, option_names[i].name);
	}
	return EXIT_OK;
}

#ifdef ENABLE_NLS
/*
 * Where the catalogues are: $REHEARSE_LOCALEDIR, else the installed ones
 * when they include ours, else the build tree's (a program run where it
 * was built, uninstalled, still speaks the user's language).
 */
static const char *
locale_dir(void)
{
	const char *env = getenv("REHEARSE_LOCALEDIR");

	if (env != NULL && *env != '\0')
		return env;
	if (access(LOCALEDIR "/nl/LC_MESSAGES/" PACKAGE ".mo", R_OK) == 0)
		return LOCALEDIR;
	return BUILD_LOCALEDIR;
}
#endif

int
main(int argc, char **argv)
{
	struct options o;
	const struct cmd_entry *ce;
	const char *env;
	int c, rc, nargs;
	char **args;

	/*
	 * The whole locale: messages, the character set (display widths),
	 * weekday names and decimal commas.  Dates stay YYYY-MM-DD.
	 */
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, locale_dir());
	textdomain(PACKAGE);
#endif
	/*
	 * Past a file size limit, a write should fail (EFBIG, which SQLite
	 * reports as a full disk) rather than kill us mid-transaction.
	 */
	signal(SIGXFSZ, SIG_IGN);
	memset(&o, 0, sizeof o);
	o.new_cards = 10;
	if ((env = getenv("REHEARSE_TODAY")) != NULL && *env != '\0' &&
	    (rc = parse_today(env, "REHEARSE_TODAY")) != EXIT_OK)
		return rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", long_options,
	    NULL)) != -1) {
		switch (c) {
		case 'h':
			cmd_usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("rehearse %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		case '?':
			if (optopt != 0)
				return usage_error(_("unknown option -%c"),
				    optopt);
			return usage_error(_("unknown option '%s'"),
			    argv[optind - 1]);
		case ':':
			return usage_error(_("option '%s' needs a value"),
			    argv[optind - 1]);
		default:
			if ((rc = take_option(&o, c, optarg)) != EXIT_OK)
				return rc;
		}
	}
	o.today = clock_today();
	if (o.db == NULL && (env = getenv("REHEARSE_DB")) != NULL &&
	    *env != '\0')
		o.db = env;

	args = argv + optind;
	nargs = argc - optind;
	ce = cmd_find("drill");		/* with no command, a drill */
	if (nargs > 0) {
		if ((ce = cmd_find(args[0])) == NULL)
			return usage_error(_("unknown command '%s'"), args[0]);
		args++;
		nargs--;
	}
	if ((rc = check_options(ce, &o)) != EXIT_OK)
		return rc;
	if (nargs < ce->min_args)
		return usage_error(_("%s: missing argument (usage: rehearse "
		    "%s %s)"), ce->name, ce->name, ce->usage);
	if (ce->max_args >= 0 && nargs > ce->max_args)
		return usage_error(_("%s: unexpected argument '%s' (usage: "
		    "rehearse %s %s)"), ce->name, args[ce->max_args],
		    ce->name, ce->usage);
	term_init();
	return ce->exec(&o, nargs, args);
}
