/* cmd-show.c: one card with its schedule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "rehearse.h"
#include "term.h"
#include "xmalloc.h"

static void
show_field(const char *label, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	printf("%s%s%s\n", term_bold(), label, term_reset());
	term_print_wrapped(stdout, text, 2);
}

/* A seen card's schedule on one line. */
static void
show_schedule(const struct card_view *v, int64_t today)
{
	char day[DAY_BUFSZ], interval[64], reps[64], lapses[64];
	long long n;

	n = v->st.interval;
	snprintf(interval, sizeof interval, ngettext("%lld day", "%lld days",
	    (unsigned long)n), n);
	n = v->st.reps;
	snprintf(reps, sizeof reps, ngettext("%lld repetition",
	    "%lld repetitions", (unsigned long)n), n);
	n = v->st.lapses;
	snprintf(lapses, sizeof lapses, ngettext("%lld lapse", "%lld lapses",
	    (unsigned long)n), n);
	/*
	 * TRANSLATORS: the date, "due now" or "later", "3 days",
	 * "2 repetitions", the ease factor, "1 lapses", then ", leech"
	 * and ", suspended" when they apply.
	 */
	printf(_("Schedule: due %s (%s), interval %s, %s, EF %.2f, %s%s%s\n"),
	    day_format(v->st.due, day),
	    v->st.due <= today ? _("due now") : _("later"), interval, reps,
	    v->st.ef, lapses, sched_is_leech(v->st.lapses) ? _(", leech") : "",
	    v->suspended ? _(", suspended") : "");
}

static void
show_text(const struct card_view *v, int64_t today)
{
	char *line;

	if (v->retired)
		printf(_("%s/%s (%s) [retired: no longer in its deck file]\n"),
		    v->deck, v->id, v->kind);
	else
		printf("%s/%s (%s)\n", v->deck, v->id, v->kind);
	show_field(_("Front"), v->front);
	show_field(_("Back"), v->back);
	show_field(_("Hint"), v->hint);
	/* TRANSLATORS: the card's example answer. */
	show_field(_("Example"), v->example);
	show_field(ngettext("Your story", "Your stories", v->stories != NULL &&
	    strchr(v->stories, '\n') != NULL ? 2 : 1), v->stories);
	if (!v->seen || v->st.due == SCHED_NEW_DUE)
		fputs(v->suspended ? _("Schedule: new, suspended\n") :
		    _("Schedule: new\n"), stdout);
	else
		show_schedule(v, today);
	if (!fsrs_is_new(&v->memory)) {
		/* TRANSLATORS: stability in days, difficulty 1-10, then a
		   percentage: keep "%%". */
		line = xasprintf(_("Memory: stability %.1f days, difficulty "
		    "%.1f; you would recall this now with about %.0f%% "
		    "certainty.\n"), v->memory.stability,
		    v->memory.difficulty, 100 * fsrs_recall(&v->memory, today));
		term_print_wrapped(stdout, line, 0);
		free(line);
	}
}

static int
cmd_show_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	struct card_view v;
	char *json;
	int rc;

	(void)argc;
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if ((rc = cmd_get_card(st, argv[0], &v)) != EXIT_OK)
		goto out;
	if (o->given & O_JSON) {
		json = store_json_card(st, v.deck, v.id, o->today);
		if (json == NULL || store_failed(st))
			rc = cmd_store_error(st);
		else
			puts(json);
		free(json);
	} else if ((rc = cmd_check_store(st)) == EXIT_OK)
		show_text(&v, o->today);
	card_view_free(&v);
out:
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_show_entry = {
	"show", "DECK/CARD [--json]", 1, 1, O_JSON, cmd_show_exec,
};
