/* review.c: recording a grade or taking it back, one transaction each. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "rehearse.h"
#include "sched.h"

bool
review_parse_retention(const char *s, double *out)
{
	long num = 0, den = 1;
	const char *p = s;

	/*
	 * By hand: strtod would want "0,9" in a Dutch locale.  One division
	 * at the end, so that "0.9" is the double 0.9.
	 */
	if (*p++ != '0' || *p++ != '.' || *p == '\0')
		return false;
	for (; *p >= '0' && *p <= '9' && den < 1000000; p++) {
		num = num * 10 + (*p - '0');
		den *= 10;
	}
	if (*p != '\0' || num * 100 < 80 * den || num * 100 > 97 * den)
		return false;
	*out = (double)num / (double)den;
	return true;
}

bool
review_parse_budget(const char *s, int64_t *out)
{
	int64_t n = 0;

	if (*s == '\0' || *s == '0')
		return false;
	for (; *s >= '0' && *s <= '9' && n <= REVIEW_BUDGET_MAX; s++)
		n = n * 10 + (*s - '0');
	if (*s != '\0' || n > REVIEW_BUDGET_MAX)
		return false;
	*out = n;
	return true;
}

void
review_plan(struct store *st, struct sched_plan *p)
{
	char *v;

	p->interview = review_default_interview(st);
	v = store_meta_get(st, "scheduler");
	p->fsrs = v != NULL && strcmp(v, "fsrs") == 0;
	free(v);
	v = store_meta_get(st, "max-reviews");
	p->budget = v != NULL;
	free(v);
	v = store_meta_get(st, "retention");
	if (v == NULL || !review_parse_retention(v, &p->retention))
		p->retention = REVIEW_RETENTION;
	free(v);
}

int64_t
review_default_interview(struct store *st)
{
	char *v = store_meta_get(st, "interview");
	int64_t day;

	if (v == NULL || !day_parse(v, &day))
		day = SCHED_NEW_DUE;
	free(v);
	return day;
}

/*
 * Grade a card.  Only the first review of a day moves the schedule;
 * later ones that day, and cram reviews, are logged with it untouched.
 * The card is read inside the transaction so that two processes grading
 * at once each start from the other's committed result.
 */
int
review_grade(struct store *st, const char *deck, const char *card,
    int quality, int64_t today, int64_t took_ms, bool cram,
    struct review_rec *r)
{
	return review_grade_with(st, deck, card, quality, today, took_ms,
	    cram, r, NULL, NULL);
}

int
review_grade_with(struct store *st, const char *deck, const char *card,
    int quality, int64_t today, int64_t took_ms, bool cram,
    struct review_rec *r, review_also_fn also, void *arg)
{
	struct card_view v;
	struct sched_plan plan;
	struct fsrs_state memory;

	memset(r, 0, sizeof *r);
	if (store_begin(st) != 0)
		return -1;
	review_plan(st, &plan);
	/* The card works towards its deck's date, or else the default. */
	plan.interview = store_deck_interview(st, deck, plan.interview);
	/* A setting that cannot be read must not schedule as if unset. */
	if (store_failed(st))
		goto fail_early;
	if (store_card_get(st, deck, card, &v) != 0)
		goto fail;
	r->deck = deck;
	r->card = card;
	r->day = today;
	r->quality = quality;
	r->took_ms = took_ms;
	r->fresh = !v.seen;
	r->before = r->after = v.st;
	r->last_day_before = r->last_day_after = v.last_day;
	r->mode = cram ? "cram" : "repeat";
	/* Every grade is real recall: the memory moves, cram included. */
	memory = fsrs_review(&v.memory, quality, today);
	if (!cram && v.last_day != today) {
		r->mode = "review";
		r->after = sched_review_plan(&v.st, quality, today, &memory,
		    &plan);
		r->last_day_after = today;
	}
	card_view_free(&v);
	if (store_record(st, r) != 0 ||
	    store_memory_put(st, deck, card, &memory) != 0 ||
	    (also != NULL && also(st, r, arg) != 0))
		goto fail;
	return store_commit(st);
fail:
	card_view_free(&v);
fail_early:
	store_rollback(st);
	return -1;
}

int
review_undo(struct store *st, int64_t id)
{
	if (store_begin(st) != 0)
		return -1;
	if (store_unrecord(st, id) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}
