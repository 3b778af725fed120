/* store-schema.c: the schema, version by version, and the migrations between them. */
#include <stdlib.h>

#include <sqlite3.h>

#include "config.h"
#include "deck.h"
#include "i18n.h"
#include "store-int.h"
#include "xmalloc.h"

#define SCHEMA_VERSION 9

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

/*
 * Version 5: a deck may have an interview date of its own (a day
 * number; NULL: the default date in meta), and a deck knows whether it
 * came from the bundled set, so that switching their language never
 * touches a deck of your own; mark_bundled marks those imported before.
 */
static const char schema_v5[] =
    "ALTER TABLE deck ADD COLUMN interview INTEGER;"
    "ALTER TABLE deck ADD COLUMN bundled INTEGER NOT NULL DEFAULT 0;";

/*
 * Version 5's mark on the decks imported before.  A file of a bundled
 * deck's name is not enough: ~/prep/en/competency.yaml is the user's,
 * and a language switch would replace it.  A deck is bundled when its
 * file is the one of its id and language in a place the program reads
 * bundled decks from (deck_bundled_roots), as bundled_import named it.
 */
static int
mark_bundled(struct store *st)
{
	static const char sql[] =
	    "UPDATE deck SET bundled = 1 WHERE language IN ('en', 'nl')"
	    "  AND id IN ('closing', 'competency', 'culture-fit',"
	    "  'preparation', 'questions-to-ask', 'second-round',"
	    "  'situational')"
	    "  AND path = ?1 || '/' || language || '/' || id || '.yaml'";
	const char *roots[DECK_ROOTS];
	size_t i, n = deck_bundled_roots(roots);
	sqlite3_stmt *s;
	int rc = 0;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		set_error(st, N_("marking the bundled decks"));
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		bind_text(s, 1, roots[i]);
		rc = run(st, s, N_("marking the bundled decks"));
	}
	sqlite3_finalize(s);
	return rc;
}

/*
 * Version 6: each card's memory (FSRS-6: stability, difficulty, the day
 * of its last grade), kept apart from the schedule: cram and same-day
 * repeats move it too, and a card with a memory is not thereby seen.
 * The migration fills it by replaying the review log.
 */
static const char schema_v6[] =
    "CREATE TABLE memory ("
    "  deck TEXT NOT NULL, card TEXT NOT NULL,"
    "  stability REAL NOT NULL, difficulty REAL NOT NULL,"
    "  last INTEGER NOT NULL,"
    "  PRIMARY KEY (deck, card)) WITHOUT ROWID;";

/*
 * Version 7: the story bank.  A story is a record of its own (a title,
 * unique in any case, the id made from it, tags, the five STARR parts
 * and notes, and its own SM-2 schedule), linked to any number of cards;
 * a link names its card by deck and id, so that it can wait for a deck
 * not imported yet.  Rehearsals of stories are logged apart from cards'
 * reviews.  Each old per-card story becomes a story in the bank, linked
 * to its card, in C (store_story_migrate), which then drops story_v4.
 */
static const char schema_v7[] =
    "ALTER TABLE story RENAME TO story_v4;"
    "CREATE TABLE story ("
    "  id INTEGER PRIMARY KEY,"
    "  slug TEXT NOT NULL UNIQUE,"
    "  title TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    "  language TEXT, tags TEXT,"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  situation TEXT NOT NULL DEFAULT '', task TEXT NOT NULL DEFAULT '',"
    "  action TEXT NOT NULL DEFAULT '', result TEXT NOT NULL DEFAULT '',"
    "  reflection TEXT NOT NULL DEFAULT '',"
    "  created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,"
    "  reps INTEGER NOT NULL DEFAULT 0, interval INTEGER NOT NULL DEFAULT 0,"
    "  ef REAL NOT NULL DEFAULT 2.5, due INTEGER,"
    "  lapses INTEGER NOT NULL DEFAULT 0, last_day INTEGER);"
    "CREATE TABLE story_link ("
    "  story INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
    "  deck TEXT NOT NULL, card TEXT NOT NULL,"
    "  UNIQUE (story, deck, card));"
    "CREATE INDEX story_link_card ON story_link(deck, card);"
    "CREATE TABLE story_review ("
    "  id INTEGER PRIMARY KEY,"
    "  story INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
    "  day INTEGER NOT NULL, at_ms INTEGER NOT NULL,"
    "  quality INTEGER NOT NULL, took_ms INTEGER, mode TEXT NOT NULL,"
    "  reps0 INTEGER, interval0 INTEGER, ef0 REAL, due0 INTEGER,"
    "  lapses0 INTEGER, last_day0 INTEGER,"
    "  reps1 INTEGER, interval1 INTEGER, ef1 REAL, due1 INTEGER,"
    "  lapses1 INTEGER, last_day1 INTEGER);"
    "CREATE INDEX story_review_story ON story_review(story, day);";


