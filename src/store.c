/* store.c: the SQLite database: schema, migrations, and every statement. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "clock.h"
#include "store.h"
#include "xmalloc.h"

#define SCHEMA_VERSION 4
#define BUSY_TIMEOUT_MS 10000

/*
 * The schema as of version 1.  Card text comes from deck files; a
 * card's progress lives in state, created at its first grade, so a new
 * card is simply one without a state row (or with a NULL due day).
 */
static const char schema_v1[] =
    "CREATE TABLE meta ("
    "  key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE deck ("
    "  seq INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  title TEXT, language TEXT, kind TEXT, description TEXT, tags TEXT,"
    "  path TEXT);"
    "CREATE TABLE card ("
    "  deck TEXT NOT NULL REFERENCES deck(id) ON DELETE CASCADE,"
    "  id TEXT NOT NULL,"
    "  pos INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  front TEXT NOT NULL, back TEXT NOT NULL,"
    "  hint TEXT, example TEXT, tags TEXT,"
    "  retired INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (deck, id));"
    "CREATE INDEX card_order ON card(deck, pos);"
    "CREATE TABLE state ("
    "  deck TEXT NOT NULL, card TEXT NOT NULL,"
    "  reps INTEGER NOT NULL, interval INTEGER NOT NULL, ef REAL NOT NULL,"
    "  due INTEGER, lapses INTEGER NOT NULL,"
    "  suspended INTEGER NOT NULL DEFAULT 0,"
    "  last_day INTEGER,"
    "  PRIMARY KEY (deck, card),"
    "  FOREIGN KEY (deck, card) REFERENCES card(deck, id) ON DELETE CASCADE"
    ") WITHOUT ROWID;"
    "CREATE INDEX state_due ON state(due);"
    "CREATE TABLE review ("
    "  id INTEGER PRIMARY KEY,"
    "  deck TEXT NOT NULL, card TEXT NOT NULL,"
    "  day INTEGER NOT NULL, at_ms INTEGER NOT NULL,"
    "  quality INTEGER NOT NULL, took_ms INTEGER, mode TEXT NOT NULL,"
    "  fresh INTEGER NOT NULL,"
    "  reps0 INTEGER, interval0 INTEGER, ef0 REAL, due0 INTEGER,"
    "  lapses0 INTEGER, last_day0 INTEGER,"
    "  reps1 INTEGER, interval1 INTEGER, ef1 REAL, due1 INTEGER,"
    "  lapses1 INTEGER, last_day1 INTEGER);"
    "CREATE INDEX review_card ON review(deck, card);"
    "CREATE INDEX review_day ON review(day);"
    "CREATE TABLE story ("
    "  deck TEXT NOT NULL, card TEXT NOT NULL, text TEXT NOT NULL,"
    "  updated_ms INTEGER NOT NULL,"
    "  PRIMARY KEY (deck, card));";

/* A review that graded a card already seen, the kind retention counts. */
#define GRADED(r) "(" r ".mode = 'review' AND " r ".due0 IS NOT NULL)"
/* What one review adds to its day's totals in the daily table. */
#define DAILY_TERMS(r) \
    GRADED(r) " AND " r ".interval0 < 21," \
    GRADED(r) " AND " r ".interval0 < 21 AND " r ".quality >= 3," \
    GRADED(r) " AND " r ".interval0 >= 21," \
    GRADED(r) " AND " r ".interval0 >= 21 AND " r ".quality >= 3," \
    "max(coalesce(" r ".took_ms, 0), 0), coalesce(" r ".took_ms, 0) > 0"

/*
 * Version 2, for speed at any deck size: the file a deck came from is
 * remembered by a hash so an unchanged file is not read again; a card's
 * retirement is copied into its state (by a trigger) so that due cards
 * are counted from one partial index; live cards, and new ones (fresh:
 * no schedule yet, kept by triggers on state), have indexes that answer
 * counts and deck order without reading the card text; and
 * each day's review totals are kept up to date by triggers, so that
 * statistics read thirty rows rather than the whole log.
 */
static const char schema_v2[] =
    "ALTER TABLE deck ADD COLUMN source TEXT;"
    "DROP INDEX card_order;"
    "ALTER TABLE card ADD COLUMN fresh INTEGER NOT NULL DEFAULT 1;"
    "UPDATE card SET fresh = 0 WHERE EXISTS (SELECT 1 FROM state s"
    "  WHERE s.deck = card.deck AND s.card = card.id"
    "  AND (s.due IS NOT NULL OR s.suspended));"
    "CREATE INDEX card_live ON card(deck, fresh, pos, id)"
    "  WHERE retired = 0;"
    "ALTER TABLE state ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;"
    "UPDATE state SET retired = 1 WHERE EXISTS (SELECT 1 FROM card c"
    "  WHERE c.deck = state.deck AND c.id = state.card AND c.retired);"
    "CREATE TRIGGER card_retired AFTER UPDATE OF retired ON card"
    "  WHEN NEW.retired IS NOT OLD.retired BEGIN"
    "  UPDATE state SET retired = NEW.retired"
    "  WHERE deck = NEW.deck AND card = NEW.id; END;"
    "DROP INDEX state_due;"
    "CREATE INDEX state_due ON state(due)"
    "  WHERE retired = 0 AND suspended = 0;"

    "CREATE TRIGGER state_added AFTER INSERT ON state BEGIN"
    "  UPDATE card SET fresh = (NEW.due IS NULL AND NEW.suspended = 0)"
    "  WHERE deck = NEW.deck AND id = NEW.card; END;"
    "CREATE TRIGGER state_changed AFTER UPDATE ON state"
    "  WHEN (OLD.due IS NULL AND OLD.suspended = 0)"
    "  IS NOT (NEW.due IS NULL AND NEW.suspended = 0) BEGIN"
    "  UPDATE card SET fresh = (NEW.due IS NULL AND NEW.suspended = 0)"
    "  WHERE deck = NEW.deck AND id = NEW.card; END;"
    "CREATE TRIGGER state_removed AFTER DELETE ON state BEGIN"
    "  UPDATE card SET fresh = 1"
    "  WHERE deck = OLD.deck AND id = OLD.card; END;"
    "CREATE TABLE daily ("
    "  day INTEGER NOT NULL, deck TEXT NOT NULL,"
    "  reviews INTEGER NOT NULL, young INTEGER NOT NULL,"
    "  young_passed INTEGER NOT NULL, mature INTEGER NOT NULL,"
    "  mature_passed INTEGER NOT NULL, took_ms INTEGER NOT NULL,"
    "  timed INTEGER NOT NULL,"
    "  PRIMARY KEY (day, deck)) WITHOUT ROWID;"
    "CREATE TRIGGER review_counted AFTER INSERT ON review"
    "  WHEN NEW.mode <> 'forget' BEGIN"
    "  INSERT INTO daily VALUES (NEW.day, NEW.deck, 1," DAILY_TERMS("NEW") ")"
    "  ON CONFLICT (day, deck) DO UPDATE SET"
    "  reviews = reviews + 1, young = young + excluded.young,"
    "  young_passed = young_passed + excluded.young_passed,"
    "  mature = mature + excluded.mature,"
    "  mature_passed = mature_passed + excluded.mature_passed,"
    "  took_ms = took_ms + excluded.took_ms, timed = timed + excluded.timed;"
    "  END;"
    "CREATE TRIGGER review_uncounted AFTER DELETE ON review"
    "  WHEN OLD.mode <> 'forget' BEGIN"
    "  UPDATE daily SET reviews = reviews - 1,"
    "  young = young - (" GRADED("OLD") " AND OLD.interval0 < 21),"
    "  young_passed = young_passed - (" GRADED("OLD")
    "    AND OLD.interval0 < 21 AND OLD.quality >= 3),"
    "  mature = mature - (" GRADED("OLD") " AND OLD.interval0 >= 21),"
    "  mature_passed = mature_passed - (" GRADED("OLD")
    "    AND OLD.interval0 >= 21 AND OLD.quality >= 3),"
    "  took_ms = took_ms - max(coalesce(OLD.took_ms, 0), 0),"
    "  timed = timed - (coalesce(OLD.took_ms, 0) > 0)"
    "  WHERE day = OLD.day AND deck = OLD.deck; END;"
    "INSERT INTO daily SELECT day, deck, count(*),"
    "  sum(" GRADED("r") " AND interval0 < 21),"
    "  sum(" GRADED("r") " AND interval0 < 21 AND quality >= 3),"
    "  sum(" GRADED("r") " AND interval0 >= 21),"
    "  sum(" GRADED("r") " AND interval0 >= 21 AND quality >= 3),"
    "  sum(max(coalesce(took_ms, 0), 0)), sum(coalesce(took_ms, 0) > 0)"
    "  FROM review r WHERE mode <> 'forget' GROUP BY day, deck;";

