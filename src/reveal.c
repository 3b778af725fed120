/* reveal.c: a card on the screen during a drill: its front, then its answer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "session.h"
#include "term.h"
#include "xmalloc.h"

/* A deck's kinds, as written in deck files, and as shown to the user. */
static const struct {
	const char	*kind;
	const char	*shown;
} kinds[] = {
	/* TRANSLATORS: a card's kind, in its header ("[closing 1/3 recall]")
	   and its prompt: a question to answer from memory. */
	{ "recall", N_("recall") },
	/* TRANSLATORS: a card's kind: a question to answer aloud, timed. */
	{ "practice", N_("practice") },
	/* TRANSLATORS: a card's kind: a question you ask the interviewer. */
	{ "ask", N_("ask") },
};

const char *
reveal_kind(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return _(kinds[i].shown);
	return kind;
}

/*
 * Our own text wrapped to the terminal, so that a longer translation
 * still breaks between words; a style (a colour, or "") ends before the
 * newline, as it always has.
 */
static void
say_wrapped(const char *style, const char *text, int indent)
{
	struct buf b = { NULL, 0, 0 };

	term_wrap(&b, text, term_width(), indent);
	if (b.len > 0 && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	printf("%s%s%s\n", style, b.data, *style != '\0' ? term_reset() : "");
	buf_free(&b);
}

void
reveal_say(const char *style, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	say_wrapped(style, text, 0);
	free(text);
}

void
reveal_help(void)
{
	say_wrapped("", _("At a question: Enter reveals the answer.  At the "
	    "grade prompt: 0-5."), 0);
	/* TRANSLATORS: the grades in full, indented by the program; break
	   the line where it reads best, it is wrapped again if too wide. */
	say_wrapped("", _("0 blank, 1 wrong, 2 wrong but familiar, 3 right "
	    "with effort,\n4 right after a pause, 5 right and fluent."), 2);
	/* TRANSLATORS: keep the command words (":hint", ":undo", ...) and
	   the key names; the program indents each line and wraps it if too
	   wide. */
	say_wrapped("", _(":hint  show the hint      :skip  leave this card "
	    "for later\n"
	    ":example  show the example answer\n"
	    ":undo  take back the last grade (or :suspend)\n"
	    ":edit  write or change this card's story in $EDITOR\n"
	    ":story  its story's beats   :link  link a story from your bank\n"
	    ":suspend  never show this card again   :stats  how it goes\n"
	    ":quit  save and leave (also Ctrl-D); Ctrl-C leaves the card on "
	    "screen alone"), 2);
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
reveal_stories(const char *titles)
{
	struct buf all = { 0 }, cut = { 0 };
	const char *label, *p;
	size_t n, k = 0, used;

	if (titles == NULL || *titles == '\0')
		return;
	/*
	 * All the titles on one line, cut to the screen, so that the tallest
	 * card still fits 80x24 with a story or several.
	 */
	for (p = titles; *p != '\0'; p += n + (p[n] == '\n'), k++) {
		n = strcspn(p, "\n");
		if (k > 0)
			buf_adds(&all, " \xc2\xb7 ");	/* a middle dot */
		buf_add(&all, p, n);
	}
	/* TRANSLATORS: before the titles of the stories linked to a card. */
	label = ngettext("Your story:", "Your stories:", (unsigned long)k);
	used = term_display_width(label) + 1;
	term_add_cut(&cut, all.data, (size_t)term_width() > used + 1 ?
	    (size_t)term_width() - used : 1);
	printf("%s%s%s %s\n", term_cyan(), label, term_reset(), cut.data);
	buf_free(&all);
	buf_free(&cut);
}

/* Text reveal_field would show. */
static bool
filled(const char *text)
{
	return text != NULL && *text != '\0';
}

void
reveal_example(const struct card_view *v)
{
	/* Your stories are :story's: their beats, or in full with story show. */
	if (!filled(v->example))
		reveal_say("", "%s", _("No example answer for this card (:story "
		    "shows your stories)."));
	reveal_field(_("Example answer"), v->example);
}

/*
 * What the reveal says besides the card: the time taken on a practice
 * card, and, since a model answer shown at once would push the card off
 * the screen and answer for you, that there is one.  NULL: nothing.
 */
static char *
back_note(const struct card_view *v, bool practice, int64_t secs,
    int64_t time_limit)
{
	struct buf b = { 0 };

	if (practice)
		buf_printf(&b, time_limit > 0 && secs > time_limit ?
		    /* TRANSLATORS: minutes:seconds taken to answer aloud. */
		    _("you took %lld:%02lld, over your time limit") :
		    _("you took %lld:%02lld"),
		    (long long)(secs / 60), (long long)(secs % 60));
	if (filled(v->example)) {
		if (b.len > 0)
			buf_adds(&b, " \xc2\xb7 ");	/* a middle dot */
		buf_adds(&b, _(":example shows an example answer"));
	}
	return b.data;
}

void
reveal_front(const struct card_view *v, size_t pos, const char *total)
{
	printf("\n%s[%s %zu/%s %s]%s\n", term_bold(), v->deck, pos, total,
	    reveal_kind(v->kind), term_reset());
	term_print_wrapped(stdout, v->front, 0);
}

void
reveal_back(const struct card_view *v, int64_t secs, int64_t time_limit,
    bool hint_shown)
{
	bool practice = strcmp(v->kind, "practice") == 0;
	const char *label = practice ?
	    /* TRANSLATORS: over the back of a practice card. */
	    _("Guidance") : strcmp(v->kind, "ask") == 0 ?
	    /* TRANSLATORS: over the back of a card of questions to ask. */
	    _("Ask them") : _("Answer");
	char *note = back_note(v, practice, secs, time_limit);

	/*
	 * The note goes on the back's heading line when it fits: a card of
	 * 16 lines of back and hint then still fits 80x24, front in view.
	 */
	if (filled(v->back)) {
		printf("%s%s%s", term_cyan(), label, term_reset());
		if (note != NULL && term_display_width(label) + 2 +
		    term_display_width(note) <= (size_t)term_width()) {
			printf("  %s%s%s", term_dim(), note, term_reset());
			free(note);
			note = NULL;
		}
		putchar('\n');
		term_print_wrapped(stdout, v->back, 2);
	}
	if (!hint_shown)
		reveal_field(_("Hint"), v->hint);
	if (note != NULL)
		say_wrapped(term_dim(), note, 0);
	free(note);
	reveal_stories(v->stories);
	/* TRANSLATORS: the grades, one line under the answer; keep it short. */
	say_wrapped(term_dim(), _("0 blank  1 wrong  2 familiar  3 effort  "
	    "4 pause  5 fluent"), 0);
}
