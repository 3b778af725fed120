/* store-meta.c: settings kept beside the decks, and the interview dates. */
#include <stdlib.h>

#include <sqlite3.h>

#include "config.h"
#include "i18n.h"
#include "store-int.h"
#include "xmalloc.h"

static const char *const stmt_sql[S__COUNT] = {
	[S_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[S_META_SET] = "INSERT INTO meta (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[S_META_DEL] = "DELETE FROM meta WHERE key = ?1",
	/* ?2: the default interview day, or NULL. */
	[S_DECK_INTERVIEW] = "SELECT coalesce(interview, ?2) FROM deck"
	    " WHERE id = ?1",
	[S_INTERVIEW_SET] = "UPDATE deck SET interview = ?2"
	    " WHERE" DECK_IN_DECKS("id"),
	[S_INTERVIEW_NEXT] = "SELECT min(coalesce(d.interview, ?2)) FROM deck d"
	    " WHERE" DECK_IN_DECKS("d.id")
	    " AND coalesce(d.interview, ?2) >= ?3",
	[S_INTERVIEWS] = "SELECT day, json_group_array(id) FROM"
	    " (SELECT coalesce(interview, ?1) AS day, id FROM deck"
	    "  ORDER BY seq) WHERE day IS NOT NULL GROUP BY day ORDER BY day",
	/*
	 * The live cards of decks ?1 that work towards day ?3 (?2: the
	 * default date), due on it or later though less sure than ?5 to be
	 * recalled on it: due on day ?4 instead.
	 */
	[S_INTERVIEW_PLAN] = "UPDATE state AS s SET due = ?4,"
	    " interval = coalesce(?4 - s.last_day, s.interval)"
	    " WHERE" DUE_LIVE " AND s.due >= ?3"
	    " AND s.deck IN (SELECT d.id FROM deck d WHERE" DECK_IN_DECKS("d.id")
	    "  AND coalesce(d.interview, ?2) = ?3)"
	    " AND NOT EXISTS (SELECT 1 FROM memory m WHERE m.deck = s.deck"
	    "  AND m.card = s.card AND rehearse_recall(m.stability, m.last, ?3)"
	    "  >= ?5)",
};

char *
store_meta_get(struct store *st, const char *key)
{
	sqlite3_stmt *s = stmt(st, S_META_GET, stmt_sql);

	bind_text(s, 1, key);
	return text_of(st, s, N_("reading a setting"));
}

int
store_meta_set(struct store *st, const char *key, const char *value)
{
	sqlite3_stmt *s = stmt(st, value != NULL ? S_META_SET : S_META_DEL,
	    stmt_sql);

	bind_text(s, 1, key);
	bind_text(s, 2, value);
	return run(st, s, N_("saving a setting"));
}

int64_t
store_deck_interview(struct store *st, const char *deck, int64_t deflt)
{
	sqlite3_stmt *s = stmt(st, S_DECK_INTERVIEW, stmt_sql);
	int64_t day = SCHED_NEW_DUE;

	bind_text(s, 1, deck);
	bind_day(s, 2, deflt);
	if (step(st, s, N_("reading the interview date")) > 0 &&
	    sqlite3_column_type(s, 0) != SQLITE_NULL)
		day = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return day;
}

int64_t
store_interview_next(struct store *st, const char *decks, int64_t deflt,
    int64_t today)
{
	sqlite3_stmt *s = stmt(st, S_INTERVIEW_NEXT, stmt_sql);
	int64_t day = SCHED_NEW_DUE;

	bind_text(s, 1, decks);
	bind_day(s, 2, deflt);
	sqlite3_bind_int64(s, 3, today);
	if (step(st, s, N_("reading the interview date")) > 0 &&
	    sqlite3_column_type(s, 0) != SQLITE_NULL)
		day = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return day;
}

int
store_interview_set(struct store *st, const char *decks, int64_t day)
{
	sqlite3_stmt *s = stmt(st, S_INTERVIEW_SET, stmt_sql);

	bind_text(s, 1, decks);
	bind_day(s, 2, day);
	return run(st, s, N_("saving the interview date"));
}

int64_t
store_interview_plan(struct store *st, const char *decks, int64_t deflt,
    int64_t day, int64_t eve)
{
	sqlite3_stmt *s = stmt(st, S_INTERVIEW_PLAN, stmt_sql);

	bind_text(s, 1, decks);
	bind_day(s, 2, deflt);
	sqlite3_bind_int64(s, 3, day);
	sqlite3_bind_int64(s, 4, eve);
	sqlite3_bind_double(s, 5, SCHED_SAFE_RECALL);
	if (run(st, s, N_("planning reviews for the interview")) != 0)
		return -1;
	return sqlite3_changes64(st->db);
}

size_t
store_interviews(struct store *st, int64_t deflt, struct interview_row **rows)
{
	sqlite3_stmt *s = stmt(st, S_INTERVIEWS, stmt_sql);
	size_t n = 0;
	int rc;

	*rows = NULL;
	bind_day(s, 1, deflt);
	while ((rc = step(st, s, N_("reading the interview dates"))) > 0) {
		*rows = xreallocarray(*rows, n + 1, sizeof **rows);
		(*rows)[n].day = sqlite3_column_int64(s, 0);
		(*rows)[n].decks = column_strdup(s, 1);
		n++;
	}
	if (rc < 0) {
		interview_rows_free(*rows, n);
		*rows = NULL;
		n = 0;
	}
	return n;
}

void
interview_rows_free(struct interview_row *rows, size_t n)
{
	while (n > 0)
		free(rows[--n].decks);
	free(rows);
}

