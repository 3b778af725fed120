/* store-int.h: what only the store*.c files share: the handle, the statements, helpers. */
#ifndef REHEARSE_STORE_INT_H
#define REHEARSE_STORE_INT_H

#include <stdint.h>

#include <sqlite3.h>

#include "store.h"
#include "xmalloc.h"

/*
 * Every statement the store prepares, grouped by the file that holds
 * its SQL (each file has a table of its own, indexed by these names).
 * The names are global so that one cache in struct store holds them all.
 */
enum stmt {
	/* store.c */
	S_BEGIN,
	S_READ,
	S_COMMIT,
	S_ROLLBACK,
	/* store-import.c */
	S_SOURCE_FIND,
	S_SOURCE_SET,
	S_BUNDLED_OTHER,
	S_DECK_OWN,
	S_STAGE_CLEAR,
	S_STAGE_ADD,
	S_STAGE_LINE,
	S_STAGE_DERIVED,
	S_DECK_CARDS,
	S_COUNT_ADDED,
	S_DECK_UPSERT,
	S_CARD_INSERT,
	S_CARD_MERGE,
	S_CARD_RETIRE,
	/* store-queue.c */
	S_DECK_COUNT,
	S_DECKS_MISSING,
	S_TAG_USED,
	S_QUEUE_CRAM,
	S_QUEUE_DUE,
	S_QUEUE_RISK,
	S_REVIEWED_ON,
	S_QUEUE_NEW,
	S_NEW_DECKS,
	S_DUE_COUNT,
	S_NEW_ON,
	S_UNSEEN,
	S_DECKS_AMONG,
	S_NEXT_DUE,
	/* store-memory.c */
	S_MEMORY_PUT,
	S_MEMORY_DEL,
	S_MEMORY_LOG,
	/* store-log.c */
	S_CARD_GET,
	S_STATE_PUT,
	S_LOG_ADD,
	S_LOG_FIND,
	S_UNDO_FRESH,
	S_UNDO_PUT,
	S_LOG_DEL,
	S_SUSPEND,
	S_FORGET_COUNT,
	S_FORGET_LOG,
	S_FORGET,
	/* store-list.c */
	S_JSON_CARD,
	S_JSON_CARDS,
	S_JSON_DECKS,
	S_LIST_DECKS,
	S_LIST_CARDS,
	S_EXPORT_DECK,
	S_EXPORT_CARDS,
	S_JSON_TEXTS,
	/* store-stats.c */
	S_STATS,
	S_READY,
	/* store-meta.c */
	S_META_GET,
	S_META_SET,
	S_META_DEL,
	S_DECK_INTERVIEW,
	S_INTERVIEW_SET,
	S_INTERVIEW_NEXT,
	S_INTERVIEWS,
	S_INTERVIEW_PLAN,
	/* store-story.c */
	S_STORY_BY_NAME,
	S_STORY_BY_ID,
	S_STORY_BY_TITLE,
	S_STORY_ADD,
	S_STORY_PUT,
	S_STORY_DEL,
	S_STORY_TITLE_USED,
	S_STORY_SLUG_USED,
	S_STORY_LINK,
	S_STORY_UNLINK,
	S_STORY_LINK_COUNT,
	S_STORY_CARD_EXISTS,
	S_STORY_REFS_CARD,
	S_STORY_REFS_ALL,
	/* store-story-list.c */
	S_STORY_LIST,
	S_STORY_JSON_LIST,
	S_STORY_JSON,
	S_STORY_LINKED,
	S_STORY_MATRIX_STORIES,
	S_STORY_MATRIX_CARDS,
	S_STORY_MATRIX_JSON,
	S_STORY_EXPORT,
	/* store-story-drill.c */
	S_STORY_QUEUE_DUE,
	S_STORY_QUEUE_NEW,
	S_STORY_QUEUE_ALL,
	S_STORY_NEW_ON,
	S_STORY_NEXT_DUE,
	S_STORY_STATE_PUT,
	S_STORY_LOG_ADD,
	S_STORY_UNDO,
	S_STORY_LOG_DEL,
	/* store-mock.c */
	S_MOCK_CARDS,
	S_MOCK_ADD,
	S_MOCK_ANSWER,
	S_MOCK_LAST,
	S_MOCK_GET,
	S_MOCK_ANSWERS,
	S_MOCK_JSON,
	S_MOCK_STORIES,
	S_MOCK_PAST,
	S_MOCK_PAST_JSON,
	S__COUNT
};

struct store {
	sqlite3		*db;
	sqlite3_stmt	*stmt[S__COUNT];	/* prepared on first use */
	char		*err;		/* the first error, sticky: store_failed */
	char		*path;		/* for messages: which file failed */
};

