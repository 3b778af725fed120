/* deck-diag.c: diagnostics in file order, and libyaml's errors in our words. */
#include <sys/types.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deck-int.h"
#include "i18n.h"
#include "xmalloc.h"
#include "yaml-words.h"

struct diag {
	struct pos	 at;
	size_t		 seq;
	bool		 warning;
	char		*msg;
};

/*
 * User text for a message: control characters would reach the terminal
 * (a double-quoted "\e" is valid YAML), so they become '?', and a long
 * value is cut on a character boundary.
 */
const char *
diag_show(char *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n = 0;

	while (i < len && n < SHOW_MAX) {
		if (u[i] < 0x20 || u[i] == 0x7f) {
			out[n++] = '?';
			i++;
		} else if (u[i] == 0xc2 && i + 1 < len && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9f) {
			out[n++] = '?';
			i += 2;
		} else
			out[n++] = s[i++];
	}
	if (i < len) {
		while (n > 0 && ((unsigned char)out[n - 1] & 0xc0) == 0x80)
			n--;
		if (n > 0 && ((unsigned char)out[n - 1] & 0x80))
			n--;
		strcpy(out + n, "...");
	} else
		out[n] = '\0';
	return out;
}

static void
diag_add(struct ctx *c, bool warning, const struct pos *at, char *msg)
{
	if (c->ndiags == c->diagscap) {
		c->diagscap = c->diagscap ? c->diagscap * 2 : 16;
		c->diags = xreallocarray(c->diags, c->diagscap,
		    sizeof *c->diags);
	}
	c->diags[c->ndiags] = (struct diag){ at != NULL ? *at :
	    (struct pos){ SIZE_MAX, 0 }, c->ndiags, warning, msg };
	c->ndiags++;
}

/*
 * Warnings past lim->errors are only counted: a deck of 200,000 cards
 * without ids is valid and should not print 200,000 lines.
 */
void
diag_report(struct ctx *c, enum diag_level level, const struct pos *at,
    const char *fmt, ...)
{
	va_list ap;

	if (level == DIAG_FATAL)
		c->stop = true;
	if (level == DIAG_WARN) {
		if (c->warnings++ >= c->lim->errors)
			return;
	} else if (c->errors > c->lim->errors)
		return;		/* given up already */
	else if (++c->errors > c->lim->errors) {
		c->stop = true;
		diag_add(c, false, NULL,
		    xstrdup(_("too many errors, giving up")));
		return;
	}
	va_start(ap, fmt);
	diag_add(c, level == DIAG_WARN, at, xvasprintf(fmt, ap));
	va_end(ap);
}

/* Position-less diagnostics (file-wide, giving up) sort last. */
static int
diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;

	if (x->at.line != y->at.line)
		return x->at.line < y->at.line ? -1 : 1;
	if (x->at.column != y->at.column)
		return x->at.column < y->at.column ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * Errors are found out of order (a missing key only at the end of its
 * mapping, an event-level error before the card it is in is checked),
 * so they are kept, few as they are, and printed in file order.
 */
void
diag_flush(struct ctx *c, FILE *out)
{
	struct diag *d;
	size_t i;
	size_t hidden = c->warnings > c->lim->errors ?
	    c->warnings - c->lim->errors : 0;
	const char *kind;

	/*
	 * The English has always said "warnings", even for one: both forms
	 * keep it so, and a translation still gets its plural.
	 */
	if (hidden > 0)
		diag_add(c, true, NULL, xasprintf(ngettext("%zu more warnings "
		    "not shown", "%zu more warnings not shown", hidden),
		    hidden));
	if (c->ndiags > 0)
		qsort(c->diags, c->ndiags, sizeof *c->diags, diag_cmp);
	for (i = 0; i < c->ndiags; i++) {
		d = &c->diags[i];
		/* TRANSLATORS: after FILE:LINE:COLUMN: of a deck diagnostic. */
		kind = d->warning ? _("warning") : _("error");
		if (d->at.line != SIZE_MAX)
			fprintf(out, "%s:%zu:%zu: %s: %s\n", c->path,
			    d->at.line, d->at.column, kind, d->msg);
		else
			fprintf(out, "%s: %s: %s\n", c->path, kind, d->msg);
		free(d->msg);
	}
	free(c->diags);
	fflush(out);
}

/*
 * libyaml reports encoding errors by byte offset only: count lines and
 * characters (as its marks do) up to there.
 */
