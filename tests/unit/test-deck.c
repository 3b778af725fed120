/* test-deck.c: the deck loader on data files, hostile files and exact ids. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deck.h"
#include "xmalloc.h"

/* A card as the callback saw it, copied (its pointers are borrowed). */
struct seen_card {
	size_t	 index;
	size_t	 line;
	size_t	 column;
	bool	 id_derived;
	char	*id;
	char	*kind;
	char	*front;
	char	*back;
	char	*hint;
	char	*example;
	char	*tags;
	char	*section;
	char	*probes;
};

/* One deck_load and everything it said. */
struct run {
	int			 rv;
	char			*diag;
	struct deck_info	 info;
	struct deck_result	 res;
	struct seen_card	*cards;
	size_t			 ncards;
	size_t			 cap;
	size_t			 stop_after;	/* 0: never ask to stop */
	size_t			 nbroken;	/* cards handed for their id */
	struct deck_ids		 ids;
	struct deck_ids		 derived;	/* the ids derived from fronts */
};

struct bad_case {
	char	*name;
	int	 cwd;
};

struct tmp {
	char	 dir[PATH_MAX];
	void	*arg;		/* the test's initial state */
};

static const char *
srcdir(void)
{
	const char *s = getenv("srcdir");

	return s != NULL && *s != '\0' ? s : ".";
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static long
save_card(void *arg, const struct deck_card *dc)
{
	struct run *r = arg;
	struct seen_card *c;
	size_t first;

	if (dc->lookup)
		return (long)deck_ids_find(dc->id_derived ? &r->derived :
		    &r->ids, dc->id);
	if ((first = deck_ids_add(&r->ids, dc->id, dc->id_line)) == 0 &&
	    dc->id_derived)
		deck_ids_add(&r->derived, dc->id, dc->id_line);
	if (dc->broken) {
		r->nbroken++;
		return (long)first;
	}
	if (first != 0)
		return (long)first;

	if (r->ncards == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->cards = xreallocarray(r->cards, r->cap, sizeof *r->cards);
	}
	c = &r->cards[r->ncards++];
	c->index = dc->index;
	c->line = dc->line;
	c->column = dc->column;
	c->id_derived = dc->id_derived;
	c->id = xstrdup(dc->id);
	c->kind = dup_or_null(dc->kind);
	c->front = xstrdup(dc->front);
	c->back = dup_or_null(dc->back);
	c->hint = dup_or_null(dc->hint);
	c->example = dup_or_null(dc->example);
	c->tags = dup_or_null(dc->tags);
	c->section = dup_or_null(dc->section);
	c->probes = dup_or_null(dc->probes);
	return r->stop_after != 0 && r->ncards == r->stop_after ? -1 : 0;
}

static void
load(struct run *r, const char *path, const struct deck_limits *lim)
{
	size_t len;
	FILE *diag = open_memstream(&r->diag, &len);

	assert_non_null(diag);
	r->rv = deck_load(path, lim, save_card, r, &r->info, &r->res, diag);
	fclose(diag);
}

static void
run_free(struct run *r)
{
	size_t i;

	for (i = 0; i < r->ncards; i++) {
		free(r->cards[i].id);
		free(r->cards[i].kind);
		free(r->cards[i].front);
		free(r->cards[i].back);
		free(r->cards[i].hint);
		free(r->cards[i].example);
		free(r->cards[i].tags);
		free(r->cards[i].section);
		free(r->cards[i].probes);
	}
	free(r->cards);
	free(r->diag);
	deck_info_free(&r->info);
	deck_ids_free(&r->ids);
	deck_ids_free(&r->derived);
	memset(r, 0, sizeof *r);
}

static char *
slurp(const char *path)
{
	struct buf b = { NULL, 0, 0 };
	char chunk[4096];
	size_t n;
	FILE *fp = fopen(path, "rb");

	if (fp == NULL)
		fail_msg("cannot open %s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	if (b.data == NULL)
		return xstrdup("");
	return b.data;
}

static size_t
count_lines(const char *s, const char *what)
{
	size_t n = 0;

	for (; (s = strstr(s, what)) != NULL; s += strlen(what))
		n++;
	return n;
}

/* A bad case: NAME.yaml gives exactly NAME.err, and the status it implies. */
static void
test_bad(void **state)
{
	struct bad_case *bc = *state;
	struct run r = { 0 };
	char *errname, *want;
	size_t len = strlen(bc->name) - strlen(".yaml");

	errname = xasprintf("%.*s.err", (int)len, bc->name);
	want = slurp(errname);
	load(&r, bc->name, NULL);
	if (strcmp(r.diag, want) != 0)
		print_error("%s: diagnostics differ\n--- want\n%s--- got\n%s",
		    bc->name, want, r.diag);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, strncmp(bc->name, "warn-", 5) == 0 ? 0 : 1);
	assert_int_equal(r.res.errors, count_lines(want, ": error: "));
	assert_int_equal(r.res.warnings, count_lines(want, ": warning: "));
	free(errname);
	free(want);
	run_free(&r);
}

/* The driver runs in the data directory so messages name bare files. */
static int
bad_setup(void **state)
{
	struct bad_case *bc = *state;
	char *dir = xasprintf("%s/tests/data/bad", srcdir());
	int rc;

	bc->cwd = open(".", O_RDONLY | O_DIRECTORY);
	rc = bc->cwd == -1 || chdir(dir) == -1 ? -1 : 0;
	free(dir);
	return rc;
}

static int
bad_teardown(void **state)
{
	struct bad_case *bc = *state;
	int rc = fchdir(bc->cwd);

	close(bc->cwd);
	return rc;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every NAME.yaml with a NAME.err beside it, sorted. */
static char **
bad_names(size_t *n)
{
	char *dir = xasprintf("%s/tests/data/bad", srcdir()), *err;
	char **names = NULL;
	struct dirent *de;
	struct stat st;
	size_t len;
	DIR *d;

	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "test-deck: %s: %s\n", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 5 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		err = xasprintf("%s/%.*s.err", dir, (int)(len - 5), de->d_name);
		if (stat(err, &st) == 0) {
			names = xreallocarray(names, *n + 1, sizeof *names);
			names[(*n)++] = xstrdup(de->d_name);
		}
		free(err);
	}
	closedir(d);
	free(dir);
	qsort(names, *n, sizeof *names, name_cmp);
	return names;
}

static int
tmp_setup(void **state)
{
	struct tmp *t = xcalloc(1, sizeof *t);
	const char *base = getenv("TMPDIR");

	snprintf(t->dir, sizeof t->dir, "%s/test-deck.XXXXXX",
	    base != NULL && *base != '\0' ? base : "/tmp");
	if (mkdtemp(t->dir) == NULL) {
		free(t);
		return -1;
	}
	t->arg = *state;
	*state = t;
	return 0;
}

static int
tmp_teardown(void **state)
{
	struct tmp *t = *state;
	struct dirent *de;
	char *path;
	DIR *d = opendir(t->dir);

	while (d != NULL && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", t->dir, de->d_name);
		unlink(path);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(t->dir);
	free(t);
	return 0;
}

static char *
tmp_path(void **state, const char *name)
{
	struct tmp *t = *state;

	return xasprintf("%s/%s", t->dir, name);
}

static char *
tmp_write(void **state, const char *name, const char *text)
{
	char *path = tmp_path(state, name);
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	return path;
}

static void
test_good_full(void **state)
{
	struct run r = { 0 };
	char *path = xasprintf("%s/tests/data/good/full.yaml", srcdir());
	char *want = xasprintf("%s:28:5: warning: card has no id; its "
	    "progress restarts when the front changes (suggested: id: "
	    "why-quotes-and-a-tab-here-e956e7)\n", path);
	struct seen_card *c;

	(void)state;
	load(&r, path, NULL);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 0);
	assert_int_equal(r.res.errors, 0);
	assert_int_equal(r.res.warnings, 1);
	assert_string_equal(r.info.id, "full-deck");
	assert_string_equal(r.info.title, "Everything at once");
	assert_string_equal(r.info.language, "en-GB");
	assert_string_equal(r.info.kind, "practice");
	assert_string_equal(r.info.description,
	    "A folded description on two lines.\n");
	assert_string_equal(r.info.tags,
	    "[\"test\",\"say\\\"hi\",\"back\\\\slash\",\"bell\\u0007\"]");
	assert_string_equal(r.info.section, "competency");
	assert_int_equal(r.info.cards, 5);
	assert_int_equal(r.ncards, 5);

	c = &r.cards[0];
	assert_int_equal(c->index, 0);
	assert_int_equal(c->line, 12);
	assert_int_equal(c->column, 5);
	assert_string_equal(c->id, "first");
	assert_false(c->id_derived);
	assert_string_equal(c->kind, "recall");
	assert_string_equal(c->front, "What is 6 * 7?");
	assert_string_equal(c->back, "42");
	assert_string_equal(c->hint, "Think of a famous answer.");
	assert_string_equal(c->example, "Line one.\n  Indented line two.\n");
	assert_string_equal(c->tags, "[\"numbers\",\"trivia\"]");

	c = &r.cards[1];
	assert_int_equal(c->index, 1);
	assert_int_equal(c->line, 22);
	assert_string_equal(c->id, "second");
	assert_null(c->kind);
	assert_string_equal(c->front, "123");
	assert_string_equal(c->back, "1.50");
	assert_string_equal(c->hint, "Think of a famous answer.");
	assert_null(c->example);
	assert_string_equal(c->tags, "[\"numbers\",\"trivia\"]");

	c = &r.cards[2];
	assert_int_equal(c->index, 2);
	assert_int_equal(c->line, 28);
	assert_true(c->id_derived);
	assert_string_equal(c->id, "why-quotes-and-a-tab-here-e956e7");
	assert_string_equal(c->front, "Why \"quotes\"? And a tab:\there.");
	assert_string_equal(c->back, "Folded text.");
	assert_null(c->hint);
	assert_null(c->tags);

	c = &r.cards[3];
	assert_int_equal(c->index, 3);
	assert_string_equal(c->id, "fourth");
	assert_string_equal(c->kind, "ask");
	assert_string_equal(c->back, "yes");
	assert_string_equal(c->tags, "[]");
	assert_null(c->hint);		/* ~ */
	assert_null(c->example);	/* "" */
	assert_string_equal(c->section, "closing");
	assert_null(c->probes);

	c = &r.cards[4];
	assert_string_equal(c->id, "fifth");
	assert_null(c->kind);		/* the deck's: practice */
	assert_null(c->back);
	assert_string_equal(c->section, "technical");
	assert_string_equal(c->probes, "[\"Why that way?\",\"And then: "
	    "what?\",\"Two lines,\\u000a\\\"quoted\\\".\\u000a\"]");
	assert_null(r.cards[0].section);
	assert_null(r.cards[0].probes);
	run_free(&r);
	free(path);
	free(want);
}

static void
test_good_deck_last(void **state)
{
	struct run r = { 0 };
	char *path = xasprintf("%s/tests/data/good/deck-last.yaml", srcdir());

	(void)state;
	load(&r, path, NULL);
	assert_string_equal(r.diag, "");
	assert_int_equal(r.rv, 0);
	assert_string_equal(r.info.id, "deck-last");
	assert_string_equal(r.info.title, "Deck keys last");
	assert_string_equal(r.info.kind, "recall");
	assert_null(r.info.language);
	assert_null(r.info.tags);
	assert_int_equal(r.ncards, 2);
	assert_string_equal(r.cards[0].id, "one");
	assert_string_equal(r.cards[0].back, "1");
	assert_null(r.cards[0].kind);
	assert_string_equal(r.cards[1].kind, "practice");
	assert_int_equal(r.cards[1].line, 4);
	run_free(&r);
	free(path);
}

/* The bundled decks are real decks: they must load without a word. */
static void
test_bundled_decks(void **state)
{
	const char *langs[] = { "en", "nl" };
	struct dirent *de;
	struct run r;
	char *dir, *path;
	size_t i, n = 0;
	DIR *d;

	(void)state;
	for (i = 0; i < 2; i++) {
		dir = xasprintf("%s/decks/%s", srcdir(), langs[i]);
		if ((d = opendir(dir)) == NULL) {
			free(dir);
			continue;
		}
		while ((de = readdir(d)) != NULL) {
			if (strstr(de->d_name, ".yaml") == NULL)
				continue;
			memset(&r, 0, sizeof r);
			path = xasprintf("%s/%s", dir, de->d_name);
			load(&r, path, NULL);
			assert_string_equal(r.diag, "");
			assert_int_equal(r.rv, 0);
			assert_true(r.ncards > 0);
			run_free(&r);
			free(path);
			n++;
		}
		closedir(d);
		free(dir);
	}
	if (n == 0)
		skip();
}

/*
 * The decks below are written by a function of n, when their text would
 * be too long to spell out.  Each puts what a hostile or a large deck
 * holds; they run in a forked writer too, so they never assert.
 */
static void
put_cards(FILE *fp, size_t n, bool ids)
{
	size_t i;

	fputs("deck: many\ncards:\n", fp);
	for (i = 0; i < n; i++) {
		if (ids)
			fprintf(fp, "  - id: card-%zu\n", i);
		fprintf(fp, "%s front: Question %zu?\n    back: Answer.\n",
		    ids ? "   " : "  -", i);
	}
}

static void
put_ids(FILE *fp, size_t n)
{
	put_cards(fp, n, true);
}

static void
put_no_ids(FILE *fp, size_t n)
{
	put_cards(fp, n, false);
}

/* A repeated id long after the first: the id set has grown since. */
static void
put_late_repeat(FILE *fp, size_t n)
{
	put_cards(fp, n, true);
	fputs("  - id: card-17\n    front: Again?\n    back: Again.\n", fp);
}

/* n bytes in one value. */
static void
put_huge_value(FILE *fp, size_t n)
{
	char chunk[65536];
	size_t k;

	fputs("deck: big\ncards:\n  - id: big\n    front: ", fp);
	memset(chunk, 'x', sizeof chunk);
	for (; n > 0; n -= k) {
		k = n < sizeof chunk ? n : sizeof chunk;
		fwrite(chunk, 1, k, fp);
	}
	fputs("\n    back: b\n", fp);
}

static void
put_brackets(FILE *fp, size_t n)
{
	fputs("deck: deep\ncards: ", fp);
	while (n-- > 0)
		putc('[', fp);
}

static void
put_flow_cards(FILE *fp, size_t n)
{
	size_t i;

	fputs("deck: flow\ncards:\n", fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "  - {id: x%zu, front: a, back: b}\n", i);
}

static void
put_no_backs(FILE *fp, size_t n)
{
	size_t i;

	fputs("deck: errors\ncards:\n", fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "  - {id: e%zu, front: a}\n", i);
}

/* n cards of 358 bytes each: 200,000 of them pass 64 MiB. */
static void
put_design_size(FILE *fp, size_t n)
{
	char back[300];
	size_t i;

	memset(back, 'b', sizeof back - 1);
	back[sizeof back - 1] = '\0';
	fputs("deck: design\ncards:\n", fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "  - id: card-%06zu\n    front: Question %06zu?\n"
		    "    back: %s\n", i, i, back);
}

/* One expected diagnostic, or times of them on as many lines in a row. */
struct want {
	size_t		 line;		/* 0: the file as a whole */
	size_t		 column;
	const char	*msg;		/* "error: ..." or "warning: ..." */
	size_t		 times;		/* 0 or 1: once */
};

/*
 * A deck at or past a limit: text, or put(n), written to a file or a
 * FIFO and loaded with lim, whose fields left 0 are the default's.  It
 * must print exactly want, in that order, return rv with those counts,
 * and hand over cards valid cards, the last one last_id (when set) at
 * last_index.  min_bytes checks that the deck is as large as it means.
 */
struct limit_case {
	const char		*name;
	const char		*text;
	void			(*put)(FILE *, size_t);
	size_t			 n;
	bool			 fifo;
	struct deck_limits	 lim;
	int			 rv;
	struct want		 want[4];
	size_t			 errors;
	size_t			 warnings;
	size_t			 cards;
	const char		*last_id;
	size_t			 last_index;
	off_t			 min_bytes;	/* the file's size, at least */
};

static struct limit_case limit_cases[] = {
	/* libyaml would read all 50 MB before a word: the input stops it. */
	{ .name = "limit_huge_scalar", .put = put_huge_value,
	  .n = 50 * 1000 * 1000, .rv = 1, .errors = 1,
	  .want = { { 4, 5, "error: value too long (limit 1048576 bytes)",
	  0 } } },
	/* Short enough that libyaml delivers it.  The second card repeats
	 * the refused value: not handed over without it. */
	{ .name = "limit_long_value", .lim = { .scalar_bytes = 10 },
	  .text = "deck: long\ncards:\n"
	  "  - id: one\n    front: 0123456789\n    back: &b 0123456789a\n"
	  "  - id: two\n    front: 0123456789\n    back: *b\n",
	  .rv = 1, .errors = 1,
	  .want = { { 5, 11, "error: value too long (limit 10 bytes)", 0 } } },
	/* Top mapping 1, 'cards' 2: the 63rd '[' after it is level 65. */
	{ .name = "limit_deep_nesting", .put = put_brackets, .n = 100000,
	  .rv = 1, .errors = 1,
	  .want = { { 2, 71, "error: nesting deeper than 64 levels", 0 } } },
	/* An alias counts the levels of what it stands for. */
	{ .name = "limit_deep_alias", .lim = { .depth = 5 },
	  .text = "deck: deep\ncards:\n"
	  "  - id: one\n    front: a\n    back: b\n"
	  "    example: &two [[a]]\n"
	  "  - id: two\n    front: a\n    back: b\n"
	  "    example: [*two]\n",
	  .rv = 1, .errors = 2,
	  .want = { { 6, 14, "error: 'example' must be text, found a list", 0 },
	  { 10, 15, "error: nesting deeper than 5 levels", 0 } } },
	/* "12345678" counts 9 (its bytes and one for the node): two fit 18. */
	{ .name = "limit_expansion_exact", .lim = { .expansion = 18 },
	  .text = "deck: exp\ncards:\n"
	  "  - {id: a, front: a, back: b, hint: &h \"12345678\"}\n"
	  "  - {id: b, front: a, back: b, hint: *h}\n"
	  "  - {id: c, front: a, back: b, hint: *h}\n"
	  "  - {id: d, front: a, back: b, hint: *h}\n",
	  .rv = 1, .errors = 1, .cards = 3, .last_id = "c", .last_index = 2,
	  .want = { { 6, 38, "error: aliases expand beyond the limit of 18 "
	  "bytes", 0 } } },
	/* Only the large card is refused: the next one still counts. */
	{ .name = "limit_card_bytes", .lim = { .card_bytes = 40 },
	  .text = "deck: card\ncards:\n"
	  "  - id: small\n    front: a\n    back: b\n"
	  "  - id: large\n    front: a\n    back: b\n"
	  "    hint: This hint makes the card too large.\n"
	  "  - id: after\n    front: a\n    back: b\n",
	  .rv = 1, .errors = 1, .cards = 2, .last_id = "after",
	  .last_index = 2,
	  .want = { { 6, 5, "error: card too large (limit 40 bytes after "
	  "expanding aliases)", 0 } } },
	{ .name = "limit_file_size", .lim = { .file_bytes = 40 },
	  .text = "deck: file\ncards:\n  - {id: a, front: a, back: b}\n",
	  .rv = 1, .errors = 1,
	  .want = { { 0, 0, "error: file too large (49 bytes, limit 40 "
	  "bytes)", 0 } } },
	/* A pipe has no size to look at: the bytes are counted as they come. */
	{ .name = "limit_fifo_within", .put = put_flow_cards, .n = 10,
	  .fifo = true, .cards = 10, .last_id = "x9", .last_index = 9 },
	{ .name = "limit_fifo_size", .put = put_flow_cards, .n = 100000,
	  .fifo = true, .lim = { .file_bytes = 1000 }, .rv = 1, .errors = 1,
	  .want = { { 0, 0, "error: file too large (more than 1000 bytes)",
	  0 } } },
	{ .name = "limit_cards", .put = put_ids, .n = 5,
	  .lim = { .cards = 3 }, .rv = 1, .errors = 1, .cards = 3,
	  .last_id = "card-2", .last_index = 2,
	  .want = { { 12, 5, "error: too many cards (limit 3)", 0 } } },
	{ .name = "limit_late_repeat", .put = put_late_repeat, .n = 50000,
	  .rv = 1, .errors = 1, .cards = 50000, .last_id = "card-49999",
	  .last_index = 49999,
	  .want = { { 150003, 9, "error: duplicate card id 'card-17' (first "
	  "at line 54)", 0 } } },
	/* Errors stop at 50; the 51st is "giving up" and no more. */
	{ .name = "limit_errors", .put = put_no_backs, .n = 60,
	  .rv = 1, .errors = 51,
	  .want = { { 3, 5, "error: card has no 'back'", 50 },
	  { 0, 0, "error: too many errors, giving up", 0 } } },
	/* Warnings are all counted, but as many as errors are shown. */
	{ .name = "limit_warnings", .put = put_no_ids, .n = 5,
	  .lim = { .errors = 3 }, .warnings = 5, .cards = 5,
	  .want = { { 3, 5, "warning: card has no id; its progress restarts "
	  "when the front changes (suggested: id: question-0-429ce6)", 0 },
	  { 5, 5, "warning: card has no id; its progress restarts when the "
	  "front changes (suggested: id: question-1-405e4f)", 0 },
	  { 7, 5, "warning: card has no id; its progress restarts when the "
	  "front changes (suggested: id: question-2-3e1fb8)", 0 },
	  { 0, 0, "warning: 2 more warnings not shown", 0 } } },
	/* DESIGN.md: a file of 64 MiB and 200,000 cards imports. */
	{ .name = "limit_design_size", .put = put_design_size, .n = 200000,
	  .min_bytes = (off_t)64 << 20, .cards = 200000,
	  .last_id = "card-199999", .last_index = 199999 },
};

static struct deck_limits
limits_of(const struct deck_limits *l)
{
	struct deck_limits d = deck_default_limits;

	if (l->file_bytes != 0)
		d.file_bytes = l->file_bytes;
	if (l->scalar_bytes != 0)
		d.scalar_bytes = l->scalar_bytes;
	if (l->card_bytes != 0)
		d.card_bytes = l->card_bytes;
	if (l->cards != 0)
		d.cards = l->cards;
	if (l->depth != 0)
		d.depth = l->depth;
	if (l->expansion != 0)
		d.expansion = l->expansion;
	if (l->errors != 0)
		d.errors = l->errors;
	return d;
}

static void
limit_put(const struct limit_case *lc, FILE *fp)
{
	if (lc->put != NULL)
		lc->put(fp, lc->n);
	else
		fputs(lc->text, fp);
}

/* The case's deck at *pathp; *pid is the writer's when it is a FIFO. */
static void
limit_write(void **state, const struct limit_case *lc, char **pathp,
    pid_t *pid)
{
	char *name = xasprintf("%s.yaml", lc->name);
	char *path = tmp_path(state, name);
	struct stat st;
	FILE *fp;

	free(name);
	*pathp = path;
	*pid = -1;
	if (!lc->fifo) {
		assert_non_null(fp = fopen(path, "w"));
		limit_put(lc, fp);
		assert_int_equal(fclose(fp), 0);
		assert_int_equal(stat(path, &st), 0);
		assert_true(st.st_size >= lc->min_bytes);
		return;
	}
	assert_int_equal(mkfifo(path, 0600), 0);
	if ((*pid = fork()) == 0) {
		signal(SIGPIPE, SIG_IGN);
		if ((fp = fopen(path, "w")) == NULL)
			_exit(1);
		limit_put(lc, fp);
		fclose(fp);
		_exit(0);
	}
	assert_true(*pid > 0);
}

static char *
want_text(const struct limit_case *lc, const char *path)
{
	struct buf b = { NULL, 0, 0 };
	const struct want *w;
	size_t i, k;

	buf_adds(&b, "");	/* "" when nothing is wanted */
	for (i = 0; i < 4 && lc->want[i].msg != NULL; i++) {
		w = &lc->want[i];
		for (k = 0; k < (w->times > 1 ? w->times : 1); k++) {
			if (w->line == 0)
				buf_printf(&b, "%s: %s\n", path, w->msg);
			else
				buf_printf(&b, "%s:%zu:%zu: %s\n", path,
				    w->line + k, w->column, w->msg);
		}
	}
	return b.data;
}

static void
test_limit(void **state)
{
	const struct limit_case *lc = ((struct tmp *)*state)->arg;
	struct deck_limits lim = limits_of(&lc->lim);
	const struct seen_card *last;
	struct run r = { 0 };
	char *path, *want;
	pid_t pid;
	int status;

	limit_write(state, lc, &path, &pid);
	load(&r, path, &lim);
	if (pid > 0)
		assert_int_equal(waitpid(pid, &status, 0), pid);
	want = want_text(lc, path);
	if (strcmp(r.diag, want) != 0)
		print_error("%s: diagnostics differ\n--- want\n%s--- got\n%s",
		    lc->name, want, r.diag);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, lc->rv);
	assert_int_equal(r.res.errors, lc->errors);
	assert_int_equal(r.res.warnings, lc->warnings);
	assert_int_equal(r.ncards, lc->cards);
	assert_int_equal(r.info.cards, lc->cards);
	if (lc->last_id != NULL) {
		assert_true(r.ncards > 0);
		last = &r.cards[r.ncards - 1];
		assert_string_equal(last->id, lc->last_id);
		assert_int_equal(last->index, lc->last_index);
	}
	run_free(&r);
	free(want);
	free(path);
}

