/* sched.h: SM-2 scheduling as pure functions (no I/O, no clock, no globals). */
#ifndef REHEARSE_SCHED_H
#define REHEARSE_SCHED_H

#include <stdbool.h>
#include <stdint.h>

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
 * Working towards an interview (DESIGN.md): while it is more than
 * SCHED_WINDOW days away, a review whose SM-2 due day would fall on or
 * after the interview, or would be the card's last review before it, is
 * moved to the least loaded of the last SCHED_WINDOW days before it.
 */
#define SCHED_WINDOW 3

struct sched_interview {
	int64_t	day;			/* the interview day */
	int64_t	load[SCHED_WINDOW];	/* cards due on day-3, day-2, day-1 */
};

/* True when the interview rules bend a review made on today. */
bool	sched_interview_active(const struct sched_interview *, int64_t today);

/* sched_review, then the move into the window when it applies (iv may be NULL). */
struct sched_state sched_review_towards(const struct sched_state *s, int q,
    int64_t today, const struct sched_interview *iv);

/*
 * The day's new-card limit: base, raised so that unseen cards (counting
 * those already introduced today) are all introduced before the window.
 */
int64_t	sched_new_limit(int64_t base, int64_t unseen, int64_t today,
    const struct sched_interview *iv);

/* Saturating day arithmetic: day + n, clamped to the int64_t range. */
int64_t sched_add_days(int64_t day, int64_t n);

#endif
