/* story-drill.c: drill --stories: each story told aloud against the clock, then its parts shown and graded for SM-2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "repl.h"
#include "session.h"
#include "story.h"
#include "term.h"
#include "xmalloc.h"

#define FRONTS_SHOWN	6	/* questions listed under a story's title */

static const char *const drill_words[] = {
	":help", ":undo", ":skip", ":edit", ":quit", NULL,
};

/* A grade :undo can take back. */
struct redo {
	int64_t	 review_id;
	int64_t	 story;
	bool	 requeued;
};

struct drill {
	struct store		*st;
	const struct options	*o;
	struct story_filter	 filter;
	bool			 cram;
	int64_t			*queue;
	size_t			 head;
	size_t			 len;
	int64_t			*skipped;	/* passed over once already */
	size_t			 nskipped;
	struct redo		*undo;
	size_t			 nundo;
	size_t			 rehearsed;
	size_t			 again;
	int64_t			 shown_ms;
	char			 base[96];	/* the prompt's start */
	char			 prompt[160];
	bool			 failed;	/* said, or store_failed */
};

static void
push(struct drill *d, int64_t id)
{
	d->queue = xreallocarray(d->queue, d->len + 1, sizeof *d->queue);
	d->queue[d->len++] = id;
}

/* Fill the queue: due stories, then new ones up to today's limit. */
static int
build(struct drill *d)
{
	int64_t *ids, limit = d->o->limit > 0 ? d->o->limit : -1, done;
	size_t n, i;

	if (d->cram)
		n = store_story_queue(d->st, &d->filter, STORY_ALL, limit,
		    &ids);
	else {
		n = store_story_queue(d->st, &d->filter, STORY_DUE, limit,
		    &ids);
		for (i = 0; i < n; i++)
			push(d, ids[i]);
		free(ids);
		if ((done = store_story_new_on(d->st, d->o->today)) < 0)
			return -1;
		/* As for cards: --new N asks for N now, else the day's rest. */
		limit = d->o->new_cards - ((d->o->given & O_NEW) ? 0 : done);
		if (d->o->limit > 0 && limit > d->o->limit - (int64_t)d->len)
			limit = d->o->limit - (int64_t)d->len;
		ids = NULL;
		n = limit > 0 ? store_story_queue(d->st, &d->filter, STORY_NEW,
		    limit, &ids) : 0;
	}
	for (i = 0; i < n; i++)
		push(d, ids[i]);
	free(ids);
	return store_failed(d->st) ? -1 : 0;
}

/* The prompt, with the time taken so far while the story is told. */
static const char *
make_prompt(void *arg)
{
	struct drill *d = arg;
	int64_t secs = (clock_mono_ms() - d->shown_ms) / 1000;

	snprintf(d->prompt, sizeof d->prompt, "%s %lld:%02lld> ", d->base,
	    (long long)(secs / 60), (long long)(secs % 60));
	return d->prompt;
}

/* One question a story answers, on a line of its own. */
static void
add_front(void *arg, const struct story_link *l)
{
	struct buf *b = arg;

	if (l->front == NULL || l->retired)
		return;
	buf_adds(b, "  - ");
	term_add_cut(b, l->front, (size_t)term_width() - 4);
	buf_addc(b, '\n');
}

/* The front: the story's title, and the questions it answers. */
static int
show_front(struct drill *d, const struct story_rec *r)
{
	struct buf b = { 0 }, fronts = { 0 };
	const char *p;
	size_t n = 0, i;

	if (store_story_links(d->st, r->id, add_front, &fronts) != 0)
		return -1;
	/* TRANSLATORS: the header of a story being rehearsed, "[story 1/3]". */
	buf_printf(&b, "\n%s[%s %zu/%zu]%s\n", term_bold(), _("story"),
	    d->head + 1, d->len, term_reset());
	fputs(b.data, stdout);
	buf_free(&b);
	term_print_wrapped(stdout, r->title, 0);
	for (p = fronts.data; p != NULL && *p != '\0'; p = strchr(p, '\n') + 1)
		n++;
	if (n == 0)
		reveal_say(term_dim(), "%s", _("(It answers no question yet: "
		    "'rehearse story link' links it to cards.)"));
	else
		printf("%s%s%s\n", term_cyan(), _("It answers"), term_reset());
	for (p = fronts.data, i = 0; i < n && i < FRONTS_SHOWN; i++) {
		fwrite(p, 1, strcspn(p, "\n") + 1, stdout);
		p = strchr(p, '\n') + 1;
	}
	if (n > FRONTS_SHOWN)
		reveal_say("", ngettext("  and %zu more", "  and %zu more",
		    n - FRONTS_SHOWN), n - FRONTS_SHOWN);
	buf_free(&fronts);
	return 0;
}

