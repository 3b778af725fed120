/* store-meta.c: settings kept beside the decks (the interview date). */
#include <sqlite3.h>

#include "config.h"
#include "i18n.h"
#include "store-int.h"

static const char *const stmt_sql[S__COUNT] = {
	[S_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[S_META_SET] = "INSERT INTO meta (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[S_META_DEL] = "DELETE FROM meta WHERE key = ?1",
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
