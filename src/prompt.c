/* prompt.c: what is typed during a drill: a grade, or a command like :undo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "repl.h"
#include "session.h"
#include "term.h"
#include "xmalloc.h"

const char *const prompt_words[] = {
	":help", ":hint", ":example", ":undo", ":skip", ":edit", ":story",
	":link", ":suspend", ":stats", ":quit", NULL,
};

static enum input
classify(const char *line)
{
	static const struct {
		const char	*word;
		enum input	 in;
	} cmds[] = {
		{ ":help", IN_HELP }, { ":hint", IN_HINT }, { ":undo", IN_UNDO },
		{ ":skip", IN_SKIP }, { ":quit", IN_QUIT }, { ":q", IN_QUIT },
		{ ":?", IN_HELP }, { ":edit", IN_EDIT },
		{ ":suspend", IN_SUSPEND }, { ":stats", IN_STATS },
		{ ":story", IN_STORY }, { ":link", IN_LINK },
		{ ":example", IN_EXAMPLE },
	};
	size_t i, n;

	if (line[0] != ':')
		return IN_TEXT;
	n = strcspn(line, " \t");
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strlen(cmds[i].word) == n &&
		    strncmp(line, cmds[i].word, n) == 0)
			return cmds[i].in;
	return IN_UNKNOWN;
}

/*
 * The prompt, with the time taken so far on timed (practice) cards.  The
 * commands (":undo") are the same in every language: the line editor
 * completes them from prompt_words.
 */
static const char *
make_prompt(void *arg)
{
	struct session *s = arg;
	int64_t secs = (clock_mono_ms() - s->shown_ms) / 1000;
	bool over = s->o->time_limit > 0 && secs > s->o->time_limit;

	if (!s->timed)
		snprintf(s->prompt, sizeof s->prompt, "%s> ", s->prompt_base);
	else
		snprintf(s->prompt, sizeof s->prompt, over ?
		    /* TRANSLATORS: the prompt past the time limit, as in
		       "closing 1/3 practice 2:31 over time> ": keep "> ". */
		    _("%s %lld:%02lld over time> ") : "%s %lld:%02lld> ",
		    s->prompt_base, (long long)(secs / 60),
		    (long long)(secs % 60));
	return s->prompt;
}

/*
 * A database error ends the session, said once: by the callee, or here
 * in a whole sentence whose one %s is the store's error (checked as a
 * format where it is written, so the macro).
 */
#define FAIL(s, fmt) do {						\
	warnx_((fmt), store_error((s)->st));				\
	(s)->failed = true;						\
} while (0)

/* Handle a command that stays at the prompt; false when it leaves it. */
static bool
stay_command(struct session *s, struct card_view *v, enum input in,
    const char *line)
{
	switch (in) {
	case IN_HELP:
		reveal_help();
		return true;
	case IN_HINT:
		if (v->hint != NULL) {
			reveal_field(_("Hint"), v->hint);
			s->hint_shown = true;
		} else
			reveal_say("", "%s", _("No hint for this card."));
		return true;
	case IN_EXAMPLE:
		reveal_example(v);
		return true;
	case IN_EDIT:
		session_story_edit(s, v, line);
		return true;
	case IN_STORY:
		session_story_beats(s, v);
		return true;
	case IN_LINK:
		session_story_link(s, v, line);
		return true;
	case IN_STATS:
		if (report_stats(s->st, s->decks, s->o->today,
		    REPORT_SHORT) != EXIT_OK)
			s->failed = true;	/* report.c said why */
		else	/* the card again, now the figures are above it */
			reveal_front(v, s->q.head + 1, queue_label(&s->q));
		return true;
	case IN_UNKNOWN:
		reveal_say("", _("Unknown command '%s' (try :help)."), line);
		return true;
	default:
		return false;
	}
}

enum input
prompt_read(struct session *s, struct card_view *v, const char *prompt,
    bool timed, char **line, bool *interrupted)
{
	enum repl_status rs;
	enum input in;

	*interrupted = false;
	s->prompt_base = prompt;
	s->timed = timed;
	for (;;) {
		rs = repl_read(make_prompt(s), line, timed ? make_prompt : NULL,
		    s);
		if (rs == REPL_EOF)
			return IN_QUIT;
		if (rs == REPL_INTERRUPT) {
			*interrupted = true;
			return IN_SKIP;
		}
		in = classify(*line);
		if (!stay_command(s, v, in, *line))
			return in;
		free(*line);
		*line = NULL;
		if (s->failed)
			return IN_QUIT;
	}
}

/*
 * :skip or Ctrl-C: the card comes back once, at the end of the queue;
 * passed over again, it waits for another session.
 */
static void
skip(struct session *s, const struct card_view *v, bool interrupted)
{
	struct card_key k = { v->deck, v->id };

	if (queue_skip(&s->q, &k)) {
		if (interrupted)
			reveal_say("", "%s", _("Card left for later."));
	} else if (interrupted)
		reveal_say("", "%s", _("Card left for another session."));
}

static struct undo *
undo_push(struct session *s, const char *deck, const char *id)
{
	struct undo *u;

	s->undo = xreallocarray(s->undo, s->nundo + 1, sizeof *s->undo);
	u = &s->undo[s->nundo++];
	memset(u, 0, sizeof *u);
	u->key.deck = xstrdup(deck);
	u->key.id = xstrdup(id);
	return u;
}

static void
undo_pop(struct session *s)
{
	card_key_free(&s->undo[--s->nundo].key);
}

