/* clock.h: the one place the program learns the date and time. */
#ifndef REHEARSE_CLOCK_H
#define REHEARSE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#define DAY_MAX 2932896		/* 9999-12-31 */
#define DAY_MIN (-719162)	/* 0001-01-01 */
#define DAY_BUFSZ 11

/* Parse a strict YYYY-MM-DD into a day number (days since 1970-01-01). */
bool	 day_parse(const char *s, int64_t *day);
/* Format a day number; days past 9999-12-31 print as that date. */
char	*day_format(int64_t day, char buf[DAY_BUFSZ]);

/*
 * The name of day's weekday in the interface's language, not the
 * locale's (a Dutch interface may run in C.UTF-8): "Thursday", or with
 * abbrev "Thu".
 */
const char *day_weekday(int64_t day, bool abbrev);

/* Make every later clock_today() return day (--today, $REHEARSE_TODAY). */
void	 clock_set_today(int64_t day);
/* Today as a local calendar day. */
int64_t	 clock_today(void);
/* Wall-clock time in milliseconds since the epoch, for the review log. */
int64_t	 clock_now_ms(void);
/*
 * A monotonic clock in milliseconds, for timing answers.  For tests,
 * $REHEARSE_TEST_CLOCK (read at the first call) makes it a fake clock,
 * as clock_fake_mono does.
 */
int64_t	 clock_mono_ms(void);
/*
 * Make the monotonic clock start at 0 and move on by the next of steps
 * ("0,150,0,40": whole seconds, comma-separated) at each reading,
 * starting over after the last; NULL: the real clock again.  False,
 * with the real clock, when steps is malformed.  The string is borrowed
 * for as long as the fake clock runs.
 */
bool	 clock_fake_mono(const char *steps);

#endif
