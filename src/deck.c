/* deck.c: a deck file read as a stream of YAML events, checked card by card. */
#include <sys/types.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "deck.h"
#include "hash.h"
#include "xmalloc.h"

const struct deck_limits deck_default_limits = {
	.file_bytes = (size_t)256 << 20,
	.scalar_bytes = (size_t)1 << 20,
	.card_bytes = (size_t)4 << 20,
	.cards = 1000000,
	.depth = 64,
	.expansion = (size_t)64 << 20,
	.errors = 50,
};

#define SLUG_MAX	40
#define SHOW_MAX	80	/* bytes of user text quoted in a message */
#define SUGGEST_MAX	64	/* longer keys get no "did you mean" */

enum deck_key {
	DK_DECK, DK_TITLE, DK_LANGUAGE, DK_KIND, DK_DESCRIPTION, DK_TAGS,
	DK_CARDS, DK_N, DK_SKIP = DK_N
};
static const char *const deck_keys[DK_N] = {
	"deck", "title", "language", "kind", "description", "tags", "cards"
};

enum card_key {
	CK_ID, CK_FRONT, CK_BACK, CK_KIND, CK_HINT, CK_TAGS, CK_EXAMPLE, CK_N
};
static const char *const card_keys[CK_N] = {
	"id", "front", "back", "kind", "hint", "tags", "example"
};

struct pos {
	size_t	line;		/* 1-based; 0: the file as a whole */
	size_t	column;
};

enum node_type { NODE_SCALAR, NODE_LIST, NODE_MAP };

struct slot {
	struct node	*node;
	struct pos	 at;		/* where it appears, alias or not */
	bool		 alias;
};

/*
 * A node of the small tree built for one card or one deck value.  Aliases
 * share nodes (refs), so size and height are kept per node, computed once
 * when it completes: an alias costs its target's size without a walk.
 */
struct node {
	enum node_type	 type;
	bool		 plain;		/* plain: '~' and '<<' mean something */
	bool		 bad;		/* reported already: check no more */
	size_t		 refs;
	size_t		 size;		/* bytes after expansion, +1 a node */
	size_t		 height;	/* levels, aliases included */
	char		*text;		/* scalars; NULL when bad */
	size_t		 len;
	struct slot	*kids;		/* a mapping's: key, value, key, ... */
	size_t		 nkids;
	size_t		 kidscap;
};

struct anchor {
	char		*name;
	struct node	*node;
	struct anchor	*next;
};

struct anchors {
	struct anchor	**bucket;
	size_t		  nbuckets;	/* a power of two */
	size_t		  n;
};

struct diag {
	struct pos	 at;
	size_t		 seq;
	bool		 warning;
	char		*msg;
};

struct frame {
	struct slot	 slot;		/* the collection being built */
	char		*anchor;	/* recorded once it completes */
};

/*
 * The file is never held whole: libyaml's events drive a small state
 * machine over the top mapping and the list under 'cards', and every
 * other node (a card, one deck value) becomes a small tree that is
 * checked and freed as soon as it completes.
 */
enum state {
	S_STREAM, S_DOC, S_ROOT, S_KEY, S_VALUE, S_CARDS, S_DOCEND, S_DONE
};

enum input { IN_OK, IN_TOOLONG, IN_TOOBIG, IN_ERRNO };

/* What a value turned out to be. */
enum { V_NONE, V_TEXT, V_BAD };

struct ctx {
	const char		*path;
	const struct deck_limits *lim;
	deck_card_fn		 fn;
	void			*arg;
	struct deck_info	*info;

	FILE			*fp;
	size_t			 read_total;
	size_t			 read_since_event;
	enum input		 input;
	int			 input_errno;
	struct pos		 event_at;	/* the last event's */

	enum state		 state;
	bool			 stop;
	bool			 fn_stopped;
	size_t			 docs;
	struct pos		 root_at;
	size_t			 seen[DK_N];	/* line of each deck key */
	enum deck_key		 key;		/* whose value comes next */
	struct pos		 cards_at;
	size_t			 items;		/* in 'cards', so far */

	struct frame		*stack;		/* the tree being built */
	size_t			 nstack;
	size_t			 stackcap;
	size_t			 open;		/* streamed collections */
	struct pos		 tree_at;
	size_t			 tree_size;
	bool			 tree_over;
	size_t			 tree_errors;	/* errors before the tree */

	size_t			 expansion;
	struct anchors		 anchors;

	struct diag		*diags;
	size_t			 ndiags;
	size_t			 diagscap;
	size_t			 errors;
	size_t			 warnings;
	bool			 gave_up;
};

/* One card's values while it is checked. */
struct card {
	const struct slot	*val[CK_N];
	int			 st[CK_N];	/* V_NONE, V_TEXT or V_BAD */
	const char		*text[CK_N];
	bool			 merged;	/* '<<': nothing missing */
	char			*tags;
	char			*derived;
};

static size_t
sat_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

static char
lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

static bool
is_alnum(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9');
}

static struct pos
pos_of(const yaml_event_t *ev)
{
	struct pos at = { ev->start_mark.line + 1, ev->start_mark.column + 1 };

	return at;
}

/*
 * User text for a message: control characters would reach the terminal
 * (a double-quoted "\e" is valid YAML), so they become '?', and a long
 * value is cut on a character boundary.
 */
