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
};

struct bad_case {
	char	*name;
	int	 cwd;
};

struct tmp {
	char	 dir[PATH_MAX];
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
	size_t first = deck_ids_add(&r->ids, dc->id, dc->id_line);

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
	c->back = xstrdup(dc->back);
	c->hint = dup_or_null(dc->hint);
	c->example = dup_or_null(dc->example);
	c->tags = dup_or_null(dc->tags);
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
	}
	free(r->cards);
	free(r->diag);
	deck_info_free(&r->info);
	deck_ids_free(&r->ids);
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
	assert_int_equal(r.info.cards, 4);
	assert_int_equal(r.ncards, 4);

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

static void
test_huge_scalar(void **state)
{
	static const char head[] =
	    "deck: big\ncards:\n  - id: big\n    front: ";
	char *path = tmp_path(state, "big.yaml"), *want, chunk[65536];
	struct run r = { 0 };
	FILE *fp = fopen(path, "w");
	size_t i;

	assert_non_null(fp);
	fputs(head, fp);
	memset(chunk, 'x', sizeof chunk);
	for (i = 0; i < 50 * 1000 * 1000 / sizeof chunk; i++)
		fwrite(chunk, 1, sizeof chunk, fp);
	fputs("\n    back: b\n", fp);
	assert_int_equal(fclose(fp), 0);

	load(&r, path, NULL);
	want = xasprintf("%s:4:5: error: value too long (limit 1048576 "
	    "bytes)\n", path);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 1);
	assert_int_equal(r.ncards, 0);
	run_free(&r);
	free(want);
	free(path);
}

/* A value longer than the limit, short enough that libyaml delivers it. */
static void
test_long_value(void **state)
{
	struct deck_limits lim = deck_default_limits;
	struct run r = { 0 };
	char *path, *want;

	lim.scalar_bytes = 10;
	/* The second card repeats the refused value: not handed without it. */
	path = tmp_write(state, "long.yaml", "deck: long\ncards:\n"
	    "  - id: one\n    front: 0123456789\n    back: &b 0123456789a\n"
	    "  - id: two\n    front: 0123456789\n    back: *b\n");
	load(&r, path, &lim);
	want = xasprintf("%s:5:11: error: value too long (limit 10 bytes)\n",
	    path);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 1);
	assert_int_equal(r.ncards, 0);
	run_free(&r);
	free(want);
	free(path);
}

static void
test_deep_nesting(void **state)
{
	char *path = tmp_path(state, "deep.yaml"), *want;
	struct run r = { 0 };
	FILE *fp = fopen(path, "w");
	size_t i;

	assert_non_null(fp);
	fputs("deck: deep\ncards: ", fp);
	for (i = 0; i < 100000; i++)
		putc('[', fp);
	assert_int_equal(fclose(fp), 0);

	load(&r, path, NULL);
	/* Top mapping 1, 'cards' 2: the 63rd '[' after it is level 65. */
	want = xasprintf("%s:2:71: error: nesting deeper than 64 levels\n",
	    path);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 1);
	run_free(&r);
	free(want);
	free(path);
}

/* An alias counts the levels of what it stands for. */
static void
test_deep_alias(void **state)
{
	struct deck_limits lim = deck_default_limits;
	struct run r = { 0 };
	char *path, *want;

	lim.depth = 5;
	path = tmp_write(state, "alias.yaml", "deck: deep\ncards:\n"
	    "  - id: one\n    front: a\n    back: b\n"
	    "    example: &two [[a]]\n"
	    "  - id: two\n    front: a\n    back: b\n"
	    "    example: [*two]\n");
	load(&r, path, &lim);
	want = xasprintf("%s:6:14: error: 'example' must be text, found a "
	    "list\n%s:10:15: error: nesting deeper than 5 levels\n", path,
	    path);
	assert_string_equal(r.diag, want);
	run_free(&r);
	free(want);
	free(path);
}

static void
test_expansion_exact(void **state)
{
	struct deck_limits lim = deck_default_limits;
	struct run r = { 0 };
	char *path, *want;

	/* "12345678" counts 9 (its bytes and one for the node): two fit 18. */
	lim.expansion = 18;
	path = tmp_write(state, "exp.yaml", "deck: exp\ncards:\n"
	    "  - {id: a, front: a, back: b, hint: &h \"12345678\"}\n"
	    "  - {id: b, front: a, back: b, hint: *h}\n"
	    "  - {id: c, front: a, back: b, hint: *h}\n"
	    "  - {id: d, front: a, back: b, hint: *h}\n");
	load(&r, path, &lim);
	want = xasprintf("%s:6:38: error: aliases expand beyond the limit of "
	    "18 bytes\n", path);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.ncards, 3);
	run_free(&r);
	free(want);
	free(path);
}

