/* cmd-list.c: the decks with their counts, or the cards of one deck. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "rehearse.h"
#include "session.h"
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
	struct card_line *cards;	/* a deck's, laid out once all are read */
};

/* One card's row, as shown. */
struct card_line {
	char		*id;
	const char	*kind;		/* in the user's language */
	char		*due;
	int64_t		 lapses;
	char		*front;		/* with its leech mark */
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
		if (i > 0)
			buf_addc(&l->out, ' ');
		add_pad(&l->out, _(names[i]), l->width[i], right[i]);
	}
	/* The last column, the text, has no width: nothing follows it. */
	buf_printf(&l->out, "  %s\n", _(names[n - 1]));
}

/* Add s sanitized on one line, in width columns: cut with "…" if longer. */
static void
add_cut(struct buf *out, const char *s, size_t width)
{
	struct buf b = { 0 };
	size_t i, w = 0, n;
	char save;

	term_sanitize(&b, s, false);
	if (b.data != NULL && term_display_width(b.data) <= width) {
		buf_adds(out, b.data);
		buf_free(&b);
		return;
	}
	width--;		/* the room for "…" */
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
	int *w = l->width, title;

	if (l->rows++ == 0)
		add_headings(l, names, usual, right, 5);
	/* What the columns and the blanks between them leave. */
	title = term_width() - (w[0] + w[1] + w[2] + w[3] + 5);
	buf_printf(&l->out, "%-*s %*lld %*lld %*lld  ", w[0], r->id, w[1],
	    (long long)r->cards, w[2], (long long)r->due, w[3],
	    (long long)r->fresh);
	add_cut(&l->out, r->title != NULL ? r->title : "",
	    title < 20 ? 20 : (size_t)title);
	buf_addc(&l->out, '\n');
}

static void
card_line(void *arg, const struct card_row *r)
{
	struct listing *l = arg;
	struct card_line *c;
	char day[DAY_BUFSZ];

	l->cards = xreallocarray(l->cards, (size_t)l->rows + 1,
	    sizeof *l->cards);
	c = &l->cards[l->rows++];
	c->id = xstrdup(r->id);
	c->kind = reveal_kind(r->kind);
	/* TRANSLATORS: in the DUE column, instead of a date. */
	c->due = xstrdup(r->suspended ? _("suspended") :
	    r->due != SCHED_NEW_DUE ? day_format(r->due, day) : _("new"));
	c->lapses = r->lapses;
	c->front = xasprintf("%s%s", r->lapses >= 8 ? _("[leech] ") : "",
	    r->front);
}

static int
widest(int w, const char *s)
{
	int n = (int)term_display_width(s);

	return n > w ? n : w;
}

/*
 * The cards, each column as wide as its widest entry (or heading): the
 * front gets what is left of the terminal's width, at least 20.
 */
static void
add_cards(struct listing *l)
{
	static const char *const names[] = { N_("CARD"), N_("KIND"),
	    N_("DUE"), N_("LAPSES"), N_("FRONT") };
	static const bool right[] = { false, false, false, true, false };
	int usual[5] = { 0 }, *w = l->width, i, front;
	struct card_line *c;

	for (i = 0; i < l->rows; i++) {
		c = &l->cards[i];
		usual[0] = widest(usual[0], c->id);
		usual[1] = widest(usual[1], c->kind);
		usual[2] = widest(usual[2], c->due);
	}
	add_headings(l, names, usual, right, 5);
	/* What the columns and the blanks between them leave. */
	front = term_width() - (w[0] + w[1] + w[2] + w[3] + 6);
	for (i = 0; i < l->rows; i++) {
		c = &l->cards[i];
		add_pad(&l->out, c->id, w[0], false);
		buf_addc(&l->out, ' ');
		add_pad(&l->out, c->kind, w[1], false);
		buf_addc(&l->out, ' ');
		add_pad(&l->out, c->due, w[2], false);
		buf_printf(&l->out, " %*lld  ", w[3], (long long)c->lapses);
		add_cut(&l->out, c->front, front < 20 ? 20 : (size_t)front);
		buf_addc(&l->out, '\n');
		free(c->id);
		free(c->due);
		free(c->front);
	}
	free(l->cards);
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
	struct listing l = { { 0 }, 0, { 0 }, NULL };
	int rc;

	if (deck != NULL)
		rc = store_list_cards(st, deck, card_line, &l);
	else
		rc = store_list_decks(st, today, deck_line, &l);
	if (deck != NULL && l.rows > 0)
		add_cards(&l);
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
