/* convert-csv.c: CSV and TSV with a header row into cards; RFC 4180 records for Anki too. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "convert.h"
#include "i18n.h"

void
csv_init(struct csv *r, const char *text, char sep)
{
	memset(r, 0, sizeof *r);
	r->p = text;
	r->line = 1;
	r->sep = sep;
}

void
csv_free(struct csv *r)
{
	size_t i;

	for (i = 0; i < r->cap; i++)
		buf_free(&r->fields[i]);
	free(r->fields);
	memset(r, 0, sizeof *r);
}

static struct buf *
new_field(struct csv *r)
{
	struct buf *f;

	if (r->nfields == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->fields = xreallocarray(r->fields, r->cap, sizeof *r->fields);
		memset(r->fields + r->nfields, 0,
		    (r->cap - r->nfields) * sizeof *r->fields);
	}
	f = &r->fields[r->nfields++];
	buf_reset(f);
	buf_add(f, "", 0);
	return f;
}

/* Past the end of the line at p. */
static const char *
skip_line(struct csv *r, const char *p)
{
	while (*p != '\0' && *p != '\n')
		p++;
	if (*p == '\n') {
		p++;
		r->line++;
	}
	return p;
}

/*
 * A quoted field at *pp (its opening quote) into f.  False after an
 * error, with *pp where reading goes on: past the line, or at the end.
 */
static bool
quoted(struct csv *r, struct conv *cv, const char **pp, struct buf *f)
{
	const char *p = *pp;
	size_t opened = r->line;

	for (p++;; p++) {
		if (*p == '\0') {
			conv_error(cv, opened, _("a quoted field is not "
			    "closed: its quote opens on this line"));
			*pp = p;
			return false;
		}
		if (*p == '"') {
			if (p[1] != '"')
				break;
			p++;
		} else if (*p == '\n')
			r->line++;
		buf_addc(f, *p);
	}
	/* Spaces after the closing quote are forgiven; text is not. */
	for (p++; (*p == ' ' || *p == '\t') && *p != r->sep; p++)
		;
	if (*p != r->sep && *p != '\n' && *p != '\0') {
		conv_error(cv, r->line, _("text after the closing quote of "
		    "a field (a quote inside a quoted field is written "
		    "twice: \"\")"));
		*pp = skip_line(r, p);
		return false;
	}
	*pp = p;
	return true;
}

int
csv_next(struct csv *r, struct conv *cv)
{
	const char *p = r->p;
	struct buf *f;

	while (r->comments && *p == '#')
		p = skip_line(r, p);
	if (*p == '\0') {
		r->p = p;
		return 0;
	}
	r->nfields = 0;
	r->at = r->line;
	for (;;) {
		f = new_field(r);
		if (*p == '"') {
			if (!quoted(r, cv, &p, f)) {
				r->p = p;
				return -1;
			}
		} else {
			while (*p != r->sep && *p != '\n' && *p != '\0')
				buf_addc(f, *p++);
		}
		if (*p != r->sep)
			break;
		p++;
	}
	if (*p == '\n') {
		p++;
		r->line++;
	}
	r->p = p;
	return 1;
}

char
csv_guess_sep(const char *line)
{
	static const char seps[] = { ',', ';', '\t' };
	size_t n[3] = { 0, 0, 0 }, i, best = 0;
	bool quote = false;

	for (; *line != '\0' && (quote || *line != '\n'); line++) {
		if (*line == '"')
			quote = !quote;
		for (i = 0; !quote && i < 3; i++)
			if (*line == seps[i])
				n[i]++;
	}
	for (i = 1; i < 3; i++)
		if (n[i] > n[best])
			best = i;
	return seps[best];
}

void
csv_tags(struct conv_card *c, const char *list)
{
	static const char gaps[] = " \t\n,;";
	const char *p = list;
	size_t n;

	for (;;) {
		p += strspn(p, gaps);
		if (*p == '\0')
			break;
		n = strcspn(p, gaps);
		if (*p == '#')
			conv_tag(c, p + 1, n - 1);
		else
			conv_tag(c, p, n);
		p += n;
	}
}

/* The columns rehearse reads, by the names a header may give them. */
enum col { COL_FRONT, COL_BACK, COL_HINT, COL_TAGS, COL_KIND, COL_ID, COL_N };
static const char *const col_names[COL_N][4] = {
	{ "front", "question", "vraag", NULL },
	{ "back", "answer", "antwoord", NULL },
	{ "hint", "tip", NULL, NULL },
	{ "tags", "tag", NULL, NULL },
	{ "kind", NULL, NULL, NULL },
	{ "id", NULL, NULL, NULL },
};

