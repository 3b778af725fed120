/* prompt.c: what is typed during a drill: a grade, or a command like :undo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "repl.h"
#include "session.h"
#include "term.h"
#include "xmalloc.h"

const char *const prompt_words[] = {
	":help", ":hint", ":undo", ":skip", ":edit", ":suspend", ":stats",
	":quit", NULL,
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

/* The prompt, with the time taken so far on timed (practice) cards. */
static const char *
make_prompt(void *arg)
{
	struct session *s = arg;
	int64_t secs = (clock_mono_ms() - s->shown_ms) / 1000;

	if (!s->timed)
		snprintf(s->prompt, sizeof s->prompt, "%s> ", s->prompt_base);
	else
		snprintf(s->prompt, sizeof s->prompt, "%s %lld:%02lld%s> ",
		    s->prompt_base, (long long)(secs / 60),
		    (long long)(secs % 60), s->o->time_limit > 0 &&
		    secs > s->o->time_limit ? " over time" : "");
	return s->prompt;
}

/* A database error ends the session; said once, here or by the callee. */
static void
fail(struct session *s, const char *doing)
{
	if (doing != NULL)
		warnx_("%s%s", doing, store_error(s->st));
	s->failed = true;
}

/* :edit: your story for the card on screen, shown again at the reveal. */
static void
edit_story(struct session *s, struct card_view *v)
{
	struct card_view fresh;
	int rc;

	if (story_edit(s->st, v) != 0) {
		if (store_failed(s->st))
			fail(s, NULL);		/* story.c said why */
		return;
	}
	rc = store_card_get(s->st, v->deck, v->id, &fresh);
	if (rc < 0)
		fail(s, "");
	else if (rc == 0) {
		free(v->story);
		v->story = fresh.story;
		fresh.story = NULL;
		card_view_free(&fresh);
	}
}

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
		if (v->hint != NULL)
			reveal_field("Hint", v->hint);
		else
			printf("No hint for this card.\n");
		return true;
	case IN_EDIT:
		edit_story(s, v);
		return true;
	case IN_STATS:
		if (report_stats(s->st, s->decks, s->o->today, false) !=
		    EXIT_OK)
			fail(s, NULL);		/* report.c said why */
		return true;
	case IN_UNKNOWN:
		printf("Unknown command '%s' (try :help).\n", line);
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
		printf("Nothing to undo.\n");
		return STEP_STAY;
	}
	u = &s->undo[s->nundo - 1];
	if (u->suspended) {
		if (store_suspend(s->st, u->key.deck, u->key.id, false) != 0) {
			fail(s, "cannot undo: ");
			return STEP_QUIT;
		}
		queue_unshift(&s->q, &u->key);
		printf("Undone: %s/%s is no longer suspended.\n", u->key.deck,
		    u->key.id);
		undo_pop(s);
		return STEP_STAY;
	}
	if (review_undo(s->st, u->review_id) != 0) {
		fail(s, "cannot undo: ");
		return STEP_QUIT;
	}
	if (u->requeued) {
		queue_drop_last(&s->q, &u->key);
		s->again--;
	}
	queue_unshift(&s->q, &u->key);
	s->reviewed--;
	printf("Undone: %s/%s is back as it was.\n", u->key.deck, u->key.id);
	undo_pop(s);
	return STEP_STAY;
}

/* :suspend: the card is never drilled again (until :undo). */
static enum step
suspend(struct session *s, const struct card_view *v)
{
	if (store_suspend(s->st, v->deck, v->id, true) != 0) {
		fail(s, "cannot suspend: ");
		return STEP_QUIT;
	}
	undo_push(s, v->deck, v->id)->suspended = true;
	printf("Suspended %s/%s: it will not come back (:undo takes that "
	    "back).\n", v->deck, v->id);
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
		if (interrupted)
			printf("Card left for later.\n");
		return STEP_NEXT;
	case IN_UNDO:
		return undo(s);
	case IN_SUSPEND:
		return suspend(s, v);
	default:
		abort();	/* prompt_read returns no other kind */
	}
}

static void
print_graded(const struct session *s, const struct review_rec *r, int q,
    bool requeued)
{
	char day[DAY_BUFSZ];

	if (strcmp(r->mode, "review") == 0)
		printf("%sGraded %d: next review %s (in %lld day%s)%s.%s\n",
		    term_green(), q, day_format(r->after.due, day),
		    (long long)r->after.interval,
		    r->after.interval == 1 ? "" : "s",
		    requeued ? "; again later this session" : "",
		    term_reset());
	else
		printf("%sGraded %d: %s%s.%s\n", term_green(), q,
		    s->cram ? "cram, schedule untouched" :
		    "logged, already scheduled today",
		    requeued ? "; again later this session" : "",
		    term_reset());
	if (sched_leech_event(r->before.lapses, r->after.lapses))
		printf("%sThis card is a leech: %lld lapses. Prepare a story "
		    "for it with :edit, or rewrite the card.%s\n", term_yellow(),
		    (long long)r->after.lapses, term_reset());
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
		fail(s, "cannot save the grade: ");
		return STEP_QUIT;
	}
	u = undo_push(s, v->deck, v->id);
	u->review_id = r.id;
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
		in = prompt_read(s, v, "grade 0-5", false, &line, interrupted);
		if (in == IN_TEXT && line[0] >= '0' && line[0] <= '5' &&
		    line[1] == '\0') {
			q = line[0] - '0';
			free(line);
			return grade(s, v, q);
		}
		free(line);
		if (in != IN_TEXT)
			return prompt_leave(s, v, in, *interrupted);
		printf("Grade with a number from 0 to 5 (or :help).\n");
	}
}
