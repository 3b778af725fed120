/* store-story-list.c: the story bank read out: listings, JSON, a story's cards, the matrix, the export. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "config.h"
#include "i18n.h"
#include "store-int.h"
#include "store-story.h"

/* How many of story s's parts are written. */
#define PARTS(s) \
    "((" s ".situation <> '') + (" s ".task <> '') + (" s ".action <> '')" \
    " + (" s ".result <> '') + (" s ".reflection <> ''))"
/* The day of story s's last rehearsal, NULL when never. */
#define LAST(s) "(SELECT max(day) FROM story_review r WHERE r.story = " s ".id)"
#define LINKS(s) "(SELECT count(*) FROM story_link l WHERE l.story = " s ".id)"
#define JSON_BOOL(e) "json(CASE WHEN " e " THEN 'true' ELSE 'false' END)"
/* The parts of story s left empty, by their keys, as a JSON array. */
#define MISSING(s) \
    "(SELECT json_group_array(k) FROM (" \
    " SELECT 'situation' AS k WHERE " s ".situation = ''" \
    " UNION ALL SELECT 'task' WHERE " s ".task = ''" \
    " UNION ALL SELECT 'action' WHERE " s ".action = ''" \
    " UNION ALL SELECT 'result' WHERE " s ".result = ''" \
    " UNION ALL SELECT 'reflection' WHERE " s ".reflection = ''))"
/* What list --json says of each story. */
#define STORY_SUMMARY(s) \
    "'id', " s ".slug, 'title', " s ".title," \
    " 'tags', json(coalesce(" s ".tags, '[]')), 'cards', " LINKS(s) "," \
    " 'parts', " PARTS(s) ", 'complete', " JSON_BOOL(PARTS(s) " = 5") "," \
    " 'missing', " MISSING(s) ", 'last_rehearsed', rehearse_day(" \
    LAST(s) "), 'due', rehearse_day(" s ".due)"
/* The cards story s answers, in the order they were linked. */
#define STORY_CARDS(s) \
    "(SELECT coalesce(json_group_array(json(j)), '[]') FROM" \
    " (SELECT json_object('deck', l.deck, 'id', l.card, 'front', c.front," \
    "  'found', " JSON_BOOL("c.id IS NOT NULL") ") AS j" \
    "  FROM story_link l LEFT JOIN card c" \
    "  ON c.deck = l.deck AND c.id = l.card" \
    "  WHERE l.story = " s ".id ORDER BY l.rowid))"

/*
 * The matrix's cards: live practice cards of the decks ?1 (JSON array,
 * NULL: all) with the tag ?2 (by themselves or their deck; NULL: any),
 * and the links to them.  A story linked to more than a third of them,
 * and to 3 at least, is leaned on too hard.
 */
#define MATRIX_WITH \
    "WITH mc AS (SELECT c.deck AS deck, c.id AS id, c.front AS front," \
    "  d.seq AS seq, c.pos AS pos FROM card c JOIN deck d ON d.id = c.deck" \
    "  WHERE c.retired = 0 AND c.kind = 'practice' AND" IN_DECKS \
    "  AND (?2 IS NULL" \
    "   OR EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = ?2)" \
    "   OR EXISTS (SELECT 1 FROM json_each(d.tags) WHERE value = ?2)))," \
    " ml AS (SELECT l.story AS story, l.deck AS deck, l.card AS card" \
    "  FROM story_link l JOIN mc ON mc.deck = l.deck AND mc.id = l.card)," \
    " ms AS (SELECT t.id AS id, t.slug AS slug, t.title AS title," \
    "  (SELECT count(*) FROM ml WHERE ml.story = t.id) AS n FROM story t)," \
    " mt AS (SELECT count(*) AS total FROM mc) "
#define OVERUSED "(ms.n * 3 > mt.total AND ms.n >= 3)"
#define MATRIX_STORIES(r) \
    "SELECT " r " FROM ms, mt ORDER BY ms.title, ms.id"
#define MATRIX_CARDS(r) \
    "SELECT " r " FROM mc ORDER BY mc.seq, mc.pos"
#define CARD_STORIES \
    "(SELECT group_concat(story) FROM ml" \
    " WHERE ml.deck = mc.deck AND ml.card = mc.id)"

