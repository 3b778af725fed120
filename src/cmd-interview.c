/* cmd-interview.c: set, list or clear interview dates, the default or a deck's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "deck.h"
#include "i18n.h"
#include "rehearse.h"
#include "term.h"
#include "xmalloc.h"

/* One date, and the decks that have it as their own ("acme, closing"). */
static void
show_day(int64_t d, const char *decks, int64_t today)
{
	struct buf b = { NULL, 0, 0 }, in = { NULL, 0, 0 };
	struct buf out = { NULL, 0, 0 };
	char day[DAY_BUFSZ], *what;
	int64_t left = d - today;

	day_format(d, day);
	/* TRANSLATORS: "2026-12-10 for acme, closing". */
	what = decks != NULL ? xasprintf(_("%s for %s"), day, decks) :
	    xstrdup(day);
	if (left > 0)
		buf_printf(&b, ngettext("Interview on %s: in %lld day.\n",
		    "Interview on %s: in %lld days.\n", (unsigned long)left),
		    what, (long long)left);
	else if (left == 0)
		buf_printf(&b, _("Interview on %s: today. Good luck!\n"),
		    what);
	else
		buf_printf(&b, ngettext("Interview was on %s, %lld day ago "
		    "(rehearse interview --clear).\n", "Interview was on %s, "
		    "%lld days ago (rehearse interview --clear).\n",
		    (unsigned long)-left), what, (long long)-left);
	free(what);
	/* Many decks wrap between words, under the text after "Interview". */
	if ((int)term_display_width(b.data) - 1 > term_width()) {
		buf_printf(&in, "  %s", b.data);
		term_wrap(&out, in.data, term_width(), 0);
		fputs(out.data + 2, stdout);
	} else
		fputs(b.data, stdout);
	buf_free(&b);
	buf_free(&in);
	buf_free(&out);
}

/* A JSON array of deck ids as a list to read: ["a","b"] becomes "a, b". */
static char *
deck_list(const char *json)
{
	char *out = xmalloc(2 * strlen(json) + 1), *p = out;

	for (; *json != '\0'; json++) {
		if (*json == ',')
			*p++ = ',', *p++ = ' ';
		else if (*json != '[' && *json != ']' && *json != '"')
			*p++ = *json;
	}
	*p = '\0';
	return out;
}

/*
 * The default date, then the decks' own dates, earliest first, each
 * with its decks (the default's: those without a date of their own).
 */
static int
show(struct store *st, int64_t today)
{
	struct interview_row *rows;
	int64_t deflt = review_default_interview(st);
	size_t i, n;
	char *list = NULL;
	bool any = deflt != SCHED_NEW_DUE;

	/* A date that cannot be read is not "no date". */
	if (cmd_check_store(st) != EXIT_OK)
		return EXIT_FAIL;
	n = store_interviews(st, deflt, &rows);
	if (cmd_check_store(st) != EXIT_OK)
		return EXIT_FAIL;
	if (deflt != SCHED_NEW_DUE) {
		for (i = 0; i < n && list == NULL; i++)
			if (rows[i].day == deflt)
				list = deck_list(rows[i].decks);
		show_day(deflt, list != NULL && *list != '\0' ? list : NULL,
		    today);
		free(list);
	}
	for (i = 0; i < n; i++) {
		if (rows[i].day == deflt)
			continue;
		list = deck_list(rows[i].decks);
		show_day(rows[i].day, list, today);
		free(list);
		any = true;
	}
	interview_rows_free(rows, n);
	if (!any)
		fputs(_("No interview date set (rehearse interview "
		    "YYYY-MM-DD).\n"), stdout);
	return EXIT_OK;
}

/*
 * --for's decks as a JSON array, each a deck in the database; EXIT_OK,
 * or the error said: a malformed id is a usage error, an unknown deck a
 * failure.
 */
static int
for_decks(struct store *st, const char *arg, char **json)
{
	struct buf b = { NULL, 0, 0 };
	char *list = xstrdup(arg), *id, *rest = list, *missing;
	int rc = EXIT_OK;

	buf_addc(&b, '[');
	while (rc == EXIT_OK && (id = strsep(&rest, ",")) != NULL) {
		if (!deck_valid_id(id)) {
			warnx_(_("--for: '%s' is not a deck id"), id);
			rc = EXIT_USAGE;
		} else
			buf_printf(&b, "%s\"%s\"", b.len > 1 ? "," : "", id);
	}
	buf_addc(&b, ']');
	free(list);
	if (rc == EXIT_OK) {
		if (store_decks_exist(st, b.data, &missing) < 0)
			rc = cmd_store_error(st);
		else if (missing != NULL) {
			warnx_(_("%s: no such deck (see 'rehearse list')"),
			    missing);
			rc = EXIT_FAIL;
		}
		free(missing);
	}
	if (rc != EXIT_OK)
		buf_free(&b);
	*json = b.data;
	return rc;
}