/* :undo: take back the last grade (or :suspend) and show that card again. */
static enum step
undo(struct session *s)
{
	struct undo *u;

	if (s->nundo == 0) {
		reveal_say("", "%s", _("Nothing to undo."));
		return STEP_STAY;
	}
	u = &s->undo[s->nundo - 1];
	if (u->suspended) {
		if (store_suspend(s->st, u->key.deck, u->key.id, false) != 0) {
			/* TRANSLATORS: %s is the database's error. */
			FAIL(s, _("cannot undo: %s"));
			return STEP_QUIT;
		}
		queue_back(&s->q, &u->key);
		/* TRANSLATORS: %s/%s is a deck and card id, "closing/why-us". */
		reveal_say("", _("Undone: %s/%s is no longer suspended."),
		    u->key.deck, u->key.id);
		undo_pop(s);
		return STEP_STAY;
	}
	if (review_undo(s->st, u->review_id) != 0) {
		FAIL(s, _("cannot undo: %s"));
		return STEP_QUIT;
	}
	if (u->requeued) {
		queue_drop_last(&s->q, &u->key);
		s->again--;
	}
	if (u->skipped)
		queue_ungraded(&s->q, &u->key);
	queue_back(&s->q, &u->key);
	s->reviewed--;
	reveal_say("", _("Undone: %s/%s is back as it was."), u->key.deck,
	    u->key.id);
	undo_pop(s);
	return STEP_STAY;
}

/* :suspend: the card is never drilled again (until :undo). */
static enum step
suspend(struct session *s, const struct card_view *v)
{
	if (store_suspend(s->st, v->deck, v->id, true) != 0) {
		FAIL(s, _("cannot suspend: %s"));
		return STEP_QUIT;
	}
	undo_push(s, v->deck, v->id)->suspended = true;
	reveal_say("", _("Suspended %s/%s: it will not come back (:undo takes "
	    "that back)."), v->deck, v->id);
	return STEP_NEXT;
}

enum step
prompt_leave(struct session *s, const struct card_view *v, enum input in,
    bool interrupted)
{
	switch (in) {
	case IN_QUIT:
		return STEP_QUIT;
	case IN_SKIP:
		skip(s, v, interrupted);
		return STEP_NEXT;
	case IN_UNDO:
		return undo(s);
	case IN_SUSPEND:
		return suspend(s, v);
	default:
		abort();	/* prompt_read returns no other kind */
	}
}

/* The grade's confirmation, one whole sentence per case. */
static void
print_graded(const struct session *s, const struct review_rec *r, int q,
    bool requeued)
{
	char day[DAY_BUFSZ];
	/*
	 * To the day shown: an interview date may have moved it, and past
	 * 9999-12-31 it shows as that date.
	 */
	int64_t in = (r->after.due < DAY_MAX ? r->after.due : DAY_MAX) -
	    s->o->today;
	unsigned long days = (unsigned long)in;

	if (strcmp(r->mode, "review") == 0)
		reveal_say(term_green(), requeued ?
		    /* TRANSLATORS: %d is the grade (0-5), %s a date
		       (YYYY-MM-DD); "again later this session": the card
		       comes back before the session ends. */
		    ngettext("Graded %d: next review %s (in %lld day); again "
		    "later this session.", "Graded %d: next review %s (in "
		    "%lld days); again later this session.", days) :
		    ngettext("Graded %d: next review %s (in %lld day).",
		    "Graded %d: next review %s (in %lld days).", days), q,
		    day_format(r->after.due, day), (long long)in);
	else if (s->cram)
		/* TRANSLATORS: --cram drills outside the schedule. */
		reveal_say(term_green(), requeued ? _("Graded %d: cram, "
		    "schedule untouched; again later this session.") :
		    _("Graded %d: cram, schedule untouched."), q);
	else
		/* TRANSLATORS: the card had its review today already. */
		reveal_say(term_green(), requeued ? _("Graded %d: logged, "
		    "already scheduled today; again later this session.") :
		    _("Graded %d: logged, already scheduled today."), q);
	if (sched_leech_event(r->before.lapses, r->after.lapses))
		reveal_say(term_yellow(), ngettext("This card is a leech: "
		    "%lld lapse. Prepare a story for it with :edit, or rewrite "
		    "the card.", "This card is a leech: %lld lapses. Prepare a "
		    "story for it with :edit, or rewrite the card.",
		    (unsigned long)r->after.lapses), (long long)r->after.lapses);
}

/* Record a grade; the card returns later in the session if below 4. */
static enum step
grade(struct session *s, const struct card_view *v, int q)
{
	struct review_rec r;
	struct undo *u;
	int64_t took = clock_mono_ms() - s->shown_ms;

	if (review_grade(s->st, v->deck, v->id, q, s->o->today, took, s->cram,
	    &r) != 0) {
		FAIL(s, _("cannot save the grade: %s"));
		return STEP_QUIT;
	}
	u = undo_push(s, v->deck, v->id);
	u->review_id = r.id;
	u->skipped = queue_graded(&s->q, &u->key);
	u->requeued = q < REDRILL_BELOW;
	s->reviewed++;
	if (u->requeued) {
		s->again++;
		queue_push(&s->q, v->deck, v->id);
	}
	print_graded(s, &r, q, u->requeued);
	return STEP_NEXT;
}

enum step
prompt_grade(struct session *s, struct card_view *v, bool *interrupted)
{
	enum input in;
	char *line;
	int q;

	for (;;) {
		/* TRANSLATORS: the prompt for a grade ("> " is added). */
		in = prompt_read(s, v, _("grade 0-5"), false, &line,
		    interrupted);
		if (in == IN_TEXT && line[0] >= '0' && line[0] <= '5' &&
		    line[1] == '\0') {
			q = line[0] - '0';
			free(line);
			return grade(s, v, q);
		}
		free(line);
		if (in != IN_TEXT)
			return prompt_leave(s, v, in, *interrupted);
		reveal_say("", "%s",
		    _("Grade with a number from 0 to 5 (or :help)."));
	}
}
