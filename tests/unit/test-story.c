/* test-story.c: the story bank: a story's text split and written back, titles and ids, and the store's stories and links. */
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

#include "store.h"
#include "store-fixture.h"
#include "store-story.h"
#include "story-text.h"

/* The text pure: parse, render, and the canonical form. */

static void
test_parse_parts(void **state)
{
	struct story_text t;

	(void)state;
	story_text_parse(&t, "Before.\n\nSituation: the launch.\n"
	    "## Task\n\n  indented task\n\n**Action:** I planned.\n"
	    "resultaat:\nOp tijd.\nREFLECTION:\n", false);
	assert_string_equal(t.notes, "Before.");
	assert_string_equal(t.part[STORY_SITUATION], "the launch.");
	assert_string_equal(t.part[STORY_TASK], "  indented task");
	assert_string_equal(t.part[STORY_ACTION], "I planned.");
	assert_string_equal(t.part[STORY_RESULT], "Op tijd.");
	assert_string_equal(t.part[STORY_REFLECTION], "");
	assert_int_equal(story_text_parts(&t), 4);
	story_text_free(&t);
}

static void
test_parse_not_headings(void **state)
{
	struct story_text t;

	(void)state;
	/* A word that starts like a heading, or a heading in a sentence. */
	story_text_parse(&t, "Actions speak.\nResult of it all: fine.\n"
	    "Task force", false);
	assert_string_equal(t.notes, "Actions speak.\nResult of it all: "
	    "fine.\nTask force");
	assert_int_equal(story_text_parts(&t), 0);
	story_text_free(&t);
}

static void
test_parse_comments(void **state)
{
	struct story_text t;

	(void)state;
	story_text_parse(&t, "# a comment\nSituation:\n# explained\nthere\n"
	    "#\nSituation: again\n#1 priority\n", true);
	assert_string_equal(t.notes, "");
	/* A part named twice has both texts, a blank line apart. */
	assert_string_equal(t.part[STORY_SITUATION], "there\n\nagain\n"
	    "#1 priority");
	story_text_free(&t);
	story_text_parse(&t, "#1 priority\n", false);
	assert_string_equal(t.notes, "#1 priority");
	story_text_free(&t);
}

static void
test_render_round_trip(void **state)
{
	struct story_text t, back;
	char *text;

	(void)state;
	story_text_init(&t);
	free(t.part[STORY_SITUATION]);
	t.part[STORY_SITUATION] = strdup("one line");
	free(t.part[STORY_ACTION]);
	t.part[STORY_ACTION] = strdup("two\nlines");
	free(t.part[STORY_RESULT]);
	t.part[STORY_RESULT] = strdup("  indented");
	text = story_text_render(&t, "nl-BE");
	assert_string_equal(text, "Situatie: one line\nActie:\ntwo\nlines\n"
	    "Resultaat:\n  indented");
	story_text_parse(&back, text, false);
	assert_true(story_text_equal(&t, &back));
	assert_string_equal(story_text_canonical(text), "nl");
	free(text);
	text = story_text_render(&t, "en");
	assert_string_equal(story_text_canonical(text), "en");
	free(text);
	story_text_free(&t);
	story_text_free(&back);
}

/*
 * A heading whose text has a heading's form is text, so that a part
 * never holds a line read as a heading when written out again.
 */
static void
test_heading_in_heading(void **state)
{
	struct story_text t, back;
	char *text;

	(void)state;
	story_text_parse(&t, "Situation: Task: x\nAction:\nResult: Task: y\n"
	    "Situation: again\nSituation: Task: z", false);
	assert_string_equal(t.notes, "Situation: Task: x");
	assert_string_equal(t.part[STORY_ACTION], "Result: Task: y");
	assert_string_equal(t.part[STORY_SITUATION], "again\nSituation: "
	    "Task: z");
	text = story_text_render(&t, "en");
	assert_string_equal(text, "Situation: Task: x\nSituation:\nagain\n"
	    "Situation: Task: z\nAction:\nResult: Task: y");
	story_text_parse(&back, text, false);
	assert_true(story_text_equal(&t, &back));
	free(text);
	story_text_free(&t);
	story_text_free(&back);
}

/*
 * Blanks at the end of a line are not text: "Result\t\f" is the
 * heading it would become once its part is trimmed and written out, and
 * "Situation: Task \v" is text as "Situation: Task" is.
 */