static char *
write_cards(void **state, const char *name, size_t n)
{
	char *path = tmp_path(state, name);
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	put_ids(fp, n);
	assert_int_equal(fclose(fp), 0);
	return path;
}

static void
test_callback_stop(void **state)
{
	char *path = write_cards(state, "stop.yaml", 5);
	struct run r = { 0 };

	r.stop_after = 2;
	load(&r, path, NULL);
	assert_int_equal(r.rv, -1);
	assert_int_equal(r.ncards, 2);
	assert_string_equal(r.diag, "");
	run_free(&r);
	free(path);
}

static void
test_not_a_file(void **state)
{
	struct tmp *t = *state;
	struct run r = { 0 };
	char *want, *path;

	load(&r, t->dir, NULL);
	want = xasprintf("%s: error: is a directory\n", t->dir);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 1);
	run_free(&r);
	free(want);

	path = tmp_path(state, "absent.yaml");
	load(&r, path, NULL);
	want = xasprintf("%s: error: cannot open: %s\n", path,
	    strerror(ENOENT));
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 1);
	assert_int_equal(r.res.errors, 1);
	run_free(&r);
	free(want);
	free(path);
}

/* info, res and diag may be left out; fn too. */
static void
test_optional_arguments(void **state)
{
	char *path = write_cards(state, "opt.yaml", 2);

	assert_int_equal(deck_load(path, NULL, NULL, NULL, NULL, NULL, NULL),
	    0);
	free(path);
}

