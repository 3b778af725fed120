/* store.h: progress in one SQLite file; the only module that speaks SQL. */
#ifndef REHEARSE_STORE_H
#define REHEARSE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "deck.h"
#include "fsrs.h"
#include "sched.h"

struct store;

/*
 * Open (creating when needed, with the schema migrated to the current
 * version) the database at path.  On failure returns NULL and sets *err
 * to a message that belongs to the caller.
 */
struct store	*store_open(const char *path, char **err);
void		 store_close(struct store *);
/*
 * Errors.  A call that fails records why (store_error) and leaves the
 * store failed (sticky, until it is closed), so that a sequence of calls
 * needs one check: a command asks store_failed before it reports
 * success, and a read that failed never passes for an empty queue, a
 * missing deck or a zero count.  Return values: an int is 0 on success
 * and -1 on error (1, where said, for "no such thing"); a count is -1 on
 * error; a pointer is NULL on error and, where said, for "none"; other
 * results are meaningless once store_failed is true.  A deck file with
 * errors is not a store error: store_import_abort leaves the store as it
 * was.
 */
bool		 store_failed(const struct store *);
/* The last error message (borrowed, valid until the next call). */
const char	*store_error(struct store *);

/* Import: begin, stage each card, then commit or abort. */
struct import_stats {
	int64_t	cards;		/* cards in the file */
	int64_t	added;
	int64_t	changed;	/* text, kind or order changed, or back from retirement */
	int64_t	retired;
};
int	store_import_begin(struct store *);
/* 0, -1 on error, or the id_line of an earlier card with the same id. */
long	store_import_card(struct store *, const struct deck_card *);
/*
 * source: deck_file_hash's fingerprint of the file, kept to skip it when
 * unchanged.  0 when done (nothing written when nothing changed), -1 on
 * error (rolled back).
 */
int	store_import_commit(struct store *, const struct deck_info *,
	    const char *path, const char *source, bool bundled,
	    struct import_stats *);
/*
 * The deck last imported from a file with this fingerprint (caller
 * frees); NULL when there is none, or on error.
 */
char	*store_deck_by_source(struct store *, const char *source);
/* Bundled decks in the database in another language than lang; -1 on error. */
int64_t	store_bundled_other(struct store *, const char *lang);
/* 1 when deck id is one of your own (not bundled), 0 if not; -1 on error. */
int	store_deck_own(struct store *, const char *id);
void	store_import_abort(struct store *);

/* How many decks there are; -1 on error. */
int64_t	store_deck_count(struct store *);

/* Cards are named by deck id and card id. */
struct card_key {
	char	*deck;
	char	*id;
};
void	card_key_free(struct card_key *);

/*
 * Which cards a drill takes.  The functions filling *keys (which the
 * caller frees, with each key) return how many; on error none, with
 * *keys NULL, never a queue cut short.
 */
struct queue_filter {
	const char	*decks;		/* JSON array of deck ids, or NULL: all */
	const char	*tag;		/* or NULL */
	/*
	 * SCHED_NEW_DUE: due cards by due day; else, under a daily budget,
	 * those least likely recalled on this day first.
	 */
	int64_t		 risk_day;
};
/* Every live card in deck order (for --cram). */
size_t	store_queue_all(struct store *, const struct queue_filter *,
	    struct card_key **keys);
/*
 * How many cards are due (counting stops at cap; -1 on error), and the
 * first limit of them: earliest first, then deck order.
 */
int64_t	store_due_count(struct store *, const struct queue_filter *,
	    int64_t today, int64_t cap);
size_t	store_due_cards(struct store *, const struct queue_filter *,
	    int64_t today, int64_t limit, struct card_key **keys);
/*
 * The first limit new cards: round robin over the decks, each deck's
 * in its order (so a first session meets every deck), or with in_order
 * deck by deck.
 */
size_t	store_new_cards(struct store *, const struct queue_filter *,
	    int64_t limit, bool in_order, struct card_key **keys);
/* Cards whose schedule a review moved on day (first grades too); -1 on error. */
int64_t	store_reviewed_on(struct store *, int64_t day);
/* New cards of decks (or all) first graded on day; -1 on error. */
int64_t	store_new_on(struct store *, int64_t day, const char *decks);
/*
 * Cards not yet seen (not retired, not suspended) among decks (or all);
 * counting stops at cap.  -1 on error.
 */
