/* test-mock.c: the mock interview's plan: parts, counts per length, seeding, probes, the least known first. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mock.h"
#include "xmalloc.h"

/* A pool of cards made up for a test; strings are the pool's. */
struct pool {
	struct mock_card	*c;
	bool			*named;
	size_t			 n;
};

static const char *const two_probes[] = { "Why that?", "And then?", NULL };

static struct mock_card *
add(struct pool *p, const char *deck, const char *kind, const char *section,
    bool named)
{
	struct mock_card *c;

	p->c = xreallocarray(p->c, p->n + 1, sizeof *p->c);
	p->named = xreallocarray(p->named, p->n + 1, sizeof *p->named);
	c = &p->c[p->n];
	memset(c, 0, sizeof *c);
	c->deck = xstrdup(deck);
	c->id = xasprintf("card-%zu", p->n);
	c->kind = xstrdup(kind);
	c->section = section != NULL ? xstrdup(section) : NULL;
	c->ef = 2.5;
	p->named[p->n++] = named;
	return c;
}

/* n cards of a kind in a deck, each with the deck's default part. */
static void
add_many(struct pool *p, size_t n, const char *deck, const char *kind,
    const char *section, bool named)
{
	while (n-- > 0)
		add(p, deck, kind, section, named);
}

static void
pool_free(struct pool *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->c[i].deck);
		free(p->c[i].id);
		free(p->c[i].kind);
		free(p->c[i].section);
	}
	free(p->c);
	free(p->named);
	memset(p, 0, sizeof *p);
}

/* Enough of everything for a 90-minute mock, a company deck included. */
static void
full_pool(struct pool *p, bool with_company)
{
	add_many(p, 4, "second-round", "practice", "opening", false);
	add_many(p, 20, "competency", "practice", NULL, false);
	add_many(p, 20, "situational", "practice", NULL, false);
	add_many(p, 10, "situational", "recall", NULL, false);
	add_many(p, 12, "culture-fit", "practice", NULL, false);
	add_many(p, 15, "questions-to-ask", "ask", NULL, false);
	add_many(p, 3, "closing", "practice", NULL, false);
	add_many(p, 8, "closing", "recall", NULL, false);
	add_many(p, 6, "preparation", "practice", NULL, false);
	if (with_company)
		add_many(p, 12, "acme", "practice", NULL, true);
}

static int
part(const char *name)
{
	return deck_section_index(name);
}

static void
test_part_of(void **state)
{
	struct mock_card c = { .deck = "competency", .kind = "practice" };

	(void)state;
	assert_int_equal(mock_part_of(&c, false), part("competency"));
	c.section = "closing";
	assert_int_equal(mock_part_of(&c, false), part("closing"));
	c.section = NULL;
	c.kind = "recall";
	assert_int_equal(mock_part_of(&c, false), -1);
	c.kind = "ask";
	assert_int_equal(mock_part_of(&c, false), part("questions-to-ask"));
	c.deck = "acme";
	c.kind = "recall";
	assert_int_equal(mock_part_of(&c, false), -1);
	/* A company deck's facts are to know, not technical questions. */
	assert_int_equal(mock_part_of(&c, true), -1);
	c.section = "technical";
	assert_int_equal(mock_part_of(&c, true), -1);
	c.section = NULL;
	c.kind = "practice";
	assert_int_equal(mock_part_of(&c, false), -1);
	assert_int_equal(mock_part_of(&c, true), part("technical"));
	c.kind = "ask";
	assert_int_equal(mock_part_of(&c, true), part("questions-to-ask"));
	/* An ask card is your question whatever its deck's section says... */
	c.section = "technical";
	assert_int_equal(mock_part_of(&c, true), part("questions-to-ask"));
	c.section = "closing";
	assert_int_equal(mock_part_of(&c, false), part("questions-to-ask"));
	/* ...but its own section wins. */
	c.own = true;
	assert_int_equal(mock_part_of(&c, false), part("closing"));
	c.own = false;
	c.section = NULL;
	/* A practice card of a deck named after no part, not named. */
	c.deck = "preparation";
	c.kind = "practice";
	assert_int_equal(mock_part_of(&c, false), -1);
	/* Technical is for the decks you name, whatever the section says. */
	c.section = "technical";
	assert_int_equal(mock_part_of(&c, false), -1);
	assert_int_equal(mock_part_of(&c, true), part("technical"));
	/* Named, but named after a part: that part, not technical. */
	c.section = NULL;
	c.deck = "situational";
	assert_int_equal(mock_part_of(&c, true), part("situational"));
}