/*
 * Version 8, for the mock interview: a deck and a card may name the
 * part of a mock they belong to, and a practice card may carry follow-up
 * questions (a JSON array of texts).  Every mock is kept with its answers
 * in the order asked; a grade's review is in the log (review.id), and
 * the question's text is copied so that a report reads the same after
 * the deck is edited.
 */
static const char schema_v8[] =
    "ALTER TABLE deck ADD COLUMN section TEXT;"
    "ALTER TABLE card ADD COLUMN section TEXT;"
    "ALTER TABLE card ADD COLUMN probes TEXT;"
    "CREATE TABLE mock ("
    "  id INTEGER PRIMARY KEY,"
    "  day INTEGER NOT NULL, at_ms INTEGER NOT NULL,"
    "  minutes INTEGER NOT NULL, seed INTEGER NOT NULL,"
    "  planned INTEGER NOT NULL, decks TEXT);"
    "CREATE TABLE mock_answer ("
    "  mock INTEGER NOT NULL REFERENCES mock(id) ON DELETE CASCADE,"
    "  pos INTEGER NOT NULL,"
    "  section TEXT NOT NULL, deck TEXT NOT NULL, card TEXT NOT NULL,"
    "  front TEXT NOT NULL, probe TEXT,"
    "  target INTEGER NOT NULL, took_ms INTEGER NOT NULL, probe_ms INTEGER,"
    "  grade INTEGER NOT NULL, review INTEGER,"
    "  PRIMARY KEY (mock, pos)) WITHOUT ROWID;";

/*
 * Version 9: a question left out of a mock (:skip, Ctrl-C) is kept too,
 * without a grade, and without a time when it was not answered.  SQLite
 * cannot drop a NOT NULL, so the table is made again.
 */
static const char schema_v9[] =
    "CREATE TABLE mock_answer9 ("
    "  mock INTEGER NOT NULL REFERENCES mock(id) ON DELETE CASCADE,"
    "  pos INTEGER NOT NULL,"
    "  section TEXT NOT NULL, deck TEXT NOT NULL, card TEXT NOT NULL,"
    "  front TEXT NOT NULL, probe TEXT,"
    "  target INTEGER NOT NULL, took_ms INTEGER, probe_ms INTEGER,"
    "  grade INTEGER, review INTEGER,"
    "  PRIMARY KEY (mock, pos)) WITHOUT ROWID;"
    "INSERT INTO mock_answer9 SELECT mock, pos, section, deck, card, front,"
    "  probe, target, took_ms, probe_ms, grade, review FROM mock_answer;"
    "DROP TABLE mock_answer;"
    "ALTER TABLE mock_answer9 RENAME TO mock_answer;";

static int
replay_all(struct store *st)
{
	return store_memory_replay(st, NULL, NULL);
}

/*
 * Migrations: entry i brings a database from version i to i + 1, with
 * its SQL and then, where the new data needs C, a function.
 */
static const struct {
	const char	*sql;
	int		 (*fill)(struct store *);
} migrations[] = {
	{ schema_v1, NULL },
	{ schema_v2, NULL },
	{ schema_v3, NULL },
	{ schema_v4, NULL },
	{ schema_v5, mark_bundled },
	{ schema_v6, replay_all },
	{ schema_v7, store_story_migrate },
	{ schema_v8, NULL },
	{ schema_v9, NULL },
};

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

/*
 * Before anything writes (even switching to WAL rewrites the header),
 * and again once migrate holds the lock: refuse a file from a newer
 * rehearse or another program's database, so that it is left exactly as
 * it was.  Returns the schema version.
 */
int64_t
check_file(struct store *st)
{
	int64_t v = query_int(st, "PRAGMA user_version"), n;

	if (v < 0)
		return -1;
	if (v > SCHEMA_VERSION) {
		set_error_text(st, xasprintf(_("%s: database schema version "
		    "%lld is newer than this program understands (%d): "
		    "upgrade rehearse"), st->path, (long long)v,
		    SCHEMA_VERSION));
		return -1;
	}
	if (v == 0 &&
	    (n = query_int(st, "SELECT count(*) FROM sqlite_master")) != 0) {
		if (n < 0)
			return -1;
		set_error_text(st, xasprintf(_("%s: not a rehearse database "
		    "(an SQLite database of another program)"), st->path));
		return -1;
	}
	return v;
}

/* Bring the schema up to date from version v in one transaction. */
int
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
	if ((v = check_file(st)) < 0) {
		/* A no-op when check_file said why. */
		set_error(st, N_("cannot read the schema version"));
		goto fail;
	}
	for (; v < SCHEMA_VERSION; v++) {
		if (exec(st, migrations[v].sql) != 0 ||
		    (migrations[v].fill != NULL && migrations[v].fill(st) != 0))
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

