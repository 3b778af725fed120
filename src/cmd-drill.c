/* cmd-drill.c: the drill session: show a card, reveal it, record a grade. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "rehearse.h"
#include "repl.h"
#include "term.h"
#include "xmalloc.h"

#define REDRILL_BELOW 4		/* grades under this come back this session */
#define DUE_PAGE 20		/* due cards fetched at a time */
#define DUE_COUNT_CAP 100	/* past this many due cards, say "100+" */

static const char *const repl_commands[] = {
	":help", ":hint", ":undo", ":skip", ":edit", ":suspend", ":stats",
	":quit", NULL,
};

/* One line at the grade prompt; :help gives the long form. */
static const char legend[] =
    "0 blank  1 wrong  2 familiar  3 effort  4 pause  5 fluent";
static const char legend_long[] =
    "0 blank, 1 wrong, 2 wrong but familiar, 3 right with effort,\n"
    "  4 right after a pause, 5 right and fluent";

/* A grade that :undo can take back. */
struct undo {
	int64_t		 review_id;
	struct card_key	 key;
	bool		 requeued;	/* it also put the card back in the queue */
	bool		 counted_again;
	bool		 suspended;	/* a :suspend, not a grade */
};

struct session {
	const struct options	*o;
	struct store		*st;
	/*
	 * The queue: due cards (fetched a page at a time, up to due_end),
	 * then new cards, then cards to drill again.  due_left are due
	 * cards not fetched yet, so the first card shows at once however
	 * many are due.
	 */
	struct card_key		*queue;
	size_t			 head;		/* the card on screen */
	size_t			 len;
	size_t			 cap;
	size_t			 due_end;
	int64_t			 due_left;
	bool			 due_more;	/* maybe more due than due_left */
	struct queue_filter	 filter;
	struct undo		*undo;
	size_t			 nundo;
	size_t			 reviewed;	/* grades recorded */
	size_t			 again;		/* of which below REDRILL_BELOW */
	bool			 cram;
	const char		*decks;		/* JSON array or NULL */
	int64_t			 shown_ms;	/* when the front appeared */
	char			 prompt[160];
	const char		*prompt_base;
	bool			 timed;		/* the prompt shows a clock */
	bool			 failed;	/* a grade could not be saved */
	bool			 interview;	/* an interview date is set */
	struct sched_interview	 iv;		/* read once, at the start */
	int64_t			 new_limit;	/* today's, after pacing */
	int64_t			 unseen_all;	/* in every deck, for pacing */
};

enum step {
	STEP_NEXT,		/* go on to the next card */
	STEP_STAY,		/* show the card at head again */
	STEP_QUIT,
};

static void
queue_push(struct session *s, const char *deck, const char *id)
{
	if (s->len == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->queue = xreallocarray(s->queue, s->cap, sizeof *s->queue);
	}
	s->queue[s->len].deck = xstrdup(deck);
	s->queue[s->len].id = xstrdup(id);
	s->len++;
}

/* Drop the last queued copy of a card after head (an undone re-drill). */
static void
queue_drop_last(struct session *s, const struct card_key *k)
{
	size_t i;

	for (i = s->len; i-- > s->head + 1;) {
		if (strcmp(s->queue[i].deck, k->deck) == 0 &&
		    strcmp(s->queue[i].id, k->id) == 0) {
			card_key_free(&s->queue[i]);
			memmove(&s->queue[i], &s->queue[i + 1],
			    (s->len - i - 1) * sizeof *s->queue);
			s->len--;
			if (i < s->due_end)
				s->due_end--;
			return;
		}
	}
}

/* Insert a card at position at, before what is there. */
static void
queue_insert(struct session *s, size_t at, const char *deck, const char *id)
{
	if (s->len == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->queue = xreallocarray(s->queue, s->cap, sizeof *s->queue);
	}
	memmove(&s->queue[at + 1], &s->queue[at],
	    (s->len - at) * sizeof *s->queue);
	s->queue[at].deck = xstrdup(deck);
	s->queue[at].id = xstrdup(id);
	s->len++;
	if (at < s->due_end)
		s->due_end++;		/* the due part grew */
}

