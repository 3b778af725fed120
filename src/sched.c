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

bool
sched_interview_active(const struct sched_interview *iv, int64_t today)
{
	return iv != NULL && iv->day - today > SCHED_WINDOW;
}

/* The least loaded day of the window; ties go to the later day. */
static int64_t
least_loaded(const struct sched_interview *iv)
{
	int i, best = 0;

	for (i = 1; i < SCHED_WINDOW; i++)
		if (iv->load[i] <= iv->load[best])
			best = i;
	return iv->day - SCHED_WINDOW + best;
}

struct sched_state
sched_review_towards(const struct sched_state *s, int q, int64_t today,
    const struct sched_interview *iv)
{
	struct sched_state r = sched_review(s, q, today);
	int64_t start;

	if (!sched_interview_active(iv, today))
		return r;
	start = iv->day - SCHED_WINDOW;
	if (r.due >= start && r.due < iv->day)
		return r;		/* SM-2 already put it in the window */
	/*
	 * Before the window: keep it unless the review at r.due would be
	 * the last one before the interview (a pass there, computed from
	 * the state now, reaches the interview day).
	 */
	if (r.due < start &&
	    sched_add_days(r.due, sched_next_interval(&r, 3)) < iv->day)
		return r;
	r.due = least_loaded(iv);
	return r;
}

int64_t
sched_new_limit(int64_t base, int64_t unseen, int64_t today,
    const struct sched_interview *iv)
{
	int64_t days, need;

	if (!sched_interview_active(iv, today))
		return base;
	days = iv->day - SCHED_WINDOW - today;	/* days left to introduce */
	need = (unseen + days - 1) / days;
	return need > base ? need : base;
}
