/* convert-md.c: Markdown list items that read as questions into cards, headings as tags. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "convert.h"
#include "i18n.h"

#define MD_DEPTH	32	/* nested lists deeper than this are text */

enum md_kind { L_BLANK, L_TEXT, L_ITEM, L_HEADING, L_BREAK, L_SKIP };

/* One line of the page, classified before its structure is read. */
struct md_line {
	enum md_kind	 kind;
	size_t		 indent;	/* columns before the marker or text */
	int		 level;		/* a heading's */
	bool		 ordered;	/* an item's marker: 1. or - */
	long		 number;
	char		*text;		/* after the marker; in md.copy */
};

/* A list item: its paragraphs and nested items, in order. */
struct md_part {
	struct buf	 para;		/* data NULL for a nested item */
	struct md_node	*child;
};
struct md_node {
	size_t		 line;
	size_t		 indent;
	bool		 ordered;
	long		 number;
	struct md_part	*parts;
	size_t		 nparts;
};

struct md {
	struct conv	*cv;
	char		*copy;		/* the text, cut into lines */
	struct md_line	*lines;
	size_t		 nlines;
	int		 title_level;	/* the one top heading's, or 0 */
	char		*heads[7];	/* slugs of the headings we are under */
	struct md_node	*stack[MD_DEPTH];
	size_t		 depth;
	bool		 para_open;	/* a line now continues a paragraph */
	size_t		 left;		/* items left out: not questions */
	size_t		 left_line;	/* the first of them */
};

/* Words that start a question or a request (English and Dutch). */
static const char *const starters[] = {
	"how", "what", "why", "when", "where", "which", "who", "whom",
	"whose", "can", "could", "would", "will", "should", "do",
	"does", "did", "is", "are", "was", "were", "have", "has", "had",
	"tell", "describe", "explain", "walk", "give", "share", "talk",
	"discuss", "define", "compare", "imagine", "suppose",
	/* An interviewer's requests: "Introduce yourself.", "Sell me this pen." */
	"introduce", "name", "list", "sell", "convince", "prove",
	"rate", "pitch", "summarise", "summarize", "present", "outline",
	"hoe", "wat", "waarom", "wanneer", "waar", "welke", "welk",
	"wie", "kun", "kan", "kunt", "zou", "wil", "ben", "heb", "hebt",
	"heeft", "vertel", "beschrijf", "leg", "geef", "noem", "stel",
	"vergelijk", "introduceer", "verkoop", "overtuig", "bewijs",
	"som", "presenteer", "schets", "beoordeel",
	NULL
};

/* Bytes of words: ASCII letters and digits, and all of UTF-8's. */
static bool
is_alnum(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || (unsigned char)ch >= 0x80;
}

/* Text that ends in a question mark, before closing quotes and brackets. */
static bool
ends_in_question(const char *s)
{
	size_t n = strlen(s);

	for (;;) {
		if (n > 0 && strchr(" )]\"'*_", s[n - 1]) != NULL)
			n--;
		else if (n >= 3 && (memcmp(s + n - 3, "\u201d", 3) == 0 ||
		    memcmp(s + n - 3, "\u2019", 3) == 0))
			n -= 3;
		else
			break;
	}
	return (n > 0 && s[n - 1] == '?') ||
	    (n >= 3 && memcmp(s + n - 3, "\uff1f", 3) == 0);
}

/*
 * A question without a question mark starts with a question word or a
 * request ("Tell me about..."), after a label such as "Q1:".
 */
static bool
starts_question(const char *s)
{
	char word[16];
	size_t n, i, skipped = 0;

	if (*s == '\0' || s[strlen(s) - 1] == ':')
		return false;
	for (;;) {
		s += strspn(s, " \"'(");
		n = strcspn(s, " ");
		if (skipped++ < 2 && n <= 10 && n > 0 &&
		    strchr(":.)", s[n - 1]) != NULL) {
			s += n;
			continue;
		}
		break;
	}
	for (n = 0; n < sizeof word - 1 && ((s[n] >= 'a' && s[n] <= 'z') ||
	    (s[n] >= 'A' && s[n] <= 'Z')); n++)
		word[n] = (char)(s[n] | 0x20);
	word[n] = '\0';
	if (is_alnum(s[n]) || s[n] == '-')
		return false;
	for (i = 0; starters[i] != NULL; i++)
		if (strcmp(starters[i], word) == 0)
			return true;
	return false;
}

/* Columns of leading blank (a tab to the next multiple of 4); *s past it. */
static size_t
indent(char **s)
{
	size_t cols = 0;

	for (; **s == ' ' || **s == '\t'; (*s)++)
		cols = **s == '\t' ? (cols / 4 + 1) * 4 : cols + 1;
	return cols;
}