/* Put a card in front of the one at head, so it is shown next. */
static void
queue_unshift(struct session *s, const struct card_key *k)
{
	queue_insert(s, s->head, k->deck, k->id);
}

static bool
queue_has(const struct session *s, const struct card_key *k)
{
	size_t i;

	for (i = 0; i < s->len; i++)
		if (strcmp(s->queue[i].id, k->id) == 0 &&
		    strcmp(s->queue[i].deck, k->deck) == 0)
			return true;
	return false;
}

/* The next page of due cards, skipping those the session already has. */
static void
fetch_due(struct session *s, int64_t page)
{
	struct card_key *keys;
	size_t i, n;
	int64_t added = 0, want = s->due_more ? page : s->due_left;

	n = store_due_cards(s->st, &s->filter, s->o->today,
	    page + (int64_t)s->len, &keys);
	for (i = 0; i < n; i++) {
		if (added < want && !queue_has(s, &keys[i])) {
			queue_insert(s, s->due_end, keys[i].deck, keys[i].id);
			s->due_end++;
			added++;
		}
		card_key_free(&keys[i]);
	}
	free(keys);
	if (added == 0)
		s->due_left = 0, s->due_more = false;
	else
		s->due_left = s->due_left > added ? s->due_left - added : 0;
}

/* Cards in the session: those queued and the due ones still to fetch. */
static size_t
queue_total(const struct session *s)
{
	return s->len + (size_t)s->due_left;
}

