/* review.c: recording a grade or taking it back, one transaction each. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "rehearse.h"
#include "sched.h"

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
	struct card_view v;
	struct sched_interview iv;
	struct fsrs_state memory;
	int64_t deflt;
	bool towards;

	memset(r, 0, sizeof *r);
	memset(&iv, 0, sizeof iv);
	if (store_begin(st) != 0)
		return -1;
	/* The card works towards its deck's date, or else the default. */
	deflt = review_default_interview(st);
	iv.day = store_deck_interview(st, deck, deflt);
	towards = iv.day != SCHED_NEW_DUE && sched_interview_active(&iv, today);
	/* A date that cannot be read must not schedule as if none were set. */
	if (store_failed(st) ||
	    (towards && store_window_load(st, &iv, deflt) != 0))
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
	if (cram)
		r->mode = "cram";
	else if (v.last_day == today)
		r->mode = "repeat";
	else {
		r->mode = "review";
		r->after = sched_review_towards(&v.st, quality, today,
		    towards ? &iv : NULL);
		r->last_day_after = today;
	}
	/* Every grade is real recall: the memory moves, cram included. */
	memory = fsrs_review(&v.memory, quality, today);
	card_view_free(&v);
	if (store_record(st, r) != 0 ||
	    store_memory_put(st, deck, card, &memory) != 0)
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
