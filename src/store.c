/* store.c: the database handle: its sticky error, transactions, statements. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-int.h"
#include "xmalloc.h"

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
	int e = errno, code = sqlite3_errcode(st->db);
	const char *msg = sqlite3_errmsg(st->db);

	/*
	 * A write refused outright (EFBIG past a file size limit) is an I/O
	 * error to SQLite, and a failed COMMIT leaves sqlite3_system_errno()
	 * at 0: errno still says why.
	 */
	if (code == SQLITE_IOERR && sqlite3_system_errno(st->db) != 0)
		e = sqlite3_system_errno(st->db);
	if (code == SQLITE_READONLY)
		set_error_text(st, xasprintf(_("%s: cannot write: %s"),
		    st->path, msg));
	else if (code == SQLITE_FULL)
		set_error_text(st, xasprintf("%s: %s", st->path, msg));
	else if (code == SQLITE_IOERR &&
	    (e == ENOSPC || e == EFBIG || e == EDQUOT))
		set_error_text(st, xasprintf(_("%s: database or disk is full "
		    "(%s)"), st->path, strerror(e)));
	else
		set_error_text(st, xasprintf("%s: %s: %s", st->path, _(what),
		    msg));
}

void
set_error_text(struct store *st, char *msg)
{
	if (st->err != NULL) {
		free(msg);	/* the first error says why */
		return;
	}
	st->err = msg;
}

bool
store_failed(const struct store *st)
{
	return st->err != NULL;
}

const char *
store_error(struct store *st)
{
	return st->err != NULL ? st->err : _("unknown database error");
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
 * Prepared on first use, since a short command needs only a few.  A
 * statement missing from the file's table is a bug.  Fixed SQL fails to
 * prepare only when the file is not what this program made (a table
 * dropped, a page damaged): an error like any other.  SQLite answers
 * every call on the NULL statement with an error, which the store
 * ignores once failed: the first error is the one reported.
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
