/* sched.h: SM-2 scheduling as pure functions (no I/O, no clock, no globals). */
#ifndef REHEARSE_SCHED_H
#define REHEARSE_SCHED_H

#include <stdbool.h>
#include <stdint.h>

#include "fsrs.h"

/* Days are counted from 1970-01-01 (day 0) in the local calendar. */
#define SCHED_NEW_DUE INT64_MIN		/* due day of a card never graded */
#define SCHED_EF_START 2.5
#define SCHED_EF_FLOOR 1.3
#define SCHED_LEECH_FIRST 8		/* lapses that first flag a leech */
#define SCHED_LEECH_EVERY 4		/* and again every this many more */

struct sched_state {
	int64_t	reps;		/* successful repetitions in a row (n) */
	int64_t	interval;	/* days (I) */
	double	ef;		/* easiness factor, never rounded */
	int64_t	due;		/* day number, SCHED_NEW_DUE when new */
	int64_t	lapses;
};

/* The state of a card that has never been graded. */
struct sched_state sched_new(void);

/* The state after a review of quality q (0..5) on day today. */
struct sched_state sched_review(const struct sched_state *s, int q,
    int64_t today);

/* The SM-2 interval a review of quality q would give from s. */
int64_t sched_next_interval(const struct sched_state *s, int q);

/* True when going from lapses_before to lapses_after flags a leech. */
bool sched_leech_event(int64_t lapses_before, int64_t lapses_after);

/* True when a card with this many lapses is a leech. */
bool sched_is_leech(int64_t lapses);

/*
 * New cards are paced so that all are seen before the last SCHED_WINDOW
 * days before an interview.
 */
#define SCHED_WINDOW 3

/*
 * The day's new-card limit: base, raised so that unseen cards (counting
 * those already introduced today) are all introduced before the window
 * of the interview on day interview (SCHED_NEW_DUE: none).
 */
int64_t	sched_new_limit(int64_t base, int64_t unseen, int64_t today,
    int64_t interview);

/* A card this sure to be recalled on the interview day needs no review before it. */
#define SCHED_SAFE_RECALL 0.995

/* What decides a review's due day besides SM-2 (rehearse config). */
struct sched_plan {
	bool	 fsrs;		/* the FSRS scheduler, not SM-2 */
	double	 retention;	/* the recall FSRS intervals aim at */
	int64_t	 interview;	/* the card's interview day, or SCHED_NEW_DUE */
	bool	 budget;	/* a daily budget caps the reviews */
};

/*
 * The day a card that would be reviewed too late comes instead: the
 * interview's eve (under a budget, the start of its last days), but not
 * before day first.
 */
int64_t	sched_eve(const struct sched_plan *, int64_t first);

/*
 * sched_review, then the interval and due day of the scheduler in force
 * and of the interview plan (DESIGN.md; rehearse(1) says the rule); m is
 * the card's memory after this review.  reps, ef and lapses stay SM-2's.
 */
struct sched_state sched_review_plan(const struct sched_state *s, int q,
    int64_t today, const struct fsrs_state *m, const struct sched_plan *p);

/* Saturating day arithmetic: day + n, clamped to the int64_t range. */
int64_t sched_add_days(int64_t day, int64_t n);

#endif