/* The back: the five parts, the time taken, the grades. */
static void
show_back(const struct drill *d, const struct story_rec *r, int64_t secs)
{
	int i;

	/*
	 * Text kept whole (a story from before the bank) is the story: with
	 * no part written yet it is all there is to show.
	 */
	if (*r->text.notes != '\0')
		reveal_field(_("Notes"), r->text.notes);
	for (i = 0; i < STORY_PARTS; i++) {
		if (*r->text.notes != '\0' && story_text_parts(&r->text) == 0)
			break;
		if (*r->text.part[i] != '\0') {
			reveal_field(story_heading((enum story_part)i,
			    r->language), r->text.part[i]);
			continue;
		}
		printf("%s%s%s\n  %s%s%s\n", term_cyan(), story_heading(
		    (enum story_part)i, r->language), term_reset(),
		    term_dim(), _("(not written yet)"), term_reset());
	}
	printf("%s", term_dim());
	printf(d->o->time_limit > 0 && secs > d->o->time_limit ?
	    _("You took %lld:%02lld. That is over your time limit.") :
	    _("You took %lld:%02lld."), (long long)(secs / 60),
	    (long long)(secs % 60));
	printf("%s\n", term_reset());
	reveal_say(term_dim(), "%s", _("0 blank  1 wrong  2 familiar  "
	    "3 effort  4 pause  5 fluent"));
}

static void
help(void)
{
	reveal_say("", "%s", _("Tell the story aloud, then Enter shows its "
	    "parts; grade it 0-5."));
	/* TRANSLATORS: keep the command words; the program wraps the lines. */
	reveal_say("", "%s", _(":undo  take back the last grade   :skip  "
	    "leave this story for later\n:edit  change this story in "
	    "$EDITOR   :quit  save and leave (also Ctrl-D)"));
}

/* The grade's confirmation, one whole sentence per case. */
static void
say_graded(const struct drill *d, const struct story_rehearsal *x,
    bool requeued)
{
	char day[DAY_BUFSZ];
	int64_t in = x->after.due - d->o->today;
	unsigned long n = (unsigned long)in;

	if (strcmp(x->mode, "review") == 0)
		reveal_say(term_green(), requeued ? ngettext("Graded %d: next "
		    "rehearsal %s (in %lld day); again later this session.",
		    "Graded %d: next rehearsal %s (in %lld days); again later "
		    "this session.", n) : ngettext("Graded %d: next rehearsal "
		    "%s (in %lld day).", "Graded %d: next rehearsal %s (in "
		    "%lld days).", n), x->quality, day_format(x->after.due,
		    day), (long long)in);
	else if (d->cram)
		reveal_say(term_green(), requeued ? _("Graded %d: cram, "
		    "schedule untouched; again later this session.") :
		    _("Graded %d: cram, schedule untouched."), x->quality);
	else
		reveal_say(term_green(), requeued ? _("Graded %d: logged, "
		    "already rehearsed today; again later this session.") :
		    _("Graded %d: logged, already rehearsed today."),
		    x->quality);
}

/*
 * Record a grade in one transaction, from the story's state read inside
 * it: only the first rehearsal of a day moves the schedule (plain SM-2:
 * no interview rules for stories); cram moves none.  1 when the story
 * was deleted meanwhile.
 */
