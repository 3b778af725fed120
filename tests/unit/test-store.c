/* test-store.c: store reads made to fail report it: never an empty queue, a missing deck or a zero count. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sched.h"
#include "store.h"
#include "store-fixture.h"

/*
 * A fresh database in a directory of its own: deck a, card c1 graded
 * (due on day 100), card c2 new.
 */
#define DUE_DAY 100

static int
setup(void **state)
{
	struct fixture *f = fixture_new("test-store",
	    "INSERT INTO deck (id, title) VALUES ('a', 'A');"
	    "INSERT INTO card (deck, id, pos, kind, front, back) VALUES"
	    " ('a', 'c1', 0, 'recall', 'one?', '1'),"
	    " ('a', 'c2', 1, 'recall', 'two?', '2');"
	    "INSERT INTO state (deck, card, reps, interval, ef, due, lapses,"
	    " last_day) VALUES ('a', 'c1', 1, 1, 2.5, 100, 0, 99);");

	*state = f;
	return 0;
}

/* The store failed, and says why: SQLite's message, not a guess. */
static void
assert_failed(struct store *st, const char *why)
{
	assert_true(store_failed(st));
	assert_non_null(strstr(store_error(st), why));
}

/* What *keys holds before a call that must set it to NULL. */
static struct card_key not_cleared;

static void
free_keys(struct card_key *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		card_key_free(&keys[i]);
	free(keys);
}

static void
test_queue_all(void **state)
{
	struct fixture *f = *state;
	struct queue_filter all = { NULL, NULL, SCHED_NEW_DUE };
	struct card_key *keys;
	size_t n;

	n = store_queue_all(f->st, &all, &keys);
	assert_int_equal(n, 2);
	free_keys(keys, n);
	side_exec(f, "DROP TABLE state");
	keys = &not_cleared;
	assert_int_equal(store_queue_all(f->st, &all, &keys), 0);
	assert_null(keys);
	assert_failed(f->st, "no such table: state");
}

static void
test_due_cards(void **state)
{
	struct fixture *f = *state;
	struct queue_filter all = { NULL, NULL, SCHED_NEW_DUE };
	struct queue_filter deck = { "[\"a\"]", NULL, SCHED_NEW_DUE };
	struct card_key *keys;
	size_t n;

	n = store_due_cards(f->st, &all, DUE_DAY, 10, &keys);
	assert_int_equal(n, 1);
	assert_string_equal(keys[0].id, "c1");
	free_keys(keys, n);
	n = store_due_cards(f->st, &deck, DUE_DAY, 10, &keys);
	assert_int_equal(n, 1);
	free_keys(keys, n);
	side_exec(f, "DROP TABLE state");
	keys = &not_cleared;
	assert_int_equal(store_due_cards(f->st, &all, DUE_DAY, 10, &keys), 0);
	assert_null(keys);
	assert_failed(f->st, "no such table: state");
}

static void
test_new_cards(void **state)
{
	struct fixture *f = *state;
	struct queue_filter all = { NULL, NULL, SCHED_NEW_DUE };
	struct card_key *keys;
	size_t n;

	n = store_new_cards(f->st, &all, 10, true, &keys);
	assert_int_equal(n, 1);
	assert_string_equal(keys[0].id, "c2");
	free_keys(keys, n);
	side_exec(f, "DROP TABLE card");
	keys = &not_cleared;
	assert_int_equal(store_new_cards(f->st, &all, 10, true, &keys), 0);
	assert_null(keys);
	assert_failed(f->st, "no such table: card");
}

/*
 * Cards whose tags are not JSON, after others that are: a drill for tag
 * x reads the first ones, then fails in the middle of its queue.
 */
static void
add_bad_tags(const struct fixture *f)
{
	side_exec(f, "UPDATE card SET tags = '[\"x\"]';"
	    "INSERT INTO card (deck, id, pos, kind, front, back, tags) VALUES"
	    " ('a', 'c3', 2, 'recall', 'three?', '3', '[\"x\"]'),"
	    " ('a', 'c4', 3, 'recall', 'four?', '4', '[\"x\"]'),"
	    " ('a', 'c5', 4, 'recall', 'five?', '5', '{\"x'),"
	    " ('a', 'c6', 5, 'recall', 'six?', '6', '{\"x');"
	    "INSERT INTO state (deck, card, reps, interval, ef, due, lapses,"
	    " last_day) VALUES ('a', 'c4', 1, 1, 2.5, 101, 0, 99),"
	    " ('a', 'c5', 1, 1, 2.5, 102, 0, 99);");
}

/* A queue cut short by an error is no queue: none, and the store failed. */
static void
test_queues_cut_short(void **state)
{
	struct fixture *f = *state;
	struct queue_filter x = { NULL, "x", SCHED_NEW_DUE };
	struct card_key *keys = &not_cleared;

	add_bad_tags(f);
	assert_int_equal(store_queue_all(f->st, &x, &keys), 0);
	assert_null(keys);
	assert_failed(f->st, "malformed JSON");
	keys = &not_cleared;
	assert_int_equal(store_due_cards(f->st, &x, DUE_DAY + 2, 10, &keys),
	    0);
	assert_null(keys);
	keys = &not_cleared;
	assert_int_equal(store_new_cards(f->st, &x, 10, true, &keys), 0);
	assert_null(keys);
}

static void
test_decks_exist(void **state)
{
	struct fixture *f = *state;
	char *missing;

	assert_int_equal(store_decks_exist(f->st, "[\"a\"]", &missing), 1);
	assert_null(missing);
	assert_int_equal(store_decks_exist(f->st, "[\"a\",\"b\"]", &missing),
	    0);
	assert_string_equal(missing, "b");
	free(missing);
	assert_false(store_failed(f->st));
	side_exec(f, "DROP TABLE deck");
	assert_int_equal(store_decks_exist(f->st, "[\"a\"]", &missing), -1);
	assert_null(missing);
	assert_failed(f->st, "no such table: deck");
}