int64_t	store_unseen(struct store *, const char *decks, int64_t cap);
/*
 * The decks of the JSON array decks that are among those of among (NULL:
 * all), as a JSON array in decks' order (caller frees); NULL on error.
 */
char	*store_decks_among(struct store *, const char *decks,
	    const char *among);
/*
 * The earliest due day after today; SCHED_NEW_DUE when there is none,
 * or on error (store_failed tells).
 */
int64_t	store_next_due(struct store *, const char *decks, int64_t today);
/*
 * 1 when every id in the JSON array names a deck; 0 when one does not,
 * with that id in *missing (caller frees); -1 on error.
 */
int	store_decks_exist(struct store *, const char *decks, char **missing);
/* 1 when a live card of decks (JSON array, or NULL: all) has tag, by
 * itself or through its deck; 0 when none has; -1 on error. */
int	store_tag_used(struct store *, const char *decks, const char *tag);

/* A card with its deck's language, its schedule and your stories. */
struct card_view {
	char			*deck;
	char			*id;
	char			*language;	/* the deck's, NULL when not given */
	char			*kind;
	char			*front;
	char			*back;
	char			*hint;		/* NULL when none, likewise below */
	char			*example;
	char			*stories;	/* titles of those linked, a line each */
	char			*section;	/* a mock's part: the card's, else its deck's */
	struct sched_state	 st;
	struct fsrs_state	 memory;	/* fsrs_new() when never graded */
	bool			 seen;		/* has a schedule */
	bool			 suspended;
	bool			 retired;
	int64_t			 last_day;	/* day of the last scheduling review */
};
/* 0 and *v filled, 1 when there is no such card, -1 on error. */
int	store_card_get(struct store *, const char *deck, const char *id,
	    struct card_view *v);
void	card_view_free(struct card_view *);

/*
 * store-memory.c: each card's memory (fsrs.h), which every grade moves,
 * cram and same-day repeats too, and which the review log replays to.
 */
int	store_memory_put(struct store *, const char *deck, const char *card,
	    const struct fsrs_state *);
/* Replay the log of one card, of a deck's cards (card NULL), or of all. */
int	store_memory_replay(struct store *, const char *deck, const char *card);
/* Clear the memory of one card, a deck's cards or all, as forget does. */
int	store_memory_forget(struct store *, const char *deck, const char *card);

/*
 * A review, as logged: the state before and after.  mode is "review"
 * (it moved the schedule), "repeat" (same day again) or "cram".
 */
struct review_rec {
	int64_t			 id;
	const char		*deck;
	const char		*card;
	int64_t			 day;
	int			 quality;
	int64_t			 took_ms;
	const char		*mode;
	bool			 fresh;		/* no schedule before */
	struct sched_state	 before;
	struct sched_state	 after;
	int64_t			 last_day_before;
	int64_t			 last_day_after;
};

/* A write transaction that waits for other writers (BEGIN IMMEDIATE). */
int	store_begin(struct store *);
int	store_commit(struct store *);
/* A rollback that fails leaves the store failed (unless it was already). */
void	store_rollback(struct store *);
/*
 * A read transaction: the queries between these see one snapshot and
 * lock the file once, not once each.  End it before waiting for input.
 */
int	store_read_begin(struct store *);
void	store_read_end(struct store *);
/* Within a transaction: write the new schedule and append the log entry. */
int	store_record(struct store *, struct review_rec *);
/* Within a transaction: put back the state before review id and drop it. */
int	store_unrecord(struct store *, int64_t id);

/*
 * JSON texts built by SQLite; the returned strings belong to the caller.
 * NULL on error, and for store_json_card when there is no such card.
 */
char	*store_json_card(struct store *, const char *deck, const char *id,
	    int64_t today);
/* The decks with their counts (deck NULL), or the cards of deck. */
char	*store_json_list(struct store *, const char *deck, int64_t today);

/* Listings for people: one callback per row. */
struct deck_row {
	const char	*id;
	const char	*title;
	int64_t		 cards;
	int64_t		 due;
	int64_t		 fresh;
};
struct card_row {
	const char	*id;
	const char	*kind;
	const char	*front;
	int64_t		 due;		/* SCHED_NEW_DUE: not seen yet */
	int64_t		 lapses;
	bool		 suspended;
};
int	store_list_decks(struct store *, int64_t today,
	    void (*fn)(void *, const struct deck_row *), void *arg);