/* Counts per part, for each length, with and without a deck of your own. */
static void
test_counts(void **state)
{
	static const struct {
		int64_t	 minutes;
		bool	 company;
		size_t	 want[DECK_SECTIONS];
	} cases[] = {
		{ 45, false, { 1, 5, 4, 2, 0, 2, 1 } },
		{ 60, false, { 1, 7, 4, 3, 0, 3, 2 } },
		{ 90, false, { 2, 11, 7, 4, 0, 4, 2 } },
		{ 45, true, { 1, 4, 3, 2, 2, 2, 1 } },
		{ 60, true, { 1, 5, 3, 3, 3, 3, 2 } },
		{ 90, true, { 2, 8, 5, 4, 5, 4, 2 } },
	};
	struct mock_plan plan;
	struct pool p;
	size_t i, k, total;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&p, 0, sizeof p);
		full_pool(&p, cases[i].company);
		mock_plan(&plan, p.c, p.n, p.named, cases[i].minutes, 7);
		total = 0;
		for (k = 0; k < DECK_SECTIONS; k++) {
			assert_int_equal(plan.count[k], cases[i].want[k]);
			total += cases[i].want[k];
		}
		assert_int_equal(plan.n, total);
		/* 15, 20 or 30 questions: two to three minutes each. */
		assert_int_equal(total, cases[i].minutes / 3);
		/* The parts in the order a second round runs them. */
		for (k = 1; k < plan.n; k++)
			assert_true(plan.q[k - 1].part <= plan.q[k].part);
		for (k = 0; k < plan.n; k++)
			assert_int_equal(plan.q[k].part,
			    mock_part_of(plan.q[k].card, p.named[plan.q[k].card -
			    p.c]));
		mock_plan_free(&plan);
		pool_free(&p);
	}
}

/*
 * A mock ends on a card of the closing deck, even when the practical
 * questions other decks put in the closing part are known less; those
 * fill the closing places before it.
 */
static void
test_closing_last(void **state)
{
	static const int64_t lengths[] = { 45, 60, 90 };
	struct mock_plan plan;
	struct pool p = { 0 };
	struct mock_card *c;
	size_t i, k, n;
	uint64_t seed;

	(void)state;
	add_many(&p, 10, "competency", "practice", NULL, false);
	for (i = 0; i < 8; i++) {
		c = add(&p, "second-round", "practice", "closing", false);
		c->ef = 1.3;
		c->lapses = 3;
	}
	add_many(&p, 2, "closing", "practice", NULL, false);
	for (seed = 0; seed < 20; seed++)
		for (i = 0; i < 3; i++) {
			mock_plan(&plan, p.c, p.n, NULL, lengths[i], seed);
			n = plan.count[part("closing")];
			assert_int_equal(n, lengths[i] == 45 ? 1 : 2);
			assert_int_equal(plan.q[plan.n - 1].part,
			    part("closing"));
			assert_string_equal(plan.q[plan.n - 1].card->deck,
			    "closing");
			for (k = plan.n - n; k + 1 < plan.n; k++)
				assert_string_equal(plan.q[k].card->deck,
				    "second-round");
			mock_plan_free(&plan);
		}
	pool_free(&p);
}

/* Never a card twice; the same seed, the same mock; another, another. */
static void
test_seed(void **state)
{
	struct mock_plan a, b;
	struct pool p = { 0 };
	size_t i, k, differ = 0;
	uint64_t seed;

	(void)state;
	full_pool(&p, true);
	for (seed = 0; seed < 20; seed++) {
		mock_plan(&a, p.c, p.n, p.named, 90, seed);
		mock_plan(&b, p.c, p.n, p.named, 90, seed);
		assert_int_equal(a.n, b.n);
		for (i = 0; i < a.n; i++) {
			assert_ptr_equal(a.q[i].card, b.q[i].card);
			assert_int_equal(a.q[i].general, b.q[i].general);
			for (k = 0; k < i; k++)
				assert_ptr_not_equal(a.q[i].card, a.q[k].card);
		}
		mock_plan_free(&b);
		mock_plan(&b, p.c, p.n, p.named, 90, seed + 1000);
		for (i = 0; i < a.n; i++)
			differ += a.q[i].card != b.q[i].card;
		mock_plan_free(&a);
		mock_plan_free(&b);
	}
	/* With 20 competency cards for 8 places, lots must move some. */
	assert_true(differ > 20 * 5);
	pool_free(&p);
}

