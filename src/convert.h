/* convert.h: question lists from other tools (Markdown, CSV/TSV, Anki text) made into a deck. */
#ifndef REHEARSE_CONVERT_H
#define REHEARSE_CONVERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "deck.h"
#include "xmalloc.h"

/*
 * The most a converter reads, and the most text one field may hold: a
 * field longer than the deck loader's limit for a value would give a
 * deck that does not import.
 */
#define CONV_FILE_MAX	((size_t)64 << 20)
#define CONV_FIELD_MAX	((size_t)1 << 20)
#define CONV_ERRORS_MAX	50	/* errors shown before giving up */
#define CONV_TAG_MAX	40	/* bytes of a tag made from a heading */

/* One card as a reader found it; every string belongs to the card. */
struct conv_card {
	size_t	  line;		/* where it starts in the input */
	char	 *id;		/* given or derived, always set once added */
	char	 *kind;		/* NULL: the deck's */
	char	 *front;
	char	 *back;		/* NULL: none (it becomes a practice card) */
	char	 *hint;
	char	**tags;
	size_t	  ntags;
};

/*
 * One conversion: the cards read so far and the diagnostics.  Readers
 * fill it through the functions below; cmd-convert.c and the fuzz
 * targets set it up, run one reader and emit the result.
 */
struct conv {
	const char		*path;		/* names the input in messages */
	FILE			*diag;		/* where messages go */
	size_t			 errors;
	size_t			 warnings;
	bool			 gave_up;	/* too many errors: stop reading */

	struct conv_card	*cards;
	size_t			 ncards;
	size_t			 cardscap;
	struct deck_ids		 ids;		/* to find duplicates */

	char			*title;		/* found in the input, or NULL */
	struct conv_card	 deck;		/* only its tags: the deck's own */
	const char		*kind;		/* the reader's default kind */
	bool			 all;		/* --all: every list item a card */
};

void	conv_init(struct conv *, const char *path, FILE *diag);
void	conv_free(struct conv *);
/* Free what a card holds (one not added) and clear it. */
void	conv_card_free(struct conv_card *);

/* "PATH:LINE: error: ..." (line 0: "PATH: error: ..."), counted. */
void	conv_error(struct conv *, size_t line, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	conv_warn(struct conv *, size_t line, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/* Say how many warnings were not shown, if any; after the reading. */
void	conv_finish(struct conv *);
/* Up to 60 bytes of s made safe to quote in a message, in out[72]. */
const char *conv_show(char out[72], const char *s, size_t len);

/*
 * The input checked and made plain: a byte order mark dropped, CRLF and
 * lone CR made LF, and refused (false, after an error with its line)
 * when empty, binary (NUL or control bytes) or not UTF-8.  *out is the
 * caller's, NUL-terminated.
 */
bool	conv_text(struct conv *, const char *data, size_t len,
	    struct buf *out);

/*
 * Take a card (its strings now belong to the list, the struct is
 * cleared): text trimmed, an empty front or a field too long refused,
 * the id checked or derived from the front (deck_derive_id), a
 * duplicate id skipped with a warning.  True when it was added.
 */
bool	conv_add(struct conv *, struct conv_card *);
/* Add tag to the card unless empty or there already; copied. */
void	conv_tag(struct conv_card *, const char *tag, size_t len);
/*
 * A heading made a tag: ASCII letters lower-cased, letters and digits
 * of other scripts kept, every other run of characters (spaces,
 * punctuation, emoji) one '-', trimmed, at most CONV_TAG_MAX bytes.
 * The caller frees; "" when nothing is left.
 */
char	*conv_slug(const char *s, size_t len);
/* text with trailing white space of each line and of the whole removed. */
void	conv_trim(char *text);

/*
 * HTML made text: <br>, <p>, <div> and the like become line breaks, an
 * <li> a line starting "- ", other tags and comments go, entities
 * (&amp; &#39; &#x2014; ...) are decoded, and blank lines come one at a
 * time.  The caller frees.
 */
char	*conv_html(const char *text);

/* The deck's keys besides its cards, from the command line. */
struct conv_deck {
	const char	*id;
	const char	*title;		/* NULL: conv's, or none */
	const char	*language;	/* NULL: none */
	const char	*kind;		/* NULL: conv's, or none (recall) */
};

/*
 * The deck as YAML through libyaml's emitter, into out; false (after a
 * message naming the problem) when the emitter fails.
 */
bool	conv_emit(struct conv *, const struct conv_deck *, struct buf *out);

/*
 * convert-mdtext.c: Markdown's inline syntax made plain text: emphasis
 * marks dropped, code and link text kept, escapes undone, then HTML as
 * conv_html does; line breaks become spaces.  The caller frees.
 */
char	*md_inline(const char *);
/*
 * An item's text that is a <details> block opening with its <summary>:
 * the summary's text on a line of its own, then the rest, so that the
 * summary is read as the item's question.  Any other as it is.  The
 * caller frees.
 */
char	*md_summary(const char *);

/*
 * One "key: value" line (or more, when libyaml folds or quotes it) as
 * YAML, appended to out; false when value is not text libyaml takes
 * (not UTF-8).
 */
bool	conv_emit_pair(const char *key, const char *value, struct buf *out);

/* The readers: all of text (from conv_text) into cards. */
void	convert_md(struct conv *, const char *text);
void	convert_csv(struct conv *, const char *text, char sep);
void	convert_anki(struct conv *, const char *text);

/*
 * convert-csv.c: RFC 4180 records, shared with the Anki reader.  A
 * record's fields are NUL-terminated (a NUL inside cannot happen after
 * conv_text).  csv_next returns 1 with a record, 0 at the end, -1 after
 * an error (an unclosed quote, text after a closing quote).
 */
struct csv {
	const char	*p;
	size_t		 line;		/* of p */
	char		 sep;
	bool		 comments;	/* lines starting with '#' are skipped */
	struct buf	*fields;
	size_t		 nfields;
	size_t		 cap;
	size_t		 at;		/* the line the record started on */
};
void	csv_init(struct csv *, const char *text, char sep);
int	csv_next(struct csv *, struct conv *);
void	csv_free(struct csv *);
/* The separator a header line uses most (outside quotes): ',' ';' or tab. */
char	csv_guess_sep(const char *line);
/* True when the first line of text names a front column (front, question). */
bool	csv_has_header(const char *text);
/*
 * Split a list of tags (spaces, commas or semicolons between them; a
 * leading '#' dropped) onto the card.
 */
void	csv_tags(struct conv_card *, const char *list);

#endif
