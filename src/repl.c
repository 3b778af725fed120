/* repl.c: line input through readline's callback interface, or from a pipe. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "repl.h"
#include "term.h"
#include "xmalloc.h"

#define HISTORY_MAX 500

static volatile sig_atomic_t	 interrupted;
static bool			 tty;
static char			*history_file;
static const char *const	*words;
static const char *const	*arg_commands;
static const char *const	*arg_words;
static const char		*arg_typed;	/* what precedes readline's word */
static size_t			 arg_skip;
static char			*got_line;
static bool			 got_done;
static sigset_t			 unblocked;	/* the mask outside repl_read */

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* Readline calls this with each finished line (NULL on Ctrl-D). */
static void
on_line(char *line)
{
	got_line = line;
	got_done = true;
	rl_callback_handler_remove();
}

static char *
complete_word(const char *text, int state)
{
	static size_t i, len;
	const char *w;

	if (state == 0) {
		i = 0;
		len = strlen(text);
	}
	while ((w = words[i]) != NULL) {
		i++;
		if (strncmp(w, text, len) == 0)
			return xstrdup(w);
	}
	return NULL;
}

/*
 * An argument with spaces spans readline's words: each match is given
 * from where readline's word starts (arg_skip bytes into it), among the
 * arguments that begin with all that was typed (arg_typed).
 */
static char *
complete_arg(const char *text, int state)
{
	static size_t i, len;
	const char *w;

	(void)text;
	if (state == 0) {
		i = 0;
		len = strlen(arg_typed);
	}
	while ((w = arg_words[i]) != NULL) {
		i++;
		if (strncmp(w, arg_typed, len) == 0 && strlen(w) >= arg_skip)
			return xstrdup(w + arg_skip);
	}
	return NULL;
}

/* The command and space that start the line, when it takes arguments. */
static size_t
arg_command(void)
{
	size_t i, n;

	for (i = 0; arg_commands != NULL && arg_commands[i] != NULL; i++) {
		n = strlen(arg_commands[i]);
		if (strncmp(rl_line_buffer, arg_commands[i], n) == 0 &&
		    rl_line_buffer[n] == ' ')
			return n + 1;
	}
	return 0;
}

/* Complete ':' commands at the start of the line, and their arguments. */
static char **
complete(const char *text, int start, int end)
{
	char **matches;
	size_t at;

	rl_attempted_completion_over = 1;
	if (start == 0 && text[0] == ':')
		return rl_completion_matches(text, complete_word);
	if (arg_words == NULL || (at = arg_command()) == 0 ||
	    (size_t)start < at)
		return NULL;
	arg_typed = xstrndup(rl_line_buffer + at, (size_t)end - at);
	arg_skip = (size_t)start - at;
	matches = rl_completion_matches(text, complete_arg);
	free((char *)arg_typed);
	arg_typed = NULL;
	return matches;
}

void
repl_init(const char *history_path, const char *const *commands)
{
	struct sigaction sa = { .sa_handler = on_sigint };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);	/* no SA_RESTART: reads must wake */
	words = commands;
	tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (!tty)
		return;
	rl_readline_name = "rehearse";
	rl_catch_signals = 0;
	rl_catch_sigwinch = 1;
	rl_attempted_completion_function = complete;
	rl_basic_word_break_characters = " \t";
	stifle_history(HISTORY_MAX);
	if (history_path != NULL) {
		history_file = xstrdup(history_path);
		read_history(history_file);
	}
}

void
repl_complete_args(const char *const *commands, const char *const *args)
{
	arg_commands = commands;
	arg_words = args;
}

void
repl_done(void)
{
	if (tty && history_file != NULL)
		write_history(history_file);
	free(history_file);
	history_file = NULL;
}

bool
repl_interactive(void)
{
	return tty;
}

static enum repl_status
read_piped(char **line)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;

	fflush(stdout);
	errno = 0;
	/* A Ctrl-C before the read is one during it. */
	n = interrupted ? -1 : getline(&buf, &cap, stdin);
	if (n < 0) {
		free(buf);
		if (errno == EINTR || interrupted) {
			clearerr(stdin);
			interrupted = 0;
			return REPL_INTERRUPT;
		}
		return REPL_EOF;
	}
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	*line = buf;
	return REPL_LINE;
}

/* Leave readline's line editing after Ctrl-C, terminal restored. */
static void
abandon_line(void)
{
	rl_free_line_state();
	rl_callback_sigcleanup();
	rl_callback_handler_remove();
	rl_cleanup_after_signal();
	/* Readline has moved to the start of the prompt line: keep it. */
	fputs("\n", stdout);
	fflush(stdout);
}

/*
 * Wait for readline's input with Ctrl-C blocked except inside pselect(),
 * so a Ctrl-C cannot slip in between the check and the wait.
 */
static enum repl_status
read_tty(const char *prompt, char **line, repl_tick_fn tick, void *arg)
{
	const struct timespec ts = { 1, 0 };	/* pselect() leaves it */
	fd_set fds;
	int fd = fileno(rl_instream != NULL ? rl_instream : stdin), n;
	bool typed;

	fflush(stdout);
	got_done = false;
	got_line = NULL;
	rl_callback_handler_install(prompt, on_line);
	while (!got_done) {
		if (interrupted) {
			interrupted = 0;
			typed = rl_end > 0;
			abandon_line();
			if (!typed)
				return REPL_INTERRUPT;
			/* As in a shell: Ctrl-C drops what was typed, no more. */
			rl_callback_handler_install(prompt, on_line);
			continue;
		}
		FD_ZERO(&fds);
		FD_SET(fd, &fds);
		n = pselect(fd + 1, &fds, NULL, NULL, tick != NULL ? &ts : NULL,
		    &unblocked);
		if (n < 0 && errno != EINTR) {
			rl_callback_handler_remove();
			return REPL_EOF;
		}
		if (n == 0 && tick != NULL) {
			rl_set_prompt(tick(arg));
			rl_redisplay();
		} else if (n > 0)
			rl_callback_read_char();
	}
	*line = got_line;
	if (got_line == NULL) {
		putchar('\n');
		return REPL_EOF;
	}
	if (got_line[0] == ':')
		add_history(got_line);
	return REPL_LINE;
}

/* How many reads in a row ended in a Ctrl-C. */
static int	interrupts;

enum repl_status
repl_read(const char *prompt, char **line, repl_tick_fn tick, void *arg)
{
	sigset_t block;
	enum repl_status rs;

	/*
	 * A Ctrl-C that came while the card was being shown counts for
	 * this read: it is not cleared here.
	 */
	*line = NULL;
	if (!tty)
		rs = read_piped(line);
	else {
		sigemptyset(&block);
		sigaddset(&block, SIGINT);
		sigprocmask(SIG_BLOCK, &block, &unblocked);
		rs = read_tty(prompt, line, tick, arg);
		sigprocmask(SIG_SETMASK, &unblocked, NULL);
	}
	interrupts = rs == REPL_INTERRUPT ? interrupts + 1 : 0;
	return rs;
}

bool
repl_interrupted_twice(void)
{
	return interrupts >= 2;
}
