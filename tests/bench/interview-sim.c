/*
 * interview-sim.c: a simulated learner drills 100 cards every day before
 * an interview, once with plain SM-2 and once with the interview rules,
 * and we count what is remembered on the day and how many reviews it took.
 *
 * Memory model: FSRS-5's forgetting curve and stability updates with its
 * published default parameters.  The learner fails a card's first showing
 * (it has never seen it), recalls a due card with the curve's probability,
 * grades a recall 4 and a miss 1, and (as the REPL does) sees a missed card
 * again the same day until it is recalled.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sched.h"

#define CARDS 100
#define RUNS 400
#define BASE_NEW 10

static const double w[19] = { 0.40255, 1.18385, 3.173, 15.69105, 7.1949,
    0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11,
    0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621 };

#define DECAY (-0.5)
#define FACTOR (19.0 / 81.0)

struct card {
	struct sched_state	 st;
	bool			 seen;
	double			 s;	/* FSRS stability, days */
	double			 d;	/* FSRS difficulty, 1..10 */
	int64_t			 last;	/* day of the last review */
};

static uint64_t rng;

static double
uniform(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (double)((rng * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static double
recall(double t, double s)
{
	return pow(1.0 + FACTOR * t / s, DECAY);
}

static double
clamp_d(double d)
{
	return d < 1.0 ? 1.0 : d > 10.0 ? 10.0 : d;
}

static double
d0(int g)
{
	return clamp_d(w[4] - exp(w[5] * (g - 1)) + 1.0);
}

/* FSRS after a review with rating g (1 again, 3 good) after t days. */
static void
fsrs(struct card *c, int g, double t)
{
	double r, dd;

	if (!c->seen) {
		c->s = w[g - 1];
		c->d = d0(g);
		c->seen = true;
		return;
	}
	if (t < 1.0) {			/* a same-day review */
		c->s *= exp(w[17] * (g - 3 + w[18]));
		return;
	}
	r = recall(t, c->s);
	if (g == 1)
		c->s = fmin(c->s, w[11] * pow(c->d, -w[12]) *
		    (pow(c->s + 1.0, w[13]) - 1.0) * exp(w[14] * (1.0 - r)));
	else
		c->s *= 1.0 + exp(w[8]) * (11.0 - c->d) * pow(c->s, -w[9]) *
		    (exp(w[10] * (1.0 - r)) - 1.0);
	dd = -w[6] * (g - 3);
	c->d = clamp_d(w[7] * d0(4) + (1.0 - w[7]) *
	    (c->d + dd * (10.0 - c->d) / 9.0));
}

struct result {
	double	remembered;
	double	reviews;
};

static void
window_load(const struct card *cards, struct sched_interview *iv)
{
	int i;

	memset(iv->load, 0, sizeof iv->load);
	for (i = 0; i < CARDS; i++) {
		int64_t k = cards[i].st.due - (iv->day - SCHED_WINDOW);

		if (cards[i].seen && k >= 0 && k < SCHED_WINDOW)
			iv->load[k]++;
	}
}

/* One review of card i on day; returns the reviews it took that day. */
static int
review(struct card *cards, int i, int64_t day, struct sched_interview *iv)
{
	struct card *c = &cards[i];
	double t = c->seen ? (double)(day - c->last) : 0.0;
	bool ok = c->seen && uniform() < recall(t, c->s);
	int n = 1;

	if (iv != NULL)
		window_load(cards, iv);
	c->st = sched_review_towards(&c->st, ok ? 4 : 1, day, iv);
	fsrs(c, ok ? 3 : 1, t);
	c->last = day;
	while (!ok) {			/* again later in the session */
		ok = uniform() < recall(0.0, c->s);
		fsrs(c, ok ? 3 : 1, 0.0);
		n++;
	}
	return n;
}

static struct result
simulate(int days, bool interview, uint64_t seed)
{
	struct card cards[CARDS];
	struct sched_interview iv = { days, { 0, 0, 0 } };
	struct result r = { 0.0, 0.0 };
	int64_t day, limit;
	int i, introduced = 0, fresh;

	rng = seed * 0x9E3779B97F4A7C15ULL + 1;
	for (i = 0; i < CARDS; i++) {
		cards[i].st = sched_new();
		cards[i].seen = false;
	}
	for (day = 0; day < days; day++) {
		for (i = 0; i < CARDS; i++)	/* due cards first */
			if (cards[i].seen && cards[i].st.due <= day)
				r.reviews += review(cards, i, day,
				    interview ? &iv : NULL);
		limit = interview ? sched_new_limit(BASE_NEW,
		    CARDS - introduced, day, &iv) : BASE_NEW;
		for (fresh = 0; fresh < limit && introduced < CARDS; fresh++)
			r.reviews += review(cards, introduced++, day,
			    interview ? &iv : NULL);
	}
	for (i = 0; i < CARDS; i++)
		if (cards[i].seen)
			r.remembered += recall((double)(days - cards[i].last),
			    cards[i].s);
	r.remembered /= CARDS;
	return r;
}

static struct result
average(int days, bool interview)
{
	struct result sum = { 0.0, 0.0 }, one;
	int k;

	for (k = 0; k < RUNS; k++) {
		one = simulate(days, interview, (uint64_t)k + 1);
		sum.remembered += one.remembered;
		sum.reviews += one.reviews;
	}
	sum.remembered /= RUNS;
	sum.reviews /= RUNS;
	return sum;
}

int
main(void)
{
	static const int spans[] = { 7, 14, 30 };
	struct result plain, towards;
	size_t k;
	int failed = 0;
	bool ok;

	printf("Interview simulation: %d cards, %d new a day, FSRS-5 learner, "
	    "mean of %d runs\n\n", CARDS, BASE_NEW, RUNS);
	printf("%-12s %-16s %-16s %s\n", "days to go", "plain SM-2",
	    "interview mode", "target");
	for (k = 0; k < sizeof spans / sizeof spans[0]; k++) {
		plain = average(spans[k], false);
		towards = average(spans[k], true);
		if (spans[k] == 7)
			ok = towards.remembered > 0.90;
		else
			ok = towards.remembered > plain.remembered &&
			    towards.reviews <= plain.reviews * 1.10;
		failed += !ok;
		printf("%-12d %5.1f%% %6.1f rev  %5.1f%% %6.1f rev  %s (%s)\n",
		    spans[k], plain.remembered * 100, plain.reviews,
		    towards.remembered * 100, towards.reviews,
		    ok ? "met" : "MISSED", spans[k] == 7 ?
		    "over 90% remembered" : "more remembered, reviews +10% at most");
	}
	return failed ? 1 : 0;
}
