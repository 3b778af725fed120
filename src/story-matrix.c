/* story-matrix.c: which practice card has which story, the cards with none, and the stories leaned on too hard. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "story.h"
#include "term.h"
#include "xmalloc.h"

#define GRID_MAX	26	/* stories shown as columns A to Z */
#define LABEL_MIN	16	/* columns a card's id needs in the grid */
#define LABEL_MAX	40
#define TITLE_MIN	20	/* columns a title keeps beside an id */
#define WRAP_INDENT	6	/* a line going on, past the cards' "  id:" */

struct column {
	int64_t	 id;
	char	*slug;
	char	*title;
	int64_t	 cards;
	bool	 overused;
};

struct row {
	char	*deck;
	char	*id;
	char	*front;
	char	*stories;	/* ",3,7," (ids between commas), or NULL */
};

/* Everything is read before anything is printed. */
struct matrix {
	struct column	*cols;
	size_t		 ncols;
	struct row	*rows;
	size_t		 nrows;
	size_t		 gaps;
};

static void
keep_story(void *arg, const struct matrix_story *s)
{
	struct matrix *m = arg;
	struct column *c;

	m->cols = xreallocarray(m->cols, m->ncols + 1, sizeof *m->cols);
	c = &m->cols[m->ncols++];
	c->id = s->id;
	c->slug = xstrdup(s->slug);
	c->title = xstrdup(s->title);
	c->cards = s->cards;
	c->overused = s->overused;
}

static void
keep_card(void *arg, const struct matrix_card *mc)
{
	struct matrix *m = arg;
	struct row *r;

	m->rows = xreallocarray(m->rows, m->nrows + 1, sizeof *m->rows);
	r = &m->rows[m->nrows++];
	r->deck = xstrdup(mc->deck);
	r->id = xstrdup(mc->id);
	r->front = xstrdup(mc->front);
	r->stories = mc->stories != NULL ? xasprintf(",%s,", mc->stories) :
	    NULL;
	if (r->stories == NULL)
		m->gaps++;
}

static void
matrix_free(struct matrix *m)
{
	size_t i;

	for (i = 0; i < m->ncols; i++) {
		free(m->cols[i].slug);
		free(m->cols[i].title);
	}
	for (i = 0; i < m->nrows; i++) {
		free(m->rows[i].deck);
		free(m->rows[i].id);
		free(m->rows[i].front);
		free(m->rows[i].stories);
	}
	free(m->cols);
	free(m->rows);
}

static bool
linked(const struct row *r, int64_t id)
{
	char key[32];

	if (r->stories == NULL)
		return false;
	snprintf(key, sizeof key, ",%lld,", (long long)id);
	return strstr(r->stories, key) != NULL;
}

/*
 * Each story's letter (or id) and title, and how many of the cards it
 * answers; an id that leaves the title too little room has a line of
 * its own, the title under it.
 */
static void
add_legend(struct buf *b, const struct matrix *m, bool letters)
{
	size_t i;
	int room;
	char *line;

	for (i = 0; i < m->ncols; i++) {
		if (letters)
			buf_printf(b, "  %c", (char)('A' + i));
		else
			buf_printf(b, "  %s", m->cols[i].slug);
		room = term_width() - (letters ? 5 : 4 +
		    (int)strlen(m->cols[i].slug));
		if (room >= TITLE_MIN)
			buf_adds(b, "  ");
		else {
			buf_printf(b, "\n%*s", WRAP_INDENT, "");
			room = term_width() - WRAP_INDENT;
		}
		line = xasprintf(ngettext("%s (%lld card)", "%s (%lld cards)",
		    (unsigned long)m->cols[i].cards), m->cols[i].title,
		    (long long)m->cols[i].cards);
		term_add_cut(b, line, (size_t)room);
		free(line);
		buf_addc(b, '\n');
	}
}

/* A deck's name over its cards, when it changes. */
static void
add_deck(struct buf *b, const struct matrix *m, size_t i)
{
	if (i == 0 || strcmp(m->rows[i - 1].deck, m->rows[i].deck) != 0)
		buf_printf(b, "%s%s%s\n", term_bold(), m->rows[i].deck,
		    term_reset());
}

/* Cards down, stories across: "x" where a card has the story. */
static void
add_grid(struct buf *b, const struct matrix *m, int label)
{
	size_t i, k;
	int pad;

	buf_printf(b, "%*s", label, "");
	for (k = 0; k < m->ncols; k++)
		buf_printf(b, " %c", (char)('A' + k));
	buf_addc(b, '\n');
	for (i = 0; i < m->nrows; i++) {
		add_deck(b, m, i);
		buf_adds(b, "  ");
		pad = label - 2 - (int)strlen(m->rows[i].id);
		term_add_cut(b, m->rows[i].id, (size_t)label - 2);
		buf_printf(b, "%*s", pad > 0 ? pad : 0, "");
		for (k = 0; k < m->ncols; k++)
			buf_adds(b, linked(&m->rows[i], m->cols[k].id) ?
			    " x" : " .");
		buf_addc(b, '\n');
	}
}

/*
 * One more word of a card's line in the compact form, at column *col; a
 * word that does not fit starts a line indented past the cards' ids, so
 * that it cannot be taken for a card.
 */
