/* fsrs.h: the FSRS-6 memory model, pure (no I/O, no clock, no globals). */
#ifndef REHEARSE_FSRS_H
#define REHEARSE_FSRS_H

#include <stdbool.h>
#include <stdint.h>

/*
 * One card's memory, as ts-fsrs 5.4.2 computes it with its default
 * weights (doc/fsrs.md gives the formulas).  Days are day numbers, as in
 * sched.h.  The state is a plain value: the caller owns it, stores it as
 * it likes and replays it from the review log by calling fsrs_review once
 * per graded row, in row order, starting from fsrs_new().
 */
struct fsrs_state {
	double	stability;	/* S, days to 90% recall; 0 if new */
	double	difficulty;	/* D, 1 easy to 10 hard; 0 if new */
	int64_t	last;		/* day of the last graded review */
};

/* FSRS ratings: what SM-2 grades 0-5 become. */
enum fsrs_rating {
	FSRS_AGAIN = 1,		/* grades 0, 1, 2 */
	FSRS_HARD,		/* grade 3 */
	FSRS_GOOD,		/* grade 4 */
	FSRS_EASY		/* grade 5 */
};

#define FSRS_INTERVAL_MAX 36500		/* days */

/* The state of a card never graded. */
struct fsrs_state fsrs_new(void);

/* True for a card never graded (fsrs_new's state). */
bool	fsrs_is_new(const struct fsrs_state *);

/* The rating of SM-2 grade q; q outside 0..5 aborts. */
enum fsrs_rating fsrs_rating(int q);

/*
 * The state after grade q (0..5) on day.  A new card gets its initial
 * state; otherwise a day after the last review gets the recall or lapse
 * update over the whole days between, and a day on or before it (a
 * same-day repeat, or a day earlier under --today) the short-term update.
 * Either way day becomes the last review day.  q outside 0..5 aborts.
 */
struct fsrs_state fsrs_review(const struct fsrs_state *, int q, int64_t day);

/*
 * Predicted recall (0..1) of the card on day: 0 for a new card, 1 on or
 * before its last review day.
 */
double	fsrs_recall(const struct fsrs_state *, int64_t day);

/* Predicted recall t >= 0 days after a review that left stability s > 0. */
double	fsrs_retrievability(double t, double s);

/*
 * Whole days after a review that left stability s > 0 until predicted
 * recall falls to retention (0 < retention <= 1, else abort), rounded to
 * the nearest day and held to 1..FSRS_INTERVAL_MAX.
 */
int64_t	fsrs_interval(double s, double retention);

#endif
