/* store-queue.c: what a drill reads to choose its cards: the queues and counts. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "config.h"
#include "i18n.h"
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
 * The queues and the due count share their parameters: ?1 the decks,
 * ?2 today, ?3 the tag, ?4 how many at most (-1: all).  A drill's
 * filters, decks and tag, are in its statements even when unset.  Their
 * json_each() subqueries are the costliest part of preparing them, but
 * a second, unfiltered form of each statement showed a drill's first
 * card only 0.57 million instructions (0.1 to 0.3 ms) sooner: nobody
 * can feel that, so there is one form of each.
 */
static const char *const stmt_sql[S__COUNT] = {
	[S_DECK_COUNT] = "SELECT count(*) FROM deck",
	[S_DECKS_MISSING] = "SELECT value FROM json_each(?1)"
	    " WHERE value NOT IN (SELECT id FROM deck) LIMIT 1",
	[S_TAG_USED] = "SELECT EXISTS (SELECT 1" CARD_FROM
	    " WHERE c.retired = 0 AND" IN_DECKS " AND ?3 IS NOT NULL AND"
	    TAGGED ")",
	[S_QUEUE_CRAM] = "SELECT c.deck, c.id" CARD_FROM
	    " WHERE" ACTIVE " AND" IN_DECKS " AND" TAGGED
	    " ORDER BY d.seq, c.pos LIMIT ?4",
	[S_QUEUE_DUE] = "SELECT c.deck, c.id FROM state s"
	    " JOIN card c ON c.deck = s.deck AND c.id = s.card"
	    " JOIN deck d ON d.id = c.deck"
	    " WHERE" DUE_LIVE " AND s.due <= ?2 AND" STATE_IN_DECKS
	    " AND" TAGGED " ORDER BY s.due, d.seq, c.pos LIMIT ?4",
	/* Under a daily budget: the least likely recalled on day ?5 first. */
	[S_QUEUE_RISK] = "SELECT c.deck, c.id FROM state s"
	    " JOIN card c ON c.deck = s.deck AND c.id = s.card"
	    " JOIN deck d ON d.id = c.deck"
	    " LEFT JOIN memory m ON m.deck = c.deck AND m.card = c.id"
	    " WHERE" DUE_LIVE " AND s.due <= ?2 AND" STATE_IN_DECKS
	    " AND" TAGGED " ORDER BY rehearse_recall(m.stability, m.last, ?5),"
	    " s.due, d.seq, c.pos LIMIT ?4",
	[S_REVIEWED_ON] = "SELECT count(*) FROM review"
	    " WHERE day = ?1 AND mode = 'review'",
	/*
	 * Counted from the index state_due alone, unless a tag asks for
	 * the cards' and decks' own rows.
	 */
	[S_DUE_COUNT] = "SELECT count(*) FROM (SELECT 1 FROM state s"
	    " WHERE" DUE_LIVE " AND s.due <= ?2 AND" STATE_IN_DECKS
	    " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM card c"
	    "  JOIN deck d ON d.id = c.deck"
	    "  WHERE c.deck = s.deck AND c.id = s.card AND" TAGGED "))"
	    " LIMIT ?4)",
	/* CROSS JOIN: deck by deck in order, so LIMIT stops early. */
	[S_QUEUE_NEW] = "SELECT c.deck, c.id FROM deck d"
	    " CROSS JOIN card c ON c.deck = d.id"
	    " WHERE c.retired = 0 AND c.fresh = 1 AND" IN_DECKS " AND" TAGGED
	    " ORDER BY d.seq, c.pos LIMIT ?4",
	/* The decks a drill takes new cards from, in deck order. */
	[S_NEW_DECKS] = "SELECT d.id FROM deck d WHERE" DECK_IN_DECKS("d.id")
	    " ORDER BY d.seq",
	[S_NEW_ON] = "SELECT count(*) FROM review"
	    " WHERE day = ?2 AND mode = 'review' AND due0 IS NULL AND"
	    DECK_IN_DECKS("deck"),
	[S_UNSEEN] = "SELECT count(*) FROM (SELECT 1 FROM deck d"
	    " CROSS JOIN card c ON c.deck = d.id"
	    " WHERE c.retired = 0 AND c.fresh = 1 AND" IN_DECKS " LIMIT ?2)",
	[S_DECKS_AMONG] = "SELECT json_group_array(value) FROM json_each(?1)"
	    " WHERE ?2 IS NULL OR instr(?2, '\"' || value || '\"') > 0",
	[S_NEXT_DUE] = "SELECT min(s.due) FROM state s"
	    " WHERE" DUE_LIVE " AND s.due > ?2 AND" STATE_IN_DECKS,
};