static const char *const stmt_sql[S__COUNT] = {
	[S_STORY_LIST] = "SELECT s.slug, s.title,"
	    " (SELECT group_concat(value, ', ') FROM json_each(s.tags)), "
	    LINKS("s") ", " PARTS("s") ", " LAST("s")
	    " FROM story s ORDER BY s.title, s.id",
	[S_STORY_JSON_LIST] = "SELECT coalesce(json_group_array(json(j)),"
	    " '[]') FROM (SELECT json_object(" STORY_SUMMARY("s") ") AS j"
	    " FROM story s ORDER BY s.title, s.id)",
	[S_STORY_JSON] = "SELECT json_object(" STORY_SUMMARY("s") ","
	    " 'language', s.language, 'notes', s.notes,"
	    " 'situation', s.situation, 'task', s.task, 'action', s.action,"
	    " 'result', s.result, 'reflection', s.reflection,"
	    " 'text', " STORY_TEXT("s") ", 'linked', " STORY_CARDS("s") ","
	    " 'reps', s.reps, 'interval', s.interval,"
	    " 'ef', json(printf('%!.17g', s.ef)), 'lapses', s.lapses,"
	    " 'rehearsals', (SELECT count(*) FROM story_review r"
	    "   WHERE r.story = s.id))"
	    " FROM story s WHERE s.id = ?1",
	[S_STORY_LINKED] = "SELECT l.deck, l.card, c.front,"
	    " coalesce(c.retired, 0) FROM story_link l LEFT JOIN card c"
	    " ON c.deck = l.deck AND c.id = l.card"
	    " WHERE l.story = ?1 ORDER BY l.rowid",
	[S_STORY_MATRIX_STORIES] = MATRIX_WITH MATRIX_STORIES(
	    "ms.id, ms.slug, ms.title, ms.n, " OVERUSED),
	[S_STORY_MATRIX_CARDS] = MATRIX_WITH MATRIX_CARDS(
	    "mc.deck, mc.id, mc.front, " CARD_STORIES),
	[S_STORY_MATRIX_JSON] = MATRIX_WITH "SELECT json_object("
	    " 'cards', (SELECT coalesce(json_group_array(json(j)), '[]') FROM"
	    "  (" MATRIX_CARDS("json_object('deck', mc.deck, 'id', mc.id,"
	    "   'front', mc.front, 'stories', (SELECT json_group_array(t.slug)"
	    "   FROM ml JOIN story t ON t.id = ml.story"
	    "   WHERE ml.deck = mc.deck AND ml.card = mc.id)) AS j") ")),"
	    " 'stories', (SELECT coalesce(json_group_array(json(j)), '[]')"
	    "  FROM (" MATRIX_STORIES("json_object('id', ms.slug,"
	    "   'title', ms.title, 'cards', ms.n, 'overused', "
	    JSON_BOOL(OVERUSED) ") AS j") ")),"
	    " 'total', (SELECT total FROM mt))",
	[S_STORY_EXPORT] = "SELECT " STORY_ROW ", (SELECT group_concat(x,"
	    " char(10)) FROM (SELECT l.deck || '/' || l.card AS x"
	    " FROM story_link l WHERE l.story = s.id ORDER BY l.rowid))"
	    " FROM story s ORDER BY s.created_ms, s.id",
};

int
store_story_list(struct store *st,
    void (*fn)(void *, const struct story_row *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_STORY_LIST, stmt_sql);
	struct story_row r;
	int rc;

	while ((rc = step(st, s, N_("listing stories"))) > 0) {
		r.slug = (const char *)sqlite3_column_text(s, 0);
		r.title = (const char *)sqlite3_column_text(s, 1);
		r.tags = (const char *)sqlite3_column_text(s, 2);
		r.cards = sqlite3_column_int64(s, 3);
		r.parts = sqlite3_column_int(s, 4);
		r.last = column_day(s, 5);
		fn(arg, &r);
	}
	return rc;
}

char *
store_story_json_list(struct store *st)
{
	return text_of(st, stmt(st, S_STORY_JSON_LIST, stmt_sql),
	    N_("listing stories"));
}

char *
store_story_json(struct store *st, int64_t id)
{
	sqlite3_stmt *s = stmt(st, S_STORY_JSON, stmt_sql);

	sqlite3_bind_int64(s, 1, id);
	return text_of(st, s, N_("reading a story"));
}

int
store_story_links(struct store *st, int64_t id,
    void (*fn)(void *, const struct story_link *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_STORY_LINKED, stmt_sql);
	struct story_link l;
	int rc;

	sqlite3_bind_int64(s, 1, id);
	while ((rc = step(st, s, N_("reading a story's cards"))) > 0) {
		l.deck = (const char *)sqlite3_column_text(s, 0);
		l.card = (const char *)sqlite3_column_text(s, 1);
		l.front = (const char *)sqlite3_column_text(s, 2);
		l.retired = sqlite3_column_int(s, 3) != 0;
		fn(arg, &l);
	}
	return rc;
}

int
store_story_matrix(struct store *st, const char *decks, const char *tag,
    void (*story_fn)(void *, const struct matrix_story *),
    void (*card_fn)(void *, const struct matrix_card *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_STORY_MATRIX_STORIES, stmt_sql);
	struct matrix_story ms;
	struct matrix_card mc;
	int rc;

	bind_text(s, 1, decks);
	bind_text(s, 2, tag);
	while ((rc = step(st, s, N_("reading the story bank"))) > 0) {
		ms.id = sqlite3_column_int64(s, 0);
		ms.slug = (const char *)sqlite3_column_text(s, 1);
		ms.title = (const char *)sqlite3_column_text(s, 2);
		ms.cards = sqlite3_column_int64(s, 3);
		ms.overused = sqlite3_column_int(s, 4) != 0;
		story_fn(arg, &ms);
	}
	if (rc < 0)
		return -1;
	s = stmt(st, S_STORY_MATRIX_CARDS, stmt_sql);
	bind_text(s, 1, decks);
	bind_text(s, 2, tag);
	while ((rc = step(st, s, N_("reading cards"))) > 0) {
		mc.deck = (const char *)sqlite3_column_text(s, 0);
		mc.id = (const char *)sqlite3_column_text(s, 1);
		mc.front = (const char *)sqlite3_column_text(s, 2);
		mc.stories = (const char *)sqlite3_column_text(s, 3);
		card_fn(arg, &mc);
	}
	return rc;
}

char *
store_story_matrix_json(struct store *st, const char *decks, const char *tag)
{
	sqlite3_stmt *s = stmt(st, S_STORY_MATRIX_JSON, stmt_sql);

	bind_text(s, 1, decks);
	bind_text(s, 2, tag);
	return text_of(st, s, N_("reading the story bank"));
}

int
store_story_export(struct store *st,
    void (*fn)(void *, const struct story_rec *, const char *cards), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_STORY_EXPORT, stmt_sql);
	struct story_rec r;
	int rc;

	while ((rc = step(st, s, N_("reading the story bank"))) > 0) {
		memset(&r, 0, sizeof r);
		story_read_row(s, &r);
		fn(arg, &r, (const char *)sqlite3_column_text(s, 20));
		story_rec_free(&r);
	}
	return rc;
}
