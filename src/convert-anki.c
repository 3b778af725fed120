/* convert-anki.c: Anki's "Notes in Plain Text" export, header lines and notes, into cards. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "convert.h"
#include "i18n.h"

/* What the header lines say; columns count from 1, 0 when absent. */
struct anki {
	char	 sep;		/* '\0': guessed from the first note */
	bool	 html;
	size_t	 guid;
	size_t	 tags;
	size_t	 deck;
	size_t	 notetype;
};

static const struct {
	const char	*name;
	char		 sep;
} separators[] = {
	{ "tab", '\t' }, { "comma", ',' }, { "semicolon", ';' },
	{ "space", ' ' }, { "pipe", '|' }, { "colon", ':' },
};

static bool
set_sep(struct anki *a, const char *v)
{
	size_t i;

	for (i = 0; i < sizeof separators / sizeof separators[0]; i++) {
		if (strcasecmp(v, separators[i].name) == 0) {
			a->sep = separators[i].sep;
			return true;
		}
	}
	if (strlen(v) == 1 && *v != '"') {
		a->sep = *v;
		return true;
	}
	return false;
}

static bool
set_column(size_t *col, const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (end == v || *end != '\0' || n < 1 || n > 1000)
		return false;
	*col = (size_t)n;
	return true;
}

/* One "#key:value" line (value trimmed); unknown keys are Anki's own. */
static void
header_line(struct conv *cv, struct anki *a, char *key, size_t line)
{
	char q[72], *v = strchr(key, ':');
	bool ok = true;
	size_t n;

	*v++ = '\0';
	v += strspn(v, " \t");
	for (n = strlen(v); n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t');
	    n--)
		;
	v[n] = '\0';
	if (strcmp(key, "separator") == 0)
		ok = set_sep(a, v);
	else if (strcmp(key, "html") == 0)
		a->html = strcasecmp(v, "false") != 0;
	else if (strcmp(key, "tags column") == 0)
		ok = set_column(&a->tags, v);
	else if (strcmp(key, "guid column") == 0)
		ok = set_column(&a->guid, v);
	else if (strcmp(key, "deck column") == 0)
		ok = set_column(&a->deck, v);
	else if (strcmp(key, "notetype column") == 0)
		ok = set_column(&a->notetype, v);
	else if (strcmp(key, "tags") == 0)
		csv_tags(&cv->deck, v);	/* Anki's: on every note */
	else if (strcmp(key, "deck") == 0 && *v != '\0' && cv->title == NULL)
		cv->title = xstrdup(v);
	if (!ok)
		conv_error(cv, line, _("'#%s:' cannot be '%s'"), key,
		    conv_show(q, v, strlen(v)));
}

/*
 * The header lines at the top; returns where the notes begin and sets
 * *line to its line number.
 */
static const char *
headers(struct conv *cv, struct anki *a, const char *text, size_t *line)
{
	const char *p = text, *nl;
	char *copy;

	for (*line = 1; *p == '#'; (*line)++) {
		nl = strchr(p, '\n');
		copy = xstrndup(p + 1, nl != NULL ? (size_t)(nl - p - 1) :
		    strlen(p + 1));
		if (strchr(copy, ':') != NULL)
			header_line(cv, a, copy, *line);
		free(copy);
		if (nl == NULL)
			return p + strlen(p);
		p = nl + 1;
	}
	return p;
}

/* Without a #separator: line, what Anki's own exports use: a tab. */
static char
guess_sep(const char *notes)
{
	size_t n = strcspn(notes, "\n");

	if (memchr(notes, '\t', n) != NULL)
		return '\t';
	return memchr(notes, ';', n) != NULL ? ';' : ',';
}

/*
 * Where needle next occurs from p, remembered: a field full of "{{c" or
 * "[sound:" without their ends is then searched once, not once for each.
 */
struct next {
	const char	*needle;
	const char	*from;		/* searched from here */
	const char	*at;		/* found here; NULL: not after from */
};

static const char *
next_of(struct next *n, const char *p)
{
	if (n->from == NULL || p < n->from || (n->at != NULL && n->at < p)) {
		n->from = p;
		n->at = strstr(p, n->needle);
	}
	return n->at;
}

/*
 * A field as text: HTML reduced, a cloze deletion {{c1::text::hint}}
 * left as its text and [sound:...] references dropped.
 */
