/* report.c: how the drilling goes, as text with bar charts or as JSON. */
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "rehearse.h"
#include "term.h"
#include "xmalloc.h"

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

/*
 * The widest short weekday name's width, at least 3 (as "Thu" in
 * English): the dates after them line up.
 */
static int
weekday_width(void)
{
	int64_t d;
	int w, max = 3;

	for (d = 0; d < 7; d++) {
		if ((w = (int)term_display_width(day_weekday(d, true))) > max)
			max = w;
	}
	return max;
}

/* The largest of n counts. */
static int64_t
most(const int64_t *counts, int n)
{
	int64_t max = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (counts[i] > max)
			max = counts[i];
	}
	return max;
}

static void
print_forecast(const int64_t *due, int64_t today)
{
	char day[DAY_BUFSZ];
	const char *wday;
	int64_t max = most(due, STATS_FORECAST);
	int i, pad, wide = weekday_width(), width;

	/* The bars get what the weekday, date and count leave. */
	width = term_width() - 21 - wide;
	printf("\n%s", term_bold());
	printf(ngettext("Due in the next %d day", "Due in the next %d days",
	    STATS_FORECAST), STATS_FORECAST);
	printf("%s\n", term_reset());
	for (i = 0; i < STATS_FORECAST; i++) {
		wday = day_weekday(today + i, true);
		pad = wide - (int)term_display_width(wday);
		/* A day with nothing due ends at its count: no blank after. */
		printf("  %s%*s %s %5lld%s", wday, pad, "",
		    day_format(today + i, day), (long long)due[i],
		    due[i] > 0 && max > 0 ? " " : "");
		bar(due[i], max, width < 10 ? 10 : width);
		putchar('\n');
	}
}

/* Reviews per day as one line of block heights. */
static void
print_activity(const int64_t *reviews)
{
	static const char *const levels[] = { "▁", "▂", "▃", "▄", "▅", "▆",
	    "▇", "█" };
	static const char ascii[] = ".:-=+*#@";
	struct buf sum = { NULL, 0, 0 }, line = { NULL, 0, 0 };
	int64_t total = 0, max = most(reviews, STATS_RECENT);
	int i, k;

	printf("\n%s%s%s\n  ", term_bold(), _("Grades given, last 30 days"),
	    term_reset());
	for (i = 0; i < STATS_RECENT; i++) {
		total += reviews[i];
		if (reviews[i] == 0) {
			putchar(' ');
			continue;
		}
		k = (int)((reviews[i] * 8 - 1) / (max > 0 ? max : 1));
		if (utf8())
			fputs(levels[k > 7 ? 7 : k], stdout);
		else
			putchar(ascii[k > 7 ? 7 : k]);
	}
	/* TRANSLATORS: "first sightings": a new card's first grade. */
	buf_printf(&sum, _("%lld in all (first sightings too), most %lld in a "
	    "day\n"), (long long)total, (long long)max);
	/* Beside the 30 days when it fits, else under them. */
	if (2 + STATS_RECENT + 2 + (int)term_display_width(sum.data) - 1 <=
	    term_width())
		printf("  %s", sum.data);
	else {
		putchar('\n');
		buf_printf(&line, "  %s", sum.data);
		buf_reset(&sum);
		term_wrap(&sum, line.data, term_width(), 0);
		fputs(sum.data, stdout);
	}
	buf_free(&sum);
	buf_free(&line);
}

/*
 * A line (ending in '\n') whose first word is a bold label, wrapped to
 * the terminal between words when it is too wide, its continuation lines
 * two columns in.
 */
static void
print_labelled(const char *text)
{
	struct buf in = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	const char *s = text;
	size_t n;

	if ((int)term_display_width(text) - 1 > term_width()) {
		buf_printf(&in, "  %s", text);
		term_wrap(&out, in.data, term_width(), 0);
		s = out.data + 2;
	}
	n = strcspn(s, " ");
	printf("%s%.*s%s%s", term_bold(), (int)n, s, term_reset(), s + n);
	buf_free(&in);
	buf_free(&out);
}