static void
test_derive_id(void **state)
{
	static const struct {
		const char	*front;
		const char	*id;
	} cases[] = {
		{ "What is SM-2?", "what-is-sm-2-8fcf35" },
		{ "What does SM-2 stand for?",
		    "what-does-sm-2-stand-for-bf5f55" },
		{ "  --Leading and trailing--  ",
		    "leading-and-trailing-d6ab08" },
		/* Over sixty characters alike: the hash tells them apart. */
		{ "Describe a situation in which you had to persuade a "
		    "sceptical colleague to change course.",
		    "describe-a-situation-in-which-you-had-to-0834bd" },
		{ "Describe a situation in which you had to persuade a "
		    "sceptical colleague to change a plan.",
		    "describe-a-situation-in-which-you-had-to-8aa05c" },
		/* Non-ASCII letters are "other characters". */
		{ "\xc3\x87" "a va? \xc3\x9c" "berhaupt \xe2\x80\x94 "
		    "na\xc3\xaf" "ve caf\xc3\xa9",
		    "a-va-berhaupt-na-ve-caf-cbfd8c" },
		{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
		    "\xe8\xb3\xaa\xe5\x95\x8f", "cb5ecf" },
		{ "?!... --- ***", "b9752a" },
		{ "", "1c9dc5" },
		/* Cut at 40 right after a '-': the '-' goes too. */
		{ "abcdefghij abcdefghij abcdefghij abcdef ghi",
		    "abcdefghij-abcdefghij-abcdefghij-abcdef-fb0fd1" },
		{ "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
		    "abcdefghijklmnopqrstuvwxyz0123456789abcd-2a278a" },
	};
	size_t i;
	char *id, *again;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		id = deck_derive_id(cases[i].front);
		assert_string_equal(id, cases[i].id);
		assert_true(deck_valid_id(id));
		again = deck_derive_id(cases[i].front);
		assert_string_equal(id, again);
		free(again);
		free(id);
	}
}

