/* cmd-stats.c: how the drilling goes, as text with bar charts or as JSON. */
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "rehearse.h"
#include "term.h"
#include "xmalloc.h"

#define FORECAST_DAYS 14

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

struct series {
	char	 days[31][DAY_BUFSZ];
	int64_t	 n[31];
	int	 len;
	int64_t	 max;
};

static void
collect(void *arg, const char *day, const char *count)
{
	struct series *s = arg;

	if (s->len >= 31 || day == NULL || count == NULL)
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
forecast(struct store *st, const char *json)
{
	struct series s;
	int i, width = term_width() - 24;

	memset(&s, 0, sizeof s);
	store_json_each(st, json, "$.forecast", "$.day", "$.due", collect, &s);
	printf("\n%sDue in the next %d days%s\n", term_bold(), FORECAST_DAYS,
	    term_reset());
	for (i = 0; i < s.len; i++) {
		printf("  %s %s %5lld ", weekday(s.days[i]), s.days[i],
		    (long long)s.n[i]);
		bar(s.n[i], s.max, width < 10 ? 10 : width);
		putchar('\n');
	}
}

/* Reviews per day as one line of block heights. */
static void
activity(struct store *st, const char *json)
{
	static const char *const levels[] = { "▁", "▂", "▃", "▄", "▅", "▆",
	    "▇", "█" };
	static const char ascii[] = ".:-=+*#@";
	struct series s;
	int64_t total = 0;
	int i, k;

	memset(&s, 0, sizeof s);
	store_json_each(st, json, "$.reviews", "$.day", "$.count", collect,
	    &s);
	printf("\n%sReviews, last 30 days%s\n  ", term_bold(), term_reset());
	for (i = 0; i < s.len; i++) {
		total += s.n[i];
		if (s.n[i] == 0) {
			putchar(' ');
			continue;
		}
		k = (int)((s.n[i] * 8 - 1) / (s.max > 0 ? s.max : 1));
		if (utf8())
			fputs(levels[k > 7 ? 7 : k], stdout);
		else
			putchar(ascii[k > 7 ? 7 : k]);
	}
	printf("  %lld in all, most %lld in a day\n", (long long)total,
	    (long long)s.max);
}

static void
retention_line(struct store *st, const char *json, const char *label,
    const char *which)
{
	char path[64];
	int64_t n, passed;

	snprintf(path, sizeof path, "$.retention.%s.reviews", which);
	n = store_json_int(st, json, path);
	snprintf(path, sizeof path, "$.retention.%s.passed", which);
	passed = store_json_int(st, json, path);
	if (n == 0)
		printf("  %-7s no reviews yet\n", label);
	else
		printf("  %-7s %3lld%% (%lld of %lld graded 3 or more)\n", label,
		    (long long)(passed * 100 / n), (long long)passed,
		    (long long)n);
}

static void
print_text(struct store *st, const char *json)
{
	char *avg;
	int64_t left;

	printf("%sCards%s  %lld in all: %lld new, %lld learning, %lld mature, "
	    "%lld leech%s, %lld suspended\n", term_bold(), term_reset(),
	    (long long)store_json_int(st, json, "$.cards.total"),
	    (long long)store_json_int(st, json, "$.cards.new"),
	    (long long)store_json_int(st, json, "$.cards.learning"),
	    (long long)store_json_int(st, json, "$.cards.mature"),
	    (long long)store_json_int(st, json, "$.cards.leech"),
	    store_json_int(st, json, "$.cards.leech") == 1 ? "" : "es",
	    (long long)store_json_int(st, json, "$.cards.suspended"));
	avg = store_json_get(st, json, "$.interview.day");
	if (avg != NULL) {
		left = store_json_int(st, json, "$.interview.days_left");
		printf("Interview on %s (%lld day%s %s)\n", avg,
		    (long long)(left < 0 ? -left : left),
		    left == 1 || left == -1 ? "" : "s",
		    left < 0 ? "ago" : "to go");
		free(avg);
	}
	forecast(st, json);
	activity(st, json);
	printf("\n%sRetention, last 30 days%s (learning: interval under 21 "
	    "days)\n", term_bold(), term_reset());
	retention_line(st, json, "learning", "young");
	retention_line(st, json, "mature", "mature");
	avg = store_json_get(st, json, "$.average_seconds");
	printf("\n%sStreak%s %lld day%s in a row.  %sAverage answer%s %s%s\n",
	    term_bold(), term_reset(),
	    (long long)store_json_int(st, json, "$.streak"),
	    store_json_int(st, json, "$.streak") == 1 ? "" : "s", term_bold(),
	    term_reset(), avg != NULL ? avg : "none yet",
	    avg != NULL ? " s" : "");
	free(avg);
}

int
stats_print(struct store *st, const char *decks, int64_t today, bool json)
{
	struct sched_interview iv;
	char *text;

	text = store_stats_json(st, decks, today, review_interview(st, &iv) ?
	    iv.day : SCHED_NEW_DUE);
	if (text == NULL) {
		warnx_("%s", store_error(st));
		return EXIT_FAIL;
	}
	if (json)
		puts(text);
	else
		print_text(st, text);
	free(text);
	return EXIT_OK;
}

static int
cmd_stats_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	char *decks = NULL;
	int rc = EXIT_OK;

	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if (argc > 0)
		rc = cmd_check_deck(st, argv[0], &decks);
	if (rc == EXIT_OK)
		rc = stats_print(st, decks, o->today, o->given & O_JSON);
	free(decks);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_stats_entry = {
	"stats", "[DECK] [--json]", 0, 1, O_JSON, cmd_stats_exec,
};
