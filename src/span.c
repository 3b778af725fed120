/* span.c: a deck file's bytes on their way to libyaml, and the lines that hold one card each. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "span.h"
#include "xmalloc.h"

#define SRC_CHUNK	65536
#define SPAN_MAX	((uint32_t)1 << 20)	/* longer cards: parsed each time */

static size_t
held_end(const struct src *s)
{
	return s->base + s->len;
}

static unsigned char *
at(const struct src *s, size_t off)
{
	return s->buf + (off - s->base);
}

uint64_t
src_seed(const char *salt)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; salt != NULL && *salt != '\0'; salt++)
		h = (h ^ (unsigned char)*salt) * 0x100000001b3ULL;
	return h;
}

/*
 * Two multiply-xorshift lanes over 16-byte blocks: fast enough to hash
 * every card of a big deck on each import, and 64 bits, so that a
 * changed card passing for an unchanged one is out of reach by chance.
 */
uint64_t
src_hash(uint64_t seed, const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t a = seed ^ (uint64_t)n, b = 0x9e3779b97f4a7c15ULL;
	uint64_t w;
	size_t i;

	for (i = 0; i + 16 <= n; i += 16) {
		memcpy(&w, p + i, 8);
		a = (a ^ w) * 0x9fb21c651e98df25ULL;
		a ^= a >> 29;
		memcpy(&w, p + i + 8, 8);
		b = (b ^ w) * 0xc2b2ae3d27d4eb4fULL;
		b ^= b >> 31;
	}
	for (; i < n; i++)
		a = (a ^ p[i]) * 0x100000001b3ULL;
	a ^= b * 0xff51afd7ed558ccdULL;
	a ^= a >> 32;
	a *= 0xc4ceb9fe1a85ec53ULL;
	a ^= a >> 29;
	return a;
}

void
src_init(struct src *s, FILE *fp, const struct deck_spans *spans)
{
	memset(s, 0, sizeof *s);
	s->fp = fp;
	s->spans = spans;
	s->seed = src_seed(spans != NULL ? spans->salt : NULL);
	s->clean = true;
	s->pin_line = s->line = 1;
	s->bol = true;
}

void
src_free(struct src *s)
{
	free(s->buf);
	free(s->queue);
	s->buf = NULL;
	s->queue = NULL;
}

/*
 * libyaml counts '\r', NEL, LS and PS as line breaks too: where one
 * appears, line numbers and '\n' no longer agree, and spans stop.  A
 * UTF-16 file is not looked into at all.
 */
static void
check_breaks(struct src *s)
{
	const unsigned char *p, *q, *lim;
	size_t stop = held_end(s);

	if (s->checked == 0 && s->len >= 2 &&
	    ((s->buf[0] == 0xfe && s->buf[1] == 0xff) ||
	    (s->buf[0] == 0xff && s->buf[1] == 0xfe)))
		s->clean = false;
	if (!s->clean)
		return;
	/* A sequence cut by the chunk's end is looked at with the next. */
	if (!s->eof)
		stop = stop < 2 ? 0 : stop - 2;
	if (stop <= s->checked)
		return;
	p = at(s, s->checked);
	lim = at(s, held_end(s));
	if (memchr(p, '\r', stop - s->checked) != NULL)
		s->clean = false;
	for (q = p; s->clean && (q = memchr(q, 0xc2, (size_t)(at(s, stop) -
	    q))) != NULL; q++)
		if (q + 1 < lim && q[1] == 0x85)
			s->clean = false;
	for (q = p; s->clean && (q = memchr(q, 0xe2, (size_t)(at(s, stop) -
	    q))) != NULL; q++)
		if (q + 2 < lim && q[1] == 0x80 && (q[2] == 0xa8 ||
		    q[2] == 0xa9))
			s->clean = false;
	s->checked = stop;
}

/* Read another chunk, dropping what nobody will look at again. */
static bool
read_more(struct src *s)
{
	size_t keep = s->fed, drop, n;

	if (s->eof)
		return false;
	if (s->checked < keep)
		keep = s->checked;
	if (s->spans != NULL && !s->pin_lost && s->pin_off < keep)
		keep = s->pin_off;
	drop = keep - s->base;
	if (drop > 0 && (drop >= SRC_CHUNK || drop >= s->len / 2)) {
		memmove(s->buf, s->buf + drop, s->len - drop);
		s->base += drop;
		s->len -= drop;
	}
	if (s->cap - s->len < SRC_CHUNK) {
		s->cap = s->cap * 2 > s->len + SRC_CHUNK ? s->cap * 2 :
		    s->len + SRC_CHUNK;
		s->buf = xrealloc(s->buf, s->cap);
	}
	n = fread(s->buf + s->len, 1, s->cap - s->len, s->fp);
	if (n == 0) {
		if (ferror(s->fp))
			s->error = errno != 0 ? errno : EIO;
		s->eof = true;
		check_breaks(s);
		return false;
	}
	if (s->spans != NULL && s->spans->hash != NULL)
		deck_hash_add(s->spans->hash, s->buf + s->len, n);
	s->len += n;
	check_breaks(s);
	return true;
}

