/* fuzz-story.c: libFuzzer target for the story bank file reader and the rules of a story's text. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deck.h"
#include "story-file.h"
#include "story-text.h"
#include "xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define NAME	"input.yaml"

static volatile size_t	sink;		/* keeps the reads in touch() */

/* Invariants a caller relies on; a broken one is a bug like a crash. */
static void
expect(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz-story: broken invariant: %s\n", what);
		abort();
	}
}

static void
touch(const char *s)
{
	expect(s != NULL, "a string that must be there is NULL");
	sink += strlen(s);
}

/* Trimmed as a part is: no blank line first, no blank last. */
static void
trimmed(const char *s)
{
	size_t n = strlen(s);

	touch(s);
	expect(n == 0 || strchr(" \t\r\n\v\f", s[n - 1]) == NULL,
	    "a part ends in a blank");
	expect(*s != '\n', "a part starts with a blank line");
}

struct seen {
	size_t	stories;
	size_t	stop_at;	/* ask to stop at this story; 0: never */
};

/* Read every byte of what is handed over, and check what it promises. */
static int
on_story(void *arg, const struct story_entry *e)
{
	struct seen *s = arg;
	size_t i;
	int k;

	expect(e->line > 0 && e->column > 0, "a story without a position");
	touch(e->title);
	expect(story_title_problem(e->title) == NULL, "a bad title handed over");
	if (e->language != NULL)
		touch(e->language);
	if (e->tags != NULL)
		expect(e->tags[0] == '[' && e->tags[strlen(e->tags) - 1] == ']',
		    "tags not a JSON array");
	trimmed(e->text.notes);
	for (k = 0; k < STORY_PARTS; k++)
		trimmed(e->text.part[k]);
	for (i = 0; i < e->ncards; i++) {
		expect(deck_valid_id(e->cards[i].deck) &&
		    deck_valid_id(e->cards[i].card), "a card that is not an id");
		expect(e->cards[i].line > 0, "a card without a line");
	}
	s->stories++;
	return s->stop_at != 0 && s->stories == s->stop_at ? -1 : 0;
}

/* Every diagnostic is one line naming the file, an error or a warning. */
static void
check_diag(const char *text, size_t len, const struct story_file_result *res)
{
	const char *p, *nl;
	size_t errors = 0, plen = strlen(NAME);

	expect(len == 0 || text[len - 1] == '\n', "diagnostics without a "
	    "final newline");
	for (p = text; p < text + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(text + len - p));
		expect(strncmp(p, NAME, plen) == 0 && p[plen] == ':',
		    "a diagnostic that does not name the file");
		if (memmem(p, (size_t)(nl - p), ": error: ", 9) != NULL)
			errors++;
		else
			expect(memmem(p, (size_t)(nl - p), "too many errors",
			    15) != NULL, "a diagnostic that is not an error");
	}
	expect(errors == res->errors, "errors counted and printed differ");
}

static void
read_bank(const uint8_t *data, size_t size, size_t stop_at)
{
	struct story_file_result res;
	struct seen s = { 0, stop_at };
	char *text = NULL;
	size_t len = 0;
	FILE *diag;
	int rc;

	if ((diag = open_memstream(&text, &len)) == NULL)
		abort();
	rc = story_file_parse(NAME, (const char *)data, size, on_story, &s,
	    &res, diag);
	fclose(diag);
	check_diag(text, len, &res);
	expect(res.stories == s.stories, "stories counted and handed differ");
	if (rc == -1)
		expect(stop_at != 0 && s.stories == stop_at, "stopped unasked");
	else
		expect(rc == (res.errors > 0), "status and error count differ");
	free(text);
}

/* A finding of story_check: read, nothing more. */
static void
finding(void *arg, bool error, const char *msg)
{
	(void)arg;
	(void)error;
	touch(msg);
}

/*
 * The text rules on any text: what parsing gives, written out in any
 * language and parsed again, is the same story; a canonical text is
 * exactly what its parts write out; titles and ids made from text are
 * valid ones.
 */
static void
text_rules(const uint8_t *data, size_t size)
{
	static const char *const languages[] = { "en", "nl", NULL };
	struct story_text t, back;
	char *s = xstrndup((const char *)data, size), *out, *id, *bad;
	const char *lang;
	size_t i;

	story_text_parse(&t, s, false);
	for (i = 0; i < sizeof languages / sizeof languages[0]; i++) {
		out = story_text_render(&t, languages[i]);
		story_text_parse(&back, out, false);
		expect(story_text_equal(&t, &back), "render and parse differ");
		story_text_free(&back);
		free(out);
	}
	if ((lang = story_text_canonical(s)) != NULL) {
		out = story_text_render(&t, lang);
		expect(strcmp(out, s) == 0, "a canonical text not its render");
		free(out);
	}
	sink += story_check(&t, finding, NULL) + story_words(&t);
	story_text_free(&t);
	story_text_parse(&t, s, true);
	story_text_free(&t);
	out = story_title_from_front(s);
	expect(story_title_problem(out) == NULL, "a bad title from a front");
	id = story_slug(out);
	expect(*id != '\0' && strlen(id) <= STORY_SLUG_MAX &&
	    strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(id) &&
	    id[0] != '-' && id[strlen(id) - 1] != '-', "a bad id from a title");
	free(id);
	free(out);
	out = story_tags_json(s, &bad);
	expect(out == NULL || (out[0] == '[' && out[strlen(out) - 1] == ']'),
	    "tags not a JSON array");
	free(out);
	free(bad);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_bank(data, size, 0);
	read_bank(data, size, size > 0 ? 1 + data[size - 1] % 3 : 0);
	text_rules(data, size);
	return 0;
}