int64_t
store_deck_count(struct store *st)
{
	return scalar(st, stmt(st, S_DECK_COUNT, stmt_sql),
	    N_("counting decks"));
}

int
store_tag_used(struct store *st, const char *decks, const char *tag)
{
	sqlite3_stmt *s = stmt(st, S_TAG_USED, stmt_sql);

	bind_text(s, 1, decks);
	bind_text(s, 3, tag);
	return (int)scalar(st, s, N_("reading the queue"));
}

int
store_decks_exist(struct store *st, const char *decks, char **missing)
{
	sqlite3_stmt *s = stmt(st, S_DECKS_MISSING, stmt_sql);
	int rc;

	*missing = NULL;
	bind_text(s, 1, decks);
	if ((rc = step(st, s, N_("looking up decks"))) <= 0)
		return rc < 0 ? -1 : 1;
	*missing = column_strdup(s, 0);
	sqlite3_reset(s);
	return 0;
}

void
card_key_free(struct card_key *k)
{
	free(k->deck);
	free(k->id);
}

/* Statement which, its parameters bound as the comment above says. */
static sqlite3_stmt *
queue_stmt(struct store *st, enum stmt which, const struct queue_filter *f,
    int64_t today, int64_t limit)
{
	sqlite3_stmt *s = stmt(st, which, stmt_sql);

	bind_text(s, 1, f->decks);
	sqlite3_bind_int64(s, 2, today);
	bind_text(s, 3, f->tag);
	sqlite3_bind_int64(s, 4, limit);
	if (which == S_QUEUE_RISK)
		sqlite3_bind_int64(s, 5, f->risk_day);
	return s;
}

/*
 * Every (deck, id) row of the queue which, in *keys; how many.  A read
 * that fails gives none (and leaves the store failed), never a queue
 * cut short.
 */
static size_t
read_keys(struct store *st, enum stmt which, const struct queue_filter *f,
    int64_t today, int64_t limit, struct card_key **keys)
{
	sqlite3_stmt *s = queue_stmt(st, which, f, today, limit);
	size_t n = 0, cap = 0;
	int rc;

	*keys = NULL;
	while ((rc = step(st, s, N_("reading the queue"))) > 0) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			*keys = xreallocarray(*keys, cap, sizeof **keys);
		}
		(*keys)[n].deck = column_strdup(s, 0);
		(*keys)[n].id = column_strdup(s, 1);
		n++;
	}
	if (rc < 0) {
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
	return read_keys(st, S_QUEUE_CRAM, f, 0, -1, keys);
}

int64_t
store_due_count(struct store *st, const struct queue_filter *f,
    int64_t today, int64_t cap)
{
	return scalar(st, queue_stmt(st, S_DUE_COUNT, f, today, cap),
	    N_("counting due cards"));
}

size_t
store_due_cards(struct store *st, const struct queue_filter *f,
    int64_t today, int64_t limit, struct card_key **keys)
{
	return read_keys(st, f->risk_day != SCHED_NEW_DUE ? S_QUEUE_RISK :
	    S_QUEUE_DUE, f, today, limit, keys);
}

/* The ids of the decks new cards come from, in deck order. */
static size_t
new_decks(struct store *st, const struct queue_filter *f, char ***ids)
{
	sqlite3_stmt *s = stmt(st, S_NEW_DECKS, stmt_sql);
	size_t n = 0;

	*ids = NULL;
	bind_text(s, 1, f->decks);
	while (step(st, s, N_("reading the queue")) > 0) {
		*ids = xreallocarray(*ids, n + 1, sizeof **ids);
		(*ids)[n++] = column_strdup(s, 0);
	}
	return n;
}