int	store_list_cards(struct store *, const char *deck,
	    void (*fn)(void *, const struct card_row *), void *arg);

/*
 * Settings: the returned value belongs to the caller; NULL when unset,
 * or on error.
 */
char	*store_meta_get(struct store *, const char *key);
/* Set a setting, or remove it when value is NULL. */
int	 store_meta_set(struct store *, const char *key, const char *value);

/*
 * Interview dates: the default one is a setting ("interview"); a deck
 * may have its own.  Days are SCHED_NEW_DUE when there is none.
 */
/* The day deck works towards: its own date, else deflt. */
int64_t	 store_deck_interview(struct store *, const char *deck, int64_t deflt);
/* The earliest date on or after today among decks (JSON array, NULL: all). */
int64_t	 store_interview_next(struct store *, const char *decks, int64_t deflt,
	    int64_t today);
/* Give decks (NULL: every deck) a date of their own, or none. */
int	 store_interview_set(struct store *, const char *decks, int64_t day);
/*
 * Bring forward to eve the reviews of decks (NULL: all) working towards
 * day (deflt: the default date) that would come on it or later though
 * the card is less than SCHED_SAFE_RECALL sure on it; how many, -1 on
 * error.
 */
int64_t	 store_interview_plan(struct store *, const char *decks, int64_t deflt,
	    int64_t day, int64_t eve);
/* One date and the decks (a JSON array, in deck order) that work towards it. */
struct interview_row {
	int64_t	 day;
	char	*decks;
};
/* Every date, earliest first; how many (0 on error: store_failed). */
size_t	 store_interviews(struct store *, int64_t deflt,
	    struct interview_row **);
void	 interview_rows_free(struct interview_row *, size_t);

/* Suspend a card (it is never drilled) or take the suspension back. */
int	 store_suspend(struct store *, const char *deck, const char *card,
	    bool on);

/*
 * Cards of a deck (or one card when card is not NULL) with progress;
 * -1 on error.
 */
int64_t	 store_forget_count(struct store *, const char *deck, const char *card);
/* Reset their progress (logged as 'forget'); how many, -1 on error. */
int64_t	 store_forget(struct store *, const char *deck, const char *card,
	    int64_t today);

/* A deck and its cards as stored, for export; strings are borrowed. */
struct export_deck {
	const char	*id;
	const char	*title;
	const char	*language;
	const char	*kind;
	const char	*description;
	const char	*tags;		/* one per line, or NULL */
	const char	*section;
};
struct export_card {
	const char	*id;
	const char	*kind;		/* NULL when it is the deck's */
	const char	*front;
	const char	*back;
	const char	*hint;
	const char	*example;
	const char	*tags;		/* one per line, or NULL */
	const char	*story;		/* your stories, with_stories; else NULL */
	const char	*section;	/* NULL when it is the deck's */
	const char *const *probes;	/* NULL-terminated, or NULL: none */
};
/* 0 when done, 1 when there is no such deck, -1 on error. */
int	 store_export(struct store *, const char *deck, bool with_stories,
	    void (*deck_fn)(void *, const struct export_deck *),
	    void (*card_fn)(void *, const struct export_card *), void *arg);


/*
 * Readiness: the predicted recall on a day (the interview's, or
 * tomorrow) of every card neither retired nor suspended, a card never
 * seen counting 0; by deck, and the cards most at risk, lowest first.
 */
#define READY_AT_RISK 10
struct ready_row {
	char	*name;		/* a deck id, or DECK/CARD */
	double	 recall;
	int64_t	 cards;
};
struct readiness {
	int64_t			 day;
	double			 recall;	/* the mean over every card */
	int64_t			 cards;
	struct ready_row	*decks;
	size_t			 ndecks;
	struct ready_row	 risk[READY_AT_RISK];
	size_t			 nrisk;
};
/* The day readiness is for: the interview's unless past or unset. */
int64_t	 ready_day(int64_t today, int64_t interview);
int	 store_readiness(struct store *, const char *decks, int64_t day,
	    struct readiness *);
void	 readiness_free(struct readiness *);