/*
 * Version 3: due and new cards are counted from their indexes alone
 * (each holds the columns its condition names, so no row is read).  It
 * also kept where each card lay in its file, for re-imports that parsed
 * only changed cards: version 4 drops that again (a real deck re-imports
 * in milliseconds anyway).
 */
static const char schema_v3[] =
    "DROP INDEX state_due;"
    "CREATE INDEX state_due ON state(due, retired, suspended)"
    "  WHERE retired = 0 AND suspended = 0;"
    "DROP INDEX card_live;"
    "CREATE INDEX card_live ON card(deck, fresh, pos, id, retired)"
    "  WHERE retired = 0;"
    "CREATE TABLE span ("
    "  deck TEXT NOT NULL REFERENCES deck(id) ON DELETE CASCADE,"
    "  gen INTEGER NOT NULL, first INTEGER NOT NULL, data BLOB NOT NULL,"
    "  PRIMARY KEY (deck, gen, first));";

static const char schema_v4[] = "DROP TABLE span;";

/* Migrations: entry i brings a database from version i to i + 1. */
static const char *const migrations[] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
};

/* The card fields every listing and JSON object shares. */
#define CARD_FROM \
    " FROM card c JOIN deck d ON d.id = c.deck" \
    " LEFT JOIN state s ON s.deck = c.deck AND s.card = c.id"
#define ACTIVE " c.retired = 0 AND coalesce(s.suspended, 0) = 0"
#define IN_DECKS \
    " (?1 IS NULL OR c.deck IN (SELECT value FROM json_each(?1)))"
/* Scheduled, live cards, as the partial index state_due has them. */
#define DUE_LIVE " s.retired = 0 AND s.suspended = 0"
#define STATE_IN_DECKS \
    " (?1 IS NULL OR s.deck IN (SELECT value FROM json_each(?1)))"
/* Live cards through card_live (no card text read), with their state. */
#define LIVE_FROM \
    " FROM card c LEFT JOIN state s ON s.deck = c.deck AND s.card = c.id"
/* Cards tagged ?3 themselves or through their deck; all when ?3 is NULL. */
#define TAGGED \
    " (?3 IS NULL" \
    "  OR EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = ?3)" \
    "  OR EXISTS (SELECT 1 FROM json_each(d.tags) WHERE value = ?3))"

/*
 * The statements a drill prepares at its start come in two forms: one
 * filtered by decks (?1) and tag (?3), and a plain one for a drill of
 * every deck, the usual kind.  The filters' json_each() subqueries take
 * longer to prepare than the rest of each statement, even when unset.
 */
#define QUEUE_DUE(filter) \
    "SELECT c.deck, c.id FROM state s" \
    " JOIN card c ON c.deck = s.deck AND c.id = s.card" \
    " JOIN deck d ON d.id = c.deck" \
    " WHERE" DUE_LIVE " AND s.due <= ?2" filter \
    " ORDER BY s.due, d.seq, c.pos LIMIT ?4"
#define DUE_COUNT(filter) \
    "SELECT count(*) FROM (SELECT 1 FROM state s" \
    " WHERE" DUE_LIVE " AND s.due <= ?2" filter " LIMIT ?4)"
/* CROSS JOIN: deck by deck in order, so LIMIT stops early. */
#define QUEUE_NEW(filter) \
    "SELECT c.deck, c.id FROM deck d" \
    " CROSS JOIN card c ON c.deck = d.id" \
    " WHERE c.retired = 0 AND c.fresh = 1" filter \
    " ORDER BY d.seq, c.pos LIMIT ?2"
#define UNSEEN(filter) \
    "SELECT count(*) FROM (SELECT 1 FROM deck d" \
    " CROSS JOIN card c ON c.deck = d.id" \
    " WHERE c.retired = 0 AND c.fresh = 1" filter " LIMIT ?2)"
#define NEXT_DUE(filter) \
    "SELECT min(s.due) FROM state s WHERE" DUE_LIVE " AND s.due > ?2" filter

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
    " 'story', (SELECT text FROM story t" \
    "   WHERE t.deck = c.deck AND t.card = c.id))"

#define DECK_ROWS \
    "SELECT k.id AS id, k.title AS title, k.language AS language," \
    " coalesce(x.n, 0) AS n, coalesce(x.due, 0) AS due," \
    " coalesce(x.fresh, 0) AS fresh FROM deck k LEFT JOIN" \
    " (SELECT c.deck AS deck, count(*) AS n," \
    "   sum(s.due <= ?1 AND s.suspended = 0) AS due," \
    "   sum(s.due IS NULL AND coalesce(s.suspended, 0) = 0) AS fresh" \
    LIVE_FROM " WHERE c.retired = 0 GROUP BY c.deck) x ON x.deck = k.id" \
    " ORDER BY k.seq"

/*
 * Statistics as one JSON object (?1 decks or NULL, ?2 today, ?3 the
 * interview day or NULL).  Recent figures cover the last 30 days.
 */
#define IN_DECKS_OF(col) \
    " (?1 IS NULL OR " col " IN (SELECT value FROM json_each(?1)))"