/* Only ch (at least min of them) and blanks on the line. */
static bool
rule_of(const char *s, char ch, size_t min, bool spaced)
{
	size_t n = 0;

	for (; *s != '\0'; s++) {
		if (*s == ch)
			n++;
		else if (!spaced || (*s != ' ' && *s != '\t'))
			break;
	}
	s += strspn(s, " \t");
	return *s == '\0' && n >= min;
}

static bool
thematic_break(const char *s)
{
	return rule_of(s, '-', 3, true) || rule_of(s, '*', 3, true) ||
	    rule_of(s, '_', 3, true);
}

/* A table's delimiter row: |---|:--:| and the like. */
static bool
table_delimiter(const char *s)
{
	bool dash = false;

	s += strspn(s, " \t");
	for (; *s != '\0' && *s != '\n'; s++) {
		if (*s == '-')
			dash = true;
		else if (strchr("|: \t", *s) == NULL)
			return false;
	}
	return dash;
}

/* A list marker at s: the item's line filled in, or false. */
static bool
item(struct md_line *l, char *s)
{
	char *p = s;
	long n = 0;
	int digits = 0;

	if (*p == '-' || *p == '*' || *p == '+')
		p++;
	else {
		for (; *p >= '0' && *p <= '9' && digits < 9; p++, digits++)
			n = n * 10 + (*p - '0');
		if (digits == 0 || (*p != '.' && *p != ')'))
			return false;
		p++;
	}
	if (*p != ' ' && *p != '\t' && *p != '\0')
		return false;
	p += strspn(p, " \t");
	/* A task list's box. */
	if (p[0] == '[' && strchr(" xX", p[1]) != NULL && p[2] == ']' &&
	    (p[3] == ' ' || p[3] == '\0'))
		p += 3 + (p[3] == ' ');
	l->kind = L_ITEM;
	l->ordered = digits > 0;
	l->number = n;
	l->text = p;
	return true;
}

/* An ATX heading: "## Text ##". */
static bool
heading(struct md_line *l, char *s)
{
	int level = 0;
	size_t n;

	while (s[level] == '#' && level < 7)
		level++;
	if (level == 0 || level > 6 || (s[level] != ' ' &&
	    s[level] != '\t' && s[level] != '\0'))
		return false;
	s += level;
	s += strspn(s, " \t");
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n > 0 && s[n - 1] == '#')
		n--;
	if (n > 0 && s[n - 1] != ' ' && s[n - 1] != '\t' && s[n] == '#')
		n = strlen(s);		/* "C#" keeps its '#' */
	s[n] = '\0';
	l->kind = L_HEADING;
	l->level = level;
	l->text = s;
	return true;
}

/* HTML comments blanked out, across lines; *open carries one over. */
static void
comments(char *s, bool *open)
{
	char *end;

	for (;;) {
		if (*open) {
			if ((end = strstr(s, "-->")) == NULL) {
				memset(s, ' ', strlen(s));
				return;
			}
			memset(s, ' ', (size_t)(end - s) + 3);
			s = end + 3;
			*open = false;
		}
		if ((s = strstr(s, "<!--")) == NULL)
			return;
		memset(s, ' ', 4);
		s += 4;
		*open = true;
	}
}

/* Front matter between --- (YAML) or +++ (TOML) lines: how many lines. */
static size_t
front_matter(char **raw, size_t n)
{
	const char *fence;
	size_t i;

	if (n == 0 || (!rule_of(raw[0], '-', 3, false) &&
	    !rule_of(raw[0], '+', 3, false)))
		return 0;
	fence = raw[0][0] == '-' ? "-." : "+";
	for (i = 1; i < n; i++)
		if (rule_of(raw[i], fence[0], 3, false) || (fence[1] != '\0' &&
		    rule_of(raw[i], fence[1], 3, false)))
			return i + 1;
	return 0;
}

/* A fence opening a code block: its length, or 0. */
static size_t
fence_open(const char *s)
{
	size_t n = 0;

	while (s[n] == s[0] && (s[0] == '`' || s[0] == '~'))
		n++;
	/* "```x```" is code inside a line, not a block. */
	if (n < 3 || (s[0] == '`' && strchr(s + n, '`') != NULL))
		return 0;
	return n;
}

