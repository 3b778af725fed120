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

/* A memory reviewed on day with stability st (difficulty aside). */
static struct fsrs_state
memory(double st, int64_t day)
{
	struct fsrs_state m = { st, 5, day };

	return m;
}

/* No interview and SM-2: plain SM-2, to the bit. */
static void
test_plan_plain(void **state)
{
	struct sched_state s = { 5, 30, 2.5, D - 3, 0 }, a, b;
	struct sched_plan p = { false, 0.9, SCHED_NEW_DUE, false };
	struct fsrs_state m = memory(3, D - 10);

	(void)state;
	a = sched_review(&s, 4, D - 10);
	b = sched_review_plan(&s, 4, D - 10, &m, &p);
	assert_memory_equal(&a, &b, sizeof a);
	/* An interview in the past changes nothing either. */
	p.interview = D - 20;
	b = sched_review_plan(&s, 4, D - 10, &m, &p);
	assert_memory_equal(&a, &b, sizeof a);
}

/* The FSRS scheduler: the model's interval, SM-2's reps, EF and lapses. */
static void
test_plan_fsrs(void **state)
{
	struct sched_state s = { 5, 30, 2.5, D - 3, 0 }, a, b;
	struct sched_plan p = { true, 0.9, SCHED_NEW_DUE, false };
	struct fsrs_state m = memory(20, D - 10);

	(void)state;
	a = sched_review(&s, 4, D - 10);
	b = sched_review_plan(&s, 4, D - 10, &m, &p);
	/* At retention 0.9 the interval is the stability itself. */
	assert_int_equal(b.interval, 20);
	assert_int_equal(b.due, D + 10);
	assert_int_equal(b.reps, a.reps);
	assert_true(b.ef == a.ef);
	assert_int_equal(b.lapses, a.lapses);
	p.retention = 0.8;
	b = sched_review_plan(&s, 4, D - 10, &m, &p);
	assert_true(b.interval > 20);
}

/* Before an interview: the model's interval, or the eve when too late. */
static void
test_plan_interview(void **state)
{
	struct sched_state s = { 1, 1, 2.5, D - 30, 0 }, r;
	struct sched_plan p = { false, 0.9, D, false };
	struct fsrs_state m = memory(4, D - 20);

	(void)state;
	/* S 4: due in 4 days, well before the interview. */
	r = sched_review_plan(&s, 4, D - 20, &m, &p);
	assert_int_equal(r.due, D - 16);
	assert_int_equal(r.interval, 4);
	/* S 30: the next review would come after the day: the eve. */
	m = memory(30, D - 20);
	r = sched_review_plan(&s, 4, D - 20, &m, &p);
	assert_int_equal(r.due, D - 1);
	/* On the eve itself, the day after is all there is. */
	m = memory(0.5, D - 1);
	r = sched_review_plan(&s, 1, D - 1, &m, &p);
	assert_int_equal(r.due, D);
}

/* A card already sure on the day waits for it, or for its scheduler. */
static void
test_plan_safe(void **state)
{
	struct sched_state s = { 3, 15, 2.5, D - 2, 0 }, r;
	struct sched_plan p = { false, 0.9, D, false };
	/* S 5000, reviewed two days before: recall on the day > 0.999. */
	struct fsrs_state m = memory(5000, D - 2);

	(void)state;
	assert_true(fsrs_recall(&m, D) >= SCHED_SAFE_RECALL);
	r = sched_review_plan(&s, 5, D - 2, &m, &p);
	/* SM-2 says round(15 x 2.5) = 38 days: later than the day, kept. */
	assert_int_equal(r.due, D - 2 + 38);
	s.interval = 1;
	s.reps = 0;
	r = sched_review_plan(&s, 5, D - 2, &m, &p);
	/* SM-2 would say tomorrow: the interview day instead. */
	assert_int_equal(r.due, D);
}

/* Under a budget, a review too late comes at the start of the final days. */
static void
test_plan_budget(void **state)
{
	struct sched_state s = { 1, 1, 2.5, D - 30, 0 }, r;
	struct sched_plan p = { false, 0.9, D, true };
	struct fsrs_state m = memory(30, D - 20);

	(void)state;
	r = sched_review_plan(&s, 4, D - 20, &m, &p);
	assert_int_equal(r.due, D - SCHED_WINDOW);
	/* Within the final days: the next day. */
	r = sched_review_plan(&s, 4, D - 2, &m, &p);
	assert_int_equal(r.due, D - 1);
}

static void
test_new_limit(void **state)
{
	(void)state;
	assert_int_equal(sched_new_limit(10, 100, D - 7, SCHED_NEW_DUE), 10);
	assert_int_equal(sched_new_limit(10, 100, D - 7, D), 25);
	assert_int_equal(sched_new_limit(10, 101, D - 7, D), 26);
	assert_int_equal(sched_new_limit(10, 100, D - 14, D), 10);
	assert_int_equal(sched_new_limit(10, 100, D - 4, D), 100);
	assert_int_equal(sched_new_limit(10, 100, D - 3, D), 10);
	assert_int_equal(sched_new_limit(10, 0, D - 5, D), 10);
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
		cmocka_unit_test(test_plan_plain),
		cmocka_unit_test(test_plan_fsrs),
		cmocka_unit_test(test_plan_interview),
		cmocka_unit_test(test_plan_safe),
		cmocka_unit_test(test_plan_budget),
		cmocka_unit_test(test_new_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
