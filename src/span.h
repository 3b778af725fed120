/* span.h: a deck file's bytes on their way to libyaml, and the lines that hold one card each. */
#ifndef REHEARSE_SPAN_H
#define REHEARSE_SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "deck.h"

#define SPAN_RING	8	/* kept spans tried where a card starts */

/*
 * A card's lines replaced by a placeholder (a plain scalar "_" after the
 * same "- ", then as many line breaks as the lines held, so that every
 * later line keeps its number).  The checker must meet the placeholder
 * where it was put, as an item of the card list, or the replacement
 * does not hold and the file is read again in full.
 */
struct span_pending {
	size_t		 line;		/* where "_" starts, 1-based */
	size_t		 column;
	size_t		 end_line;	/* the line after the span */
	size_t		 end_off;	/* its file offset */
	struct deck_span span;		/* as the last import kept it */
	char		 id[DECK_ID_MAX + 1];
};

/*
 * The file is read in chunks into a buffer that keeps the bytes from the
 * pinned line on: the checker pins each card's first line, so that when
 * the card ends its lines can be measured and hashed (src_span).
 */
struct src {
	FILE			*fp;
	const struct deck_spans	*spans;	/* NULL: no spans wanted */
	uint64_t		 seed;		/* src_seed of spans->salt */
	unsigned char		*buf;
	size_t			 cap;
	size_t			 base;		/* file offset of buf[0] */
	size_t			 len;		/* bytes held */
	size_t			 fed;		/* file offset given to libyaml */
	bool			 eof;
	int			 error;		/* errno of a failed read */
	size_t			 checked;	/* scanned for odd line breaks */
	bool			 clean;		/* line breaks are '\n' only */
	size_t			 pin_line;	/* 1-based */
	size_t			 pin_off;
	bool			 pin_lost;
	size_t			 next_line;	/* where the last span ended */
	size_t			 next_off;

	/* A re-import: the last import's spans, tried at each "- ". */
	bool			 settled;	/* src_match was called */
	bool			 matching;
	bool			 ring_end;
	struct span_pending	 ring[SPAN_RING];
	size_t			 nring;
	size_t			 line;		/* at fed, 1-based */
	bool			 bol;		/* fed is at a line's start */
	struct span_pending	*queue;		/* placed, not yet met */
	size_t			 qhead;
	size_t			 qlen;
	size_t			 qcap;
	unsigned char		 ph[DECK_ID_MAX + 8];
	size_t			 phlen;
	size_t			 phpos;
	size_t			 ph_breaks;	/* line breaks still to give */
	size_t			 replaced;	/* cards placed in all */
};

void	src_init(struct src *, FILE *, const struct deck_spans *);
void	src_free(struct src *);

/*
 * libyaml's read handler: up to size bytes into buf, *n of them (0 at
 * the end).  False when the file cannot be read (errno in s->error).
 */
bool	src_read(struct src *, unsigned char *buf, size_t size, size_t *n);

/* The checker will not ask about lines before this one again. */
void	src_pin(struct src *, size_t line);

/*
 * The span of the card whose mapping starts at line:column (1-based) on
 * the pinned line and whose end libyaml marks at end_line:end_column, if
 * its lines hold that card alone (see deck_span).  False: none.
 */
bool	src_span(struct src *, size_t line, size_t column, size_t end_line,
	    size_t end_column, struct deck_span *);

/*
 * Whether to try, from here on, the spans of the deck's last import
 * (spans->open said there are some).  Until this is called the file
 * goes to libyaml a little at a time, so that matching starts early.
 */
void	src_match(struct src *, bool);

/* The oldest placeholder not yet met, or NULL. */
const struct span_pending *src_pending(const struct src *);
/* It was met where it belongs: the checker goes on after its lines. */
void	src_met(struct src *);

/*
 * A 64-bit hash of n bytes, started from a seed: src_seed(salt) for a
 * span's bytes (the program's version), any constant for other uses.
 */
uint64_t src_seed(const char *salt);
uint64_t src_hash(uint64_t seed, const void *, size_t n);

#endif
