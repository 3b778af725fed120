/* story-file.c: a story bank file (YAML) read into stories with libyaml's event API, with diagnostics like a compiler's. */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "config.h"
#include "deck.h"
#include "i18n.h"
#include "story-file.h"
#include "term.h"
#include "xmalloc.h"
#include "yaml-words.h"

#define SHOW_MAX	40	/* bytes of a value quoted in a message */
#define LANGUAGE_MAX	35	/* a BCP 47 tag, generously */

/* A story's keys, in the order export writes them. */
enum key {
	K_TITLE,
	K_LANGUAGE,
	K_TAGS,
	K_NOTES,
	K_PART,			/* K_PART + enum story_part */
	K_CARDS = K_PART + STORY_PARTS,
	K__COUNT
};

static const char *const key_names[K__COUNT] = {
	"title", "language", "tags", "notes", "situation", "task", "action",
	"result", "reflection", "cards",
};

struct reader {
	yaml_parser_t			 p;
	yaml_event_t			 ev;
	bool				 have;		/* ev holds an event */
	bool				 broken;	/* stop reading */
	const char			*name;
	const char			*data;
	size_t				 len;
	FILE				*diag;
	struct story_file_result	*res;
	story_entry_fn			 fn;
	void				*arg;
	bool				 stopped;	/* fn said stop */
	char				**titles;	/* seen so far, for duplicates */
	size_t				*title_lines;
	size_t				 ntitles;
};

/* What one story's mapping held. */
struct fields {
	char			*value[K__COUNT];	/* scalars */
	yaml_mark_t		 at[K__COUNT];
	bool			 seen[K__COUNT];
	struct buf		 tags;			/* one word each, ' ' apart */
	struct story_file_card	*cards;
	size_t			 ncards;
};

void
story_file_diag(FILE *fp, const char *path, size_t line, size_t column,
    bool error, const char *fmt, ...)
{
	va_list ap;

	fprintf(fp, "%s:%zu:%zu: %s: ", path, line, column,
	    error ? _("error") : _("warning"));
	va_start(ap, fmt);
	vfprintf(fp, fmt, ap);
	va_end(ap);
	fputc('\n', fp);
}

static void
error_at(struct reader *r, yaml_mark_t m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
error_at(struct reader *r, yaml_mark_t m, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (r->broken)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	story_file_diag(r->diag, r->name, m.line + 1, m.column + 1, true, "%s",
	    msg);
	free(msg);
	if (++r->res->errors >= STORY_FILE_ERRORS) {
		fprintf(r->diag, _("%s: too many errors, stopping\n"), r->name);
		r->broken = true;
	}
}

/* A value for a message: on one line, controls made visible, cut short. */
static char *
show(const char *s)
{
	struct buf b = { 0 };

	term_add_cut(&b, s, SHOW_MAX);
	return b.data;
}

/* Where libyaml's reader failed, from the byte it stopped at. */
static yaml_mark_t
offset_mark(const struct reader *r, size_t off)
{
	yaml_mark_t m = { off, 0, 0 };
	size_t i;

	for (i = 0; i < off && i < r->len; i++) {
		if (r->data[i] == '\n') {
			m.line++;
			m.column = 0;
		} else if (((unsigned char)r->data[i] & 0xc0) != 0x80)
			m.column++;
	}
	return m;
}

static void
parser_error(struct reader *r)
{
	yaml_mark_t m = r->p.problem_mark;

	if (r->p.error == YAML_READER_ERROR)
		m = offset_mark(r, r->p.problem_offset);
	error_at(r, m, "%s", r->p.problem != NULL ?
	    yaml_words(r->p.problem) : _("the file is not valid YAML"));
	r->broken = true;
}

static const char *
describe(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SEQUENCE_START_EVENT:
		return _("a list");
	case YAML_MAPPING_START_EVENT:
		return _("a mapping");
	case YAML_ALIAS_EVENT:
		return _("an alias");
	default:
		return _("text");
	}
}