static void
test_valid_id(void **state)
{
	char id[66];

	(void)state;
	assert_true(deck_valid_id("a"));
	assert_true(deck_valid_id("0"));
	assert_true(deck_valid_id("tight-deadline"));
	assert_true(deck_valid_id("a--b-"));
	assert_false(deck_valid_id(""));
	assert_false(deck_valid_id("-a"));
	assert_false(deck_valid_id("Foo"));
	assert_false(deck_valid_id("foo bar"));
	assert_false(deck_valid_id("foo_bar"));
	assert_false(deck_valid_id("caf\xc3\xa9"));
	memset(id, 'a', 64);
	id[64] = '\0';
	assert_true(deck_valid_id(id));
	id[64] = 'a';
	id[65] = '\0';
	assert_false(deck_valid_id(id));
}

/* There must be bad cases to run: a wrong srcdir should not pass. */
static void
test_bad_cases_found(void **state)
{
	size_t n = *(size_t *)*state;

	assert_true(n >= 30);
}

/*
 * A card with errors comes to the caller for its id alone, so that a
 * duplicate id is reported in it too; the caller's answer names the line.
 */
static void
test_broken_card_id(void **state)
{
	struct run r = { 0 };
	char *path = tmp_write(state, "broken.yaml", "deck: b\ncards:\n"
	    "  - id: one\n    front: One?\n    back: One.\n"
	    "  - id: one\n    front: [no]\n    back: Two.\n"
	    "  - id: two\n    back: Three.\n");

	load(&r, path, NULL);
	assert_int_equal(r.rv, 1);
	assert_int_equal(r.ncards, 1);
	assert_int_equal(r.nbroken, 2);
	assert_int_equal(r.info.cards, 1);
	assert_non_null(strstr(r.diag, ":6:9: error: duplicate card id 'one' "
	    "(first at line 3)"));
	assert_non_null(strstr(r.diag, ":9:5: error: card has no 'front'"));
	run_free(&r);
	free(path);
}