static void
test_trailing_blanks(void **state)
{
	static const char *const texts[] = {
		"notes\n\nmore\nresult\t\f",
		"Situation: Task \v\nAction: done\t",
		"Action:\r\n  a\r\nResult:  \t\r\n",
	};
	struct story_text t, back;
	char *text;
	size_t i;

	(void)state;
	story_text_parse(&t, texts[0], false);
	assert_string_equal(t.notes, "notes\n\nmore");
	story_text_free(&t);
	story_text_parse(&t, texts[1], false);
	assert_string_equal(t.notes, "Situation: Task");
	assert_string_equal(t.part[STORY_ACTION], "done");
	story_text_free(&t);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		story_text_parse(&t, texts[i], false);
		text = story_text_render(&t, "en");
		story_text_parse(&back, text, false);
		assert_true(story_text_equal(&t, &back));
		free(text);
		story_text_free(&t);
		story_text_free(&back);
	}
}

static void
test_canonical(void **state)
{
	(void)state;
	assert_string_equal(story_text_canonical("Just text."), "en");
	assert_null(story_text_canonical("Trailing newline\n"));
	assert_null(story_text_canonical("Situation:\n\nblank line first"));
	assert_null(story_text_canonical("Task: b\nSituation: a"));
	assert_string_equal(story_text_canonical("Situation: a\nTask: b"),
	    "en");
}

static void
test_trim(void **state)
{
	char s[] = "\n  \n   text\n  more  \n\n";

	(void)state;
	story_text_trim(s);
	assert_string_equal(s, "   text\n  more");
}

static void
test_titles(void **state)
{
	char *t;

	(void)state;
	t = story_title_clean("  Migration deadline \t");
	assert_string_equal(t, "Migration deadline");
	assert_null(story_title_problem(t));
	free(t);
	assert_non_null(story_title_problem(""));
	assert_non_null(story_title_problem("bell\a"));
	assert_non_null(story_title_problem("two\nlines"));
	assert_non_null(story_title_problem("tab\there"));
	assert_non_null(story_title_problem("bad \xff utf-8"));
	assert_non_null(story_title_problem("\xe2\x80\xae" "evil"));
	assert_null(story_title_problem("Één keer, 日本"));
}

static void
test_title_from_front(void **state)
{
	char *t;

	(void)state;
	t = story_title_from_front("Tell me\n about  a\ttime \x1b[31m.");
	assert_string_equal(t, "Tell me about a time ^[[31m.");
	assert_null(story_title_problem(t));
	free(t);
	t = story_title_from_front("Tell me about a time you had to meet a "
	    "very tight deadline at work.");
	assert_string_equal(t, "Tell me about a time you had to meet a "
	    "very tight deadline…");
	free(t);
}