static const char *
show(char *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n = 0;

	while (i < len && n < SHOW_MAX) {
		if (u[i] < 0x20 || u[i] == 0x7f) {
			out[n++] = '?';
			i++;
		} else if (u[i] == 0xc2 && i + 1 < len && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9f) {
			out[n++] = '?';
			i += 2;
		} else
			out[n++] = s[i++];
	}
	if (i < len) {
		while (n > 0 && ((unsigned char)out[n - 1] & 0xc0) == 0x80)
			n--;
		if (n > 0 && ((unsigned char)out[n - 1] & 0x80))
			n--;
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
	return out;
}

static void
diag_add(struct ctx *c, bool warning, const struct pos *at, char *msg)
{
	struct diag *d;

	if (c->ndiags == c->diagscap) {
		c->diagscap = c->diagscap ? c->diagscap * 2 : 16;
		c->diags = xreallocarray(c->diags, c->diagscap,
		    sizeof *c->diags);
	}
	d = &c->diags[c->ndiags];
	d->at.line = at != NULL ? at->line : 0;
	d->at.column = at != NULL ? at->column : 0;
	d->seq = c->ndiags++;
	d->warning = warning;
	d->msg = msg;
}

/*
 * Errors stop at lim->errors.  Warnings are counted but only as many are
 * kept: a deck of 200,000 cards without ids is valid and should not
 * print 200,000 lines.
 */
static void
vreport(struct ctx *c, bool warning, const struct pos *at, const char *fmt,
    va_list ap)
{
	if (warning) {
		if (c->warnings++ < c->lim->errors)
			diag_add(c, true, at, xvasprintf(fmt, ap));
		return;
	}
	if (c->gave_up)
		return;
	c->errors++;
	if (c->errors > c->lim->errors) {
		c->gave_up = c->stop = true;
		diag_add(c, false, NULL, xstrdup("too many errors, giving up"));
		return;
	}
	diag_add(c, false, at, xvasprintf(fmt, ap));
}

static void errorf(struct ctx *, const struct pos *, const char *, ...)
    __attribute__((format(printf, 3, 4)));
static void fatalf(struct ctx *, const struct pos *, const char *, ...)
    __attribute__((format(printf, 3, 4)));
static void warnf(struct ctx *, const struct pos *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void
errorf(struct ctx *c, const struct pos *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(c, false, at, fmt, ap);
	va_end(ap);
}

static void
fatalf(struct ctx *c, const struct pos *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(c, false, at, fmt, ap);
	va_end(ap);
	c->stop = true;
}

static void
warnf(struct ctx *c, const struct pos *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(c, true, at, fmt, ap);
	va_end(ap);
}

/* Position-less diagnostics (file-wide, giving up) sort last. */
static int
diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	size_t xl = x->at.line ? x->at.line : SIZE_MAX;
	size_t yl = y->at.line ? y->at.line : SIZE_MAX;

	if (xl != yl)
		return xl < yl ? -1 : 1;
	if (x->at.column != y->at.column)
		return x->at.column < y->at.column ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * Errors are found out of order (a missing key only at the end of its
 * mapping, an event-level error before the card it is in is checked),
 * so they are kept, few as they are, and printed in file order.
 */
static void
diag_flush(struct ctx *c, FILE *out)
{
	struct diag *d;
	size_t i;

	if (c->warnings > c->lim->errors)
		diag_add(c, true, NULL, xasprintf("%zu more warnings not shown",
		    c->warnings - c->lim->errors));
	if (c->ndiags > 0)
		qsort(c->diags, c->ndiags, sizeof *c->diags, diag_cmp);
	for (i = 0; i < c->ndiags; i++) {
		d = &c->diags[i];
		if (d->at.line != 0)
			fprintf(out, "%s:%zu:%zu: %s: %s\n", c->path,
			    d->at.line, d->at.column,
			    d->warning ? "warning" : "error", d->msg);
		else
			fprintf(out, "%s: %s: %s\n", c->path,
			    d->warning ? "warning" : "error", d->msg);
		free(d->msg);
	}
	free(c->diags);
	fflush(out);
}

static struct node *
node_new(enum node_type type)
{
	struct node *n = xcalloc(1, sizeof *n);

	n->type = type;
	n->refs = 1;
	n->size = 1;
	n->height = type == NODE_SCALAR ? 0 : 1;
	return n;
}

/* Heights never pass lim->depth (aliases included): bounded recursion. */
static void
node_unref(struct node *n)
{
	size_t i;

	if (n == NULL || --n->refs > 0)
		return;
	for (i = 0; i < n->nkids; i++)
		node_unref(n->kids[i].node);
	free(n->kids);
	free(n->text);
	free(n);
}

static bool
node_is_null(const struct node *n)
{
	return n->type == NODE_SCALAR && (n->len == 0 ||
	    (n->plain && n->len == 1 && n->text != NULL && n->text[0] == '~'));
}

static const char *
describe(const struct node *n)
{
	if (n->type == NODE_MAP)
		return "a mapping";
	if (n->type == NODE_LIST)
		return "a list";
	return node_is_null(n) ? "nothing" : "text";
}

static struct anchor **
anchor_find(struct anchors *t, const char *name)
{
	struct anchor **a;

	if (t->nbuckets == 0)
		return NULL;
	a = &t->bucket[hash_bytes(HASH_INIT, name, strlen(name)) &
	    (t->nbuckets - 1)];
	while (*a != NULL && strcmp((*a)->name, name) != 0)
		a = &(*a)->next;
	return a;
}

static void
anchor_grow(struct anchors *t)
{
	struct anchor **old = t->bucket, *a, *next;
	size_t i, n = t->nbuckets;

	t->nbuckets = n ? n * 2 : 16;
	t->bucket = xcalloc(t->nbuckets, sizeof *t->bucket);
	for (i = 0; i < n; i++) {
		for (a = old[i]; a != NULL; a = next) {
			next = a->next;
			a->next = *anchor_find(t, a->name);
			*anchor_find(t, a->name) = a;
		}
	}
	free(old);
}

/*
 * A later anchor of the same name replaces the earlier (YAML says so).
 * The top mapping and the card list are never kept whole: their anchors
 * are recorded without a node, to explain why an alias cannot use them.
 */
static void
anchor_set(struct ctx *c, const yaml_char_t *name, struct node *n)
{
	struct anchors *t = &c->anchors;
	struct anchor **a, *new;

	if (name == NULL)
		return;
	if (t->n >= t->nbuckets)
		anchor_grow(t);
	if (n != NULL)
		n->refs++;
	a = anchor_find(t, (const char *)name);
	if (*a != NULL) {
		node_unref((*a)->node);
		(*a)->node = n;
		return;
	}
	new = xcalloc(1, sizeof *new);
	new->name = xstrdup((const char *)name);
	new->node = n;
	*a = new;
	t->n++;
}

static struct anchor *
anchor_get(struct ctx *c, const yaml_char_t *name)
{
	struct anchor **a = anchor_find(&c->anchors, (const char *)name);

	return a != NULL ? *a : NULL;
}

static void
anchors_free(struct anchors *t)
{
	struct anchor *a, *next;
	size_t i;

	for (i = 0; i < t->nbuckets; i++) {
		for (a = t->bucket[i]; a != NULL; a = next) {
			next = a->next;
			node_unref(a->node);
			free(a->name);
			free(a);
		}
	}
	free(t->bucket);
}

static bool
depth_ok(struct ctx *c, size_t more, const struct pos *at)
{
	if (sat_add(c->open + c->nstack, more) <= c->lim->depth)
		return true;
	fatalf(c, at, "nesting deeper than %zu levels", c->lim->depth);
	return false;
}

static void
check_tag(struct ctx *c, const yaml_event_t *ev)
{
	const yaml_char_t *tag = NULL;
	struct pos at = pos_of(ev);

	if (ev->type == YAML_SCALAR_EVENT)
		tag = ev->data.scalar.tag;
	else if (ev->type == YAML_SEQUENCE_START_EVENT)
		tag = ev->data.sequence_start.tag;
	else if (ev->type == YAML_MAPPING_START_EVENT)
		tag = ev->data.mapping_start.tag;
	if (tag != NULL)
		errorf(c, &at, "YAML tags are not allowed");
}

/*
 * Count what the tree in progress holds.  Past the card limit its nodes
 * are still counted (anchors inside stay exact for the expansion limit)
 * but no longer kept, so memory stays bounded.
 */
static void
tree_grow(struct ctx *c, size_t n)
{
	c->tree_size = sat_add(c->tree_size, n);
	if (c->tree_over || c->tree_size <= c->lim->card_bytes)
		return;
	c->tree_over = true;
	errorf(c, &c->tree_at, "%s too large (limit %zu bytes after "
	    "expanding aliases)", c->state == S_CARDS ? "card" : "value",
	    c->lim->card_bytes);
}

static struct node *
tree_scalar(struct ctx *c, const yaml_event_t *ev, const struct pos *at)
{
	struct node *n = node_new(NODE_SCALAR);
	size_t len = ev->data.scalar.length;

	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->len = len;
	n->size = sat_add(len, 1);
	tree_grow(c, n->size);
	if (len > c->lim->scalar_bytes) {
		errorf(c, at, "value too long (limit %zu bytes)",
		    c->lim->scalar_bytes);
		n->bad = true;
	} else if (c->tree_over)
		n->bad = true;
	else
		n->text = xstrndup((const char *)ev->data.scalar.value, len);
	anchor_set(c, ev->data.scalar.anchor, n);
	return n;
}

/* The anchored node, shared; NULL after a fatal error. */
static struct node *
tree_alias(struct ctx *c, const yaml_event_t *ev, const struct pos *at)
{
	struct anchor *a = anchor_get(c, ev->data.alias.anchor);
	struct node *n = a != NULL ? a->node : NULL;
	char q[SHOW_MAX + 4];
	const char *name = (const char *)ev->data.alias.anchor;

	if (n == NULL) {
		show(q, name, strlen(name));
		if (a == NULL)
			errorf(c, at, "alias '*%s' has no anchor '&%s' before "
			    "it", q, q);
		else
			errorf(c, at, "alias '*%s' cannot repeat the whole "
			    "deck or its list of cards", q);
		n = node_new(NODE_SCALAR);
		n->bad = true;
		tree_grow(c, n->size);
		return n;
	}
	if (!depth_ok(c, n->height, at))
		return NULL;
	c->expansion = sat_add(c->expansion, n->size);
	if (c->expansion > c->lim->expansion) {
		fatalf(c, at, "aliases expand beyond the limit of %zu bytes",
		    c->lim->expansion);
		return NULL;
	}
	tree_grow(c, n->size);
	n->refs++;
	return n;
}

static void
tree_open(struct ctx *c, const yaml_event_t *ev, const struct pos *at)
{
	struct frame *f;
	const yaml_char_t *anchor;

	if (!depth_ok(c, 1, at))
		return;
	if (c->nstack == c->stackcap) {
		c->stackcap = c->stackcap ? c->stackcap * 2 : 8;
		c->stack = xreallocarray(c->stack, c->stackcap,
		    sizeof *c->stack);
	}
	f = &c->stack[c->nstack++];
	if (ev->type == YAML_MAPPING_START_EVENT) {
		f->slot.node = node_new(NODE_MAP);
		anchor = ev->data.mapping_start.anchor;
	} else {
		f->slot.node = node_new(NODE_LIST);
		anchor = ev->data.sequence_start.anchor;
	}
	f->slot.at = *at;
	f->slot.alias = false;
	f->anchor = anchor ? xstrdup((const char *)anchor) : NULL;
	tree_grow(c, 1);
}

static struct slot
tree_close(struct ctx *c)
{
	struct frame *f = &c->stack[--c->nstack];

	if (c->tree_over)
		f->slot.node->bad = true;
	anchor_set(c, (const yaml_char_t *)f->anchor, f->slot.node);
	free(f->anchor);
	return f->slot;
}

/* Hang a completed node on its parent; true when it is the tree itself. */
static bool
tree_attach(struct ctx *c, struct slot s, struct slot *done)
{
	struct node *p;

	if (c->nstack == 0) {
		*done = s;
		return true;
	}
	p = c->stack[c->nstack - 1].slot.node;
	p->size = sat_add(p->size, s.node->size);
	if (p->height < s.node->height + 1)
		p->height = s.node->height + 1;
	if (c->tree_over) {
		node_unref(s.node);
		return false;
	}
	if (p->nkids == p->kidscap) {
		p->kidscap = p->kidscap ? p->kidscap * 2 : 4;
		p->kids = xreallocarray(p->kids, p->kidscap, sizeof *p->kids);
	}
	p->kids[p->nkids++] = s;
	return false;
}

/* Feed one event to the tree; true and *done when the tree completes. */
static bool
tree_event(struct ctx *c, const yaml_event_t *ev, struct slot *done)
{
	struct slot s = { NULL, pos_of(ev), false };

	check_tag(c, ev);
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		s.node = tree_scalar(c, ev, &s.at);
		break;
	case YAML_ALIAS_EVENT:
		if ((s.node = tree_alias(c, ev, &s.at)) == NULL)
			return false;
		s.alias = true;
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		tree_open(c, ev, &s.at);
		return false;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		s = tree_close(c);
		break;
	default:
		abort();	/* libyaml nests documents outside nodes */
	}
	return tree_attach(c, s, done);
}

static int
text_value(struct ctx *c, const char *key, const struct slot *v,
    const char **out)
{
	const struct node *n = v->node;

	if (n->bad)
		return V_BAD;
	if (n->type != NODE_SCALAR) {
		errorf(c, &v->at, "'%s' must be text, found %s", key,
		    describe(n));
		return V_BAD;
	}
	if (node_is_null(n))
		return V_NONE;
	if (strlen(n->text) != n->len) {
		errorf(c, &v->at, "'%s' contains a NUL character", key);
		return V_BAD;
	}
	*out = n->text;
	return V_TEXT;
}

static bool
valid_kind(struct ctx *c, const struct slot *v, const char *s)
{
	char q[SHOW_MAX + 4];

	if (strcmp(s, "recall") == 0 || strcmp(s, "practice") == 0 ||
	    strcmp(s, "ask") == 0)
		return true;
	errorf(c, &v->at, "unknown kind '%s' (expected recall, practice or "
	    "ask)", show(q, s, strlen(s)));
	return false;
}

static void
json_string(struct buf *b, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, run;

	buf_addc(b, '"');
	for (i = 0; i < len; i++) {
		/* Runs that need no escape go in whole. */
		for (run = i; i < len && u[i] >= 0x20 && u[i] != '"' &&
		    u[i] != '\\'; i++)
			;
		if (i > run)
			buf_add(b, s + run, i - run);
		if (i == len)
			break;
		if (u[i] == '"' || u[i] == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)u[i]);
		} else if (u[i] == '\n')
			buf_adds(b, "\\n");
		else if (u[i] == '\t')
			buf_adds(b, "\\t");
		else if (u[i] == '\r')
			buf_adds(b, "\\r");
		else
			buf_printf(b, "\\u%04x", u[i]);
	}
	buf_addc(b, '"');
}

