/* store-stats.c: statistics, as one JSON object and as numbers, by SQLite. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "config.h"
#include "i18n.h"
#include "clock.h"
#include "store-int.h"
#include "xmalloc.h"

/*
 * Statistics (?1 decks or NULL, ?2 today, ?3 the interview day or NULL,
 * ?4 the default interview day or NULL):
 * the JSON object, then the same figures as columns for the text.
 * Recent figures cover the last STATS_RECENT days.
 */
#define STATS_SQL \
    "WITH total AS (SELECT count(*) AS n FROM card c" \
    "   WHERE c.retired = 0 AND" IN_DECKS ")," \
    " cs AS (SELECT * FROM state s WHERE s.retired = 0 AND" \
    "   " STATE_IN_DECKS ")," \
    " fc AS (SELECT ?2 AS d, count(*) AS n FROM state s" \
    "   WHERE" DUE_LIVE " AND s.due <= ?2 AND" STATE_IN_DECKS \
    "   UNION ALL SELECT s.due, count(*) FROM state s" \
    "   WHERE" DUE_LIVE " AND s.due > ?2 AND s.due < ?2 + 14 AND" \
    "   " STATE_IN_DECKS " GROUP BY s.due)," \
    " dy AS (SELECT * FROM daily WHERE day > ?2 - 30 AND day <= ?2 AND" \
    "   " IN_DECKS_OF("deck") ")," \
    " rv AS (SELECT day AS d, sum(reviews) AS n FROM dy GROUP BY day)," \
    " agg AS (SELECT coalesce(sum(young), 0) AS yn," \
    "   coalesce(sum(young_passed), 0) AS yp, coalesce(sum(mature), 0) AS mn," \
    "   coalesce(sum(mature_passed), 0) AS mp," \
    "   round(CASE WHEN sum(timed) > 0 THEN 1.0 * sum(took_ms) / sum(timed)" \
    "   END / 1000.0, 1) AS average FROM dy)," \
    " f(d) AS (SELECT ?2 UNION ALL SELECT d + 1 FROM f WHERE d < ?2 + 13)," \
    " r(d) AS (SELECT ?2 - 29 UNION ALL SELECT d + 1 FROM r WHERE d < ?2)," \
    " streak(d) AS (SELECT CASE WHEN EXISTS (SELECT 1 FROM rv" \
    "   WHERE rv.d = ?2 AND rv.n > 0) THEN ?2 ELSE ?2 - 1 END" \
    "   UNION ALL SELECT d - 1 FROM streak WHERE EXISTS (SELECT 1" \
    "   FROM daily WHERE day = d AND reviews > 0 AND" \
    "   " IN_DECKS_OF("deck") "))," \
    " k AS (SELECT total.n AS total," \
    "   total.n - coalesce(sum(due IS NOT NULL OR suspended), 0) AS new," \
    "   coalesce(sum(due IS NOT NULL AND interval < 21" \
    "     AND NOT suspended), 0) AS learning," \
    "   coalesce(sum(due IS NOT NULL AND interval >= 21" \
    "     AND NOT suspended), 0) AS mature," \
    "   coalesce(sum(lapses >= 8), 0) AS leech," \
    "   coalesce(sum(suspended), 0) AS suspended" \
    "   FROM total LEFT JOIN cs ON 1)," \
    " due AS (SELECT f.d AS d, coalesce(fc.n, 0) AS n" \
    "   FROM f LEFT JOIN fc ON fc.d = f.d)," \
    " done AS (SELECT r.d AS d, coalesce(rv.n, 0) AS n" \
    "   FROM r LEFT JOIN rv ON rv.d = r.d)," \
    " x AS (SELECT count(*) - 1 AS streak FROM streak)," \
    " sb AS (SELECT count(*) AS n," \
    "   coalesce(sum(due IS NOT NULL AND due <= ?2), 0) AS due," \
    "   coalesce(sum(due IS NULL), 0) AS fresh FROM story t" \
    "   WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM story_link l" \
    "   WHERE l.story = t.id AND" IN_DECKS_OF("l.deck") "))," \
    " sr AS (SELECT count(*) AS n FROM story_review r" \
    "   WHERE r.day > ?2 - 30 AND r.day <= ?2 AND (?1 IS NULL OR EXISTS" \
    "   (SELECT 1 FROM story_link l WHERE l.story = r.story AND" \
    "   " IN_DECKS_OF("l.deck") ")))" \
    " SELECT json_object(" \
    " 'today', rehearse_day(?2)," \
    " 'interview', CASE WHEN ?3 IS NULL THEN NULL ELSE json_object(" \
    "   'day', rehearse_day(?3), 'days_left', ?3 - ?2) END," \
    " 'cards', json_object('total', total, 'new', new," \
    "   'learning', learning, 'mature', mature, 'leech', leech," \
    "   'suspended', suspended)," \
    " 'forecast', (SELECT json_group_array(json_object('day'," \
    "   rehearse_day(d), 'due', n)) FROM due)," \
    " 'reviews', (SELECT json_group_array(json_object('day'," \
    "   rehearse_day(d), 'count', n)) FROM done)," \
    " 'retention', json_object(" \
    "   'young', json_object('reviews', yn, 'passed', yp)," \
    "   'mature', json_object('reviews', mn, 'passed', mp))," \
    " 'streak', streak, 'average_seconds', average," \
    " 'interviews', (SELECT json_group_array(json_object('day'," \
    "   rehearse_day(day), 'decks', json(decks))) FROM (SELECT day," \
    "   json_group_array(id) AS decks FROM (SELECT coalesce(d.interview," \
    "   ?4) AS day, d.id FROM deck d WHERE" DECK_IN_DECKS("d.id") \
    "   ORDER BY d.seq) WHERE day IS NOT NULL GROUP BY day ORDER BY day))," \
    " 'stories', json_object('total', sb.n, 'due', sb.due," \
    "   'new', sb.fresh, 'rehearsals', sr.n))," \
    " total, new, learning, mature, leech, suspended, yn, yp, mn, mp," \
    " streak, sb.n, sb.due, sb.fresh, sr.n," \
    " (SELECT group_concat(n) FROM due)," \
    " (SELECT group_concat(n) FROM done), average FROM k, agg, x, sb, sr"

