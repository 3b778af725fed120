/* term.c: printing untrusted deck text safely, colour, and word wrapping. */
#include <sys/ioctl.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "term.h"

#define TERM_MIN_WIDTH		20
#define TERM_DEFAULT_WIDTH	80
#define TERM_TAB_WIDTH		4

static bool	term_has_colour;
static int	term_cols = TERM_DEFAULT_WIDTH;

/* A range of code points and the column count the fallback gives them. */
struct width_range {
	uint32_t	lo;
	uint32_t	hi;
	int		width;
};

/*
 * Used only when wcwidth() has no answer (the C locale knows nothing past
 * ASCII), so wrapping stays roughly right for CJK and emoji regardless.
 */
static const struct width_range fallback_widths[] = {
	{ 0x0300, 0x036f, 0 },
	{ 0x1100, 0x115f, 2 },
	{ 0x2e80, 0x303e, 2 },
	{ 0x3040, 0xa4cf, 2 },
	{ 0xac00, 0xd7a3, 2 },
	{ 0xf900, 0xfaff, 2 },
	{ 0xfe30, 0xfe4f, 2 },
	{ 0xff00, 0xff60, 2 },
	{ 0xffe0, 0xffe6, 2 },
	{ 0x1f300, 0x1f64f, 2 },
	{ 0x1f900, 0x1f9ff, 2 },
	{ 0x20000, 0x3fffd, 2 },
};

/* State for wrapping one source line. */
struct wrap {
	struct buf	*b;
	int		 prefix;	/* spaces at the start of each line */
	int		 avail;		/* columns for text after the prefix */
	int		 col;		/* text columns used on this line */
};

void
term_init(void)
{
	const char *term = getenv("TERM"), *no_colour = getenv("NO_COLOR");
	const char *cols = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long n;

	/* no-color.org: only a non-empty NO_COLOR counts. */
	term_has_colour = isatty(STDOUT_FILENO) &&
	    (no_colour == NULL || *no_colour == '\0') &&
	    (term == NULL || strcmp(term, "dumb") != 0);
	/*
	 * The terminal's columns, else $COLUMNS when it is sane, else 80.
	 * Some ptys (serial consoles, fresh containers) report 0 columns;
	 * the range rules out "" (0) and overflow (LONG_MIN, LONG_MAX).
	 */
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		n = ws.ws_col;
	else if (cols == NULL || (n = strtol(cols, &end, 10)) <= 0 ||
	    n > 10000 || *end != '\0')
		n = TERM_DEFAULT_WIDTH;
	term_set_width((int)n);
}

bool
term_colour(void)
{
	return term_has_colour;
}

int
term_width(void)
{
	return term_cols;
}

void
term_set_width(int n)
{
	term_cols = n < TERM_MIN_WIDTH ? TERM_MIN_WIDTH : n;
}

/*
 * Decode one strict UTF-8 sequence at p (NUL-terminated) into *cp. Returns
 * its length, or 0 if p[0] does not start a valid sequence. The NUL fails
 * every continuation check, so a truncated sequence never reads past it.
 */
static size_t
utf8_decode(const unsigned char *p, uint32_t *cp)
{
	unsigned char lo, hi;
	uint32_t c = p[0];
	size_t i, n;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xc2 || c > 0xf4)
		return 0;
	n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	c &= 0x7f >> n;
	/* Second-byte bounds rule out overlongs, surrogates, > U+10FFFF. */
	lo = p[0] == 0xe0 ? 0xa0 : p[0] == 0xf0 ? 0x90 : 0x80;
	hi = p[0] == 0xed ? 0x9f : p[0] == 0xf4 ? 0x8f : 0xbf;
	for (i = 1; i < n; i++) {
		if (p[i] < lo || p[i] > hi)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = c;
	return n;
}

