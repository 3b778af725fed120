/* test-clock.c: calendar days: parsing, formatting, the --today override. */
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_override),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