static int
record(struct drill *d, int64_t id, int q, struct story_rehearsal *x)
{
	struct story_rec now;

	int rc;

	memset(x, 0, sizeof *x);
	if (store_begin(d->st) != 0)
		return -1;
	if ((rc = store_story_get_id(d->st, id, &now)) != 0) {
		store_rollback(d->st);
		return rc;
	}
	x->story = id;
	x->day = d->o->today;
	x->quality = q;
	x->took_ms = clock_mono_ms() - d->shown_ms;
	x->before = x->after = now.st;
	x->last_day_before = x->last_day_after = now.last_day;
	x->mode = d->cram ? "cram" : now.last_day == d->o->today ? "repeat" :
	    "review";
	if (strcmp(x->mode, "review") == 0) {
		x->after = sched_review(&now.st, q, d->o->today);
		x->last_day_after = d->o->today;
	}
	story_rec_free(&now);
	if (store_story_record(d->st, x) != 0) {
		store_rollback(d->st);
		return -1;
	}
	return store_commit(d->st);
}

/* A grade: recorded, said; the story comes back later when below 4. */
static enum step
grade(struct drill *d, int64_t id, int q)
{
	struct story_rehearsal x;
	struct redo *u;

	int rc = record(d, id, q, &x);

	if (rc > 0) {
		reveal_say("", "%s", _("This story was deleted meanwhile: its "
		    "grade is not kept."));
		return STEP_NEXT;
	}
	if (rc < 0) {
		d->failed = true;
		return STEP_QUIT;
	}
	d->undo = xreallocarray(d->undo, d->nundo + 1, sizeof *d->undo);
	u = &d->undo[d->nundo++];
	u->review_id = x.id;
	u->story = id;
	u->requeued = q < REDRILL_BELOW;
	d->rehearsed++;
	if (u->requeued) {
		d->again++;
		push(d, id);
	}
	say_graded(d, &x, u->requeued);
	return STEP_NEXT;
}

/* Drop the last copy of id queued after head (an undone repeat). */
static void
drop_last(struct drill *d, int64_t id)
{
	size_t i;

	for (i = d->len; i-- > d->head + 1;)
		if (d->queue[i] == id) {
			memmove(&d->queue[i], &d->queue[i + 1],
			    (d->len - i - 1) * sizeof *d->queue);
			d->len--;
			return;
		}
}

/* :undo: the last grade taken back, and that story shown next. */
static enum step
undo(struct drill *d)
{
	struct redo *u;

	if (d->nundo == 0) {
		reveal_say("", "%s", _("Nothing to undo."));
		return STEP_STAY;
	}
	u = &d->undo[d->nundo - 1];
	if (store_begin(d->st) != 0 ||
	    store_story_unrecord(d->st, u->review_id) != 0 ||
	    store_commit(d->st) != 0) {
		store_rollback(d->st);
		d->failed = true;
		return STEP_QUIT;
	}
	if (u->requeued) {
		drop_last(d, u->story);
		d->again--;
	}
	d->rehearsed--;
	if (d->head > 0 && d->queue[d->head - 1] == u->story)
		d->head--;
	else {
		push(d, 0);
		memmove(&d->queue[d->head + 1], &d->queue[d->head],
		    (d->len - d->head - 1) * sizeof *d->queue);
		d->queue[d->head] = u->story;
	}
	d->nundo--;
	reveal_say("", "%s", _("Undone: the story is back as it was."));
	return STEP_STAY;
}

/* :skip or Ctrl-C: back once at the end; passed over again, it waits. */
static enum step
skip(struct drill *d, int64_t id)
{
	size_t i;

	for (i = 0; i < d->nskipped; i++)
		if (d->skipped[i] == id)
			return STEP_NEXT;
	d->skipped = xreallocarray(d->skipped, d->nskipped + 1,
	    sizeof *d->skipped);
	d->skipped[d->nskipped++] = id;
	push(d, id);
	return STEP_NEXT;
}

