/* store-log.c: a card's progress: read, reviewed (and logged), undone, suspended, forgotten. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "store-int.h"
#include "xmalloc.h"

/* A schedule written over the card's, if it has one. */
#define STATE_UPSERT \
    " ON CONFLICT (deck, card) DO UPDATE SET reps = excluded.reps," \
    " interval = excluded.interval, ef = excluded.ef," \
    " due = excluded.due, lapses = excluded.lapses," \
    " last_day = excluded.last_day"
/* The review ?1, if it moved a card's schedule from none (or from one). */
#define UNDONE(fresh) \
    " FROM review WHERE id = ?1 AND mode = 'review' AND " fresh
/*
 * The cards of deck ?1 (or card ?2 of it) with progress: a schedule, or
 * only a memory, as cram leaves.
 */
#define PROGRESS \
    " (SELECT deck, card FROM state WHERE deck = ?1" \
    " AND (?2 IS NULL OR card = ?2) UNION SELECT deck, card FROM memory" \
    " WHERE deck = ?1 AND (?2 IS NULL OR card = ?2))"
/* A review's log row: the schedule before (0) and after (1) it. */
#define LOG_INSERT "INSERT INTO review (deck, card, day, at_ms, quality," \
    " took_ms, mode, fresh, reps0, interval0, ef0, due0, lapses0," \
    " last_day0, reps1, interval1, ef1, due1, lapses1, last_day1)"

static const char *const stmt_sql[S__COUNT] = {
	[S_CARD_GET] = "SELECT c.deck, c.id, d.language, c.kind, c.front,"
	    " c.back, c.hint, c.example,"
	    " (SELECT group_concat(title, char(10)) FROM (SELECT t.title"
	    "   FROM story_link l JOIN story t ON t.id = l.story"
	    "   WHERE l.deck = c.deck AND l.card = c.id ORDER BY l.rowid)),"
	    " s.reps, s.interval, s.ef, s.due, s.lapses, s.suspended,"
	    " s.last_day, c.retired, s.deck IS NOT NULL,"
	    " m.stability, m.difficulty, m.last,"
	    " coalesce(c.section, d.section)" CARD_FROM
	    " LEFT JOIN memory m ON m.deck = c.deck AND m.card = c.id"
	    " WHERE c.deck = ?1 AND c.id = ?2",
	[S_STATE_PUT] = "INSERT INTO state"
	    " (deck, card, reps, interval, ef, due, lapses, last_day)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)" STATE_UPSERT,
	[S_LOG_ADD] = LOG_INSERT " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
	[S_LOG_FIND] = "SELECT deck, card FROM review WHERE id = ?1",
	[S_UNDO_FRESH] = "DELETE FROM state WHERE (deck, card) IN"
	    " (SELECT deck, card" UNDONE("fresh") ")",
	[S_UNDO_PUT] = "INSERT INTO state"
	    " (deck, card, reps, interval, ef, due, lapses, last_day)"
	    " SELECT deck, card, reps0, interval0, ef0, due0, lapses0,"
	    " last_day0" UNDONE("NOT fresh") STATE_UPSERT,
	[S_LOG_DEL] = "DELETE FROM review WHERE id = ?1",
	[S_SUSPEND] = "INSERT INTO state"
	    " (deck, card, reps, interval, ef, due, lapses, suspended)"
	    " VALUES (?1, ?2, 0, 0, 2.5, NULL, 0, ?3)"
	    " ON CONFLICT (deck, card) DO UPDATE SET suspended = ?3",
	[S_FORGET_COUNT] = "SELECT count(*) FROM" PROGRESS,
	/* Forgetting is logged too, so the log still replays to the state. */
	[S_FORGET_LOG] = LOG_INSERT " SELECT k.deck, k.card, ?3, ?4, -1, 0,"
	    " 'forget', s.deck IS NULL, coalesce(s.reps, 0),"
	    " coalesce(s.interval, 0), coalesce(s.ef, 2.5), s.due,"
	    " coalesce(s.lapses, 0), s.last_day, 0, 0, 2.5, NULL, 0, NULL"
	    " FROM" PROGRESS " k LEFT JOIN state s ON s.deck = k.deck"
	    " AND s.card = k.card ORDER BY k.deck, k.card",
	[S_FORGET] = "DELETE FROM state"
	    " WHERE deck = ?1 AND (?2 IS NULL OR card = ?2)",
};

int
store_card_get(struct store *st, const char *deck, const char *id,
    struct card_view *v)
{
	sqlite3_stmt *s = stmt(st, S_CARD_GET, stmt_sql);
	int rc;