static void
test_next_due(void **state)
{
	struct fixture *f = *state;

	assert_true(store_next_due(f->st, NULL, DUE_DAY - 1) == DUE_DAY);
	assert_true(store_next_due(f->st, NULL, DUE_DAY) == SCHED_NEW_DUE);
	assert_false(store_failed(f->st));
	side_exec(f, "DROP TABLE state");
	assert_true(store_next_due(f->st, NULL, DUE_DAY - 1) ==
	    SCHED_NEW_DUE);
	assert_failed(f->st, "no such table: state");
}

static void
test_unseen(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(store_unseen(f->st, NULL, INT64_MAX), 1);
	side_exec(f, "DROP TABLE card");
	assert_int_equal(store_unseen(f->st, NULL, INT64_MAX), -1);
	assert_failed(f->st, "no such table: card");
}

static void
test_due_count(void **state)
{
	struct fixture *f = *state;
	struct queue_filter all = { NULL, NULL, SCHED_NEW_DUE };
	struct queue_filter x = { NULL, "x", SCHED_NEW_DUE },
	    y = { "[\"a\"]", "y", SCHED_NEW_DUE };

	assert_int_equal(store_due_count(f->st, &all, DUE_DAY, 100), 1);
	assert_int_equal(store_due_count(f->st, &x, DUE_DAY, 100), 0);
	/* Tagged by the card itself, or through its deck. */
	side_exec(f, "UPDATE card SET tags = '[\"x\"]' WHERE id = 'c1';"
	    "UPDATE deck SET tags = '[\"y\"]'");
	assert_int_equal(store_due_count(f->st, &x, DUE_DAY, 100), 1);
	assert_int_equal(store_due_count(f->st, &y, DUE_DAY, 100), 1);
	assert_int_equal(store_due_count(f->st, &x, DUE_DAY - 1, 100), 0);
	side_exec(f, "DROP TABLE state");
	assert_int_equal(store_due_count(f->st, &all, DUE_DAY, 100), -1);
	assert_failed(f->st, "no such table: state");
}

static void
test_new_on(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(store_new_on(f->st, DUE_DAY, NULL), 0);
	side_exec(f, "DROP TABLE review");
	assert_int_equal(store_new_on(f->st, DUE_DAY, "[\"a\"]"), -1);
	assert_failed(f->st, "no such table: review");
}

static void
test_deck_count(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(store_deck_count(f->st), 1);
	side_exec(f, "DROP TABLE deck");
	assert_int_equal(store_deck_count(f->st), -1);
	assert_failed(f->st, "no such table: deck");
}

static void
test_forget_count(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(store_forget_count(f->st, "a", NULL), 1);
	side_exec(f, "DROP TABLE state");
	assert_int_equal(store_forget_count(f->st, "a", NULL), -1);
	assert_failed(f->st, "no such table: state");
}

/* Statistics that cannot be read are an error, not zero counts. */
static void
test_stats(void **state)
{
	struct fixture *f = *state;
	struct stats r;

	assert_int_equal(store_stats(f->st, NULL, DUE_DAY - 1, SCHED_NEW_DUE,
	    SCHED_NEW_DUE, &r), 0);
	assert_int_equal(r.total, 2);
	assert_int_equal(r.fresh, 1);
	assert_int_equal(r.due[1], 1);
	assert_non_null(strstr(r.json, "\"learning\":1"));
	stats_free(&r);
	assert_false(store_failed(f->st));
	side_exec(f, "DROP TABLE daily");
	assert_int_equal(store_stats(f->st, NULL, DUE_DAY - 1, SCHED_NEW_DUE,
	    SCHED_NEW_DUE, &r), -1);
	assert_failed(f->st, "no such table: daily");
}

/* A review log that cannot be read is not a review gone missing. */
static void
test_unrecord(void **state)
{
	struct fixture *f = *state;
	struct review_rec r;
	int64_t first;

	memset(&r, 0, sizeof r);
	r.deck = "a";
	r.card = "c2";
	r.day = DUE_DAY;
	r.quality = 4;
	r.mode = "cram";
	r.before = r.after = sched_new();
	r.last_day_before = r.last_day_after = SCHED_NEW_DUE;
	assert_int_equal(store_begin(f->st), 0);
	assert_int_equal(store_record(f->st, &r), 0);
	first = r.id;
	assert_int_equal(store_record(f->st, &r), 0);
	assert_int_equal(store_commit(f->st), 0);
	assert_int_equal(store_unrecord(f->st, first), 0);
	assert_false(store_failed(f->st));
	side_exec(f, "DROP TABLE review");
	assert_int_equal(store_unrecord(f->st, r.id), -1);
	assert_failed(f->st, "no such table: review");
}

static void
test_unrecord_missing(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(store_unrecord(f->st, 12345), -1);
	assert_failed(f->st, "that review is no longer in the log");
}

/* Once failed, always failed: later calls that work do not clear it. */
static void
test_sticky(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(store_deck_count(f->st), 1);
	side_exec(f, "DROP TABLE deck");
	assert_int_equal(store_deck_count(f->st), -1);
	assert_int_equal(store_forget_count(f->st, "a", NULL), 1);
	assert_failed(f->st, "no such table: deck");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_queue_all, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_due_cards, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_new_cards, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_queues_cut_short, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_decks_exist, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_next_due, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unseen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_due_count, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_new_on, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deck_count, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_forget_count, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_stats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unrecord, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unrecord_missing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sticky, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
