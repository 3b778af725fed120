/* store-queue.c: what a drill reads to choose its cards: the queues and counts. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store-int.h"
#include "xmalloc.h"

/* Not retired, not suspended. */
#define ACTIVE " c.retired = 0 AND coalesce(s.suspended, 0) = 0"
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

static const char *const stmt_sql[S__COUNT] = {
	[S_DECK_COUNT] = "SELECT count(*) FROM deck",
	[S_DECKS_MISSING] = "SELECT value FROM json_each(?1)"
	    " WHERE value NOT IN (SELECT id FROM deck) LIMIT 1",
	[S_QUEUE_CRAM] = "SELECT c.deck, c.id" CARD_FROM
	    " WHERE" ACTIVE " AND" IN_DECKS " AND" TAGGED
	    " AND ?2 = ?2 ORDER BY d.seq, c.pos",
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
	[S_NEW_ON] = "SELECT count(*) FROM review"
	    " WHERE day = ?1 AND mode = 'review' AND due0 IS NULL",
	[S_UNSEEN] = UNSEEN(" AND" IN_DECKS),
	[S_UNSEEN_ALL] = UNSEEN(""),
	[S_NEXT_DUE] = NEXT_DUE(" AND" STATE_IN_DECKS),
	[S_NEXT_DUE_ALL] = NEXT_DUE(""),
	[S_WINDOW_LOAD] = "SELECT s.due, count(*) FROM state s"
	    " WHERE" DUE_LIVE " AND s.due BETWEEN ?1 AND ?2 GROUP BY s.due",
};

int64_t
store_deck_count(struct store *st)
{
	return scalar(st, stmt(st, S_DECK_COUNT, stmt_sql), "counting decks");
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
	return stmt(st, f->decks == NULL && f->tag == NULL ? plain : filtered,
	    stmt_sql);
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

/*
 * Every (deck, id) row of s, in *keys; how many.  A read that fails
 * gives none (and leaves the store failed), never a queue cut short.
 */
static size_t
read_keys(struct store *st, sqlite3_stmt *s, struct card_key **keys)
{
	size_t n = 0, cap = 0;
	int rc;

	*keys = NULL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			*keys = xreallocarray(*keys, cap, sizeof **keys);
		}
		(*keys)[n].deck = column_strdup(s, 0);
		(*keys)[n].id = column_strdup(s, 1);
		n++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		set_error(st, "reading the queue");
		while (n > 0)
			card_key_free(&(*keys)[--n]);
		free(*keys);
		*keys = NULL;
	}
	return n;
}

size_t
store_queue_all(struct store *st, const struct queue_filter *f,
    struct card_key **keys)
{
	sqlite3_stmt *s = stmt(st, S_QUEUE_CRAM, stmt_sql);

	bind_filter(s, f, 0);
	return read_keys(st, s, keys);
}

int64_t
store_due_count(struct store *st, const struct queue_filter *f,
    int64_t today, int64_t cap)
{
	sqlite3_stmt *s = f->tag != NULL ?
	    stmt(st, S_DUE_COUNT_TAG, stmt_sql) :
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

	bind_filter(s, f, today);
	sqlite3_bind_int64(s, 4, limit);
	return read_keys(st, s, keys);
}

size_t
store_new_cards(struct store *st, const struct queue_filter *f,
    int64_t limit, struct card_key **keys)
{
	sqlite3_stmt *s = filter_stmt(st, f, S_QUEUE_NEW_ALL, S_QUEUE_NEW);

	bind_filter(s, f, limit);
	return read_keys(st, s, keys);
}

int64_t
store_new_on(struct store *st, int64_t day)
{
	sqlite3_stmt *s = stmt(st, S_NEW_ON, stmt_sql);

	sqlite3_bind_int64(s, 1, day);
	return scalar(st, s, "counting new cards");
}

int64_t
store_unseen(struct store *st, const char *decks, int64_t cap)
{
	sqlite3_stmt *s = stmt(st, decks == NULL ? S_UNSEEN_ALL : S_UNSEEN, stmt_sql);

	if (decks != NULL)
		bind_text(s, 1, decks);
	sqlite3_bind_int64(s, 2, cap);
	return scalar(st, s, "counting unseen cards");
}

int64_t
store_next_due(struct store *st, const char *decks, int64_t today)
{
	sqlite3_stmt *s = stmt(st, decks == NULL ? S_NEXT_DUE_ALL : S_NEXT_DUE, stmt_sql);
	int64_t day = SCHED_NEW_DUE;
	int rc;

	if (decks != NULL)
		bind_text(s, 1, decks);
	sqlite3_bind_int64(s, 2, today);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		day = column_day(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		set_error(st, "finding the next due day");
	return day;
}

int
store_decks_exist(struct store *st, const char *decks, char **missing)
{
	sqlite3_stmt *s = stmt(st, S_DECKS_MISSING, stmt_sql);
	int rc, ok = 1;

	*missing = NULL;
	bind_text(s, 1, decks);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*missing = column_strdup(s, 0);
		ok = 0;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		set_error(st, "looking up decks");
		ok = -1;
	}
	return ok;
}

int
store_window_load(struct store *st, struct sched_interview *iv)
{
	sqlite3_stmt *s = stmt(st, S_WINDOW_LOAD, stmt_sql);
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
