/* reveal.c: a card on the screen during a drill: its front, then its answer. */
#include <stdio.h>
#include <string.h>

#include "session.h"
#include "term.h"

/* One line at the grade prompt; :help gives the long form. */
static const char legend[] =
    "0 blank  1 wrong  2 familiar  3 effort  4 pause  5 fluent";
static const char legend_long[] =
    "0 blank, 1 wrong, 2 wrong but familiar, 3 right with effort,\n"
    "  4 right after a pause, 5 right and fluent";

void
reveal_help(void)
{
	printf("At a question: Enter reveals the answer.  At the grade "
	    "prompt: 0-5.\n"
	    "  %s.\n"
	    "  :hint  show the hint      :skip  leave this card for later\n"
	    "  :undo  take back the last grade (or :suspend)\n"
	    "  :edit  write your own story for this card in $EDITOR\n"
	    "  :suspend  never show this card again   :stats  how it goes\n"
	    "  :quit  save and leave (also Ctrl-D); Ctrl-C leaves the card "
	    "on screen alone\n", legend_long);
}

void
reveal_field(const char *label, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	printf("%s%s%s\n", term_cyan(), label, term_reset());
	term_print_wrapped(stdout, text, 2);
}

void
reveal_front(const struct card_view *v, size_t pos, const char *total)
{
	printf("\n%s[%s %zu/%s %s]%s\n", term_bold(), v->deck, pos, total,
	    v->kind, term_reset());
	term_print_wrapped(stdout, v->front, 0);
}

void
reveal_back(const struct card_view *v, int64_t secs, int64_t time_limit)
{
	bool practice = strcmp(v->kind, "practice") == 0;

	reveal_field(practice ? "Guidance" : strcmp(v->kind, "ask") == 0 ?
	    "Ask them" : "Answer", v->back);
	reveal_field("Hint", v->hint);
	reveal_field("Example answer", v->example);
	reveal_field("Your story", v->story);
	if (practice)
		printf("%sYou took %lld:%02lld.%s%s\n", term_dim(),
		    (long long)(secs / 60), (long long)(secs % 60),
		    time_limit > 0 && secs > time_limit ?
		    " That is over your time limit." : "", term_reset());
	printf("%s%s%s\n", term_dim(), legend, term_reset());
}