/* The next event; false once reading has stopped. */
static bool
next(struct reader *r)
{
	yaml_char_t *tag = NULL;
	bool implicit = true;

	if (r->have)
		yaml_event_delete(&r->ev);
	r->have = false;
	if (r->broken)
		return false;
	if (!yaml_parser_parse(&r->p, &r->ev)) {
		parser_error(r);
		return false;
	}
	r->have = true;
	if (r->ev.type == YAML_ALIAS_EVENT)
		error_at(r, r->ev.start_mark, _("aliases are not used in a "
		    "story bank: write the text out"));
	if (r->ev.type == YAML_SCALAR_EVENT) {
		tag = r->ev.data.scalar.tag;
		implicit = r->ev.data.scalar.plain_implicit ||
		    r->ev.data.scalar.quoted_implicit;
	} else if (r->ev.type == YAML_SEQUENCE_START_EVENT) {
		tag = r->ev.data.sequence_start.tag;
		implicit = r->ev.data.sequence_start.implicit;
	} else if (r->ev.type == YAML_MAPPING_START_EVENT) {
		tag = r->ev.data.mapping_start.tag;
		implicit = r->ev.data.mapping_start.implicit;
	}
	if (tag != NULL && !implicit)
		error_at(r, r->ev.start_mark, _("YAML tags are not used in a "
		    "story bank"));
	return !r->broken;
}

/* Pass over the node whose first event is the current one. */
static void
skip(struct reader *r)
{
	int depth = 0;

	do {
		if (r->ev.type == YAML_SEQUENCE_START_EVENT ||
		    r->ev.type == YAML_MAPPING_START_EVENT)
			depth++;
		else if (r->ev.type == YAML_SEQUENCE_END_EVENT ||
		    r->ev.type == YAML_MAPPING_END_EVENT)
			depth--;
	} while (depth > 0 && next(r));
}

/* A plain empty value or '~' is no value. */
static bool
is_null(const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;

	return ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (*v == '\0' || strcmp(v, "~") == 0);
}

/* The current event as the text of key, or NULL (said, or no value). */
static char *
text_value(struct reader *r, const char *key)
{
	if (r->ev.type == YAML_ALIAS_EVENT)
		return NULL;		/* said already */
	if (r->ev.type != YAML_SCALAR_EVENT) {
		error_at(r, r->ev.start_mark, _("'%s' must be text, found %s"),
		    key, describe(&r->ev));
		skip(r);
		return NULL;
	}
	if (r->ev.data.scalar.length > STORY_TEXT_MAX) {
		error_at(r, r->ev.start_mark, _("'%s' is longer than 1 MiB"),
		    key);
		return NULL;
	}
	if (is_null(&r->ev))
		return NULL;
	return xstrndup((const char *)r->ev.data.scalar.value,
	    r->ev.data.scalar.length);
}

static bool
valid_language(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

	return n == strlen(s) && n >= 2 && n <= LANGUAGE_MAX &&
	    strchr("0123456789-", *s) == NULL;
}

/* One tag of a story's list. */
static void
take_tag(struct reader *r, struct fields *f, const char *tag)
{
	char *json, *bad, *shown;

	json = story_tags_json(tag, &bad);
	if (bad != NULL || strpbrk(tag, ", \t\r\n") != NULL) {
		shown = show(tag);
		error_at(r, r->ev.start_mark, _("tag '%s' must be one word "
		    "(no spaces)"), shown);
		free(shown);
	} else {
		if (f->tags.len > 0)
			buf_addc(&f->tags, ' ');
		buf_adds(&f->tags, tag);
	}
	free(json);
	free(bad);
}

/* One DECK/CARD of a story's cards. */
static void
take_card(struct reader *r, struct fields *f, const char *v)
{
	const char *slash = strchr(v, '/');
	struct story_file_card *c;
	char *deck = NULL, *shown;

	if (slash != NULL) {
		deck = xstrndup(v, (size_t)(slash - v));
		if (!deck_valid_id(deck) || !deck_valid_id(slash + 1)) {
			free(deck);
			deck = NULL;
		}
	}
	if (deck == NULL) {
		shown = show(v);
		error_at(r, r->ev.start_mark, _("'%s' is not DECK/CARD"),
		    shown);
		free(shown);
		return;
	}
	if (f->ncards == STORY_FILE_CARDS) {
		error_at(r, r->ev.start_mark, _("more than 10000 cards for "
		    "one story"));
		free(deck);
		return;
	}
	f->cards = xreallocarray(f->cards, f->ncards + 1, sizeof *f->cards);
	c = &f->cards[f->ncards++];
	c->deck = deck;
	c->card = xstrdup(slash + 1);
	c->line = r->ev.start_mark.line + 1;
	c->column = r->ev.start_mark.column + 1;
}