/* The session's size as shown: "57", or "110+" past the counting cap. */
static const char *
total_label(const struct session *s)
{
	static char buf[32];

	snprintf(buf, sizeof buf, "%zu%s", queue_total(s),
	    s->due_more ? "+" : "");
	return buf;
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

static void
print_help(void)
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

static void
print_field(const char *label, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	printf("%s%s%s\n", term_cyan(), label, term_reset());
	term_print_wrapped(stdout, text, 2);
}

static void
show_front(struct session *s, const struct card_view *v)
{
	printf("\n%s[%s %zu/%s %s]%s\n", term_bold(), v->deck, s->head + 1,
	    total_label(s), v->kind, term_reset());
	term_print_wrapped(stdout, v->front, 0);
	s->shown_ms = clock_mono_ms();
}

static void
show_back(struct session *s, const struct card_view *v)
{
	int64_t secs = (clock_mono_ms() - s->shown_ms) / 1000;

	print_field(strcmp(v->kind, "practice") == 0 ? "Guidance" :
	    strcmp(v->kind, "ask") == 0 ? "Ask them" : "Answer", v->back);
	print_field("Hint", v->hint);
	print_field("Example answer", v->example);
	print_field("Your story", v->story);
	if (strcmp(v->kind, "practice") == 0)
		printf("%sYou took %lld:%02lld.%s%s\n", term_dim(),
		    (long long)(secs / 60), (long long)(secs % 60),
		    s->o->time_limit > 0 && secs > s->o->time_limit ?
		    " That is over your time limit." : "", term_reset());
	printf("%s%s%s\n", term_dim(), legend, term_reset());
}

static void
undo_free(struct undo *u)
{
	card_key_free(&u->key);
}

/* Take back the last grade and show that card again. */
static enum step
do_undo(struct session *s)
{
	struct undo *u;

	if (s->nundo == 0) {
		printf("Nothing to undo.\n");
		return STEP_STAY;
	}
	u = &s->undo[s->nundo - 1];
	if (u->suspended) {
		if (store_suspend(s->st, u->key.deck, u->key.id, false) != 0) {
			warnx_("cannot undo: %s", store_error(s->st));
			return STEP_STAY;
		}
		queue_unshift(s, &u->key);
		printf("Undone: %s/%s is no longer suspended.\n", u->key.deck,
		    u->key.id);
		undo_free(u);
		s->nundo--;
		return STEP_STAY;
	}
	if (review_undo(s->st, u->review_id) != 0) {
		warnx_("cannot undo: %s", store_error(s->st));
		return STEP_STAY;
	}
	if (u->requeued)
		queue_drop_last(s, &u->key);
	queue_unshift(s, &u->key);
	s->reviewed--;
	if (u->counted_again)
		s->again--;
	printf("Undone: %s/%s is back as it was.\n", u->key.deck, u->key.id);
	undo_free(u);
	s->nundo--;
	return STEP_STAY;
}

/* :suspend: the card is never drilled again (until :undo). */
static enum step
do_suspend(struct session *s, const struct card_view *v)
{
	struct undo *u;

	if (store_suspend(s->st, v->deck, v->id, true) != 0) {
		warnx_("cannot suspend: %s", store_error(s->st));
		return STEP_STAY;
	}
	s->undo = xreallocarray(s->undo, s->nundo + 1, sizeof *s->undo);
	u = &s->undo[s->nundo++];
	memset(u, 0, sizeof *u);
	u->suspended = true;
	u->key.deck = xstrdup(v->deck);
	u->key.id = xstrdup(v->id);
	printf("Suspended %s/%s: it will not come back (:undo takes that "
	    "back).\n", v->deck, v->id);
	return STEP_NEXT;
}

/* Record a grade; the card returns later in the session if below 4. */
static int
do_grade(struct session *s, const struct card_view *v, int q)
{
	struct review_rec r;
	struct undo *u;
	char day[DAY_BUFSZ];
	int64_t took = clock_mono_ms() - s->shown_ms;

	if (review_grade(s->st, v->deck, v->id, q, s->o->today, took, s->cram,
	    &r) != 0) {
		warnx_("cannot save the grade: %s", store_error(s->st));
		s->failed = true;
		return -1;
	}
	s->undo = xreallocarray(s->undo, s->nundo + 1, sizeof *s->undo);
	u = &s->undo[s->nundo++];
	memset(u, 0, sizeof *u);
	u->review_id = r.id;
	u->key.deck = xstrdup(v->deck);
	u->key.id = xstrdup(v->id);
	u->requeued = q < REDRILL_BELOW;
	u->counted_again = u->requeued;
	s->reviewed++;
	if (u->requeued) {
		s->again++;
		queue_push(s, v->deck, v->id);
	}
	if (strcmp(r.mode, "review") == 0)
		printf("%sGraded %d: next review %s (in %lld day%s)%s.%s\n",
		    term_green(), q, day_format(r.after.due, day),
		    (long long)r.after.interval,
		    r.after.interval == 1 ? "" : "s",
		    u->requeued ? "; again later this session" : "",
		    term_reset());
	else
		printf("%sGraded %d: %s%s.%s\n", term_green(), q,
		    s->cram ? "cram, schedule untouched" :
		    "logged, already scheduled today",
		    u->requeued ? "; again later this session" : "",
		    term_reset());
	if (sched_leech_event(r.before.lapses, r.after.lapses))
		printf("%sThis card is a leech: %lld lapses. Prepare a story "
		    "for it with :edit, or rewrite the card.%s\n", term_yellow(),
		    (long long)r.after.lapses, term_reset());
	return 0;
}

/* What a line typed at a prompt means. */
enum input {
	IN_TEXT,
	IN_HELP,
	IN_HINT,
	IN_UNDO,
	IN_SKIP,
	IN_EDIT,
	IN_SUSPEND,
	IN_STATS,
	IN_QUIT,
	IN_UNKNOWN,
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

/*
 * Read at a prompt until the line is for the caller (text), handling the
 * commands that do not leave the prompt.  Returns the input kind, or
 * IN_QUIT on EOF; *interrupted on Ctrl-C.
 */
/* :edit: your story for the card on screen, shown again at the reveal. */
static void
edit_story(struct session *s, struct card_view *v)
{
	struct card_view fresh;

	if (story_edit(s->st, v) != 0)
		return;
	if (store_card_get(s->st, v->deck, v->id, &fresh) == 0) {
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
		print_help();
		return true;
	case IN_HINT:
		if (v->hint != NULL)
			print_field("Hint", v->hint);
		else
			printf("No hint for this card.\n");
		return true;
	case IN_EDIT:
		edit_story(s, v);
		return true;
	case IN_STATS:
		report_stats(s->st, s->decks, s->o->today, false);
		return true;
	case IN_UNKNOWN:
		printf("Unknown command '%s' (try :help).\n", line);
		return true;
	default:
		return false;
	}
}

static enum input
prompt_for(struct session *s, struct card_view *v, const char *prompt,
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
	}
}

/* What a command that leaves the prompt does to the session. */
static enum step
leave(struct session *s, const struct card_view *v, enum input in,
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
		return do_undo(s);
	case IN_SUSPEND:
		return do_suspend(s, v);
	default:
		abort();	/* prompt_for returns no other kind */
	}
}

