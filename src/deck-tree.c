/* deck-tree.c: each card's or value's tree from events, aliases and limits; the name table. */
#include <stdlib.h>
#include <string.h>

#include "deck-int.h"
#include "hash.h"
#include "i18n.h"
#include "xmalloc.h"

/* A collection of the tree still open. */
struct frame {
	struct slot	 slot;
	char		*anchor;	/* recorded once it completes */
};

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
void
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

bool
node_is_null(const struct node *n)
{
	return n->type == NODE_SCALAR && (n->len == 0 ||
	    (n->plain && n->len == 1 && n->text != NULL && n->text[0] == '~'));
}

/* Words that end messages such as "'front' must be text, found %s". */
const char *
node_describe(const struct node *n)
{
	/* TRANSLATORS: this, "a list", "nothing", "text": ", found %s". */
	if (n->type == NODE_MAP)
		return _("a mapping");
	if (n->type == NODE_LIST)
		return _("a list");
	return node_is_null(n) ? _("nothing") : _("text");
}

/*
 * An entry of struct deck_ids: a card id with the line of the card that
 * had it (lint), or an anchor with its node (NULL: the top mapping or
 * the card list, never kept whole).
 */
struct deck_id {
	size_t		 line;
	struct node	*node;
	char		 id[];
};

/* An id's slot: where it is, or the empty one where it would go. */
static struct deck_id **
ids_slot(const struct deck_ids *t, const char *id)
{
	size_t mask = t->size - 1;
	size_t i = hash_bytes(HASH_INIT, id, strlen(id)) & mask;

	while (t->slot[i] != NULL && strcmp(t->slot[i]->id, id) != 0)
		i = (i + 1) & mask;
	return &t->slot[i];
}

/* id's entry, made (zeroed) when it is not there yet. */
static struct deck_id *
ids_get(struct deck_ids *t, const char *id)
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
	if (*e == NULL) {
		len = strlen(id);
		*e = xcalloc(1, sizeof **e + len + 1);
		memcpy((*e)->id, id, len + 1);
		t->used++;
	}
	return *e;
}

/* Lines are 1-based: an entry with line 0 was just made. */
size_t
deck_ids_add(struct deck_ids *t, const char *id, size_t line)
{
	struct deck_id *e = ids_get(t, id);

	if (e->line != 0)
		return e->line;
	e->line = line;
	return 0;
}

size_t
deck_ids_find(const struct deck_ids *t, const char *id)
{
	struct deck_id *e;

	if (t->size == 0 || (e = *ids_slot(t, id)) == NULL)
		return 0;
	return e->line;
}

void
deck_ids_free(struct deck_ids *t)
{
	size_t i;

	for (i = 0; i < t->size; i++) {
		if (t->slot[i] != NULL)
			node_unref(t->slot[i]->node);
		free(t->slot[i]);
	}
	free(t->slot);
	memset(t, 0, sizeof *t);
}

/*
 * A later anchor of the same name replaces the earlier (YAML says so).
 * The top mapping and the card list are never kept whole: their anchors
 * are recorded without a node, to explain why an alias cannot use them.
 */
static void
anchor_set(struct ctx *c, const yaml_char_t *name, struct node *n)
{
	struct deck_id *a;

	if (name == NULL)
		return;
	a = ids_get(&c->anchors, (const char *)name);
	if (n != NULL)
		n->refs++;
	node_unref(a->node);
	a->node = n;
}

/* Around a tree are the top mapping and, in S_CARDS, the card list. */
static bool
depth_ok(struct ctx *c, size_t more, const struct pos *at)
{
	size_t open = c->state == S_CARDS ? 2 :
	    c->state == S_KEY || c->state == S_VALUE ? 1 : 0;

	if (sat_add(open + c->nstack, more) <= c->lim->depth)
		return true;
	diag_fatal(c, at, _("nesting deeper than %zu levels"), c->lim->depth);
	return false;
}

