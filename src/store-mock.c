/* store-mock.c: mock interviews: the cards one may ask, each answer saved, reports and history read back. */
#include <stdlib.h>

#include <sqlite3.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "store-int.h"
#include "xmalloc.h"

/*
 * A mock's answers, graded (a question left out has no grade): how
 * many, and their mean grade to two decimals.
 */
#define MOCK_COUNTS \
    " (SELECT count(grade) FROM mock_answer a WHERE a.mock = m.id)," \
    " (SELECT round(avg(grade), 2) FROM mock_answer a WHERE a.mock = m.id)"
#define MOCK_SUMMARY \
    "json_object('id', m.id, 'date', rehearse_day(m.day)," \
    " 'minutes', m.minutes, 'seed', m.seed," \
    " 'decks', json(coalesce(m.decks, '[]')), 'planned', m.planned," \
    " 'answered', (SELECT count(grade) FROM mock_answer a" \
    "   WHERE a.mock = m.id)," \
    " 'mean_grade', (SELECT round(avg(grade), 2) FROM mock_answer a" \
    "   WHERE a.mock = m.id)"

static const char *const stmt_sql[S__COUNT] = {
	/*
	 * Recall cards are facts to know, not questions an interviewer
	 * asks: only a section brings one.
	 */
	[S_MOCK_CARDS] = "SELECT c.deck, c.id, c.kind,"
	    " coalesce(c.section, d.section), c.probes,"
	    " coalesce(s.ef, 2.5), coalesce(s.lapses, 0), s.due IS NOT NULL,"
	    " c.section IS NOT NULL"
	    CARD_FROM " WHERE c.retired = 0 AND coalesce(s.suspended, 0) = 0"
	    " AND (c.kind <> 'recall' OR c.section IS NOT NULL"
	    " OR d.section IS NOT NULL)"
	    " ORDER BY d.seq, c.pos",
	[S_MOCK_ADD] = "INSERT INTO mock"
	    " (day, at_ms, minutes, seed, planned, decks)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_MOCK_ANSWER] = "INSERT INTO mock_answer (mock, pos, section, deck,"
	    " card, front, probe, target, took_ms, probe_ms, grade, review)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	[S_MOCK_LAST] = "SELECT coalesce(max(id), 0) FROM mock",
	[S_MOCK_GET] = "SELECT m.id, m.day, m.minutes, m.seed, m.planned,"
	    " m.decks," MOCK_COUNTS " FROM mock m WHERE m.id = ?1",
	[S_MOCK_ANSWERS] = "SELECT pos, section, deck, card, front, probe,"
	    " target, coalesce(took_ms, -1), coalesce(probe_ms, -1),"
	    " coalesce(grade, -1), coalesce(review, 0)"
	    " FROM mock_answer WHERE mock = ?1 ORDER BY pos",
	[S_MOCK_JSON] = "SELECT " MOCK_SUMMARY ", 'questions',"
	    " (SELECT coalesce(json_group_array(json(q)), '[]') FROM"
	    "  (SELECT json_object('position', a.pos, 'section', a.section,"
	    "   'card', a.deck || '/' || a.card, 'front', a.front,"
	    "   'probe', a.probe, 'seconds', a.took_ms / 1000,"
	    "   'probe_seconds', a.probe_ms / 1000, 'target', a.target,"
	    "   'grade', a.grade,"
	    "   'skipped', json(CASE WHEN a.grade IS NULL THEN 'true'"
	    "   ELSE 'false' END)) AS q"
	    "   FROM mock_answer a WHERE a.mock = m.id ORDER BY a.pos)))"
	    " FROM mock m WHERE m.id = ?1",
	[S_MOCK_PAST] = "SELECT m.id, m.day, m.minutes, m.seed, m.planned,"
	    " m.decks," MOCK_COUNTS " FROM mock m ORDER BY m.id",
	[S_MOCK_PAST_JSON] = "SELECT coalesce(json_group_array(json(j)), '[]')"
	    " FROM (SELECT " MOCK_SUMMARY ") AS j FROM mock m ORDER BY m.id)",
	/* Stories of the bank that answer more than one question of ?1. */
	[S_MOCK_STORIES] = "SELECT group_concat(title || ' (' || n || ')',"
	    " ', ') FROM (SELECT t.title AS title, x.n AS n FROM"
	    " (SELECT l.story AS story, count(DISTINCT a.pos) AS n"
	    " FROM mock_answer a JOIN story_link l"
	    " ON l.deck = a.deck AND l.card = a.card WHERE a.mock = ?1"
	    " GROUP BY l.story HAVING n > 1) x JOIN story t ON t.id = x.story"
	    " ORDER BY x.n DESC, t.title)",
};

size_t
store_mock_cards(struct store *st, struct mock_card **out)
{
	sqlite3_stmt *s = stmt(st, S_MOCK_CARDS, stmt_sql);
	struct mock_card *v = NULL, *c;
	size_t n = 0, cap = 0;
	int rc;

	while ((rc = step(st, s, N_("choosing the questions"))) > 0) {
		if (n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		c = &v[n++];
		c->deck = column_strdup(s, 0);
		c->id = column_strdup(s, 1);
		c->kind = column_strdup(s, 2);
		c->section = column_strdup(s, 3);
		c->probes = json_texts(st, (const char *)sqlite3_column_text(s,
		    4));
		c->ef = sqlite3_column_double(s, 5);
		c->lapses = sqlite3_column_int64(s, 6);
		c->seen = sqlite3_column_int(s, 7) != 0;
		c->own = sqlite3_column_int(s, 8) != 0;
		if (store_failed(st)) {
			sqlite3_reset(s);
			rc = -1;
			break;
		}
	}
	if (rc < 0) {
		mock_cards_free(v, n);
		*out = NULL;
		return 0;
	}
	*out = v;
	return n;
}

void
mock_cards_free(struct mock_card *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].deck);
		free(v[i].id);
		free(v[i].kind);
		free(v[i].section);
		texts_free(v[i].probes);
	}
	free(v);
}

