/* fsrs.c: FSRS-6 with default weights, as ts-fsrs 5.4.2 to the last digit. */
#include <math.h>
#include <stdlib.h>

#include "fsrs.h"

/*
 * The default weights of FSRS-6 (ts-fsrs 5.4.2, default_w).  w[0..3] are
 * the initial stabilities per rating, w[4..7] shape difficulty, w[8..10]
 * the gain after a recall, w[11..14] the stability after a lapse,
 * w[15..16] the Hard and Easy factors, w[17..19] the short-term update and
 * w[20] the decay of the forgetting curve.
 */
static const double fsrs_w[21] = {
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,
	1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
	1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

#define S_MIN	0.001
#define S_MAX	36500.0

/*
 * JavaScript's Math.round: the nearest integer, halves towards +infinity.
 * floor(x + 0.5) would round 0.49999999999999994 up, so the fractional
 * part, which x - floor(x) gives exactly, is compared instead.
 */
static double
fsrs_js_round(double x)
{
	double f = floor(x);

	return x - f >= 0.5 ? f + 1.0 : f;
}

/* ts-fsrs rounds to 8 decimals after each step; matching it needs the same. */
static double
fsrs_round8(double x)
{
	return fsrs_js_round(x * 100000000.0) / 100000000.0;
}

static double
fsrs_clamp(double x, double lo, double hi)
{
	if (x < lo)
		x = lo;
	return x > hi ? hi : x;
}

/*
 * The curve's exponent and the factor that puts recall at 90% after S
 * days.  Written as ts-fsrs computes them (pow(d, -1), not 1 / d) so that
 * the doubles are the same.
 */
static double
fsrs_decay(void)
{
	return -fsrs_w[20];
}

static double
fsrs_factor(void)
{
	return fsrs_round8(exp(pow(fsrs_decay(), -1) * log(0.9)) - 1.0);
}

/*
 * The formulas take a rating as a plain int: an enum of positive values
 * may be unsigned, and g - 3 has to go below zero.
 */

/* D0: the difficulty a first rating gives, before it is held to 1..10. */
static double
fsrs_init_difficulty(int g)
{
	return fsrs_round8(fsrs_w[4] - exp((double)(g - 1) * fsrs_w[5]) + 1.0);
}

/* A step harder or easier, damped near 10, then pulled towards D0(Easy). */
static double
fsrs_next_difficulty(double d, int g)
{
	double delta = -fsrs_w[6] * (double)(g - 3);
	double next = d + fsrs_round8(delta * (10.0 - d) / 9.0);
	double easy = fsrs_init_difficulty(FSRS_EASY);

	return fsrs_clamp(fsrs_round8(fsrs_w[7] * easy +
	    (1.0 - fsrs_w[7]) * next), 1.0, 10.0);
}

/* Recalled after some days: stability grows, the more so the lower R was. */
static double
fsrs_recall_stability(double d, double s, double r, int g)
{
	double hard = g == FSRS_HARD ? fsrs_w[15] : 1.0;
	double easy = g == FSRS_EASY ? fsrs_w[16] : 1.0;

	return fsrs_round8(fsrs_clamp(s * (1.0 + exp(fsrs_w[8]) * (11.0 - d) *
	    pow(s, -fsrs_w[9]) * (exp((1.0 - r) * fsrs_w[10]) - 1.0) * hard *
	    easy), S_MIN, S_MAX));
}

/* Forgotten after some days: stability starts again from a fraction of S. */
static double
fsrs_lapse_stability(double d, double s, double r)
{
	double fail, cap;

	fail = fsrs_round8(fsrs_clamp(fsrs_w[11] * pow(d, -fsrs_w[12]) *
	    (pow(s + 1.0, fsrs_w[13]) - 1.0) * exp((1.0 - r) * fsrs_w[14]),
	    S_MIN, S_MAX));
	/* A lapse costs at least a factor e^(w17 w18), down to S_MIN. */
	cap = fsrs_round8(s / exp(fsrs_w[17] * fsrs_w[18]));
	return fsrs_clamp(cap, S_MIN, fail);
}

/* Rated again on the same day: S moves, but a pass never lowers it. */
static double
fsrs_short_term_stability(double s, int g)
{
	double gain = pow(s, -fsrs_w[19]) *
	    exp(fsrs_w[17] * ((double)(g - 3) + fsrs_w[18]));

	if (g >= FSRS_HARD && gain < 1.0)
		gain = 1.0;
	return fsrs_round8(fsrs_clamp(s * gain, S_MIN, S_MAX));
}

struct fsrs_state
fsrs_new(void)
{
	struct fsrs_state st = { 0.0, 0.0, 0 };

	return st;
}

bool
fsrs_is_new(const struct fsrs_state *st)
{
	return st->stability == 0.0 && st->difficulty == 0.0;
}

enum fsrs_rating
fsrs_rating(int q)
{
	switch (q) {
	case 0:
	case 1:
	case 2:
		return FSRS_AGAIN;
	case 3:
		return FSRS_HARD;
	case 4:
		return FSRS_GOOD;
	case 5:
		return FSRS_EASY;
	}
	abort();	/* the caller checks grades read from outside */
}

struct fsrs_state
fsrs_review(const struct fsrs_state *st, int q, int64_t day)
{
	int g = (int)fsrs_rating(q);
	struct fsrs_state next = { 0.0, 0.0, day };
	double r;

	if (fsrs_is_new(st)) {
		next.difficulty = fsrs_clamp(fsrs_init_difficulty(g), 1.0,
		    10.0);
		next.stability = fsrs_w[g - 1] > 0.1 ? fsrs_w[g - 1] : 0.1;
		return next;
	}
	if (day <= st->last)
		next.stability = fsrs_short_term_stability(st->stability, g);
	else {
		r = fsrs_recall(st, day);
		if (g == FSRS_AGAIN)
			next.stability = fsrs_lapse_stability(st->difficulty,
			    st->stability, r);
		else
			next.stability = fsrs_recall_stability(st->difficulty,
			    st->stability, r, g);
	}
	next.difficulty = fsrs_next_difficulty(st->difficulty, g);
	return next;
}

double
fsrs_retrievability(double t, double s)
{
	return fsrs_round8(pow(1.0 + fsrs_factor() * t / s, fsrs_decay()));
}

double
fsrs_recall(const struct fsrs_state *st, int64_t day)
{
	if (fsrs_is_new(st))
		return 0.0;
	if (day <= st->last)
		return 1.0;
	return fsrs_retrievability((double)(day - st->last), st->stability);
}

int64_t
fsrs_interval(double s, double retention)
{
	double modifier, days;

	if (!(retention > 0.0 && retention <= 1.0))
		abort();	/* the caller checks the setting */
	/* Solve R(t, S) = retention for t; ts-fsrs rounds the ratio t / S. */
	modifier = fsrs_round8((pow(retention, 1.0 / fsrs_decay()) - 1.0) /
	    fsrs_factor());
	days = fsrs_js_round(s * modifier);
	if (days < 1.0)
		return 1;
	if (days > FSRS_INTERVAL_MAX)
		return FSRS_INTERVAL_MAX;
	return (int64_t)days;
}