/* :edit: the story in the editor, read again for its back. */
static void
edit(struct drill *d, struct story_rec *r)
{
	struct story_rec fresh;
	char *slug = xstrdup(r->slug);

	if (story_edit_named(d->st, slug) != EXIT_OK && store_failed(d->st))
		d->failed = true;
	else if (store_story_get_id(d->st, r->id, &fresh) == 0) {
		story_rec_free(r);
		*r = fresh;
	}
	free(slug);
}

/*
 * Read at a prompt until a line is for the caller (true, *line set),
 * doing here the commands that stay at the prompt; false with *step
 * when a command (or the end of input, or Ctrl-C) leaves it.
 */
static bool
read_line(struct drill *d, struct story_rec *r, bool timed, char **line,
    enum step *step)
{
	enum repl_status rs;
	const char *w;

	for (;;) {
		rs = repl_read(timed ? make_prompt(d) : d->prompt, line,
		    timed ? make_prompt : NULL, d);
		*step = STEP_QUIT;
		/* Ctrl-C passes the story by, as :skip; twice in a row, ends. */
		if (rs == REPL_INTERRUPT && !repl_interrupted_twice()) {
			reveal_say("", "%s", _("Story left for later."));
			*step = skip(d, r->id);
		}
		if (rs != REPL_LINE)
			return false;
		if (**line != ':')
			return true;
		w = *line;
		if (strcmp(w, ":skip") == 0)
			*step = skip(d, r->id);
		else if (strcmp(w, ":undo") == 0)
			*step = undo(d);
		else if (strcmp(w, ":quit") == 0 || strcmp(w, ":q") == 0)
			*step = STEP_QUIT;
		else {
			if (strcmp(w, ":help") == 0 || strcmp(w, ":?") == 0)
				help();
			else if (strcmp(w, ":edit") == 0)
				edit(d, r);
			else
				reveal_say("", _("Unknown command '%s' (try "
				    ":help)."), w);
			free(*line);
			*line = NULL;
			if (d->failed)
				return false;
			continue;
		}
		free(*line);
		*line = NULL;
		return false;
	}
}

/* One story: its front, told with the clock running, its back, a grade. */
static enum step
rehearse_one(struct drill *d, struct story_rec *r)
{
	enum step step;
	char *line;

	if (show_front(d, r) != 0) {
		d->failed = true;
		return STEP_QUIT;
	}
	d->shown_ms = clock_mono_ms();
	/* TRANSLATORS: a prompt's start ("story 1/3"); a clock and "> "
	   follow it on a terminal. */
	snprintf(d->base, sizeof d->base, _("story %zu/%zu"), d->head + 1,
	    d->len);
	snprintf(d->prompt, sizeof d->prompt, "%s> ", d->base);
	if (!read_line(d, r, repl_interactive(), &line, &step))
		return step;
	free(line);
	show_back(d, r, (clock_mono_ms() - d->shown_ms) / 1000);
	snprintf(d->prompt, sizeof d->prompt, "%s> ", _("grade 0-5"));
	for (;;) {
		if (!read_line(d, r, false, &line, &step))
			return step;
		if (line[0] >= '0' && line[0] <= '5' && line[1] == '\0') {
			step = grade(d, r->id, line[0] - '0');
			free(line);
			return step;
		}
		free(line);
		reveal_say("", "%s", _("Grade with a number from 0 to 5 (or "
		    ":help)."));
	}
}

static void
run(struct drill *d, const char *history)
{
	struct story_rec r;
	enum step step;
	int rc;

	repl_init(history, drill_words);
	while (!d->failed && d->head < d->len) {
		rc = store_story_get_id(d->st, d->queue[d->head], &r);
		if (rc != 0) {
			if (rc < 0)
				d->failed = true;
			d->head++;	/* deleted meanwhile */
			continue;
		}
		step = rehearse_one(d, &r);
		story_rec_free(&r);
		if (step == STEP_QUIT)
			break;
		if (step == STEP_NEXT)
			d->head++;
	}
	repl_done();
}

