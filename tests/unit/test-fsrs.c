/* test-fsrs.c: FSRS-6 against ts-fsrs 5.4.2's own numbers, and its edges. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"

#define START_DAY 20000

/* The SM-2 grade for a ts-fsrs rating; Again takes grades 0, 1, 2 in turn. */
static int
grade_of(int rating, int step)
{
	if (rating < FSRS_AGAIN || rating > FSRS_EASY)
		fail_msg("rating %d out of range", rating);
	return rating == FSRS_AGAIN ? step % 3 : rating + 1;
}

/* One card: elapsed:rating:D:S per review, replayed as days from START_DAY. */
static int
check_seq(char *line, int lineno)
{
	struct fsrs_state st = fsrs_new();
	int64_t day = START_DAY, elapsed;
	char *tok, *save = NULL;
	double d, s;
	int rating, steps = 0;

	for (tok = strtok_r(line, " \t\n", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\n", &save)) {
		if (sscanf(tok, "%" SCNd64 ":%d:%lf:%lf", &elapsed, &rating, &d,
		    &s) != 4)
			fail_msg("line %d: bad step '%s'", lineno, tok);
		day += elapsed;
		st = fsrs_review(&st, grade_of(rating, steps), day);
		steps++;
		if (st.difficulty != d || st.stability != s || st.last != day)
			fail_msg("line %d, step %d (%s): got D=%.17g S=%.17g "
			    "last=+%" PRId64, lineno, steps, tok, st.difficulty,
			    st.stability, st.last - START_DAY);
	}
	return steps;
}

static void
check_curve(const char *args, int lineno)
{
	double t, s, r;

	if (sscanf(args, "%lf %lf %lf", &t, &s, &r) != 3)
		fail_msg("line %d: bad curve point", lineno);
	if (fsrs_retrievability(t, s) != r)
		fail_msg("line %d: R(%g, %g) = %.17g, want %.17g", lineno, t, s,
		    fsrs_retrievability(t, s), r);
}

static void
check_interval(const char *args, int lineno)
{
	double s, retention;
	int64_t days;

	if (sscanf(args, "%lf %lf %" SCNd64, &s, &retention, &days) != 3)
		fail_msg("line %d: bad interval", lineno);
	if (fsrs_interval(s, retention) != days)
		fail_msg("line %d: interval(%g, %g) = %" PRId64
		    ", want %" PRId64, lineno, s, retention,
		    fsrs_interval(s, retention), days);
}

/* Every line of the table made from ts-fsrs 5.4.2 (tests/data/fsrs-ref.cjs). */
static void
test_table(void **state)
{
	const char *srcdir = getenv("srcdir");
	char path[4096], line[8192];
	FILE *fp;
	int lineno = 0, seqs = 0, curves = 0, intervals = 0;

	(void)state;
	snprintf(path, sizeof path, "%s/tests/data/fsrs.table",
	    srcdir != NULL ? srcdir : ".");
	fp = fopen(path, "r");
	if (fp == NULL)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof line, fp) != NULL) {
		lineno++;
		if (strchr(line, '\n') == NULL)
			fail_msg("line %d: too long", lineno);
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (strncmp(line, "seq ", 4) == 0) {
			assert_true(check_seq(line + 4, lineno) > 0);
			seqs++;
		} else if (strncmp(line, "curve ", 6) == 0) {
			check_curve(line + 6, lineno);
			curves++;
		} else if (strncmp(line, "interval ", 9) == 0) {
			check_interval(line + 9, lineno);
			intervals++;
		} else
			fail_msg("line %d: unknown kind", lineno);
	}
	fclose(fp);
	assert_int_equal(seqs, 300);
	assert_int_equal(curves, 56);
	assert_true(intervals >= 100);
}

static void
test_ratings(void **state)
{
	(void)state;
	assert_int_equal(fsrs_rating(0), FSRS_AGAIN);
	assert_int_equal(fsrs_rating(1), FSRS_AGAIN);
	assert_int_equal(fsrs_rating(2), FSRS_AGAIN);
	assert_int_equal(fsrs_rating(3), FSRS_HARD);
	assert_int_equal(fsrs_rating(4), FSRS_GOOD);
	assert_int_equal(fsrs_rating(5), FSRS_EASY);
}