static bool
is_bidi_control(uint32_t cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

void
term_sanitize(struct buf *b, const char *s, bool keep_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t n;

	buf_add(b, "", 0);	/* b->data is a string even if s is empty */
	for (; *p != '\0'; p += n) {
		if ((n = utf8_decode(p, &cp)) == 0) {
			buf_printf(b, "\\x%02x", *p);
			n = 1;
		} else if (cp == '\n' || cp == '\t')
			buf_addc(b, keep_newlines ? (char)cp : ' ');
		else if (cp < 0x20 || cp == 0x7f) {
			/* Caret notation: ^@ .. ^_ for C0, ^? for DEL. */
			buf_addc(b, '^');
			buf_addc(b, (char)(cp ^ 0x40));
		} else if ((cp >= 0x80 && cp <= 0x9f) || is_bidi_control(cp))
			buf_printf(b, "<U+%04X>", (unsigned int)cp);
		else
			buf_add(b, p, n);
	}
}

static int
char_width(uint32_t cp)
{
	int w = wcwidth((wchar_t)cp);
	size_t i;

	if (w >= 0)
		return w;
	for (i = 0; i < sizeof fallback_widths / sizeof fallback_widths[0]; i++) {
		if (cp >= fallback_widths[i].lo && cp <= fallback_widths[i].hi)
			return fallback_widths[i].width;
	}
	return 1;	/* a stray control too: it will print as something */
}

/*
 * Length and width of the character at p, at most len bytes long. A byte
 * that does not start valid UTF-8 is taken alone, one column wide.
 */
static size_t
next_char(const char *p, size_t len, int *width)
{
	uint32_t cp;
	size_t n = utf8_decode((const unsigned char *)p, &cp);

	if (n == 0 || n > len) {
		*width = 1;
		return 1;
	}
	*width = char_width(cp);
	return n;
}

static size_t
width_of(const char *s, size_t len)
{
	size_t i = 0, total = 0;
	int w;

	while (i < len) {
		i += next_char(s + i, len - i, &w);
		total += (size_t)w;
	}
	return total;
}

size_t
term_display_width(const char *s)
{
	return width_of(s, strlen(s));
}

static void
add_spaces(struct buf *b, int n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

static void
wrap_newline(struct wrap *w)
{
	buf_addc(w->b, '\n');
	add_spaces(w->b, w->prefix);
	w->col = 0;
}

/*
 * Place a word after gap spaces, on this line if it fits, else the next;
 * one too long for any line breaks between characters.
 */
static void
wrap_word(struct wrap *w, int gap, const char *word, size_t len)
{
	int ww = (int)width_of(word, len), cw;
	size_t i, n;

	if (w->col > 0 && w->col + gap + ww <= w->avail) {
		add_spaces(w->b, gap);
		w->col += gap;
	} else if (w->col > 0)
		wrap_newline(w);
	for (i = 0; i < len; i += n) {
		n = next_char(word + i, len - i, &cw);
		/* At the start of a line it goes in anyway, or nothing would. */
		if (w->col > 0 && w->col + cw > w->avail)
			wrap_newline(w);
		buf_add(w->b, word + i, n);
		w->col += cw;
	}
}

/*
 * Wrap one source line (no newline in it); a tab is four columns of
 * blank, as four spaces would be. Its leading blanks carry over to its
 * continuation lines so indented lists stay indented, but at most half
 * the line, so that deep indentation cannot squeeze text to nothing.
 */
static void
wrap_line(struct buf *b, const char *s, size_t len, int width, int indent)
{
	struct wrap w;
	size_t i = 0, start;
	int lead, gap, room;

	for (lead = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		lead += s[i] == '\t' ? TERM_TAB_WIDTH : 1;
	if (i == len) {
		buf_addc(b, '\n');	/* blank: no trailing whitespace */
		return;
	}
	room = width - indent < 1 ? 1 : width - indent;
	lead = lead > room / 2 ? room / 2 : lead;
	w = (struct wrap){ b, indent + lead, room - lead, 0 };
	add_spaces(b, w.prefix);
	while (i < len) {
		for (gap = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
			gap += s[i] == '\t' ? TERM_TAB_WIDTH : 1;
		if (i == len)
			break;
		for (start = i; i < len && s[i] != ' ' && s[i] != '\t'; i++)
			;
		wrap_word(&w, gap, s + start, i - start);
	}
	buf_addc(b, '\n');
}

void
term_wrap(struct buf *b, const char *s, int width, int indent)
{
	const char *p;
	size_t len;

	if (indent < 0)
		indent = 0;
	buf_add(b, "", 0);
	/* A final newline ends the last line; it does not start another. */
	for (p = s; *p != '\0'; p += len + (p[len] == '\n')) {
		len = strcspn(p, "\n");
		wrap_line(b, p, len, width, indent);
	}
}

/*
 * Columns the character at p takes once term_sanitize has made it safe,
 * its length in *n: a placeholder is wider than what it stands for.
 */
static int
shown_width(const unsigned char *p, size_t *n)
{
	uint32_t cp;

	if ((*n = utf8_decode(p, &cp)) == 0) {
		*n = 1;
		return 4;			/* \xff */
	}
	if (cp == '\t')
		return TERM_TAB_WIDTH;
	if (cp < 0x20 || cp == 0x7f)
		return 2;			/* ^M */
	if ((cp >= 0x80 && cp <= 0x9f) || is_bidi_control(cp))
		return 8;			/* <U+202E> */
	return char_width(cp);
}

/*
 * A line that fits counts one without being wrapped (most do, and
 * printable ASCII is one column a byte); a longer one is sanitized and
 * wrapped as it would be printed.
 */
size_t
term_wrapped_lines(const char *s, int width)
{
	struct buf line = { NULL, 0, 0 }, clean = { NULL, 0, 0 };
	struct buf out = { NULL, 0, 0 };
	const unsigned char *p;
	size_t lines = 0, len, i, n;
	int cols;

	for (; *s != '\0'; s += len + (s[len] == '\n')) {
		len = strcspn(s, "\n");
		p = (const unsigned char *)s;
		for (i = 0, cols = 0; i < len && cols <= width; i += n)
			cols += p[i] >= 0x20 && p[i] < 0x7f ? (int)(n = 1) :
			    shown_width(p + i, &n);
		if (cols <= width) {
			lines++;
			continue;
		}
		buf_reset(&line);
		buf_add(&line, s, len);
		buf_reset(&clean);
		term_sanitize(&clean, line.data, true);
		buf_reset(&out);
		term_wrap(&out, clean.data, width, 0);
		for (i = 0; i < out.len; i++)
			lines += out.data[i] == '\n';
	}
	buf_free(&line);
	buf_free(&clean);
	buf_free(&out);
	return lines;
}

void
term_print_wrapped(FILE *fp, const char *s, int indent)
{
	struct buf clean = { NULL, 0, 0 }, out = { NULL, 0, 0 };

	term_sanitize(&clean, s, true);
	term_wrap(&out, clean.data, term_cols, indent);
	fputs(out.data, fp);
	buf_free(&clean);
	buf_free(&out);
}

char *
term_safe(const char *s)
{
	struct buf b = { NULL, 0, 0 };

	term_sanitize(&b, s, false);
	return b.data;
}

void
term_add_cut(struct buf *b, const char *s, size_t width)
{
	struct buf clean = { NULL, 0, 0 };
	const char *p;
	size_t w = 0, n, total;
	int cw;

	term_sanitize(&clean, s, false);
	total = term_display_width(clean.data);
	for (p = clean.data; *p != '\0' && total > width; p += n) {
		n = next_char(p, strlen(p), &cw);
		/* Room for the ellipsis, one column, after this character. */
		if (w + (size_t)cw + 1 > width)
			break;
		w += (size_t)cw;
	}
	if (total > width) {
		buf_add(b, clean.data, (size_t)(p - clean.data));
		buf_adds(b, "…");
	} else
		buf_adds(b, clean.data);
	buf_free(&clean);
}
