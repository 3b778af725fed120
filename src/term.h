/* term.h: printing untrusted text safely, colour, and wrapping. */
#ifndef REHEARSE_TERM_H
#define REHEARSE_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "xmalloc.h"

/*
 * Decide once, at start-up, whether stdout gets colour and how wide it is.
 * Colour only on a terminal, never with NO_COLOR set or TERM=dumb.
 */
void	 term_init(void);
bool	 term_colour(void);
/* Columns: the terminal's, else $COLUMNS, else 80; never under 20. */
int	 term_width(void);
void	 term_set_width(int);		/* for tests */

/*
 * Append s to b with every terminal control neutralised: C0 controls
 * (but newline and tab when keep_newlines), DEL, C1 controls, bidi
 * embedding/override/isolate marks and invalid UTF-8 become visible
 * placeholders (^[, ^M, <U+202E>, \xff), so deck text cannot move the
 * cursor, retitle the window or recolour the screen.  Without
 * keep_newlines, newline and tab become one space each.
 */
void	 term_sanitize(struct buf *b, const char *s, bool keep_newlines);

/* Display width of a sanitized UTF-8 string (wide characters count 2). */
size_t	 term_display_width(const char *s);

/*
 * Append s (already sanitized) wrapped to width columns, each line
 * starting with indent spaces; line breaks and blank lines kept, tabs as
 * four spaces, a line's own leading spaces carried to its continuation
 * lines (at most half the width), a final newline not doubled.
 */
void	 term_wrap(struct buf *b, const char *s, int width, int indent);

/* s sanitized on one line (newlines and tabs as spaces; caller frees). */
char	*term_safe(const char *s);
/*
 * Append s sanitized on one line, cut to at most width columns: when
 * longer, its start and an ellipsis ("…") fill them.
 */
void	 term_add_cut(struct buf *b, const char *s, size_t width);
/*
 * The lines s takes sanitized and wrapped to width columns (no indent),
 * as term_print_wrapped would print it.
 */
size_t	 term_wrapped_lines(const char *s, int width);

/* Sanitize, wrap and print s to fp with the given indent. */
void	 term_print_wrapped(FILE *fp, const char *s, int indent);

/* ANSI sequences when colour is on, "" otherwise (static strings). */
#define term_bold()	(term_colour() ? "\033[1m" : "")
#define term_dim()	(term_colour() ? "\033[2m" : "")
#define term_green()	(term_colour() ? "\033[32m" : "")
#define term_yellow()	(term_colour() ? "\033[33m" : "")
#define term_red()	(term_colour() ? "\033[31m" : "")
#define term_cyan()	(term_colour() ? "\033[36m" : "")
#define term_reset()	(term_colour() ? "\033[0m" : "")

#endif