#define STATS_SQL \
    "WITH total AS (SELECT count(*) AS n FROM card c" \
    "   WHERE c.retired = 0 AND" IN_DECKS ")," \
    " cs AS (SELECT * FROM state s WHERE s.retired = 0 AND" \
    "   " STATE_IN_DECKS ")," \
    " fc AS (SELECT ?2 AS d, count(*) AS n FROM state s" \
    "   WHERE" DUE_LIVE " AND s.due <= ?2 AND" STATE_IN_DECKS \
    "   UNION ALL SELECT s.due, count(*) FROM state s" \
    "   WHERE" DUE_LIVE " AND s.due > ?2 AND s.due < ?2 + 14 AND" \
    "   " STATE_IN_DECKS " GROUP BY s.due)," \
    " dy AS (SELECT * FROM daily WHERE day > ?2 - 30 AND day <= ?2 AND" \
    "   " IN_DECKS_OF("deck") ")," \
    " rv AS (SELECT day AS d, sum(reviews) AS n FROM dy GROUP BY day)," \
    " agg AS (SELECT coalesce(sum(young), 0) AS yn," \
    "   coalesce(sum(young_passed), 0) AS yp, coalesce(sum(mature), 0) AS mn," \
    "   coalesce(sum(mature_passed), 0) AS mp," \
    "   CASE WHEN sum(timed) > 0 THEN 1.0 * sum(took_ms) / sum(timed) END" \
    "   AS ms FROM dy)," \
    " f(d) AS (SELECT ?2 UNION ALL SELECT d + 1 FROM f WHERE d < ?2 + 13)," \
    " r(d) AS (SELECT ?2 - 29 UNION ALL SELECT d + 1 FROM r WHERE d < ?2)," \
    " streak(d) AS (SELECT CASE WHEN EXISTS (SELECT 1 FROM rv" \
    "   WHERE rv.d = ?2 AND rv.n > 0) THEN ?2 ELSE ?2 - 1 END" \
    "   UNION ALL SELECT d - 1 FROM streak WHERE EXISTS (SELECT 1" \
    "   FROM daily WHERE day = d AND reviews > 0 AND" \
    "   " IN_DECKS_OF("deck") "))" \
    " SELECT json_object(" \
    " 'today', rehearse_day(?2)," \
    " 'interview', CASE WHEN ?3 IS NULL THEN NULL ELSE json_object(" \
    "   'day', rehearse_day(?3), 'days_left', ?3 - ?2) END," \
    " 'cards', (SELECT json_object('total', total.n," \
    "   'new', total.n - coalesce(sum(due IS NOT NULL OR suspended), 0)," \
    "   'learning', coalesce(sum(due IS NOT NULL AND interval < 21" \
    "     AND NOT suspended), 0)," \
    "   'mature', coalesce(sum(due IS NOT NULL AND interval >= 21" \
    "     AND NOT suspended), 0)," \
    "   'leech', coalesce(sum(lapses >= 8), 0)," \
    "   'suspended', coalesce(sum(suspended), 0)) FROM total, cs)," \
    " 'forecast', (SELECT json_group_array(json_object('day'," \
    "   rehearse_day(f.d), 'due', coalesce(fc.n, 0)))" \
    "   FROM f LEFT JOIN fc ON fc.d = f.d)," \
    " 'reviews', (SELECT json_group_array(json_object('day'," \
    "   rehearse_day(r.d), 'count', coalesce(rv.n, 0)))" \
    "   FROM r LEFT JOIN rv ON rv.d = r.d)," \
    " 'retention', (SELECT json_object(" \
    "   'young', json_object('reviews', yn, 'passed', yp)," \
    "   'mature', json_object('reviews', mn, 'passed', mp)) FROM agg)," \
    " 'streak', (SELECT count(*) - 1 FROM streak)," \
    " 'average_seconds', (SELECT round(ms / 1000.0, 1) FROM agg))"

enum stmt {
	S_DECK_COUNT,
	S_SOURCE_FIND,
	S_SOURCE_SET,
	S_STAGE_CLEAR,
	S_STAGE_ADD,
	S_STAGE_LINE,
	S_CARD_INSERT,
	S_DECK_CARDS,
	S_COUNT_ADDED,
	S_DECK_UPSERT,
	S_CARD_MERGE,
	S_CARD_RETIRE,
	S_QUEUE_DUE,
	S_QUEUE_DUE_ALL,
	S_QUEUE_NEW,
	S_QUEUE_NEW_ALL,
	S_DUE_COUNT,
	S_DUE_COUNT_ALL,
	S_DUE_COUNT_TAG,
	S_QUEUE_CRAM,
	S_NEW_ON,
	S_UNSEEN,
	S_UNSEEN_ALL,
	S_NEXT_DUE,
	S_NEXT_DUE_ALL,
	S_DECKS_MISSING,
	S_CARD_GET,
	S_STATE_PUT,
	S_STATE_DEL,
	S_LOG_ADD,
	S_LOG_GET,
	S_LOG_DEL,
	S_JSON_CARD,
	S_JSON_CARDS,
	S_JSON_DECKS,
	S_LIST_DECKS,
	S_LIST_CARDS,
	S_META_GET,
	S_META_SET,
	S_META_DEL,
	S_WINDOW_LOAD,
	S_STORY_SET,
	S_STORY_DEL,
	S_SUSPEND,
	S_FORGET_COUNT,
	S_FORGET_LOG,
	S_FORGET,
	S_EXPORT_DECK,
	S_EXPORT_CARDS,
	S_STATS,
	S_JSON_PATH,
	S_JSON_EACH,
	S_BEGIN,
	S_READ,
	S_COMMIT,
	S_ROLLBACK,
	S__COUNT
};