/* "Session over: ...", and when the next rehearsal is due. */
static void
summary(struct drill *d)
{
	struct buf b = { 0 };
	char day[DAY_BUFSZ];
	size_t left = d->len - d->head;
	int64_t next = SCHED_NEW_DUE;

	if (!store_failed(d->st))
		next = store_story_next_due(d->st, d->o->today);
	/* TRANSLATORS: counts of stories: graded, and graded low enough
	   to come back this session; more may follow, each with ", ". */
	buf_printf(&b, _("Session over: %zu rehearsed, %zu again later"),
	    d->rehearsed, d->again);
	if (left > 0)
		buf_printf(&b, _(", %zu left for another time"), left);
	if (next != SCHED_NEW_DUE && !store_failed(d->st))
		/* TRANSLATORS: ends the summary; %s is a date, YYYY-MM-DD. */
		buf_printf(&b, _("; next rehearsal due %s."),
		    day_format(next, day));
	else
		buf_adds(&b, ".");
	printf("\n%s", term_bold());
	term_print_wrapped(stdout, b.data, 0);
	printf("%s", term_reset());
	buf_free(&b);
}

/* The opening line: how many stories, and what to do with them. */
static void
opening(const struct drill *d)
{
	reveal_say("", d->cram ? ngettext("%zu story to rehearse (cram: "
	    "schedule untouched). Tell it aloud, in about two minutes; Enter "
	    "shows its parts, :help lists commands.\n", "%zu stories to "
	    "rehearse (cram: schedule untouched). Tell each aloud, in about "
	    "two minutes; Enter shows its parts, :help lists commands.\n",
	    d->len) : ngettext("%zu story to rehearse. Tell it aloud, in "
	    "about two minutes; Enter shows its parts, :help lists "
	    "commands.\n", "%zu stories to rehearse. Tell each aloud, in "
	    "about two minutes; Enter shows its parts, :help lists "
	    "commands.\n", d->len), d->len);
}

/* Nothing to rehearse: when the next story is due, or how to write one. */
static void
nothing(struct store *st, int64_t today)
{
	struct story_ref *refs;
	char day[DAY_BUFSZ];
	int64_t next = store_story_next_due(st, today);
	size_t n;

	if (next != SCHED_NEW_DUE) {
		printf(_("No story to rehearse today; the next is due %s.\n"),
		    day_format(next, day));
		return;
	}
	n = store_story_refs(st, NULL, NULL, &refs);
	story_refs_free(refs, n);
	if (n > 0)
		fputs(_("No story to rehearse today.\n"), stdout);
	else if (!store_failed(st))
		fputs(_("No story to rehearse: 'rehearse story new TITLE' "
		    "writes one.\n"), stdout);
}

/*
 * Whether a story of the bank has the tag --tag names (true without
 * one): a tag no story has is a typo, said as drill says it for cards.
 */
static bool
tag_used(struct store *st, const struct options *o)
{
	struct story_filter any = { NULL, o->tag, o->today };
	int64_t *ids = NULL;
	size_t n;

	if (o->tag == NULL)
		return true;
	n = store_story_queue(st, &any, STORY_ALL, 1, &ids);
	free(ids);
	if (n > 0 || store_failed(st))
		return true;
	warnx_(_("no story has the tag '%s' (see 'rehearse story list' for "
	    "tags)"), o->tag);
	return false;
}

int
story_drill(struct store *st, const struct options *o, const char *decks,
    const char *history)
{
	struct drill d;

	memset(&d, 0, sizeof d);
	d.st = st;
	d.o = o;
	d.cram = (o->given & O_CRAM) != 0;
	d.filter.decks = decks;
	d.filter.tag = o->tag;
	d.filter.today = o->today;
	if (build(&d) != 0)
		d.failed = true;
	else if (d.len == 0 && !tag_used(st, o))
		d.failed = true;
	else if (d.len == 0)
		nothing(st, o->today);
	else {
		opening(&d);
		run(&d, history);
		summary(&d);
	}
	free(d.queue);
	free(d.skipped);
	free(d.undo);
	if (store_failed(st))
		return story_fail(st);
	return d.failed ? EXIT_FAIL : EXIT_OK;
}
