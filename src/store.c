/* store.c: the database handle: opening it, its sticky error, transactions, statements. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "store-int.h"
#include "story-text.h"
#include "xmalloc.h"

#define BUSY_TIMEOUT_MS 10000

static const char *const stmt_sql[S__COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_READ] = "BEGIN",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
};

/*
 * A file that cannot be written or has no room is the user's to fix, so
 * those errors name the file and say just that.
 */
void
set_error(struct store *st, const char *what)
{
	int e = errno;
	const char *msg = sqlite3_errmsg(st->db);

	if (st->failed)
		return;		/* the first error says why */
	st->failed = true;
	free(st->err);
	switch (sqlite3_errcode(st->db)) {
	case SQLITE_READONLY:
		st->err = xasprintf(_("%s: cannot write: %s"), st->path, msg);
		break;
	case SQLITE_FULL:
		st->err = xasprintf("%s: %s", st->path, msg);
		break;
	case SQLITE_IOERR:
		/*
		 * A write refused outright (EFBIG past a file size limit) is
		 * an I/O error to SQLite, and a failed COMMIT leaves
		 * sqlite3_system_errno() at 0: errno still says why.
		 */
		if (sqlite3_system_errno(st->db) != 0)
			e = sqlite3_system_errno(st->db);
		if (e == ENOSPC || e == EFBIG || e == EDQUOT) {
			st->err = xasprintf(_("%s: database or disk is full "
			    "(%s)"), st->path, strerror(e));
			break;
		}
		/* FALLTHROUGH */
	default:
		st->err = xasprintf("%s: %s: %s", st->path, _(what), msg);
		break;
	}
}

void
set_error_text(struct store *st, char *msg)
{
	if (st->failed) {
		free(msg);
		return;
	}
	st->failed = true;
	free(st->err);
	st->err = msg;
}

bool
store_failed(const struct store *st)
{
	return st->failed;
}

const char *
store_error(struct store *st)
{
	return st->err != NULL ? st->err : _("unknown database error");
}

/* rehearse_day(n): a day number as YYYY-MM-DD, NULL stays NULL. */
static void
sql_day(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[DAY_BUFSZ];

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	day_format(sqlite3_value_int64(argv[0]), buf);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
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

int
exec(struct store *st, const char *sql)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		set_error(st, N_("database"));
		return -1;
	}
	return 0;
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
	int code = sqlite3_errcode(st->db);

	if (code == SQLITE_NOTADB)
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

/*
 * Before SQLite's first use: rehearse has one thread and reads no memory
 * statistics, so SQLite need not lock a mutex and update counters at each
 * of the hundreds of allocations a statement's preparation makes.
 */
static void
library_setup(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct store *
store_open(const char *path, char **err)
{
	struct store *st = xcalloc(1, sizeof *st);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int64_t v;

	*err = NULL;
	library_setup();
	st->path = xstrdup(path);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		if (st->db == NULL) {
			*err = xasprintf(_("%s: cannot open database"), path);
			store_close(st);
			return NULL;
		}
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 0);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	if (sqlite3_create_function(st->db, "rehearse_day", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_day, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_create_function(st->db, "rehearse_story_text",
	    2 + STORY_PARTS, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	    sql_story_text, NULL, NULL) != SQLITE_OK)
		goto fail;
	/*
	 * WAL with synchronous=FULL: each commit is flushed to disk before
	 * the answer is confirmed, so not even a power cut loses a
	 * confirmed answer.  It costs about 2 ms an answer, unnoticed when
	 * answers come seconds apart; NORMAL could lose the last ones.
	 */
	if (exec(st, "PRAGMA foreign_keys = ON") != 0 ||
	    (v = check_file(st)) < 0 ||
	    exec(st, "PRAGMA journal_mode = WAL") != 0 ||
	    exec(st, "PRAGMA synchronous = FULL") != 0 ||
	    migrate(st, v) != 0)
		goto fail;
	return st;
fail:
	*err = open_failure(st, path);
	store_close(st);
	return NULL;
}

void
store_close(struct store *st)
{
	int i;

	if (st == NULL)
		return;
	for (i = 0; i < S__COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	free(st->err);
	free(st->path);
	free(st);
}

/*
 * Prepared on first use, since a short command needs only a few.  The
 * SQL is fixed text: failing to prepare it is a bug, not a user error.
 */
sqlite3_stmt *
stmt(struct store *st, enum stmt which, const char *const *sql)
{
	sqlite3_stmt *s = st->stmt[which];

	if (s == NULL) {
		if (sql[which] == NULL) {
			fputs("rehearse: ", stderr);
			fprintf(stderr, _("internal error: statement %d is "
			    "not in this file's table\n"), (int)which);
			abort();
		}
		/*
		 * Fixed SQL fails to prepare only when the file is not what
		 * this program made (a table dropped, a page damaged): an
		 * error like any other.  SQLite answers every call on the
		 * NULL statement with an error, which the store ignores
		 * once failed: the first error is the one reported.
		 */
		if (sqlite3_prepare_v3(st->db, sql[which], -1,
		    SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
			set_error(st, N_("database"));
			return NULL;
		}
		st->stmt[which] = s;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

/*
 * A statement that ends, in a row or not, is reset at once: one left
 * holding a row would keep its read transaction open.
 */
int
step(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		return 1;
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	set_error(st, what);
	return -1;
}

int
run(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = step(st, s, what);

	if (rc > 0)
		sqlite3_reset(s);
	return rc < 0 ? -1 : 0;
}

int64_t
scalar(struct store *st, sqlite3_stmt *s, const char *what)
{
	int64_t v = step(st, s, what);

	if (v > 0) {
		v = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	return v;
}

char *
text_of(struct store *st, sqlite3_stmt *s, const char *what)
{
	char *v = NULL;

	if (step(st, s, what) > 0) {
		v = column_strdup(s, 0);
		sqlite3_reset(s);
	}
	return v;
}

int
store_begin(struct store *st)
{
	return run(st, stmt(st, S_BEGIN, stmt_sql),
	    N_("starting a transaction"));
}

int
store_commit(struct store *st)
{
	if (run(st, stmt(st, S_COMMIT, stmt_sql), N_("saving")) != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int
store_read_begin(struct store *st)
{
	return run(st, stmt(st, S_READ, stmt_sql),
	    N_("starting a transaction"));
}

void
store_read_end(struct store *st)
{
	store_rollback(st);
}

/*
 * A rollback that fails leaves the transaction open, so that the calls
 * after it fail: it is recorded, unless an earlier error (the one that
 * led here) already is.
 */
void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		run(st, stmt(st, S_ROLLBACK, stmt_sql),
		    N_("ending a transaction"));
}
