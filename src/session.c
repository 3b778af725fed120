/* session.c: one drill: its queue built, each card drilled, a summary. */
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

void
session_init(struct session *s, struct store *st, const struct options *o,
    const char *decks)
{
	memset(s, 0, sizeof *s);
	s->o = o;
	s->st = st;
	s->cram = (o->given & O_CRAM) != 0;
	s->decks = decks;
	s->q.st = st;
	s->q.today = o->today;
	s->q.filter.decks = decks;
	s->q.filter.tag = o->tag;
	s->q.filter.risk_day = SCHED_NEW_DUE;
	s->limit = o->limit > 0 ? o->limit : INT64_MAX;
}

/*
 * Today's new-card limit: --new (10 by default), raised while
 * interviews are coming so that every card is seen before its last days
 * (DESIGN.md, rule 2); a --new given still caps the session itself.
 * The decks of each date are paced on their own, and what they need
 * adds up; only the session's decks count, as it drills no others.
 * -1 when a read failed.
 */
static int64_t
new_limit(struct session *s, int64_t deflt)
{
	struct interview_row *rows;
	int64_t need = 0, unseen, done, today = s->o->today;
	size_t i, n;
	char *decks;

	/* No date ahead for the session's decks: nothing to pace. */
	if (s->interview == SCHED_NEW_DUE)
		return s->o->new_cards;
	n = store_interviews(s->st, deflt, &rows);
	for (i = 0; i < n; i++) {
		if (rows[i].day - today <= SCHED_WINDOW)
			continue;
		if ((decks = store_decks_among(s->st, rows[i].decks,
		    s->decks)) == NULL)
			break;
		unseen = store_unseen(s->st, decks, INT64_MAX);
		done = store_new_on(s->st, today, decks);
		free(decks);
		if (unseen < 0 || done < 0)
			break;
		need += sched_new_limit(0, unseen + done, today, rows[i].day);
	}
	interview_rows_free(rows, n);
	if (store_failed(s->st))
		return -1;
	return need > s->o->new_cards ? need : s->o->new_cards;
}

/* Fill the queue; s->allowed: the new cards it may take. */
static int
build_queue(struct session *s)
{
	const struct options *o = s->o;
	struct card_key *keys = NULL;
	size_t i, n;
	int64_t total;

	if (s->cram) {
		n = store_queue_all(s->st, &s->q.filter, &keys);
	} else {
		s->q.due_left = store_due_count(s->st, &s->q.filter, o->today,
		    s->limit < DUE_COUNT_CAP ? s->limit : DUE_COUNT_CAP);
		if (s->q.due_left < 0)
			return -1;
		s->q.due_more = s->limit > DUE_COUNT_CAP &&
		    s->q.due_left == DUE_COUNT_CAP;
		/*
		 * Only the first card for now, the one shown at once; the
		 * others are read a page at a time, when the queue reaches
		 * them.
		 */
		if (queue_fetch_due(&s->q, 1) != 0)
			return -1;
		total = (int64_t)queue_total(&s->q);
		if (s->allowed > s->limit - total)
			s->allowed = s->limit - total;
		/* None allowed (today's are done): no query to prepare. */
		n = s->allowed > 0 ? store_new_cards(s->st, &s->q.filter,
		    s->allowed, s->one_deck || (o->given & O_IN_ORDER) != 0,
		    &keys) : 0;
	}
	for (i = 0; i < n; i++) {
		if ((int64_t)queue_total(&s->q) < s->limit)
			queue_push(&s->q, keys[i].deck, keys[i].id);
		card_key_free(&keys[i]);
	}
	free(keys);
	return store_failed(s->st) ? -1 : 0;
}

/*
 * A daily budget (config max-reviews) caps the session at what is left
 * of it today, the due cards least likely recalled on the day first;
 * s->waiting: the due cards it leaves for another day.
 */
