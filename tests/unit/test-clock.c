/* test-clock.c: calendar days: parsing, formatting, the --today override, the tests' fake clock. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "clock.h"

static void
test_parse_valid(void **state)
{
	int64_t d;

	(void)state;
	assert_true(day_parse("1970-01-01", &d));
	assert_int_equal(d, 0);
	assert_true(day_parse("2026-11-28", &d));
	assert_int_equal(d, 20785);
	assert_true(day_parse("2024-02-29", &d));
	assert_true(day_parse("2000-02-29", &d));
	assert_true(day_parse("9999-12-31", &d));
	assert_int_equal(d, DAY_MAX);
	assert_true(day_parse("1969-12-31", &d));
	assert_int_equal(d, -1);
}

static void
test_parse_invalid(void **state)
{
	static const char *const bad[] = {
		"2026-13-01", "2026-00-10", "2026-02-29", "1900-02-29",
		"2026-04-31", "2026-1-01", "26-11-28", "2026/11/28",
		"2026-11-28x", "", "abcd-ef-gh", "0000-01-01", " 2026-11-28",
	};
	size_t i;
	int64_t d;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (day_parse(bad[i], &d))
			fail_msg("'%s' was accepted", bad[i]);
}

static void
test_format(void **state)
{
	char buf[DAY_BUFSZ];
	int64_t d;

	(void)state;
	assert_string_equal(day_format(0, buf), "1970-01-01");
	assert_string_equal(day_format(20785, buf), "2026-11-28");
	assert_string_equal(day_format(DAY_MAX + 1, buf), "9999-12-31");
	assert_string_equal(day_format(INT64_MAX, buf), "9999-12-31");
	/* Every day of four centuries round-trips. */
	for (d = -146097; d < 146097 * 2; d++) {
		int64_t back;

		day_format(d, buf);
		assert_true(day_parse(buf, &back));
		assert_true(back == d);
	}
}

static void
test_override(void **state)
{
	(void)state;
	clock_set_today(12345);
	assert_int_equal(clock_today(), 12345);
}

/* The fake monotonic clock of the tests: a step a reading, in cycles. */
static void
test_fake_mono(void **state)
{
	int64_t a, b;

	(void)state;
	assert_true(clock_fake_mono("0,150,0,40"));
	assert_int_equal(clock_mono_ms(), 0);
	assert_int_equal(clock_mono_ms(), 150000);
	assert_int_equal(clock_mono_ms(), 150000);
	assert_int_equal(clock_mono_ms(), 190000);
	assert_int_equal(clock_mono_ms(), 190000);	/* again from the start */
	assert_int_equal(clock_mono_ms(), 340000);
	assert_true(clock_fake_mono("7"));
	assert_int_equal(clock_mono_ms(), 7000);
	assert_int_equal(clock_mono_ms(), 14000);
	assert_false(clock_fake_mono("1,,2"));
	assert_false(clock_fake_mono("1,2,"));
	assert_false(clock_fake_mono("-1"));
	assert_false(clock_fake_mono("1.5"));
	assert_false(clock_fake_mono(""));
	assert_false(clock_fake_mono("1234567"));
	/* A malformed list leaves the real clock, which never goes back. */
	a = clock_mono_ms();
	b = clock_mono_ms();
	assert_true(b >= a && a > 14000);
	assert_true(clock_fake_mono(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_override),
		cmocka_unit_test(test_fake_mono),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
