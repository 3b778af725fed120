/* store-open.c: opening a database: its settings, its functions, its schema. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "clock.h"
#include "i18n.h"
#include "store-int.h"
#include "story-text.h"
#include "xmalloc.h"

#define BUSY_TIMEOUT_MS 10000

/* rehearse_day(n): a day number as YYYY-MM-DD, NULL stays NULL. */
static void
sql_day(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[DAY_BUFSZ];

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;		/* setting no result returns NULL */
	day_format(sqlite3_value_int64(argv[0]), buf);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/*
 * rehearse_recall(stability, last, day): a card's predicted recall on
 * day (fsrs.h); 0 for a card without a memory (stability NULL).
 */
static void
sql_recall(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct fsrs_state m;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_double(ctx, 0);
		return;
	}
	m.stability = sqlite3_value_double(argv[0]);
	m.difficulty = 1;
	m.last = sqlite3_value_int64(argv[1]);
	sqlite3_result_double(ctx, fsrs_recall(&m, sqlite3_value_int64(argv[2])));
}

/* A value's text, "" for NULL. */
static char *
value_text(sqlite3_value *v)
{
	const unsigned char *s = sqlite3_value_text(v);

	return xstrdup(s != NULL ? (const char *)s : "");
}

/*
 * rehearse_story_text(language, notes, situation, task, action, result,
 * reflection): a story's text as story_text_render writes it.
 */
static void
sql_story_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct story_text t;
	const unsigned char *lang = sqlite3_value_text(argv[0]);
	char *text;
	int i;

	(void)argc;
	t.notes = value_text(argv[1]);
	for (i = 0; i < STORY_PARTS; i++)
		t.part[i] = value_text(argv[2 + i]);
	text = story_text_render(&t, (const char *)lang);
	story_text_free(&t);
	sqlite3_result_text(ctx, text, -1, free);
}

/* Whether the directory holding path exists but refuses new files. */
static bool
dir_read_only(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int rc;

	dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	rc = access(dir, W_OK);
	free(dir);
	return rc != 0 && (errno == EACCES || errno == EROFS);
}

/* The messages people see for the ways opening a database fails. */
static char *
open_failure(struct store *st, const char *path)
{
	int code;

	if (st->db == NULL)	/* SQLite had no memory for a handle */
		return xasprintf(_("%s: cannot open database"), path);
	if ((code = sqlite3_errcode(st->db)) == SQLITE_NOTADB)
		return xasprintf(_("%s: not a rehearse database (not "
		    "SQLite)"), path);
	/* SQLite's "readonly database" would blame the file itself. */
	if ((code == SQLITE_READONLY || code == SQLITE_CANTOPEN) &&
	    dir_read_only(path))
		return xasprintf(_("%s: cannot write: its directory is "
		    "read-only (the database needs its -wal and -shm files "
		    "beside it)"), path);
	if (st->err == NULL)
		set_error(st, N_("cannot open"));
	return xstrdup(st->err);
}

struct store *
store_open(const char *path, char **err)
{
	static bool configured;
	struct store *st = xcalloc(1, sizeof *st);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int64_t v;

	/*
	 * Before SQLite's first use: rehearse has one thread and reads no
	 * memory statistics, so SQLite need not lock a mutex and update
	 * counters at each of the hundreds of allocations a statement's
	 * preparation makes.
	 */
	if (!configured) {
		sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = true;
	}
	*err = NULL;
	st->path = xstrdup(path);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_extended_result_codes(st->db, 0);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	if (sqlite3_create_function(st->db, "rehearse_day", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_day, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_create_function(st->db, "rehearse_recall", 3,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_recall, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_create_function(st->db, "rehearse_story_text", 2 + STORY_PARTS,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_story_text, NULL,
	    NULL) != SQLITE_OK)
		goto fail;
	/*
	 * WAL with synchronous=FULL: each commit is flushed to disk before
	 * the answer is confirmed, so not even a power cut loses a
	 * confirmed answer.  It costs about 2 ms an answer, unnoticed when
	 * answers come seconds apart; NORMAL could lose the last ones.
	 * An upgrade comes first, in the file's own journal mode, so that
	 * one that fails leaves the file exactly as it was.
	 */
	if (exec(st, "PRAGMA foreign_keys = ON") != 0 ||
	    (v = check_file(st)) < 0 ||
	    exec(st, "PRAGMA synchronous = FULL") != 0 ||
	    migrate(st, v) != 0 ||
	    exec(st, "PRAGMA journal_mode = WAL") != 0)
		goto fail;
	return st;
fail:
	*err = open_failure(st, path);
	store_close(st);
	return NULL;
}