static void
add_word(struct buf *b, int *col, const char *word)
{
	int n = (int)term_display_width(word);

	if (*col + 1 + n > term_width() && *col > WRAP_INDENT) {
		buf_printf(b, "\n%*s", WRAP_INDENT - 1, "");
		*col = WRAP_INDENT - 1;
	}
	buf_printf(b, " %s", word);
	*col += 1 + n;
}

/* Too many stories for columns: each card with its stories' ids. */
static void
add_compact(struct buf *b, const struct matrix *m)
{
	size_t i, k;
	int col;

	for (i = 0; i < m->nrows; i++) {
		add_deck(b, m, i);
		buf_printf(b, "  %s:", m->rows[i].id);
		col = 3 + (int)strlen(m->rows[i].id);
		for (k = 0; k < m->ncols; k++)
			if (linked(&m->rows[i], m->cols[k].id))
				add_word(b, &col, m->cols[k].slug);
		if (m->rows[i].stories == NULL)
			add_word(b, &col, _("(none)"));
		buf_addc(b, '\n');
	}
}

/* The cards with no story, DECK/CARD and front, the fronts lined up. */
static void
add_gaps(struct buf *b, const struct matrix *m)
{
	size_t i;
	int w = 0, n, room;
	char *name;

	for (i = 0; i < m->nrows; i++)
		if (m->rows[i].stories == NULL && (n = (int)(strlen(
		    m->rows[i].deck) + strlen(m->rows[i].id) + 1)) > w)
			w = n;
	if (w > LABEL_MAX)
		w = LABEL_MAX;
	for (i = 0; i < m->nrows; i++) {
		if (m->rows[i].stories != NULL)
			continue;
		name = xasprintf("%s/%s", m->rows[i].deck, m->rows[i].id);
		n = (int)strlen(name);
		room = term_width() - (n > w ? n : w) - 4;
		if (room >= TITLE_MIN)
			buf_printf(b, "  %-*s  ", w, name);
		else {
			/* Too narrow to line up: the front under its card. */
			buf_printf(b, "  %s\n%*s", name, WRAP_INDENT, "");
			room = term_width() - WRAP_INDENT;
		}
		term_add_cut(b, m->rows[i].front, (size_t)room);
		buf_addc(b, '\n');
		free(name);
	}
}

/* The cards with no story, and the stories leaned on too hard. */
static void
add_findings(struct buf *b, const struct matrix *m)
{
	size_t i, over = 0;
	char *name;

	if (m->gaps == 0)
		buf_printf(b, "\n%s\n", _("Every card has a story."));
	else {
		name = xasprintf(ngettext("%zu card has no story yet: the gaps "
		    "to fill first", "%zu cards have no story yet: the gaps to "
		    "fill first", m->gaps), m->gaps);
		buf_printf(b, "\n%s%s%s\n", term_bold(), name, term_reset());
		free(name);
		add_gaps(b, m);
	}
	for (i = 0; i < m->ncols; i++)
		over += m->cols[i].overused;
	if (over > 0)
		buf_printf(b, "\n%s%s%s\n", term_bold(), _("Leaned on too "
		    "hard, by more than a third of these cards:"), term_reset());
	for (i = 0; i < m->ncols; i++) {
		if (!m->cols[i].overused)
			continue;
		name = xasprintf(ngettext("%s (%lld of %zu card)",
		    "%s (%lld of %zu cards)", m->nrows), m->cols[i].title,
		    (long long)m->cols[i].cards, m->nrows);
		buf_adds(b, "  ");
		term_add_cut(b, name, (size_t)term_width() - 2);
		buf_addc(b, '\n');
		free(name);
	}
}

static void
add_matrix(struct buf *b, const struct matrix *m)
{
	int label = term_width() - 2 * (int)m->ncols - 1, widest = 0, n;
	bool grid = m->ncols > 0 && m->ncols <= GRID_MAX && label >= LABEL_MIN;
	size_t i;

	/* As wide as the longest card id needs, up to what there is. */
	for (i = 0; i < m->nrows; i++)
		if ((n = (int)strlen(m->rows[i].id) + 2) > widest)
			widest = n;
	if (label > widest)
		label = widest;
	if (label > LABEL_MAX)
		label = LABEL_MAX;
	if (m->ncols > 0) {
		buf_printf(b, "%s%s%s\n", term_bold(), _("Stories"),
		    term_reset());
		add_legend(b, m, grid);
		buf_addc(b, '\n');
	}
	if (grid)
		add_grid(b, m, label);
	else if (m->ncols > 0)
		add_compact(b, m);
	add_findings(b, m);
}

int
story_matrix(struct store *st, const char *decks, const char *tag, bool json)
{
	struct matrix m;
	struct buf b = { 0 };
	char *text;

	if (json) {
		if ((text = store_story_matrix_json(st, decks, tag)) != NULL)
			puts(text);
		free(text);
		return store_failed(st) ? story_fail(st) : EXIT_OK;
	}
	memset(&m, 0, sizeof m);
	if (store_story_matrix(st, decks, tag, keep_story, keep_card, &m) != 0 ||
	    store_failed(st)) {
		matrix_free(&m);
		return story_fail(st);
	}
	if (m.nrows == 0)
		fputs(_("No practice cards to cover here.\n"), stdout);
	else {
		add_matrix(&b, &m);
		fputs(b.data, stdout);
	}
	buf_free(&b);
	matrix_free(&m);
	return EXIT_OK;
}
