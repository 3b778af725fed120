/* store-import.c: a deck file's cards staged in a temporary table, then merged at once. */
#include <sqlite3.h>

#include "i18n.h"
#include "store-int.h"
#include "xmalloc.h"

static const char *const stmt_sql[S__COUNT] = {
	[S_SOURCE_FIND] = "SELECT id FROM deck WHERE source = ?1",
	[S_BUNDLED_OTHER] = "SELECT count(*) FROM deck"
	    " WHERE bundled = 1 AND language IS NOT ?1",
	[S_DECK_OWN] = "SELECT EXISTS (SELECT 1 FROM deck"
	    " WHERE id = ?1 AND bundled = 0)",
	[S_SOURCE_SET] = "UPDATE deck SET source = ?2"
	    " WHERE id = ?1 AND source IS NOT ?2",
	[S_STAGE_CLEAR] = "DELETE FROM temp.stage",
	[S_STAGE_ADD] = "INSERT INTO temp.stage"
	    " (pos, id, line, kind, front, back, hint, example, tags, section,"
	    " probes, derived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_STAGE_LINE] = "SELECT line FROM temp.stage WHERE id = ?1",
	[S_STAGE_DERIVED] = "SELECT line FROM temp.stage"
	    " WHERE id = ?1 AND derived",
	[S_DECK_CARDS] = "SELECT count(*) FROM card WHERE deck = ?1",
	[S_COUNT_ADDED] = "SELECT count(*) FROM temp.stage g WHERE NOT EXISTS"
	    " (SELECT 1 FROM card c WHERE c.deck = ?1 AND c.id = g.id)",
	[S_DECK_UPSERT] = "INSERT INTO deck (id, title, language, kind,"
	    " description, tags, path, bundled, section)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	    " ON CONFLICT (id) DO UPDATE SET (title, language, kind,"
	    " description, tags, path, bundled, section)"
	    " = (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	    " WHERE (title, language, kind, description, tags, path, bundled,"
	    " section) IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_CARD_MERGE] = "INSERT INTO card (deck, id, pos, kind, front, back,"
	    " hint, example, tags, section, probes, retired)"
	    " SELECT ?1, id, pos, coalesce(kind, ?2), front, back, hint,"
	    " example, tags, section, probes, 0 FROM temp.stage WHERE true"
	    " ON CONFLICT (deck, id) DO UPDATE SET pos = excluded.pos,"
	    " kind = excluded.kind, front = excluded.front,"
	    " back = excluded.back, hint = excluded.hint,"
	    " example = excluded.example, tags = excluded.tags,"
	    " section = excluded.section, probes = excluded.probes, retired = 0"
	    " WHERE pos IS NOT excluded.pos OR kind IS NOT excluded.kind"
	    " OR front IS NOT excluded.front OR back IS NOT excluded.back"
	    " OR hint IS NOT excluded.hint OR example IS NOT excluded.example"
	    " OR tags IS NOT excluded.tags OR section IS NOT excluded.section"
	    " OR probes IS NOT excluded.probes OR retired <> 0",
	/*
	 * A new deck's cards: a plain insert needs no statement journal,
	 * where an upsert writes every page it touches to one.
	 */
	[S_CARD_INSERT] = "INSERT INTO card (deck, id, pos, kind, front, back,"
	    " hint, example, tags, section, probes)"
	    " SELECT ?1, id, pos, coalesce(kind, ?2), front, back, hint,"
	    " example, tags, section, probes FROM temp.stage ORDER BY pos",
	[S_CARD_RETIRE] = "UPDATE card SET retired = 1"
	    " WHERE deck = ?1 AND retired = 0"
	    " AND id NOT IN (SELECT id FROM temp.stage)",
};

/* This file's statement which, with ?1 bound to text (borrowed). */
static sqlite3_stmt *
stmt_on(struct store *st, enum stmt which, const char *text)
{
	sqlite3_stmt *s = stmt(st, which, stmt_sql);

	bind_text(s, 1, text);
	return s;
}

/*
 * The staging table's index finds a repeated id without a set of ids in
 * memory.
 */
int
store_import_begin(struct store *st)
{
	if (exec(st, "CREATE TEMP TABLE IF NOT EXISTS stage ("
	    " pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	    " line INTEGER NOT NULL, kind TEXT, front TEXT, back TEXT,"
	    " hint TEXT, example TEXT, tags TEXT, section TEXT, probes TEXT,"
	    " derived INTEGER NOT NULL);"
	    /* Keep memory flat in deck size: the cards spill to a file. */
	    "PRAGMA temp.cache_size = -1024") != 0 || store_begin(st) != 0)
		return -1;
	if (run(st, stmt(st, S_STAGE_CLEAR, stmt_sql),
	    N_("staging cards")) != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

long
store_import_card(struct store *st, const struct deck_card *c)
{
	sqlite3_stmt *s;
	int64_t first;
	int rc;

	/* Only asked: the line of the staged card with the id, or 0. */
	if (c->lookup) {
		first = scalar(st, stmt_on(st, c->id_derived ? S_STAGE_DERIVED :
		    S_STAGE_LINE, c->id), N_("staging cards"));
		return first > 0 ? (long)first : store_failed(st) ? -1 : 0;
	}
	s = stmt(st, S_STAGE_ADD, stmt_sql);
	sqlite3_bind_int64(s, 1, (int64_t)c->index);
	bind_text(s, 2, c->id);
	sqlite3_bind_int64(s, 3, (int64_t)c->id_line);
	bind_text(s, 4, c->kind);
	bind_text(s, 5, c->front);
	/* A practice card without a back is kept with an empty one. */
	bind_text(s, 6, c->back != NULL ? c->back : "");
	bind_text(s, 7, c->hint);
	bind_text(s, 8, c->example);
	bind_text(s, 9, c->tags);
	bind_text(s, 10, c->section);
	bind_text(s, 11, c->probes);
	sqlite3_bind_int(s, 12, c->id_derived);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_CONSTRAINT) {
		set_error(st, N_("staging cards"));
		return -1;
	}
	/* The only constraint a card can break: an earlier card's id. */
	first = scalar(st, stmt_on(st, S_STAGE_LINE, c->id),
	    N_("staging cards"));
	if (first == 0)
		set_error_text(st, xasprintf(_("%s: staging cards: card %s "
		    "broke a constraint of the staging table"), st->path,
		    c->id));
	return first > 0 ? (long)first : -1;
}

char *
store_deck_by_source(struct store *st, const char *source)
{
	return text_of(st, stmt_on(st, S_SOURCE_FIND, source),
	    N_("looking up the deck"));
}

int64_t
store_bundled_other(struct store *st, const char *lang)
{
	return scalar(st, stmt_on(st, S_BUNDLED_OTHER, lang),
	    N_("looking up the bundled decks"));
}

int
store_deck_own(struct store *st, const char *id)
{
	return (int)scalar(st, stmt_on(st, S_DECK_OWN, id),
	    N_("looking up the deck"));
}

int
store_import_commit(struct store *st, const struct deck_info *d,
    const char *path, const char *source, bool bundled,
    struct import_stats *is)
{
	sqlite3_stmt *s;
	int64_t base, before;

	*is = (struct import_stats){ .cards = (int64_t)d->cards };
	if ((before = scalar(st, stmt_on(st, S_DECK_CARDS, d->id),
	    N_("counting cards"))) < 0)
		goto fail;
	if ((is->added = scalar(st, stmt_on(st, S_COUNT_ADDED, d->id),
	    N_("comparing cards"))) < 0)
		goto fail;
	base = sqlite3_total_changes64(st->db);
	s = stmt_on(st, S_DECK_UPSERT, d->id);
	bind_text(s, 2, d->title);
	bind_text(s, 3, d->language);
	bind_text(s, 4, d->kind);
	bind_text(s, 5, d->description);
	bind_text(s, 6, d->tags);
	bind_text(s, 7, path);
	sqlite3_bind_int(s, 8, bundled);
	bind_text(s, 9, d->section);
	if (run(st, s, N_("saving the deck")) != 0)
		goto fail;
	s = stmt_on(st, before == 0 ? S_CARD_INSERT : S_CARD_MERGE, d->id);
	/* The kind a card without its own takes from its deck's. */
	bind_text(s, 2, d->kind != NULL ? d->kind : "recall");
	if (run(st, s, N_("saving cards")) != 0)
		goto fail;
	is->changed = sqlite3_changes64(st->db) - is->added;
	if (before > 0) {
		if (run(st, stmt_on(st, S_CARD_RETIRE, d->id),
		    N_("retiring cards")) != 0)
			goto fail;
		is->retired = sqlite3_changes64(st->db);
	}
	s = stmt_on(st, S_SOURCE_SET, d->id);
	bind_text(s, 2, source);
	if (run(st, s, N_("saving the deck")) != 0)
		goto fail;
	/*
	 * Nothing changed (an upsert whose WHERE fails counts no change):
	 * roll back so the file is not even touched.
	 */
	if (sqlite3_total_changes64(st->db) == base) {
		store_rollback(st);
		return store_failed(st) ? -1 : 0;
	}
	if (run(st, stmt(st, S_STAGE_CLEAR, stmt_sql),
	    N_("staging cards")) != 0)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return -1;
}

void
store_import_abort(struct store *st)
{
	store_rollback(st);
}
