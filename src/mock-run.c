/* mock-run.c: a mock interview asked: each question timed, a follow-up, a grade saved as a review. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "mock.h"
#include "repl.h"
#include "session.h"
#include "speak.h"
#include "term.h"
#include "xmalloc.h"

/* What the user did with a question, or with one of its prompts. */
enum mock_step {
	MOCK_ON,		/* answered: go on */
	MOCK_SKIP,		/* left out, not graded */
	MOCK_QUIT,		/* the mock ends here */
};

/* The commands of a mock, the same in every language. */
static const char *const mock_words[] = { ":help", ":skip", ":quit", NULL };

static void
mock_help(void)
{
	/* TRANSLATORS: keep the command words and the key names; each
	   line is wrapped if too wide. */
	reveal_say("", "%s", _("Answer aloud as in the interview and press "
	    "Enter when you are done; a follow-up question may come. Then "
	    "grade the whole answer 0-5.\n"
	    ":skip  leave this question out (no grade)\n"
	    ":quit  end the mock here; the answers graded so far are kept\n"
	    "Ctrl-C leaves the question out, twice in a row ends the mock; "
	    "Ctrl-D ends it too."));
}

/*
 * The prompt of the answer being timed.  Only the terminal's tick reads
 * the clock for it: what the prompt shows never moves a clock that
 * tests step by hand.
 */
static const char *
make_prompt(struct mock_session *m)
{
	char now[MOCK_TIME_BUFSZ], want[MOCK_TIME_BUFSZ], past[MOCK_TIME_BUFSZ];
	bool over = m->limit > 0 && m->elapsed > m->limit;

	mock_time(m->elapsed, now);
	mock_time(m->target, want);
	mock_time(m->limit, past);
	if (m->target == 0)
		snprintf(m->prompt, sizeof m->prompt, over ?
		    /* TRANSLATORS: the prompt while a follow-up question is
		       answered: the time so far (m:ss), then, once it runs
		       long, the limit it passed; keep "> ". */
		    _("follow-up %s, past %s: wrap up> ") : _("follow-up %s> "),
		    now, past);
	else
		snprintf(m->prompt, sizeof m->prompt, over ?
		    /* TRANSLATORS: the prompt while a question is answered:
		       the time so far and the target (m:ss), then, once it
		       runs long, the limit it passed; keep "> ". */
		    _("answer %s / %s, past %s: wrap up> ") :
		    _("answer %s / %s> "), now, want, past);
	return m->prompt;
}

static const char *
tick(void *arg)
{
	struct mock_session *m = arg;

	m->elapsed = (clock_mono_ms() - m->start_ms) / 1000;
	return make_prompt(m);
}

/* A ':' line: MOCK_SKIP or MOCK_QUIT, or MOCK_ON when it was handled. */
static enum mock_step
command(const char *line)
{
	size_t n = strcspn(line, " \t");

	if ((n == 5 && strncmp(line, ":quit", 5) == 0) ||
	    (n == 2 && strncmp(line, ":q", 2) == 0))
		return MOCK_QUIT;
	if (n == 5 && strncmp(line, ":skip", 5) == 0)
		return MOCK_SKIP;
	if ((n == 5 && strncmp(line, ":help", 5) == 0) ||
	    (n == 2 && strncmp(line, ":?", 2) == 0))
		mock_help();
	else
		reveal_say("", _("Unknown command '%s' (try :help)."), line);
	return MOCK_ON;
}

/*
 * Time one answer: from now (the question shown, or said) to the line
 * that ends it.  A command at its prompt leaves the clock running.
 */
static enum mock_step
answer(struct mock_session *m, int target, int limit, int64_t *took_ms,
    bool *interrupted)
{
	enum repl_status rs;
	enum mock_step step;
	char *line;

	m->target = target;
	m->limit = limit;
	m->elapsed = 0;
	m->start_ms = clock_mono_ms();
	for (;;) {
		rs = repl_read(make_prompt(m), &line, tick, m);
		if (rs == REPL_EOF)
			return MOCK_QUIT;
		if (rs == REPL_INTERRUPT) {
			*interrupted = true;
			return MOCK_SKIP;
		}
		if (line[0] != ':') {
			free(line);
			*took_ms = clock_mono_ms() - m->start_ms;
			return MOCK_ON;
		}
		step = command(line);
		free(line);
		if (step != MOCK_ON)
			return step;
	}
}

/* How the answer went against its target, said once it is given. */
static void
said_took(int64_t took_ms, int target)
{
	char took[MOCK_TIME_BUFSZ], want[MOCK_TIME_BUFSZ];
	int64_t secs = took_ms / 1000;

	mock_time(secs, took);
	mock_time(target, want);
	reveal_say(term_dim(), _("Your answer took %s (target %s)."), took,
	    want);
	if (secs > mock_long(target))
		reveal_say(term_yellow(), _("That is past %s: in the "
		    "interview, come to your point sooner."),
		    mock_time(mock_long(target), want));
	else if (secs < mock_short(target))
		reveal_say(term_yellow(), _("That is under %s: very short for "
		    "this question."), mock_time(mock_short(target), want));
}

