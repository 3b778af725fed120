/* fuzz-deck.c: libFuzzer target for the deck loader and the id rules. */
#include <sys/mman.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deck.h"
#include "xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Limits a few kilobytes of input can reach, so the refusal paths (long
 * values, deep nesting, alias expansion, too many cards or errors) are
 * fuzzed as much as the accepting ones.
 */
static const struct deck_limits small_limits = {
	.file_bytes = 8 << 10,
	.scalar_bytes = 4 << 10,
	.card_bytes = 16 << 10,
	.cards = 100,
	.depth = 8,
	.expansion = 64 << 10,
	.errors = 5,
};

struct seen {
	size_t	cards;
	size_t	next;		/* the least index the next card may have */
	size_t	stop_at;	/* ask to stop at this card; 0: never */
	struct deck_ids ids;
	const struct deck_info *info;	/* filled as the deck is read */
};

static int		input_fd = -1;
static char		input_path[64];
static volatile size_t	sink;		/* keeps the reads in touch() */

/* Invariants a caller relies on; a broken one is a bug like a crash. */
static void
expect(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz-deck: broken invariant: %s\n", what);
		abort();
	}
}

static void
touch(const char *s, int may_be_null)
{
	expect(s != NULL || may_be_null, "a required field is NULL");
	if (s != NULL)
		sink += strlen(s);
}

/*
 * Read every byte of every field so ASan sees a stale or unterminated
 * pointer, and check what deck.h promises about each.
 */
static long
on_card(void *arg, const struct deck_card *dc)
{
	struct seen *s = arg;
	size_t first;
	char *id;

	if (dc->lookup) {		/* a question after the last card */
		touch(dc->id, 0);
		return (long)deck_ids_find(&s->ids, dc->id);
	}
	expect(dc->index >= s->next, "cards out of order");
	s->next = dc->index + 1;
	touch(dc->id, 0);
	expect(deck_valid_id(dc->id), "a card with an invalid id");
	expect(dc->id_line > 0, "an id without a line");
	first = deck_ids_add(&s->ids, dc->id, dc->id_line);
	expect(first <= dc->id_line, "a first id after this one");
	if (dc->broken) {
		expect(dc->front == NULL && dc->back == NULL,
		    "a broken card with text");
		return (long)first;
	}
	touch(dc->kind, 1);
	touch(dc->front, 0);
	touch(dc->back, 1);
	touch(dc->hint, 1);
	touch(dc->example, 1);
	touch(dc->tags, 1);
	expect(dc->line > 0 && dc->column > 0, "card without a position");
	expect(deck_valid_id(dc->id), "a card with an invalid id");
	expect(*dc->front != '\0' && (dc->back == NULL || *dc->back != '\0'),
	    "an empty front or back");
	expect(dc->back != NULL || strcmp(dc->kind != NULL ? dc->kind :
	    s->info->kind != NULL ? s->info->kind : "recall", "practice") == 0,
	    "a card without a back that is not a practice card");
	expect(dc->kind == NULL || strcmp(dc->kind, "recall") == 0 ||
	    strcmp(dc->kind, "practice") == 0 || strcmp(dc->kind, "ask") == 0,
	    "an unknown kind");
	expect(dc->tags == NULL || (dc->tags[0] == '[' &&
	    dc->tags[strlen(dc->tags) - 1] == ']'), "tags not a JSON array");
	if (dc->id_derived) {
		id = deck_derive_id(dc->front);
		expect(strcmp(id, dc->id) == 0, "a derived id that differs");
		free(id);
	}
	if (first != 0)
		return (long)first;
	s->cards++;
	return s->stop_at != 0 && s->cards == s->stop_at ? -1 : 0;
}

