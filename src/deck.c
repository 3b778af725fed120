/* deck.c: deck_load's state machine over libyaml's events, and the file fingerprint. */
#include <sys/types.h>
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "deck-int.h"
#include "hash.h"
#include "i18n.h"
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

#define LETTERS	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

static const char *const deck_keys[DK_N] = {
	"deck", "title", "language", "kind", "description", "tags", "section",
	"cards"
};

/* A card, unless there are already as many as the limit allows. */
static bool
card_count(struct ctx *c, const struct pos *at)
{
	if (c->items == c->lim->cards) {
		diag_fatal(c, at, _("too many cards (limit %zu)"),
		    c->lim->cards);
		return false;
	}
	c->items++;
	return true;
}

/* A BCP 47 tag's shape: 2-8 letters, then any '-' and 1-8 letters or digits. */
static bool
valid_language(const char *s)
{
	size_t n = strspn(s, LETTERS);

	if (n < 2 || n > 8)
		return false;
	for (s += n; *s == '-'; s += n) {
		s++;
		n = strspn(s, LETTERS "0123456789");
		if (n < 1 || n > 8)
			return false;
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
		diag_error(c, &v->at, _("empty 'cards' (write 'cards: []' for "
		    "a deck without cards)"));
		return;
	}
	if (n->type != NODE_LIST) {
		diag_error(c, &v->at, _("'cards' must be a list of cards, "
		    "found %s"), node_describe(n));
		return;
	}
	if (n->nkids == 0)
		diag_warn(c, &v->at, _("deck has no cards"));
	for (i = 0; i < n->nkids && !c->stop; i++) {
		if (!card_count(c, &n->kids[i].at))
			return;
		c->tree_errors = c->errors;
		card_check(c, &n->kids[i], c->items - 1);
	}
}

static void
deck_value(struct ctx *c, const struct slot *v)
{
	struct deck_info *i = c->info;
	char **dst[DK_N] = { &i->id, &i->title, &i->language, &i->kind,
	    &i->description, &i->tags, &i->section, NULL };
	const char *key = deck_keys[c->key], *s = NULL;
	char q[SHOW_MAX + 4];
	int st;

	if (c->key == DK_TAGS) {
		card_tags(c, v, &i->tags);
		return;
	}
	st = card_text(c, key, v, &s);
	if (st == V_NONE && c->key == DK_DECK)
		diag_error(c, &v->at, _("empty '%s'"), key);
	if (st != V_TEXT)
		return;
	if (c->key == DK_DECK && !deck_valid_id(s))
		diag_error(c, &v->at, _("invalid deck id '%s': use "
		    "lower-case letters, digits and '-' (at most %d)"),
		    diag_show(q, s, strlen(s)), DECK_ID_MAX);
	else if (c->key == DK_LANGUAGE && !valid_language(s))
		diag_error(c, &v->at, _("invalid language '%s': use a "
		    "language tag such as en, nl or pt-BR"),
		    diag_show(q, s, strlen(s)));
	else if (c->key == DK_SECTION && !card_section_valid(c, v, s))
		return;
	else if (c->key != DK_KIND || card_kind_valid(c, v, s))
		*dst[c->key] = xstrdup(s);
}

static void
root_start(struct ctx *c, const yaml_event_t *ev, const struct pos *at)
{
	/* TRANSLATORS: this, "a list", "an alias", "nothing": ", found %s". */
	const char *found = N_("text");

	if (ev->type == YAML_MAPPING_START_EVENT) {
		if (tree_streamed(c, ev, at)) {
			c->root_at = *at;
			c->state = S_KEY;
		}
		return;
	}
	if (ev->type == YAML_SEQUENCE_START_EVENT)
		found = N_("a list");
	else if (ev->type == YAML_ALIAS_EVENT)
		found = N_("an alias");
	else if (ev->data.scalar.length == 0 ||
	    (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    strcmp((const char *)ev->data.scalar.value, "~") == 0))
		found = N_("nothing");
	diag_fatal(c, at, _("expected a mapping with 'deck' and 'cards' at "
	    "the top, found %s"), _(found));
}

/* Events outside any tree: the stream, the document, the streamed parts. */
static void
top_event(struct ctx *c, const yaml_event_t *ev)
{
	static const struct pos start = { 1, 1 };
	const struct pos *at = &c->event_at;

	switch (c->state) {
	case S_DOC:		/* the stream and its one document */
		if (ev->type == YAML_STREAM_END_EVENT && c->docs == 0)
			diag_error(c, &start, _("empty file: a deck needs "
			    "'deck' and 'cards'"));
		if (ev->type != YAML_DOCUMENT_START_EVENT)
			break;	/* the stream's start or end, a document's end */
		if (c->docs++ > 0)
			diag_fatal(c, at, _("only one deck per file: a "
			    "second document starts here"));
		else
			c->state = S_ROOT;
		break;
	case S_ROOT:
		root_start(c, ev, at);
		break;
	case S_KEY:		/* the top mapping ends */
		if (c->seen[DK_DECK] == 0)
			diag_error(c, &c->root_at, _("missing key '%s'"),
			    "deck");
		if (c->seen[DK_CARDS] == 0)
			diag_error(c, &c->root_at, _("missing key '%s'"),
			    "cards");
		c->state = S_DOC;
		break;
	case S_VALUE:		/* the list under 'cards' starts */
		if (tree_streamed(c, ev, at)) {
			c->cards_at = *at;
			c->state = S_CARDS;
		}
		break;
	case S_CARDS:		/* and ends */
		if (c->items == 0)
			diag_warn(c, &c->cards_at, _("deck has no cards"));
		c->state = S_KEY;
		break;
	}
}

