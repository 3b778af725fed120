/* queue.c: the cards of a drill session, in the order they are shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "session.h"
#include "xmalloc.h"

static void
grow(struct queue *q)
{
	if (q->len == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 64;
		q->keys = xreallocarray(q->keys, q->cap, sizeof *q->keys);
	}
}

void
queue_push(struct queue *q, const char *deck, const char *id)
{
	grow(q);
	q->keys[q->len].deck = xstrdup(deck);
	q->keys[q->len].id = xstrdup(id);
	q->len++;
}

void
queue_drop_last(struct queue *q, const struct card_key *k)
{
	size_t i;

	for (i = q->len; i-- > q->head + 1;) {
		if (card_key_eq(&q->keys[i], k)) {
			card_key_free(&q->keys[i]);
			memmove(&q->keys[i], &q->keys[i + 1],
			    (q->len - i - 1) * sizeof *q->keys);
			q->len--;
			if (i < q->due_end)
				q->due_end--;
			return;
		}
	}
}

/* Insert a card at position at, before what is there. */
static void
insert(struct queue *q, size_t at, const char *deck, const char *id)
{
	grow(q);
	memmove(&q->keys[at + 1], &q->keys[at],
	    (q->len - at) * sizeof *q->keys);
	q->keys[at].deck = xstrdup(deck);
	q->keys[at].id = xstrdup(id);
	q->len++;
	if (at < q->due_end)
		q->due_end++;		/* the due part grew */
}

bool
card_key_eq(const struct card_key *a, const struct card_key *b)
{
	return strcmp(a->id, b->id) == 0 && strcmp(a->deck, b->deck) == 0;
}

bool
queue_back(struct queue *q, const struct card_key *k)
{
	struct card_key shown;
	size_t i;

	for (i = q->head; i-- > 0;)
		if (card_key_eq(&q->keys[i], k))
			break;
	if (i == (size_t)-1) {
		insert(q, q->head, k->deck, k->id);
		return false;
	}
	/*
	 * Its showing moves up to now rather than a second one being
	 * added: the count stays the cards of the session.
	 */
	shown = q->keys[i];
	memmove(&q->keys[i], &q->keys[i + 1],
	    (q->head - 1 - i) * sizeof *q->keys);
	q->keys[--q->head] = shown;
	if (i < q->due_end && q->head >= q->due_end)
		q->due_end--;
	return true;
}

static bool
has(const struct queue *q, const struct card_key *k)
{
	size_t i;

	for (i = 0; i < q->len; i++)
		if (card_key_eq(&q->keys[i], k))
			return true;
	return false;
}

/* Where k is among the cards passed over, or nskipped. */
static size_t
skipped_at(const struct queue *q, const struct card_key *k)
{
	size_t i;

	for (i = 0; i < q->nskipped; i++)
		if (card_key_eq(&q->skipped[i], k))
			break;
	return i;
}

bool
queue_skipped(const struct queue *q, const struct card_key *k)
{
	return skipped_at(q, k) < q->nskipped;
}

bool
queue_skip(struct queue *q, const struct card_key *k)
{
	if (queue_skipped(q, k))
		return false;
	queue_ungraded(q, k);
	queue_push(q, k->deck, k->id);
	return true;
}

bool
queue_graded(struct queue *q, const struct card_key *k)
{
	size_t i = skipped_at(q, k);

	if (i == q->nskipped)
		return false;
	card_key_free(&q->skipped[i]);
	q->skipped[i] = q->skipped[--q->nskipped];
	return true;
}

void
queue_ungraded(struct queue *q, const struct card_key *k)
{
	if (queue_skipped(q, k))
		return;
	q->skipped = xreallocarray(q->skipped, q->nskipped + 1,
	    sizeof *q->skipped);
	q->skipped[q->nskipped].deck = xstrdup(k->deck);
	q->skipped[q->nskipped].id = xstrdup(k->id);
	q->nskipped++;
}

/* Skipping the due cards the session already has. */
int
queue_fetch_due(struct queue *q, int64_t page)
{
	struct card_key *keys;
	size_t i, n;
	int64_t added = 0, want = q->due_more ? page : q->due_left;

	n = store_due_cards(q->st, &q->filter, q->today,
	    page + (int64_t)q->len, &keys);
	for (i = 0; i < n; i++) {
		if (added < want && !has(q, &keys[i])) {
			insert(q, q->due_end, keys[i].deck, keys[i].id);
			q->due_end++;
			added++;
		}
		card_key_free(&keys[i]);
	}
	free(keys);
	/* Part of a page is no page: the session ends on the error. */
	if (store_failed(q->st))
		return -1;
	if (added == 0)
		q->due_left = 0, q->due_more = false;
	else
		q->due_left = q->due_left > added ? q->due_left - added : 0;
	return 0;
}

bool
queue_wants_due(const struct queue *q)
{
	return q->head == q->due_end && (q->due_left > 0 || q->due_more);
}

size_t
queue_total(const struct queue *q)
{
	return q->len + (size_t)q->due_left;
}

const char *
queue_label(const struct queue *q)
{
	static char buf[32];

	/* TRANSLATORS: a count of cards with more past it ("100+"). */
	snprintf(buf, sizeof buf, q->due_more ? _("%zu+") : "%zu",
	    queue_total(q));
	return buf;
}

void
queue_free(struct queue *q)
{
	size_t i;

	for (i = 0; i < q->len; i++)
		card_key_free(&q->keys[i]);
	free(q->keys);
	for (i = 0; i < q->nskipped; i++)
		card_key_free(&q->skipped[i]);
	free(q->skipped);
}