static void
test_slug(void **state)
{
	char *s;

	(void)state;
	s = story_slug("Migration: deadline!");
	assert_string_equal(s, "migration-deadline");
	free(s);
	s = story_slug("日本");
	assert_string_equal(s, "story");
	free(s);
	s = story_slug("A very long title that goes on and on and on past "
	    "the limit of ids");
	assert_true(strlen(s) <= STORY_SLUG_MAX);
	assert_true(s[strlen(s) - 1] != '-');
	free(s);
	/* Cut at a word's end, never inside "tight". */
	s = story_slug("Tell me about a time you had to meet a very tight "
	    "deadline.");
	assert_string_equal(s, "tell-me-about-a-time-you-had-to-meet-a-very");
	free(s);
	s = story_slug("Supercalifragilisticexpialidocious-and-then-some-"
	    "more-words");
	assert_string_equal(s, "supercalifragilisticexpialidocious-and-then-some");
	free(s);
	s = story_slug("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
	assert_int_equal(strlen(s), STORY_SLUG_MAX);
	free(s);
}

static void
test_tags(void **state)
{
	char *j, *bad;

	(void)state;
	j = story_tags_json(" deadline, conflict  deadline,\"q\"", &bad);
	assert_null(bad);
	assert_string_equal(j, "[\"deadline\",\"conflict\",\"\\\"q\\\"\"]");
	free(j);
	/* A tag is not taken for another that holds it. */
	j = story_tags_json("b\"a a", &bad);
	assert_string_equal(j, "[\"b\\\"a\",\"a\"]");
	free(j);
	assert_null(story_tags_json(" , ", &bad));
	assert_null(bad);
	assert_null(story_tags_json("ok, b\033ad", &bad));
	assert_string_equal(bad, "b\033ad");
	free(bad);
}

/* The store: a fresh database with one deck of two cards. */
static int
setup(void **state)
{
	*state = fixture_new("test-story", "INSERT INTO deck (id) VALUES ('a');"
	    "INSERT INTO card (deck, id, pos, kind, front, back) VALUES"
	    " ('a', 'c1', 0, 'practice', 'one?', '1'),"
	    " ('a', 'c2', 1, 'practice', 'two?', '2');");
	return 0;
}

/* Add a story titled title with situation s; its id. */
static int64_t
add(struct store *st, const char *title, const char *s, int want)
{
	struct story_rec r;
	int64_t id;

	memset(&r, 0, sizeof r);
	r.title = strdup(title);
	r.language = strdup("en");
	story_text_init(&r.text);
	free(r.text.part[STORY_SITUATION]);
	r.text.part[STORY_SITUATION] = strdup(s);
	assert_int_equal(store_story_add(st, &r, "[\"x\",\"y\"]"), want);
	id = r.id;
	story_rec_free(&r);
	return id;
}

static void
test_add_get(void **state)
{
	struct fixture *f = *state;
	struct story_rec r;

	add(f->st, "Migration deadline", "the launch", 0);
	assert_int_equal(store_story_get(f->st, "MIGRATION DEADLINE", &r), 0);
	assert_string_equal(r.slug, "migration-deadline");
	assert_string_equal(r.tags, "x, y");
	assert_string_equal(r.text.part[STORY_SITUATION], "the launch");
	assert_string_equal(r.text.part[STORY_TASK], "");
	assert_true(r.st.due == SCHED_NEW_DUE);
	assert_true(r.st.ef == 2.5);
	story_rec_free(&r);
	assert_int_equal(store_story_get(f->st, "migration-deadline", &r), 0);
	story_rec_free(&r);
	assert_int_equal(store_story_get(f->st, "nope", &r), 1);
	/* A title is unique in any case; its id gets a number. */
	add(f->st, "migration DEADLINE", "again", 1);
	add(f->st, "Migration: deadline", "again", 0);
	assert_int_equal(store_story_get(f->st, "migration-deadline-2", &r),
	    0);
	assert_string_equal(r.title, "Migration: deadline");
	story_rec_free(&r);
	assert_false(store_failed(f->st));
}

static void
test_put_rename(void **state)
{
	struct fixture *f = *state;
	struct story_rec r;
	int64_t id = add(f->st, "Old title", "s", 0);

	add(f->st, "Taken", "s", 0);
	assert_int_equal(store_story_get_id(f->st, id, &r), 0);
	free(r.text.part[STORY_RESULT]);
	r.text.part[STORY_RESULT] = strdup("done");
	assert_int_equal(store_story_put(f->st, &r, NULL), 0);
	assert_string_equal(r.slug, "old-title");
	free(r.title);
	r.title = strdup("TAKEN");
	assert_int_equal(store_story_put(f->st, &r, NULL), 1);
	free(r.title);
	r.title = strdup("New title");
	assert_int_equal(store_story_put(f->st, &r, NULL), 0);
	assert_string_equal(r.slug, "new-title");
	story_rec_free(&r);
	assert_int_equal(store_story_get(f->st, "new-title", &r), 0);
	assert_string_equal(r.text.part[STORY_RESULT], "done");
	assert_null(r.tags);
	story_rec_free(&r);
}

static void
test_links(void **state)
{
	struct fixture *f = *state;
	struct story_ref *refs;
	struct story_rec r;
	int64_t a = add(f->st, "A", "s", 0), b = add(f->st, "B", "s", 0);
	size_t n;

	assert_int_equal(store_story_link(f->st, b, "a", "c1"), 0);
	assert_int_equal(store_story_link(f->st, a, "a", "c1"), 0);
	assert_int_equal(store_story_link(f->st, a, "a", "c1"), 1);
	/* A link may wait for a deck that is not imported yet. */
	assert_int_equal(store_story_link(f->st, a, "later", "x"), 0);
	assert_int_equal(store_card_exists(f->st, "later", "x"), 0);
	assert_int_equal(store_card_exists(f->st, "a", "c2"), 1);
	assert_int_equal(store_story_link_count(f->st, a), 2);
	n = store_story_refs(f->st, "a", "c1", &refs);
	assert_int_equal(n, 2);
	/* In the order they were linked. */
	assert_string_equal(refs[0].title, "B");
	assert_string_equal(refs[1].slug, "a");
	story_refs_free(refs, n);
	n = store_story_refs(f->st, NULL, NULL, &refs);
	assert_int_equal(n, 2);
	assert_string_equal(refs[0].title, "A");
	story_refs_free(refs, n);
	assert_int_equal(store_story_unlink(f->st, a, "later", "x"), 0);
	assert_int_equal(store_story_unlink(f->st, a, "later", "x"), 1);
	/* Deleting a story takes its links with it. */
	assert_int_equal(store_story_delete(f->st, b), 0);
	n = store_story_refs(f->st, "a", "c1", &refs);
	assert_int_equal(n, 1);
	assert_int_equal(refs[0].id, a);
	story_refs_free(refs, n);
	assert_int_equal(store_story_get_id(f->st, b, &r), 1);
	assert_false(store_failed(f->st));
}

static void
test_free_title(void **state)
{
	struct fixture *f = *state;
	char *t;

	t = store_story_free_title(f->st, "one?");
	assert_string_equal(t, "one?");
	free(t);
	add(f->st, "one?", "s", 0);
	add(f->st, "One? (2)", "s", 0);
	t = store_story_free_title(f->st, "one?");
	assert_string_equal(t, "one? (3)");
	free(t);
}

/* A card's JSON tells its first story's text, as rendered by SQLite. */
static void
test_card_json(void **state)
{
	struct fixture *f = *state;
	int64_t id = add(f->st, "Launch", "the launch", 0);
	char *json;

	assert_int_equal(store_story_link(f->st, id, "a", "c2"), 0);
	json = store_json_card(f->st, "a", "c2", 0);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"story\":\"Situation: the launch\""));
	assert_non_null(strstr(json, "\"stories\":[{\"id\":\"launch\","
	    "\"title\":\"Launch\"}]"));
	free(json);
}

