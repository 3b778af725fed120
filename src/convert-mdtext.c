/* convert-mdtext.c: Markdown's inline syntax (emphasis, code, links) and <summary> items made plain text. */
#include <stdlib.h>
#include <string.h>

#include "convert.h"

static bool
is_alnum(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || (unsigned char)ch >= 0x80;
}

static bool
is_punct(char ch)
{
	return ch > ' ' && ch < 0x7f && !is_alnum(ch);
}

/* The character at i, or a space outside the text. */
static char
at(const char *s, size_t len, size_t i)
{
	return i < len ? s[i] : ' ';
}

/* Add text where '<' and '&' stay themselves through conv_html. */
static void
add_literal(struct buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '<')
			buf_adds(b, "&lt;");
		else if (s[i] == '&')
			buf_adds(b, "&amp;");
		else
			buf_addc(b, s[i] == '\n' ? ' ' : s[i]);
	}
}

/*
 * Where each opening mark closes, found in one pass so that a line of
 * a million '[' costs no more than a million letters: close[i] is the
 * index of the ']' or ')' matching a '[' or '(' at i, or of the run of
 * backticks as long as the one starting at i; 0 for none.
 */
struct marks {
	const char	*s;
	size_t		 len;
	size_t		*close;
};

#define RUN_MAX	32	/* longer runs of backticks never open code */

static void
mark_brackets(struct marks *m, char open, char shut)
{
	size_t *stack = NULL, n = 0, i;

	for (i = 0; i < m->len; i++) {
		if (m->s[i] == '\\' && i + 1 < m->len)
			i++;
		else if (m->s[i] == open) {
			stack = xreallocarray(stack, n + 1, sizeof *stack);
			stack[n++] = i;
		} else if (m->s[i] == shut && n > 0)
			m->close[stack[--n]] = i;
	}
	free(stack);
}

/* Each run of backticks closed by the next run of the same length. */
static void
mark_code(struct marks *m)
{
	size_t next[RUN_MAX + 1] = { 0 }, i, n;

	for (i = m->len; i > 0; i--) {
		if (m->s[i - 1] != '`' || (i >= 2 && m->s[i - 2] == '`'))
			continue;
		for (n = 0; i - 1 + n < m->len && m->s[i - 1 + n] == '`'; n++)
			;
		if (n > RUN_MAX || (i >= 2 && m->s[i - 2] == '\\'))
			continue;
		m->close[i - 1] = next[n];
		next[n] = i - 1;
	}
}

/*
 * A link at i ('['): true with where its text closes (*close) and where
 * the whole link ends (*end).  A footnote reference goes entirely.
 */
static bool
link(const struct marks *m, size_t i, size_t *close, size_t *end)
{
	size_t j;

	if ((*close = m->close[i]) == 0)
		return false;
	j = *close + 1;
	if (at(m->s, m->len, i + 1) == '^') {
		*close = i + 1;
		*end = j;
		return true;
	}
	if (at(m->s, m->len, j) != '(' && at(m->s, m->len, j) != '[')
		return false;
	if ((*end = m->close[j]) == 0)
		return false;
	++*end;
	return true;
}

/* A code span at i: its content added; the length of it all. */
static size_t
code(struct buf *b, const struct marks *m, size_t i)
{
	const char *s = m->s;
	size_t n = 0, first, last;

	while (i + n < m->len && s[i + n] == '`')
		n++;
	if (m->close[i] == 0) {
		buf_add(b, s + i, n);
		return n;
	}
	first = i + n;
	last = m->close[i];
	/* One space inside each end is padding, when both have it. */
	if (last - first >= 2 && s[first] == ' ' && s[last - 1] == ' ') {
		first++;
		last--;
	}
	add_literal(b, s + first, last - first);
	return m->close[i] + n - i;
}

/*
 * An autolink at i ('<'): <scheme:...> or <user@host>, whose text is
 * the address itself.  Its length, 0 when it is not one; the search
 * ends at the next '<' or blank, so text full of '<' is read once.
 */
