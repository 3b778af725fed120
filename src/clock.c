/* clock.c: calendar days and the current time, overridable for tests. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "i18n.h"

static int64_t	today_fixed = INT64_MIN;	/* INT64_MIN: not fixed */

/* A monotonic clock of steps (clock_fake_mono); mono_steps NULL: real. */
static const char	*mono_steps;
static const char	*mono_next;
static int64_t		 mono_fake_ms;
static bool		 mono_env_read;

/* Days from civil date, proleptic Gregorian (H. Hinnant's algorithm). */
static int64_t
day_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_day(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

bool
day_parse(const char *s, int64_t *day)
{
	int64_t y, n;
	unsigned m, d, back_m, back_d;
	int i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
	d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	/* A day past the end of its month (02-30) comes back as another. */
	n = day_from_civil(y, m, d);
	civil_from_day(n, &y, &back_m, &back_d);
	if (back_d != d)
		return false;
	*day = n;
	return true;
}

char *
day_format(int64_t day, char buf[DAY_BUFSZ])
{
	int64_t y;
	unsigned m, d;

	if (day > DAY_MAX)
		day = DAY_MAX;
	if (day < DAY_MIN)
		day = DAY_MIN;
	civil_from_day(day, &y, &m, &d);
	/* Digit by digit: y is 1..9999, m 1..12, d 1..31 by construction. */
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

const char *
day_weekday(int64_t day, bool abbrev)
{
	static const char *const full[7] = {
		N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
		N_("Thursday"), N_("Friday"), N_("Saturday"),
	};
	static const char *const brief[7] = {
		/* TRANSLATORS: short weekday names, Sunday first. */
		N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
		N_("Fri"), N_("Sat"),
	};
	/* Day 0, 1970-01-01, was a Thursday (4). */
	int i = (int)((day % 7 + 11) % 7);

	return _(abbrev ? brief[i] : full[i]);
}

void
clock_set_today(int64_t day)
{
	today_fixed = day;
}

int64_t
clock_today(void)
{
	time_t t;
	struct tm tm;

	if (today_fixed != INT64_MIN)
		return today_fixed;
	t = time(NULL);
	if (localtime_r(&t, &tm) == NULL)
		return 0;
	return day_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
	    (unsigned)tm.tm_mday);
}

int64_t
clock_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool
clock_fake_mono(const char *steps)
{
	const char *p = steps;
	size_t n;

	mono_env_read = true;
	mono_steps = NULL;
	if (steps == NULL)
		return true;
	/* Whole seconds, at most six digits each, separated by commas. */
	for (;;) {
		n = strspn(p, "0123456789");
		if (n == 0 || n > 6)
			return false;
		p += n;
		if (*p == '\0')
			break;
		if (*p++ != ',')
			return false;
	}
	mono_steps = mono_next = steps;
	mono_fake_ms = 0;
	return true;
}

/* The fake clock moved on by the next step, the list starting over. */
static int64_t
mono_step(void)
{
	char *end;

	if (*mono_next == '\0')
		mono_next = mono_steps;
	mono_fake_ms += strtoll(mono_next, &end, 10) * 1000;
	mono_next = *end == ',' ? end + 1 : end;
	return mono_fake_ms;
}

int64_t
clock_mono_ms(void)
{
	struct timespec ts;
	const char *env;

	/* A variable for tests only: an answer of known length. */
	if (!mono_env_read) {
		env = getenv("REHEARSE_TEST_CLOCK");
		mono_env_read = true;
		if (env != NULL && *env != '\0')
			clock_fake_mono(env);
	}
	if (mono_steps != NULL)
		return mono_step();
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