/* Hold the file up to off (or to its end); false when it ends before. */
static bool
ensure(struct src *s, size_t off)
{
	while (held_end(s) < off)
		if (!read_more(s))
			return false;
	return true;
}

void
src_pin(struct src *s, size_t line)
{
	const unsigned char *p, *q, *end;

	if (s->spans == NULL || s->pin_lost || line <= s->pin_line)
		return;
	/* Where the last span ended: usually where the next card starts. */
	if (s->next_line > s->pin_line && s->next_line <= line &&
	    s->next_off >= s->base) {
		s->pin_line = s->next_line;
		s->pin_off = s->next_off;
		if (line == s->pin_line)
			return;
	}
	p = at(s, s->pin_off);
	end = at(s, held_end(s));
	while (s->pin_line < line) {
		if ((q = memchr(p, '\n', (size_t)(end - p))) == NULL) {
			s->pin_lost = true;	/* lines counted otherwise */
			return;
		}
		p = q + 1;
		s->pin_line++;
	}
	s->pin_off = s->base + (size_t)(p - s->buf);
}

/* Spaces, '-', spaces: the length of an item's opening, or 0. */
static size_t
item_prefix(const unsigned char *p, size_t n, size_t *dash)
{
	size_t i = 0;

	while (i < n && p[i] == ' ')
		i++;
	*dash = i;
	if (i + 1 >= n || p[i] != '-' || p[i + 1] != ' ')
		return 0;
	for (i++; i < n && p[i] == ' '; i++)
		;
	return i;
}

bool
src_span(struct src *s, size_t line, size_t column, size_t end_line,
    size_t end_column, struct deck_span *sp)
{
	const unsigned char *p, *q, *end;
	size_t dash, i, n;

	memset(sp, 0, sizeof *sp);
	if (s->spans == NULL || s->pin_lost || !s->clean ||
	    s->pin_line != line || end_line <= line)
		return false;
	p = at(s, s->pin_off);
	end = at(s, held_end(s));
	n = item_prefix(p, (size_t)(end - p), &dash);
	if (n == 0 || n != column - 1)
		return false;
	for (q = p, i = line; i < end_line; i++) {
		if ((q = memchr(q, '\n', (size_t)(end - q))) == NULL)
			return false;
		q++;
	}
	s->next_line = end_line;
	s->next_off = s->base + (size_t)(q - s->buf);
	/* The next token starts its line: only spaces before it. */
	for (i = 0; i + 1 < end_column; i++)
		if (q + i >= end || q[i] != ' ')
			return false;
	n = (size_t)(q - p);
	if (n > SPAN_MAX)
		return false;
	sp->hash = src_hash(s->seed, p, n);
	sp->bytes = (uint32_t)n;
	sp->lines = (uint32_t)(end_line - line);
	return true;
}

static void
ring_fill(struct src *s)
{
	struct deck_span sp;
	struct span_pending *r;
	size_t n;

	while (s->nring < SPAN_RING && !s->ring_end) {
		if (!s->spans->next(s->spans->arg, &sp)) {
			s->ring_end = true;
			break;
		}
		if (sp.id == NULL || (n = strlen(sp.id)) > DECK_ID_MAX ||
		    sp.bytes == 0 || sp.bytes > SPAN_MAX)
			continue;
		r = &s->ring[s->nring++];
		memset(r, 0, sizeof *r);
		r->span = sp;
		memcpy(r->id, sp.id, n + 1);
		r->span.id = NULL;
	}
}