/* Text underlined with === or --- is a heading, when it is alone. */
static bool
setext(struct md *md, size_t i, const char *s)
{
	struct md_line *prev = &md->lines[i - 1];

	if (prev->kind != L_TEXT || prev->indent > 3 || (i >= 2 &&
	    (md->lines[i - 2].kind == L_TEXT ||
	    md->lines[i - 2].kind == L_ITEM)))
		return false;
	if (rule_of(s, '=', 1, false))
		prev->level = 1;
	else if (rule_of(s, '-', 1, false))
		prev->level = 2;
	else
		return false;
	prev->kind = L_HEADING;
	return true;
}

/* What follows a block quote's markers. */
static char *
unquote(char *s)
{
	char *q;

	for (;;) {
		q = s;
		if (indent(&q) > 3 || *q != '>')
			return s;
		s = q + 1;
		if (*s == ' ')
			s++;
	}
}

/* The rest of a line once its block is known (fences, tables, comments aside). */
static void
classify_line(struct md *md, size_t i, char *s, char *next, bool *table)
{
	struct md_line *l = &md->lines[i];

	l->indent = indent(&s);
	l->text = s;
	if (*s == '\0') {
		l->kind = L_BLANK;
		*table = false;
		return;
	}
	if (*table && strchr(s, '|') != NULL)
		return;
	*table = false;
	if (l->indent <= 3 && heading(l, s))
		return;
	if (l->indent <= 3 && i > 0 && setext(md, i, s))
		return;
	if (l->indent <= 3 && thematic_break(s)) {
		l->kind = L_BREAK;
		return;
	}
	if (item(l, s))
		return;
	if (*s == '|' || (strchr(s, '|') != NULL && next != NULL &&
	    table_delimiter(next))) {
		*table = true;
		return;
	}
	l->kind = L_TEXT;
}

/* Cut the text into lines and say what each is; skipped ones are L_SKIP. */
static void
classify(struct md *md)
{
	char **raw, *p, *nl, *s, fence = 0;
	size_t n = 0, i, skip, fence_len = 0;
	bool comment = false, table = false;

	for (p = md->copy, i = 1; *p != '\0'; p++)
		i += *p == '\n';
	raw = xreallocarray(NULL, i, sizeof *raw);
	for (p = md->copy; p != NULL; p = nl != NULL ? nl + 1 : NULL) {
		raw[n++] = p;
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
	}
	md->lines = xcalloc(n, sizeof *md->lines);
	md->nlines = n;
	skip = front_matter(raw, n);
	for (i = 0; i < n; i++) {
		md->lines[i].kind = L_SKIP;
		md->lines[i].text = raw[i];
		s = raw[i];
		if (i < skip)
			continue;
		if (fence != 0) {
			s += strspn(s, " \t");
			if (rule_of(s, fence, fence_len, false))
				fence = 0;
			continue;
		}
		comments(s, &comment);
		s = unquote(s);
		s += strspn(s, " \t");
		if ((fence_len = fence_open(s)) > 0) {
			fence = *s;
			continue;
		}
		classify_line(md, i, unquote(raw[i]), i + 1 < n ? raw[i + 1] :
		    NULL, &table);
	}
	free(raw);
}

static void
node_free(struct md_node *n)
{
	size_t i;

	for (i = 0; i < n->nparts; i++) {
		buf_free(&n->parts[i].para);
		if (n->parts[i].child != NULL)
			node_free(n->parts[i].child);
	}
	free(n->parts);
	free(n);
}

/* A paragraph starting with text, or a nested item. */
static void
add_part(struct md_node *n, const char *text, struct md_node *child)
{
	struct md_part *p;

	n->parts = xreallocarray(n->parts, n->nparts + 1, sizeof *n->parts);
	p = &n->parts[n->nparts++];
	memset(&p->para, 0, sizeof p->para);
	p->child = child;
	if (text != NULL)
		buf_adds(&p->para, text);
}

/*
 * The back, as an indented list: the item's paragraphs after the first
 * (from part first on), then its nested items, each one line.
 */
static void
render(struct buf *b, const struct md_node *n, size_t first, size_t depth)
{
	const struct md_node *c;
	size_t i, start;
	char *t;

	for (i = first; i < n->nparts; i++) {
		c = n->parts[i].child;
		if (c == NULL) {
			t = md_inline(n->parts[i].para.data);
			buf_printf(b, "%*s%s\n", (int)(depth * 2), "", t);
			free(t);
			continue;
		}
		if (c->ordered)
			buf_printf(b, "%*s%ld. ", (int)(depth * 2), "",
			    c->number);
		else
			buf_printf(b, "%*s- ", (int)(depth * 2), "");
		start = c->nparts > 0 && c->parts[0].child == NULL;
		if (start) {
			t = md_inline(c->parts[0].para.data);
			buf_adds(b, t);
			free(t);
		}
		buf_addc(b, '\n');
		render(b, c, start, depth + 1);
	}
}