static void
test_card_bytes(void **state)
{
	struct deck_limits lim = deck_default_limits;
	struct run r = { 0 };
	char *path, *want;

	lim.card_bytes = 40;
	path = tmp_write(state, "card.yaml", "deck: card\ncards:\n"
	    "  - id: small\n    front: a\n    back: b\n"
	    "  - id: large\n    front: a\n    back: b\n"
	    "    hint: This hint makes the card too large.\n"
	    "  - id: after\n    front: a\n    back: b\n");
	load(&r, path, &lim);
	want = xasprintf("%s:6:5: error: card too large (limit 40 bytes after "
	    "expanding aliases)\n", path);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 1);
	assert_int_equal(r.ncards, 2);
	assert_string_equal(r.cards[1].id, "after");
	assert_int_equal(r.cards[1].index, 2);
	run_free(&r);
	free(want);
	free(path);
}

static void
test_file_limit(void **state)
{
	struct deck_limits lim = deck_default_limits;
	struct run r = { 0 };
	char *path, *want;

	lim.file_bytes = 40;
	path = tmp_write(state, "file.yaml", "deck: file\ncards:\n"
	    "  - {id: a, front: a, back: b}\n");
	load(&r, path, &lim);
	want = xasprintf("%s: error: file too large (49 bytes, limit 40 "
	    "bytes)\n", path);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 1);
	assert_int_equal(r.ncards, 0);
	run_free(&r);
	free(want);
	free(path);
}

/* A pipe has no size to look at: the bytes are counted as they come. */
static void
fifo_case(void **state, size_t total, const struct deck_limits *lim,
    struct run *r, char **pathp)
{
	char *path = tmp_path(state, "fifo.yaml");
	size_t i;
	pid_t pid;
	FILE *fp;
	int status;

	assert_int_equal(mkfifo(path, 0600), 0);
	if ((pid = fork()) == 0) {
		signal(SIGPIPE, SIG_IGN);
		if ((fp = fopen(path, "w")) == NULL)
			_exit(1);
		fputs("deck: fifo\ncards:\n", fp);
		for (i = 0; i < total; i++)
			fprintf(fp, "  - {id: x%zu, front: a, back: b}\n", i);
		fclose(fp);
		_exit(0);
	}
	assert_true(pid > 0);
	load(r, path, lim);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	*pathp = path;
}

static void
test_fifo(void **state)
{
	struct deck_limits lim = deck_default_limits;
	struct run r = { 0 };
	char *path, *want;

	fifo_case(state, 10, &lim, &r, &path);
	assert_string_equal(r.diag, "");
	assert_int_equal(r.rv, 0);
	assert_int_equal(r.ncards, 10);
	run_free(&r);
	unlink(path);
	free(path);

	lim.file_bytes = 1000;
	fifo_case(state, 100000, &lim, &r, &path);
	want = xasprintf("%s: error: file too large (more than 1000 bytes)\n",
	    path);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 1);
	run_free(&r);
	free(want);
	free(path);
}

static char *
write_cards(void **state, const char *name, size_t n, bool ids)
{
	char *path = tmp_path(state, name);
	FILE *fp = fopen(path, "w");
	size_t i;

	assert_non_null(fp);
	fputs("deck: many\ncards:\n", fp);
	for (i = 0; i < n; i++) {
		if (ids)
			fprintf(fp, "  - id: card-%zu\n", i);
		fprintf(fp, "%s front: Question %zu?\n    back: Answer.\n",
		    ids ? "   " : "  -", i);
	}
	assert_int_equal(fclose(fp), 0);
	return path;
}

static void
test_card_limit(void **state)
{
	struct deck_limits lim = deck_default_limits;
	struct run r = { 0 };
	char *path = write_cards(state, "five.yaml", 5, true), *want;

	lim.cards = 3;
	load(&r, path, &lim);
	want = xasprintf("%s:12:5: error: too many cards (limit 3)\n", path);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 1);
	assert_int_equal(r.ncards, 3);
	assert_int_equal(r.info.cards, 3);
	run_free(&r);
	free(want);
	free(path);
}

/* Many cards: the id set grows, and a late duplicate is still found. */
static void
test_many_cards(void **state)
{
	char *path = write_cards(state, "many.yaml", 50000, true), *want;
	struct run r = { 0 };
	FILE *fp = fopen(path, "a");

	assert_non_null(fp);
	fputs("  - id: card-17\n    front: Again?\n    back: Again.\n", fp);
	assert_int_equal(fclose(fp), 0);
	load(&r, path, NULL);
	want = xasprintf("%s:150003:9: error: duplicate card id 'card-17' "
	    "(first at line 54)\n", path);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 1);
	assert_int_equal(r.ncards, 50000);
	assert_int_equal(r.cards[49999].index, 49999);
	run_free(&r);
	free(want);
	free(path);
}

