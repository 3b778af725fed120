/* repl.h: reading the user's lines, with readline on a terminal. */
#ifndef REHEARSE_REPL_H
#define REHEARSE_REPL_H

#include <stdbool.h>

enum repl_status {
	REPL_LINE,		/* *line is set and belongs to the caller */
	REPL_EOF,		/* Ctrl-D, or the end of piped input */
	REPL_INTERRUPT,		/* Ctrl-C */
};

/* Called about once a second while waiting; returns the new prompt. */
typedef const char *(*repl_tick_fn)(void *);

/*
 * Start reading: readline with history (kept at history_path, may be
 * NULL) and completion of the words in commands when standard input is
 * a terminal, plain lines otherwise.  Installs the Ctrl-C handler.
 */
void	repl_init(const char *history_path, const char *const *commands);
void	repl_done(void);
/*
 * On a terminal, complete what follows one of commands and a space (as
 * ":link ") from args, whole: spaces and all, as titles have them.  Both
 * arrays end with NULL and are borrowed until the next call (NULL: none).
 */
void	repl_complete_args(const char *const *commands,
	    const char *const *args);
bool	repl_interactive(void);

/*
 * Read one line.  The prompt is shown only on a terminal; output is
 * flushed first either way.  With tick, the prompt is refreshed each
 * second (a running timer).
 */
enum repl_status repl_read(const char *prompt, char **line, repl_tick_fn tick,
	    void *arg);
/*
 * Whether the last two reads both ended in a Ctrl-C, with nothing typed
 * in between: "twice in a row", which ends a session.  On a terminal, a
 * Ctrl-C over typed text only drops the text, as in a shell.
 */
bool	repl_interrupted_twice(void);

#endif