/* Ask for a grade; STEP_NEXT once one is recorded. */
static enum step
ask_grade(struct session *s, struct card_view *v, bool *interrupted)
{
	enum input in;
	char *line;
	int q;

	for (;;) {
		in = prompt_for(s, v, "grade 0-5", false, &line, interrupted);
		if (in == IN_TEXT && line[0] >= '0' && line[0] <= '5' &&
		    line[1] == '\0') {
			q = line[0] - '0';
			free(line);
			return do_grade(s, v, q) == 0 ? STEP_NEXT : STEP_QUIT;
		}
		free(line);
		if (in != IN_TEXT)
			return leave(s, v, in, *interrupted);
		printf("Grade with a number from 0 to 5 (or :help).\n");
	}
}

/* One card: front, reveal, grade. */
static enum step
drill_card(struct session *s, struct card_view *v, bool *interrupted)
{
	enum input in;
	char *line, base[96];
	bool practice = strcmp(v->kind, "practice") == 0;

	show_front(s, v);
	snprintf(base, sizeof base, "%.40s %zu/%s %s", v->deck, s->head + 1,
	    total_label(s), v->kind);
	in = prompt_for(s, v, base, practice && repl_interactive(), &line,
	    interrupted);
	free(line);
	if (in != IN_TEXT)
		return leave(s, v, in, *interrupted);
	show_back(s, v);
	return ask_grade(s, v, interrupted);
}

static void
summary(struct session *s)
{
	struct buf b = { 0 };
	char day[DAY_BUFSZ];
	int64_t next;
	size_t left = queue_total(s) - (s->head < s->len ? s->head : s->len);

	buf_printf(&b, "Session over: %zu reviewed, %zu again later",
	    s->reviewed, s->again);
	if (left > 0)
		buf_printf(&b, ", %zu left for another time", left);
	next = store_next_due(s->st, s->decks, s->o->today);
	if (next != SCHED_NEW_DUE)
		buf_printf(&b, "; next review due %s", day_format(next, day));
	buf_addc(&b, '.');
	printf("\n%s", term_bold());
	term_print_wrapped(stdout, b.data, 0);
	printf("%s", term_reset());
	buf_free(&b);
}

static void
run_session(struct session *s)
{
	struct card_view v;
	enum step step;
	bool interrupted, last_interrupted = false;

	while (s->head < s->len || s->due_left > 0 || s->due_more) {
		if (s->head == s->due_end && (s->due_left > 0 || s->due_more)) {
			fetch_due(s, DUE_PAGE);
			continue;
		}
		if (store_card_get(s->st, s->queue[s->head].deck,
		    s->queue[s->head].id, &v) != 0 || v.retired ||
		    v.suspended) {
			if (v.deck != NULL)
				card_view_free(&v);
			s->head++;
			continue;
		}
		step = drill_card(s, &v, &interrupted);
		card_view_free(&v);
		if (interrupted && last_interrupted)
			step = STEP_QUIT;
		last_interrupted = interrupted;
		if (step == STEP_QUIT)
			break;
		if (step == STEP_NEXT)
			s->head++;
	}
}