static bool
tag_item(struct ctx *c, const struct slot *t, struct buf *b)
{
	const struct node *n = t->node;
	char q[SHOW_MAX + 4];
	size_t i;

	if (n->bad)
		return false;
	if (n->type != NODE_SCALAR) {
		errorf(c, &t->at, "a tag must be text, found %s", describe(n));
		return false;
	}
	if (node_is_null(n)) {
		errorf(c, &t->at, "empty tag");
		return false;
	}
	for (i = 0; i < n->len; i++) {
		if (n->text[i] != '\0' &&
		    strchr(" \t\n\r\f\v", n->text[i]) != NULL) {
			errorf(c, &t->at, "tag '%s' must be one word (no "
			    "spaces)", show(q, n->text, n->len));
			return false;
		}
	}
	if (b->len > 1)
		buf_addc(b, ',');
	json_string(b, n->text, n->len);
	return true;
}

/* The tags as a JSON array in *out (the caller's), or V_NONE/V_BAD. */
static int
tags_value(struct ctx *c, const struct slot *v, char **out)
{
	const struct node *n = v->node;
	struct buf b = { NULL, 0, 0 };
	bool ok = true;
	size_t i;

	if (n->bad)
		return V_BAD;
	if (node_is_null(n))
		return V_NONE;
	if (n->type != NODE_LIST) {
		errorf(c, &v->at, "'tags' must be a list, e.g. [a, b]");
		return V_BAD;
	}
	buf_addc(&b, '[');
	for (i = 0; i < n->nkids; i++)
		ok = tag_item(c, &n->kids[i], &b) && ok;
	if (!ok) {
		buf_free(&b);
		return V_BAD;
	}
	buf_addc(&b, ']');
	*out = b.data;
	return V_TEXT;
}