static const char *const stmt_sql[S__COUNT] = {
	[S_STATS] = STATS_SQL,
	/*
	 * Each live card (neither retired nor suspended) of decks ?1 with
	 * its memory, in deck order, for readiness.
	 */
	[S_READY] = "SELECT c.deck, c.id, m.stability, m.last FROM deck d"
	    " CROSS JOIN card c ON c.deck = d.id"
	    " LEFT JOIN state s ON s.deck = c.deck AND s.card = c.id"
	    " LEFT JOIN memory m ON m.deck = c.deck AND m.card = c.id"
	    " WHERE c.retired = 0 AND coalesce(s.suspended, 0) = 0 AND" IN_DECKS
	    " ORDER BY d.seq, c.pos",
};

/* Counts as group_concat lists them ("0,3,1") into n. */
static void
read_counts(sqlite3_stmt *s, int col, int64_t *n, int len)
{
	const char *p = (const char *)sqlite3_column_text(s, col);
	char *end;
	int i;

	for (i = 0; i < len && p != NULL && *p != '\0'; i++) {
		n[i] = strtoll(p, &end, 10);
		p = *end == ',' ? end + 1 : end;
	}
}

int64_t
ready_day(int64_t today, int64_t interview)
{
	return interview != SCHED_NEW_DUE && interview >= today ? interview :
	    today + 1;
}

/* Keep the READY_AT_RISK lowest, the earlier first among equals. */
static void
at_risk(struct readiness *r, const char *deck, const char *id, double recall)
{
	size_t i;

	if (r->nrisk == READY_AT_RISK &&
	    recall >= r->risk[READY_AT_RISK - 1].recall)
		return;
	if (r->nrisk == READY_AT_RISK)
		free(r->risk[--r->nrisk].name);
	for (i = r->nrisk; i > 0 && r->risk[i - 1].recall > recall; i--)
		r->risk[i] = r->risk[i - 1];
	r->risk[i].name = xasprintf("%s/%s", deck, id);
	r->risk[i].recall = recall;
	r->nrisk++;
}

/*
 * One pass over the cards, in deck order: each deck's mean, the mean
 * over all, and the cards most at risk.  fsrs_recall does what the SQL
 * function rehearse_recall does, without a call per row.
 */
int
store_readiness(struct store *st, const char *decks, int64_t day,
    struct readiness *r)
{
	sqlite3_stmt *s = stmt(st, S_READY, stmt_sql);
	struct ready_row *x = NULL;
	struct fsrs_state m;
	const char *deck;
	double recall, sum = 0;
	int rc;

