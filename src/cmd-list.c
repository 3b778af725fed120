/* cmd-list.c: the decks with their counts, or the cards of one deck. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "rehearse.h"
#include "term.h"
#include "xmalloc.h"

/* Print s sanitized on one line, cut to at most width columns. */
static void
print_cut(const char *s, size_t width)
{
	struct buf b = { 0 };
	size_t i, w = 0, n;
	char save;

	term_sanitize(&b, s, false);
	for (i = 0; i < b.len; i += n) {
		n = 1;
		while (i + n < b.len && (b.data[i + n] & 0xc0) == 0x80)
			n++;
		save = b.data[i + n];
		b.data[i + n] = '\0';
		w += term_display_width(b.data + i);
		b.data[i + n] = save;
		if (w > width) {
			fwrite(b.data, 1, i, stdout);
			fputs("…", stdout);
			buf_free(&b);
			return;
		}
	}
	fputs(b.data != NULL ? b.data : "", stdout);
	buf_free(&b);
}

static void
deck_line(void *arg, const struct deck_row *r)
{
	int *n = arg;

	if ((*n)++ == 0)
		printf("%-20s %6s %6s %6s  %s\n", "DECK", "CARDS", "DUE", "NEW",
		    "TITLE");
	printf("%-20s %6lld %6lld %6lld  ", r->id, (long long)r->cards,
	    (long long)r->due, (long long)r->fresh);
	print_cut(r->title != NULL ? r->title : "", 40);
	putchar('\n');
}

static void
card_line(void *arg, const struct card_row *r)
{
	int *n = arg;
	char day[DAY_BUFSZ];
	int width = term_width() - 70;

	if ((*n)++ == 0)
		printf("%-28s %-8s %-10s %4s %6s  %s\n", "CARD", "KIND", "DUE",
		    "REPS", "LAPSES", "FRONT");
	printf("%-28s %-8s %-10s %4lld %6lld  ", r->id, r->kind,
	    r->suspended ? "suspended" : r->seen ? day_format(r->due, day) :
	    "new", (long long)r->reps, (long long)r->lapses);
	if (r->lapses >= 8)
		fputs("[leech] ", stdout);
	print_cut(r->front, width < 20 ? 20 : (size_t)width);
	putchar('\n');
}

static int
list_json(struct store *st, const char *deck, int64_t today)
{
	char *json;

	json = deck == NULL ? store_json_decks(st, today) :
	    store_json_cards(st, deck, today);
	if (json == NULL) {
		warnx_("%s", store_error(st));
		return EXIT_FAIL;
	}
	puts(json);
	free(json);
	return EXIT_OK;
}

static int
list_text(struct store *st, const char *deck, int64_t today)
{
	int n = 0, rc;

	if (deck != NULL)
		return store_list_cards(st, deck, card_line, &n);
	rc = store_list_decks(st, today, deck_line, &n);
	if (rc == 0 && n == 0)
		printf("No decks yet: run 'rehearse' to start with the "
		    "bundled decks, or 'rehearse import FILE'.\n");
	return rc;
}

static int
cmd_list_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	const char *deck = argc > 0 ? argv[0] : NULL;
	char *decks = NULL;
	int rc = EXIT_OK;

	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if (deck != NULL)
		rc = cmd_check_deck(st, deck, &decks);
	if (rc == EXIT_OK && (o->given & O_JSON))
		rc = list_json(st, deck, o->today);
	else if (rc == EXIT_OK && list_text(st, deck, o->today) != 0) {
		warnx_("%s", store_error(st));
		rc = EXIT_FAIL;
	}
	free(decks);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_list_entry = {
	"list", "[DECK] [--json]", 0, 1, O_JSON, cmd_list_exec,
};
