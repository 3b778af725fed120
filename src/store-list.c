/* store-list.c: decks and cards read out: listings, JSON texts, a deck for export. */
#include <stdlib.h>

#include <sqlite3.h>

#include "config.h"
#include "i18n.h"
#include "store-int.h"

/* Live cards through card_live (no card text read), with their state. */
#define LIVE_FROM \
    " FROM card c LEFT JOIN state s ON s.deck = c.deck AND s.card = c.id"
/* A card as one JSON object: what show --json prints. */
#define CARD_JSON \
    "json_object('deck', c.deck, 'id', c.id, 'kind', c.kind," \
    " 'front', c.front, 'back', c.back, 'hint', c.hint," \
    " 'example', c.example, 'tags', json(coalesce(c.tags, '[]'))," \
    " 'reps', coalesce(s.reps, 0), 'interval', coalesce(s.interval, 0)," \
    " 'ef', json(printf('%!.17g', coalesce(s.ef, 2.5)))," \
    " 'due', rehearse_day(s.due), 'lapses', coalesce(s.lapses, 0)," \
    " 'leech', json(CASE WHEN coalesce(s.lapses, 0) >= 8" \
    "   THEN 'true' ELSE 'false' END)," \
    " 'suspended', json(CASE WHEN coalesce(s.suspended, 0)" \
    "   THEN 'true' ELSE 'false' END)," \
    " 'retired', json(CASE WHEN c.retired THEN 'true' ELSE 'false' END)," \
    " 'story', (SELECT " STORY_TEXT("t") " FROM story_link l" \
    "   JOIN story t ON t.id = l.story" \
    "   WHERE l.deck = c.deck AND l.card = c.id ORDER BY l.rowid LIMIT 1)," \
    " 'stories', (SELECT coalesce(json_group_array(json_object('id', slug," \
    "   'title', title)), '[]') FROM (SELECT t.slug AS slug, t.title AS title" \
    "   FROM story_link l JOIN story t ON t.id = l.story" \
    "   WHERE l.deck = c.deck AND l.card = c.id ORDER BY l.rowid))," \
    " 'stability', m.stability, 'difficulty', m.difficulty," \
    " 'recall', rehearse_recall(m.stability, m.last, ?3))"
/* The cards with their memory, for CARD_JSON. */
#define MEMORY_FROM CARD_FROM \
    " LEFT JOIN memory m ON m.deck = c.deck AND m.card = c.id"
/* Each deck with its counts of live, due and new cards, in order. */
#define DECK_ROWS \
    "SELECT k.id AS id, k.title AS title, k.language AS language," \
    " coalesce(x.n, 0) AS n, coalesce(x.due, 0) AS due," \
    " coalesce(x.fresh, 0) AS fresh FROM deck k LEFT JOIN" \
    " (SELECT c.deck AS deck, count(*) AS n," \
    "   sum(s.due <= ?1 AND s.suspended = 0) AS due," \
    "   sum(s.due IS NULL AND coalesce(s.suspended, 0) = 0) AS fresh" \
    LIVE_FROM " WHERE c.retired = 0 GROUP BY c.deck) x ON x.deck = k.id" \
    " ORDER BY k.seq"

static const char *const stmt_sql[S__COUNT] = {
	[S_JSON_CARD] = "SELECT " CARD_JSON MEMORY_FROM
	    " WHERE c.deck = ?1 AND c.id = ?2",
	[S_JSON_CARDS] = "SELECT coalesce(json_group_array(json(j)), '[]')"
	    " FROM (SELECT " CARD_JSON " AS j" MEMORY_FROM
	    " WHERE c.deck = ?1 AND c.retired = 0 ORDER BY c.pos)",
	[S_JSON_DECKS] = "SELECT coalesce(json_group_array(json_object("
	    "'deck', r.id, 'title', r.title, 'language', r.language,"
	    " 'cards', r.n, 'due_today', r.due, 'new', r.fresh)), '[]')"
	    " FROM (" DECK_ROWS ") r",
	[S_LIST_DECKS] = DECK_ROWS,
	[S_LIST_CARDS] = "SELECT c.id, c.kind, c.front, s.due,"
	    " coalesce(s.lapses, 0), coalesce(s.suspended, 0)" CARD_FROM
	    " WHERE c.deck = ?1 AND c.retired = 0 ORDER BY c.pos",
	[S_EXPORT_DECK] = "SELECT id, title, language, kind, description,"
	    " (SELECT group_concat(value, char(10)) FROM json_each(d.tags)),"
	    " section FROM deck d WHERE id = ?1",
	[S_EXPORT_CARDS] = "SELECT c.id,"
	    " nullif(c.kind, coalesce(d.kind, 'recall')), c.front, c.back,"
	    " c.hint, c.example,"
	    " (SELECT group_concat(value, char(10)) FROM json_each(c.tags)),"
	    /* --with-stories: the card's stories, each under its title. */
	    " CASE WHEN ?2 THEN (SELECT group_concat(x,"
	    "   char(10) || char(10)) FROM (SELECT t.title || char(10) || "
	    STORY_TEXT("t") " AS x FROM story_link l"
	    "   JOIN story t ON t.id = l.story"
	    "   WHERE l.deck = c.deck AND l.card = c.id ORDER BY l.rowid)) END,"
	    " nullif(c.section, d.section), c.probes"
	    " FROM card c JOIN deck d ON d.id = c.deck"
	    " WHERE c.deck = ?1 AND c.retired = 0 ORDER BY c.pos",
	[S_JSON_TEXTS] = "SELECT value FROM json_each(?1)",
};