static char *
history_path(void)
{
	char *dir = cmd_data_dir(), *path;

	if (dir == NULL)
		return NULL;
	path = xasprintf("%s/history", dir);
	free(dir);
	return path;
}

/*
 * Today's new-card limit: --new, raised while an interview is coming so
 * that every card is seen before its last days (DESIGN.md, rule 2).
 */
static int64_t
new_limit(struct session *s, const struct options *o, int64_t done)
{
	if (!s->interview)
		return o->new_cards;
	s->unseen_all = store_unseen(s->st, NULL, INT64_MAX);
	return sched_new_limit(o->new_cards, s->unseen_all + done, o->today,
	    &s->iv);
}

/* Build the session's queue; returns the new cards allowed today. */
static int64_t
build_queue(struct session *s, const struct options *o)
{
	struct card_key *keys;
	size_t i, n;
	int64_t allowed, done = store_new_on(s->st, o->today);

	s->new_limit = new_limit(s, o, done);
	allowed = s->new_limit - done;
	if (allowed < 0)
		allowed = 0;
	s->filter.decks = s->decks;
	s->filter.tag = o->tag;
	if (s->cram) {
		n = store_queue_all(s->st, &s->filter, &keys);
	} else {
		s->due_left = store_due_count(s->st, &s->filter, o->today,
		    o->limit > 0 ? o->limit : DUE_COUNT_CAP);
		s->due_more = o->limit == 0 && s->due_left == DUE_COUNT_CAP;
		/*
		 * Only the first card for now, the one shown at once; the
		 * others are read a page at a time, when the queue reaches
		 * them.
		 */
		fetch_due(s, 1);
		if (o->limit > 0 && allowed > o->limit - (int64_t)queue_total(s))
			allowed = o->limit - (int64_t)queue_total(s);
		/* None allowed (today's are done): no query to prepare. */
		keys = NULL;
		n = allowed > 0 ? store_new_cards(s->st, &s->filter, allowed,
		    &keys) : 0;
	}
	for (i = 0; i < n; i++) {
		if (o->limit == 0 || (int64_t)queue_total(s) < o->limit)
			queue_push(s, keys[i].deck, keys[i].id);
		card_key_free(&keys[i]);
	}
	free(keys);
	return allowed;
}

/* The DECK operands as a JSON array, checked against the database. */
static int
select_decks(struct session *s, int argc, char **argv, char **json)
{
	struct buf b = { 0 };
	char *missing;
	int i;

	*json = NULL;
	if (argc == 0)
		return EXIT_OK;
	buf_addc(&b, '[');
	for (i = 0; i < argc; i++) {
		if (!deck_valid_id(argv[i])) {
			warnx_("'%s' is not a deck id", argv[i]);
			buf_free(&b);
			return EXIT_FAIL;
		}
		buf_printf(&b, "%s\"%s\"", i > 0 ? "," : "", argv[i]);
	}
	buf_addc(&b, ']');
	if (!store_decks_exist(s->st, b.data, &missing)) {
		warnx_("%s: no such deck (see 'rehearse list')", missing);
		free(missing);
		buf_free(&b);
		return EXIT_FAIL;
	}
	*json = b.data;
	return EXIT_OK;
}

static void
session_free(struct session *s)
{
	size_t i;

	for (i = 0; i < s->len; i++)
		card_key_free(&s->queue[i]);
	free(s->queue);
	for (i = 0; i < s->nundo; i++)
		undo_free(&s->undo[i]);
	free(s->undo);
}

