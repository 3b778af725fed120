/* store-memory.c: each card's memory model (FSRS-6), kept in step with the review log. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "config.h"
#include "fsrs.h"
#include "i18n.h"
#include "store-int.h"

static const char *const stmt_sql[S__COUNT] = {
	[S_MEMORY_PUT] = "INSERT INTO memory (deck, card, stability,"
	    " difficulty, last) VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT (deck, card) DO UPDATE SET"
	    " stability = excluded.stability,"
	    " difficulty = excluded.difficulty, last = excluded.last",
	/* ?1 NULL: every card; ?2 NULL: every card of deck ?1. */
	[S_MEMORY_DEL] = "DELETE FROM memory WHERE (?1 IS NULL OR deck = ?1)"
	    " AND (?2 IS NULL OR card = ?2)",
	/*
	 * The rows that move a card's memory, each card's in row order:
	 * every grade (a story's reviews are not card rows), and forget.
	 */
	[S_MEMORY_LOG] = "SELECT deck, card, day, quality, mode, id FROM review"
	    " WHERE (?1 IS NULL OR deck = ?1) AND (?2 IS NULL OR card = ?2)"
	    " ORDER BY deck, card, id",
};

int
store_memory_put(struct store *st, const char *deck, const char *card,
    const struct fsrs_state *m)
{
	sqlite3_stmt *s;

	if (fsrs_is_new(m)) {
		s = stmt(st, S_MEMORY_DEL, stmt_sql);
		bind_text(s, 1, deck);
		bind_text(s, 2, card);
		return run(st, s, N_("saving the card's memory"));
	}
	s = stmt(st, S_MEMORY_PUT, stmt_sql);
	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	sqlite3_bind_double(s, 3, m->stability);
	sqlite3_bind_double(s, 4, m->difficulty);
	sqlite3_bind_int64(s, 5, m->last);
	return run(st, s, N_("saving the card's memory"));
}

/* Whether two rows' (deck, card) are the same card. */
static bool
same_card(const char *deck, const char *card, sqlite3_stmt *s)
{
	return deck != NULL &&
	    strcmp(deck, (const char *)sqlite3_column_text(s, 0)) == 0 &&
	    strcmp(card, (const char *)sqlite3_column_text(s, 1)) == 0;
}

/*
 * The rows of one card come together in the log's order; its memory is
 * saved once its last row has been folded in.  What is replayed is
 * cleared first, so a card left with no rows has no memory.
 */
int
store_memory_replay(struct store *st, const char *deck, const char *card)
{
	sqlite3_stmt *s;
	struct fsrs_state m = fsrs_new();
	char *d = NULL, *c = NULL;
	const char *mode;
	int rc, q;

	if (store_memory_forget(st, deck, card) != 0)
		return -1;
	s = stmt(st, S_MEMORY_LOG, stmt_sql);
	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	while ((rc = step(st, s, N_("reading the review log"))) > 0) {
		if (!same_card(d, c, s)) {
			if (d != NULL && store_memory_put(st, d, c, &m) != 0)
				break;
			free(d);
			free(c);
			d = column_strdup(s, 0);
			c = column_strdup(s, 1);
			m = fsrs_new();
		}
		mode = (const char *)sqlite3_column_text(s, 4);
		q = sqlite3_column_int(s, 3);
		if (strcmp(mode, "forget") == 0) {
			m = fsrs_new();
			continue;
		}
		if (q < 0 || q > 5) {
			/* TRANSLATORS: the database, the review's row id. */
			set_error_text(st, xasprintf(_("%s: review %lld of the "
			    "log holds a grade of %d for %s/%s (grades are 0 "
			    "to 5)"), st->path,
			    (long long)sqlite3_column_int64(s, 5), q, d, c));
			break;
		}
		m = fsrs_review(&m, q, sqlite3_column_int64(s, 2));
	}
	if (rc > 0)
		sqlite3_reset(s);
	else if (rc == 0 && d != NULL)
		store_memory_put(st, d, c, &m);
	free(d);
	free(c);
	return store_failed(st) ? -1 : 0;
}

int
store_memory_forget(struct store *st, const char *deck, const char *card)
{
	sqlite3_stmt *s = stmt(st, S_MEMORY_DEL, stmt_sql);

	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	return run(st, s, N_("saving the card's memory"));
}