/* s without the blank around it, ASCII lower-cased, in place. */
static char *
clean(char *s)
{
	size_t n;
	char *p;

	s += strspn(s, " \t\n");
	for (n = strlen(s); n > 0 && strchr(" \t\n", s[n - 1]) != NULL; n--)
		;
	s[n] = '\0';
	for (p = s; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return s;
}

static enum col
col_find(const char *name)
{
	int k, i;

	for (k = 0; k < COL_N; k++)
		for (i = 0; col_names[k][i] != NULL; i++)
			if (strcmp(col_names[k][i], name) == 0)
				return (enum col)k;
	return COL_N;
}

bool
csv_has_header(const char *text)
{
	char sep = csv_guess_sep(text), *line, *field, *end;
	size_t n = strcspn(text, "\n");
	bool found = false;

	line = xstrndup(text, n);
	for (field = line; !found && field != NULL; field = end) {
		if ((end = strchr(field, sep)) != NULL)
			*end++ = '\0';
		field += strspn(field, " \"");
		field[strcspn(field, "\"")] = '\0';
		found = col_find(clean(field)) == COL_FRONT;
	}
	free(line);
	return found;
}

/* Which field holds which column; false without a front. */
static bool
header(struct conv *cv, struct csv *r, long col[COL_N])
{
	char q[72], *name;
	enum col k;
	size_t i;

	for (k = 0; k < COL_N; k++)
		col[k] = -1;
	for (i = 0; i < r->nfields; i++) {
		name = clean(r->fields[i].data);
		if ((k = col_find(name)) == COL_N) {
			if (*name != '\0')
				conv_warn(cv, r->at, _("column '%s' is not "
				    "used (rehearse reads front, back, hint, "
				    "tags, kind and id)"),
				    conv_show(q, name, strlen(name)));
		} else if (col[k] >= 0)
			conv_warn(cv, r->at, _("column '%s' appears twice: "
			    "the first one is used"), col_names[k][0]);
		else
			col[k] = (long)i;
	}
	if (col[COL_FRONT] >= 0)
		return true;
	conv_error(cv, r->at, _("no 'front' column: the first line must "
	    "name the columns (front, back, and optionally hint, tags, "
	    "kind, id)"));
	return false;
}

static const char *
field(const struct csv *r, const long *col, enum col k)
{
	if (col[k] < 0 || (size_t)col[k] >= r->nfields)
		return NULL;
	return r->fields[col[k]].data;
}

static char *
copy(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
row(struct conv *cv, const struct csv *r, const long *col)
{
	struct conv_card c;
	char q[72], *s;
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (r->fields[i].data[strspn(r->fields[i].data, " \t\n")] !=
		    '\0')
			break;
	if (i == r->nfields)
		return;		/* an empty row, as spreadsheets leave */
	memset(&c, 0, sizeof c);
	c.line = r->at;
	c.front = copy(field(r, col, COL_FRONT));
	c.back = copy(field(r, col, COL_BACK));
	c.hint = copy(field(r, col, COL_HINT));
	if ((s = copy(field(r, col, COL_ID))) != NULL && *clean(s) != '\0')
		c.id = xstrdup(clean(s));
	free(s);
	if (field(r, col, COL_TAGS) != NULL)
		csv_tags(&c, field(r, col, COL_TAGS));
	if ((s = copy(field(r, col, COL_KIND))) != NULL && *clean(s) != '\0')
		c.kind = xstrdup(clean(s));
	free(s);
	if (c.kind != NULL && strcmp(c.kind, "recall") != 0 &&
	    strcmp(c.kind, "practice") != 0 && strcmp(c.kind, "ask") != 0) {
		conv_error(cv, r->at, _("unknown kind '%s' (expected recall, "
		    "practice or ask)"), conv_show(q, c.kind, strlen(c.kind)));
		conv_card_free(&c);
		return;
	}
	conv_add(cv, &c);
}

void
convert_csv(struct conv *cv, const char *text, char sep)
{
	struct csv r;
	long col[COL_N];
	int rc;
	bool have_header = false;

	csv_init(&r, text, sep != '\0' ? sep : csv_guess_sep(text));
	while (!cv->gave_up && (rc = csv_next(&r, cv)) != 0) {
		if (rc < 0)
			continue;
		if (!have_header) {
			if (!header(cv, &r, col))
				break;
			have_header = true;
		} else
			row(cv, &r, col);
	}
	csv_free(&r);
}