static const char *const stmt_sql[S__COUNT] = {
	[S_DECK_COUNT] = "SELECT count(*) FROM deck",
	[S_SOURCE_FIND] = "SELECT id FROM deck WHERE source = ?1",
	[S_SOURCE_SET] = "UPDATE deck SET source = ?2"
	    " WHERE id = ?1 AND source IS NOT ?2",
	[S_STAGE_CLEAR] = "DELETE FROM temp.stage",
	[S_STAGE_ADD] = "INSERT INTO temp.stage"
	    " (pos, id, line, kind, front, back, hint, example, tags)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_STAGE_LINE] = "SELECT line FROM temp.stage WHERE id = ?1",
	[S_DECK_CARDS] = "SELECT count(*) FROM card WHERE deck = ?1",
	[S_COUNT_ADDED] = "SELECT count(*) FROM temp.stage g WHERE NOT EXISTS"
	    " (SELECT 1 FROM card c WHERE c.deck = ?1 AND c.id = g.id)",
	[S_DECK_UPSERT] = "INSERT INTO deck"
	    " (id, title, language, kind, description, tags, path)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	    " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
	    " language = excluded.language, kind = excluded.kind,"
	    " description = excluded.description, tags = excluded.tags,"
	    " path = excluded.path"
	    " WHERE title IS NOT excluded.title"
	    " OR language IS NOT excluded.language"
	    " OR kind IS NOT excluded.kind"
	    " OR description IS NOT excluded.description"
	    " OR tags IS NOT excluded.tags OR path IS NOT excluded.path",
	[S_CARD_MERGE] = "INSERT INTO card"
	    " (deck, id, pos, kind, front, back, hint, example, tags, retired)"
	    " SELECT ?1, id, pos, coalesce(kind, ?2), front, back, hint,"
	    " example, tags, 0 FROM temp.stage WHERE true"
	    " ON CONFLICT (deck, id) DO UPDATE SET pos = excluded.pos,"
	    " kind = excluded.kind, front = excluded.front,"
	    " back = excluded.back, hint = excluded.hint,"
	    " example = excluded.example, tags = excluded.tags, retired = 0"
	    " WHERE pos IS NOT excluded.pos OR kind IS NOT excluded.kind"
	    " OR front IS NOT excluded.front OR back IS NOT excluded.back"
	    " OR hint IS NOT excluded.hint OR example IS NOT excluded.example"
	    " OR tags IS NOT excluded.tags OR retired <> 0",
	/*
	 * A new deck's cards: a plain insert needs no statement journal,
	 * where an upsert writes every page it touches to one.
	 */
	[S_CARD_INSERT] = "INSERT INTO card"
	    " (deck, id, pos, kind, front, back, hint, example, tags)"
	    " SELECT ?1, id, pos, coalesce(kind, ?2), front, back, hint,"
	    " example, tags FROM temp.stage ORDER BY pos",
	[S_CARD_RETIRE] = "UPDATE card SET retired = 1"
	    " WHERE deck = ?1 AND retired = 0"
	    " AND id NOT IN (SELECT id FROM temp.stage)",
	[S_QUEUE_DUE] = QUEUE_DUE(" AND" STATE_IN_DECKS " AND" TAGGED),
	[S_QUEUE_DUE_ALL] = QUEUE_DUE(""),
	[S_DUE_COUNT] = DUE_COUNT(" AND" STATE_IN_DECKS),
	[S_DUE_COUNT_ALL] = DUE_COUNT(""),
	[S_DUE_COUNT_TAG] = "SELECT count(*) FROM (SELECT 1 FROM state s"
	    " JOIN card c ON c.deck = s.deck AND c.id = s.card"
	    " JOIN deck d ON d.id = c.deck"
	    " WHERE" DUE_LIVE " AND s.due <= ?2 AND" STATE_IN_DECKS
	    " AND (EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = ?3)"
	    "  OR EXISTS (SELECT 1 FROM json_each(d.tags) WHERE value = ?3))"
	    " LIMIT ?4)",
	[S_QUEUE_NEW] = QUEUE_NEW(" AND" IN_DECKS " AND" TAGGED),
	[S_QUEUE_NEW_ALL] = QUEUE_NEW(""),
	[S_QUEUE_CRAM] = "SELECT c.deck, c.id" CARD_FROM
	    " WHERE" ACTIVE " AND" IN_DECKS " AND" TAGGED
	    " AND ?2 = ?2 ORDER BY d.seq, c.pos",
	[S_NEW_ON] = "SELECT count(*) FROM review"
	    " WHERE day = ?1 AND mode = 'review' AND due0 IS NULL",
	[S_UNSEEN] = UNSEEN(" AND" IN_DECKS),
	[S_UNSEEN_ALL] = UNSEEN(""),
	[S_NEXT_DUE] = NEXT_DUE(" AND" STATE_IN_DECKS),
	[S_NEXT_DUE_ALL] = NEXT_DUE(""),
	[S_DECKS_MISSING] = "SELECT value FROM json_each(?1)"
	    " WHERE value NOT IN (SELECT id FROM deck) LIMIT 1",
	[S_CARD_GET] = "SELECT c.deck, c.id, d.title, c.kind, c.front, c.back,"
	    " c.hint, c.example,"
	    " (SELECT text FROM story t WHERE t.deck = c.deck AND t.card = c.id),"
	    " s.reps, s.interval, s.ef, s.due, s.lapses, s.suspended,"
	    " s.last_day, c.retired, s.deck IS NOT NULL, d.language"
	    CARD_FROM " WHERE c.deck = ?1 AND c.id = ?2",
	[S_STATE_PUT] = "INSERT INTO state"
	    " (deck, card, reps, interval, ef, due, lapses, last_day)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	    " ON CONFLICT (deck, card) DO UPDATE SET reps = excluded.reps,"
	    " interval = excluded.interval, ef = excluded.ef,"
	    " due = excluded.due, lapses = excluded.lapses,"
	    " last_day = excluded.last_day",
	[S_STATE_DEL] = "DELETE FROM state WHERE deck = ?1 AND card = ?2",
	[S_LOG_ADD] = "INSERT INTO review (deck, card, day, at_ms, quality,"
	    " took_ms, mode, fresh, reps0, interval0, ef0, due0, lapses0,"
	    " last_day0, reps1, interval1, ef1, due1, lapses1, last_day1)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
	[S_LOG_GET] = "SELECT deck, card, mode, fresh, reps0, interval0, ef0,"
	    " due0, lapses0, last_day0 FROM review WHERE id = ?1",
	[S_LOG_DEL] = "DELETE FROM review WHERE id = ?1",
	[S_JSON_CARD] = "SELECT " CARD_JSON CARD_FROM
	    " WHERE c.deck = ?1 AND c.id = ?2",
	[S_JSON_CARDS] = "SELECT coalesce(json_group_array(json(j)), '[]')"
	    " FROM (SELECT " CARD_JSON " AS j" CARD_FROM
	    " WHERE c.deck = ?1 AND c.retired = 0 AND ?2 = ?2"
	    " ORDER BY c.pos)",
	[S_JSON_DECKS] = "SELECT coalesce(json_group_array(json_object("
	    "'deck', r.id, 'title', r.title, 'language', r.language,"
	    " 'cards', r.n, 'due_today', r.due, 'new', r.fresh)), '[]')"
	    " FROM (" DECK_ROWS ") r",
	[S_LIST_DECKS] = DECK_ROWS,
	[S_LIST_CARDS] = "SELECT c.id, c.kind, c.front, s.due IS NOT NULL,"
	    " s.due, coalesce(s.reps, 0), coalesce(s.lapses, 0),"
	    " coalesce(s.suspended, 0)" CARD_FROM
	    " WHERE c.deck = ?1 AND c.retired = 0 ORDER BY c.pos",
	[S_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[S_META_SET] = "INSERT INTO meta (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[S_META_DEL] = "DELETE FROM meta WHERE key = ?1",
	[S_WINDOW_LOAD] = "SELECT s.due, count(*) FROM state s"
	    " WHERE" DUE_LIVE " AND s.due BETWEEN ?1 AND ?2 GROUP BY s.due",
	[S_STORY_SET] = "INSERT INTO story (deck, card, text, updated_ms)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (deck, card) DO UPDATE"
	    " SET text = excluded.text, updated_ms = excluded.updated_ms",
	[S_STORY_DEL] = "DELETE FROM story WHERE deck = ?1 AND card = ?2",
	[S_SUSPEND] = "INSERT INTO state"
	    " (deck, card, reps, interval, ef, due, lapses, suspended)"
	    " VALUES (?1, ?2, 0, 0, 2.5, NULL, 0, ?3)"
	    " ON CONFLICT (deck, card) DO UPDATE SET suspended = ?3",
	[S_FORGET_COUNT] = "SELECT count(*) FROM state"
	    " WHERE deck = ?1 AND (?2 IS NULL OR card = ?2)",
	/* Forgetting is logged too, so the log still replays to the state. */
	[S_FORGET_LOG] = "INSERT INTO review (deck, card, day, at_ms, quality,"
	    " took_ms, mode, fresh, reps0, interval0, ef0, due0, lapses0,"
	    " last_day0, reps1, interval1, ef1, due1, lapses1, last_day1)"
	    " SELECT deck, card, ?3, ?4, -1, 0, 'forget', 0, reps, interval,"
	    " ef, due, lapses, last_day, 0, 0, 2.5, NULL, 0, NULL"
	    " FROM state WHERE deck = ?1 AND (?2 IS NULL OR card = ?2)",
	[S_FORGET] = "DELETE FROM state"
	    " WHERE deck = ?1 AND (?2 IS NULL OR card = ?2)",
	[S_EXPORT_DECK] = "SELECT id, title, language, kind, description,"
	    " (SELECT group_concat(value, char(10)) FROM json_each(d.tags))"
	    " FROM deck d WHERE id = ?1",
	[S_EXPORT_CARDS] = "SELECT c.id, c.kind, c.front, c.back, c.hint,"
	    " c.example,"
	    " (SELECT group_concat(value, char(10)) FROM json_each(c.tags)),"
	    " (SELECT text FROM story t WHERE t.deck = c.deck AND t.card = c.id)"
	    " FROM card c WHERE c.deck = ?1 AND c.retired = 0 ORDER BY c.pos",
	[S_STATS] = STATS_SQL,
	[S_JSON_PATH] = "SELECT json_extract(?1, ?2)",
	[S_JSON_EACH] = "SELECT json_extract(value, ?3), json_extract(value, ?4)"
	    " FROM json_each(?1, ?2)",
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_READ] = "BEGIN",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
};

struct store {
	sqlite3		*db;
	sqlite3_stmt	*stmt[S__COUNT];
	char		*err;
	bool		 failed;	/* sticky: see store_failed */
	char		*path;		/* for messages: which file failed */
};

static bool
no_room(int e)
{
	return e == ENOSPC || e == EFBIG || e == EDQUOT;
}

