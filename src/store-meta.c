/* store-meta.c: what a person keeps beside the decks: settings, and a story for a card. */
#include <sqlite3.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "store-int.h"

static const char *const stmt_sql[S__COUNT] = {
	[S_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[S_META_SET] = "INSERT INTO meta (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[S_META_DEL] = "DELETE FROM meta WHERE key = ?1",
	[S_STORY_SET] = "INSERT INTO story (deck, card, text, updated_ms)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (deck, card) DO UPDATE"
	    " SET text = excluded.text, updated_ms = excluded.updated_ms",
	[S_STORY_DEL] = "DELETE FROM story WHERE deck = ?1 AND card = ?2",
};

char *
store_meta_get(struct store *st, const char *key)
{
	sqlite3_stmt *s = stmt(st, S_META_GET, stmt_sql);

	bind_text(s, 1, key);
	return text_of(st, s, N_("reading a setting"));
}

int
store_meta_set(struct store *st, const char *key, const char *value)
{
	sqlite3_stmt *s = stmt(st, value != NULL ? S_META_SET : S_META_DEL,
	    stmt_sql);

	bind_text(s, 1, key);
	bind_text(s, 2, value);
	return run(st, s, N_("saving a setting"));
}

int
store_story_set(struct store *st, const char *deck, const char *card,
    const char *text)
{
	sqlite3_stmt *s = stmt(st, text != NULL ? S_STORY_SET : S_STORY_DEL,
	    stmt_sql);

	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	bind_text(s, 3, text);
	sqlite3_bind_int64(s, 4, clock_now_ms());
	return run(st, s, N_("saving the story"));
}