/* The check's findings on one story, as one string: "E:msg\nW:msg\n". */
static void
keep_finding(void *arg, bool error, const char *msg)
{
	char *all = arg;

	snprintf(all + strlen(all), 4096 - strlen(all), "%s:%s\n",
	    error ? "E" : "W", msg);
}

/* Every part written; result and action as given. */
static void
check_story(const char *result, const char *action, char *found)
{
	struct story_text t;

	story_text_init(&t);
	free(t.part[STORY_SITUATION]);
	t.part[STORY_SITUATION] = strdup("The launch.");
	free(t.part[STORY_TASK]);
	t.part[STORY_TASK] = strdup("Ship it.");
	free(t.part[STORY_ACTION]);
	t.part[STORY_ACTION] = strdup(action);
	free(t.part[STORY_RESULT]);
	t.part[STORY_RESULT] = strdup(result);
	free(t.part[STORY_REFLECTION]);
	t.part[STORY_REFLECTION] = strdup("Plan earlier.");
	found[0] = '\0';
	assert_int_equal(story_check(&t, keep_finding, found), 0);
	story_text_free(&t);
}

/* A result measured in words, English or Dutch, is measurable. */
static void
test_check_numbers(void **state)
{
	static const char *const measured[] = {
		"We cut costs by a third.", "Sixty clients stayed.",
		"Down to a quarter of the time.", "Nineteen teams use it.",
		"Seventy-five of them.", "Eighty stores opened.",
		"Zeventig klanten bleven.", "Elf teams gebruiken het.",
		"Een derde minder kosten.", "In een kwart van de tijd.",
		"Een half jaar eerder klaar.", "Negentien teams, tachtig "
		"winkels.", "Honderd klanten, duizend orders, een miljoen euro.",
		NULL,
	};
	char found[4096];
	size_t i;

	(void)state;
	for (i = 0; measured[i] != NULL; i++) {
		check_story(measured[i], "I led it.", found);
		if (found[0] != '\0')
			fail_msg("'%s': %s", measured[i], found);
	}
	check_story("Everyone was happy.", "I led it.", found);
	assert_non_null(strstr(found, "W:the Result part has no number"));
	check_story("Iedereen was blij.", "Ik leidde het.", found);
	assert_non_null(strstr(found, "W:the Result part has no number"));
}

/* 'wij'/'we' against 'ik' in a Dutch Action, as 'we' against 'I'. */
static void
test_check_persons(void **state)
{
	char found[4096];

	(void)state;
	check_story("30% sneller.", "Wij planden het en we testten; ik "
	    "belde.", found);
	assert_non_null(strstr(found, "W:the Action part says 'we' more "
	    "often than 'I' (2 against 1)"));
	check_story("30% sneller.", "Ik plande het, ik testte; we belden.",
	    found);
	assert_string_equal(found, "");
	check_story("30% faster.", "We planned, we tested; I called.",
	    found);
	assert_non_null(strstr(found, "(2 against 1)"));
	check_story("30% faster.", "I planned it with them.", found);
	assert_string_equal(found, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_parts),
		cmocka_unit_test(test_parse_not_headings),
		cmocka_unit_test(test_parse_comments),
		cmocka_unit_test(test_render_round_trip),
		cmocka_unit_test(test_heading_in_heading),
		cmocka_unit_test(test_trailing_blanks),
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_title_from_front),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_check_numbers),
		cmocka_unit_test(test_check_persons),
		cmocka_unit_test_setup_teardown(test_add_get, setup, teardown),
		cmocka_unit_test_setup_teardown(test_put_rename, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_title, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_card_json, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
