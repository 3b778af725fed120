/* store-stats.c: statistics as one JSON object, and JSON texts read back, by SQLite. */
#include <stdlib.h>

#include <sqlite3.h>

#include "config.h"
#include "i18n.h"
#include "store-int.h"

/*
 * Statistics as one JSON object (?1 decks or NULL, ?2 today, ?3 the
 * interview day or NULL).  Recent figures cover the last 30 days.
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
    "   CASE WHEN sum(timed) > 0 THEN 1.0 * sum(took_ms) / sum(timed) END" \
    "   AS ms FROM dy)," \
    " f(d) AS (SELECT ?2 UNION ALL SELECT d + 1 FROM f WHERE d < ?2 + 13)," \
    " r(d) AS (SELECT ?2 - 29 UNION ALL SELECT d + 1 FROM r WHERE d < ?2)," \
    " streak(d) AS (SELECT CASE WHEN EXISTS (SELECT 1 FROM rv" \
    "   WHERE rv.d = ?2 AND rv.n > 0) THEN ?2 ELSE ?2 - 1 END" \
    "   UNION ALL SELECT d - 1 FROM streak WHERE EXISTS (SELECT 1" \
    "   FROM daily WHERE day = d AND reviews > 0 AND" \
    "   " IN_DECKS_OF("deck") "))" \
    " SELECT json_object(" \
    " 'today', rehearse_day(?2)," \
    " 'interview', CASE WHEN ?3 IS NULL THEN NULL ELSE json_object(" \
    "   'day', rehearse_day(?3), 'days_left', ?3 - ?2) END," \
    " 'cards', (SELECT json_object('total', total.n," \
    "   'new', total.n - coalesce(sum(due IS NOT NULL OR suspended), 0)," \
    "   'learning', coalesce(sum(due IS NOT NULL AND interval < 21" \
    "     AND NOT suspended), 0)," \
    "   'mature', coalesce(sum(due IS NOT NULL AND interval >= 21" \
    "     AND NOT suspended), 0)," \
    "   'leech', coalesce(sum(lapses >= 8), 0)," \
    "   'suspended', coalesce(sum(suspended), 0)) FROM total, cs)," \
    " 'forecast', (SELECT json_group_array(json_object('day'," \
    "   rehearse_day(f.d), 'due', coalesce(fc.n, 0)))" \
    "   FROM f LEFT JOIN fc ON fc.d = f.d)," \
    " 'reviews', (SELECT json_group_array(json_object('day'," \
    "   rehearse_day(r.d), 'count', coalesce(rv.n, 0)))" \
    "   FROM r LEFT JOIN rv ON rv.d = r.d)," \
    " 'retention', (SELECT json_object(" \
    "   'young', json_object('reviews', yn, 'passed', yp)," \
    "   'mature', json_object('reviews', mn, 'passed', mp)) FROM agg)," \
    " 'streak', (SELECT count(*) - 1 FROM streak)," \
    " 'average_seconds', (SELECT round(ms / 1000.0, 1) FROM agg))"

static const char *const stmt_sql[S__COUNT] = {
	[S_STATS] = STATS_SQL,
	[S_JSON_PATH] = "SELECT json_extract(?1, ?2)",
	[S_JSON_EACH] = "SELECT json_extract(value, ?3), json_extract(value, ?4)"
	    " FROM json_each(?1, ?2)",
};

char *
store_stats_json(struct store *st, const char *decks, int64_t today,
    int64_t interview)
{
	sqlite3_stmt *s = stmt(st, S_STATS, stmt_sql);

	bind_text(s, 1, decks);
	sqlite3_bind_int64(s, 2, today);
	bind_day(s, 3, interview);
	return text_of(st, s, N_("computing statistics"));
}

char *
store_json_get(struct store *st, const char *json, const char *path)
{
	sqlite3_stmt *s = stmt(st, S_JSON_PATH, stmt_sql);

	bind_text(s, 1, json);
	bind_text(s, 2, path);
	return text_of(st, s, N_("reading JSON"));
}

int64_t
store_json_int(struct store *st, const char *json, const char *path)
{
	char *v = store_json_get(st, json, path);
	int64_t n = v != NULL ? strtoll(v, NULL, 10) : 0;

	free(v);
	return n;
}

int
store_json_each(struct store *st, const char *json, const char *path,
    const char *a, const char *b,
    void (*fn)(void *, const char *, const char *), void *arg)
{
	sqlite3_stmt *s = stmt(st, S_JSON_EACH, stmt_sql);
	int rc;

	bind_text(s, 1, json);
	bind_text(s, 2, path);
	bind_text(s, 3, a);
	bind_text(s, 4, b);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(arg, (const char *)sqlite3_column_text(s, 0),
		    (const char *)sqlite3_column_text(s, 1));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		set_error(st, N_("reading JSON"));
		return -1;
	}
	return 0;
}