static bool
offset_pos(FILE *fp, size_t off, struct pos *at)
{
	unsigned char bom[3];
	size_t i = 0;
	int ch, prev = 0;

	if (fseeko(fp, 0, SEEK_SET) != 0)
		return false;
	clearerr(fp);
	/* libyaml drops a byte order mark before it counts columns. */
	if (off >= 3 && fread(bom, 1, 3, fp) == 3 &&
	    memcmp(bom, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	else if (fseeko(fp, 0, SEEK_SET) != 0)
		return false;
	at->line = at->column = 1;
	for (; i < off && (ch = getc(fp)) != EOF; i++, prev = ch) {
		if (ch == '\n' && prev == '\r')
			continue;
		if (ch == '\n' || ch == '\r') {
			at->line++;
			at->column = 1;
		} else if ((ch & 0xc0) != 0x80)
			at->column++;
	}
	return i == off;
}

/*
 * libyaml blames the byte after a bad lead byte ("Caf\xe9 au lait" is
 * Latin-1, not a bad space): go back to the lead byte, which is the one
 * to show.  Returns it, or v when it cannot be read.
 */
static int
utf8_lead(FILE *fp, size_t *off, int v)
{
	unsigned char b[3];
	size_t n = *off < 3 ? *off : 3, i;

	if (fseeko(fp, (off_t)(*off - n), SEEK_SET) != 0 ||
	    fread(b, 1, n, fp) != n)
		return v;
	for (i = n; i > 0; i--) {
		if ((b[i - 1] & 0xc0) == 0xc0) {
			*off -= n - i + 1;
			return b[i - 1];
		}
	}
	return v;
}

/* libyaml's encoding errors, in our words where its own are unclear. */
static void
reader_error(struct ctx *c, const yaml_parser_t *p)
{
	const char *s = p->problem;
	size_t off = p->problem_offset;
	int v = p->problem_value;
	struct pos at;
	char *msg;

	if (strcmp(s, "invalid trailing UTF-8 octet") == 0)
		v = utf8_lead(c->fp, &off, v);
	if (strcmp(s, "invalid leading UTF-8 octet") == 0 ||
	    strcmp(s, "invalid trailing UTF-8 octet") == 0)
		msg = xasprintf(_("invalid UTF-8 (byte 0x%02x): the file "
		    "must be saved as UTF-8"), v & 0xff);
	else if (strcmp(s, "incomplete UTF-8 octet sequence") == 0)
		msg = xstrdup(_("invalid UTF-8 (the file ends inside a "
		    "character)"));
	else if (strcmp(s, "invalid length of a UTF-8 sequence") == 0)
		msg = xstrdup(_("invalid UTF-8 (overlong encoding)"));
	else if (strcmp(s, "invalid Unicode character") == 0)
		msg = xasprintf(_("invalid Unicode character U+%04X"), v);
	else if (strcmp(s, "control characters are not allowed") == 0 &&
	    v < 0x80)
		msg = xasprintf(_("control character 0x%02x is not allowed "
		    "(is this a binary file?)"), v);
	else if (strcmp(s, "control characters are not allowed") == 0)
		msg = xasprintf(_("control character U+%04X is not allowed"),
		    v);
	else
		msg = xstrdup(s);	/* libyaml's own words, untranslated */
	if (offset_pos(c->fp, off, &at))
		diag_fatal(c, &at, "%s", msg);
	else
		diag_fatal(c, NULL, _("%s (at byte %zu)"), msg, off);
	free(msg);
}

/* libyaml's words where they are clear, a hint where they are not. */
void
diag_parse_error(struct ctx *c, const yaml_parser_t *p)
{
	static const char token[] = "found character that cannot start any "
	    "token";
	struct pos at = { p->problem_mark.line + 1,
	    p->problem_mark.column + 1 };
	const char *problem = p->problem, *context = yaml_words(p->context);
	int ch = -1;		/* the character a scanner error stopped at */

	if (p->error == YAML_SCANNER_ERROR && p->buffer.pointer != NULL &&
	    p->buffer.pointer < p->buffer.last)
		ch = *p->buffer.pointer;

	if (p->error == YAML_READER_ERROR)
		reader_error(c, p);
	else if (p->error == YAML_MEMORY_ERROR)
		diag_fatal(c, NULL, _("out of memory"));
	else if (problem == NULL)
		diag_fatal(c, &at, _("invalid YAML"));
	else if (strstr(problem, "tab character") != NULL ||
	    (strcmp(problem, token) == 0 && ch == '\t'))
		diag_fatal(c, &at, _("tab character used for indentation "
		    "(YAML indents with spaces only)"));
	else if (strcmp(problem, token) == 0 && ch > 0 &&
	    strchr("@`%", ch) != NULL)
		diag_fatal(c, &at, _("a value cannot start with '%c' (put "
		    "quotes around it)"), ch);
	else if (strcmp(problem, "mapping values are not allowed in this "
	    "context") == 0)
		/* TRANSLATORS: %s is libyaml's message, translated. */
		diag_fatal(c, &at, _("%s (check the indentation, or put "
		    "quotes around a value that contains ': ')"),
		    yaml_words(problem));
	else if (context == NULL)
		diag_fatal(c, &at, "%s", yaml_words(problem));
	else if (p->context_mark.line == p->problem_mark.line ||
	    strcmp(p->context, "while scanning for the next token") == 0)
		/* TRANSLATORS: libyaml's problem, then where it arose. */
		diag_fatal(c, &at, _("%s %s"), yaml_words(problem), context);
	else
		/* TRANSLATORS: libyaml's problem and where it arose. */
		diag_fatal(c, &at, _("%s %s (which starts at line %zu)"),
		    yaml_words(problem), context, p->context_mark.line + 1);
}