static void
test_too_many_errors(void **state)
{
	char *path = tmp_path(state, "errors.yaml");
	struct run r = { 0 };
	FILE *fp = fopen(path, "w");
	size_t i;

	assert_non_null(fp);
	fputs("deck: errors\ncards:\n", fp);
	for (i = 0; i < 60; i++)
		fprintf(fp, "  - {id: e%zu, front: a}\n", i);
	assert_int_equal(fclose(fp), 0);
	load(&r, path, NULL);
	assert_int_equal(r.rv, 1);
	assert_int_equal(count_lines(r.diag, ": error: card has no 'back'"),
	    50);
	assert_non_null(strstr(r.diag, ":52:5: error: card has no 'back'\n"));
	assert_null(strstr(r.diag, ":53:5:"));
	assert_non_null(strstr(r.diag, "errors.yaml: error: too many errors, "
	    "giving up\n"));
	assert_int_equal(r.res.errors, 51);
	run_free(&r);
	free(path);
}

static void
test_warnings_cap(void **state)
{
	struct deck_limits lim = deck_default_limits;
	char *path = write_cards(state, "noids.yaml", 5, false), *want;
	struct run r = { 0 };

	lim.errors = 3;
	load(&r, path, &lim);
	want = xasprintf(
	    "%s:3:5: warning: card has no id; its progress restarts when the "
	    "front changes (suggested: id: question-0-%s)\n"
	    "%s:5:5: warning: card has no id; its progress restarts when the "
	    "front changes (suggested: id: question-1-%s)\n"
	    "%s:7:5: warning: card has no id; its progress restarts when the "
	    "front changes (suggested: id: question-2-%s)\n"
	    "%s: warning: 2 more warnings not shown\n",
	    path, "429ce6", path, "405e4f", path, "3e1fb8", path);
	assert_string_equal(r.diag, want);
	assert_int_equal(r.rv, 0);
	assert_int_equal(r.res.warnings, 5);
	assert_int_equal(r.ncards, 5);
	run_free(&r);
	free(want);
	free(path);
}

static void
test_callback_stop(void **state)
{
	char *path = write_cards(state, "stop.yaml", 5, true);
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
	char *path = write_cards(state, "opt.yaml", 2, true);

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

static void
test_default_limits(void **state)
{
	const struct deck_limits *l = &deck_default_limits;

	(void)state;
	assert_int_equal(l->file_bytes, 256 * 1024 * 1024);
	assert_int_equal(l->scalar_bytes, 1024 * 1024);
	assert_int_equal(l->card_bytes, 4 * 1024 * 1024);
	assert_int_equal(l->cards, 1000000);
	assert_int_equal(l->depth, 64);
	assert_int_equal(l->expansion, 64 * 1024 * 1024);
	assert_int_equal(l->errors, 50);
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
		cmocka_unit_test(test_default_limits),
		cmocka_unit_test(test_good_full),
		cmocka_unit_test(test_good_deck_last),
		cmocka_unit_test(test_bundled_decks),
		TMP_TEST(test_huge_scalar),
		TMP_TEST(test_long_value),
		TMP_TEST(test_deep_nesting),
		TMP_TEST(test_deep_alias),
		TMP_TEST(test_expansion_exact),
		TMP_TEST(test_card_bytes),
		TMP_TEST(test_file_limit),
		TMP_TEST(test_fifo),
		TMP_TEST(test_card_limit),
		TMP_TEST(test_many_cards),
		TMP_TEST(test_too_many_errors),
		TMP_TEST(test_warnings_cap),
		TMP_TEST(test_callback_stop),
		TMP_TEST(test_not_a_file),
		TMP_TEST(test_optional_arguments),
		TMP_TEST(test_broken_card_id),
		TMP_TEST(test_file_hash),
	};
	size_t nfixed = sizeof fixed / sizeof fixed[0], nbad, i, n = 0;
	char **names = bad_names(&nbad);
	struct bad_case *cases = xcalloc(nbad + 1, sizeof *cases);
	struct CMUnitTest *tests;
	int rc;

	/* One group: the TAP output must have a single plan. */
	tests = xcalloc(nfixed + nbad + 1, sizeof *tests);
	for (i = 0; i < nfixed; i++)
		tests[n++] = fixed[i];
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
