/* deck.h: reading a deck file (YAML, libyaml's event API) into cards; no database. */
#ifndef REHEARSE_DECK_H
#define REHEARSE_DECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define DECK_ID_MAX	64	/* bytes in a deck or card id */
#define DECK_AGAIN	2	/* read the file again in full (see below) */

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
 * Where a card lies in its file: whole lines, from the one with its "- "
 * to the line before the next thing in the file, when they hold that
 * card alone (no anchor, alias or warning in it, '\n' line breaks).  An
 * import keeps its cards' spans; the next import of the deck is given
 * them back (struct deck_spans), and a card whose lines are found again
 * byte for byte is handed over as kept, without being parsed again.
 */
struct deck_span {
	uint64_t	 hash;		/* of the bytes, salted */
	uint32_t	 bytes;		/* 0: the card has no span */
	uint32_t	 lines;		/* line breaks in the bytes */
	uint32_t	 pos;		/* the card's index when it was kept */
	const char	*id;		/* the card's id (from deck_spans) */
};

/*
 * The spans the last import of a deck kept, read back in file order.
 * open: the deck's id is known (from the file); false when it has none
 * (NULL: read every card, only keeping the spans).
 * next: the next span; false at the end.  Its id is copied at once.
 */
struct deck_spans {
	const char	*salt;		/* the program's version */
	struct deck_hash *hash;		/* if not NULL, the file's, as read */
	bool		(*open)(void *arg, const char *deck);
	bool		(*next)(void *arg, struct deck_span *);
	void		*arg;
	/*
	 * The caller finds a repeated card id itself (a database index does
	 * it anyway) and answers DECK_AGAIN to it: no set of ids is kept.
	 * Errors then also end in DECK_AGAIN, for a read that reports them.
	 */
	bool		 caller_ids;
};

/*
 * One valid card, handed to the caller as soon as it is read.  Every
 * pointer is borrowed and valid only during the callback.  A kept card
 * (unchanged since the import that kept its span) has only its index,
 * position, id, deck and span set: its text is what that import had.
 */
struct deck_card {
	size_t		 index;		/* 0-based position in the deck */
	size_t		 line;		/* where the card's mapping starts, 1-based */
	size_t		 column;
	const char	*id;		/* given, or derived from the front */
	bool		 id_derived;
	const char	*kind;		/* "recall", "practice", "ask", or NULL: the deck's */
	const char	*front;
	const char	*back;
	const char	*hint;		/* NULL when absent */
	const char	*example;	/* NULL when absent */
	const char	*tags;		/* JSON array of strings, NULL when absent */
	const char	*deck;		/* the deck's id, when read before the card */
	const char	*deck_kind;	/* likewise the deck's kind, or NULL */
	bool		 kept;
	struct deck_span span;		/* to keep for the next import */
};

/* The deck's own keys; strings belong to the struct (deck_info_free). */
struct deck_info {
	char	*id;
	char	*title;		/* NULL when absent, likewise below */
	char	*language;
	char	*kind;		/* NULL: cards default to "recall" */
	char	*description;
	char	*tags;		/* JSON array of strings */
	size_t	 cards;		/* valid cards handed to the callback */
};
void	deck_info_free(struct deck_info *);

/*
 * Return 0 to go on, DECK_AGAIN to have deck_load_spans give up and ask
 * for a full read, anything else to stop reading (deck_load returns -1).
 */
typedef int (*deck_card_fn)(void *arg, const struct deck_card *);

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
 * deck_load, handing each card its span and using the spans of the
 * deck's last import.  Returns DECK_AGAIN, with nothing printed, when
 * the file turned out to need reading in full (a card was kept but the
 * file has errors, or a kept card's lines read differently where they
 * are now; or what caller_ids says): discard the cards and call
 * deck_load_spans without spans or caller_ids (or deck_load).
 */
int	deck_load_spans(const char *path, const struct deck_limits *lim,
	    deck_card_fn fn, void *arg, const struct deck_spans *spans,
	    struct deck_info *info, struct deck_result *res, FILE *diag);

/*
 * The id derived from a front (DESIGN.md): ASCII letters and digits
 * lower-cased, other runs of characters one '-', trimmed, cut to 40,
 * then '-' and 6 hex digits of the front's FNV-1a hash.  The returned
 * string belongs to the caller.
 */
char	*deck_derive_id(const char *front);

/*
 * A fingerprint of a deck file's bytes and of salt (the program's
 * version, whose rules read them), to recognise a file imported before.
 * Fills buf; false when the file cannot be read (deck_load will say why).
 * It ends in "-" and the file's length in bytes.
 */
#define DECK_HASH_SIZE 48
bool	deck_file_hash(const char *path, const char *salt,
	    char buf[DECK_HASH_SIZE]);

/* The same fingerprint taken piece by piece, as the bytes are read. */
struct deck_hash {
	uint64_t	 lane[4];
	uint64_t	 len;
	unsigned char	 tail[32];
	size_t		 ntail;
};
void	deck_hash_init(struct deck_hash *, const char *salt);
void	deck_hash_add(struct deck_hash *, const void *, size_t);
void	deck_hash_end(struct deck_hash *, char buf[DECK_HASH_SIZE]);

/* True when s is a valid deck or card id: [a-z0-9][a-z0-9-]*, <= 64. */
bool	deck_valid_id(const char *s);

#endif
