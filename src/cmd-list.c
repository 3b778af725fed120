/* cmd-list.c: the decks with their counts, or the cards of one deck. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
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
	int		 width[6];	/* each column's, set by the headings */
	int		 wider;		/* columns past their usual widths */
};

/*
 * A column is as wide as it always was, or as its heading when a
 * translation makes that wider; the headings are counted by display
 * width, not bytes.
 */
static void
add_pad(struct buf *out, const char *s, int width, bool right)
{
	int pad = width - (int)term_display_width(s);

	if (right && pad > 0)
		buf_printf(out, "%*s", pad, "");
	buf_adds(out, s);
	if (!right && pad > 0)
		buf_printf(out, "%*s", pad, "");
}

/* The heading line (n columns); each column's width into l->width. */
static void
add_headings(struct listing *l, const char *const *names,
    const int *usual, const bool *right, int n)
{
	int i, w;

	for (i = 0; i < n - 1; i++) {
		w = (int)term_display_width(_(names[i]));
		l->width[i] = w > usual[i] ? w : usual[i];
		l->wider += l->width[i] - usual[i];
		if (i > 0)
			buf_addc(&l->out, ' ');
		add_pad(&l->out, _(names[i]), l->width[i], right[i]);
	}
	/* The last column, the text, has no width: nothing follows it. */
	buf_printf(&l->out, "  %s\n", _(names[n - 1]));
}

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
	static const char *const names[] = { N_("DECK"), N_("CARDS"),
	    N_("DUE"), N_("NEW"), N_("TITLE") };
	static const int usual[] = { 20, 6, 6, 6, 0 };
	static const bool right[] = { false, true, true, true, false };
	struct listing *l = arg;
	int *w = l->width;

	if (l->rows++ == 0)
		add_headings(l, names, usual, right, 5);
	buf_printf(&l->out, "%-*s %*lld %*lld %*lld  ", w[0], r->id, w[1],
	    (long long)r->cards, w[2], (long long)r->due, w[3],
	    (long long)r->fresh);
	/* Wider columns take their room from the title's. */
	add_cut(&l->out, r->title != NULL ? r->title : "",
	    l->wider < 20 ? (size_t)(40 - l->wider) : 20);
	buf_addc(&l->out, '\n');
}

static void
card_line(void *arg, const struct card_row *r)
{
	static const char *const names[] = { N_("CARD"), N_("KIND"),
	    N_("DUE"), N_("REPS"), N_("LAPSES"), N_("FRONT") };
	static const int usual[] = { 28, 8, 10, 4, 6, 0 };
	static const bool right[] = { false, false, false, true, true, false };
	struct listing *l = arg;
	char day[DAY_BUFSZ];
	const char *due;
	int *w = l->width, width;

	if (l->rows++ == 0)
		add_headings(l, names, usual, right, 6);
	width = term_width() - 70 - l->wider;
	buf_printf(&l->out, "%-*s %-*s ", w[0], r->id, w[1], r->kind);
	/* TRANSLATORS: in the DUE column, instead of a date. */
	due = r->suspended ? _("suspended") : r->due != SCHED_NEW_DUE ?
	    day_format(r->due, day) : _("new");
	add_pad(&l->out, due, w[2], false);
	buf_printf(&l->out, " %*lld %*lld  ", w[3], (long long)r->reps, w[4],
	    (long long)r->lapses);
	if (r->lapses >= 8)
		buf_adds(&l->out, _("[leech] "));
	add_cut(&l->out, r->front, width < 20 ? 20 : (size_t)width);
	buf_addc(&l->out, '\n');
}

static int
list_json(struct store *st, const char *deck, int64_t today)
{
	char *json = store_json_list(st, deck, today);

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
	struct listing l = { { 0 }, 0, { 0 }, 0 };
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
		fputs(_("No decks yet: run 'rehearse' to start with the "
		    "bundled decks, or 'rehearse import FILE'.\n"), stdout);
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
