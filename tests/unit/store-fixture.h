/* store-fixture.h: a fresh database in a directory of its own, for the unit tests of the store (included after cmocka.h, sqlite3.h and store.h). */
#ifndef REHEARSE_STORE_FIXTURE_H
#define REHEARSE_STORE_FIXTURE_H

struct fixture {
	char		 dir[PATH_MAX];
	char		 path[PATH_MAX + 16];
	struct store	*st;
};

/*
 * Run sql through a second connection, as another program would: how a
 * test fills the database, or breaks it under an open store.  A
 * statement the store prepared before then fails at its next step, when
 * SQLite prepares it again against the changed schema.
 */
static void
side_exec(const struct fixture *f, const char *sql)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	sqlite3_close(db);
}

/* The store opened on a new database under $TMPDIR, then sql run in it. */
static struct fixture *
fixture_new(const char *name, const char *sql)
{
	struct fixture *f = calloc(1, sizeof *f);
	const char *tmp = getenv("TMPDIR");
	char *err;

	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "%s/%s.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp", name);
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/rehearse.db", f->dir);
	f->st = store_open(f->path, &err);
	if (f->st == NULL)
		fail_msg("%s", err);
	side_exec(f, sql);
	return f;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	const char *const ext[] = { "", "-wal", "-shm" };
	char path[PATH_MAX + 32];
	size_t i;

	store_close(f->st);
	for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		snprintf(path, sizeof path, "%s%s", f->path, ext[i]);
		unlink(path);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

#endif