/* The label padded to 7 columns by display width (more when wider). */
static void
print_retention(const char *label, int64_t reviews, int64_t passed)
{
	int pad = 7 - (int)term_display_width(label);

	printf("  %s%*s ", label, pad > 0 ? pad : 0, "");
	if (reviews == 0)
		fputs(_("no card came back yet\n"), stdout);
	else
		printf(_("%3lld%% (%lld of %lld graded 3 or more)\n"),
		    (long long)(passed * 100 / reviews), (long long)passed,
		    (long long)reviews);
}

/* The interview's day, and how far it is. */
static void
print_interview(int64_t interview, int64_t today)
{
	char day[DAY_BUFSZ];
	int64_t left = interview - today;

	day_format(interview, day);
	if (left < 0)
		printf(ngettext("Interview on %s (%lld day ago)\n",
		    "Interview on %s (%lld days ago)\n", (unsigned long)-left),
		    day, (long long)-left);
	else
		printf(ngettext("Interview on %s (%lld day to go)\n",
		    "Interview on %s (%lld days to go)\n", (unsigned long)left),
		    day, (long long)left);
}

/* The predicted recall on the day, by deck with bars, and the cards most at risk. */
static void
print_readiness(const struct readiness *r, bool interview)
{
	char day[DAY_BUFSZ];
	int width = term_width() - 30;
	size_t i;

	day_format(r->day, day);
	printf("\n%s", term_bold());
	printf(interview ?
	    /* TRANSLATORS: a date, then a percentage: keep "%%". */
	    _("Readiness for the interview on %s: %.0f%% of %lld cards") :
	    _("Readiness for tomorrow, %s: %.0f%% of %lld cards"), day,
	    100 * r->recall, (long long)r->cards);
	printf("%s\n", term_reset());
	for (i = 0; i < r->ndecks; i++) {
		printf("  %-20s %4.0f%%", r->decks[i].name,
		    100 * r->decks[i].recall);
		/* A deck with no bar ends at its figure: no blank after. */
		if (r->decks[i].recall * width >= 1.0 / 8) {
			putchar(' ');
			bar((int64_t)(1000 * r->decks[i].recall), 1000,
			    width < 10 ? 10 : width);
		}
		putchar('\n');
	}
	if (r->nrisk == 0)
		return;
	printf("%s%s%s\n", term_bold(), _("Most at risk on that day"),
	    term_reset());
	for (i = 0; i < r->nrisk; i++)
		printf("  %4.0f%%  %s\n", 100 * r->risk[i].recall,
		    r->risk[i].name);
}

/* The streak and the average time to answer, on one line. */
static void
print_streak(const struct stats *r)
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

/* The story bank, when there is one: rehearsed apart from the cards. */
static void
print_stories(const struct stats *r)
{
	struct buf b = { NULL, 0, 0 };
	char times[64];
	long long n = r->rehearsals;

	if (r->stories == 0)
		return;
	snprintf(times, sizeof times, ngettext("%lld rehearsal",
	    "%lld rehearsals", (unsigned long)n), n);
	/* TRANSLATORS: the %s pair puts "Stories" in bold; the last %s
	   is "6 rehearsals". */
	buf_printf(&b, ngettext("%sStories%s  %lld in your bank: %lld due, "
	    "%lld never rehearsed; %s in the last 30 days\n", "%sStories%s  "
	    "%lld in your bank: %lld due, %lld never rehearsed; %s in the "
	    "last 30 days\n", (unsigned long)r->stories), "", "",
	    (long long)r->stories, (long long)r->stories_due,
	    (long long)r->stories_new, times);
	print_labelled(b.data);
	buf_free(&b);
}

