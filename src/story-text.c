/* story-text.c: a STARR story's text split into its parts and written out again, with titles, ids and tags. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "i18n.h"
#include "story-text.h"
#include "term.h"
#include "xmalloc.h"

#define FRONT_TITLE_BYTES	60	/* a title made from a front */

/* The parts as the YAML file and JSON name them, in order. */
static const char *const part_keys[STORY_PARTS] = {
	"situation", "task", "action", "result", "reflection",
};

/* TRANSLATORS: the five STARR headings of a story, in a story's text
   and in the template a new story starts from. */
static const char *const english[STORY_PARTS] = {
	N_("Situation"), N_("Task"), N_("Action"), N_("Result"),
	N_("Reflection"),
};

/*
 * The Dutch headings are written here, not only in the catalogue: a
 * story in Dutch keeps them whatever the interface speaks, as a deck in
 * Dutch keeps its text.
 */
static const char *const dutch[STORY_PARTS] = {
	"Situatie", "Taak", "Actie", "Resultaat", "Reflectie",
};

static const char *const explanations[STORY_PARTS] = {
	/* TRANSLATORS: one line under each heading of a new story; the
	   program puts "# " before it. */
	N_("Where and when; who was involved; what was at stake."),
	N_("What you had to achieve, and why it fell to you."),
	N_("What you did, step by step: say 'I', not 'we'."),
	N_("What came of it, in numbers where you can."),
	N_("What you learned, and what you would do differently now."),
};

void
story_text_init(struct story_text *t)
{
	int i;

	t->notes = xstrdup("");
	for (i = 0; i < STORY_PARTS; i++)
		t->part[i] = xstrdup("");
}

void
story_text_free(struct story_text *t)
{
	int i;

	free(t->notes);
	t->notes = NULL;
	for (i = 0; i < STORY_PARTS; i++) {
		free(t->part[i]);
		t->part[i] = NULL;
	}
}

bool
story_text_equal(const struct story_text *a, const struct story_text *b)
{
	int i;

	if (strcmp(a->notes, b->notes) != 0)
		return false;
	for (i = 0; i < STORY_PARTS; i++)
		if (strcmp(a->part[i], b->part[i]) != 0)
			return false;
	return true;
}

int
story_text_parts(const struct story_text *t)
{
	int i, n = 0;

	for (i = 0; i < STORY_PARTS; i++)
		n += t->part[i][0] != '\0';
	return n;
}

const char *
story_part_key(enum story_part p)
{
	return part_keys[p];
}

const char *
story_part_name(enum story_part p)
{
	return _(english[p]);
}

const char *
story_heading(enum story_part p, const char *language)
{
	if (language == NULL)
		return _(english[p]);
	if (strncasecmp(language, "nl", 2) == 0 &&
	    strchr("-_", language[2]) != NULL)	/* also matches the NUL */
		return dutch[p];
	return english[p];
}

const char *
story_explain(enum story_part p)
{
	return _(explanations[p]);
}

/*
 * The heading word w at p (before end), as a whole word; then ':' (or
 * nothing) and the rest of the line.
 */
static bool
heading_word(const char *p, const char *end, const char *w, bool bold,
    const char **rest)
{
	size_t n = strlen(w);

	if (n == 0 || (size_t)(end - p) < n || strncasecmp(p, w, n) != 0)
		return false;
	p += n;
	if (p < end && (isalnum((unsigned char)*p) || *p == '_'))
		return false;
	if (bold && end - p >= 2 && p[0] == '*' && p[1] == '*')
		p += 2;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && *p == ':') {
		p++;
		if (bold && end - p >= 2 && p[0] == '*' && p[1] == '*')
			p += 2;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
	} else if (p != end)
		return false;
	*rest = p;
	return true;
}

/* A heading's form: a part's name (see story_heading_line). */
static bool
heading_form(const char *line, size_t len, enum story_part *part,
    const char **rest)
{
	const char *p = line, *end = line + len;
	bool bold = false;
	int i;

	while (p < end && *p == '#')
		p++;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (end - p >= 2 && p[0] == '*' && p[1] == '*') {
		p += 2;
		bold = true;
	}
	for (i = 0; i < STORY_PARTS; i++) {
		if (heading_word(p, end, english[i], bold, rest) ||
		    heading_word(p, end, dutch[i], bold, rest) ||
		    heading_word(p, end, _(english[i]), bold, rest)) {
			*part = (enum story_part)i;
			return true;
		}
	}
	return false;
}

