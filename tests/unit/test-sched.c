/* test-sched.c: SM-2 against the reference table and its edge cases. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sched.h"

#define START_DAY 20000

/* Check one table line: grades, "=>", then I/n/lapses/EF per grade. */
static int
check_line(char *line, int lineno)
{
	struct sched_state s = sched_new();
	char *arrow = strstr(line, "=>"), *g, *e, *gs = NULL, *es = NULL;
	int64_t day = START_DAY, i, n, lapses;
	double ef;
	int steps = 0;

	if (arrow == NULL)
		fail_msg("line %d: no '=>'", lineno);
	*arrow = '\0';
	g = strtok_r(line, " \t\n", &gs);
	e = strtok_r(arrow + 2, " \t\n", &es);
	for (; g != NULL; g = strtok_r(NULL, " \t\n", &gs),
	    e = strtok_r(NULL, " \t\n", &es), day++) {
		if (e == NULL)
			fail_msg("line %d: fewer results than grades", lineno);
		if (sscanf(e, "%" SCNd64 "/%" SCNd64 "/%" SCNd64 "/%lf", &i, &n,
		    &lapses, &ef) != 4)
			fail_msg("line %d: bad result '%s'", lineno, e);
		s = sched_review(&s, atoi(g), day);
		if (s.interval != i || s.reps != n || s.lapses != lapses ||
		    s.ef != ef || s.due != day + i)
			fail_msg("line %d, step %d (grade %s): got I=%" PRId64
			    " n=%" PRId64 " lapses=%" PRId64 " EF=%.17g, want %s",
			    lineno, steps + 1, g, s.interval, s.reps, s.lapses,
			    s.ef, e);
		steps++;
	}
	if (e != NULL)
		fail_msg("line %d: more results than grades", lineno);
	return steps;
}

static void
test_table(void **state)
{
	const char *srcdir = getenv("srcdir");
	char path[4096], line[8192];
	FILE *fp;
	int lineno = 0, sequences = 0;

	(void)state;
	snprintf(path, sizeof path, "%s/tests/data/sched.table",
	    srcdir != NULL ? srcdir : ".");
	fp = fopen(path, "r");
	if (fp == NULL)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof line, fp) != NULL) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		assert_true(check_line(line, lineno) > 0);
		sequences++;
	}
	fclose(fp);
	assert_true(sequences >= 40);
}

/* The example of the issue: EF 1.4999999999999998 makes 9 x EF round to 13. */
static void
test_rounding_example(void **state)
{
	static const int grades[] = { 2, 1, 3, 4, 4 };
	struct sched_state s = sched_new();
	size_t k;

	(void)state;
	for (k = 0; k < sizeof grades / sizeof grades[0]; k++)
		s = sched_review(&s, grades[k], START_DAY + (int64_t)k);
	assert_int_equal(s.interval, 9);
	assert_true(s.ef == 1.4999999999999998);
	s = sched_review(&s, 3, START_DAY + 5);
	assert_int_equal(s.interval, 13);
	assert_true(s.ef == 1.3599999999999999);
}

static void
test_half_rounds_up(void **state)
{
	struct sched_state s = { 2, 5, 2.5, START_DAY, 0 };

	(void)state;
	/* 5 x 2.5 = 12.5 exactly: round half up gives 13. */
	assert_int_equal(sched_next_interval(&s, 4), 13);
	s.interval = 3;
	s.ef = 1.5;		/* 4.5 -> 5 */
	assert_int_equal(sched_next_interval(&s, 5), 5);
}

static void
test_floor(void **state)
{
	struct sched_state s = sched_new();
	int k;

	(void)state;
	for (k = 0; k < 20; k++)
		s = sched_review(&s, 0, START_DAY + k);
	assert_true(s.ef == SCHED_EF_FLOOR);
	assert_int_equal(s.lapses, 20);
	assert_int_equal(s.reps, 0);
	assert_int_equal(s.interval, 1);
}

/* Failures still change EF, and use EF before the update for I. */
static void
test_ef_order(void **state)
{
	struct sched_state s = { 3, 10, 2.0, START_DAY, 0 }, r;

	(void)state;
	r = sched_review(&s, 5, START_DAY);
	assert_int_equal(r.interval, 20);	/* 10 x 2.0, not 10 x 2.1 */
	assert_true(r.ef == 2.0 + 0.1);
	r = sched_review(&s, 2, START_DAY);
	assert_int_equal(r.interval, 1);
	assert_true(r.ef < 2.0);
}

static void
test_saturates(void **state)
{
	struct sched_state s = { 50, INT64_MAX / 2, 3.0, 0, 0 }, r;

	(void)state;
	r = sched_review(&s, 5, START_DAY);
	assert_true(r.interval == INT64_MAX);
	assert_true(r.due == INT64_MAX);
	assert_true(sched_add_days(INT64_MAX - 1, 5) == INT64_MAX);
	assert_true(sched_add_days(10, 5) == 15);
}

