/* mock.c: a mock interview planned: which cards, in which part, with which follow-up question. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mock.h"
#include "xmalloc.h"

/*
 * A STARR answer takes about two minutes, a warm-up or a last word about
 * one, saying a question of your own well under one.
 */
const struct mock_part mock_parts[DECK_SECTIONS] = {
	{ N_("Opening"), 60, false },
	{ N_("Competency"), 120, true },
	{ N_("Situational"), 120, true },
	{ N_("Culture fit"), 90, true },
	{ N_("Technical depth"), 120, true },
	{ N_("Your questions"), 40, false },
	{ N_("Closing"), 60, false },
};

/*
 * Questions per part for 45, 60 and 90 minutes: with a follow-up, an
 * answer takes two to three minutes, and the interviewers talk too.
 * A longer round has time for the practical questions before the last
 * word.
 */
static const int mock_slots[3][DECK_SECTIONS] = {
	{ 1, 4, 3, 2, 2, 2, 1 },	/* 15 questions */
	{ 1, 5, 3, 3, 3, 3, 2 },	/* 20 */
	{ 2, 8, 5, 4, 5, 4, 2 },	/* 30 */
};

#define PART_COMPETENCY		1
#define PART_SITUATIONAL	2
#define PART_TECHNICAL		4
#define PART_QUESTIONS		5
#define PART_CLOSING		6

const char *const mock_general_probes[MOCK_GENERAL_PROBES + 1] = {
	N_("What exactly was your own part in that?"),
	N_("What would you do differently next time?"),
	N_("What was the hardest moment, and how did you handle it?"),
	N_("How did you know that it had worked?"),
	N_("How did the people around you react?"),
	N_("Can you give a concrete example of that?"),
	NULL,
};

int
mock_long(int target)
{
	return target * 3 / 2;
}

int
mock_short(int target)
{
	return target / 4;
}

bool
mock_minutes_valid(int64_t minutes)
{
	return minutes == 45 || minutes == 60 || minutes == 90;
}

/*
 * A card's own section, else its deck's (but an ask card is your own
 * question whatever its deck says); else ask cards are your own
 * questions, a practice card of a deck named after a part goes to that
 * part, and the practice cards of a deck named for the mock go to
 * technical.  A recall card is a fact for you, asked only where a
 * section other than technical says so.
 */
int
mock_part_of(const struct mock_card *c, bool named)
{
	bool ask = strcmp(c->kind, "ask") == 0;
	bool practice = strcmp(c->kind, "practice") == 0;
	int part;

	if (c->section != NULL && (c->own || !ask))
		part = deck_section_index(c->section);
	else if (ask)
		part = PART_QUESTIONS;
	else if ((part = deck_section_index(c->deck)) >= 0)
		part = practice ? part : -1;
	else
		part = named ? PART_TECHNICAL : -1;
	/* Only the decks you name know your field, and ask it in practice. */
	if (part == PART_TECHNICAL && (!named || !practice))
		part = -1;
	return part;
}

/* splitmix64: small, and the same numbers for a seed everywhere. */
static uint64_t
rng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Below n (n > 0), without the bias of a plain modulo worth mentioning. */
static size_t
rng_below(uint64_t *state, size_t n)
{
	return (size_t)((rng_next(state) >> 11) % n);
}

uint64_t
mock_seed_from(uint64_t noise)
{
	/* Shown and stored as a number --seed takes back: under 10^9. */
	return rng_next(&noise) % 1000000000u;
}

/* A card in the running for a part, with what orders the choice. */
struct pick {
	size_t		 card;
	bool		 named;
	double		 ef;
	int64_t		 lapses;
	bool		 seen;
	uint64_t	 lot;
};

/* Cards of named decks first, then the least known, then by lot. */
static int
pick_cmp(const void *pa, const void *pb)
{
	const struct pick *a = pa, *b = pb;

	if (a->named != b->named)
		return a->named ? -1 : 1;
	if (a->ef != b->ef)
		return a->ef < b->ef ? -1 : 1;
	if (a->lapses != b->lapses)
		return a->lapses > b->lapses ? -1 : 1;
	if (a->seen != b->seen)
		return a->seen ? 1 : -1;
	if (a->lot != b->lot)
		return a->lot < b->lot ? -1 : 1;
	return a->card < b->card ? -1 : a->card > b->card;
}

/*
 * How many questions each part gets.  The technical part asks only what
 * the decks you name hold: the questions it cannot fill go to
 * competency and situational.
 */