/*
 * Record the last error.  A file that cannot be written or has no room
 * is the user's to fix, so those name the file and say just that.
 */
static char	*text_of(struct store *, sqlite3_stmt *, const char *);

static void
set_error(struct store *st, const char *what)
{
	int e = errno;
	const char *msg = sqlite3_errmsg(st->db);

	st->failed = true;
	free(st->err);
	switch (sqlite3_errcode(st->db)) {
	case SQLITE_READONLY:
		st->err = xasprintf("%s: cannot write: %s", st->path, msg);
		break;
	case SQLITE_FULL:
		st->err = xasprintf("%s: %s", st->path, msg);
		break;
	case SQLITE_IOERR:
		/*
		 * A write refused outright (EFBIG past a file size limit) is
		 * an I/O error to SQLite, and a failed COMMIT leaves
		 * sqlite3_system_errno() at 0: errno still says why.
		 */
		if (sqlite3_system_errno(st->db) != 0)
			e = sqlite3_system_errno(st->db);
		if (no_room(e)) {
			st->err = xasprintf("%s: database or disk is full (%s)",
			    st->path, strerror(e));
			break;
		}
		/* FALLTHROUGH */
	default:
		st->err = xasprintf("%s: %s: %s", st->path, what, msg);
		break;
	}
}

bool
store_failed(const struct store *st)
{
	return st->failed;
}

const char *
store_error(struct store *st)
{
	return st->err != NULL ? st->err : "unknown database error";
}

/* rehearse_day(n): a day number as YYYY-MM-DD, NULL stays NULL. */
static void
sql_day(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[DAY_BUFSZ];

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	day_format(sqlite3_value_int64(argv[0]), buf);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

static int
exec(struct store *st, const char *sql)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		set_error(st, "database");
		return -1;
	}
	return 0;
}

/* One integer from a query run once; -1 when it cannot be read. */
static int64_t
query_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	int64_t v = -1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static int64_t
user_version(struct store *st)
{
	return query_int(st, "PRAGMA user_version");
}

static void
newer_error(struct store *st, int64_t v)
{
	free(st->err);
	st->err = xasprintf("%s: database schema version %lld is newer than "
	    "this program understands (%d): upgrade rehearse", st->path,
	    (long long)v, SCHEMA_VERSION);
}

/*
 * Before anything writes (even switching to WAL rewrites the header):
 * refuse a file from a newer rehearse or another program's database,
 * so that it is left exactly as it was.  Returns the schema version.
 */
static int64_t
check_file(struct store *st)
{
	int64_t v = user_version(st), n;

	if (v < 0)
		return -1;
	if (v > SCHEMA_VERSION) {
		newer_error(st, v);
		return -1;
	}
	if (v == 0 &&
	    (n = query_int(st, "SELECT count(*) FROM sqlite_master")) != 0) {
		if (n < 0)
			return -1;
		free(st->err);
		st->err = xasprintf("%s: not a rehearse database (an SQLite "
		    "database of another program)", st->path);
		return -1;
	}
	return v;
}

