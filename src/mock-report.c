/* mock-report.c: a saved mock interview shown again: its report, and the history of mocks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "mock.h"
#include "rehearse.h"
#include "term.h"
#include "xmalloc.h"

#define REPORT_FEW 3	/* lowest grades listed, cards to drill next */

static int
failed(struct store *st)
{
	warnx_("%s", store_error(st));
	return EXIT_FAIL;
}

/* One answer as read back, its strings the report's own. */
struct answer {
	struct mock_answer	 a;
	char			*section;
	char			*name;		/* DECK/CARD */
	char			*front;
	char			*probe;
	int			 part;		/* -1: a section unknown now */
	int			 timing;	/* 1 long, -1 very short */
	bool			 skipped;	/* left out: no grade */
};

struct report {
	struct answer	*v;
	size_t		 n;
};

static void
collect(void *arg, const struct mock_answer *a)
{
	struct report *r = arg;
	struct answer *x;
	int64_t secs = a->took_ms / 1000;

	r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
	x = &r->v[r->n++];
	x->a = *a;
	x->section = xstrdup(a->section);
	x->name = xasprintf("%s/%s", a->deck, a->card);
	x->front = xstrdup(a->front);
	x->probe = a->probe != NULL ? xstrdup(a->probe) : NULL;
	x->part = deck_section_index(a->section);
	x->skipped = a->grade < 0;
	x->timing = x->skipped ? 0 : secs > mock_long((int)a->target) ? 1 :
	    secs < mock_short((int)a->target) ? -1 : 0;
}

static void
report_free(struct report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].section);
		free(r->v[i].name);
		free(r->v[i].front);
		free(r->v[i].probe);
	}
	free(r->v);
}

/* One line an answer: the card, its time against the target, its grade. */
static void
answer_line(const struct answer *x)
{
	char took[MOCK_TIME_BUFSZ], want[MOCK_TIME_BUFSZ];
	char probe[MOCK_TIME_BUFSZ];
	struct buf b = { 0 };

	mock_time(x->a.took_ms / 1000, took);
	mock_time(x->a.target, want);
	if (x->skipped && x->a.took_ms < 0)
		/* TRANSLATORS: the question's number and DECK/CARD. */
		buf_printf(&b, _("%lld. %s: skipped"), (long long)x->a.pos,
		    x->name);
	else if (x->skipped)
		/* TRANSLATORS: the question's number, DECK/CARD, the time
		   its answer took and its target (m:ss). */
		buf_printf(&b, _("%lld. %s: %s of %s; skipped"),
		    (long long)x->a.pos, x->name, took, want);
	else if (x->a.probe_ms >= 0)
		/* TRANSLATORS: the question's number, DECK/CARD, the time
		   its answer took and its target (m:ss), the follow-up
		   answer's time, and the grade (0-5). */
		buf_printf(&b, _("%lld. %s: %s of %s, follow-up %s; grade %d"),
		    (long long)x->a.pos, x->name, took, want,
		    mock_time(x->a.probe_ms / 1000, probe), x->a.grade);
	else
		buf_printf(&b, _("%lld. %s: %s of %s; grade %d"),
		    (long long)x->a.pos, x->name, took, want, x->a.grade);
	term_print_wrapped(stdout, b.data, 2);
	buf_free(&b);
}

/* The answers part by part, a heading where a part begins. */
static void
parts(const struct report *r)
{
	const char *shown = NULL;
	size_t i;

	for (i = 0; i < r->n; i++) {
		if (shown == NULL || strcmp(shown, r->v[i].section) != 0) {
			shown = r->v[i].section;
			printf("%s%s%s\n", term_bold(), r->v[i].part >= 0 ?
			    _(mock_parts[r->v[i].part].name) : shown,
			    term_reset());
		}
		answer_line(&r->v[i]);
	}
}

/* "Ran long: a (3:30 of 2:00), b (3:05 of 2:00)." and the very short. */
static void
timing(const struct report *r, int which, const char *label)
{
	char took[MOCK_TIME_BUFSZ], want[MOCK_TIME_BUFSZ];
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < r->n; i++) {
		if (r->v[i].timing != which)
			continue;
		buf_adds(&b, b.len == 0 ? label : ", ");
		/* TRANSLATORS: DECK/CARD, then its time and target (m:ss). */
		buf_printf(&b, _("%s (%s of %s)"), r->v[i].name,
		    mock_time(r->v[i].a.took_ms / 1000, took),
		    mock_time(r->v[i].a.target, want));
	}
	if (b.len == 0)
		return;
	buf_adds(&b, ".");
	term_print_wrapped(stdout, b.data, 0);
	buf_free(&b);
}

/*
 * Lowest grade first; then an answer whose time was off; then the order
 * asked.  For the cards to drill next.
 */
static int
weakest_cmp(const void *pa, const void *pb)
{
	const struct answer *a = *(const struct answer *const *)pa;
	const struct answer *b = *(const struct answer *const *)pb;

	if (a->a.grade != b->a.grade)
		return a->a.grade - b->a.grade;
	if ((a->timing != 0) != (b->timing != 0))
		return a->timing != 0 ? -1 : 1;
	return a->a.pos < b->a.pos ? -1 : a->a.pos > b->a.pos;
}