/*
 * Up to limit new cards of each deck, then taken a card of each deck
 * at a time: a deck's own query stops at limit on the index, however
 * many cards it has.
 */
static size_t
new_round_robin(struct store *st, const struct queue_filter *f,
    int64_t limit, struct card_key **keys)
{
	struct queue_filter one = *f;
	struct card_key **per;
	size_t *nper, i, round, n = 0, ndecks, total = 0;
	char **ids, *json;
	bool more = true;

	ndecks = new_decks(st, f, &ids);
	per = xcalloc(ndecks + 1, sizeof *per);
	nper = xcalloc(ndecks + 1, sizeof *nper);
	for (i = 0; i < ndecks && !store_failed(st); i++) {
		/* Deck ids are plain words: no JSON escaping needed. */
		one.decks = json = xasprintf("[\"%s\"]", ids[i]);
		nper[i] = read_keys(st, S_QUEUE_NEW, &one, 0, limit, &per[i]);
		total += nper[i];
		free(json);
	}
	*keys = xreallocarray(NULL, total + 1, sizeof **keys);
	for (round = 0; more && !store_failed(st); round++) {
		more = false;
		for (i = 0; i < ndecks && n < (size_t)limit; i++) {
			if (round >= nper[i])
				continue;
			(*keys)[n++] = per[i][round];
			per[i][round].deck = per[i][round].id = NULL;
			more = true;
		}
	}
	for (i = 0; i < ndecks; i++) {
		while (nper[i] > 0)
			card_key_free(&per[i][--nper[i]]);
		free(per[i]);
		free(ids[i]);
	}
	free(per);
	free(nper);
	free(ids);
	if (store_failed(st)) {
		while (n > 0)
			card_key_free(&(*keys)[--n]);
	}
	return n;
}

size_t
store_new_cards(struct store *st, const struct queue_filter *f,
    int64_t limit, bool in_order, struct card_key **keys)
{
	if (!in_order)
		return new_round_robin(st, f, limit, keys);
	return read_keys(st, S_QUEUE_NEW, f, 0, limit, keys);
}

int64_t
store_new_on(struct store *st, int64_t day, const char *decks)
{
	sqlite3_stmt *s = stmt(st, S_NEW_ON, stmt_sql);

	bind_text(s, 1, decks);
	sqlite3_bind_int64(s, 2, day);
	return scalar(st, s, N_("counting new cards"));
}

int64_t
store_unseen(struct store *st, const char *decks, int64_t cap)
{
	sqlite3_stmt *s = stmt(st, S_UNSEEN, stmt_sql);

	bind_text(s, 1, decks);
	sqlite3_bind_int64(s, 2, cap);
	return scalar(st, s, N_("counting unseen cards"));
}

char *
store_decks_among(struct store *st, const char *decks, const char *among)
{
	sqlite3_stmt *s = stmt(st, S_DECKS_AMONG, stmt_sql);

	bind_text(s, 1, decks);
	bind_text(s, 2, among);
	return text_of(st, s, N_("choosing decks"));
}

int64_t
store_next_due(struct store *st, const char *decks, int64_t today)
{
	sqlite3_stmt *s = stmt(st, S_NEXT_DUE, stmt_sql);
	int64_t day = SCHED_NEW_DUE;

	bind_text(s, 1, decks);
	sqlite3_bind_int64(s, 2, today);
	if (step(st, s, N_("finding the next due day")) > 0) {
		day = column_day(s, 0);
		sqlite3_reset(s);
	}
	return day;
}

int64_t
store_reviewed_on(struct store *st, int64_t day)
{
	sqlite3_stmt *s = stmt(st, S_REVIEWED_ON, stmt_sql);

	sqlite3_bind_int64(s, 1, day);
	return scalar(st, s, N_("counting reviews"));
}