/*
 * A line whose rest has a heading's form too ("Situation: Task: x") is
 * text: so that no line of a part's text is ever read as a heading, and
 * whatever parsing gives is written out and read back the same.
 */
bool
story_heading_line(const char *line, size_t len, enum story_part *part,
    const char **rest)
{
	enum story_part p;
	const char *r;

	return heading_form(line, len, part, rest) &&
	    !heading_form(*rest, (size_t)(line + len - *rest), &p, &r);
}

void
story_text_trim(char *s)
{
	char *p = s, *line = s, *end;

	/* Blank lines first go, with what blanks start the text's line. */
	for (; *p != '\0'; p++) {
		if (*p == '\n')
			line = p + 1;
		else if (!isspace((unsigned char)*p))
			break;
	}
	if (*p == '\0')
		line = p;
	memmove(s, line, strlen(line) + 1);
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
}

/* Take a section's text out of its buffer, trimmed. */
static char *
section(struct buf *b)
{
	char *s = b->data != NULL ? b->data : xstrdup("");

	story_text_trim(s);
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

bool
story_comment_line(const char *p, size_t len)
{
	return *p == '#' && (len == 1 || p[1] == ' ' || p[1] == '\t');
}

void
story_text_parse(struct story_text *t, const char *text, bool comments)
{
	struct buf sec[STORY_PARTS + 1];	/* 0: notes, then the parts */
	const char *p, *rest;
	enum story_part part;
	size_t n, len;
	int cur = 0, i;

	memset(sec, 0, sizeof sec);
	for (p = text; *p != '\0'; p += n + (p[n] == '\n')) {
		n = strcspn(p, "\n");
		/*
		 * Blanks at the end of a line (a CRLF's carriage return
		 * among them) are not text: a part is trimmed, and what
		 * reads "Result\t\f" here must not read "Result" later.
		 */
		for (len = n; len > 0 && isspace((unsigned char)p[len - 1]);
		    len--)
			;
		if (story_heading_line(p, len, &part, &rest)) {
			cur = (int)part + 1;
			if (sec[cur].len > 0)
				buf_addc(&sec[cur], '\n');
			buf_add(&sec[cur], rest, (size_t)(p + len - rest));
			buf_addc(&sec[cur], '\n');
		} else if (!comments || !story_comment_line(p, len)) {
			buf_add(&sec[cur], p, len);
			buf_addc(&sec[cur], '\n');
		}
	}
	t->notes = section(&sec[0]);
	for (i = 0; i < STORY_PARTS; i++)
		t->part[i] = section(&sec[i + 1]);
}

/*
 * Whether a part goes on its heading's line: one line that does not
 * start indented nor has a heading's form (which, after a heading on
 * its line, would make that line text).
 */
static bool
inline_part(const char *s)
{
	enum story_part p;
	const char *rest;

	return strchr(s, '\n') == NULL && !isspace((unsigned char)*s) &&
	    !heading_form(s, strlen(s), &p, &rest);
}

char *
story_text_render(const struct story_text *t, const char *language)
{
	struct buf b = { 0 };
	const char *s;
	int i;

	buf_adds(&b, t->notes);
	for (i = 0; i < STORY_PARTS; i++) {
		if (*(s = t->part[i]) == '\0')
			continue;
		if (b.len > 0)
			buf_addc(&b, '\n');
		buf_adds(&b, story_heading((enum story_part)i, language));
		buf_adds(&b, inline_part(s) ? ": " : ":\n");
		buf_adds(&b, s);
	}
	return b.data;
}

const char *
story_text_canonical(const char *text)
{
	static const char *const languages[] = { "en", "nl" };
	struct story_text t;
	const char *found = NULL;
	char *back;
	size_t i;

	story_text_parse(&t, text, false);
	for (i = 0; i < sizeof languages / sizeof languages[0]; i++) {
		back = story_text_render(&t, languages[i]);
		if (strcmp(back, text) == 0)
			found = languages[i];
		free(back);
		if (found != NULL)
			break;
	}
	story_text_free(&t);
	return found;
}

char *
story_title_clean(const char *s)
{
	const char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	return xstrndup(s, (size_t)(end - s));
}

/* Whether s prints as itself: no control characters, valid UTF-8. */
static bool
printable(const char *s)
{
	struct buf b = { 0 };
	bool same;

	term_sanitize(&b, s, false);
	same = strcmp(b.data, s) == 0 && strchr(s, '\t') == NULL &&
	    strchr(s, '\n') == NULL;
	buf_free(&b);
	return same;
}

const char *
story_title_problem(const char *title)
{
	if (*title == '\0')
		return _("the title is empty");
	if (strlen(title) > STORY_TITLE_MAX)
		return _("the title is too long (at most 120 bytes)");
	if (!printable(title))
		return _("the title holds control characters or text that is "
		    "not UTF-8");
	return NULL;
}

/* The length of s cut to at most max bytes, between UTF-8 characters. */
static size_t
utf8_cut(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

char *
story_title_from_front(const char *front)
{
	struct buf clean = { 0 }, b = { 0 };
	const char *p;
	size_t n;
	char *sp, *title;

	term_sanitize(&clean, front, false);
	for (p = clean.data; *p != '\0'; p++) {
		if (*p == ' ' && (b.len == 0 || b.data[b.len - 1] == ' '))
			continue;
		buf_addc(&b, *p);
	}
	buf_free(&clean);
	title = story_title_clean(b.data != NULL ? b.data : "");
	buf_free(&b);
	if ((n = utf8_cut(title, FRONT_TITLE_BYTES)) < strlen(title)) {
		title[n] = '\0';
		/* Between words, unless that leaves too little. */
		if ((sp = strrchr(title, ' ')) != NULL &&
		    sp - title >= FRONT_TITLE_BYTES / 2)
			*sp = '\0';
		sp = title;
		title = xasprintf("%s…", sp);
		free(sp);
	}
	if (*title == '\0') {
		free(title);
		title = xstrdup("story");
	}
	return title;
}

char *
story_slug(const char *title)
{
	struct buf b = { 0 };
	const unsigned char *p;

	buf_add(&b, "", 0);
	for (p = (const unsigned char *)title; *p != '\0'; p++) {
		if (isalnum(*p) && *p < 0x80)
			buf_addc(&b, (char)tolower(*p));
		else if (b.len > 0 && b.data[b.len - 1] != '-')
			buf_addc(&b, '-');
	}
	story_slug_cut(b.data, STORY_SLUG_MAX);
	if (*b.data == '\0')
		buf_adds(&b, "story");
	return b.data;
}

void
story_slug_cut(char *slug, size_t max)
{
	size_t n = strlen(slug), i;

	if (n > max) {
		/* A person reads the id: end it on a whole word if one fits. */
		for (i = max; i > 0 && slug[i] != '-'; i--)
			;
		slug[i > 0 ? i : max] = '\0';
		n = strlen(slug);
	}
	while (n > 0 && slug[n - 1] == '-')
		slug[--n] = '\0';
}

/* A JSON string of s (printable text: only '"' and '\' need escaping). */
static void
json_add(struct buf *b, const char *s, size_t n)
{
	size_t i;

	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			buf_addc(b, '\\');
		buf_addc(b, s[i]);
	}
	buf_addc(b, '"');
}

/* Whether the n bytes at p are a tag of list before p, between seps. */
static bool
seen_before(const char *list, const char *p, size_t n, const char *seps)
{
	const char *q;
	size_t m;

	for (q = list + strspn(list, seps); q < p; q += m, q += strspn(q,
	    seps)) {
		m = strcspn(q, seps);
		if (m == n && memcmp(q, p, n) == 0)
			return true;
	}
	return false;
}

char *
story_tags_json(const char *list, char **bad)
{
	static const char seps[] = ", \t\r\n";
	struct buf b = { 0 };
	const char *p;
	char *tag;
	size_t n;

	*bad = NULL;
	for (p = list + strspn(list, seps); *p != '\0';
	    p += n, p += strspn(p, seps)) {
		n = strcspn(p, seps);
		tag = xstrndup(p, n);
		if (!printable(tag)) {
			*bad = tag;
			buf_free(&b);
			return NULL;
		}
		free(tag);
		if (seen_before(list, p, n, seps))
			continue;
		buf_addc(&b, b.len == 0 ? '[' : ',');
		json_add(&b, p, n);
	}
	if (b.len > 0)
		buf_addc(&b, ']');
	return b.data;
}