/*
 * Within set's transaction: the cards of the decks now working towards
 * day d that would come too late for it come on its eve instead, as a
 * review before the interview would plan them (sched_review_plan).
 */
static int64_t
plan(struct store *st, int64_t d, int64_t today, const char *decks,
    int64_t *eve)
{
	struct sched_plan p;
	int64_t deflt;

	review_plan(st, &p);		/* the default date, already set */
	if (store_failed(st))
		return -1;
	if (d == today)
		return 0;
	deflt = p.interview;
	p.interview = d;
	*eve = sched_eve(&p, today);
	return store_interview_plan(st, decks, deflt, d, *eve);
}

static int
set(struct store *st, int64_t d, int64_t today, const char *decks,
    const char *arg)
{
	char day[DAY_BUFSZ], now[DAY_BUFSZ];
	unsigned long left = (unsigned long)(d - today);
	int64_t moved, eve = d;

	day_format(d, day);
	if (d < today) {
		warnx_(_("interview: %s is in the past (today is %s)"), day,
		    day_format(today, now));
		return EXIT_FAIL;
	}
	if (store_begin(st) != 0)
		return cmd_store_error(st);
	if (decks != NULL)
		store_interview_set(st, decks, d);
	else
		store_meta_set(st, "interview", day);
	if ((moved = plan(st, d, today, decks, &eve)) < 0 ||
	    store_failed(st)) {
		store_rollback(st);
		return cmd_store_error(st);
	}
	if (store_commit(st) != 0)
		return cmd_store_error(st);
	if (decks != NULL)
		/* TRANSLATORS: the date, the decks ("acme,closing"), days. */
		printf(ngettext("Interview set for %s for %s: in %lld day. "
		    "Reviews of those decks now work towards that day.\n",
		    "Interview set for %s for %s: in %lld days. Reviews of "
		    "those decks now work towards that day.\n", left), day,
		    arg, (long long)left);
	else
		printf(ngettext("Interview set for %s: in %lld day. Reviews "
		    "now work towards that day.\n", "Interview set for %s: in "
		    "%lld days. Reviews now work towards that day.\n", left),
		    day, (long long)left);
	if (moved > 0)
		printf(ngettext("%lld card that would be forgotten by then is "
		    "now due on %s.\n", "%lld cards that would be forgotten "
		    "by then are now due on %s.\n", (unsigned long)moved),
		    (long long)moved, day_format(eve, now));
	return EXIT_OK;
}

/* The decks' own dates, or every date (the default too), in one go. */
static int
clear(struct store *st, const char *decks, const char *arg)
{
	if (store_begin(st) != 0)
		return cmd_store_error(st);
	if (decks == NULL)
		store_meta_set(st, "interview", NULL);
	store_interview_set(st, decks, SCHED_NEW_DUE);
	if (store_failed(st)) {
		store_rollback(st);
		return cmd_store_error(st);
	}
	if (store_commit(st) != 0)
		return cmd_store_error(st);
	if (decks != NULL)
		printf(_("Interview date of %s cleared: those decks work "
		    "towards the default date again, if one is set.\n"), arg);
	else
		fputs(_("Interview date cleared: plain SM-2 from now on.\n"),
		    stdout);
	return EXIT_OK;
}

static int
cmd_interview_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	char *decks = NULL;
	int64_t d;
	int rc;

	if (argc > 0 && (o->given & O_CLEAR)) {
		warnx_(_("interview: give a date or --clear, not both"));
		return EXIT_USAGE;
	}
	if (argc == 0 && (o->given & (O_FOR | O_CLEAR)) == O_FOR) {
		warnx_(_("interview: --for goes with a date or --clear"));
		return EXIT_USAGE;
	}
	if (argc > 0 && !day_parse(argv[0], &d)) {
		warnx_(_("interview: '%s' is not a date (YYYY-MM-DD)"),
		    argv[0]);
		return EXIT_USAGE;
	}
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	rc = o->given & O_FOR ? for_decks(st, o->for_decks, &decks) : EXIT_OK;
	if (rc == EXIT_OK && (o->given & O_CLEAR))
		rc = clear(st, decks, o->for_decks);
	else if (rc == EXIT_OK && argc > 0)
		rc = set(st, d, o->today, decks, o->for_decks);
	else if (rc == EXIT_OK)
		rc = show(st, o->today);
	free(decks);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_interview_entry = {
	"interview", "[YYYY-MM-DD | --clear] [--for DECK[,DECK...]]", 0, 1,
	O_CLEAR | O_FOR, cmd_interview_exec,
};