/* Lowest ease first, then most lapses, then never seen, then by lot. */
static void
test_least_known(void **state)
{
	struct mock_plan plan;
	struct pool p = { 0 };
	struct mock_card *c;
	size_t i, low, lapsed, fresh;

	(void)state;
	for (i = 0; i < 8; i++) {	/* well known */
		c = add(&p, "competency", "practice", NULL, false);
		c->seen = true;
		c->ef = 2.7;
	}
	lapsed = p.n;
	c = add(&p, "competency", "practice", NULL, false);
	c->seen = true;
	c->lapses = 3;
	fresh = p.n;
	add(&p, "competency", "practice", NULL, false);
	low = p.n;
	c = add(&p, "competency", "practice", NULL, false);
	c->seen = true;
	c->ef = 1.3;
	for (i = 0; i < 3; i++) {
		mock_plan(&plan, p.c, p.n, NULL, 45, i);
		assert_int_equal(plan.count[part("competency")], 5);
		assert_ptr_equal(plan.q[0].card, &p.c[low]);
		assert_ptr_equal(plan.q[1].card, &p.c[lapsed]);
		assert_ptr_equal(plan.q[2].card, &p.c[fresh]);
		assert_true(plan.q[3].card->seen && plan.q[3].card->ef > 2.6);
		mock_plan_free(&plan);
	}
	pool_free(&p);
}

/* The card's own probes, else a general one where a part wants one. */
static void
test_probes(void **state)
{
	struct mock_plan plan;
	struct pool p = { 0 };
	const struct mock_question *q;
	size_t i, k, own, bare, seen[2] = { 0, 0 };

	(void)state;
	own = p.n;
	add(&p, "competency", "practice", NULL, false)->probes =
	    (char **)(uintptr_t)two_probes;
	bare = p.n;
	add(&p, "situational", "practice", NULL, false);
	add(&p, "questions-to-ask", "ask", NULL, false);
	add(&p, "second-round", "practice", "opening", false);
	for (i = 0; i < 40; i++) {
		mock_plan(&plan, p.c, p.n, NULL, 45, i);
		assert_int_equal(plan.n, 4);
		for (k = 0; k < plan.n; k++) {
			q = &plan.q[k];
			if (q->card == &p.c[own]) {
				assert_int_equal(q->general, -1);
				assert_non_null(q->probe);
				seen[q->probe == two_probes[1]]++;
			} else if (q->card == &p.c[bare]) {
				assert_null(q->probe);
				assert_in_range(q->general, 0,
				    MOCK_GENERAL_PROBES - 1);
				assert_non_null(mock_general_probes[q->general]);
			} else {
				/* An ask card, and an opening without probes. */
				assert_null(q->probe);
				assert_int_equal(q->general, -1);
			}
		}
		mock_plan_free(&plan);
	}
	/* Both probes come up over forty seeds. */
	assert_true(seen[0] > 0 && seen[1] > 0);
	p.c[own].probes = NULL;
	pool_free(&p);
}

/* Too few cards: a part takes what there is; none at all, an empty plan. */
static void
test_few_cards(void **state)
{
	struct mock_plan plan;
	struct pool p = { 0 };

	(void)state;
	mock_plan(&plan, NULL, 0, NULL, 45, 1);
	assert_int_equal(plan.n, 0);
	mock_plan_free(&plan);
	add_many(&p, 2, "competency", "practice", NULL, false);
	add_many(&p, 1, "acme", "practice", NULL, true);
	add_many(&p, 3, "preparation", "recall", NULL, false);
	mock_plan(&plan, p.c, p.n, p.named, 60, 1);
	assert_int_equal(plan.n, 3);
	assert_int_equal(plan.count[part("competency")], 2);
	assert_int_equal(plan.count[part("technical")], 1);
	mock_plan_free(&plan);
	pool_free(&p);
}

static void
test_time(void **state)
{
	char buf[MOCK_TIME_BUFSZ];

	(void)state;
	assert_string_equal(mock_time(0, buf), "0:00");
	assert_string_equal(mock_time(59, buf), "0:59");
	assert_string_equal(mock_time(180, buf), "3:00");
	assert_string_equal(mock_time(3725, buf), "62:05");
	assert_string_equal(mock_time(-5, buf), "0:00");
	assert_int_equal(mock_long(120), 180);
	assert_int_equal(mock_short(120), 30);
	assert_true(mock_minutes_valid(45) && mock_minutes_valid(60) &&
	    mock_minutes_valid(90));
	assert_false(mock_minutes_valid(7) || mock_minutes_valid(0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_part_of),
		cmocka_unit_test(test_closing_last),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_least_known),
		cmocka_unit_test(test_probes),
		cmocka_unit_test(test_few_cards),
		cmocka_unit_test(test_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