/*
 * The front: the item's first lines up to one that ends in a question
 * mark; the lines after it start the back (*rest).  Without such a
 * line, the whole paragraph, when it reads as a question anyway.
 */
static char *
question(const char *text, char **rest)
{
	const char *p, *nl;
	char *line, *front, *para = md_summary(text);
	bool found;

	*rest = NULL;
	for (p = para; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		line = xstrndup(p, (size_t)(nl - p));
		front = md_inline(line);
		free(line);
		found = ends_in_question(front);
		free(front);
		if (!found)
			continue;
		if (*nl != '\0')
			*rest = md_inline(nl + 1);
		line = xstrndup(para, (size_t)(nl - para));
		front = md_inline(line);
		free(line);
		free(para);
		return front;
	}
	front = md_inline(para);
	free(para);
	if (starts_question(front))
		return front;
	free(front);
	return NULL;
}

/* The headings the item is under, as tags. */
static void
tags(const struct md *md, struct conv_card *c)
{
	int level;

	for (level = 1; level <= 6; level++)
		if (md->heads[level] != NULL && level != md->title_level)
			conv_tag(c, md->heads[level],
			    strlen(md->heads[level]));
}

static void take(struct md *, const struct md_node *);

/* The items nested in n taken in its place; false when it has none. */
static bool
take_nested(struct md *md, const struct md_node *n)
{
	size_t i;
	bool any = false;

	for (i = 0; i < n->nparts; i++) {
		if (n->parts[i].child != NULL) {
			take(md, n->parts[i].child);
			any = true;
		}
	}
	return any;
}

/*
 * An item with text that is not a question and has no items nested in
 * it: its text as the front with --all, else counted as left out.
 */
static char *
left_out(struct md *md, const struct md_node *n)
{
	char *t;

	if (n->nparts == 0 || n->parts[0].child != NULL)
		return NULL;
	t = md_inline(n->parts[0].para.data);
	if (*t != '\0' && md->cv->all)
		return t;
	if (*t != '\0' && md->left++ == 0)
		md->left_line = n->line;
	free(t);
	return NULL;
}

/*
 * A finished top-level item: a card when it reads as a question, else
 * its nested items are looked at in its place.
 */
static void
take(struct md *md, const struct md_node *n)
{
	struct conv_card c;
	struct buf back = { NULL, 0, 0 };
	char *front = NULL, *rest = NULL;

	if (n->nparts > 0 && n->parts[0].child == NULL)
		front = question(n->parts[0].para.data, &rest);
	if (front == NULL && !take_nested(md, n))
		front = left_out(md, n);
	if (front == NULL)
		return;
	buf_add(&back, "", 0);
	if (rest != NULL) {
		buf_adds(&back, rest);
		buf_addc(&back, '\n');
		free(rest);
	}
	render(&back, n, 1, 0);
	memset(&c, 0, sizeof c);
	c.line = n->line;
	c.front = front;
	c.back = back.data;
	tags(md, &c);
	conv_add(md->cv, &c);
}

/* Close the innermost open item; a top-level one is taken and freed. */
static void
close_item(struct md *md)
{
	struct md_node *n = md->stack[--md->depth];

	if (md->depth == 0) {
		if (!md->cv->gave_up)
			take(md, n);
		node_free(n);
	}
	md->para_open = false;
}

/* Close the items a line indented this much is not part of. */
static void
close_to(struct md *md, size_t indent)
{
	while (md->depth > 0 && md->stack[md->depth - 1]->indent >= indent)
		close_item(md);
}

static void
open_item(struct md *md, const struct md_line *l, size_t line)
{
	struct md_node *n, *top;

	close_to(md, l->indent);
	top = md->depth > 0 ? md->stack[md->depth - 1] : NULL;
	if (md->depth == MD_DEPTH) {
		/* Too deep to nest: the item's text joins its parent's. */
		add_part(top, "- ", NULL);
		buf_adds(&top->parts[top->nparts - 1].para, l->text);
		md->para_open = true;
		return;
	}
	n = xcalloc(1, sizeof *n);
	n->line = line;
	n->indent = l->indent;
	n->ordered = l->ordered;
	n->number = l->number;
	if (top != NULL)
		add_part(top, NULL, n);
	md->stack[md->depth++] = n;
	md->para_open = *l->text != '\0';
	if (md->para_open)
		add_part(n, l->text, NULL);
}