/* The fingerprint follows the bytes and the salt, and ends in the length. */
static void
test_file_hash(void **state)
{
	char a[DECK_HASH_SIZE], b[DECK_HASH_SIZE], c[DECK_HASH_SIZE];
	char *path = tmp_write(state, "h.yaml", "deck: h\ncards: []\n");

	assert_true(deck_file_hash(path, "x", a));
	assert_true(deck_file_hash(path, "x", b));
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "-18"));
	assert_true(deck_file_hash(path, "y", c));
	assert_string_not_equal(a, c);
	free(path);
	path = tmp_write(state, "h.yaml", "deck: i\ncards: []\n");
	assert_true(deck_file_hash(path, "x", c));
	assert_string_not_equal(a, c);
	free(path);
	assert_false(deck_file_hash("/nonexistent/h.yaml", "x", c));
}

#define TMP_TEST(f) cmocka_unit_test_setup_teardown(f, tmp_setup, tmp_teardown)

int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_derive_id),
		cmocka_unit_test(test_valid_id),
		cmocka_unit_test(test_good_full),
		cmocka_unit_test(test_good_deck_last),
		cmocka_unit_test(test_bundled_decks),
		TMP_TEST(test_callback_stop),
		TMP_TEST(test_not_a_file),
		TMP_TEST(test_optional_arguments),
		TMP_TEST(test_broken_card_id),
		TMP_TEST(test_file_hash),
	};
	size_t nfixed = sizeof fixed / sizeof fixed[0], nbad, i, n = 0;
	size_t nlimit = sizeof limit_cases / sizeof limit_cases[0];
	char **names = bad_names(&nbad);
	struct bad_case *cases = xcalloc(nbad + 1, sizeof *cases);
	struct CMUnitTest *tests;
	int rc;

	/* One group: the TAP output must have a single plan. */
	tests = xcalloc(nfixed + nlimit + nbad + 1, sizeof *tests);
	for (i = 0; i < nfixed; i++)
		tests[n++] = fixed[i];
	for (i = 0; i < nlimit; i++) {
		tests[n].name = limit_cases[i].name;
		tests[n].test_func = test_limit;
		tests[n].setup_func = tmp_setup;
		tests[n].teardown_func = tmp_teardown;
		tests[n++].initial_state = &limit_cases[i];
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test_prestate(
	    test_bad_cases_found, &nbad);
	for (i = 0; i < nbad; i++) {
		cases[i].name = names[i];
		tests[n].name = names[i];
		tests[n].test_func = test_bad;
		tests[n].setup_func = bad_setup;
		tests[n].teardown_func = bad_teardown;
		tests[n++].initial_state = &cases[i];
	}
	rc = _cmocka_run_group_tests("deck", tests, n, NULL, NULL);
	for (i = 0; i < nbad; i++)
		free(names[i]);
	free(names);
	free(cases);
	free(tests);
	return rc;
}
