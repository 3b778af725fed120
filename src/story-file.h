/* story-file.h: reading a story bank file (YAML, libyaml's event API) into stories; no database. */
#ifndef REHEARSE_STORY_FILE_H
#define REHEARSE_STORY_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "story-text.h"

#define STORY_FILE_MAX		(16 << 20)	/* bytes in a file */
#define STORY_FILE_STORIES	10000		/* stories in a file */
#define STORY_FILE_CARDS	10000		/* cards of one story */
#define STORY_FILE_ERRORS	20		/* diagnostics before giving up */

/* A card a story is linked to, as DECK/CARD in the file. */
struct story_file_card {
	const char	*deck;
	const char	*card;
	size_t		 line;
	size_t		 column;
};

/*
 * One story of the file, handed over as soon as it is read; everything
 * is borrowed for the callback.  Strings of the text are "" when absent.
 */
struct story_entry {
	size_t				 line;		/* of its mapping, 1-based */
	size_t				 column;
	const char			*title;		/* cleaned, valid */
	const char			*language;	/* or NULL */
	const char			*tags;		/* JSON array, or NULL */
	struct story_text		 text;
	const struct story_file_card	*cards;
	size_t				 ncards;
};

/* Return 0 to go on, -1 to stop reading (story_file_read returns -1). */
typedef int (*story_entry_fn)(void *arg, const struct story_entry *);

struct story_file_result {
	size_t	stories;	/* handed to the callback */
	size_t	errors;
};

/*
 * Read the story bank at path, calling fn for each valid story in file
 * order; diagnostics go to diag as "PATH:LINE:COLUMN: error: ...".
 * Returns 0 when the file is a valid story bank, 1 when it has errors
 * (stories may have been handed over before one was found: the caller
 * discards them), -1 when fn asked to stop.
 */
int	story_file_read(const char *path, story_entry_fn fn, void *arg,
	    struct story_file_result *res, FILE *diag);
/* The same for len bytes in memory, named name in diagnostics. */
int	story_file_parse(const char *name, const char *data, size_t len,
	    story_entry_fn fn, void *arg, struct story_file_result *res,
	    FILE *diag);
/* A diagnostic in the same form, for what the caller finds. */
void	story_file_diag(FILE *, const char *path, size_t line, size_t column,
	    bool error, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
