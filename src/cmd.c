/* cmd.c: the command table and what several commands share. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/stat.h>

#include "deck.h"
#include "i18n.h"
#include "rehearse.h"
#include "term.h"
#include "xmalloc.h"

static const struct cmd_entry *const cmd_table[] = {
	&cmd_drill_entry,
	&cmd_import_entry,
	&cmd_convert_entry,
	&cmd_new_entry,
	&cmd_lint_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_grade_entry,
	&cmd_stats_entry,
	&cmd_mock_entry,
	&cmd_story_entry,
	&cmd_interview_entry,
	&cmd_export_entry,
	&cmd_forget_entry,
	&cmd_suspend_entry,
	&cmd_unsuspend_entry,
	&cmd_config_entry,
	&cmd_help_entry,
	NULL,
};

void
cmd_usage(FILE *fp)
{
	int i;
	const char *u;
	char *prefix;
	size_t n;

	/* TRANSLATORS: PATH, YYYY-MM-DD, COMMAND and ARGS stay as they are. */
	fputs(_("usage: rehearse [--db PATH] [--today YYYY-MM-DD] "
	    "[COMMAND [ARGS]]\n\ncommands:\n"), fp);
	for (i = 0; cmd_table[i] != NULL; i++) {
		prefix = xasprintf("  %-8s ", cmd_table[i]->name);
		/* A usage of several lines (story) repeats the name on each. */
		for (u = cmd_table[i]->usage; *u != '\0';
		    u += n + (u[n] == '\n')) {
			n = strcspn(u, "\n");
			cmd_print_synopsis(fp, prefix, u, n);
		}
		free(prefix);
	}
	fputs(_("\nWith no command, drills the cards due today\n"
	    "(first run: imports the bundled decks).\n"
	    "Common options: --db PATH, --today YYYY-MM-DD, --json, "
	    "-h/--help, -V/--version.\n"
	    "See rehearse(1) and rehearse-deck(5).\n"), fp);
}

void
cmd_print_synopsis(FILE *fp, const char *prefix, const char *syn, size_t n)
{
	struct buf in = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	int hang = (int)term_display_width(prefix), depth = 0;
	size_t i;

	/* A blank inside brackets is held as \1 while wrapping: no break. */
	for (i = 0; i < n; i++) {
		depth += syn[i] == '[' ? 1 : syn[i] == ']' ? -1 : 0;
		buf_addc(&in, syn[i] == ' ' && depth > 0 ? '\1' : syn[i]);
	}
	buf_addc(&in, '\n');
	term_wrap(&out, in.data, term_width(), hang);
	for (i = 0; i < out.len; i++)
		if (out.data[i] == '\1')
			out.data[i] = ' ';
	fprintf(fp, "%s%s", prefix, out.data + hang);
	buf_free(&in);
	buf_free(&out);
}

int
cmd_usage_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("rehearse: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(_("Try 'rehearse --help' for more information.\n"), stderr);
	return EXIT_USAGE;
}