static void
text_line(struct md *md, const struct md_line *l)
{
	struct md_node *top;
	struct md_part *last;

	if (md->depth > 0 && md->para_open) {
		/* A line continuing the paragraph, indented or not. */
		top = md->stack[md->depth - 1];
		last = &top->parts[top->nparts - 1];
		buf_addc(&last->para, '\n');
		buf_adds(&last->para, l->text);
		return;
	}
	close_to(md, l->indent);
	if (md->depth == 0)
		return;		/* text between lists: not a question */
	add_part(md->stack[md->depth - 1], l->text, NULL);
	md->para_open = true;
}

static void
set_heading(struct md *md, const struct md_line *l)
{
	char *t;
	int i;

	while (md->depth > 0)
		close_item(md);
	for (i = l->level; i <= 6; i++) {
		free(md->heads[i]);
		md->heads[i] = NULL;
	}
	t = md_inline(l->text);
	md->heads[l->level] = conv_slug(t, strlen(t));
	free(t);
}

/*
 * The length of a decoration at s: an emoji (anything past the Basic
 * Multilingual Plane), a symbol of U+2600..U+27BF, a joiner or variation
 * selector.  libyaml would write those as escapes in a quoted title.
 */
static size_t
decoration(const unsigned char *s)
{
	if (s[0] >= 0xf0 && s[0] <= 0xf4 && s[1] != 0 && s[2] != 0 &&
	    s[3] != 0)
		return 4;
	if ((s[0] == 0xe2 && (s[1] == 0x98 || s[1] == 0x9c ||
	    s[1] == 0x9d || s[1] == 0x9e || (s[1] == 0x80 && s[2] == 0x8d)) &&
	    s[2] != 0) || (s[0] == 0xef && s[1] == 0xb8 && s[2] == 0x8f))
		return 3;
	return 0;
}

/* A heading's emoji and symbols at either end go from the title. */
static char *
undecorate(char *t)
{
	unsigned char *u = (unsigned char *)t;
	size_t i = 0, n, keep = 0, j;

	while ((n = decoration(u + i)) > 0 || u[i] == ' ')
		i += n > 0 ? n : 1;
	memmove(t, t + i, strlen(t + i) + 1);
	for (j = 0; u[j] != 0; j += n > 0 ? n : 1) {
		n = decoration(u + j);
		if (n == 0 && u[j] != ' ')
			keep = j + 1;
	}
	t[keep] = '\0';
	return t;
}

/* The title: the one heading of the highest level, if there is one. */
static void
find_title(struct md *md)
{
	size_t i, count = 0, at = 0;
	int top = 7;

	for (i = 0; i < md->nlines; i++) {
		if (md->lines[i].kind != L_HEADING)
			continue;
		if (md->lines[i].level < top) {
			top = md->lines[i].level;
			count = 0;
		}
		if (md->lines[i].level == top && count++ == 0)
			at = i;
	}
	if (count != 1)
		return;
	md->title_level = top;
	md->cv->title = undecorate(md_inline(md->lines[at].text));
	if (*md->cv->title == '\0') {
		free(md->cv->title);
		md->cv->title = NULL;
	}
}

void
convert_md(struct conv *cv, const char *text)
{
	struct md md;
	const struct md_line *l;
	size_t i;
	int level;

	memset(&md, 0, sizeof md);
	md.cv = cv;
	md.copy = xstrdup(text);
	cv->kind = "practice";
	classify(&md);
	find_title(&md);
	for (i = 0; i < md.nlines && !cv->gave_up; i++) {
		l = &md.lines[i];
		/*
		 * Outside a list, an item indented four columns is code (after
		 * a blank line) or a paragraph's text (CommonMark): not a card.
		 */
		if (l->kind == L_ITEM && md.depth == 0 && l->indent >= 4)
			continue;
		if (l->kind == L_ITEM)
			open_item(&md, l, i + 1);
		else if (l->kind == L_TEXT)
			text_line(&md, l);
		else if (l->kind == L_HEADING)
			set_heading(&md, l);
		else if (l->kind == L_BREAK)
			while (md.depth > 0)
				close_item(&md);
		else
			md.para_open = false;
	}
	while (md.depth > 0)
		close_item(&md);
	if (md.left > 0 && !cv->gave_up)
		conv_warn(cv, md.left_line, ngettext("%zu list item does not "
		    "read as a question and was left out (here); --all takes "
		    "every item", "%zu list items do not read as questions "
		    "and were left out (the first here); --all takes every "
		    "item", md.left), md.left);
	for (level = 0; level <= 6; level++)
		free(md.heads[level]);
	free(md.lines);
	free(md.copy);
}