/* A list of text (tags, cards), each item handed to take. */
static void
read_list(struct reader *r, struct fields *f, const char *key,
    void (*take)(struct reader *, struct fields *, const char *))
{
	char *v;

	if (r->ev.type == YAML_SCALAR_EVENT && is_null(&r->ev))
		return;
	if (r->ev.type != YAML_SEQUENCE_START_EVENT) {
		error_at(r, r->ev.start_mark, _("'%s' must be a list, e.g. "
		    "[a, b]"), key);
		skip(r);
		return;
	}
	while (next(r) && r->ev.type != YAML_SEQUENCE_END_EVENT) {
		if ((v = text_value(r, key)) != NULL)
			take(r, f, v);
		free(v);
	}
}

/* The value of key k, at the current event. */
static void
read_value(struct reader *r, struct fields *f, enum key k)
{
	f->seen[k] = true;
	f->at[k] = r->ev.start_mark;
	if (k == K_TAGS)
		read_list(r, f, key_names[k], take_tag);
	else if (k == K_CARDS)
		read_list(r, f, key_names[k], take_card);
	else
		f->value[k] = text_value(r, key_names[k]);
}

static enum key
find_key(const char *s)
{
	int k;

	for (k = 0; k < K__COUNT; k++)
		if (strcmp(s, key_names[k]) == 0)
			return (enum key)k;
	return K__COUNT;
}

/* One key of a story and its value. */
static void
read_pair(struct reader *r, struct fields *f)
{
	enum key k = K__COUNT;
	char *shown;

	if (r->ev.type != YAML_SCALAR_EVENT) {
		error_at(r, r->ev.start_mark, _("a key must be text, found %s"),
		    describe(&r->ev));
		skip(r);
	} else if ((k = find_key((const char *)r->ev.data.scalar.value)) ==
	    K__COUNT) {
		shown = show((const char *)r->ev.data.scalar.value);
		error_at(r, r->ev.start_mark, _("unknown key '%s' (a story has "
		    "title, language, tags, notes, situation, task, action, "
		    "result, reflection and cards)"), shown);
		free(shown);
	} else if (f->seen[k]) {
		error_at(r, r->ev.start_mark, _("'%s' given twice (first on "
		    "line %zu)"), key_names[k], f->at[k].line + 1);
		k = K__COUNT;
	}
	if (!next(r))
		return;
	if (k == K__COUNT)
		skip(r);
	else
		read_value(r, f, k);
}

static void
fields_free(struct fields *f)
{
	size_t i;

	for (i = 0; i < K__COUNT; i++)
		free(f->value[i]);
	for (i = 0; i < f->ncards; i++) {
		free((char *)f->cards[i].deck);
		free((char *)f->cards[i].card);
	}
	free(f->cards);
	buf_free(&f->tags);
}

/* The title: there, valid, and not a second time in the file. */
static char *
check_title(struct reader *r, struct fields *f, yaml_mark_t start)
{
	const char *problem;
	char *title, *shown;
	size_t i;

	if (f->value[K_TITLE] == NULL) {
		error_at(r, f->seen[K_TITLE] ? f->at[K_TITLE] : start,
		    _("a story needs a 'title'"));
		return NULL;
	}
	title = story_title_clean(f->value[K_TITLE]);
	if ((problem = story_title_problem(title)) != NULL) {
		error_at(r, f->at[K_TITLE], "%s", problem);
		free(title);
		return NULL;
	}
	for (i = 0; i < r->ntitles; i++) {
		if (strcasecmp(r->titles[i], title) != 0)
			continue;
		shown = show(title);
		error_at(r, f->at[K_TITLE], _("a second story titled '%s' "
		    "(the first is on line %zu)"), shown, r->title_lines[i]);
		free(shown);
		free(title);
		return NULL;
	}
	r->titles = xreallocarray(r->titles, r->ntitles + 1,
	    sizeof *r->titles);
	r->title_lines = xreallocarray(r->title_lines, r->ntitles + 1,
	    sizeof *r->title_lines);
	r->titles[r->ntitles] = title;
	r->title_lines[r->ntitles++] = f->at[K_TITLE].line + 1;
	return title;
}