/*
 * Say a text aloud, in lang's voice, when the mock speaks; false after
 * an error, said.
 */
static bool
say(struct mock_session *m, const struct card_view *v, const char *lang,
    const char *text, size_t pos, const char *suffix)
{
	char *name;
	int rc;

	if (m->sp == NULL)
		return true;
	name = xasprintf("%02zu-%s-%s%s", pos, v->deck, v->id, suffix);
	rc = speak_say(m->sp, lang, text, name);
	free(name);
	if (rc != 0)
		m->failed = true;
	return rc == 0;
}

/* What a grade saves beside its review, in the same transaction. */
struct saving {
	struct mock_session	*m;
	struct mock_answer	 a;
};

/* With the grade, in its transaction: the questions left out before. */
static int
save_answer(struct store *st, const struct review_rec *r, void *arg)
{
	struct saving *sv = arg;
	size_t i;

	sv->a.review = r->id;
	for (i = 0; i < sv->m->npending; i++)
		if (store_mock_answer(st, &sv->m->rec, &sv->m->pending[i]) != 0)
			return -1;
	return store_mock_answer(st, &sv->m->rec, &sv->a);
}

static void
pending_free(struct mock_session *m)
{
	size_t i;

	for (i = 0; i < m->npending; i++) {
		free((char *)m->pending[i].deck);
		free((char *)m->pending[i].card);
		free((char *)m->pending[i].front);
		free((char *)m->pending[i].probe);
	}
	free(m->pending);
	m->pending = NULL;
	m->npending = 0;
}

/*
 * A question left out, kept without a grade: at once once the mock is
 * saved, else with its first grade (a mock never graded leaves nothing).
 */
static enum mock_step
left_out(struct mock_session *m, const struct mock_answer *a)
{
	struct mock_answer *p;

	if (m->rec.id != 0) {
		if (store_mock_answer(m->st, &m->rec, a) == 0)
			return MOCK_SKIP;
		warnx_(_("cannot save the question left out: %s"),
		    store_error(m->st));
		m->failed = true;
		return MOCK_QUIT;
	}
	m->pending = xreallocarray(m->pending, m->npending + 1,
	    sizeof *m->pending);
	p = &m->pending[m->npending++];
	*p = *a;
	p->deck = xstrdup(a->deck);
	p->card = xstrdup(a->card);
	p->front = xstrdup(a->front);
	p->probe = a->probe != NULL ? xstrdup(a->probe) : NULL;
	return MOCK_SKIP;
}

/* The grade's confirmation, in the drill's words. */
static void
said_graded(const struct mock_session *m, const struct review_rec *r)
{
	char day[DAY_BUFSZ];
	int64_t in = r->after.due - m->today;

	if (strcmp(r->mode, "review") == 0)
		reveal_say(term_green(), ngettext("Graded %d: next review %s "
		    "(in %lld day).", "Graded %d: next review %s (in %lld "
		    "days).", (unsigned long)in), r->quality,
		    day_format(r->after.due, day), (long long)in);
	else
		reveal_say(term_green(), _("Graded %d: logged, already "
		    "scheduled today."), r->quality);
}

/* Ask for the grade and save it with the answer; MOCK_ON once saved. */
static enum mock_step
grade(struct mock_session *m, struct saving *sv, bool *interrupted)
{
	struct review_rec r;
	enum repl_status rs;
	enum mock_step step;
	int64_t old_id = m->rec.id;
	char *line;
	int q;

	/* TRANSLATORS: the grades, one line under the answer; keep it short. */
	reveal_say(term_dim(), "%s", _("0 blank  1 wrong  2 familiar  "
	    "3 effort  4 pause  5 fluent"));
	for (;;) {
		/* TRANSLATORS: the prompt for a grade ("> " is added). */
		snprintf(m->prompt, sizeof m->prompt, "%s> ", _("grade 0-5"));
		if ((rs = repl_read(m->prompt, &line, NULL, NULL)) == REPL_EOF)
			return MOCK_QUIT;
		if (rs == REPL_INTERRUPT) {
			*interrupted = true;
			return MOCK_SKIP;
		}
		q = line[0] >= '0' && line[0] <= '5' && line[1] == '\0' ?
		    line[0] - '0' : -1;
		step = line[0] == ':' ? command(line) : MOCK_ON;
		if (q < 0 && line[0] != ':')
			reveal_say("", "%s", _("Grade with a number from 0 "
			    "to 5 (or :help)."));
		free(line);
		if (step != MOCK_ON)
			return step;
		if (q >= 0)
			break;
	}
	sv->a.grade = q;
	if (review_grade_with(m->st, sv->a.deck, sv->a.card, q, m->today,
	    sv->a.took_ms + (sv->a.probe_ms > 0 ? sv->a.probe_ms : 0), false,
	    &r, save_answer, sv) != 0) {
		m->rec.id = old_id;	/* rolled back with the grade */
		warnx_(_("cannot save the grade: %s"), store_error(m->st));
		m->failed = true;
		return MOCK_QUIT;
	}
	m->answered++;
	pending_free(m);
	said_graded(m, &r);
	return MOCK_ON;
}