/* The grades under 4, and the cards to drill next with their question. */
static void
weakest(const struct report *r)
{
	const struct answer **w = xreallocarray(NULL, r->n, sizeof *w);
	struct buf b = { 0 };
	size_t i, n = 0;

	/* A question left out has no grade to weigh. */
	for (i = 0; i < r->n; i++)
		if (!r->v[i].skipped)
			w[n++] = &r->v[i];
	qsort(w, n, sizeof *w, weakest_cmp);
	if (n > REPORT_FEW)
		n = REPORT_FEW;
	for (i = 0; i < n && w[i]->a.grade < 4; i++)
		/* TRANSLATORS: then "1 (competency/mistake), 2 (...)". */
		buf_printf(&b, "%s%d (%s)", i > 0 ? ", " : _("Lowest grades: "),
		    w[i]->a.grade, w[i]->name);
	if (i == 0)
		buf_adds(&b, _("Every answer was graded 4 or more."));
	else
		buf_adds(&b, ".");
	term_print_wrapped(stdout, b.data, 0);
	buf_reset(&b);
	printf("%s%s%s\n", term_bold(), _("Drill next:"), term_reset());
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s: %s", w[i]->name, w[i]->front);
		term_print_wrapped(stdout, b.data, 2);
		buf_reset(&b);
	}
	buf_free(&b);
	free(w);
}

/* The opening sentence: when, how long, how much answered, how well. */
static void
headline(const struct mock_rec *m)
{
	char day[DAY_BUFSZ], answered[96];
	struct buf b = { 0 };

	snprintf(answered, sizeof answered, ngettext("%lld of %lld question "
	    "answered", "%lld of %lld questions answered",
	    (unsigned long)m->planned), (long long)m->answered,
	    (long long)m->planned);
	/* TRANSLATORS: the date, the minutes planned, "14 of 15 questions
	   answered", the mean grade (as 3.4) and the seed. */
	buf_printf(&b, _("Mock interview of %s: %lld minutes, %s, mean grade "
	    "%.1f (seed %lld)."), day_format(m->day, day),
	    (long long)m->minutes, answered, m->mean, (long long)m->seed);
	printf("\n%s", term_bold());
	term_print_wrapped(stdout, b.data, 0);
	printf("%s", term_reset());
	buf_free(&b);
}

int
mock_report(struct store *st, int64_t id, bool json)
{
	struct report r = { NULL, 0 };
	struct buf extra = { 0 };
	struct mock_rec m;
	char *text;
	int rc;

	if (json) {
		if ((text = store_mock_json(st, id)) == NULL)
			return failed(st);
		puts(text);
		free(text);
		return EXIT_OK;
	}
	if ((rc = store_mock_read(st, id, &m, collect, &r)) != 0 ||
	    store_failed(st)) {
		report_free(&r);
		return failed(st);
	}
	headline(&m);
	parts(&r);
	/* TRANSLATORS: each followed by "DECK/CARD (3:30 of 2:00), ...". */
	timing(&r, 1, _("Ran long: "));
	timing(&r, -1, _("Very short: "));
	if ((text = store_mock_stories(st, id)) != NULL) {
		/* A story leaned on for several questions of one round. */
		buf_printf(&extra, _("Stories told for more than one question: "
		    "%s."), text);
		term_print_wrapped(stdout, extra.data, 0);
		buf_free(&extra);
		free(text);
	}
	if (r.n > 0)
		weakest(&r);
	report_free(&r);
	return store_failed(st) ? failed(st) : EXIT_OK;
}

/* The history as a table; the headings padded by display width. */
struct past {
	int	 w[4];
	bool	 any;
};

static void
past_row(void *arg, const struct mock_rec *m)
{
	struct past *p = arg;
	char day[DAY_BUFSZ], answered[48], mean[16];

	p->any = true;
	snprintf(answered, sizeof answered, "%lld/%lld",
	    (long long)m->answered, (long long)m->planned);
	snprintf(mean, sizeof mean, "%.1f", m->mean);
	printf("%-*s  %*lld  %*s  %*s\n", p->w[0], day_format(m->day, day),
	    p->w[1], (long long)m->minutes, p->w[2], answered, p->w[3], mean);
}

int
mock_history(struct store *st, bool json)
{
	/* TRANSLATORS: the headings of 'rehearse mock --history'. */
	const char *head[4] = { N_("date"), N_("minutes"), N_("answered"),
	    N_("mean grade") };
	const int least[4] = { DAY_BUFSZ - 1, 3, 5, 3 };
	struct past p = { { 0 }, false };
	char *text;
	int i, pad;

	if (json) {
		if ((text = store_mock_history_json(st)) == NULL)
			return failed(st);
		puts(text);
		free(text);
		return EXIT_OK;
	}
	for (i = 0; i < 4; i++) {
		pad = least[i] - (int)term_display_width(_(head[i]));
		p.w[i] = least[i] - (pad < 0 ? pad : 0);
		pad = pad > 0 ? pad : 0;
		/* The date is aligned left, the numbers right. */
		if (i == 0)
			printf("%s%*s", _(head[i]), pad, "");
		else
			printf("  %*s%s", pad, "", _(head[i]));
	}
	printf("\n");
	if (store_mock_history(st, past_row, &p) != 0)
		return failed(st);
	if (!p.any)
		printf("%s\n", _("No mock interview yet: 'rehearse mock' runs "
		    "one."));
	return EXIT_OK;
}