/* A story read without error goes to the callback. */
static void
hand_over(struct reader *r, struct fields *f, const char *title,
    yaml_mark_t start)
{
	struct story_entry e;
	char *bad, *tags;
	int i;

	memset(&e, 0, sizeof e);
	e.line = start.line + 1;
	e.column = start.column + 1;
	e.title = title;
	e.language = f->value[K_LANGUAGE];
	tags = story_tags_json(f->tags.data != NULL ? f->tags.data : "", &bad);
	e.tags = tags;
	for (i = K_NOTES; i < K_CARDS; i++) {
		if (f->value[i] == NULL)
			f->value[i] = xstrdup("");
		story_text_trim(f->value[i]);
	}
	e.text.notes = f->value[K_NOTES];
	for (i = 0; i < STORY_PARTS; i++)
		e.text.part[i] = f->value[K_PART + i];
	e.cards = f->cards;
	e.ncards = f->ncards;
	r->res->stories++;
	if (r->fn(r->arg, &e) != 0)
		r->stopped = r->broken = true;
	free(tags);
	free(bad);
}

static void
read_story(struct reader *r)
{
	yaml_mark_t start = r->ev.start_mark;
	size_t errors = r->res->errors;
	struct fields f;
	char *title;

	if (r->ev.type != YAML_MAPPING_START_EVENT) {
		error_at(r, start, _("a story must be a mapping (title: ..., "
		    "situation: ...), found %s"), describe(&r->ev));
		skip(r);
		return;
	}
	memset(&f, 0, sizeof f);
	while (next(r) && r->ev.type != YAML_MAPPING_END_EVENT)
		read_pair(r, &f);
	if (!r->broken) {
		if (f.value[K_LANGUAGE] != NULL &&
		    !valid_language(f.value[K_LANGUAGE]))
			error_at(r, f.at[K_LANGUAGE], _("'language' must be a "
			    "language tag such as en or nl"));
		title = check_title(r, &f, start);
		if (title != NULL && r->res->errors == errors)
			hand_over(r, &f, title, start);
	}
	fields_free(&f);
}

/* The list under 'stories'. */
static void
read_stories(struct reader *r)
{
	size_t n = 0;

	if (r->ev.type == YAML_SCALAR_EVENT && is_null(&r->ev))
		return;
	if (r->ev.type != YAML_SEQUENCE_START_EVENT) {
		error_at(r, r->ev.start_mark, _("'stories' must be a list of "
		    "stories"));
		skip(r);
		return;
	}
	while (next(r) && r->ev.type != YAML_SEQUENCE_END_EVENT) {
		if (n++ == STORY_FILE_STORIES) {
			error_at(r, r->ev.start_mark, _("more than 10000 "
			    "stories in one file"));
			r->broken = true;
			return;
		}
		read_story(r);
	}
}

/* The top mapping: 'stories' and nothing else. */
static void
read_top(struct reader *r)
{
	yaml_mark_t start = r->ev.start_mark;
	bool stories = false, deck = false;
	const char *k;
	char *shown;

	if (r->ev.type != YAML_MAPPING_START_EVENT) {
		error_at(r, start, _("not a story bank: it holds %s, not "
		    "'stories:' and a list of stories"), describe(&r->ev));
		skip(r);
		return;
	}
	while (next(r) && r->ev.type != YAML_MAPPING_END_EVENT) {
		k = r->ev.type == YAML_SCALAR_EVENT ?
		    (const char *)r->ev.data.scalar.value : "";
		if (strcmp(k, "stories") == 0 && !stories) {
			stories = true;
			if (next(r))
				read_stories(r);
			continue;
		}
		if (r->ev.type != YAML_SCALAR_EVENT)
			error_at(r, r->ev.start_mark, _("a key must be text, "
			    "found %s"), describe(&r->ev));
		else if (strcmp(k, "deck") == 0 || strcmp(k, "cards") == 0) {
			if (!deck)
				error_at(r, r->ev.start_mark, _("not a story "
				    "bank but a deck ('rehearse import' takes "
				    "decks)"));
			deck = true;
		} else if (strcmp(k, "stories") == 0)
			error_at(r, r->ev.start_mark, _("'stories' given "
			    "twice"));
		else {
			shown = show(k);
			error_at(r, r->ev.start_mark, _("unknown key '%s' (a "
			    "story bank has only 'stories')"), shown);
			free(shown);
		}
		skip(r);
		if (next(r))
			skip(r);
	}
	if (!stories && !deck && !r->broken)
		error_at(r, start, _("not a story bank: no 'stories'"));
}