/*
 * Every node becomes a tree but the two that can be huge, the top
 * mapping and the list under 'cards': those are followed event by event.
 */
static bool
starts_tree(const struct ctx *c, const yaml_event_t *ev)
{
	if (ev->type != YAML_SCALAR_EVENT && ev->type != YAML_ALIAS_EVENT &&
	    ev->type != YAML_SEQUENCE_START_EVENT &&
	    ev->type != YAML_MAPPING_START_EVENT)
		return false;
	if (c->state == S_KEY || c->state == S_CARDS)
		return true;
	return c->state == S_VALUE && (c->key != DK_CARDS ||
	    ev->type != YAML_SEQUENCE_START_EVENT);
}

/* A tree completed: a key of the top mapping, its value, or a card. */
static void
tree_done(struct ctx *c, const struct slot *s)
{
	int key;

	switch (c->state) {
	case S_KEY:
		key = card_key(c, s, deck_keys, DK_N, c->seen, false);
		c->key = key < 0 ? DK_SKIP : (enum deck_key)key;
		c->state = S_VALUE;
		break;
	case S_VALUE:
		if (c->key == DK_CARDS)
			cards_value(c, s);
		else if (c->key != DK_SKIP)
			deck_value(c, s);
		c->state = S_KEY;
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
		/* A card counts from its first event: a limit stops it there. */
		if (c->state == S_CARDS && !card_count(c, &c->event_at))
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
	size_t most = sat_add(c->lim->scalar_bytes > SIZE_MAX / 4 ?
	    SIZE_MAX : c->lim->scalar_bytes * 4, 65536);

	*n = fread(buf, 1, size, c->fp);
	if (*n == 0 && ferror(c->fp)) {
		diag_fatal(c, NULL, _("cannot read: %s"),
		    strerror(errno != 0 ? errno : EIO));
		return 0;
	}
	c->read_total = sat_add(c->read_total, *n);
	c->read_since_event = sat_add(c->read_since_event, *n);
	if (c->read_total > c->lim->file_bytes)
		diag_fatal(c, NULL, _("file too large (more than %zu bytes)"),
		    c->lim->file_bytes);
	else if (c->read_since_event > most)
		diag_fatal(c, &c->event_at, _("value too long (limit %zu "
		    "bytes)"), c->lim->scalar_bytes);
	return !c->stop;
}

static void
deck_parse(struct ctx *c)
{
	yaml_parser_t p;
	yaml_event_t ev;
	bool end = false;

	if (!yaml_parser_initialize(&p)) {
		diag_fatal(c, NULL, _("out of memory"));
		return;
	}
	yaml_parser_set_input(&p, input_read, c);
	while (!end && !c->stop) {
		if (!yaml_parser_parse(&p, &ev)) {
			if (!c->stop)	/* else input_read said why */
				diag_parse_error(c, &p);
			break;
		}
		c->read_since_event = 0;
		/* 1-based like our messages. */
		c->event_at = (struct pos){ ev.start_mark.line + 1,
		    ev.start_mark.column + 1 };
		on_event(c, &ev);
		end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
}

int
deck_load(const char *path, const struct deck_limits *lim, deck_card_fn fn,
    void *arg, struct deck_info *info, struct deck_result *res, FILE *diag)
{
	struct deck_info own;
	struct ctx c = { .path = path, .fn = fn, .arg = arg,
	    .lim = lim != NULL ? lim : &deck_default_limits,
	    .info = info != NULL ? info : &own };
	struct stat st;

	memset(c.info, 0, sizeof *c.info);
	if ((c.fp = fopen(path, "rbe")) == NULL ||
	    fstat(fileno(c.fp), &st) == -1)
		diag_error(&c, NULL, _("cannot open: %s"), strerror(errno));
	else if (S_ISDIR(st.st_mode))
		diag_error(&c, NULL, _("is a directory"));
	/* Other files (pipes) are counted as they are read instead. */
	else if (S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > c.lim->file_bytes)
		diag_error(&c, NULL, _("file too large (%jd bytes, limit %zu "
		    "bytes)"), (intmax_t)st.st_size, c.lim->file_bytes);
	else
		deck_parse(&c);
	card_clashes(&c);
	if (c.fp != NULL)
		fclose(c.fp);
	tree_free(&c);
	diag_flush(&c, diag != NULL ? diag : stderr);
	if (res != NULL)
		*res = (struct deck_result){ c.errors, c.warnings };
	if (info == NULL)
		deck_info_free(&own);
	return c.fn_stopped ? -1 : c.errors > 0;
}

void
deck_info_free(struct deck_info *info)
{
	free(info->id);
	free(info->title);
	free(info->language);
	free(info->kind);
	free(info->description);
	free(info->tags);
	free(info->section);
	memset(info, 0, sizeof *info);
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

	if ((fp = fopen(path, "rbe")) == NULL)
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
