/* cmd-grade.c: record a review without the REPL. */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "rehearse.h"

static int
cmd_grade_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	struct card_view v;
	struct review_rec r;
	char day[DAY_BUFSZ];
	const char *q = argv[1];
	int64_t in;
	int rc;

	(void)argc;
	if (q[0] < '0' || q[0] > '5' || q[1] != '\0') {
		warnx_(_("grade: '%s' is not a grade (0 to 5)"), q);
		return EXIT_USAGE;
	}
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if ((rc = cmd_get_card(st, argv[0], &v)) != EXIT_OK)
		goto out;
	if (v.retired) {
		warnx_(_("%s: the card is retired (no longer in its deck "
		    "file)"), argv[0]);
		rc = EXIT_FAIL;
	} else if (review_grade(st, v.deck, v.id, q[0] - '0', o->today, 0,
	    false, &r) != 0 || store_failed(st))
		rc = cmd_store_error(st);
	else if (strcmp(r.mode, "review") == 0) {
		/*
		 * Counted to the day shown, which an interview may move and
		 * which stops at 9999-12-31.
		 */
		in = (r.after.due < DAY_MAX ? r.after.due : DAY_MAX) -
		    o->today;
		printf(ngettext("%s/%s: graded %d, next review %s (in %lld "
		    "day)\n", "%s/%s: graded %d, next review %s (in %lld "
		    "days)\n", (unsigned long)in), v.deck, v.id, r.quality,
		    day_format(r.after.due, day), (long long)in);
	} else
		printf(_("%s/%s: graded %d again today: logged, schedule "
		    "unchanged (next review %s)\n"), v.deck, v.id, r.quality,
		    day_format(r.after.due, day));
	card_view_free(&v);
out:
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_grade_entry = {
	"grade", "DECK/CARD QUALITY", 2, 2, 0, cmd_grade_exec,
};
