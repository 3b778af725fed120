/* report.c: how the drilling goes, as text with bar charts or as JSON. */
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "rehearse.h"
#include "term.h"

#define FORECAST_DAYS 14
#define SERIES_MAX 31

/* Counts by day, as the statistics' JSON lists them. */
struct series {
	char	 days[SERIES_MAX][DAY_BUFSZ];
	int64_t	 n[SERIES_MAX];
	int	 len;
	int64_t	 max;
};

/* Reviews, and those graded 3 or more, in the last 30 days. */
struct retention {
	int64_t	 reviews;
	int64_t	 passed;
};

/*
 * Everything the text shows, read out of the JSON before anything is
 * printed, so that a read that fails leaves no half report behind.
 */
struct report {
	int64_t			 total, fresh, learning, mature, leeches;
	int64_t			 suspended;
	char			*interview;	/* its day, or NULL when unset */
	int64_t			 days_left;
	struct series		 forecast;
	struct series		 reviews;
	struct retention	 young;
	struct retention	 old;
	int64_t			 streak;
	char			*average;	/* seconds, or NULL when none */
};

/* Bar chart characters: eighths of a cell, or ASCII without UTF-8. */
static bool
utf8(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

static void
bar(int64_t n, int64_t max, int width)
{
	static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋",
	    "▊", "▉" };
	int64_t units;
	int i;

	if (max <= 0 || n <= 0)
		return;
	units = (n * width * 8 + max - 1) / max;
	for (i = 0; i < units / 8; i++)
		fputs(utf8() ? "█" : "#", stdout);
	if (units % 8 != 0)
		fputs(utf8() ? eighths[units % 8] : "#", stdout);
}

static void
collect(void *arg, const char *day, const char *count)
{
	struct series *s = arg;

	if (s->len >= SERIES_MAX || day == NULL || count == NULL)
		return;
	snprintf(s->days[s->len], DAY_BUFSZ, "%s", day);
	s->n[s->len] = strtoll(count, NULL, 10);
	if (s->n[s->len] > s->max)
		s->max = s->n[s->len];
	s->len++;
}

/* A weekday's short name in the locale's words (0: Sunday; "Thu" in C). */
static void
weekday_name(int wday, char *buf, size_t len)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_wday = wday;
	if (strftime(buf, len, "%a", &tm) == 0)
		buf[0] = '\0';
}

/* The widest of the seven names, so that the dates after them line up. */
static int
weekday_width(void)
{
	char name[64];
	int i, w, max = 0;

	for (i = 0; i < 7; i++) {
		weekday_name(i, name, sizeof name);
		if ((w = (int)term_display_width(name)) > max)
			max = w;
	}
	return max;
}

/* The weekday of a YYYY-MM-DD day padded to width; blank if no date. */
static void
print_weekday(const char *ymd, int width)
{
	char name[64] = "";
	int64_t d;
	int pad;

	/* Day 0, 1970-01-01, was a Thursday (4). */
	if (day_parse(ymd, &d))
		weekday_name((int)((d % 7 + 11) % 7), name, sizeof name);
	pad = width - (int)term_display_width(name);
	printf("%s%*s", name, pad > 0 ? pad : 0, "");
}

static void
retention_read(struct store *st, const char *json, const char *which,
    struct retention *r)
{
	char path[64];

	snprintf(path, sizeof path, "$.retention.%s.reviews", which);
	r->reviews = store_json_int(st, json, path);
	snprintf(path, sizeof path, "$.retention.%s.passed", which);
	r->passed = store_json_int(st, json, path);
}

/* Fill r from the statistics' JSON; -1 when a read failed. */
static int
report_read(struct store *st, const char *json, struct report *r)
{
	memset(r, 0, sizeof *r);
	r->total = store_json_int(st, json, "$.cards.total");
	r->fresh = store_json_int(st, json, "$.cards.new");
	r->learning = store_json_int(st, json, "$.cards.learning");
	r->mature = store_json_int(st, json, "$.cards.mature");
	r->leeches = store_json_int(st, json, "$.cards.leech");
	r->suspended = store_json_int(st, json, "$.cards.suspended");
	r->interview = store_json_get(st, json, "$.interview.day");
	if (r->interview != NULL)
		r->days_left = store_json_int(st, json,
		    "$.interview.days_left");
	store_json_each(st, json, "$.forecast", "$.day", "$.due", collect,
	    &r->forecast);
	store_json_each(st, json, "$.reviews", "$.day", "$.count", collect,
	    &r->reviews);
	retention_read(st, json, "young", &r->young);
	retention_read(st, json, "mature", &r->old);
	r->streak = store_json_int(st, json, "$.streak");
	r->average = store_json_get(st, json, "$.average_seconds");
	return store_failed(st) ? -1 : 0;
}

static void
report_free(struct report *r)
{
	free(r->interview);
	free(r->average);
}

static void
print_forecast(const struct series *s)
{
	int i, wday = weekday_width(), width;

	/* The bars get what the weekday, date and count leave. */
	width = term_width() - 24 - (wday > 3 ? wday - 3 : 0);
	printf("\n%s", term_bold());
	printf(ngettext("Due in the next %d day", "Due in the next %d days",
	    FORECAST_DAYS), FORECAST_DAYS);
	printf("%s\n", term_reset());
	for (i = 0; i < s->len; i++) {
		fputs("  ", stdout);
		print_weekday(s->days[i], wday > 3 ? wday : 3);
		/* A day with nothing due ends at its count: no blank after. */
		printf(" %s %5lld%s", s->days[i], (long long)s->n[i],
		    s->n[i] > 0 && s->max > 0 ? " " : "");
		bar(s->n[i], s->max, width < 10 ? 10 : width);
		putchar('\n');
	}
}

