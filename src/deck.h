/* deck.h: reading a deck file (YAML, libyaml's event API) into cards, and where the bundled decks are; no database. */
#ifndef REHEARSE_DECK_H
#define REHEARSE_DECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#define DECK_ID_MAX	64	/* bytes in a deck or card id */

/*
 * Limits that protect against hostile files; real decks never reach them
 * (DESIGN.md: 64 MiB and 200,000 cards must import).
 */
struct deck_limits {
	size_t	file_bytes;	/* refused before parsing when larger */
	size_t	scalar_bytes;	/* one value's text */
	size_t	card_bytes;	/* one card's text after alias expansion */
	size_t	cards;		/* cards in one deck */
	size_t	depth;		/* nesting of collections */
	size_t	expansion;	/* bytes produced by aliases in the whole file */
	size_t	errors;		/* diagnostics printed before giving up */
};
extern const struct deck_limits deck_default_limits;

/*
 * One card, handed to the caller as soon as it is read.  Every pointer
 * is borrowed and valid only during the callback.  A card with errors
 * (broken) is handed over too when its id is known, with only its
 * position and id set, so that the caller can check the id: the file is
 * then refused anyway.
 */
struct deck_card {
	size_t		 index;		/* 0-based position in the deck */
	size_t		 line;		/* where the card's mapping starts, 1-based */
	size_t		 column;
	const char	*id;		/* given, or derived from the front */
	bool		 id_derived;
	const char	*kind;		/* "recall", "practice", "ask", or NULL: the deck's */
	const char	*front;
	const char	*back;		/* NULL: a practice card without one */
	const char	*hint;		/* NULL when absent */
	const char	*example;	/* NULL when absent */
	const char	*tags;		/* JSON array of strings, NULL when absent */
	const char	*section;	/* a mock's part (deck_section_valid), or NULL */
	const char	*probes;	/* practice cards: JSON array of strings, or NULL */
	size_t		 id_line;	/* where the id is (or the card, if derived) */
	bool		 broken;	/* errors in it: only the id is there */
	bool		 lookup;	/* no card: only id (and id_derived) asked about */
};

/* The deck's own keys; strings belong to the struct (deck_info_free). */
struct deck_info {
	char	*id;
	char	*title;		/* NULL when absent, likewise below */
	char	*language;
	char	*kind;		/* NULL: cards default to "recall" */
	char	*description;
	char	*tags;		/* JSON array of strings */
	char	*section;	/* the cards' part of a mock, unless their own */
	size_t	 cards;		/* valid cards handed to the callback */
};
void	deck_info_free(struct deck_info *);

/*
 * The caller keeps the ids (a database index, or struct deck_ids): return
 * 0 to go on, the id_line of an earlier card with the same id to have it
 * reported as a duplicate, or -1 to stop reading (deck_load returns -1).
 * With lookup set there is no card, only a question: return the id_line
 * of the card handed over that has id (with id_derived, that derived it
 * from its front), or 0, and keep nothing.  So the loader offers ids no
 * card has, and words a clash, without keeping the ids itself.
 */
typedef long (*deck_card_fn)(void *arg, const struct deck_card *);

struct deck_result {
	size_t	errors;
	size_t	warnings;
};

/*
 * Read the deck at path, calling fn for each valid card in file order
 * (*info is cleared first: free an earlier result before reusing it).
 * Diagnostics go to diag as "PATH:LINE:COLUMN: error: ..." (or
 * "warning:"), or "PATH: error: ..." when no position applies.
 * Returns 0 when the file is a valid deck (warnings allowed), 1 when it
 * has errors (counts in *res; info may be partly filled), -1 when fn
 * asked to stop.  Cards may have been handed to fn before an error was
 * found: the caller must discard them when the result is not 0.
 */
int	deck_load(const char *path, const struct deck_limits *lim,
	    deck_card_fn fn, void *arg, struct deck_info *info,
	    struct deck_result *res, FILE *diag);

/*
 * Where the bundled decks may be, each a directory with one directory
 * per language: $REHEARSE_DECKS when set, the installed decks, the
 * source tree's; in the order they are looked in.  Fills roots[] and
 * returns how many there are.  Inline: the store's migration asks too,
 * and needs nothing else of the deck reader.
 */
#define DECK_ROOTS 3
static inline size_t
deck_bundled_roots(const char *roots[DECK_ROOTS])
{
	const char *env = getenv("REHEARSE_DECKS");
	size_t n = 0;

	if (env != NULL && *env != '\0')
		roots[n++] = env;
	roots[n++] = PKGDATADIR "/decks";
	roots[n++] = SOURCE_DECKS;
	return n;
}

/*
 * The id derived from a front (DESIGN.md): ASCII letters and digits
 * lower-cased, other runs of characters one '-', trimmed, cut to 40,
 * then '-' and 6 hex digits of the front's FNV-1a hash.  The returned
 * string belongs to the caller.
 */
char	*deck_derive_id(const char *front);

/*
 * A fingerprint of a deck file's bytes and of salt (the program's
 * version, whose rules read them), to recognise a file imported before:
 * its hash, '-' and its length in bytes.  False when the file cannot be
 * read (deck_load will say why).
 */
#define DECK_HASH_SIZE 32
bool	deck_file_hash(const char *path, const char *salt,
	    char buf[DECK_HASH_SIZE]);

/*
 * The ids of a deck's cards held in memory, for a caller without a
 * database (lint; the loader keeps its anchors in one too): add returns
 * 0, or the line (1-based) of the card that had id first.
 * Zero-initialise; free with deck_ids_free.
 */
struct deck_ids {
	struct deck_id	**slot;
	size_t		  size;		/* a power of two */
	size_t		  used;
};
size_t	deck_ids_add(struct deck_ids *, const char *id, size_t line);
/* The line of the card that has id, or 0; adds nothing. */
size_t	deck_ids_find(const struct deck_ids *, const char *id);
void	deck_ids_free(struct deck_ids *);

/* True when s is a valid deck or card id: [a-z0-9][a-z0-9-]*, <= 64. */
bool	deck_valid_id(const char *s);

/*
 * The parts of a mock interview, in the order it runs them: the values
 * a deck's or a card's 'section' may take (static strings).
 */
extern const char *const deck_sections[];
#define DECK_SECTIONS 7
/* Its index in deck_sections, or -1 when s names no part. */
int	deck_section_index(const char *s);

#endif