static char *
field_text(const struct anki *a, const char *s)
{
	struct next colons = { "::", NULL, NULL }, braces = { "}}", NULL,
	    NULL }, bracket = { "]", NULL, NULL };
	struct buf b = { NULL, 0, 0 };
	const char *p, *end, *sep;
	char *t;

	buf_add(&b, "", 0);
	for (p = s; *p != '\0'; ) {
		if (strncmp(p, "{{c", 3) == 0 && (sep = next_of(&colons, p)) !=
		    NULL && (end = next_of(&braces, sep)) != NULL) {
			p = sep + 2;
			sep = next_of(&colons, p);
			buf_add(&b, p, (size_t)((sep != NULL && sep < end ? sep :
			    end) - p));
			p = end + 2;
		} else if (strncmp(p, "[sound:", 7) == 0 &&
		    (end = next_of(&bracket, p)) != NULL)
			p = end + 1;
		else
			buf_addc(&b, *p++);
	}
	if (!a->html)
		return b.data;
	t = conv_html(b.data);
	buf_free(&b);
	return t;
}

/* The n-th (from 1) field of the record, or NULL. */
static const char *
column(const struct csv *r, size_t n)
{
	return n >= 1 && n <= r->nfields ? r->fields[n - 1].data : NULL;
}

/*
 * Without a "#tags column:" line, Anki's older exports still end each
 * note with its tags: the last of three or more fields that are not the
 * guid, note type or deck.
 */
static size_t
tags_column(const struct anki *a, const struct csv *r)
{
	size_t i, n = 0;

	if (a->tags != 0)
		return a->tags;
	for (i = 1; i <= r->nfields; i++)
		n += i != a->guid && i != a->deck && i != a->notetype;
	return n >= 3 && r->nfields != a->guid && r->nfields != a->deck &&
	    r->nfields != a->notetype ? r->nfields : 0;
}

/*
 * The card's id from a note's guid: export --format anki writes
 * DECK/CARD (guids are unique in a whole Anki collection), which gives
 * back CARD; any other guid is the id (or the text it is derived from).
 */
static char *
card_id(const char *guid)
{
	const char *slash = strchr(guid, '/');
	char *deck;
	bool ours;

	if (slash == NULL || !deck_valid_id(slash + 1))
		return xstrdup(guid);
	deck = xstrndup(guid, (size_t)(slash - guid));
	ours = deck_valid_id(deck);
	free(deck);
	return xstrdup(ours ? slash + 1 : guid);
}

static void
note(struct conv *cv, const struct anki *a, const struct csv *r)
{
	struct conv_card c;
	const char *deck, *text[2] = { NULL, NULL };
	size_t i, n = 0, tags = tags_column(a, r);

	for (i = 1; i <= r->nfields && n < 2; i++)
		if (i != a->guid && i != tags && i != a->deck &&
		    i != a->notetype)
			text[n++] = column(r, i);
	if (text[0] == NULL || text[0][strspn(text[0], " \t\n")] == '\0') {
		if (r->nfields > 1 || r->fields[0].data[0] != '\0')
			conv_warn(cv, r->at, _("a note without a front: "
			    "skipped"));
		return;
	}
	memset(&c, 0, sizeof c);
	c.line = r->at;
	c.front = field_text(a, text[0]);
	c.back = text[1] != NULL ? field_text(a, text[1]) : NULL;
	if (column(r, a->guid) != NULL && *column(r, a->guid) != '\0')
		c.id = card_id(column(r, a->guid));
	/* Anki's tags are words between spaces, kept as they are. */
	if (column(r, tags) != NULL)
		csv_tags(&c, column(r, tags));
	deck = column(r, a->deck);
	if (cv->title == NULL && deck != NULL && *deck != '\0')
		cv->title = xstrdup(deck);
	conv_add(cv, &c);
}

void
convert_anki(struct conv *cv, const char *text)
{
	struct anki a;
	struct csv r;
	const char *notes;
	size_t line;
	int rc;

	memset(&a, 0, sizeof a);
	a.html = true;
	notes = headers(cv, &a, text, &line);
	if (cv->errors > 0)
		return;
	csv_init(&r, notes, a.sep != '\0' ? a.sep : guess_sep(notes));
	r.line = line;
	r.comments = true;
	while (!cv->gave_up && (rc = csv_next(&r, cv)) != 0)
		if (rc > 0)
			note(cv, &a, &r);
	csv_free(&r);
}