const struct cmd_entry *
cmd_find(const char *name)
{
	int i;

	for (i = 0; cmd_table[i] != NULL; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

/* mkdir -p, the last component with mode 0700 (progress is private). */
static int
make_dirs(char *path)
{
	char *p;
	int rc;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		rc = mkdir(path, 0755);
		*p = '/';
		if (rc != 0 && errno != EEXIST)
			return -1;
	}
	return mkdir(path, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

char *
cmd_data_file(const char *name)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *dir, *path = NULL;

	if (xdg != NULL && *xdg == '/')
		dir = xasprintf("%s/rehearse", xdg);
	else if (home != NULL && *home != '\0')
		dir = xasprintf("%s/.local/share/rehearse", home);
	else {
		warnx_(_("neither XDG_DATA_HOME nor HOME is set: use --db "
		    "PATH"));
		return NULL;
	}
	if (make_dirs(dir) != 0)
		warnx_(_("%s: cannot create directory: %s"), dir,
		    strerror(errno));
	else
		path = xasprintf("%s/%s", dir, name);
	free(dir);
	return path;
}

/*
 * Yes: y, Y or yes, and the same words in the user's language (the short
 * one in either case); they are what the prompt's [y/N] offers.
 */
static bool
is_yes(const char *line)
{
	/* TRANSLATORS: the short yes of [y/N], one letter. */
	const char *y = _("y");
	/* TRANSLATORS: the long yes of [y/N], also accepted. */
	const char *yes = _("yes");

	return strcasecmp(line, "y") == 0 || strcasecmp(line, y) == 0 ||
	    strcmp(line, "yes") == 0 || strcmp(line, yes) == 0;
}

static volatile sig_atomic_t got_sigint;

static void
on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

/*
 * The answer line, or NULL for Ctrl-D or Ctrl-C.  Ctrl-C is let in only
 * while waiting (pselect), so that one pressed at any moment is seen.
 */
static char *
read_answer(char *line, size_t size, const sigset_t *waiting)
{
	fd_set fds;
	int n;

	while (!got_sigint && isatty(STDIN_FILENO)) {
		FD_ZERO(&fds);
		FD_SET(STDIN_FILENO, &fds);
		n = pselect(STDIN_FILENO + 1, &fds, NULL, NULL, NULL, waiting);
		if (n > 0)
			break;
		if (n < 0 && errno != EINTR)
			return NULL;
	}
	if (got_sigint)
		return NULL;
	return fgets(line, (int)size, stdin);
}

bool
cmd_confirm(const char *question)
{
	struct sigaction sa, old;
	sigset_t block, waiting;
	struct buf b = { 0 };
	char line[64];
	bool yes = false;

	/* A Ctrl-C is a no, as Ctrl-D is, not the end of the program. */
	got_sigint = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, &waiting);
	term_wrap(&b, question, term_width(), 0);
	while (b.len > 0 && (b.data[b.len - 1] == '\n' ||
	    b.data[b.len - 1] == ' '))
		b.data[--b.len] = '\0';
	printf("%s ", b.data != NULL ? b.data : "");
	fflush(stdout);
	buf_free(&b);
	if (read_answer(line, sizeof line, &waiting) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		yes = is_yes(line);
	} else
		putchar('\n');
	sigprocmask(SIG_SETMASK, &waiting, NULL);
	sigaction(SIGINT, &old, NULL);
	return yes;
}

struct store *
cmd_open_store(const struct options *o)
{
	char *path, *err;
	struct store *st;

	path = o->db != NULL ? xstrdup(o->db) : cmd_data_file("rehearse.db");
	if (path == NULL)
		return NULL;
	st = store_open(path, &err);
	if (st == NULL) {
		warnx_("%s", err);
		free(err);
	}
	free(path);
	return st;
}

int
cmd_get_card(struct store *st, const char *arg, struct card_view *v)
{
	const char *slash = strchr(arg, '/');
	char *deck;
	int rc;

	if (slash == NULL || slash == arg || slash[1] == '\0' ||
	    strchr(slash + 1, '/') != NULL) {
		warnx_(_("'%s' is not DECK/CARD"), arg);
		return EXIT_USAGE;
	}
	deck = xstrndup(arg, (size_t)(slash - arg));
	rc = store_card_get(st, deck, slash + 1, v);
	if (rc == 1)
		warnx_(_("%s: no such card (see 'rehearse list %s')"), arg,
		    deck);
	else if (rc < 0)
		warnx_("%s", store_error(st));
	free(deck);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

int
cmd_check_deck(struct store *st, const char *id, char **json)
{
	char *missing;
	int rc;

	*json = xasprintf("[\"%s\"]", deck_valid_id(id) ? id : "");
	rc = store_decks_exist(st, *json, &missing);
	if (rc > 0 && !store_failed(st))
		return EXIT_OK;
	if (rc < 0 || store_failed(st))
		warnx_("%s", store_error(st));
	else
		warnx_(_("%s: no such deck (see 'rehearse list')"), id);
	free(missing);
	free(*json);
	*json = NULL;
	return EXIT_FAIL;
}

int
cmd_store_error(struct store *st)
{
	warnx_("%s", store_error(st));
	return EXIT_FAIL;
}

int
cmd_check_store(struct store *st)
{
	return store_failed(st) ? cmd_store_error(st) : EXIT_OK;
}
