/* cmd-list.c: the decks with their counts, or the cards of one deck. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "rehearse.h"
#include "term.h"
#include "xmalloc.h"

/*
 * The listing is kept until every row is read: a read that fails half
 * way prints the error alone, never part of a list.
 */
struct listing {
	struct buf	 out;
	int		 rows;
};

/* Add s sanitized on one line, cut to at most width columns. */
static void
add_cut(struct buf *out, const char *s, size_t width)
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
			buf_add(out, b.data, i);
			buf_adds(out, "…");
			buf_free(&b);
			return;
		}
	}
	buf_adds(out, b.data != NULL ? b.data : "");
	buf_free(&b);
}

static void
deck_line(void *arg, const struct deck_row *r)
{
	struct listing *l = arg;

	if (l->rows++ == 0)
		buf_printf(&l->out, "%-20s %6s %6s %6s  %s\n", "DECK", "CARDS",
		    "DUE", "NEW", "TITLE");
	buf_printf(&l->out, "%-20s %6lld %6lld %6lld  ", r->id,
	    (long long)r->cards, (long long)r->due, (long long)r->fresh);
	add_cut(&l->out, r->title != NULL ? r->title : "", 40);
	buf_addc(&l->out, '\n');
}

static void
card_line(void *arg, const struct card_row *r)
{
	struct listing *l = arg;
	char day[DAY_BUFSZ];
	int width = term_width() - 70;

	if (l->rows++ == 0)
		buf_printf(&l->out, "%-28s %-8s %-10s %4s %6s  %s\n", "CARD",
		    "KIND", "DUE", "REPS", "LAPSES", "FRONT");
	buf_printf(&l->out, "%-28s %-8s %-10s %4lld %6lld  ", r->id, r->kind,
	    r->suspended ? "suspended" : r->seen ? day_format(r->due, day) :
	    "new", (long long)r->reps, (long long)r->lapses);
	if (r->lapses >= 8)
		buf_adds(&l->out, "[leech] ");
	add_cut(&l->out, r->front, width < 20 ? 20 : (size_t)width);
	buf_addc(&l->out, '\n');
}

static int
list_json(struct store *st, const char *deck, int64_t today)
{
	char *json;

	json = deck == NULL ? store_json_decks(st, today) :
	    store_json_cards(st, deck, today);
	if (json == NULL || store_failed(st)) {
		warnx_("%s", store_error(st));
		free(json);
		return EXIT_FAIL;
	}
	puts(json);
	free(json);
	return EXIT_OK;
}

static int
list_text(struct store *st, const char *deck, int64_t today)
{
	struct listing l = { { 0 }, 0 };
	int rc;

	if (deck != NULL)
		rc = store_list_cards(st, deck, card_line, &l);
	else
		rc = store_list_decks(st, today, deck_line, &l);
	if (rc != 0 || store_failed(st)) {
		warnx_("%s", store_error(st));
		buf_free(&l.out);
		return EXIT_FAIL;
	}
	if (l.out.data != NULL)
		fputs(l.out.data, stdout);
	if (deck == NULL && l.rows == 0)
		printf("No decks yet: run 'rehearse' to start with the "
		    "bundled decks, or 'rehearse import FILE'.\n");
	buf_free(&l.out);
	return EXIT_OK;
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
	else if (rc == EXIT_OK)
		rc = list_text(st, deck, o->today);
	free(decks);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_list_entry = {
	"list", "[DECK] [--json]", 0, 1, O_JSON, cmd_list_exec,
};
