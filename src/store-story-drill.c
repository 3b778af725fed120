/* store-story-drill.c: which stories are due, and each rehearsal logged (or undone) apart from cards' reviews. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "store-int.h"
#include "store-story.h"
#include "xmalloc.h"

/*
 * Stories linked to a card of the decks ?1 (JSON array; NULL: all) and
 * tagged ?2 (NULL: any).
 */
#define CHOSEN \
    " (?1 IS NULL OR EXISTS (SELECT 1 FROM story_link l" \
    "  WHERE l.story = s.id AND" IN_DECKS_OF("l.deck") "))" \
    " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(s.tags)" \
    "  WHERE value = ?2))"
/* A rehearsal's log row: the schedule before (0) and after (1) it. */
#define REHEARSAL_INSERT "INSERT INTO story_review (story, day, at_ms," \
    " quality, took_ms, mode, reps0, interval0, ef0, due0, lapses0," \
    " last_day0, reps1, interval1, ef1, due1, lapses1, last_day1)" \
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14," \
    " ?15, ?16, ?17, ?18)"

static const char *const stmt_sql[S__COUNT] = {
	/* ?3 today, ?4 how many at most (-1: all). */
	[S_STORY_QUEUE_DUE] = "SELECT s.id FROM story s"
	    " WHERE s.due IS NOT NULL AND s.due <= ?3 AND" CHOSEN
	    " ORDER BY s.due, s.title LIMIT ?4",
	[S_STORY_QUEUE_NEW] = "SELECT s.id FROM story s"
	    " WHERE s.due IS NULL AND" CHOSEN
	    " ORDER BY s.created_ms, s.id LIMIT ?4",
	[S_STORY_QUEUE_ALL] = "SELECT s.id FROM story s WHERE" CHOSEN
	    " ORDER BY s.title, s.id LIMIT ?4",
	[S_STORY_NEW_ON] = "SELECT count(*) FROM story_review"
	    " WHERE day = ?1 AND mode = 'review' AND due0 IS NULL",
	[S_STORY_NEXT_DUE] = "SELECT min(due) FROM story WHERE due > ?1",
	[S_STORY_STATE_PUT] = "UPDATE story SET reps = ?2, interval = ?3,"
	    " ef = ?4, due = ?5, lapses = ?6, last_day = ?7 WHERE id = ?1",
	[S_STORY_LOG_ADD] = REHEARSAL_INSERT,
	[S_STORY_UNDO] = "UPDATE story SET (reps, interval, ef, due, lapses,"
	    " last_day) = (SELECT reps0, interval0, ef0, due0, lapses0,"
	    " last_day0 FROM story_review r WHERE r.id = ?1)"
	    " WHERE id = (SELECT story FROM story_review"
	    "  WHERE id = ?1 AND mode = 'review')",
	[S_STORY_LOG_DEL] = "DELETE FROM story_review WHERE id = ?1",
};

size_t
store_story_queue(struct store *st, const struct story_filter *f,
    enum story_queue which, int64_t limit, int64_t **ids)
{
	static const enum stmt stmts[] = { S_STORY_QUEUE_DUE,
	    S_STORY_QUEUE_NEW, S_STORY_QUEUE_ALL };
	sqlite3_stmt *s = stmt(st, stmts[which], stmt_sql);
	size_t n = 0;
	int rc;

	bind_text(s, 1, f->decks);
	bind_text(s, 2, f->tag);
	sqlite3_bind_int64(s, 3, f->today);
	sqlite3_bind_int64(s, 4, limit);
	*ids = NULL;
	while ((rc = step(st, s, N_("reading the story bank"))) > 0) {
		*ids = xreallocarray(*ids, n + 1, sizeof **ids);
		(*ids)[n++] = sqlite3_column_int64(s, 0);
	}
	if (rc < 0) {
		free(*ids);
		*ids = NULL;
		n = 0;
	}
	return n;
}

int64_t
store_story_new_on(struct store *st, int64_t day)
{
	sqlite3_stmt *s = stmt(st, S_STORY_NEW_ON, stmt_sql);

	sqlite3_bind_int64(s, 1, day);
	return scalar(st, s, N_("reading the story bank"));
}

int64_t
store_story_next_due(struct store *st, int64_t today)
{
	sqlite3_stmt *s = stmt(st, S_STORY_NEXT_DUE, stmt_sql);
	int64_t day = SCHED_NEW_DUE;

	sqlite3_bind_int64(s, 1, today);
	if (step(st, s, N_("reading the story bank")) > 0) {
		day = column_day(s, 0);
		sqlite3_reset(s);
	}
	return day;
}

int
store_story_record(struct store *st, struct story_rehearsal *r)
{
	sqlite3_stmt *s;

	if (strcmp(r->mode, "review") == 0) {
		s = stmt(st, S_STORY_STATE_PUT, stmt_sql);
		sqlite3_bind_int64(s, 1, r->story);
		bind_state(s, 2, &r->after, r->last_day_after);
		if (run(st, s, N_("saving the schedule")) != 0)
			return -1;
	}
	s = stmt(st, S_STORY_LOG_ADD, stmt_sql);
	sqlite3_bind_int64(s, 1, r->story);
	sqlite3_bind_int64(s, 2, r->day);
	sqlite3_bind_int64(s, 3, clock_now_ms());
	sqlite3_bind_int(s, 4, r->quality);
	sqlite3_bind_int64(s, 5, r->took_ms);
	bind_text(s, 6, r->mode);
	bind_state(s, 7, &r->before, r->last_day_before);
	bind_state(s, 13, &r->after, r->last_day_after);
	if (run(st, s, N_("logging the review")) != 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_story_unrecord(struct store *st, int64_t id)
{
	sqlite3_stmt *s = stmt(st, S_STORY_UNDO, stmt_sql);

	sqlite3_bind_int64(s, 1, id);
	if (run(st, s, N_("restoring the schedule")) != 0)
		return -1;
	s = stmt(st, S_STORY_LOG_DEL, stmt_sql);
	sqlite3_bind_int64(s, 1, id);
	if (run(st, s, N_("removing the review")) != 0)
		return -1;
	if (sqlite3_changes(st->db) == 0) {
		set_error_text(st, xstrdup(_("that review is no longer in the "
		    "log")));
		return -1;
	}
	return 0;
}
