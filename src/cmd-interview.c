/* cmd-interview.c: set, show or clear the interview date. */
#include <stdio.h>

#include "clock.h"
#include "i18n.h"
#include "rehearse.h"

static int
show(struct store *st, int64_t today)
{
	struct sched_interview iv;
	char day[DAY_BUFSZ];
	int64_t left;
	bool known;

	known = review_interview(st, &iv);
	/* A date that cannot be read is not "no date". */
	if (cmd_check_store(st) != EXIT_OK)
		return EXIT_FAIL;
	if (!known) {
		fputs(_("No interview date set (rehearse interview "
		    "YYYY-MM-DD).\n"), stdout);
		return EXIT_OK;
	}
	left = iv.day - today;
	day_format(iv.day, day);
	if (left > 0)
		printf(ngettext("Interview on %s: in %lld day.\n",
		    "Interview on %s: in %lld days.\n", (unsigned long)left),
		    day, (long long)left);
	else if (left == 0)
		printf(_("Interview on %s: today. Good luck!\n"), day);
	else
		printf(ngettext("Interview was on %s, %lld day ago (rehearse "
		    "interview --clear).\n", "Interview was on %s, %lld days "
		    "ago (rehearse interview --clear).\n",
		    (unsigned long)-left), day, (long long)-left);
	return EXIT_OK;
}

static int
set(struct store *st, int64_t d, int64_t today)
{
	char day[DAY_BUFSZ], now[DAY_BUFSZ];

	day_format(d, day);
	if (d < today) {
		warnx_(_("interview: %s is in the past (today is %s)"), day,
		    day_format(today, now));
		return EXIT_FAIL;
	}
	if (store_meta_set(st, "interview", day) != 0)
		return cmd_store_error(st);
	printf(ngettext("Interview set for %s: in %lld day. Reviews now work "
	    "towards that day.\n", "Interview set for %s: in %lld days. "
	    "Reviews now work towards that day.\n", (unsigned long)(d - today)),
	    day, (long long)(d - today));
	return EXIT_OK;
}

static int
clear(struct store *st)
{
	if (store_meta_set(st, "interview", NULL) != 0)
		return cmd_store_error(st);
	fputs(_("Interview date cleared: plain SM-2 from now on.\n"), stdout);
	return EXIT_OK;
}

static int
cmd_interview_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	int64_t d;
	int rc;

	if (argc > 0 && (o->given & O_CLEAR)) {
		warnx_(_("interview: give a date or --clear, not both"));
		return EXIT_USAGE;
	}
	if (argc > 0 && !day_parse(argv[0], &d)) {
		warnx_(_("interview: '%s' is not a date (YYYY-MM-DD)"),
		    argv[0]);
		return EXIT_USAGE;
	}
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if (o->given & O_CLEAR)
		rc = clear(st);
	else if (argc > 0)
		rc = set(st, d, o->today);
	else
		rc = show(st, o->today);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_interview_entry = {
	"interview", "[YYYY-MM-DD | --clear]", 0, 1, O_CLEAR,
	cmd_interview_exec,
};