static int
budget(struct session *s)
{
	char *v = store_meta_get(s->st, "max-reviews");
	int64_t cap, done, due;

	if (v == NULL || s->cram || !review_parse_budget(v, &cap)) {
		free(v);
		return store_failed(s->st) ? -1 : 0;
	}
	free(v);
	if ((done = store_reviewed_on(s->st, s->o->today)) < 0 ||
	    (due = store_due_count(s->st, &s->q.filter, s->o->today,
	    INT64_MAX)) < 0)
		return -1;
	s->budget = cap;
	cap = cap > done ? cap - done : 0;
	/* What waits is what the budget leaves, not what --limit does. */
	s->waiting = due > cap ? due - cap : 0;
	if (cap < s->limit)
		s->limit = cap;
	s->q.filter.risk_day = ready_day(s->o->today, s->interview);
	return 0;
}

int
session_build(struct session *s)
{
	int64_t done, deflt = review_default_interview(s->st);

	/* The opening names the nearest date of the session's decks. */
	s->interview = store_interview_next(s->st, s->decks, deflt,
	    s->o->today);
	if (store_failed(s->st) ||
	    (s->new_limit = new_limit(s, deflt)) < 0 ||
	    (done = store_new_on(s->st, s->o->today,
	    s->new_limit > s->o->new_cards ? s->decks : NULL)) < 0 ||
	    budget(s) != 0)
		return -1;
	/*
	 * --new N is the session's cap, whatever earlier sessions took and
	 * whatever the pacing wants; without it the day's limit counts
	 * them: the pacing's, those of the session's decks; --new's
	 * default, those of every deck.
	 */
	s->new_wanted = s->new_limit > done ? s->new_limit - done : 0;
	s->allowed = s->o->given & O_NEW ? s->o->new_cards : s->new_wanted;
	if (build_queue(s) != 0)
		return -1;
	s->unseen = store_unseen(s->st, s->decks,
	    s->interview != SCHED_NEW_DUE ? INT64_MAX : DUE_COUNT_CAP);
	return s->unseen < 0 || store_failed(s->st) ? -1 : 0;
}

/*
 * Note the session's readiness before its first grade changes it (read
 * only once a grade is asked for, so a session without one stays quick).
 */
static void
session_ready_before(struct session *s)
{
	struct readiness r;

	if (s->ready_known)
		return;
	if (store_readiness(s->st, s->decks, ready_day(s->o->today,
	    s->interview), &r) == 0) {
		s->ready_before = r.recall;
		s->ready_known = true;
		readiness_free(&r);
	}
}

/* One card: front, reveal, grade. */
static enum step
drill_card(struct session *s, struct card_view *v, bool *interrupted)
{
	enum input in;
	char *line, base[96];
	bool practice = strcmp(v->kind, "practice") == 0;

	reveal_front(v, s->q.head + 1, queue_label(&s->q));
	s->hint_shown = false;
	s->shown_ms = clock_mono_ms();
	snprintf(base, sizeof base, "%.40s %zu/%s %s", v->deck, s->q.head + 1,
	    queue_label(&s->q), reveal_kind(v->kind));
	in = prompt_read(s, v, base, practice && repl_interactive(), &line,
	    interrupted);
	free(line);
	if (in != IN_TEXT)
		return prompt_leave(s, v, in, *interrupted);
	reveal_back(v, (clock_mono_ms() - s->shown_ms) / 1000,
	    s->o->time_limit, s->hint_shown);
	session_ready_before(s);
	session_story_nudge(s, v);
	return prompt_grade(s, v, interrupted);
}

/* The card at head, read afresh; 1 when it is gone from the drill. */
static int
card_at_head(struct session *s, struct card_view *v)
{
	const struct card_key *k = &s->q.keys[s->q.head];
	int rc = store_card_get(s->st, k->deck, k->id, v);

	if (rc == 0 && (v->retired || v->suspended)) {
		card_view_free(v);
		rc = 1;
	}
	return rc;
}

void
session_run(struct session *s, const char *history_path)
{
	struct card_view v;
	enum step step;
	bool interrupted;
	int rc;

	repl_init(history_path, prompt_words);
	session_story_start(s);
	while (!s->failed && (s->q.head < s->q.len || s->q.due_left > 0 ||
	    s->q.due_more)) {
		if (queue_wants_due(&s->q)) {
			if (queue_fetch_due(&s->q, DUE_PAGE) != 0)
				break;
			continue;
		}
		if ((rc = card_at_head(s, &v)) != 0) {
			if (rc < 0)
				break;
			s->q.head++;	/* retired or suspended meanwhile */
			continue;
		}
		step = drill_card(s, &v, &interrupted);
		card_view_free(&v);
		if (interrupted && repl_interrupted_twice())
			step = STEP_QUIT;
		if (step == STEP_QUIT)
			break;
		if (step == STEP_NEXT)
			s->q.head++;
	}
	/* What was graded is saved already: the session just ends here. */
	if (store_failed(s->st) && !s->failed) {
		warnx_("%s", store_error(s->st));
		s->failed = true;
	}
	repl_done();
}