/* The stream: one document, its top mapping. */
static void
read_stream(struct reader *r)
{
	if (!next(r) || !next(r))
		return;
	if (r->ev.type == YAML_STREAM_END_EVENT) {
		error_at(r, r->ev.start_mark, _("empty file: a story bank "
		    "starts with 'stories:'"));
		return;
	}
	if (!next(r))
		return;
	read_top(r);
	if (!next(r) || !next(r))
		return;
	if (r->ev.type == YAML_DOCUMENT_START_EVENT)
		error_at(r, r->ev.start_mark, _("a second YAML document: a "
		    "story bank is one"));
}

int
story_file_parse(const char *name, const char *data, size_t len,
    story_entry_fn fn, void *arg, struct story_file_result *res,
    FILE *diag)
{
	struct reader r;
	size_t i;

	memset(res, 0, sizeof *res);
	memset(&r, 0, sizeof r);
	r.name = name;
	r.data = data;
	r.len = len;
	r.diag = diag;
	r.res = res;
	r.fn = fn;
	r.arg = arg;
	if (!yaml_parser_initialize(&r.p))
		abort();	/* out of memory: as xmalloc would */
	yaml_parser_set_input_string(&r.p, (const unsigned char *)data, len);
	read_stream(&r);
	if (r.have)
		yaml_event_delete(&r.ev);
	yaml_parser_delete(&r.p);
	for (i = 0; i < r.ntitles; i++)
		free(r.titles[i]);
	free(r.titles);
	free(r.title_lines);
	fflush(diag);
	if (r.stopped)
		return -1;
	return res->errors > 0 ? 1 : 0;
}

/* A problem with the file as a whole: "PATH: error: ...". */
static int
file_error(FILE *diag, const char *path, struct story_file_result *res,
    const char *msg)
{
	fprintf(diag, "%s: %s: %s\n", path, _("error"), msg);
	res->errors = 1;
	return 1;
}

int
story_file_read(const char *path, story_entry_fn fn, void *arg,
    struct story_file_result *res, FILE *diag)
{
	struct buf b = { 0 };
	struct stat st;
	char chunk[65536], *msg;
	size_t n;
	FILE *fp;
	int rc;

	memset(res, 0, sizeof *res);
	if ((fp = fopen(path, "rb")) == NULL || fstat(fileno(fp), &st) != 0) {
		msg = xasprintf(_("cannot open: %s"), strerror(errno));
		rc = file_error(diag, path, res, msg);
		free(msg);
		if (fp != NULL)
			fclose(fp);
		return rc;
	}
	if (S_ISDIR(st.st_mode)) {
		fclose(fp);
		return file_error(diag, path, res, _("is a directory"));
	}
	/* Pipes are counted as they are read. */
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 &&
	    b.len <= STORY_FILE_MAX)
		buf_add(&b, chunk, n);
	if (ferror(fp))
		msg = xasprintf(_("cannot read: %s"), strerror(errno));
	else if (b.len > STORY_FILE_MAX)
		msg = xasprintf(_("file too large (more than %zu bytes)"),
		    (size_t)STORY_FILE_MAX);
	else
		msg = NULL;
	fclose(fp);
	if (msg != NULL)
		rc = file_error(diag, path, res, msg);
	else
		rc = story_file_parse(path, b.data != NULL ? b.data : "",
		    b.len, fn, arg, res, diag);
	free(msg);
	buf_free(&b);
	return rc;
}