/* The follow-up: asked, said, answered; fills in the probe's fields. */
static enum mock_step
follow_up(struct mock_session *m, const struct card_view *v,
    const struct mock_question *q, struct saving *sv, bool *interrupted)
{
	enum mock_step step;
	char took[MOCK_TIME_BUFSZ];

	sv->a.probe = q->probe != NULL ? q->probe : q->general >= 0 ?
	    _(mock_general_probes[q->general]) : NULL;
	if (sv->a.probe == NULL)
		return MOCK_ON;
	printf("\n");
	/* TRANSLATORS: over the interviewer's follow-up question. */
	reveal_field(_("Follow-up"), sv->a.probe);
	/* A general probe is in the user's language, and said in it. */
	if (!say(m, v, q->probe != NULL ? v->language : bundled_lang(NULL),
	    sv->a.probe, (size_t)sv->a.pos, "-probe"))
		return MOCK_QUIT;
	step = answer(m, 0, mock_long(MOCK_PROBE_TARGET), &sv->a.probe_ms,
	    interrupted);
	if (step == MOCK_ON)
		reveal_say(term_dim(), _("Your follow-up answer took %s."),
		    mock_time(sv->a.probe_ms / 1000, took));
	return step;
}

/* One question: shown (and said), answered, followed up, graded. */
static enum mock_step
ask(struct mock_session *m, size_t i, bool *interrupted)
{
	const struct mock_question *q = &m->plan->q[i];
	const struct mock_part *part = &mock_parts[q->part];
	struct saving sv = { .m = m };
	struct card_view v;
	enum mock_step step;
	int rc;

	/* Read afresh: a card retired or suspended since is passed over. */
	if ((rc = store_card_get(m->st, q->card->deck, q->card->id, &v)) != 0 ||
	    v.retired || v.suspended) {
		if (rc == 0)
			card_view_free(&v);
		if (rc < 0) {
			warnx_("%s", store_error(m->st));
			m->failed = true;
		}
		return rc < 0 ? MOCK_QUIT : MOCK_ON;
	}
	sv.a = (struct mock_answer){ .pos = (int64_t)i + 1,
	    .section = deck_sections[q->part], .deck = v.deck, .card = v.id,
	    .front = v.front, .target = part->target, .took_ms = -1,
	    .probe_ms = -1, .grade = -1 };
	printf("\n%s[%zu/%zu %s]%s\n", term_bold(), i + 1, m->plan->n,
	    _(part->name), term_reset());
	term_print_wrapped(stdout, v.front, 0);
	if (!say(m, &v, v.language, v.front, i + 1, ""))
		step = MOCK_QUIT;
	else
		step = answer(m, part->target, mock_long(part->target),
		    &sv.a.took_ms, interrupted);
	if (step == MOCK_ON)
		said_took(sv.a.took_ms, part->target);
	if (step == MOCK_ON)
		step = follow_up(m, &v, q, &sv, interrupted);
	if (step == MOCK_ON)
		step = grade(m, &sv, interrupted);
	if (step == MOCK_SKIP)
		step = left_out(m, &sv.a);
	if (step == MOCK_SKIP)
		reveal_say("", "%s", _("Question left out."));
	card_view_free(&v);
	return step;
}

/* A part begins: its name, its length, and what the interviewer says. */
static void
part_start(const struct mock_session *m, int part)
{
	char want[MOCK_TIME_BUFSZ];
	size_t n = m->plan->count[part];

	printf("\n");
	/* TRANSLATORS: a part of the mock ("Competency"), how many
	   questions it has, and how long each answer should take (m:ss). */
	reveal_say(term_bold(), ngettext("== %s: %zu question, about %s "
	    "per answer ==", "== %s: %zu questions, about %s per answer ==",
	    n),
	    _(mock_parts[part].name), n, mock_time(mock_parts[part].target,
	    want));
	if (strcmp(deck_sections[part], "questions-to-ask") == 0)
		reveal_say("", "%s", _("\"Do you have any questions for us?\" "
		    "For each topic, say the question you would ask them."));
}

void
mock_run(struct mock_session *m, const char *history_path)
{
	bool interrupted;
	enum mock_step step;
	int part = -1;
	size_t i;

	repl_init(history_path, mock_words);
	for (i = 0; i < m->plan->n && !m->failed; i++) {
		if (m->plan->q[i].part != part)
			part_start(m, part = m->plan->q[i].part);
		interrupted = false;
		step = ask(m, i, &interrupted);
		if (interrupted && repl_interrupted_twice())
			step = MOCK_QUIT;
		if (step == MOCK_QUIT)
			break;
	}
	pending_free(m);
	repl_done();
}