char **
json_texts(struct store *st, const char *json)
{
	sqlite3_stmt *s;
	char **v = NULL;
	size_t n = 0;
	int rc;

	if (json == NULL)
		return NULL;
	s = stmt(st, S_JSON_TEXTS, stmt_sql);
	bind_text(s, 1, json);
	while ((rc = step(st, s, N_("reading a list"))) > 0) {
		v = xreallocarray(v, n + 2, sizeof *v);
		v[n++] = column_strdup(s, 0);
		v[n] = NULL;
	}
	if (rc < 0) {
		texts_free(v);
		return NULL;
	}
	return v;
}

void
texts_free(char **v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

char *
store_json_card(struct store *st, const char *deck, const char *id,
    int64_t today)
{
	sqlite3_stmt *s = stmt(st, S_JSON_CARD, stmt_sql);

	bind_text(s, 1, deck);
	bind_text(s, 2, id);
	sqlite3_bind_int64(s, 3, today);
	return text_of(st, s, N_("reading a card"));
}

char *
store_json_list(struct store *st, const char *deck, int64_t today)
{
	sqlite3_stmt *s;

	if (deck != NULL) {
		s = stmt(st, S_JSON_CARDS, stmt_sql);
		bind_text(s, 1, deck);
		sqlite3_bind_int64(s, 3, today);
		return text_of(st, s, N_("listing cards"));
	}
	s = stmt(st, S_JSON_DECKS, stmt_sql);
	sqlite3_bind_int64(s, 1, today);
	return text_of(st, s, N_("listing decks"));
}

int
store_list_decks(struct store *st, int64_t today,
    void (*fn)(void *, const struct deck_row *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_LIST_DECKS, stmt_sql);
	struct deck_row r;
	int rc;

	sqlite3_bind_int64(s, 1, today);
	while ((rc = step(st, s, N_("listing decks"))) > 0) {
		r.id = (const char *)sqlite3_column_text(s, 0);
		r.title = (const char *)sqlite3_column_text(s, 1);
		r.cards = sqlite3_column_int64(s, 3);
		r.due = sqlite3_column_int64(s, 4);
		r.fresh = sqlite3_column_int64(s, 5);
		fn(arg, &r);
	}
	return rc;
}

int
store_list_cards(struct store *st, const char *deck,
    void (*fn)(void *, const struct card_row *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_LIST_CARDS, stmt_sql);
	struct card_row r;
	int rc;

	bind_text(s, 1, deck);
	while ((rc = step(st, s, N_("listing cards"))) > 0) {
		r.id = (const char *)sqlite3_column_text(s, 0);
		r.kind = (const char *)sqlite3_column_text(s, 1);
		r.front = (const char *)sqlite3_column_text(s, 2);
		r.due = column_day(s, 3);
		r.lapses = sqlite3_column_int64(s, 4);
		r.suspended = sqlite3_column_int(s, 5) != 0;
		fn(arg, &r);
	}
	return rc;
}

int
store_export(struct store *st, const char *deck, bool with_stories,
    void (*deck_fn)(void *, const struct export_deck *),
    void (*card_fn)(void *, const struct export_card *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_EXPORT_DECK, stmt_sql);
	struct export_deck d;
	struct export_card c;
	char **probes;
	int rc;

	bind_text(s, 1, deck);
	if ((rc = step(st, s, N_("reading the deck"))) <= 0)
		return rc == 0 ? 1 : -1;
	d.id = (const char *)sqlite3_column_text(s, 0);
	d.title = (const char *)sqlite3_column_text(s, 1);
	d.language = (const char *)sqlite3_column_text(s, 2);
	d.kind = (const char *)sqlite3_column_text(s, 3);
	d.description = (const char *)sqlite3_column_text(s, 4);
	d.tags = (const char *)sqlite3_column_text(s, 5);
	d.section = (const char *)sqlite3_column_text(s, 6);
	deck_fn(arg, &d);
	sqlite3_reset(s);

	s = stmt(st, S_EXPORT_CARDS, stmt_sql);
	bind_text(s, 1, deck);
	sqlite3_bind_int(s, 2, with_stories);
	while ((rc = step(st, s, N_("reading cards"))) > 0) {
		c.id = (const char *)sqlite3_column_text(s, 0);
		c.kind = (const char *)sqlite3_column_text(s, 1);
		c.front = (const char *)sqlite3_column_text(s, 2);
		c.back = (const char *)sqlite3_column_text(s, 3);
		c.hint = (const char *)sqlite3_column_text(s, 4);
		c.example = (const char *)sqlite3_column_text(s, 5);
		c.tags = (const char *)sqlite3_column_text(s, 6);
		c.story = (const char *)sqlite3_column_text(s, 7);
		c.section = (const char *)sqlite3_column_text(s, 8);
		probes = json_texts(st,
		    (const char *)sqlite3_column_text(s, 9));
		c.probes = (const char *const *)probes;
		if (!store_failed(st))
			card_fn(arg, &c);
		texts_free(probes);
		if (store_failed(st)) {
			sqlite3_reset(s);
			return -1;
		}
	}
	return rc;
}