/* A card never graded: nothing to recall, and the first grade sets it. */
static void
test_new(void **state)
{
	struct fsrs_state st = fsrs_new();

	(void)state;
	assert_true(fsrs_is_new(&st));
	assert_true(fsrs_recall(&st, START_DAY) == 0.0);
	st = fsrs_review(&st, 4, START_DAY);
	assert_false(fsrs_is_new(&st));
	assert_true(st.stability == 2.3065);
	assert_true(st.difficulty == 2.11810397);
	assert_int_equal(st.last, START_DAY);
	assert_true(fsrs_recall(&st, START_DAY) == 1.0);
}

/* Grades 0, 1 and 2 are the same Again, on the same day and later. */
static void
test_again_grades(void **state)
{
	struct fsrs_state st = fsrs_new(), a[3];
	int q, k;

	(void)state;
	st = fsrs_review(&st, 4, START_DAY);
	for (k = 0; k < 2; k++) {
		for (q = 0; q < 3; q++)
			a[q] = fsrs_review(&st, q, START_DAY + 3 * k);
		for (q = 1; q < 3; q++) {
			assert_true(a[q].stability == a[0].stability);
			assert_true(a[q].difficulty == a[0].difficulty);
		}
		assert_true(a[0].stability < st.stability);
	}
}

/*
 * A grade dated before the last review (--today going back) is a
 * same-day repeat, and the next gap counts from its own day.
 */
static void
test_day_going_back(void **state)
{
	struct fsrs_state st = fsrs_new(), same, back, later, direct;

	(void)state;
	st = fsrs_review(&st, 4, START_DAY + 10);
	same = fsrs_review(&st, 3, START_DAY + 10);
	back = fsrs_review(&st, 3, START_DAY + 7);
	assert_true(back.stability == same.stability);
	assert_true(back.difficulty == same.difficulty);
	assert_int_equal(back.last, START_DAY + 7);
	assert_true(fsrs_recall(&back, START_DAY + 5) == 1.0);
	later = fsrs_review(&back, 4, START_DAY + 9);
	direct = fsrs_review(&same, 4, START_DAY + 12);
	assert_true(later.stability == direct.stability);
	assert_true(later.difficulty == direct.difficulty);
}

/* R = 0.9 after S days, and recall falls day by day. */
static void
test_curve(void **state)
{
	static const double stabilities[] = { 0.5, 1, 2.3065, 10, 100, 365 };
	struct fsrs_state st = { 10.0, 5.0, START_DAY };
	size_t k;
	int64_t t;

	(void)state;
	for (k = 0; k < sizeof stabilities / sizeof stabilities[0]; k++)
		assert_true(fabs(fsrs_retrievability(stabilities[k],
		    stabilities[k]) - 0.9) < 1e-6);
	assert_true(fsrs_recall(&st, START_DAY + 10) ==
	    fsrs_retrievability(10, 10.0));
	for (t = 1; t < 400; t++)
		assert_true(fsrs_recall(&st, START_DAY + t + 1) <
		    fsrs_recall(&st, START_DAY + t));
}

/* The interval is where the curve crosses the retention, within the clamp. */
static void
test_interval(void **state)
{
	static const double retentions[] = { 0.8, 0.85, 0.9, 0.95, 0.97 };
	size_t k;
	double s, r, t, before, after;

	(void)state;
	assert_int_equal(fsrs_interval(0.001, 0.9), 1);
	assert_int_equal(fsrs_interval(1e6, 0.8), FSRS_INTERVAL_MAX);
	assert_int_equal(fsrs_interval(37.0, 0.9), 37);
	assert_int_equal(fsrs_interval(10.0, 1.0), 1);
	for (k = 0; k < sizeof retentions / sizeof retentions[0]; k++) {
		r = retentions[k];
		for (s = 3.0; s < 3000.0; s *= 1.7) {
			t = (double)fsrs_interval(s, r);
			before = fsrs_retrievability(t - 0.5, s);
			after = fsrs_retrievability(t + 0.5, s);
			assert_true(before >= r - 1e-8 && after <= r + 1e-8);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_ratings),
		cmocka_unit_test(test_new),
		cmocka_unit_test(test_again_grades),
		cmocka_unit_test(test_day_going_back),
		cmocka_unit_test(test_curve),
		cmocka_unit_test(test_interval),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