static void
test_leech(void **state)
{
	(void)state;
	assert_false(sched_leech_event(6, 7));
	assert_true(sched_leech_event(7, 8));
	assert_false(sched_leech_event(8, 9));
	assert_false(sched_leech_event(10, 11));
	assert_true(sched_leech_event(11, 12));
	assert_true(sched_leech_event(15, 16));
	assert_false(sched_leech_event(8, 8));
	assert_false(sched_is_leech(7));
	assert_true(sched_is_leech(8));
}

static void
test_new(void **state)
{
	struct sched_state s = sched_new();

	(void)state;
	assert_int_equal(s.reps, 0);
	assert_int_equal(s.interval, 0);
	assert_true(s.ef == 2.5);
	assert_true(s.due == SCHED_NEW_DUE);
	assert_int_equal(s.lapses, 0);
}

#define D 21000		/* an interview day */

static struct sched_interview
interview(int64_t l3, int64_t l2, int64_t l1)
{
	struct sched_interview iv = { D, { l3, l2, l1 } };

	return iv;
}

/* Within three days of the interview, or without one: plain SM-2. */
static void
test_interview_inactive(void **state)
{
	struct sched_state s = { 5, 30, 2.5, D - 3, 0 }, a, b;
	struct sched_interview iv = interview(0, 0, 0);

	(void)state;
	assert_false(sched_interview_active(NULL, D - 10));
	assert_false(sched_interview_active(&iv, D - 3));
	assert_false(sched_interview_active(&iv, D + 5));
	assert_true(sched_interview_active(&iv, D - 4));
	a = sched_review(&s, 4, D - 3);
	b = sched_review_towards(&s, 4, D - 3, &iv);
	assert_true(a.due == b.due && a.interval == b.interval);
	b = sched_review_towards(&s, 4, D - 10, NULL);
	a = sched_review(&s, 4, D - 10);
	assert_true(a.due == b.due);
}

/* A due on or after the interview moves to the least loaded window day. */
static void
test_interview_after(void **state)
{
	struct sched_state s = { 5, 30, 2.5, D - 20, 0 }, r;
	struct sched_interview iv = interview(5, 2, 9);

	(void)state;
	r = sched_review_towards(&s, 4, D - 20, &iv);
	assert_int_equal(r.interval, 75);	/* the interval is SM-2's */
	assert_int_equal(r.due, D - 2);
	iv = interview(4, 4, 4);		/* ties go to the later day */
	r = sched_review_towards(&s, 4, D - 20, &iv);
	assert_int_equal(r.due, D - 1);
	iv = interview(1, 4, 4);
	r = sched_review_towards(&s, 4, D - 20, &iv);
	assert_int_equal(r.due, D - 3);
}

/* Inside the window already: it stays. */
static void
test_interview_inside(void **state)
{
	struct sched_state s = { 2, 6, 2.5, D - 20, 0 }, r;
	struct sched_interview iv = interview(0, 9, 9);

	(void)state;
	r = sched_review_towards(&s, 4, D - 17, &iv);	/* 6 x 2.5 = 15 */
	assert_int_equal(r.due, D - 2);
}

/* Before the window: moved only when it would be the last review. */
static void
test_interview_last_review(void **state)
{
	struct sched_state s = { 1, 1, 2.5, D - 30, 0 }, r;
	struct sched_interview iv = interview(3, 0, 3);

	(void)state;
	/* I = 6, due D-24; the pass after gives round(6 x 2.5) = 15 -> D-9. */
	r = sched_review_towards(&s, 4, D - 30, &iv);
	assert_int_equal(r.due, D - 24);
	/* I = 6, due D-10; the pass after gives 15 -> D+5: the last one. */
	r = sched_review_towards(&s, 4, D - 16, &iv);
	assert_int_equal(r.interval, 6);
	assert_int_equal(r.due, D - 2);
	/* A failure: due tomorrow, and a pass then gives 1 day: stays. */
	r = sched_review_towards(&s, 1, D - 16, &iv);
	assert_int_equal(r.due, D - 15);
}

static void
test_new_limit(void **state)
{
	struct sched_interview iv = interview(0, 0, 0);

	(void)state;
	assert_int_equal(sched_new_limit(10, 100, D - 7, NULL), 10);
	assert_int_equal(sched_new_limit(10, 100, D - 7, &iv), 25);
	assert_int_equal(sched_new_limit(10, 101, D - 7, &iv), 26);
	assert_int_equal(sched_new_limit(10, 100, D - 14, &iv), 10);
	assert_int_equal(sched_new_limit(10, 100, D - 4, &iv), 100);
	assert_int_equal(sched_new_limit(10, 100, D - 3, &iv), 10);
	assert_int_equal(sched_new_limit(10, 0, D - 5, &iv), 10);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_rounding_example),
		cmocka_unit_test(test_half_rounds_up),
		cmocka_unit_test(test_floor),
		cmocka_unit_test(test_ef_order),
		cmocka_unit_test(test_saturates),
		cmocka_unit_test(test_leech),
		cmocka_unit_test(test_new),
		cmocka_unit_test(test_interview_inactive),
		cmocka_unit_test(test_interview_after),
		cmocka_unit_test(test_interview_inside),
		cmocka_unit_test(test_interview_last_review),
		cmocka_unit_test(test_new_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
