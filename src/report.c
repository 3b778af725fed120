/* report.c: how the drilling goes, as text with bar charts or as JSON. */
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
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
	term_locale();
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

static const char *
weekday(const char *ymd)
{
	static const char *const names[] = { "Thu", "Fri", "Sat", "Sun",
	    "Mon", "Tue", "Wed" };
	int64_t d;

	if (!day_parse(ymd, &d))
		return "   ";
	return names[((d % 7) + 7) % 7];
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
	int i, width = term_width() - 24;

	printf("\n%sDue in the next %d days%s\n", term_bold(), FORECAST_DAYS,
	    term_reset());
	for (i = 0; i < s->len; i++) {
		printf("  %s %s %5lld ", weekday(s->days[i]), s->days[i],
		    (long long)s->n[i]);
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

	printf("\n%sReviews, last 30 days%s\n  ", term_bold(), term_reset());
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
	printf("  %lld in all, most %lld in a day\n", (long long)total,
	    (long long)s->max);
}

static void
print_retention(const char *label, const struct retention *r)
{
	if (r->reviews == 0)
		printf("  %-7s no reviews yet\n", label);
	else
		printf("  %-7s %3lld%% (%lld of %lld graded 3 or more)\n", label,
		    (long long)(r->passed * 100 / r->reviews),
		    (long long)r->passed, (long long)r->reviews);
}

static void
print_text(const struct report *r)
{
	int64_t left = r->days_left;

	printf("%sCards%s  %lld in all: %lld new, %lld learning, %lld mature, "
	    "%lld leech%s, %lld suspended\n", term_bold(), term_reset(),
	    (long long)r->total, (long long)r->fresh, (long long)r->learning,
	    (long long)r->mature, (long long)r->leeches,
	    r->leeches == 1 ? "" : "es", (long long)r->suspended);
	if (r->interview != NULL)
		printf("Interview on %s (%lld day%s %s)\n", r->interview,
		    (long long)(left < 0 ? -left : left),
		    left == 1 || left == -1 ? "" : "s",
		    left < 0 ? "ago" : "to go");
	print_forecast(&r->forecast);
	print_activity(&r->reviews);
	printf("\n%sRetention, last 30 days%s (learning: interval under 21 "
	    "days)\n", term_bold(), term_reset());
	print_retention("learning", &r->young);
	print_retention("mature", &r->old);
	printf("\n%sStreak%s %lld day%s in a row.  %sAverage answer%s %s%s\n",
	    term_bold(), term_reset(), (long long)r->streak,
	    r->streak == 1 ? "" : "s", term_bold(), term_reset(),
	    r->average != NULL ? r->average : "none yet",
	    r->average != NULL ? " s" : "");
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