/*
 * The summary as one sentence: the counts that are there, then the next
 * review.  Skipped: cards passed over and never graded this session;
 * left: the others not reached.
 */
static void
summary_text(struct buf *b, const struct session *s, size_t skipped,
    size_t left, const char *next)
{
	/* TRANSLATORS: counts of cards: graded, and graded low enough to
	   come back this session; more counts may follow, each with its
	   own ", ". */
	buf_printf(b, _("Session over: %zu reviewed, %zu again later"),
	    s->reviewed, s->again);
	if (skipped > 0)
		/* TRANSLATORS: follows "Session over: 8 reviewed, ...". */
		buf_printf(b, _(", %zu skipped"), skipped);
	if (left > 0)
		buf_printf(b, _(", %zu left for another time"), left);
	if (next != NULL)
		/* TRANSLATORS: ends the summary; %s is a date, YYYY-MM-DD. */
		buf_printf(b, _("; next review due %s."), next);
	else
		buf_adds(b, ".");
}

/* Cards not reached, a card passed over counting once, as skipped. */
static size_t
cards_left(const struct session *s)
{
	size_t i, left = (size_t)s->q.due_left;

	for (i = s->q.head; i < s->q.len; i++)
		if (!queue_skipped(&s->q, &s->q.keys[i]))
			left++;
	return left;
}


/* How the session moved readiness: "Readiness for Thursday: 81% -> 86%". */
static void
ready_after(struct session *s)
{
	struct readiness r;
	struct buf b = { NULL, 0, 0 };
	int64_t day = ready_day(s->o->today, s->interview);
	const char *name;
	size_t i;

	if (!s->ready_known || s->reviewed == 0 ||
	    store_readiness(s->st, s->decks, day, &r) != 0)
		return;
	name = day == s->o->today + 1 ? _("tomorrow") :
	    day_weekday(day, false);
	if (s->decks == NULL)
		/* TRANSLATORS: a weekday ("Thursday") or "tomorrow", then two
		   percentages: keep "%%". */
		reveal_say(term_bold(), _("Readiness for %s: %.0f%% -> "
		    "%.0f%%."), name, 100 * s->ready_before, 100 * r.recall);
	else {
		/*
		 * Named, as stats without a deck gives every deck's figure:
		 * the two must not read as one figure that disagrees.
		 */
		for (i = 0; i < r.ndecks; i++)
			buf_printf(&b, "%s%s", i > 0 ? ", " : "",
			    r.decks[i].name);
		/* TRANSLATORS: a weekday ("Thursday") or "tomorrow", the
		   session's decks, then two percentages: keep "%%". */
		reveal_say(term_bold(), _("Readiness for %s (%s): %.0f%% -> "
		    "%.0f%%."), name, b.data != NULL ? b.data : "",
		    100 * s->ready_before, 100 * r.recall);
		buf_free(&b);
	}
	readiness_free(&r);
}

void
session_summary(struct session *s)
{
	struct buf b = { 0 };
	char day[DAY_BUFSZ];
	const char *shown = NULL;
	int64_t next;

	/* After an error, the database has no next day to tell. */
	if (!store_failed(s->st)) {
		next = store_next_due(s->st, s->decks, s->o->today);
		if (!store_failed(s->st) && next != SCHED_NEW_DUE)
			shown = day_format(next, day);
	}
	summary_text(&b, s, s->q.nskipped, cards_left(s), shown);
	printf("\n%s", term_bold());
	term_print_wrapped(stdout, b.data, 0);
	printf("%s", term_reset());
	buf_free(&b);
	if (!store_failed(s->st))
		ready_after(s);
}

void
session_free(struct session *s)
{
	size_t i;

	queue_free(&s->q);
	for (i = 0; i < s->nundo; i++)
		card_key_free(&s->undo[i].key);
	free(s->undo);
	session_story_free(s);
}