static void
check_tag(struct ctx *c, const yaml_event_t *ev)
{
	const yaml_char_t *tag = NULL;

	if (ev->type == YAML_SCALAR_EVENT)
		tag = ev->data.scalar.tag;
	else if (ev->type == YAML_SEQUENCE_START_EVENT)
		tag = ev->data.sequence_start.tag;
	else if (ev->type == YAML_MAPPING_START_EVENT)
		tag = ev->data.mapping_start.tag;
	if (tag != NULL)
		diag_error(c, &c->event_at, _("YAML tags are not allowed"));
}

/*
 * Count what the tree in progress holds.  Past lim->card_bytes its nodes
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
	if (c->state == S_CARDS)
		diag_error(c, &c->tree_at, _("card too large (limit %zu bytes "
		    "after expanding aliases)"), c->lim->card_bytes);
	else
		diag_error(c, &c->tree_at, _("value too large (limit %zu "
		    "bytes after expanding aliases)"), c->lim->card_bytes);
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
		diag_error(c, at, _("value too long (limit %zu bytes)"),
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
	const char *name = (const char *)ev->data.alias.anchor;
	struct deck_id *a = c->anchors.size > 0 ?
	    *ids_slot(&c->anchors, name) : NULL;
	struct node *n = a != NULL ? a->node : NULL;
	char q[SHOW_MAX + 4];

	if (n == NULL) {
		diag_show(q, name, strlen(name));
		if (a == NULL)
			diag_error(c, at, _("alias '*%s' has no anchor '&%s' "
			    "before it"), q, q);
		else
			diag_error(c, at, _("alias '*%s' cannot repeat the "
			    "whole deck or its list of cards"), q);
		n = node_new(NODE_SCALAR);
		n->bad = true;
		tree_grow(c, n->size);
		return n;
	}
	if (!depth_ok(c, n->height, at))
		return NULL;
	c->expansion = sat_add(c->expansion, n->size);
	if (c->expansion > c->lim->expansion) {
		diag_fatal(c, at, _("aliases expand beyond the limit of %zu "
		    "bytes"), c->lim->expansion);
		return NULL;
	}
	tree_grow(c, n->size);
	n->refs++;
	return n;
}

static void
tree_open(struct ctx *c, const yaml_event_t *ev, const struct pos *at)
{
	bool map = ev->type == YAML_MAPPING_START_EVENT;
	const yaml_char_t *anchor = map ? ev->data.mapping_start.anchor :
	    ev->data.sequence_start.anchor;
	struct frame *f;

	if (!depth_ok(c, 1, at))
		return;
	if (c->nstack == c->stackcap) {
		c->stackcap = c->stackcap ? c->stackcap * 2 : 8;
		c->stack = xreallocarray(c->stack, c->stackcap,
		    sizeof *c->stack);
	}
	f = &c->stack[c->nstack++];
	f->slot = (struct slot){ node_new(map ? NODE_MAP : NODE_LIST), *at,
	    false };
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

bool
tree_event(struct ctx *c, const yaml_event_t *ev, struct slot *done)
{
	struct slot s = { NULL, c->event_at, false };

	if (c->nstack == 0) {
		c->tree_at = s.at;
		c->tree_size = 0;
		c->tree_over = false;
		c->tree_errors = c->errors;
	}
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

bool
tree_streamed(struct ctx *c, const yaml_event_t *ev, const struct pos *at)
{
	check_tag(c, ev);
	anchor_set(c, ev->type == YAML_MAPPING_START_EVENT ?
	    ev->data.mapping_start.anchor : ev->data.sequence_start.anchor,
	    NULL);
	return depth_ok(c, 1, at);
}

void
tree_free(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nstack; i++) {
		node_unref(c->stack[i].slot.node);
		free(c->stack[i].anchor);
	}
	free(c->stack);
	deck_ids_free(&c->anchors);
}