static void
plan_slots(int64_t minutes, size_t technical, int slots[DECK_SECTIONS])
{
	int row = minutes == 90 ? 2 : minutes == 60 ? 1 : 0, t;

	memcpy(slots, mock_slots[row], sizeof mock_slots[row]);
	if ((size_t)slots[PART_TECHNICAL] > technical) {
		t = slots[PART_TECHNICAL] - (int)technical;
		slots[PART_COMPETENCY] += (t + 1) / 2;
		slots[PART_SITUATIONAL] += t / 2;
		slots[PART_TECHNICAL] = (int)technical;
	}
}

/* The follow-up question: one of the card's, or a general one. */
static void
plan_probe(struct mock_question *q, uint64_t *rng)
{
	size_t n = 0;

	q->probe = NULL;
	q->general = -1;
	if (strcmp(q->card->kind, "practice") != 0)
		return;
	while (q->card->probes != NULL && q->card->probes[n] != NULL)
		n++;
	if (n > 0)
		q->probe = q->card->probes[rng_below(rng, n)];
	else if (mock_parts[q->part].probe)
		q->general = (int)rng_below(rng, MOCK_GENERAL_PROBES);
}

/*
 * Which of a part's candidates (sorted) it asks last, or m for none: a
 * round ends on a card of the closing deck ("is there anything you
 * would like to add?"), whatever other cards, such as the terms of
 * employment, put in that part; they come before it.
 */
static size_t
plan_last(const struct mock_card *cards, const struct pick *sel, size_t m,
    int part)
{
	size_t k;

	if (part != PART_CLOSING)
		return m;
	for (k = 0; k < m; k++)
		if (strcmp(cards[sel[k].card].deck, "closing") == 0)
			return k;
	return m;
}

/* Add a part's questions: the first that fit, its last one at the end. */
static void
plan_part(struct mock_plan *p, const struct mock_card *cards,
    const struct pick *sel, size_t m, int part, int slots)
{
	size_t k, last = plan_last(cards, sel, m, part);
	size_t want = slots < 0 ? 0 : (size_t)slots;

	if (last < m && want > 0)
		want--;
	for (k = 0; k < m && p->count[part] < want; k++) {
		if (k == last)
			continue;
		p->q[p->n++] = (struct mock_question){
		    .card = &cards[sel[k].card], .part = part };
		p->count[part]++;
	}
	if (last < m && slots > 0) {
		p->q[p->n++] = (struct mock_question){
		    .card = &cards[sel[last].card], .part = part };
		p->count[part]++;
	}
}

void
mock_plan(struct mock_plan *p, const struct mock_card *cards, size_t n,
    const bool *named, int64_t minutes, uint64_t seed)
{
	struct pick *all = xreallocarray(NULL, n + 1, sizeof *all);
	struct pick *sel = xreallocarray(NULL, n + 1, sizeof *sel);
	int slots[DECK_SECTIONS], part, *parts;
	uint64_t rng = seed;
	size_t i, k, m, technical = 0;

	memset(p, 0, sizeof *p);
	p->minutes = minutes;
	p->seed = seed;
	parts = xreallocarray(NULL, n + 1, sizeof *parts);
	/* Every card draws a lot, asked or not: seed and cards decide. */
	for (i = 0; i < n; i++) {
		all[i] = (struct pick){ .card = i,
		    .named = named != NULL && named[i], .ef = cards[i].ef,
		    .lapses = cards[i].lapses, .seen = cards[i].seen,
		    .lot = rng_next(&rng) };
		parts[i] = mock_part_of(&cards[i], all[i].named);
		technical += parts[i] == PART_TECHNICAL;
	}
	plan_slots(minutes, technical, slots);
	p->q = xreallocarray(NULL, n + 1, sizeof *p->q);
	for (part = 0; part < DECK_SECTIONS; part++) {
		for (i = m = 0; i < n; i++)
			if (parts[i] == part)
				sel[m++] = all[i];
		qsort(sel, m, sizeof *sel, pick_cmp);
		plan_part(p, cards, sel, m, part, slots[part]);
	}
	for (k = 0; k < p->n; k++)
		plan_probe(&p->q[k], &rng);
	free(parts);
	free(sel);
	free(all);
}

char *
mock_time(int64_t secs, char buf[MOCK_TIME_BUFSZ])
{
	if (secs < 0)
		secs = 0;
	snprintf(buf, MOCK_TIME_BUFSZ, "%lld:%02lld", (long long)(secs / 60),
	    (long long)(secs % 60));
	return buf;
}

void
mock_plan_free(struct mock_plan *p)
{
	free(p->q);
	memset(p, 0, sizeof *p);
}