	memset(v, 0, sizeof *v);
	bind_text(s, 1, deck);
	bind_text(s, 2, id);
	if ((rc = step(st, s, N_("reading a card"))) <= 0)
		return rc == 0 ? 1 : -1;
	v->deck = column_strdup(s, 0);
	v->id = column_strdup(s, 1);
	v->language = column_strdup(s, 2);
	v->kind = column_strdup(s, 3);
	v->front = column_strdup(s, 4);
	v->back = column_strdup(s, 5);
	v->hint = column_strdup(s, 6);
	v->example = column_strdup(s, 7);
	v->stories = column_strdup(s, 8);
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
	v->memory = fsrs_new();
	if (sqlite3_column_type(s, 18) != SQLITE_NULL) {
		v->memory.stability = sqlite3_column_double(s, 18);
		v->memory.difficulty = sqlite3_column_double(s, 19);
		v->memory.last = sqlite3_column_int64(s, 20);
	}
	v->section = column_strdup(s, 21);
	sqlite3_reset(s);
	return 0;
}

void
card_view_free(struct card_view *v)
{
	free(v->deck);
	free(v->id);
	free(v->language);
	free(v->kind);
	free(v->front);
	free(v->back);
	free(v->hint);
	free(v->example);
	free(v->stories);
	free(v->section);
	memset(v, 0, sizeof *v);
}

int
store_record(struct store *st, struct review_rec *r)
{
	sqlite3_stmt *s;

	if (strcmp(r->mode, "review") == 0) {
		s = stmt(st, S_STATE_PUT, stmt_sql);
		bind_text(s, 1, r->deck);
		bind_text(s, 2, r->card);
		bind_state(s, 3, &r->after, r->last_day_after);
		if (run(st, s, N_("saving the schedule")) != 0)
			return -1;
	}
	s = stmt(st, S_LOG_ADD, stmt_sql);
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
	if (run(st, s, N_("logging the review")) != 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* Take review id out of the log, and the schedule back to before it. */
static int
unrecord(struct store *st, int64_t id)
{
	sqlite3_stmt *s;

	s = stmt(st, S_UNDO_FRESH, stmt_sql);
	sqlite3_bind_int64(s, 1, id);
	if (run(st, s, N_("restoring the schedule")) != 0)
		return -1;
	s = stmt(st, S_UNDO_PUT, stmt_sql);
	sqlite3_bind_int64(s, 1, id);
	if (run(st, s, N_("saving the schedule")) != 0)
		return -1;
	s = stmt(st, S_LOG_DEL, stmt_sql);
	sqlite3_bind_int64(s, 1, id);
	return run(st, s, N_("removing the review"));
}

/* The log keeps the schedule before each review: SQL copies it back. */
int
store_unrecord(struct store *st, int64_t id)
{
	sqlite3_stmt *s = stmt(st, S_LOG_FIND, stmt_sql);
	char *deck, *card;
	int rc;

	sqlite3_bind_int64(s, 1, id);
	if ((rc = step(st, s, N_("reading the review"))) <= 0) {
		if (rc == 0)
			set_error_text(st,
			    xstrdup(_("that review is no longer in the log")));
		return -1;
	}
	deck = column_strdup(s, 0);
	card = column_strdup(s, 1);
	sqlite3_reset(s);
	rc = unrecord(st, id);
	/* The card's memory, replayed from the rows that are left. */
	if (rc == 0)
		rc = store_memory_replay(st, deck, card);
	free(deck);
	free(card);
	return rc;
}


int
store_suspend(struct store *st, const char *deck, const char *card, bool on)
{
	sqlite3_stmt *s = stmt(st, S_SUSPEND, stmt_sql);

	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	sqlite3_bind_int(s, 3, on);
	return run(st, s, N_("suspending the card"));
}

int64_t
store_forget_count(struct store *st, const char *deck, const char *card)
{
	sqlite3_stmt *s = stmt(st, S_FORGET_COUNT, stmt_sql);

	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	return scalar(st, s, N_("counting cards"));
}

int64_t
store_forget(struct store *st, const char *deck, const char *card,
    int64_t today)
{
	sqlite3_stmt *s;
	int64_t n;

	if (store_begin(st) != 0)
		return -1;
	s = stmt(st, S_FORGET_LOG, stmt_sql);
	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	sqlite3_bind_int64(s, 3, today);
	sqlite3_bind_int64(s, 4, clock_now_ms());
	if (run(st, s, N_("logging the reset")) != 0)
		goto fail;
	n = sqlite3_changes64(st->db);		/* a row per card */
	s = stmt(st, S_FORGET, stmt_sql);
	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	if (run(st, s, N_("resetting progress")) != 0)
		goto fail;
	if (store_memory_forget(st, deck, card) != 0)
		goto fail;
	if (store_commit(st) != 0)
		return -1;
	return n;
fail:
	store_rollback(st);
	return -1;
}

