/*
 * fuzz-convert.c: libFuzzer target for one converter (FUZZ_MD, FUZZ_CSV
 * or FUZZ_ANKI says which), with the deck it writes read back by the
 * deck loader.
 */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "convert.h"
#include "deck.h"
#include "xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	deck_fd = -1;
static char	deck_path[64];

/* A broken promise of convert.h is a bug like a crash. */
static void
expect(int ok, const char *what, const char *detail)
{
	if (!ok) {
		fprintf(stderr, "fuzz-convert: broken invariant: %s\n%s", what,
		    detail != NULL ? detail : "");
		abort();
	}
}

/* Every message is one line naming the input, an error or a warning. */
static void
check_diag(const char *text, size_t len, const struct conv *cv)
{
	const char *p, *q, *nl;
	size_t errors = 0;

	expect(len == 0 || text[len - 1] == '\n', "a message without a "
	    "final newline", text);
	for (p = text; p < text + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(text + len - p));
		expect(strncmp(p, "input:", 6) == 0, "a message that does not "
		    "name the input", text);
		/* "input: ", or "input:LINE: ", then what it is. */
		q = p + 6 + strspn(p + 6, "0123456789");
		if (q > p + 6)
			expect(*q++ == ':', "a line number without a colon",
			    text);
		if (strncmp(q, " error: ", 8) == 0)
			errors++;
		else
			expect(strncmp(q, " warning: ", 10) == 0,
			    "a message neither error nor warning", text);
	}
	expect((errors == 0) == (cv->errors == 0), "errors counted but none "
	    "shown, or the reverse", text);
}

static long
keep_id(void *arg, const struct deck_card *dc)
{
	if (dc->lookup)
		return (long)deck_ids_find(arg, dc->id);
	return (long)deck_ids_add(arg, dc->id, dc->id_line);
}

/*
 * A card keeps the text it was converted from, however long and whatever
 * it says: the deck written may only be told (in English, the fuzzer's
 * locale) that a card is taller than a screen or begins as the starter
 * deck's placeholder does ("Write here: ..." in the source), and how many
 * such warnings were not shown.
 */
static int
only_content_warnings(const char *diag)
{
	static const char tall[] = ": warning: 'back' and 'hint' take ";
	static const char starter[] = " still holds the starter deck's "
	    "placeholder";
	static const char more[] = " more warnings not shown";
	const char *p, *nl;

	for (p = diag; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			return 0;
		if (memmem(p, (size_t)(nl - p), tall, sizeof tall - 1) ==
		    NULL && memmem(p, (size_t)(nl - p), starter,
		    sizeof starter - 1) == NULL && memmem(p,
		    (size_t)(nl - p), more, sizeof more - 1) == NULL)
			return 0;
	}
	return 1;
}

/* What convert writes, lint passes: no error, no other warning, every card. */
static void
read_back(const struct conv *cv, const struct buf *yaml)
{
	struct deck_ids ids = { NULL, 0, 0 };
	struct deck_info info;
	struct deck_result res;
	char *diag = NULL;
	size_t len = 0;
	FILE *fp;
	int rv;

	if (deck_fd == -1) {
		if ((deck_fd = memfd_create("deck", MFD_CLOEXEC)) == -1)
			abort();
		snprintf(deck_path, sizeof deck_path, "/proc/self/fd/%d",
		    deck_fd);
	}
	if (ftruncate(deck_fd, 0) == -1 || pwrite(deck_fd, yaml->data,
	    yaml->len, 0) != (ssize_t)yaml->len)
		abort();
	if ((fp = open_memstream(&diag, &len)) == NULL)
		abort();
	rv = deck_load(deck_path, NULL, keep_id, &ids, &info, &res, fp);
	fclose(fp);
	expect(rv == 0, "the deck written does not load", diag);
	expect(only_content_warnings(diag), "the deck written has warnings",
	    diag);
	expect(info.cards == cv->ncards, "cards lost on the way", yaml->data);
	deck_info_free(&info);
	deck_ids_free(&ids);
	free(diag);
}

static void
convert(struct conv *cv, const char *text, const uint8_t *data)
{
#if defined(FUZZ_MD)
	(void)data;
	convert_md(cv, text);
#elif defined(FUZZ_CSV)
	/* The separator guessed, or as TSV: the first byte decides. */
	(void)csv_has_header(text);
	convert_csv(cv, text, data[0] & 1 ? '\t' : '\0');
#elif defined(FUZZ_ANKI)
	(void)data;
	convert_anki(cv, text);
#else
#error "define FUZZ_MD, FUZZ_CSV or FUZZ_ANKI"
#endif
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conv_deck d = { "fuzz", NULL, NULL, NULL };
	struct buf text = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	struct conv cv;
	char *diag = NULL;
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&diag, &len)) == NULL)
		abort();
	conv_init(&cv, "input", fp);
	if (conv_text(&cv, (const char *)data, size, &text)) {
		convert(&cv, text.data, data);
		if (cv.errors == 0 && cv.ncards > 0) {
			expect(conv_emit(&cv, &d, &out), "the emitter failed",
			    NULL);
			read_back(&cv, &out);
		}
	}
	conv_finish(&cv);
	fclose(fp);
	check_diag(diag, len, &cv);
	conv_free(&cv);
	buf_free(&text);
	buf_free(&out);
	free(diag);
	return 0;
}