/* Bring the schema up to date from version v in one transaction. */
static int
migrate(struct store *st, int64_t v)
{
	char *sql;
	int rc;

	/* Up to date: nothing to write (the file stays as it is). */
	if (v == SCHEMA_VERSION)
		return 0;
	if (exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	/* Another process may have migrated it meanwhile. */
	v = user_version(st);
	if (v < 0) {
		set_error(st, "cannot read the schema version");
		goto fail;
	}
	if (v > SCHEMA_VERSION) {
		newer_error(st, v);
		goto fail;
	}
	for (; v < SCHEMA_VERSION; v++) {
		if (exec(st, migrations[v]) != 0)
			goto fail;
	}
	sql = xasprintf("PRAGMA user_version = %d", SCHEMA_VERSION);
	rc = exec(st, sql);
	free(sql);
	if (rc != 0 || exec(st, "COMMIT") != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Whether the directory holding path exists but refuses new files. */
static bool
dir_read_only(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int rc;

	dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	rc = access(dir, W_OK);
	free(dir);
	return rc != 0 && (errno == EACCES || errno == EROFS);
}

/* The messages people see for the ways opening a database fails. */
static char *
open_failure(struct store *st, const char *path)
{
	int code = sqlite3_errcode(st->db);

	if (code == SQLITE_NOTADB)
		return xasprintf("%s: not a rehearse database (not SQLite)",
		    path);
	/* SQLite's "readonly database" would blame the file itself. */
	if ((code == SQLITE_READONLY || code == SQLITE_CANTOPEN) &&
	    dir_read_only(path))
		return xasprintf("%s: cannot write: its directory is "
		    "read-only (the database needs its -wal and -shm files "
		    "beside it)", path);
	if (st->err == NULL)
		set_error(st, "cannot open");
	return xstrdup(st->err);
}

/*
 * Before SQLite's first use: rehearse has one thread and reads no memory
 * statistics, so SQLite need not lock a mutex and update counters at each
 * of the hundreds of allocations a statement's preparation makes.
 */
static void
library_setup(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct store *
store_open(const char *path, char **err)
{
	struct store *st = xcalloc(1, sizeof *st);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int64_t v;

	*err = NULL;
	library_setup();
	st->path = xstrdup(path);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		if (st->db == NULL) {
			*err = xasprintf("%s: cannot open database", path);
			store_close(st);
			return NULL;
		}
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 0);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	if (sqlite3_create_function(st->db, "rehearse_day", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_day, NULL,
	    NULL) != SQLITE_OK)
		goto fail;
	/*
	 * WAL with synchronous=FULL: each commit is flushed to disk before
	 * the answer is confirmed, so not even a power cut loses a
	 * confirmed answer.  It costs about 2 ms an answer, unnoticed when
	 * answers come seconds apart; NORMAL could lose the last ones.
	 */
	if (exec(st, "PRAGMA foreign_keys = ON") != 0 ||
	    (v = check_file(st)) < 0 ||
	    exec(st, "PRAGMA journal_mode = WAL") != 0 ||
	    exec(st, "PRAGMA synchronous = FULL") != 0 ||
	    migrate(st, v) != 0)
		goto fail;
	return st;
fail:
	*err = open_failure(st, path);
	store_close(st);
	return NULL;
}

void
store_close(struct store *st)
{
	int i;

	if (st == NULL)
		return;
	for (i = 0; i < S__COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	free(st->err);
	free(st->path);
	free(st);
}

/*
 * Fetch a statement, prepared on first use (a short command needs only a
 * few of them), reset and with no bindings left over.  The SQL is fixed
 * text: failing to prepare it is a bug, not a user error.
 */
static sqlite3_stmt *
stmt(struct store *st, enum stmt which)
{
	sqlite3_stmt *s = st->stmt[which];

	if (s == NULL) {
		if (sqlite3_prepare_v3(st->db, stmt_sql[which], -1,
		    SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
			fprintf(stderr, "rehearse: internal error: statement "
			    "%d: %s\n", (int)which, sqlite3_errmsg(st->db));
			abort();
		}
		st->stmt[which] = s;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

/* Step a statement that returns no rows; -1 with the error recorded. */
static int
run(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		set_error(st, what);
		return -1;
	}
	return 0;
}

/* Step a statement returning one integer; -1 on error. */
static int64_t
scalar(struct store *st, sqlite3_stmt *s, const char *what)
{
	int64_t v = 0;
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE) {
		set_error(st, what);
		v = -1;
	}
	sqlite3_reset(s);
	return v;
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

static void
bind_day(sqlite3_stmt *s, int i, int64_t day)
{
	if (day == SCHED_NEW_DUE)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, day);
}

static int64_t
column_day(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return SCHED_NEW_DUE;
	return sqlite3_column_int64(s, i);
}

static char *
column_strdup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v == NULL ? NULL : xstrdup((const char *)v);
}

int64_t
store_deck_count(struct store *st)
{
	return scalar(st, stmt(st, S_DECK_COUNT), "counting decks");
}

int
store_begin(struct store *st)
{
	return run(st, stmt(st, S_BEGIN), "starting a transaction");
}

int
store_commit(struct store *st)
{
	if (run(st, stmt(st, S_COMMIT), "saving") != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int
store_read_begin(struct store *st)
{
	return run(st, stmt(st, S_READ), "starting a transaction");
}

void
store_read_end(struct store *st)
{
	store_rollback(st);
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_step(stmt(st, S_ROLLBACK));
	sqlite3_reset(st->stmt[S_ROLLBACK]);
}

/*
 * An import stages the file's cards in a temporary table, whose index
 * finds a repeated id without a set of ids in memory, then merges them
 * into the deck at the end: all in one transaction.
 */
int
store_import_begin(struct store *st)
{
	if (exec(st, "CREATE TEMP TABLE IF NOT EXISTS stage ("
	    " pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	    " line INTEGER NOT NULL, kind TEXT, front TEXT, back TEXT,"
	    " hint TEXT, example TEXT, tags TEXT);"
	    /* Keep memory flat in deck size: the cards spill to a file. */
	    "PRAGMA temp.cache_size = -1024") != 0)
		return -1;
	if (store_begin(st) != 0)
		return -1;
	if (run(st, stmt(st, S_STAGE_CLEAR), "staging cards") != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

long
store_import_card(struct store *st, const struct deck_card *c)
{
	sqlite3_stmt *s = stmt(st, S_STAGE_ADD);
	int64_t first;
	int rc;

	sqlite3_bind_int64(s, 1, (int64_t)c->index);
	bind_text(s, 2, c->id);
	sqlite3_bind_int64(s, 3, (int64_t)c->id_line);
	bind_text(s, 4, c->kind);
	bind_text(s, 5, c->front);
	bind_text(s, 6, c->back);
	bind_text(s, 7, c->hint);
	bind_text(s, 8, c->example);
	bind_text(s, 9, c->tags);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_CONSTRAINT) {
		set_error(st, "staging cards");
		return -1;
	}
	/* The only constraint a card can break: an earlier card's id. */
	s = stmt(st, S_STAGE_LINE);
	bind_text(s, 1, c->id);
	first = scalar(st, s, "staging cards");
	return first > 0 ? (long)first : -1;
}

char *
store_deck_by_source(struct store *st, const char *source)
{
	sqlite3_stmt *s = stmt(st, S_SOURCE_FIND);

	bind_text(s, 1, source);
	return text_of(st, s, "looking up the deck");
}

/* The kind a card without its own takes from its deck's. */
static const char *
inherited(const char *deck_kind)
{
	return deck_kind != NULL ? deck_kind : "recall";
}

int
store_import_commit(struct store *st, const struct deck_info *d,
    const char *path, const char *source, struct import_stats *is)
{
	sqlite3_stmt *s;
	int64_t base, before;

	memset(is, 0, sizeof *is);
	is->cards = (int64_t)d->cards;
	s = stmt(st, S_DECK_CARDS);
	bind_text(s, 1, d->id);
	if ((before = scalar(st, s, "counting cards")) < 0)
		goto fail;
	s = stmt(st, S_COUNT_ADDED);
	bind_text(s, 1, d->id);
	if ((is->added = scalar(st, s, "comparing cards")) < 0)
		goto fail;
	base = sqlite3_total_changes64(st->db);
	s = stmt(st, S_DECK_UPSERT);
	bind_text(s, 1, d->id);
	bind_text(s, 2, d->title);
	bind_text(s, 3, d->language);
	bind_text(s, 4, d->kind);
	bind_text(s, 5, d->description);
	bind_text(s, 6, d->tags);
	bind_text(s, 7, path);
	if (run(st, s, "saving the deck") != 0)
		goto fail;
	is->deck_changed = sqlite3_total_changes64(st->db) != base;
	s = stmt(st, before == 0 ? S_CARD_INSERT : S_CARD_MERGE);
	bind_text(s, 1, d->id);
	bind_text(s, 2, inherited(d->kind));
	if (run(st, s, "saving cards") != 0)
		goto fail;
	is->changed = sqlite3_changes64(st->db) - is->added;
	if (before > 0) {
		s = stmt(st, S_CARD_RETIRE);
		bind_text(s, 1, d->id);
		if (run(st, s, "retiring cards") != 0)
			goto fail;
		is->retired = sqlite3_changes64(st->db);
	}
	s = stmt(st, S_SOURCE_SET);
	bind_text(s, 1, d->id);
	bind_text(s, 2, source);
	if (run(st, s, "saving the deck") != 0)
		goto fail;
	/* Nothing changed: roll back so the file is not even touched. */
	if (sqlite3_changes64(st->db) == 0 && !is->deck_changed &&
	    is->added == 0 && is->changed == 0 && is->retired == 0) {
		store_rollback(st);
		return 0;
	}
	if (run(st, stmt(st, S_STAGE_CLEAR), "staging cards") != 0)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return -1;
}

void
store_import_abort(struct store *st)
{
	store_rollback(st);
}

void
card_key_free(struct card_key *k)
{
	free(k->deck);
	free(k->id);
}

/* The form of a queue statement for f: plain when f filters nothing. */
static sqlite3_stmt *
filter_stmt(struct store *st, const struct queue_filter *f, enum stmt plain,
    enum stmt filtered)
{
	return stmt(st, f->decks == NULL && f->tag == NULL ? plain : filtered);
}

/* A filter left unset stays NULL, as stmt() left it: plain forms lack it. */
static void
bind_filter(sqlite3_stmt *s, const struct queue_filter *f, int64_t n)
{
	if (f->decks != NULL)
		bind_text(s, 1, f->decks);
	sqlite3_bind_int64(s, 2, n);
	if (f->tag != NULL)
		bind_text(s, 3, f->tag);
}

/* Append every (deck, id) row of s to *keys. */
static int
collect_keys(struct store *st, sqlite3_stmt *s, struct card_key **keys,
    size_t *n, size_t *cap)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 64;
			*keys = xreallocarray(*keys, *cap, sizeof **keys);
		}
		(*keys)[*n].deck = column_strdup(s, 0);
		(*keys)[*n].id = column_strdup(s, 1);
		(*n)++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		set_error(st, "reading the queue");
		return -1;
	}
	return 0;
}

size_t
store_queue_all(struct store *st, const struct queue_filter *f,
    struct card_key **keys)
{
	sqlite3_stmt *s = stmt(st, S_QUEUE_CRAM);
	size_t n = 0, cap = 0;

	*keys = NULL;
	bind_filter(s, f, 0);
	collect_keys(st, s, keys, &n, &cap);
	return n;
}

int64_t
store_due_count(struct store *st, const struct queue_filter *f,
    int64_t today, int64_t cap)
{
	sqlite3_stmt *s = f->tag != NULL ? stmt(st, S_DUE_COUNT_TAG) :
	    filter_stmt(st, f, S_DUE_COUNT_ALL, S_DUE_COUNT);

	bind_filter(s, f, today);
	sqlite3_bind_int64(s, 4, cap);
	return scalar(st, s, "counting due cards");
}

size_t
store_due_cards(struct store *st, const struct queue_filter *f,
    int64_t today, int64_t limit, struct card_key **keys)
{
	sqlite3_stmt *s = filter_stmt(st, f, S_QUEUE_DUE_ALL, S_QUEUE_DUE);
	size_t n = 0, cap = 0;

	*keys = NULL;
	bind_filter(s, f, today);
	sqlite3_bind_int64(s, 4, limit);
	collect_keys(st, s, keys, &n, &cap);
	return n;
}

size_t
store_new_cards(struct store *st, const struct queue_filter *f,
    int64_t limit, struct card_key **keys)
{
	sqlite3_stmt *s = filter_stmt(st, f, S_QUEUE_NEW_ALL, S_QUEUE_NEW);
	size_t n = 0, cap = 0;

	*keys = NULL;
	bind_filter(s, f, limit);
	collect_keys(st, s, keys, &n, &cap);
	return n;
}

int64_t
store_new_on(struct store *st, int64_t day)
{
	sqlite3_stmt *s = stmt(st, S_NEW_ON);

	sqlite3_bind_int64(s, 1, day);
	return scalar(st, s, "counting new cards");
}

int64_t
store_unseen(struct store *st, const char *decks, int64_t cap)
{
	sqlite3_stmt *s = stmt(st, decks == NULL ? S_UNSEEN_ALL : S_UNSEEN);

	if (decks != NULL)
		bind_text(s, 1, decks);
	sqlite3_bind_int64(s, 2, cap);
	return scalar(st, s, "counting unseen cards");
}

int64_t
store_next_due(struct store *st, const char *decks, int64_t today)
{
	sqlite3_stmt *s = stmt(st, decks == NULL ? S_NEXT_DUE_ALL : S_NEXT_DUE);
	int64_t day = SCHED_NEW_DUE;

	if (decks != NULL)
		bind_text(s, 1, decks);
	sqlite3_bind_int64(s, 2, today);
	if (sqlite3_step(s) == SQLITE_ROW)
		day = column_day(s, 0);
	sqlite3_reset(s);
	return day;
}

int
store_decks_exist(struct store *st, const char *decks, char **missing)
{
	sqlite3_stmt *s = stmt(st, S_DECKS_MISSING);
	int ok = 1;

	*missing = NULL;
	bind_text(s, 1, decks);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*missing = column_strdup(s, 0);
		ok = 0;
	}
	sqlite3_reset(s);
	return ok;
}

int
store_card_get(struct store *st, const char *deck, const char *id,
    struct card_view *v)
{
	sqlite3_stmt *s = stmt(st, S_CARD_GET);
	int rc;

	memset(v, 0, sizeof *v);
	bind_text(s, 1, deck);
	bind_text(s, 2, id);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return 1;
		set_error(st, "reading a card");
		return -1;
	}
	v->deck = column_strdup(s, 0);
	v->id = column_strdup(s, 1);
	v->deck_title = column_strdup(s, 2);
	v->kind = column_strdup(s, 3);
	v->front = column_strdup(s, 4);
	v->back = column_strdup(s, 5);
	v->hint = column_strdup(s, 6);
	v->example = column_strdup(s, 7);
	v->story = column_strdup(s, 8);
	v->st = sched_new();
	v->seen = sqlite3_column_int(s, 17) != 0;
	if (v->seen) {
		v->st.reps = sqlite3_column_int64(s, 9);
		v->st.interval = sqlite3_column_int64(s, 10);
		v->st.ef = sqlite3_column_double(s, 11);
		v->st.due = column_day(s, 12);
		v->st.lapses = sqlite3_column_int64(s, 13);
		v->suspended = sqlite3_column_int(s, 14) != 0;
	}
	v->last_day = column_day(s, 15);
	v->retired = sqlite3_column_int(s, 16) != 0;
	v->language = column_strdup(s, 18);
	sqlite3_reset(s);
	return 0;
}

void
card_view_free(struct card_view *v)
{
	free(v->deck);
	free(v->id);
	free(v->deck_title);
	free(v->language);
	free(v->kind);
	free(v->front);
	free(v->back);
	free(v->hint);
	free(v->example);
	free(v->story);
	memset(v, 0, sizeof *v);
}

static void
bind_state(sqlite3_stmt *s, int i, const struct sched_state *x,
    int64_t last_day)
{
	sqlite3_bind_int64(s, i, x->reps);
	sqlite3_bind_int64(s, i + 1, x->interval);
	sqlite3_bind_double(s, i + 2, x->ef);
	bind_day(s, i + 3, x->due);
	sqlite3_bind_int64(s, i + 4, x->lapses);
	bind_day(s, i + 5, last_day);
}

static int
state_put(struct store *st, const char *deck, const char *card,
    const struct sched_state *x, int64_t last_day)
{
	sqlite3_stmt *s = stmt(st, S_STATE_PUT);

	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	bind_state(s, 3, x, last_day);
	return run(st, s, "saving the schedule");
}

int
store_record(struct store *st, struct review_rec *r)
{
	sqlite3_stmt *s;

	if (strcmp(r->mode, "review") == 0 && state_put(st, r->deck, r->card,
	    &r->after, r->last_day_after) != 0)
		return -1;
	s = stmt(st, S_LOG_ADD);
	bind_text(s, 1, r->deck);
	bind_text(s, 2, r->card);
	sqlite3_bind_int64(s, 3, r->day);
	sqlite3_bind_int64(s, 4, clock_now_ms());
	sqlite3_bind_int(s, 5, r->quality);
	sqlite3_bind_int64(s, 6, r->took_ms);
	bind_text(s, 7, r->mode);
	sqlite3_bind_int(s, 8, r->fresh);
	bind_state(s, 9, &r->before, r->last_day_before);
	bind_state(s, 15, &r->after, r->last_day_after);
	if (run(st, s, "logging the review") != 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_unrecord(struct store *st, int64_t id)
{
	sqlite3_stmt *s = stmt(st, S_LOG_GET);
	struct sched_state x;
	char *deck, *card, *mode;
	bool fresh;
	int64_t last_day;
	int rc;

	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		st->failed = true;
		free(st->err);
		st->err = xstrdup("that review is no longer in the log");
		return -1;
	}
	deck = column_strdup(s, 0);
	card = column_strdup(s, 1);
	mode = column_strdup(s, 2);
	fresh = sqlite3_column_int(s, 3) != 0;
	x.reps = sqlite3_column_int64(s, 4);
	x.interval = sqlite3_column_int64(s, 5);
	x.ef = sqlite3_column_double(s, 6);
	x.due = column_day(s, 7);
	x.lapses = sqlite3_column_int64(s, 8);
	last_day = column_day(s, 9);
	sqlite3_reset(s);

	rc = 0;
	if (strcmp(mode, "review") == 0) {
		if (fresh) {
			s = stmt(st, S_STATE_DEL);
			bind_text(s, 1, deck);
			bind_text(s, 2, card);
			rc = run(st, s, "restoring the schedule");
		} else
			rc = state_put(st, deck, card, &x, last_day);
	}
	if (rc == 0) {
		s = stmt(st, S_LOG_DEL);
		sqlite3_bind_int64(s, 1, id);
		rc = run(st, s, "removing the review");
	}
	free(deck);
	free(card);
	free(mode);
	return rc;
}

/* Run a statement that returns one text; the copy belongs to the caller. */
static char *
text_of(struct store *st, sqlite3_stmt *s, const char *what)
{
	char *v = NULL;
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		v = column_strdup(s, 0);
	else if (rc != SQLITE_DONE)
		set_error(st, what);
	sqlite3_reset(s);
	return v;
}

char *
store_json_card(struct store *st, const char *deck, const char *id)
{
	sqlite3_stmt *s = stmt(st, S_JSON_CARD);

	bind_text(s, 1, deck);
	bind_text(s, 2, id);
	return text_of(st, s, "reading a card");
}

char *
store_json_cards(struct store *st, const char *deck, int64_t today)
{
	sqlite3_stmt *s = stmt(st, S_JSON_CARDS);

	bind_text(s, 1, deck);
	sqlite3_bind_int64(s, 2, today);
	return text_of(st, s, "listing cards");
}

char *
store_json_decks(struct store *st, int64_t today)
{
	sqlite3_stmt *s = stmt(st, S_JSON_DECKS);

	sqlite3_bind_int64(s, 1, today);
	return text_of(st, s, "listing decks");
}

int
store_list_decks(struct store *st, int64_t today,
    void (*fn)(void *, const struct deck_row *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_LIST_DECKS);
	struct deck_row r;
	int rc;

	sqlite3_bind_int64(s, 1, today);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = (const char *)sqlite3_column_text(s, 0);
		r.title = (const char *)sqlite3_column_text(s, 1);
		r.language = (const char *)sqlite3_column_text(s, 2);
		r.cards = sqlite3_column_int64(s, 3);
		r.due = sqlite3_column_int64(s, 4);
		r.fresh = sqlite3_column_int64(s, 5);
		fn(arg, &r);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		set_error(st, "listing decks");
		return -1;
	}
	return 0;
}

int
store_list_cards(struct store *st, const char *deck,
    void (*fn)(void *, const struct card_row *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_LIST_CARDS);
	struct card_row r;
	int rc;

	bind_text(s, 1, deck);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = (const char *)sqlite3_column_text(s, 0);
		r.kind = (const char *)sqlite3_column_text(s, 1);
		r.front = (const char *)sqlite3_column_text(s, 2);
		r.seen = sqlite3_column_int(s, 3) != 0;
		r.due = column_day(s, 4);
		r.reps = sqlite3_column_int64(s, 5);
		r.lapses = sqlite3_column_int64(s, 6);
		r.suspended = sqlite3_column_int(s, 7) != 0;
		fn(arg, &r);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		set_error(st, "listing cards");
		return -1;
	}
	return 0;
}

char *
store_meta_get(struct store *st, const char *key)
{
	sqlite3_stmt *s = stmt(st, S_META_GET);

	bind_text(s, 1, key);
	return text_of(st, s, "reading a setting");
}

int
store_meta_set(struct store *st, const char *key, const char *value)
{
	sqlite3_stmt *s = stmt(st, value != NULL ? S_META_SET : S_META_DEL);

	bind_text(s, 1, key);
	bind_text(s, 2, value);
	return run(st, s, "saving a setting");
}

int
store_window_load(struct store *st, struct sched_interview *iv)
{
	sqlite3_stmt *s = stmt(st, S_WINDOW_LOAD);
	int64_t first = iv->day - SCHED_WINDOW, day;
	int rc;

	memset(iv->load, 0, sizeof iv->load);
	sqlite3_bind_int64(s, 1, first);
	sqlite3_bind_int64(s, 2, iv->day - 1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		day = sqlite3_column_int64(s, 0);
		if (day >= first && day < iv->day)
			iv->load[day - first] = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		set_error(st, "counting due cards");
		return -1;
	}
	return 0;
}

int
store_story_set(struct store *st, const char *deck, const char *card,
    const char *text)
{
	sqlite3_stmt *s = stmt(st, text != NULL ? S_STORY_SET : S_STORY_DEL);

	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	bind_text(s, 3, text);
	sqlite3_bind_int64(s, 4, clock_now_ms());
	return run(st, s, "saving the story");
}

int
store_suspend(struct store *st, const char *deck, const char *card, bool on)
{
	sqlite3_stmt *s = stmt(st, S_SUSPEND);

	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	sqlite3_bind_int(s, 3, on);
	return run(st, s, "suspending the card");
}

int64_t
store_forget_count(struct store *st, const char *deck, const char *card)
{
	sqlite3_stmt *s = stmt(st, S_FORGET_COUNT);

	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	return scalar(st, s, "counting cards");
}

int64_t
store_forget(struct store *st, const char *deck, const char *card,
    int64_t today)
{
	sqlite3_stmt *s;
	int64_t n;

	if (store_begin(st) != 0)
		return -1;
	s = stmt(st, S_FORGET_LOG);
	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	sqlite3_bind_int64(s, 3, today);
	sqlite3_bind_int64(s, 4, clock_now_ms());
	if (run(st, s, "logging the reset") != 0)
		goto fail;
	s = stmt(st, S_FORGET);
	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	if (run(st, s, "resetting progress") != 0)
		goto fail;
	n = sqlite3_changes64(st->db);
	if (store_commit(st) != 0)
		return -1;
	return n;
fail:
	store_rollback(st);
	return -1;
}

int
store_export(struct store *st, const char *deck,
    void (*deck_fn)(void *, const struct export_deck *),
    void (*card_fn)(void *, const struct export_card *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_EXPORT_DECK);
	struct export_deck d;
	struct export_card c;
	int rc;

	bind_text(s, 1, deck);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return 1;
		set_error(st, "reading the deck");
		return -1;
	}
	d.id = (const char *)sqlite3_column_text(s, 0);
	d.title = (const char *)sqlite3_column_text(s, 1);
	d.language = (const char *)sqlite3_column_text(s, 2);
	d.kind = (const char *)sqlite3_column_text(s, 3);
	d.description = (const char *)sqlite3_column_text(s, 4);
	d.tags = (const char *)sqlite3_column_text(s, 5);
	deck_fn(arg, &d);
	sqlite3_reset(s);

	s = stmt(st, S_EXPORT_CARDS);
	bind_text(s, 1, deck);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		c.id = (const char *)sqlite3_column_text(s, 0);
		c.kind = (const char *)sqlite3_column_text(s, 1);
		c.front = (const char *)sqlite3_column_text(s, 2);
		c.back = (const char *)sqlite3_column_text(s, 3);
		c.hint = (const char *)sqlite3_column_text(s, 4);
		c.example = (const char *)sqlite3_column_text(s, 5);
		c.tags = (const char *)sqlite3_column_text(s, 6);
		c.story = (const char *)sqlite3_column_text(s, 7);
		card_fn(arg, &c);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		set_error(st, "reading cards");
		return -1;
	}
	return 0;
}

