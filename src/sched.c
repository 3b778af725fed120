/* sched.c: SM-2, exactly as DESIGN.md states it, as pure functions. */
#include <math.h>
#include <stddef.h>

#include "sched.h"

struct sched_state
sched_new(void)
{
	struct sched_state s = { 0, 0, SCHED_EF_START, SCHED_NEW_DUE, 0 };

	return s;
}

/*
 * round-half-up of a positive double to a 64-bit integer, saturating.
 * floor(x + 0.5) would be wrong for large x (the addition itself rounds),
 * so the fractional part is compared instead: x - floor(x) is exact.
 */
static int64_t
round_half_up(double x)
{
	double f = floor(x);

	if (x - f >= 0.5)
		f += 1.0;
	if (f >= 9223372036854775807.0)
		return INT64_MAX;
	return (int64_t)f;
}

int64_t
sched_next_interval(const struct sched_state *s, int q)
{
	if (q < 3)
		return 1;
	if (s->reps == 0)
		return 1;
	if (s->reps == 1)
		return 6;
	return round_half_up((double)s->interval * s->ef);
}

int64_t
sched_add_days(int64_t day, int64_t n)
{
	if (n > 0 && day > INT64_MAX - n)
		return INT64_MAX;
	if (n < 0 && day < INT64_MIN - n)
		return INT64_MIN;
	return day + n;
}

struct sched_state
sched_review(const struct sched_state *s, int q, int64_t today)
{
	struct sched_state r = *s;
	double d = (double)(5 - q);

	r.interval = sched_next_interval(s, q);
	if (q >= 3)
		r.reps = s->reps + 1;
	else {
		r.reps = 0;
		r.lapses = s->lapses + 1;
	}
	/* Written in the reference order; -ffp-contract=off keeps it exact. */
	r.ef = s->ef + (0.1 - d * (0.08 + d * 0.02));
	if (r.ef < SCHED_EF_FLOOR)
		r.ef = SCHED_EF_FLOOR;
	r.due = sched_add_days(today, r.interval);
	return r;
}

bool
sched_is_leech(int64_t lapses)
{
	return lapses >= SCHED_LEECH_FIRST;
}

bool
sched_leech_event(int64_t before, int64_t after)
{
	if (after <= before || after < SCHED_LEECH_FIRST)
		return false;
	return (after - SCHED_LEECH_FIRST) % SCHED_LEECH_EVERY == 0;
}

int64_t
sched_new_limit(int64_t base, int64_t unseen, int64_t today,
    int64_t interview)
{
	int64_t days, need;

	if (interview == SCHED_NEW_DUE || interview - today <= SCHED_WINDOW)
		return base;
	days = interview - SCHED_WINDOW - today;	/* days left to introduce */
	need = (unseen + days - 1) / days;
	return need > base ? need : base;
}

int64_t
sched_eve(const struct sched_plan *p, int64_t first)
{
	/*
	 * Under a daily budget the eve cannot take every card: a review
	 * too late comes at the start of the final days, and what the
	 * budget leaves waits to the next of them.
	 */
	int64_t eve = p->interview - (p->budget ? SCHED_WINDOW : 1);

	return eve < first ? first : eve;
}

/*
 * Before an interview, reviews come at the memory model's intervals;
 * a card already sure enough on the day waits for it (or for its own
 * scheduler's day, if later), and one whose next review would come too
 * late, on or after the day, comes on the eve instead.
 */
struct sched_state
sched_review_plan(const struct sched_state *s, int q, int64_t today,
    const struct fsrs_state *m, const struct sched_plan *p)
{
	struct sched_state r = sched_review(s, q, today);
	int64_t model = sched_add_days(today, fsrs_interval(m->stability,
	    p->retention)), eve;

	if (p->fsrs)
		r.due = model;
	if (p->interview != SCHED_NEW_DUE && p->interview > today) {
		eve = sched_eve(p, today + 1);
		if (fsrs_recall(m, p->interview) >= SCHED_SAFE_RECALL)
			r.due = r.due > p->interview ? r.due : p->interview;
		else
			r.due = model < p->interview ? model : eve;
	} else if (!p->fsrs)
		return r;		/* plain SM-2, exactly */
	r.interval = r.due - today;
	return r;
}