/* Reviews per day as one line of block heights. */
static void
print_activity(const struct series *s)
{
	static const char *const levels[] = { "▁", "▂", "▃", "▄", "▅", "▆",
	    "▇", "█" };
	static const char ascii[] = ".:-=+*#@";
	int64_t total = 0;
	int i, k;

	printf("\n%s%s%s\n  ", term_bold(), _("Reviews, last 30 days"),
	    term_reset());
	for (i = 0; i < s->len; i++) {
		total += s->n[i];
		if (s->n[i] == 0) {
			putchar(' ');
			continue;
		}
		k = (int)((s->n[i] * 8 - 1) / (s->max > 0 ? s->max : 1));
		if (utf8())
			fputs(levels[k > 7 ? 7 : k], stdout);
		else
			putchar(ascii[k > 7 ? 7 : k]);
	}
	fputs("  ", stdout);
	printf(_("%lld in all, most %lld in a day\n"), (long long)total,
	    (long long)s->max);
}

/* The label padded to 7 columns by display width (more when wider). */
static void
print_retention(const char *label, const struct retention *r)
{
	int pad = 7 - (int)term_display_width(label);

	printf("  %s%*s ", label, pad > 0 ? pad : 0, "");
	if (r->reviews == 0)
		fputs(_("no reviews yet\n"), stdout);
	else
		printf(_("%3lld%% (%lld of %lld graded 3 or more)\n"),
		    (long long)(r->passed * 100 / r->reviews),
		    (long long)r->passed, (long long)r->reviews);
}

/* The interview's day, and how far it is. */
static void
print_interview(const struct report *r)
{
	int64_t left = r->days_left;

	if (left < 0)
		printf(ngettext("Interview on %s (%lld day ago)\n",
		    "Interview on %s (%lld days ago)\n", (unsigned long)-left),
		    r->interview, (long long)-left);
	else
		printf(ngettext("Interview on %s (%lld day to go)\n",
		    "Interview on %s (%lld days to go)\n", (unsigned long)left),
		    r->interview, (long long)left);
}

/* The streak and the average time to answer, on one line. */
static void
print_streak(const struct report *r)
{
	const char *b = term_bold(), *e = term_reset();
	long long n = r->streak;

	putchar('\n');
	/* TRANSLATORS: the %s pairs put "Streak", "Average answer" in bold. */
	if (r->average != NULL)
		printf(ngettext("%sStreak%s %lld day in a row.  %sAverage "
		    "answer%s %s s\n", "%sStreak%s %lld days in a row.  "
		    "%sAverage answer%s %s s\n", (unsigned long)n), b, e, n, b,
		    e, r->average);
	else
		printf(ngettext("%sStreak%s %lld day in a row.  %sAverage "
		    "answer%s none yet\n", "%sStreak%s %lld days in a row.  "
		    "%sAverage answer%s none yet\n", (unsigned long)n), b, e,
		    n, b, e);
}

static void
print_text(const struct report *r)
{
	/* TRANSLATORS: the first %s pair puts "Cards" in bold. */
	printf(ngettext("%sCards%s  %lld in all: %lld new, %lld learning, "
	    "%lld mature, %lld leech, %lld suspended\n", "%sCards%s  %lld in "
	    "all: %lld new, %lld learning, %lld mature, %lld leeches, %lld "
	    "suspended\n", (unsigned long)r->leeches), term_bold(),
	    term_reset(), (long long)r->total, (long long)r->fresh,
	    (long long)r->learning, (long long)r->mature,
	    (long long)r->leeches, (long long)r->suspended);
	if (r->interview != NULL)
		print_interview(r);
	print_forecast(&r->forecast);
	print_activity(&r->reviews);
	putchar('\n');
	/* TRANSLATORS: "learning" as in the line below it. */
	printf(_("%sRetention, last 30 days%s (learning: interval under 21 "
	    "days)\n"), term_bold(), term_reset());
	/* TRANSLATORS: padded to 7 columns; two labels that fit line up. */
	print_retention(_("learning"), &r->young);
	/* TRANSLATORS: padded to 7 columns; two labels that fit line up. */
	print_retention(_("mature"), &r->old);
	print_streak(r);
}

int
report_stats(struct store *st, const char *decks, int64_t today, bool json)
{
	struct sched_interview iv;
	struct report r;
	char *text = NULL;
	bool set;
	int rc;

	set = review_interview(st, &iv);
	if (!store_failed(st))
		text = store_stats_json(st, decks, today, set ? iv.day :
		    SCHED_NEW_DUE);
	if (text == NULL || store_failed(st)) {
		warnx_("%s", store_error(st));
		free(text);
		return EXIT_FAIL;
	}
	rc = EXIT_OK;
	if (json)
		puts(text);
	else {
		if (report_read(st, text, &r) == 0)
			print_text(&r);
		else {
			warnx_("%s", store_error(st));
			rc = EXIT_FAIL;
		}
		report_free(&r);
	}
	free(text);
	return rc;
}