/* Written with its first answer: a mock never answered leaves nothing. */
static int
mock_add(struct store *st, struct mock_rec *m)
{
	sqlite3_stmt *s = stmt(st, S_MOCK_ADD, stmt_sql);

	sqlite3_bind_int64(s, 1, m->day);
	sqlite3_bind_int64(s, 2, clock_now_ms());
	sqlite3_bind_int64(s, 3, m->minutes);
	sqlite3_bind_int64(s, 4, m->seed);
	sqlite3_bind_int64(s, 5, m->planned);
	bind_text(s, 6, m->decks);
	if (run(st, s, N_("saving the mock interview")) != 0)
		return -1;
	m->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_mock_answer(struct store *st, struct mock_rec *m,
    const struct mock_answer *a)
{
	sqlite3_stmt *s;

	if (m->id == 0 && mock_add(st, m) != 0)
		return -1;
	s = stmt(st, S_MOCK_ANSWER, stmt_sql);
	sqlite3_bind_int64(s, 1, m->id);
	sqlite3_bind_int64(s, 2, a->pos);
	bind_text(s, 3, a->section);
	bind_text(s, 4, a->deck);
	bind_text(s, 5, a->card);
	bind_text(s, 6, a->front);
	bind_text(s, 7, a->probe);
	sqlite3_bind_int64(s, 8, a->target);
	if (a->took_ms >= 0)
		sqlite3_bind_int64(s, 9, a->took_ms);
	if (a->probe_ms >= 0)
		sqlite3_bind_int64(s, 10, a->probe_ms);
	if (a->grade >= 0)
		sqlite3_bind_int(s, 11, a->grade);
	if (a->review > 0)
		sqlite3_bind_int64(s, 12, a->review);
	return run(st, s, N_("saving the answer"));
}

int64_t
store_mock_last(struct store *st)
{
	return scalar(st, stmt(st, S_MOCK_LAST, stmt_sql),
	    N_("reading the mock interviews"));
}

/* A mock's row (S_MOCK_GET, S_MOCK_PAST) into *m, strings borrowed. */
static void
mock_row(sqlite3_stmt *s, struct mock_rec *m)
{
	m->id = sqlite3_column_int64(s, 0);
	m->day = sqlite3_column_int64(s, 1);
	m->minutes = sqlite3_column_int64(s, 2);
	m->seed = sqlite3_column_int64(s, 3);
	m->planned = sqlite3_column_int64(s, 4);
	m->decks = (const char *)sqlite3_column_text(s, 5);
	m->answered = sqlite3_column_int64(s, 6);
	m->mean = sqlite3_column_double(s, 7);
}

int
store_mock_read(struct store *st, int64_t id, struct mock_rec *m,
    void (*fn)(void *, const struct mock_answer *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_MOCK_GET, stmt_sql);
	struct mock_answer a;
	int rc;

	sqlite3_bind_int64(s, 1, id);
	if ((rc = step(st, s, N_("reading the mock interview"))) <= 0)
		return rc == 0 ? 1 : -1;
	mock_row(s, m);
	m->decks = NULL;	/* not kept past the reset */
	sqlite3_reset(s);
	s = stmt(st, S_MOCK_ANSWERS, stmt_sql);
	sqlite3_bind_int64(s, 1, id);
	while ((rc = step(st, s, N_("reading the mock interview"))) > 0) {
		a.pos = sqlite3_column_int64(s, 0);
		a.section = (const char *)sqlite3_column_text(s, 1);
		a.deck = (const char *)sqlite3_column_text(s, 2);
		a.card = (const char *)sqlite3_column_text(s, 3);
		a.front = (const char *)sqlite3_column_text(s, 4);
		a.probe = (const char *)sqlite3_column_text(s, 5);
		a.target = sqlite3_column_int64(s, 6);
		a.took_ms = sqlite3_column_int64(s, 7);
		a.probe_ms = sqlite3_column_int64(s, 8);
		a.grade = sqlite3_column_int(s, 9);
		a.review = sqlite3_column_int64(s, 10);
		fn(arg, &a);
	}
	return rc;
}

char *
store_mock_json(struct store *st, int64_t id)
{
	sqlite3_stmt *s = stmt(st, S_MOCK_JSON, stmt_sql);

	sqlite3_bind_int64(s, 1, id);
	return text_of(st, s, N_("reading the mock interview"));
}

char *
store_mock_stories(struct store *st, int64_t id)
{
	sqlite3_stmt *s = stmt(st, S_MOCK_STORIES, stmt_sql);

	sqlite3_bind_int64(s, 1, id);
	return text_of(st, s, N_("reading the mock interview"));
}

int
store_mock_history(struct store *st,
    void (*fn)(void *, const struct mock_rec *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_MOCK_PAST, stmt_sql);
	struct mock_rec m;
	int rc;

	while ((rc = step(st, s, N_("reading the mock interviews"))) > 0) {
		mock_row(s, &m);
		fn(arg, &m);
	}
	return rc;
}

char *
store_mock_history_json(struct store *st)
{
	return text_of(st, stmt(st, S_MOCK_PAST_JSON, stmt_sql),
	    N_("reading the mock interviews"));
}
