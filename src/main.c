/* main.c: options, environment and dispatch to a command. */
#include <errno.h>
#include <locale.h>
#include <unistd.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "deck.h"
#include "i18n.h"
#include "rehearse.h"
#include "term.h"

/*
 * An option a command may refuse has its enum opt_bit as getopt's value,
 * and the table lists them in bit order, so that the first refused is the
 * one named.  --db and --today, above every bit, apply to every command.
 */
enum {
	OPT_DB = 1 << 28,
	OPT_TODAY,
};

static const struct option long_options[] = {
	{ "json", no_argument, NULL, O_JSON },
	{ "new", required_argument, NULL, O_NEW },
	{ "tag", required_argument, NULL, O_TAG },
	{ "limit", required_argument, NULL, O_LIMIT },
	{ "cram", no_argument, NULL, O_CRAM },
	{ "lang", required_argument, NULL, O_LANG },
	{ "with-stories", no_argument, NULL, O_WITH_STORIES },
	{ "yes", no_argument, NULL, O_YES },
	{ "clear", no_argument, NULL, O_CLEAR },
	{ "time-limit", required_argument, NULL, O_TIME_LIMIT },
	{ "in-order", no_argument, NULL, O_IN_ORDER },
	{ "for", required_argument, NULL, O_FOR },
	{ "deck", required_argument, NULL, O_DECK },
	{ "title", required_argument, NULL, O_TITLE },
	{ "kind", required_argument, NULL, O_KIND },
	{ "format", required_argument, NULL, O_FORMAT },
	{ "story", required_argument, NULL, O_STORY },
	{ "tags", required_argument, NULL, O_TAGS },
	{ "stories", no_argument, NULL, O_STORIES },
	{ "minutes", required_argument, NULL, O_MINUTES },
	{ "seed", required_argument, NULL, O_SEED },
	{ "speak", no_argument, NULL, O_SPEAK },
	{ "speak-to", required_argument, NULL, O_SPEAK_TO },
	{ "history", no_argument, NULL, O_HISTORY },
	{ "last", no_argument, NULL, O_LAST },
	{ "all", no_argument, NULL, O_ALL },
	{ "db", required_argument, NULL, OPT_DB },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* A usage error: the message, then where to read more; EXIT_USAGE. */
#define usage_error(...)	(warnx_(__VA_ARGS__), usage_hint())

static int
usage_hint(void)
{
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
	case O_NEW:
		if (!parse_count(arg, 1000000, &o->new_cards))
			return usage_error(_("--new: '%s' is not a number of "
			    "cards (0 to 1000000)"), arg);
		break;
	case O_LIMIT:
		if (!parse_count(arg, INT64_MAX, &o->limit) || o->limit == 0)
			return usage_error(_("--limit: '%s' is not a positive "
			    "number of cards"), arg);
		break;
	case O_TIME_LIMIT:
		if (!parse_count(arg, 86400, &o->time_limit) ||
		    o->time_limit == 0)
			return usage_error(_("--time-limit: '%s' is not a "
			    "number of seconds (1 to 86400)"), arg);
		break;
	case O_TAG:
		o->tag = arg;
		break;
	case O_FOR:
		o->for_decks = arg;
		break;
	case O_DECK:
		if (!deck_valid_id(arg))
			return usage_error(_("--deck: '%s' is not a deck id "
			    "(lower-case letters, digits and '-', at most "
			    "%d)"), arg, DECK_ID_MAX);
		o->deck = arg;
		break;
	case O_TITLE:
		if (*arg == '\0')
			return usage_error(_("--title: empty title"));
		o->title = arg;
		break;
	case O_KIND:
		if (strcmp(arg, "recall") != 0 && strcmp(arg, "practice") != 0 &&
		    strcmp(arg, "ask") != 0)
			return usage_error(_("--kind: '%s' is not a kind of card "
			    "(recall, practice, ask)"), arg);
		o->kind = arg;
		break;
	case O_FORMAT:
		o->format = arg;
		break;
	case O_STORY:
		o->story = arg;
		break;
	case O_TAGS:
		o->tags = arg;
		break;
	case O_MINUTES:
		if (!parse_count(arg, 1000, &o->minutes) ||
		    (o->minutes != 45 && o->minutes != 60 && o->minutes != 90))
			return usage_error(_("--minutes: '%s' is not the length "
			    "of a mock interview (45, 60 or 90)"), arg);
		break;
	case O_SEED:
		if (!parse_count(arg, INT64_MAX, &o->seed))
			return usage_error(_("--seed: '%s' is not a whole number "
			    "(0 or more)"), arg);
		break;
	case O_SPEAK_TO:
		if (*arg == '\0')
			return usage_error(_("--speak-to: empty directory"));
		o->speak_to = arg;
		break;
	case O_LANG:
		if (strcmp(arg, "en") != 0 && strcmp(arg, "nl") != 0)
			return usage_error(_("--lang: '%s' is not a language "
			    "of the bundled decks (en, nl)"), arg);
		o->lang = arg;
		break;
	}
	/* For a switch (--json, --cram, ...), being given is all there is. */
	o->given |= (unsigned)c;
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

/*
 * The locale the environment names, or, when the system lacks it (a
 * fresh Debian install has no nl_NL.UTF-8 until it is generated), its
 * language through LANGUAGE with C.UTF-8's character set: otherwise the
 * decks would follow LANG into Dutch while every message stayed English.
 */
static void
set_locale(void)
{
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" }, *v = NULL;
	char lang[16];
	size_t i, n;

	if (setlocale(LC_ALL, "") != NULL)
		return;
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			break;
	if (v == NULL || *v == '\0' || setlocale(LC_ALL, "C.UTF-8") == NULL)
		return;
	n = strcspn(v, "_.@");
	if (n > 0 && n < sizeof lang && strncmp(v, "C", n) != 0 &&
	    strncmp(v, "POSIX", n) != 0) {
		memcpy(lang, v, n);
		lang[n] = '\0';
		setenv("LANGUAGE", lang, 0);	/* one the user set stays */
	}
}

int
main(int argc, char **argv)
{
	struct options o = { .new_cards = 10 };
	const struct cmd_entry *ce;
	const struct option *opt;
	const char *env;
	int c, rc, nargs;
	char **args;
	bool help = false;

	/*
	 * The whole locale: messages, the character set (display widths),
	 * weekday names and decimal commas.  Dates stay YYYY-MM-DD.
	 */
	set_locale();
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, locale_dir());
	textdomain(PACKAGE);
#endif
	/*
	 * Past a file size limit, a write should fail (EFBIG, which SQLite
	 * reports as a full disk) rather than kill us mid-transaction.
	 */
	signal(SIGXFSZ, SIG_IGN);
	if ((env = getenv("REHEARSE_TODAY")) != NULL && *env != '\0' &&
	    (rc = parse_today(env, "REHEARSE_TODAY")) != EXIT_OK)
		return rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", long_options,
	    NULL)) != -1) {
		/* Past --help the rest is read only to find the command. */
		if (help)
			continue;
		switch (c) {
		case 'h':
			help = true;
			break;
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
	/* COMMAND --help is help COMMAND; without a command, every one. */
	if (help) {
		term_init();		/* its width, to wrap the synopses */
		if (optind < argc && cmd_find(argv[optind]) != NULL)
			return cmd_find("help")->exec(&o, 1, argv + optind);
		cmd_usage(stdout);
		return EXIT_OK;
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
	for (opt = long_options; opt->name != NULL; opt++) {
		if ((unsigned)opt->val & o.given & ~ce->options)
			return usage_error(_("%s: option --%s does not apply "
			    "to this command"), ce->name, opt->name);
	}
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