/*
 * Damerau-Levenshtein distance (optimal string alignment: adjacent
 * transpositions count one) of two short strings, ignoring ASCII case.
 */
static size_t
edit_distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t d[SUGGEST_MAX + 1][SUGGEST_MAX + 1], i, j, cost, v;

	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			cost = lower(a[i - 1]) != lower(b[j - 1]);
			v = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2])
			    && lower(a[i - 2]) == lower(b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

/*
 * The valid key a misspelt one most likely meant: a case variant, or
 * two edits at most, and not more edits than half the key ('x' is not a
 * typo for 'id').
 */
static const char *
suggest(const struct node *key, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t i, d, bestd = SIZE_MAX;

	if (key->len > SUGGEST_MAX)
		return NULL;
	for (i = 0; i < n; i++) {
		if (strlen(names[i]) > SUGGEST_MAX)
			continue;
		d = edit_distance(key->text, key->len, names[i],
		    strlen(names[i]));
		if (d < bestd) {
			bestd = d;
			best = names[i];
		}
	}
	if (bestd == 0 || (bestd <= 2 && bestd * 2 <= key->len))
		return best;
	return NULL;
}

static void
unknown_key(struct ctx *c, const struct slot *k, const char *const *names,
    size_t n, bool card)
{
	const char *s = suggest(k->node, names, n);
	char q[SHOW_MAX + 4];

	show(q, k->node->text, k->node->len);
	if (s != NULL)
		errorf(c, &k->at, "unknown key '%s' (did you mean '%s'?)", q,
		    s);
	else if (card)
		errorf(c, &k->at, "unknown key '%s' in a card (valid keys: id, "
		    "front, back, kind, hint, tags, example)", q);
	else
		errorf(c, &k->at, "unknown key '%s' at the top level (valid "
		    "keys: deck, title, language, kind, description, tags, "
		    "cards)", q);
}

/*
 * Which of names[] the key is, or once reported why it is none, -1, or
 * -2 for a merge key (which may have been meant to supply the others).
 */
static int
key_index(struct ctx *c, const struct slot *k, const char *const *names,
    size_t n, size_t *seen, bool card)
{
	const struct node *key = k->node;
	size_t i;

	if (key->bad)
		return -1;
	if (key->type != NODE_SCALAR) {
		errorf(c, &k->at, "a key must be text, found %s",
		    describe(key));
		return -1;
	}
	if (node_is_null(key)) {
		errorf(c, &k->at, "empty key");
		return -1;
	}
	if (key->plain && key->len == 2 && memcmp(key->text, "<<", 2) == 0) {
		errorf(c, &k->at, "merge keys (<<) are not allowed");
		return -2;
	}
	for (i = 0; i < n; i++)
		if (strlen(names[i]) == key->len &&
		    memcmp(names[i], key->text, key->len) == 0)
			break;
	if (i == n) {
		unknown_key(c, k, names, n, card);
		return -1;
	}
	if (seen[i] != 0) {
		errorf(c, &k->at, "duplicate key '%s' (first at line %zu)",
		    names[i], seen[i]);
		return -1;
	}
	seen[i] = k->at.line;
	return (int)i;
}

static void
card_fields(struct ctx *c, const struct node *map, struct card *k)
{
	size_t seen[CK_N] = { 0 }, i;
	int ki;

	for (i = 0; i + 1 < map->nkids; i += 2) {
		ki = key_index(c, &map->kids[i], card_keys, CK_N, seen, true);
		if (ki >= 0)
			k->val[ki] = &map->kids[i + 1];
		else if (ki == -2)
			k->merged = true;
	}
}

static void
card_values(struct ctx *c, struct card *k)
{
	char q[SHOW_MAX + 4];
	const char *s;
	int i;

	for (i = 0; i < CK_N; i++) {
		if (k->val[i] == NULL)
			continue;
		if (i == CK_TAGS) {
			k->st[i] = tags_value(c, k->val[i], &k->tags);
			continue;
		}
		k->st[i] = text_value(c, card_keys[i], k->val[i], &k->text[i]);
		s = k->text[i];
		if (k->st[i] == V_NONE && (i == CK_FRONT || i == CK_BACK))
			errorf(c, &k->val[i]->at, "empty '%s'", card_keys[i]);
		if (k->st[i] != V_TEXT)
			k->text[i] = NULL;
		else if (i == CK_KIND && !valid_kind(c, k->val[i], s))
			k->st[i] = V_BAD;
		else if (i == CK_ID && !deck_valid_id(s)) {
			errorf(c, &k->val[i]->at, "invalid card id '%s': use "
			    "lower-case letters, digits and '-' (at most %d)",
			    show(q, s, strlen(s)), DECK_ID_MAX);
			k->st[i] = V_BAD;
		}
	}
}

/* The card's id, given or derived (with a warning); NULL when it has none. */
static const char *
card_id(struct ctx *c, const struct slot *s, struct card *k,
    const struct pos **at)
{
	*at = &s->at;
	if (k->st[CK_ID] == V_TEXT) {
		*at = &k->val[CK_ID]->at;
		return k->text[CK_ID];
	}
	if (k->st[CK_ID] != V_NONE || k->st[CK_FRONT] != V_TEXT)
		return NULL;
	k->derived = deck_derive_id(k->text[CK_FRONT]);
	warnf(c, *at, "card has no id; its progress restarts when the "
	    "front changes (suggested: id: %s)", k->derived);
	return k->derived;
}

/*
 * Give a card to the caller, who keeps the ids: a broken one for its id
 * alone.  The caller may name an earlier card with the same id, or stop.
 */
static void
card_hand(struct ctx *c, const struct slot *s, const struct card *k,
    size_t index, const char *id, const struct pos *id_at, bool broken)
{
	struct deck_card dc;
	char q[SHOW_MAX + 4];
	long rv = 0;

	memset(&dc, 0, sizeof dc);
	dc.index = index;
	dc.line = s->at.line;
	dc.column = s->at.column;
	dc.id = id;
	dc.id_derived = k->derived != NULL;
	dc.id_line = id_at->line;
	dc.deck = c->info->id;
	dc.broken = broken;
	if (!broken) {
		dc.kind = k->text[CK_KIND];
		dc.front = k->text[CK_FRONT];
		dc.back = k->text[CK_BACK];
		dc.hint = k->text[CK_HINT];
		dc.example = k->text[CK_EXAMPLE];
		dc.tags = k->st[CK_TAGS] == V_TEXT ? k->tags : NULL;
		dc.deck_kind = c->info->kind;
	}
	if (c->fn != NULL)
		rv = c->fn(c->arg, &dc);
	if (rv > 0)
		errorf(c, id_at, "duplicate card id '%s' (first at line %ld)",
		    show(q, id, strlen(id)), rv);
	else if (!broken)
		c->info->cards++;
	if (rv < 0)
		c->fn_stopped = c->stop = true;
}

/*
 * An alias to a value that was refused where it was defined brings no
 * new error, but the card must not go out without its text.
 */
static bool
card_complete(const struct card *k)
{
	return k->st[CK_FRONT] == V_TEXT && k->st[CK_BACK] == V_TEXT &&
	    (k->st[CK_ID] == V_TEXT || k->derived != NULL);
}

/*
 * A card repeated by an alias is blamed where the alias is, not where
 * the original's keys are: a shallow copy with the alias's position.
 */
static const struct node *
card_at_alias(const struct slot *s, struct node *copy)
{
	size_t i;

	if (!s->alias)
		return s->node;
	*copy = *s->node;
	copy->kids = xreallocarray(NULL, copy->nkids, sizeof *copy->kids);
	for (i = 0; i < copy->nkids; i++) {
		copy->kids[i] = s->node->kids[i];
		copy->kids[i].at = s->at;
	}
	return copy;
}

/* Check one card; hand it over when nothing was wrong since it began. */
static void
card_check(struct ctx *c, const struct slot *s, size_t index)
{
	struct node copy;
	struct card k;
	const struct pos *id_at;
	const char *id;
	int i;

	if (s->node->bad)
		return;
	if (s->node->type != NODE_MAP) {
		errorf(c, &s->at, "a card must be a mapping (front, back, "
		    "...), found %s", describe(s->node));
		return;
	}
	memset(&k, 0, sizeof k);
	for (i = 0; i < CK_N; i++)
		k.st[i] = V_NONE;
	card_fields(c, card_at_alias(s, &copy), &k);
	card_values(c, &k);
	if (k.val[CK_FRONT] == NULL && !k.merged)
		errorf(c, &s->at, "card has no 'front'");
	if (k.val[CK_BACK] == NULL && !k.merged)
		errorf(c, &s->at, "card has no 'back'");
	id = card_id(c, s, &k, &id_at);
	if (id != NULL && !c->stop)
		card_hand(c, s, &k, index, id, id_at,
		    c->errors != c->tree_errors || !card_complete(&k));
	if (s->alias)
		free(copy.kids);
	free(k.tags);
	free(k.derived);
}

/* A card, unless there are already as many as the limit allows. */
static bool
card_count(struct ctx *c, const struct pos *at)
{
	if (c->items == c->lim->cards) {
		fatalf(c, at, "too many cards (limit %zu)", c->lim->cards);
		return false;
	}
	c->items++;
	return true;
}

static bool
valid_language(const char *s)
{
	size_t n = 0;

	while (n < 9 && ((s[n] >= 'a' && s[n] <= 'z') ||
	    (s[n] >= 'A' && s[n] <= 'Z')))
		n++;
	if (n < 2 || n > 8)
		return false;
	s += n;
	while (*s == '-') {
		s++;
		for (n = 0; n < 9 && is_alnum(s[n]); n++)
			;
		if (n < 1 || n > 8)
			return false;
		s += n;
	}
	return *s == '\0';
}

/* 'cards:' given as something else than the list that is streamed. */
static void
cards_value(struct ctx *c, const struct slot *v)
{
	const struct node *n = v->node;
	size_t i;

	if (n->bad)
		return;
	if (node_is_null(n)) {
		errorf(c, &v->at, "empty 'cards' (write 'cards: []' for a deck "
		    "without cards)");
		return;
	}
	if (n->type != NODE_LIST) {
		errorf(c, &v->at, "'cards' must be a list of cards, found %s",
		    describe(n));
		return;
	}
	if (n->nkids == 0)
		warnf(c, &v->at, "deck has no cards");
	for (i = 0; i < n->nkids && !c->stop; i++) {
		if (!card_count(c, &n->kids[i].at))
			return;
		c->tree_errors = c->errors;
		card_check(c, &n->kids[i], c->items - 1);
	}
}

static void
deck_value(struct ctx *c, const struct slot *v, char **dst)
{
	const char *key = deck_keys[c->key], *s = NULL;
	char q[SHOW_MAX + 4];
	int st;

	if (c->key == DK_TAGS) {
		tags_value(c, v, dst);
		return;
	}
	st = text_value(c, key, v, &s);
	if (st == V_NONE && c->key == DK_DECK)
		errorf(c, &v->at, "empty 'deck'");
	if (st != V_TEXT)
		return;
	if (c->key == DK_DECK && !deck_valid_id(s))
		errorf(c, &v->at, "invalid deck id '%s': use lower-case "
		    "letters, digits and '-' (at most %d)",
		    show(q, s, strlen(s)), DECK_ID_MAX);
	else if (c->key == DK_LANGUAGE && !valid_language(s))
		errorf(c, &v->at, "invalid language '%s': use a language tag "
		    "such as en, nl or pt-BR", show(q, s, strlen(s)));
	else if (c->key != DK_KIND || valid_kind(c, v, s))
		*dst = xstrdup(s);
}

static void
root_value(struct ctx *c, const struct slot *v)
{
	struct deck_info *i = c->info;
	char **dst[DK_N] = { &i->id, &i->title, &i->language, &i->kind,
	    &i->description, &i->tags, NULL };

	if (c->key == DK_CARDS)
		cards_value(c, v);
	else if (c->key != DK_SKIP)
		deck_value(c, v, dst[c->key]);
	c->state = S_KEY;
}

static void
root_key(struct ctx *c, const struct slot *k)
{
	int i = key_index(c, k, deck_keys, DK_N, c->seen, false);

	c->key = i < 0 ? DK_SKIP : (enum deck_key)i;
	c->state = S_VALUE;
}

static void
root_start(struct ctx *c, const yaml_event_t *ev, const struct pos *at)
{
	const char *found = "text";

	if (ev->type == YAML_MAPPING_START_EVENT) {
		check_tag(c, ev);
		anchor_set(c, ev->data.mapping_start.anchor, NULL);
		if (depth_ok(c, 1, at)) {
			c->open = 1;
			c->root_at = *at;
			c->state = S_KEY;
		}
		return;
	}
	if (ev->type == YAML_SEQUENCE_START_EVENT)
		found = "a list";
	else if (ev->type == YAML_ALIAS_EVENT)
		found = "an alias";
	else if (ev->data.scalar.length == 0 ||
	    (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    strcmp((const char *)ev->data.scalar.value, "~") == 0))
		found = "nothing";
	fatalf(c, at, "expected a mapping with 'deck' and 'cards' at the top, "
	    "found %s", found);
}

static void
root_end(struct ctx *c)
{
	if (c->seen[DK_DECK] == 0)
		errorf(c, &c->root_at, "missing key 'deck'");
	if (c->seen[DK_CARDS] == 0)
		errorf(c, &c->root_at, "missing key 'cards'");
	c->open = 0;
	c->state = S_DOCEND;
}

static void
doc_event(struct ctx *c, const yaml_event_t *ev, const struct pos *at)
{
	static const struct pos start = { 1, 1 };

	if (ev->type == YAML_STREAM_END_EVENT) {
		if (c->docs == 0)
			errorf(c, &start, "empty file: a deck needs 'deck' and "
			    "'cards'");
		c->state = S_DONE;
		return;
	}
	if (c->docs++ > 0) {
		fatalf(c, at, "only one deck per file: a second document "
		    "starts here");
		return;
	}
	c->state = S_ROOT;
}

static void
cards_start(struct ctx *c, const yaml_event_t *ev, const struct pos *at)
{
	check_tag(c, ev);
	anchor_set(c, ev->data.sequence_start.anchor, NULL);
	if (!depth_ok(c, 1, at))
		return;
	c->open++;
	c->cards_at = *at;
	c->items = 0;
	c->state = S_CARDS;
}

static void
cards_end(struct ctx *c)
{
	if (c->items == 0)
		warnf(c, &c->cards_at, "deck has no cards");
	c->open--;
	c->state = S_KEY;
}

/* Events outside any tree: the stream, the document, the streamed parts. */
static void
top_event(struct ctx *c, const yaml_event_t *ev)
{
	struct pos at = pos_of(ev);

	switch (c->state) {
	case S_STREAM:
		c->state = S_DOC;
		break;
	case S_DOC:
		doc_event(c, ev, &at);
		break;
	case S_ROOT:
		root_start(c, ev, &at);
		break;
	case S_KEY:
		root_end(c);
		break;
	case S_VALUE:
		cards_start(c, ev, &at);
		break;
	case S_CARDS:
		cards_end(c);
		break;
	case S_DOCEND:
		c->state = S_DOC;
		break;
	case S_DONE:
		abort();	/* libyaml ends the stream once */
	}
}

static bool
starts_node(const yaml_event_t *ev)
{
	return ev->type == YAML_SCALAR_EVENT || ev->type == YAML_ALIAS_EVENT ||
	    ev->type == YAML_SEQUENCE_START_EVENT ||
	    ev->type == YAML_MAPPING_START_EVENT;
}

/*
 * Every node becomes a tree but the two that can be huge, the top
 * mapping and the list under 'cards': those are followed event by event.
 */
static bool
starts_tree(const struct ctx *c, const yaml_event_t *ev)
{
	if (!starts_node(ev))
		return false;
	if (c->state == S_KEY || c->state == S_CARDS)
		return true;
	return c->state == S_VALUE && (c->key != DK_CARDS ||
	    ev->type != YAML_SEQUENCE_START_EVENT);
}

static bool
tree_begin(struct ctx *c, const yaml_event_t *ev)
{
	c->tree_at = pos_of(ev);
	if (c->state == S_CARDS && !card_count(c, &c->tree_at))
		return false;
	c->tree_size = 0;
	c->tree_over = false;
	c->tree_errors = c->errors;
	return true;
}

static void
tree_done(struct ctx *c, const struct slot *s)
{
	switch (c->state) {
	case S_KEY:
		root_key(c, s);
		break;
	case S_VALUE:
		root_value(c, s);
		break;
	case S_CARDS:
		card_check(c, s, c->items - 1);
		break;
	default:
		abort();
	}
}

static void
on_event(struct ctx *c, const yaml_event_t *ev)
{
	struct slot s;

	if (c->nstack == 0) {
		if (!starts_tree(c, ev)) {
			top_event(c, ev);
			return;
		}
		if (!tree_begin(c, ev))
			return;
	}
	if (!tree_event(c, ev, &s))
		return;
	if (!c->stop)
		tree_done(c, &s);
	node_unref(s.node);
}

/*
 * libyaml buffers a whole scalar before it produces an event, so the
 * limits are kept here, where the bytes come in: a 50 MB value is
 * refused after a few megabytes, not after libyaml has read it all.
 */
static int
input_read(void *arg, unsigned char *buf, size_t size, size_t *n)
{
	struct ctx *c = arg;
	size_t most;

	most = sat_add(c->lim->scalar_bytes > SIZE_MAX / 4 ? SIZE_MAX :
	    c->lim->scalar_bytes * 4, 65536);
	*n = fread(buf, 1, size, c->fp);
	if (*n == 0 && ferror(c->fp)) {
		c->input = IN_ERRNO;
		c->input_errno = errno != 0 ? errno : EIO;
		return 0;
	}
	c->read_total = sat_add(c->read_total, *n);
	c->read_since_event = sat_add(c->read_since_event, *n);
	if (c->read_total > c->lim->file_bytes)
		c->input = IN_TOOBIG;
	else if (c->read_since_event > most)
		c->input = IN_TOOLONG;
	return c->input == IN_OK;
}

/*
 * libyaml reports encoding errors by byte offset only: count lines and
 * characters (as its marks do) up to there.
 */
static bool
offset_pos(FILE *fp, size_t off, struct pos *at)
{
	unsigned char bom[3];
	size_t i = 0;
	int ch, prev = 0;

	if (fseeko(fp, 0, SEEK_SET) != 0)
		return false;
	clearerr(fp);
	/* libyaml drops a byte order mark before it counts columns. */
	if (off >= 3 && fread(bom, 1, 3, fp) == 3 &&
	    memcmp(bom, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	else if (fseeko(fp, 0, SEEK_SET) != 0)
		return false;
	at->line = at->column = 1;
	for (; i < off && (ch = getc(fp)) != EOF; i++, prev = ch) {
		if (ch == '\n' && prev == '\r')
			continue;
		if (ch == '\n' || ch == '\r') {
			at->line++;
			at->column = 1;
		} else if ((ch & 0xc0) != 0x80)
			at->column++;
	}
	return i == off;
}

/*
 * libyaml blames the byte after a bad lead byte ("Caf\xe9 au lait" is
 * Latin-1, not a bad space): go back to the lead byte, which is the one
 * to show.
 */
static size_t
utf8_lead(FILE *fp, size_t off)
{
	unsigned char b[3];
	size_t n = off < 3 ? off : 3, i;

	if (fseeko(fp, (off_t)(off - n), SEEK_SET) != 0 ||
	    fread(b, 1, n, fp) != n)
		return off;
	for (i = n; i > 0; i--)
		if ((b[i - 1] & 0xc0) == 0xc0)
			return off - (n - i + 1);
	return off;
}

static char *
reader_message(const yaml_parser_t *p, FILE *fp, size_t *off)
{
	const char *s = p->problem;
	int v = p->problem_value, lead;

	if (strcmp(s, "invalid trailing UTF-8 octet") == 0) {
		*off = utf8_lead(fp, *off);
		if (fseeko(fp, (off_t)*off, SEEK_SET) == 0 &&
		    (lead = getc(fp)) != EOF)
			v = lead;
	}
	if (strcmp(s, "invalid leading UTF-8 octet") == 0 ||
	    strcmp(s, "invalid trailing UTF-8 octet") == 0)
		return xasprintf("invalid UTF-8 (byte 0x%02x): the file must "
		    "be saved as UTF-8", v & 0xff);
	if (strcmp(s, "incomplete UTF-8 octet sequence") == 0)
		return xstrdup("invalid UTF-8 (the file ends inside a "
		    "character)");
	if (strcmp(s, "invalid length of a UTF-8 sequence") == 0)
		return xstrdup("invalid UTF-8 (overlong encoding)");
	if (strcmp(s, "invalid Unicode character") == 0)
		return xasprintf("invalid Unicode character U+%04X", v);
	if (strcmp(s, "control characters are not allowed") == 0) {
		if (v < 0x80)
			return xasprintf("control character 0x%02x is not "
			    "allowed (is this a binary file?)", v);
		return xasprintf("control character U+%04X is not "
		    "allowed", v);
	}
	return xstrdup(s);
}

static void
reader_error(struct ctx *c, const yaml_parser_t *p)
{
	struct pos at;
	size_t off = p->problem_offset;
	char *msg = reader_message(p, c->fp, &off);

	if (offset_pos(c->fp, off, &at))
		fatalf(c, &at, "%s", msg);
	else
		fatalf(c, NULL, "%s (at byte %zu)", msg, off);
	free(msg);
}

/* The character a scanner error stopped at, or -1. */
static int
problem_char(const yaml_parser_t *p)
{
	if (p->error != YAML_SCANNER_ERROR || p->buffer.pointer == NULL ||
	    p->buffer.pointer >= p->buffer.last)
		return -1;
	return *p->buffer.pointer;
}

/* libyaml's words where they are clear, a hint where they are not. */
static void
syntax_error(struct ctx *c, const yaml_parser_t *p)
{
	static const char token[] = "found character that cannot start any "
	    "token";
	struct pos at = { p->problem_mark.line + 1,
	    p->problem_mark.column + 1 };
	const char *problem = p->problem, *context = p->context;
	int ch = problem_char(p);

	if (problem == NULL)
		fatalf(c, &at, "invalid YAML");
	else if (strstr(problem, "tab character") != NULL ||
	    (strcmp(problem, token) == 0 && ch == '\t'))
		fatalf(c, &at, "tab character used for indentation (YAML "
		    "indents with spaces only)");
	else if (strcmp(problem, token) == 0 && ch > 0 &&
	    strchr("@`%", ch) != NULL)
		fatalf(c, &at, "a value cannot start with '%c' (put quotes "
		    "around it)", ch);
	else if (strcmp(problem, "mapping values are not allowed in this "
	    "context") == 0)
		fatalf(c, &at, "%s (check the indentation, or put quotes "
		    "around a value that contains ': ')", problem);
	else if (context == NULL)
		fatalf(c, &at, "%s", problem);
	else if (p->context_mark.line == p->problem_mark.line ||
	    strncmp(context, "while scanning for", 18) == 0)
		fatalf(c, &at, "%s %s", problem, context);
	else
		fatalf(c, &at, "%s %s (which starts at line %zu)", problem,
		    context, p->context_mark.line + 1);
}

static void
parse_error(struct ctx *c, const yaml_parser_t *p)
{
	switch (c->input) {
	case IN_TOOLONG:
		fatalf(c, &c->event_at, "value too long (limit %zu bytes)",
		    c->lim->scalar_bytes);
		return;
	case IN_TOOBIG:
		fatalf(c, NULL, "file too large (more than %zu bytes)",
		    c->lim->file_bytes);
		return;
	case IN_ERRNO:
		fatalf(c, NULL, "cannot read: %s", strerror(c->input_errno));
		return;
	case IN_OK:
		break;
	}
	if (p->error == YAML_READER_ERROR)
		reader_error(c, p);
	else if (p->error == YAML_MEMORY_ERROR)
		fatalf(c, NULL, "out of memory");
	else
		syntax_error(c, p);
}

static void
deck_parse(struct ctx *c)
{
	yaml_parser_t p;
	yaml_event_t ev;
	bool end = false;

	if (!yaml_parser_initialize(&p)) {
		fatalf(c, NULL, "out of memory");
		return;
	}
	yaml_parser_set_input(&p, input_read, c);
	while (!end && !c->stop) {
		if (!yaml_parser_parse(&p, &ev)) {
			parse_error(c, &p);
			break;
		}
		c->read_since_event = 0;
		c->event_at = pos_of(&ev);
		on_event(c, &ev);
		end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
}

static bool
deck_open(struct ctx *c)
{
	struct stat st;
	int fd;

	if ((fd = open(c->path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		errorf(c, NULL, "cannot open: %s", strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		errorf(c, NULL, "is a directory");
		goto out;
	}
	/* Other files (pipes) are counted as they are read instead. */
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > c->lim->file_bytes) {
		errorf(c, NULL, "file too large (%jd bytes, limit %zu bytes)",
		    (intmax_t)st.st_size, c->lim->file_bytes);
		goto out;
	}
	if ((c->fp = fdopen(fd, "rb")) != NULL)
		return true;
	errorf(c, NULL, "cannot open: %s", strerror(errno));
out:
	if (fd != -1)
		close(fd);
	return false;
}

static void
ctx_free(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nstack; i++) {
		node_unref(c->stack[i].slot.node);
		free(c->stack[i].anchor);
	}
	free(c->stack);
	anchors_free(&c->anchors);
}

int
deck_load(const char *path, const struct deck_limits *lim, deck_card_fn fn,
    void *arg, struct deck_info *info, struct deck_result *res, FILE *diag)
{
	struct ctx c;
	struct deck_info own;
	struct deck_result ownres;

	memset(&c, 0, sizeof c);
	c.path = path;
	c.lim = lim != NULL ? lim : &deck_default_limits;
	c.fn = fn;
	c.arg = arg;
	c.info = info != NULL ? info : &own;
	memset(c.info, 0, sizeof *c.info);
	if (res == NULL)
		res = &ownres;
	if (deck_open(&c)) {
		deck_parse(&c);
		fclose(c.fp);
	}
	ctx_free(&c);
	diag_flush(&c, diag != NULL ? diag : stderr);
	res->errors = c.errors;
	res->warnings = c.warnings;
	if (info == NULL)
		deck_info_free(&own);
	if (c.fn_stopped)
		return -1;
	return c.errors > 0;
}

void
deck_info_free(struct deck_info *info)
{
	if (info == NULL)
		return;
	free(info->id);
	free(info->title);
	free(info->language);
	free(info->kind);
	free(info->description);
	free(info->tags);
	memset(info, 0, sizeof *info);
}

char *
deck_derive_id(const char *front)
{
	char slug[SLUG_MAX + 1];
	uint32_t h = hash_bytes(HASH_INIT, front, strlen(front)) & 0xffffff;
	size_t n = 0;
	bool gap = false;
	const char *p;

	/* A gap becomes '-' only before the next letter: trimmed both ends. */
	for (p = front; *p != '\0' && n < SLUG_MAX; p++) {
		if (!is_alnum(*p)) {
			gap = true;
			continue;
		}
		if (gap && n > 0)
			slug[n++] = '-';
		if (n < SLUG_MAX)
			slug[n++] = lower(*p);
		gap = false;
	}
	while (n > 0 && slug[n - 1] == '-')
		n--;
	slug[n] = '\0';
	if (n == 0)
		return xasprintf("%06x", (unsigned)h);
	return xasprintf("%s-%06x", slug, (unsigned)h);
}

bool
deck_valid_id(const char *s)
{
	size_t n;

	for (n = 0; s[n] != '\0'; n++) {
		if (n == DECK_ID_MAX)
			return false;
		if ((s[n] >= 'a' && s[n] <= 'z') ||
		    (s[n] >= '0' && s[n] <= '9'))
			continue;
		if (n == 0 || s[n] != '-')
			return false;
	}
	return n > 0;
}

bool
deck_file_hash(const char *path, const char *salt, char buf[DECK_HASH_SIZE])
{
	unsigned char chunk[1 << 14];
	uint32_t h = hash_bytes(HASH_INIT, salt, strlen(salt));
	unsigned long long len = 0;
	size_t n;
	FILE *fp;
	bool ok;

	if ((fp = fopen(path, "rb")) == NULL)
		return false;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		h = hash_bytes(h, chunk, n);
		len += n;
	}
	ok = !ferror(fp);
	fclose(fp);
	snprintf(buf, DECK_HASH_SIZE, "%08x-%llu", (unsigned)h, len);
	return ok;
}

/* An id's slot: where it is, or the empty one where it would go. */
struct deck_id {
	size_t	line;
	char	id[];
};

static struct deck_id **
ids_slot(const struct deck_ids *t, const char *id)
{
	size_t mask = t->size - 1;
	size_t i = hash_bytes(HASH_INIT, id, strlen(id)) & mask;

	while (t->slot[i] != NULL && strcmp(t->slot[i]->id, id) != 0)
		i = (i + 1) & mask;
	return &t->slot[i];
}

size_t
deck_ids_add(struct deck_ids *t, const char *id, size_t line)
{
	struct deck_id **old = t->slot, **e;
	size_t i, n = t->size, len;

	if (t->used * 2 >= t->size) {
		t->size = n ? n * 2 : 64;
		t->slot = xcalloc(t->size, sizeof *t->slot);
		for (i = 0; i < n; i++)
			if (old[i] != NULL)
				*ids_slot(t, old[i]->id) = old[i];
		free(old);
	}
	e = ids_slot(t, id);
	if (*e != NULL)
		return (*e)->line;
	len = strlen(id);
	*e = xmalloc(sizeof **e + len + 1);
	(*e)->line = line;
	memcpy((*e)->id, id, len + 1);
	t->used++;
	return 0;
}

void
deck_ids_free(struct deck_ids *t)
{
	size_t i;

	for (i = 0; i < t->size; i++)
		free(t->slot[i]);
	free(t->slot);
	memset(t, 0, sizeof *t);
}