/* SQL pieces used by more than one file's statements. */
/* A card with its deck and its schedule (none for a new card). */
#define CARD_FROM \
    " FROM card c JOIN deck d ON d.id = c.deck" \
    " LEFT JOIN state s ON s.deck = c.deck AND s.card = c.id"
/* col is among the decks of the JSON array ?1, or ?1 is NULL: all. */
#define IN_DECKS_OF(col) \
    " (?1 IS NULL OR " col " IN (SELECT value FROM json_each(?1)))"
#define IN_DECKS	IN_DECKS_OF("c.deck")
/*
 * The same without json_each(), for few rows (the deck table, a day's
 * reviews): a deck id is a plain word, so it is in the array when it is
 * there in quotes, and the statement is quicker to prepare.
 */
#define DECK_IN_DECKS(col) \
    " (?1 IS NULL OR instr(?1, '\"' || " col " || '\"') > 0)"
#define STATE_IN_DECKS	IN_DECKS_OF("s.deck")
/* A story's text as story_text_render writes it (store.c). */
#define STORY_TEXT(t) \
    "rehearse_story_text(" t ".language, " t ".notes, " t ".situation, " \
    t ".task, " t ".action, " t ".result, " t ".reflection)"
/* Scheduled, live cards, as the partial index state_due has them. */
#define DUE_LIVE " s.retired = 0 AND s.suspended = 0"

/* store.c */
/*
 * Record the last error from SQLite's own message, prefixed by the file
 * and what was being done, and leave the store failed.  what, here and
 * in the step helpers below, is marked N_() and translated when used.
 */
void		 set_error(struct store *, const char *what);
/* The same for an error SQLite did not see; msg becomes the store's. */
void		 set_error_text(struct store *, char *msg);
/* Run fixed SQL text (no parameters); -1 with the error recorded. */
int		 exec(struct store *, const char *sql);
/*
 * Statement which, prepared from sql[which] on first use (the calling
 * file's table), reset and with no bindings left over.
 */
sqlite3_stmt	*stmt(struct store *, enum stmt which,
		    const char *const *sql);
/*
 * Step a statement: 1 at a row (reset it once read), 0 when done, -1 on
 * error (recorded); reset unless at a row.
 */
int		 step(struct store *, sqlite3_stmt *, const char *what);
/* Step a statement that returns no rows; -1 with the error recorded. */
int		 run(struct store *, sqlite3_stmt *, const char *what);
/* Step a statement returning one integer (0 without a row); -1 on error. */
int64_t		 scalar(struct store *, sqlite3_stmt *, const char *what);
/*
 * Step a statement returning one text: a copy for the caller, or NULL
 * when there is no row, the value is NULL, or on error (store_failed).
 */
char		*text_of(struct store *, sqlite3_stmt *, const char *what);

/* Text is bound without a copy: it must outlive the statement's step. */
static inline void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

/* A day, or SQL NULL for SCHED_NEW_DUE (no day). */
static inline void
bind_day(sqlite3_stmt *s, int i, int64_t day)
{
	if (day == SCHED_NEW_DUE)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, day);
}

/*
 * A schedule and its last review day as six parameters from i on: reps,
 * interval, ef, due, lapses, last day (a card's or a story's, in the log
 * as before and after).
 */
static inline void
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

static inline int64_t
column_day(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return SCHED_NEW_DUE;
	return sqlite3_column_int64(s, i);
}

/* A column's text, copied for the caller; NULL stays NULL. */
static inline char *
column_strdup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v == NULL ? NULL : xstrdup((const char *)v);
}

/* store-list.c */
/*
 * The texts of a JSON array (NULL: none) as a NULL-terminated array,
 * the caller's to free with texts_free; NULL when empty, or on error.
 */
char		**json_texts(struct store *, const char *json);
void		 texts_free(char **);

/* store-schema.c */
/*
 * Before anything writes: the file's schema version, or -1 for a file
 * that cannot be read or must be left alone (the reason in st->err when
 * SQLite's message would not say it).
 */
int64_t		 check_file(struct store *);
/* Bring the schema from version v up to date; 0, or -1 on error. */
int		 migrate(struct store *, int64_t v);

/* store-story.c */
/* A story's columns, as story_read_row reads them, from story s. */
#define STORY_ROW \
    "s.id, s.slug, s.title, s.language," \
    " (SELECT group_concat(value, ', ') FROM json_each(s.tags))," \
    " s.notes, s.situation, s.task, s.action, s.result, s.reflection," \
    " s.reps, s.interval, s.ef, s.due, s.lapses, s.last_day, s.updated_ms," \
    " (SELECT count(*) FROM story_review r WHERE r.story = s.id)," \
    " (SELECT max(day) FROM story_review r WHERE r.story = s.id)"
struct story_rec;
void		 story_read_row(sqlite3_stmt *, struct story_rec *);
/* The C half of the migration to version 5: per-card stories to the bank. */
int		 store_story_migrate(struct store *);

#endif