static size_t
autolink(struct buf *b, const char *s, size_t len, size_t i)
{
	size_t j, scheme = 0, at_sign = 0;

	for (j = i + 1; j < len && s[j] != '>'; j++) {
		if (s[j] == '<' || s[j] == ' ' || s[j] == '\t' ||
		    s[j] == '\n' || (unsigned char)s[j] < 0x20)
			return 0;
		if (s[j] == ':' && scheme == 0 && at_sign == 0)
			scheme = j;
		else if (s[j] == '@' && at_sign == 0 && scheme == 0)
			at_sign = j;
	}
	if (j >= len || (scheme == 0 && at_sign == 0))
		return 0;
	if (scheme != 0) {
		/* A scheme: a letter, then 1 to 31 of letters, digits, +.- */
		if (scheme - i - 1 < 2 || scheme - i - 1 > 32 ||
		    !((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))
			return 0;
		for (at_sign = i + 1; at_sign < scheme; at_sign++)
			if ((unsigned char)s[at_sign] >= 0x80 ||
			    (!is_alnum(s[at_sign]) &&
			    strchr("+.-", s[at_sign]) == NULL))
				return 0;
	} else if (at_sign == i + 1 || at_sign + 1 == j)
		return 0;
	add_literal(b, s + i + 1, j - i - 1);
	return j - i + 1;
}

/* Emphasis markers go; a '*' between spaces or a '_' inside a word stays. */
static bool
emphasis(const char *s, size_t len, size_t i, size_t n)
{
	char before = i > 0 ? s[i - 1] : ' ', after = at(s, len, i + n);
	bool left = after != ' ' && after != '\n';
	bool right = before != ' ' && before != '\n';

	if (s[i] == '*')
		return left || right;
	if (s[i] == '_')
		return (left && !is_alnum(before)) ||
		    (right && !is_alnum(after));
	return n == 2 && (left || right);
}

/* A <details> item's <summary> on a line of its own (convert.h). */
char *
md_summary(const char *para)
{
	const char *p = para + strspn(para, " \t"), *end;
	struct buf b = { NULL, 0, 0 };

	if (strncmp(p, "<details", 8) == 0 && (p[8] == '>' || p[8] == ' ') &&
	    (end = strchr(p, '>')) != NULL)
		p = end + 1;
	p += strspn(p, " \t\n");
	if (strncmp(p, "<summary>", 9) != 0 ||
	    (end = strstr(p, "</summary>")) == NULL)
		return xstrdup(para);
	for (p += 9; p < end; p++)
		buf_addc(&b, *p == '\n' ? ' ' : *p);
	buf_addc(&b, '\n');
	p = end + 10;
	buf_adds(&b, p + strspn(p, " \t\n"));
	return b.data;
}

/*
 * Inline Markdown made plain text: emphasis, code, links, images,
 * autolinks, escapes, then HTML (conv_html); line breaks become spaces.
 */
char *
md_inline(const char *s)
{
	struct buf b = { NULL, 0, 0 };
	struct marks m;
	size_t len = strlen(s), i = 0, n, ends[16], nends = 0, close, end;
	char *t;

	m.s = s;
	m.len = len;
	m.close = xcalloc(len + 1, sizeof *m.close);
	mark_brackets(&m, '[', ']');
	mark_brackets(&m, '(', ')');
	mark_code(&m);
	buf_add(&b, "", 0);
	while (i < len) {
		/* Past a link's text: its target goes. */
		if (nends > 0 && i >= ends[nends - 2]) {
			if (ends[nends - 1] > i)
				i = ends[nends - 1];
			nends -= 2;
			continue;
		}
		if (s[i] == '\\' && is_punct(at(s, len, i + 1))) {
			add_literal(&b, s + i + 1, 1);
			i += 2;
		} else if (s[i] == '`')
			i += code(&b, &m, i);
		else if ((s[i] == '[' || (s[i] == '!' && at(s, len, i + 1) ==
		    '[')) && nends < 16 && link(&m, i + (s[i] == '!'),
		    &close, &end)) {
			ends[nends++] = close;
			ends[nends++] = end;
			i += s[i] == '!' ? 2 : 1;
		} else if (s[i] == '<' && (n = autolink(&b, s, len, i)) > 0)
			i += n;
		else if (s[i] == '*' || s[i] == '_' || s[i] == '~') {
			for (n = 1; i + n < len && s[i + n] == s[i]; n++)
				;
			if (!emphasis(s, len, i, n))
				buf_add(&b, s + i, n);
			i += n;
		} else {
			buf_addc(&b, s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
			i++;
		}
	}
	free(m.close);
	t = conv_html(b.data);
	buf_free(&b);
	return t;
}
