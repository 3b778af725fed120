/* import-dir.c: importing every *.yaml under a directory, in path order, hidden ones skipped. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "deck.h"
#include "i18n.h"
#include "rehearse.h"
#include "xmalloc.h"

#define DIR_DEPTH	64	/* deeper directories are not looked into */

struct found {
	char	**paths;
	size_t	  n;
	size_t	  cap;
	bool	  failed;	/* a directory could not be read */
};

static bool
is_yaml(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

/*
 * The deck files under dir, into *f.  A link to a directory is not
 * followed (it could lead back up), a link to a file is.
 */
static void
walk(const char *dir, size_t depth, struct found *f)
{
	struct dirent *d;
	struct stat st;
	DIR *dp;
	char *path;

	if ((dp = opendir(dir)) == NULL) {
		warnx_(_("%s: cannot read: %s"), dir, strerror(errno));
		f->failed = true;
		return;
	}
	while ((d = readdir(dp)) != NULL) {
		if (d->d_name[0] == '.')
			continue;	/* hidden: .git, .github, ... */
		path = xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ?
		    "" : "/", d->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (depth < DIR_DEPTH)
				walk(path, depth + 1, f);
			free(path);
		} else if (is_yaml(d->d_name) && stat(path, &st) == 0 &&
		    S_ISREG(st.st_mode)) {
			if (f->n == f->cap) {
				f->cap = f->cap ? f->cap * 2 : 16;
				f->paths = xreallocarray(f->paths, f->cap,
				    sizeof *f->paths);
			}
			f->paths[f->n++] = path;
		} else
			free(path);
	}
	closedir(dp);
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
import_dir(struct store *st, const char *dir)
{
	struct found f = { NULL, 0, 0, false };
	struct deck_ids ids = { NULL, 0, 0 };
	struct import_taken t;
	size_t i;
	int rc = 0;

	walk(dir, 0, &f);
	if (f.n == 0 && !f.failed) {
		warnx_(_("%s: no deck files (*.yaml) in this directory"), dir);
		rc = -1;
	}
	if (f.n > 1)
		qsort(f.paths, f.n, sizeof *f.paths, by_path);
	/*
	 * Each file in a transaction of its own, as named one by one; of two
	 * with one deck id (decks/en and decks/nl), the first goes in.
	 */
	t.ids = &ids;
	t.paths = f.paths;
	for (i = 0; i < f.n; i++) {
		t.at = i;
		if (!store_failed(st) && import_file_once(st, f.paths[i],
		    &t) != 0)
			rc = -1;
	}
	for (i = 0; i < f.n; i++)
		free(f.paths[i]);
	free(f.paths);
	deck_ids_free(&ids);
	return f.failed ? -1 : rc;
}

int
import_path(struct store *st, const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return import_dir(st, path);
	return import_file(st, path, false);
}