char *
store_stats_json(struct store *st, const char *decks, int64_t today,
    int64_t interview)
{
	sqlite3_stmt *s = stmt(st, S_STATS);

	bind_text(s, 1, decks);
	sqlite3_bind_int64(s, 2, today);
	bind_day(s, 3, interview);
	return text_of(st, s, "computing statistics");
}

char *
store_json_get(struct store *st, const char *json, const char *path)
{
	sqlite3_stmt *s = stmt(st, S_JSON_PATH);

	bind_text(s, 1, json);
	bind_text(s, 2, path);
	return text_of(st, s, "reading JSON");
}

int64_t
store_json_int(struct store *st, const char *json, const char *path)
{
	char *v = store_json_get(st, json, path);
	int64_t n = v != NULL ? strtoll(v, NULL, 10) : 0;

	free(v);
	return n;
}

int
store_json_each(struct store *st, const char *json, const char *path,
    const char *a, const char *b,
    void (*fn)(void *, const char *, const char *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_JSON_EACH);
	int rc;

	bind_text(s, 1, json);
	bind_text(s, 2, path);
	bind_text(s, 3, a);
	bind_text(s, 4, b);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(arg, (const char *)sqlite3_column_text(s, 0),
		    (const char *)sqlite3_column_text(s, 1));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		set_error(st, "reading JSON");
		return -1;
	}
	return 0;
}