static void
print_text(const struct stats *r, int64_t today, int64_t interview)
{
	struct buf b = { NULL, 0, 0 };

	/* TRANSLATORS: the first %s pair puts "Cards" in bold. */
	buf_printf(&b, ngettext("%sCards%s  %lld in all: %lld new, %lld "
	    "learning, %lld mature, %lld leech, %lld suspended\n",
	    "%sCards%s  %lld in all: %lld new, %lld learning, %lld mature, "
	    "%lld leeches, %lld suspended\n", (unsigned long)r->leeches), "", "",
	    (long long)r->total, (long long)r->fresh,
	    (long long)r->learning, (long long)r->mature,
	    (long long)r->leeches, (long long)r->suspended);
	print_labelled(b.data);
	buf_free(&b);
	print_stories(r);
	if (interview != SCHED_NEW_DUE)
		print_interview(interview, today);
	print_forecast(r->due, today);
	print_activity(r->reviews);
	putchar('\n');
	/* TRANSLATORS: "learning" as in the line below it. */
	printf(_("%sRecall when cards came back, last 30 days%s (learning: "
	    "interval < 21 days)\n"), term_bold(), term_reset());
	/* TRANSLATORS: padded to 7 columns; two labels that fit line up. */
	print_retention(_("learning"), r->young, r->young_passed);
	/* TRANSLATORS: padded to 7 columns; two labels that fit line up. */
	print_retention(_("mature"), r->old, r->old_passed);
	print_readiness(&r->ready, r->ready.day == interview);
	print_streak(r);
}

/* The drill's :stats: a few sentences, wrapped to the terminal. */
static void
print_short(const struct stats *r, int64_t today, int64_t interview)
{
	struct buf b = { NULL, 0, 0 };
	char day[DAY_BUFSZ];
	int64_t week = 0, back = r->young + r->old;
	int64_t passed = r->young_passed + r->old_passed;
	int i;

	for (i = 1; i < 8; i++)
		week += r->due[i];
	buf_printf(&b, ngettext("Cards: %lld, of which %lld new, %lld "
	    "learning, %lld mature.\n", "Cards: %lld, of which %lld new, "
	    "%lld learning, %lld mature.\n", (unsigned long)r->total),
	    (long long)r->total, (long long)r->fresh, (long long)r->learning,
	    (long long)r->mature);
	/*
	 * Reviews: the new cards a drill takes are not due, said so as not
	 * to clash with the drill's count.  One line at 80 columns.
	 */
	buf_printf(&b, _("Today: %lld graded, %lld reviews still due; "
	    "tomorrow %lld, the 7 days after %lld.\n"),
	    (long long)r->reviews[STATS_RECENT - 1], (long long)r->due[0],
	    (long long)r->due[1], (long long)week);
	if (back > 0)
		buf_printf(&b, _("Recall when cards came back, last 30 days: "
		    "%lld%% (%lld of %lld graded 3 or more).\n"),
		    (long long)(passed * 100 / back), (long long)passed,
		    (long long)back);
	else
		buf_printf(&b, "%s\n", _("Recall when cards came back, last 30 "
		    "days: no card came back yet."));
	if (interview != SCHED_NEW_DUE && interview >= today)
		buf_printf(&b, ngettext("Interview on %s: in %lld day.\n",
		    "Interview on %s: in %lld days.\n",
		    (unsigned long)(interview - today)),
		    day_format(interview, day), (long long)(interview - today));
	buf_printf(&b, ngettext("Streak: %lld day in a row.\n", "Streak: %lld "
	    "days in a row.\n", (unsigned long)r->streak),
	    (long long)r->streak);
	term_print_wrapped(stdout, b.data, 0);
	buf_free(&b);
}

int
report_stats(struct store *st, const char *decks, int64_t today,
    enum report_form form)
{
	struct stats r;
	int64_t deflt = review_default_interview(st), interview = deflt;

	/* Decks named work towards the earliest of their dates. */
	if (decks != NULL)
		interview = store_interview_next(st, decks, deflt, INT64_MIN);
	if (store_failed(st) ||
	    store_stats(st, decks, today, interview, deflt, &r) != 0) {
		warnx_("%s", store_error(st));
		return EXIT_FAIL;
	}
	if (form == REPORT_JSON)
		puts(r.json);
	else if (form == REPORT_SHORT)
		print_short(&r, today, interview);
	else
		print_text(&r, today, interview);
	stats_free(&r);
	return EXIT_OK;
}