static int
first_run(struct store *st, const struct options *o)
{
	const char *lang = bundled_lang(o->lang);
	int n;

	if ((n = bundled_import(st, lang)) <= 0)
		return -1;
	printf("Welcome to rehearse: imported %d bundled deck%s (%s).\n", n,
	    n == 1 ? "" : "s", lang);
	return 0;
}

/* The opening lines: the interview, the pacing, the session's size. */
static void
opening(struct session *s, int64_t unseen)
{
	char day[DAY_BUFSZ];
	int64_t left;

	if (s->interview && (left = s->iv.day - s->o->today) >= 0) {
		if (left == 0)
			printf("Interview today (%s)",
			    day_format(s->iv.day, day));
		else
			printf("Interview in %lld day%s (%s)",
			    (long long)left, left == 1 ? "" : "s",
			    day_format(s->iv.day, day));
		printf("; %lld card%s not seen yet.%s\n", (long long)unseen,
		    unseen == 1 ? "" : "s", left == 0 ? " Good luck!" : "");
		if (!s->cram && s->new_limit > s->o->new_cards)
			printf("To see every card before the last %d days, "
			    "today's new-card limit rises from %lld to "
			    "%lld.\n", SCHED_WINDOW,
			    (long long)s->o->new_cards,
			    (long long)s->new_limit);
	}
	printf("%s card%s to drill%s; %lld%s not seen yet. Enter reveals, "
	    ":help lists commands.\n", total_label(s),
	    queue_total(s) == 1 && !s->due_more ? "" : "s",
	    s->cram ? " (cram: schedule untouched)" : "", (long long)unseen,
	    !s->interview && unseen >= DUE_COUNT_CAP ? "+" : "");
}

static int
cmd_drill_exec(const struct options *o, int argc, char **argv)
{
	struct session s;
	char *decks = NULL, *hist;
	int64_t allowed, unseen;
	int rc;

	memset(&s, 0, sizeof s);
	s.o = o;
	s.cram = (o->given & O_CRAM) != 0;
	if ((s.st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if (store_deck_count(s.st) == 0 && first_run(s.st, o) != 0) {
		store_close(s.st);
		return EXIT_FAIL;
	}
	/* The opening queries share one snapshot (and one file lock). */
	if (store_read_begin(s.st) != 0) {
		warnx_("%s", store_error(s.st));
		store_close(s.st);
		return EXIT_FAIL;
	}
	if ((rc = select_decks(&s, argc, argv, &decks)) != EXIT_OK) {
		store_close(s.st);
		return rc;
	}
	s.decks = decks;
	s.interview = review_interview(s.st, &s.iv);
	allowed = build_queue(&s, o);
	/* Counted in full only when the interview needs it, and only once. */
	if (s.interview && decks == NULL)
		unseen = s.unseen_all;
	else
		unseen = store_unseen(s.st, decks, s.interview ? INT64_MAX :
		    DUE_COUNT_CAP);
	store_read_end(s.st);
	if (queue_total(&s) == 0) {
		printf("Nothing to drill today");
		if (!s.cram && allowed == 0 && unseen > 0)
			printf(" (today's %lld new cards are done; --new N "
			    "allows more)", (long long)s.new_limit);
		summary(&s);
	} else {
		opening(&s, unseen);
		hist = history_path();
		repl_init(hist, repl_commands);
		free(hist);
		run_session(&s);
		repl_done();
		summary(&s);
	}
	session_free(&s);
	free(decks);
	store_close(s.st);
	return s.failed ? EXIT_FAIL : EXIT_OK;
}

const struct cmd_entry cmd_drill_entry = {
	"drill", "[DECK...] [--new N] [--tag T] [--limit N] [--cram] "
	"[--lang en|nl] [--time-limit S]", 0, -1,
	O_NEW | O_TAG | O_LIMIT | O_CRAM | O_LANG | O_TIME_LIMIT,
	cmd_drill_exec,
};