/*
 * store-mock.c: mock interviews.  A card a mock may ask: live (neither
 * retired nor suspended), and a practice or ask card, or one given a
 * section.  The strings belong to the array (mock_cards_free).
 */
struct mock_card {
	char	*deck;
	char	*id;
	char	*kind;
	char	*section;	/* the card's own, else its deck's; NULL: none */
	bool	 own;		/* section is the card's own */
	char	**probes;	/* NULL-terminated; NULL: none */
	double	 ef;		/* 2.5 when never graded */
	int64_t	 lapses;
	bool	 seen;		/* has a due day: graded before */
};
/*
 * Every such card, in deck order; how many, 0 on error too
 * (store_failed tells).
 */
size_t	 store_mock_cards(struct store *, struct mock_card **);
void	 mock_cards_free(struct mock_card *, size_t);

/* A mock as saved; its strings are borrowed. */
struct mock_rec {
	int64_t		 id;		/* 0: not saved yet */
	int64_t		 day;
	int64_t		 minutes;
	int64_t		 seed;
	int64_t		 planned;	/* questions in the plan */
	int64_t		 answered;	/* graded answers saved */
	double		 mean;		/* of their grades, when answered */
	const char	*decks;		/* JSON array of named decks, or NULL */
};
/* One graded answer, in the order asked; its strings are borrowed. */
struct mock_answer {
	int64_t		 pos;		/* 1-based */
	const char	*section;
	const char	*deck;
	const char	*card;
	const char	*front;
	const char	*probe;		/* NULL when none was asked */
	int64_t		 target;	/* seconds the answer should take */
	int64_t		 took_ms;	/* -1 when left before the answer */
	int64_t		 probe_ms;	/* -1 when no probe was answered */
	int		 grade;		/* -1: left out (skipped) */
	int64_t		 review;	/* its review in the log; 0: none */
};
/*
 * Within a transaction (the grade's): save an answer; the mock first
 * when m->id is 0, which then gets its id.
 */
int	 store_mock_answer(struct store *, struct mock_rec *,
	    const struct mock_answer *);
/* The last mock's id; 0 when there is none, -1 on error. */
int64_t	 store_mock_last(struct store *);
/*
 * Mock id into *m, and its answers in order to fn: 0, 1 when there is
 * no such mock, -1 on error.
 */
int	 store_mock_read(struct store *, int64_t id, struct mock_rec *,
	    void (*fn)(void *, const struct mock_answer *), void *arg);
/* Mock id as a JSON report (caller frees); NULL on error. */
char	*store_mock_json(struct store *, int64_t id);
/*
 * The stories of your bank that answer more than one question of mock
 * id: "Title (2), Other (2)"; NULL when none (or on error).
 */
char	*store_mock_stories(struct store *, int64_t id);
/* Every mock, oldest first: each to fn (0, or -1 on error), or as JSON. */
int	 store_mock_history(struct store *,
	    void (*fn)(void *, const struct mock_rec *), void *arg);
char	*store_mock_history_json(struct store *);

/* Statistics: 14 days of forecast from today, 30 of reviews up to it. */
#define STATS_FORECAST	14
#define STATS_RECENT	30
struct stats {
	char	*json;		/* all of it, as stats --json prints it */
	int64_t	 total, fresh, learning, mature, leeches, suspended;
	int64_t	 due[STATS_FORECAST];		/* cards due each day */
	int64_t	 reviews[STATS_RECENT];		/* reviews each day */
	/*
	 * Those days' reviews of cards seen before, with an interval under
	 * 21 days (young) or not (old), and how many were graded 3 or more.
	 */
	int64_t	 young, young_passed, old, old_passed;
	int64_t	 streak;
	char	*average;	/* seconds to answer, NULL when none */
	struct readiness ready;	/* also at the end of json */
	/* Stories (linked to the decks), and their rehearsals those days. */
	int64_t	 stories, stories_due, stories_new, rehearsals;
};
/*
 * Fill *r (decks: JSON array or NULL; interview: the day the decks work
 * towards, deflt: the default date, each SCHED_NEW_DUE when unset); 0,
 * or -1 on error.  Free it with stats_free.
 */
int	 store_stats(struct store *, const char *decks, int64_t today,
	    int64_t interview, int64_t deflt, struct stats *r);
void	 stats_free(struct stats *);

#endif