	memset(r, 0, sizeof *r);
	r->day = day;
	bind_text(s, 1, decks);
	while ((rc = step(st, s, N_("computing readiness"))) > 0) {
		deck = (const char *)sqlite3_column_text(s, 0);
		if (x == NULL || strcmp(x->name, deck) != 0) {
			if (x != NULL)
				x->recall /= (double)x->cards;
			r->decks = xreallocarray(r->decks, r->ndecks + 1,
			    sizeof *r->decks);
			x = &r->decks[r->ndecks++];
			x->name = xstrdup(deck);
			x->recall = 0;
			x->cards = 0;
		}
		m = fsrs_new();
		if (sqlite3_column_type(s, 2) != SQLITE_NULL) {
			m.stability = sqlite3_column_double(s, 2);
			m.difficulty = 1;
			m.last = sqlite3_column_int64(s, 3);
		}
		recall = fsrs_recall(&m, day);
		x->recall += recall;
		x->cards++;
		sum += recall;
		r->cards++;
		at_risk(r, deck, (const char *)sqlite3_column_text(s, 1), recall);
	}
	if (x != NULL)
		x->recall /= (double)x->cards;
	if (r->cards > 0)
		r->recall = sum / (double)r->cards;
	if (rc < 0) {
		readiness_free(r);
		return -1;
	}
	return 0;
}

/* Readiness as the JSON stats --json ends with (numbers in C locale). */
static char *
readiness_json(const struct readiness *r)
{
	char day[DAY_BUFSZ], *json, *more;
	size_t i;

	day_format(r->day, day);
	json = sqlite3_mprintf("\"readiness\":{\"day\":\"%s\",\"recall\":%!.15g,"
	    "\"cards\":%lld,\"at_risk\":[", day, r->recall,
	    (long long)r->cards);
	for (i = 0; json != NULL && i < r->nrisk; i++) {
		/* DECK/CARD: ids need no escaping. */
		more = sqlite3_mprintf("%s%s\"%s\"", json, i > 0 ? "," : "",
		    r->risk[i].name);
		sqlite3_free(json);
		json = more;
	}
	more = json != NULL ? sqlite3_mprintf("%s]}", json) : NULL;
	sqlite3_free(json);
	return more;
}

void
readiness_free(struct readiness *r)
{
	size_t i;

	for (i = 0; i < r->ndecks; i++)
		free(r->decks[i].name);
	for (i = 0; i < r->nrisk; i++)
		free(r->risk[i].name);
	free(r->decks);
	memset(r, 0, sizeof *r);
}

int
store_stats(struct store *st, const char *decks, int64_t today,
    int64_t interview, int64_t deflt, struct stats *r)
{
	sqlite3_stmt *s = stmt(st, S_STATS, stmt_sql);
	/* The columns after the JSON, in order. */
	int64_t *const col[] = { &r->total, &r->fresh, &r->learning,
	    &r->mature, &r->leeches, &r->suspended, &r->young,
	    &r->young_passed, &r->old, &r->old_passed, &r->streak,
	    &r->stories, &r->stories_due, &r->stories_new, &r->rehearsals };
	char *ready, *json;
	int i;

	memset(r, 0, sizeof *r);
	bind_text(s, 1, decks);
	sqlite3_bind_int64(s, 2, today);
	bind_day(s, 3, interview);
	bind_day(s, 4, deflt);
	if (step(st, s, N_("computing statistics")) <= 0)
		return -1;
	r->json = column_strdup(s, 0);
	for (i = 0; i < (int)(sizeof col / sizeof col[0]); i++)
		*col[i] = sqlite3_column_int64(s, i + 1);
	read_counts(s, i + 1, r->due, STATS_FORECAST);
	read_counts(s, i + 2, r->reviews, STATS_RECENT);
	r->average = column_strdup(s, i + 3);
	sqlite3_reset(s);
	if (store_readiness(st, decks, ready_day(today, interview),
	    &r->ready) != 0 || (ready = readiness_json(&r->ready)) == NULL) {
		stats_free(r);
		return -1;
	}
	/* The object's last key: in before its closing brace. */
	json = xasprintf("%.*s,%s}", (int)strlen(r->json) - 1, r->json, ready);
	sqlite3_free(ready);
	free(r->json);
	r->json = json;
	return 0;
}

void
stats_free(struct stats *r)
{
	free(r->json);
	free(r->average);
	readiness_free(&r->ready);
}
