/* cmd-show.c: one card with its schedule. */
#include <stdio.h>
#include <stdlib.h>

#include "clock.h"
#include "rehearse.h"
#include "term.h"

static void
show_field(const char *label, const char *text)
{
	if (text == NULL)
		return;
	printf("%s%s%s\n", term_bold(), label, term_reset());
	term_print_wrapped(stdout, text, 2);
}

static void
show_text(const struct card_view *v, int64_t today)
{
	char day[DAY_BUFSZ];

	printf("%s/%s (%s)%s\n", v->deck, v->id, v->kind,
	    v->retired ? " [retired: no longer in its deck file]" : "");
	show_field("Front", v->front);
	show_field("Back", v->back);
	show_field("Hint", v->hint);
	show_field("Example", v->example);
	show_field("Your story", v->story);
	if (!v->seen || v->st.due == SCHED_NEW_DUE)
		printf("Schedule: new%s\n", v->suspended ? ", suspended" : "");
	else
		printf("Schedule: due %s (%s), interval %lld day%s, %lld "
		    "repetitions, EF %.2f, %lld lapses%s%s\n",
		    day_format(v->st.due, day),
		    v->st.due <= today ? "due now" : "later",
		    (long long)v->st.interval, v->st.interval == 1 ? "" : "s",
		    (long long)v->st.reps, v->st.ef,
		    (long long)v->st.lapses,
		    sched_is_leech(v->st.lapses) ? ", leech" : "",
		    v->suspended ? ", suspended" : "");
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
	if ((rc = cmd_get_card(st, argv[0], &v)) != EXIT_OK) {
		store_close(st);
		return rc;
	}
	if (o->given & O_JSON) {
		json = store_json_card(st, v.deck, v.id);
		if (json == NULL || store_failed(st)) {
			warnx_("%s", store_error(st));
			rc = EXIT_FAIL;
		} else
			puts(json);
		free(json);
	} else if ((rc = cmd_check_store(st)) == EXIT_OK)
		show_text(&v, o->today);
	card_view_free(&v);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_show_entry = {
	"show", "DECK/CARD [--json]", 1, 1, O_JSON, cmd_show_exec,
};