/* Every diagnostic is one line that names the file. */
static void
check_diag(const char *text, size_t len, const struct deck_result *res)
{
	const char *p = text, *nl;
	size_t plen = strlen(input_path), errors = 0, warnings = 0;

	expect(len == 0 || text[len - 1] == '\n', "diagnostics without a "
	    "final newline");
	for (; p < text + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(text + len - p));
		expect(strncmp(p, input_path, plen) == 0 && p[plen] == ':',
		    "a diagnostic that does not name the file");
		if (memmem(p, (size_t)(nl - p), ": error: ", 9) != NULL)
			errors++;
		else if (memmem(p, (size_t)(nl - p), ": warning: ", 11) != NULL)
			warnings++;
		else
			expect(0, "a diagnostic neither error nor warning");
	}
	expect(errors <= res->errors, "more errors printed than counted");
	expect(warnings <= res->warnings, "more warnings printed than counted");
	expect((errors == 0) == (res->errors == 0), "errors counted but "
	    "none printed, or the reverse");
}

static void
load(const struct deck_limits *lim, size_t stop_at)
{
	struct deck_info info;
	struct deck_result res;
	struct seen s = { 0, 0, stop_at, { NULL, 0, 0 }, &info };
	char *text = NULL;
	size_t len = 0;
	FILE *diag;
	int rv;

	if ((diag = open_memstream(&text, &len)) == NULL)
		abort();
	rv = deck_load(input_path, lim, on_card, &s, &info, &res, diag);
	fclose(diag);
	check_diag(text, len, &res);
	expect(info.cards == s.cards, "info.cards is not the cards handed");
	if (rv == -1)
		expect(stop_at != 0 && s.cards == stop_at, "stopped unasked");
	else
		expect(rv == (res.errors > 0), "status and error count differ");
	if (rv == 0)
		expect(info.id != NULL && deck_valid_id(info.id),
		    "a valid deck without a valid id");
	touch(info.title, 1);
	touch(info.language, 1);
	touch(info.kind, 1);
	touch(info.description, 1);
	touch(info.tags, 1);
	deck_info_free(&info);
	deck_ids_free(&s.ids);
	free(text);
}

/* The id rules on any text: the derived id is always a valid one. */
static void
derive(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size), *id;

	(void)deck_valid_id(s);
	id = deck_derive_id(s);
	expect(deck_valid_id(id), "deck_derive_id gave an invalid id");
	expect(strlen(id) <= 40 + 7, "deck_derive_id gave a long id");
	free(id);
	free(s);
}

/* deck_load takes a path: the input lives in one memory file, reopened. */
static void
input_set(const uint8_t *data, size_t size)
{
	if (input_fd == -1) {
		if ((input_fd = memfd_create("deck", MFD_CLOEXEC)) == -1)
			abort();
		snprintf(input_path, sizeof input_path, "/proc/self/fd/%d",
		    input_fd);
	}
	if (ftruncate(input_fd, 0) == -1 ||
	    (size > 0 && pwrite(input_fd, data, size, 0) != (ssize_t)size))
		abort();
}

/*
 * Limits so tight that every input meets one, chosen by the input's
 * first bytes so the fuzzer can steer them: off-by-one mistakes at a
 * limit's edge show up here.
 */
static void
tiny_limits(struct deck_limits *lim, const uint8_t *data, size_t size)
{
	uint8_t b[4] = { 0, 0, 0, 0 };

	memcpy(b, data, size < sizeof b ? size : sizeof b);
	*lim = small_limits;
	lim->cards = b[0] % 8;
	lim->depth = 1 + b[1] % 6;
	lim->errors = 1 + b[2] % 3;
	lim->scalar_bytes = 1 + (size_t)b[3] * 4;
	lim->card_bytes = 16 + (size_t)b[0] * 8;
	lim->expansion = 16 + (size_t)b[1] * 16;
}

/*
 * Spans: a re-import may hand over cards unparsed when their lines are
 * unchanged.  What it hands over, with a kept card read as the earlier
 * import stored it, must be exactly what reading the file in full gives
 * -- or it must ask for that full read (DECK_AGAIN).
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct deck_limits tiny;

	input_set(data, size);
	load(NULL, 0);
	load(&small_limits, size > 0 ? 1 + data[size - 1] % 4 : 0);
	tiny_limits(&tiny, data, size);
	load(&tiny, 0);
	derive(data, size);
	return 0;
}