void
src_match(struct src *s, bool on)
{
	const unsigned char *p, *q, *end;

	s->settled = true;
	if (!on || s->spans == NULL || s->pin_lost || !s->clean)
		return;
	/* Lines from the pin to where libyaml has been given bytes. */
	s->line = s->pin_line;
	p = at(s, s->pin_off);
	end = at(s, s->fed);
	while ((q = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		s->line++;
		p = q + 1;
	}
	s->bol = s->fed == s->pin_off || *at(s, s->fed - 1) == '\n';
	s->matching = true;
	ring_fill(s);
}

/*
 * After a span, the next line must hold a token no deeper than the
 * span's "-" (a sibling item or what follows the list), or the file must
 * end there: then the card's mapping ends where it ended before.
 */
static bool
next_line_ok(struct src *s, size_t off, size_t dash)
{
	size_t k;
	unsigned char ch;

	for (k = 0;; k++) {
		if (!ensure(s, off + k + 1))
			return k == 0 && held_end(s) == off;
		ch = *at(s, off + k);
		if (ch != ' ')
			return k <= dash && ch != '\n' && ch != '#';
		if (k >= dash)
			return false;
	}
}

static bool
span_fits(struct src *s, const struct deck_span *sp, size_t dash)
{
	const unsigned char *p;

	if (!ensure(s, s->fed + sp->bytes))
		return false;
	/* The cheap tests first: most wrong candidates end mid-line. */
	if (*at(s, s->fed + sp->bytes - 1) != '\n' ||
	    !next_line_ok(s, s->fed + sp->bytes, dash))
		return false;
	p = at(s, s->fed);
	return src_hash(s->seed, p, sp->bytes) == sp->hash;
}

static void
queue_push(struct src *s, const struct span_pending *r)
{
	if (s->qhead + s->qlen == s->qcap) {
		if (s->qhead > 0) {
			memmove(s->queue, s->queue + s->qhead,
			    s->qlen * sizeof *s->queue);
			s->qhead = 0;
		} else {
			s->qcap = s->qcap ? s->qcap * 2 : 16;
			s->queue = xreallocarray(s->queue, s->qcap,
			    sizeof *s->queue);
		}
	}
	s->queue[s->qhead + s->qlen++] = *r;
}

/* Give libyaml the placeholder for ring[j]'s lines, found at fed. */
static void
replace(struct src *s, size_t j, size_t prefix)
{
	struct span_pending *r = &s->ring[j];

	r->line = s->line;
	r->column = prefix + 1;
	r->end_line = s->line + r->span.lines;
	r->end_off = s->fed + r->span.bytes;
	queue_push(s, r);
	memcpy(s->ph, at(s, s->fed), prefix);
	s->ph[prefix] = '_';
	s->phlen = prefix + 1;
	s->phpos = 0;
	s->ph_breaks = r->span.lines;
	s->fed += r->span.bytes;
	s->line += r->span.lines;
	s->replaced++;
	/* The spans before j are not here: changed, moved or gone. */
	s->nring -= j + 1;
	memmove(s->ring, s->ring + j + 1, s->nring * sizeof *s->ring);
	ring_fill(s);
}

/* At a line's start: is it the first line of a kept span? */
static bool
try_match(struct src *s)
{
	const unsigned char *p;
	size_t dash, prefix, j;

	if (!s->clean || s->pin_lost) {
		s->matching = false;
		return false;
	}
	ensure(s, s->fed + sizeof s->ph);
	p = at(s, s->fed);
	prefix = item_prefix(p, held_end(s) - s->fed, &dash);
	if (prefix == 0 || prefix + 1 > sizeof s->ph)
		return false;
	for (j = 0; j < s->nring; j++)
		if (span_fits(s, &s->ring[j].span, dash)) {
			replace(s, j, prefix);
			return true;
		}
	return false;
}

/* Give libyaml the bytes at fed: a line at most while matching. */
static void
feed(struct src *s, unsigned char *buf, size_t size, size_t *n)
{
	const unsigned char *p = at(s, s->fed), *nl;
	size_t k = held_end(s) - s->fed;

	if (k > size - *n)
		k = size - *n;
	/*
	 * A line at a time while matching, and until the deck's id has told
	 * whether to match: libyaml reads ahead, and what it has read
	 * cannot be replaced any more.
	 */
	if ((s->matching || (s->spans != NULL && !s->settled)) &&
	    (nl = memchr(p, '\n', k)) != NULL) {
		k = (size_t)(nl - p) + 1;
		if (s->matching)
			s->line++;
	}
	memcpy(buf + *n, p, k);
	*n += k;
	s->fed += k;
	s->bol = p[k - 1] == '\n';
}

bool
src_read(struct src *s, unsigned char *buf, size_t size, size_t *n)
{
	size_t k;

	*n = 0;
	while (*n < size) {
		if (s->phpos < s->phlen) {
			k = s->phlen - s->phpos;
			if (k > size - *n)
				k = size - *n;
			memcpy(buf + *n, s->ph + s->phpos, k);
			s->phpos += k;
			*n += k;
			continue;
		}
		if (s->ph_breaks > 0) {
			k = s->ph_breaks < size - *n ? s->ph_breaks : size - *n;
			memset(buf + *n, '\n', k);
			s->ph_breaks -= k;
			*n += k;
			continue;
		}
		if (s->fed == held_end(s) && !read_more(s))
			break;
		if (s->matching && s->bol && try_match(s))
			continue;
		feed(s, buf, size, n);
		if (!s->matching)
			break;
	}
	return s->error == 0;
}

const struct span_pending *
src_pending(const struct src *s)
{
	return s->qlen > 0 ? &s->queue[s->qhead] : NULL;
}

void
src_met(struct src *s)
{
	const struct span_pending *r = &s->queue[s->qhead];

	if (!s->pin_lost) {
		s->pin_line = r->end_line;
		s->pin_off = r->end_off;
	}
	s->qhead++;
	s->qlen--;
}
