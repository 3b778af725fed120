/* deck-card.c: keys and values checked (a card's, the deck's), card ids, cards handed over. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "deck-int.h"
#include "hash.h"
#include "i18n.h"
#include "term.h"
#include "xmalloc.h"

#define SUGGEST_MAX	64	/* longer keys get no "did you mean"; ours are short */
#define SLUG_MAX	40	/* a derived id's letters before its hash */
/*
 * A revealed card fits an 80x24 terminal when its back and hint take at
 * most SCREEN_LINES lines at SCREEN_COLUMNS (the reveal indents them):
 * the other rows hold the header, the front, the labels and the prompt.
 */
#define SCREEN_COLUMNS	76
#define SCREEN_LINES	16

enum card_key {
	CK_ID, CK_FRONT, CK_BACK, CK_KIND, CK_HINT, CK_TAGS, CK_EXAMPLE,
	CK_SECTION, CK_PROBES, CK_N
};
static const char *const card_keys[CK_N] = {
	"id", "front", "back", "kind", "hint", "tags", "example", "section",
	"probes"
};

const char *const deck_sections[DECK_SECTIONS + 1] = {
	"opening", "competency", "situational", "culture-fit", "technical",
	"questions-to-ask", "closing", NULL
};

/* One card's values while it is checked; a value's node NULL: absent. */
struct card {
	struct slot		 val[CK_N];
	int			 st[CK_N];	/* V_NONE, V_TEXT or V_BAD */
	const char		*text[CK_N];
	bool			 merged;	/* '<<': nothing missing */
	char			*tags;
	char			*probes;
	const char		*id;		/* given or derived; NULL: none */
	const struct pos	*id_at;
	char			*derived;
};

static char
ascii_lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

static bool
is_alnum(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9');
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
			slug[n++] = ascii_lower(*p);
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
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");

	return n > 0 && n <= DECK_ID_MAX && s[n] == '\0' && s[0] != '-';
}

int
deck_section_index(const char *s)
{
	int i;

	for (i = 0; i < DECK_SECTIONS; i++)
		if (strcmp(deck_sections[i], s) == 0)
			return i;
	return -1;
}

int
card_text(struct ctx *c, const char *key, const struct slot *v,
    const char **out)
{
	const struct node *n = v->node;

	if (n->bad)
		return V_BAD;
	if (n->type != NODE_SCALAR) {
		diag_error(c, &v->at, _("'%s' must be text, found %s"), key,
		    node_describe(n));
		return V_BAD;
	}
	if (node_is_null(n))
		return V_NONE;
	if (strlen(n->text) != n->len) {
		diag_error(c, &v->at, _("'%s' contains a NUL character"), key);
		return V_BAD;
	}
	*out = n->text;
	return V_TEXT;
}

bool
card_kind_valid(struct ctx *c, const struct slot *v, const char *s)
{
	char q[SHOW_MAX + 4];

	if (strcmp(s, "recall") == 0 || strcmp(s, "practice") == 0 ||
	    strcmp(s, "ask") == 0)
		return true;
	diag_error(c, &v->at, _("unknown kind '%s' (expected recall, "
	    "practice or ask)"), diag_show(q, s, strlen(s)));
	return false;
}

bool
card_section_valid(struct ctx *c, const struct slot *v, const char *s)
{
	char q[SHOW_MAX + 4];

	if (deck_section_index(s) >= 0)
		return true;
	diag_error(c, &v->at, _("unknown section '%s' (expected opening, "
	    "competency, situational, culture-fit, technical, "
	    "questions-to-ask or closing)"), diag_show(q, s, strlen(s)));
	return false;
}

/* Text as a JSON string (a tag, or a probe, which may span lines). */
static void
json_string(struct buf *b, const char *s, size_t len)
{
	size_t i;

	buf_addc(b, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"' || s[i] == '\\')
			buf_printf(b, "\\%c", s[i]);
		else if ((unsigned char)s[i] < 0x20)
			buf_printf(b, "\\u%04x", (unsigned char)s[i]);
		else
			buf_addc(b, s[i]);
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
		diag_error(c, &t->at, _("a tag must be text, found %s"),
		    node_describe(n));
		return false;
	}
	if (node_is_null(n)) {
		diag_error(c, &t->at, _("empty tag"));
		return false;
	}
	for (i = 0; i < n->len; i++) {
		if (n->text[i] != '\0' &&
		    strchr(" \t\n\r\f\v", n->text[i]) != NULL) {
			diag_error(c, &t->at, _("tag '%s' must be one word "
			    "(no spaces)"), diag_show(q, n->text, n->len));
			return false;
		}
	}
	if (b->len > 1)
		buf_addc(b, ',');
	json_string(b, n->text, n->len);
	return true;
}

int
card_tags(struct ctx *c, const struct slot *v, char **out)
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
		diag_error(c, &v->at, _("'tags' must be a list, e.g. [a, b]"));
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

/* One follow-up question of 'probes': text, not empty. */
static bool
probe_item(struct ctx *c, const struct slot *t, struct buf *b)
{
	const struct node *n = t->node;

	if (n->bad)
		return false;
	if (n->type != NODE_SCALAR) {
		diag_error(c, &t->at, _("a probe must be text, found %s"),
		    node_describe(n));
		return false;
	}
	if (node_is_null(n)) {
		diag_error(c, &t->at, _("empty probe"));
		return false;
	}
	if (strlen(n->text) != n->len) {
		diag_error(c, &t->at, _("'%s' contains a NUL character"),
		    "probes");
		return false;
	}
	if (b->len > 1)
		buf_addc(b, ',');
	json_string(b, n->text, n->len);
	return true;
}

/* V_TEXT with the probes as a JSON array in *out (the caller's), or not. */
static int
card_probes(struct ctx *c, const struct slot *v, char **out)
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
		diag_error(c, &v->at, _("'probes' must be a list of follow-up "
		    "questions, e.g. [What was your part?]"));
		return V_BAD;
	}
	buf_addc(&b, '[');
	for (i = 0; i < n->nkids; i++)
		ok = probe_item(c, &n->kids[i], &b) && ok;
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
			cost = ascii_lower(a[i - 1]) != ascii_lower(b[j - 1]);
			v = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 &&
			    ascii_lower(a[i - 1]) == ascii_lower(b[j - 2]) &&
			    ascii_lower(a[i - 2]) == ascii_lower(b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

/*
 * An unknown key, with the valid one it most likely meant: a case
 * variant, or two edits at most, and not more edits than half the key
 * ('x' is not a typo for 'id').  card chooses the list of valid keys.
 */
static void
unknown_key(struct ctx *c, const struct slot *k, const char *const *names,
    size_t n, bool card)
{
	const struct node *key = k->node;
	const char *best = NULL;
	size_t i, d, bestd = SIZE_MAX;
	char q[SHOW_MAX + 4];

	for (i = 0; i < n && key->len <= SUGGEST_MAX; i++) {
		d = edit_distance(key->text, key->len, names[i],
		    strlen(names[i]));
		if (d < bestd) {
			bestd = d;
			best = names[i];
		}
	}
	diag_show(q, key->text, key->len);
	if (bestd == 0 || (bestd <= 2 && bestd * 2 <= key->len))
		diag_error(c, &k->at, _("unknown key '%s' (did you mean "
		    "'%s'?)"), q, best);
	else if (card)
		diag_error(c, &k->at, _("unknown key '%s' in a card (valid "
		    "keys: id, front, back, kind, hint, tags, example, "
		    "section, probes)"), q);
	else
		diag_error(c, &k->at, _("unknown key '%s' at the top level "
		    "(valid keys: deck, title, language, kind, description, "
		    "tags, section, cards)"), q);
}

/* A merge key (-2) may have been meant to supply the others. */
int
card_key(struct ctx *c, const struct slot *k, const char *const *names,
    size_t n, size_t *seen, bool card)
{
	const struct node *key = k->node;
	size_t i;

	if (key->bad)
		return -1;
	if (key->type != NODE_SCALAR) {
		diag_error(c, &k->at, _("a key must be text, found %s"),
		    node_describe(key));
		return -1;
	}
	if (node_is_null(key)) {
		diag_error(c, &k->at, _("empty key"));
		return -1;
	}
	if (key->plain && key->len == 2 && memcmp(key->text, "<<", 2) == 0) {
		diag_error(c, &k->at, _("merge keys (<<) are not allowed"));
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
		diag_error(c, &k->at, _("duplicate key '%s' (first at line "
		    "%zu)"), names[i], seen[i]);
		return -1;
	}
	seen[i] = k->at.line;
	return (int)i;
}

/*
 * A card repeated by an alias is blamed where the alias is, not where
 * the original's keys are: its keys and values take the alias's position.
 */
static void
card_fields(struct ctx *c, const struct slot *s, struct card *k)
{
	const struct node *map = s->node;
	size_t seen[CK_N] = { 0 }, i;
	struct slot key;
	int ki;

	for (i = 0; i + 1 < map->nkids; i += 2) {
		key = map->kids[i];
		if (s->alias)
			key.at = s->at;
		ki = card_key(c, &key, card_keys, CK_N, seen, true);
		if (ki == -2)
			k->merged = true;
		if (ki < 0)
			continue;
		k->val[ki] = map->kids[i + 1];
		if (s->alias)
			k->val[ki].at = s->at;
	}
}

/*
 * A practice card may leave out its back: a question to answer aloud
 * needs no written answer (converted question lists have none).  The
 * deck's kind counts when it came before the cards.
 */
static bool
back_required(const struct ctx *c, const struct card *k)
{
	const char *kind = k->st[CK_KIND] == V_TEXT ? k->text[CK_KIND] :
	    k->st[CK_KIND] == V_NONE ? c->info->kind : NULL;

	return kind == NULL || strcmp(kind, "practice") != 0;
}

/*
 * Follow-up questions come after an answer given aloud: only a practice
 * card has them, its kind known as for its back.  A kind that was itself
 * wrong has been reported already.
 */
static void
probes_check(struct ctx *c, const struct card *k)
{
	const char *kind = k->st[CK_KIND] == V_TEXT ? k->text[CK_KIND] :
	    c->info->kind != NULL ? c->info->kind : "recall";

	if (k->st[CK_PROBES] != V_TEXT || k->st[CK_KIND] == V_BAD ||
	    strcmp(kind, "practice") == 0)
		return;
	/* TRANSLATORS: %s is the card's kind: recall or ask. */
	diag_error(c, &k->val[CK_PROBES].at, _("'probes' are for practice "
	    "cards only (this card is %s)"), kind);
}

static void
card_values(struct ctx *c, struct card *k)
{
	char q[SHOW_MAX + 4];
	const char *s;
	int i;

	for (i = 0; i < CK_N; i++) {
		if (k->val[i].node == NULL)
			continue;
		if (i == CK_TAGS) {
			k->st[i] = card_tags(c, &k->val[i], &k->tags);
			continue;
		}
		if (i == CK_PROBES) {
			k->st[i] = card_probes(c, &k->val[i], &k->probes);
			continue;
		}
		k->st[i] = card_text(c, card_keys[i], &k->val[i], &k->text[i]);
		s = k->text[i];
		if (k->st[i] == V_NONE && i == CK_FRONT)
			diag_error(c, &k->val[i].at, _("empty '%s'"),
			    card_keys[i]);
		if (k->st[i] != V_TEXT)
			k->text[i] = NULL;
		else if (i == CK_KIND && !card_kind_valid(c, &k->val[i], s))
			k->st[i] = V_BAD;
		else if (i == CK_SECTION &&
		    !card_section_valid(c, &k->val[i], s))
			k->st[i] = V_BAD;
		else if (i == CK_ID && !deck_valid_id(s)) {
			diag_error(c, &k->val[i].at, _("invalid card id "
			    "'%s': use lower-case letters, digits and '-' (at "
			    "most %d)"), diag_show(q, s, strlen(s)),
			    DECK_ID_MAX);
			k->st[i] = V_BAD;
		}
	}
	/* Known only now that the kind has been read. */
	if (k->val[CK_BACK].node != NULL && k->st[CK_BACK] == V_NONE &&
	    back_required(c, k))
		diag_error(c, &k->val[CK_BACK].at, _("empty '%s'"),
		    card_keys[CK_BACK]);
	probes_check(c, k);
}

/*
 * A card whose derived id an earlier card has: the earlier card's line,
 * and whether that card derived it from the same front or was given it.
 */
struct card_clash {
	struct pos	 at;
	char		*derived;
	size_t		 other;
	bool		 same_front;
};

/* The warning for a card without an id, suggesting one that is free. */
static void
no_id(struct ctx *c, const struct pos *at, const char *suggested)
{
	diag_warn(c, at, _("card has no id; its progress restarts when "
	    "the front changes (suggested: id: %s)"), suggested);
}

/* The line of the card handed over with id (derived from its front), or 0. */
static size_t
id_line(struct ctx *c, const char *id, bool derived)
{
	struct deck_card q = { .id = id, .id_derived = derived,
	    .lookup = true };
	long line;

	if (c->fn == NULL || c->stop || (line = c->fn(c->arg, &q)) <= 0)
		return 0;
	return (size_t)line;
}

static void
clash_add(struct ctx *c, const struct card *k, size_t other)
{
	struct card_clash *e;
	size_t same = id_line(c, k->derived, true);

	if (c->nclashes == c->clashescap) {
		c->clashescap = c->clashescap ? c->clashescap * 2 : 8;
		c->clashes = xreallocarray(c->clashes, c->clashescap,
		    sizeof *c->clashes);
	}
	e = &c->clashes[c->nclashes++];
	/* The first card with the same front, else the one given the id. */
	*e = (struct card_clash){ *k->id_at, xstrdup(k->derived),
	    same != 0 ? same : other, same != 0 };
}

/*
 * Whether a card of the file has id, asked of the caller, who keeps the
 * ids (so that memory does not grow with the deck), or an earlier offer.
 */
static bool
id_taken(struct ctx *c, const char *id)
{
	return id_line(c, id, false) != 0 ||
	    deck_ids_find(&c->offered, id) != 0;
}

/*
 * The n-th card with the same front is offered "-n", unless an id in the
 * file (anywhere in it, hence at the end) or an earlier offer has it: then
 * the next free number.
 */
void
card_clashes(struct ctx *c)
{
	struct card_clash *e;
	char *id;
	size_t i, n;

	for (i = 0; i < c->nclashes; i++) {
		e = &c->clashes[i];
		id = NULL;
		for (n = 2; id == NULL; n++) {
			id = xasprintf("%s-%zu", e->derived, n);
			if (id_taken(c, id)) {
				free(id);
				id = NULL;
			}
		}
		deck_ids_add(&c->offered, id, e->at.line);
		no_id(c, &e->at, id);
		if (e->same_front)
			/* TRANSLATORS: the line of the other card, then the id. */
			diag_error(c, &e->at, _("this card has the same front "
			    "as the card at line %zu, so the id derived from it "
			    "is the same; give the two cards distinct ids "
			    "(suggested for this one: id: %s)"), e->other, id);
		else
			/* TRANSLATORS: the line of the other card, then the id. */
			diag_error(c, &e->at, _("the id derived from this "
			    "card's front is the id given to the card at line "
			    "%zu; give this card an id of its own (suggested: "
			    "id: %s)"), e->other, id);
		free(id);
		free(e->derived);
	}
	free(c->clashes);
	deck_ids_free(&c->offered);
}

/*
 * Give a card to the caller, who keeps the ids: a broken one for its id
 * alone.  That is one with errors since it began, or without its text:
 * an alias to a value refused where it was defined brings no new error.
 * The caller may name an earlier card with the same id, or stop.
 */
static void
card_hand(struct ctx *c, const struct slot *s, const struct card *k,
    size_t index)
{
	bool broken = c->errors != c->tree_errors ||
	    k->st[CK_FRONT] != V_TEXT || (k->st[CK_BACK] != V_TEXT &&
	    (k->st[CK_BACK] != V_NONE || back_required(c, k)));
	struct deck_card dc = { .index = index, .line = s->at.line,
	    .column = s->at.column, .id = k->id,
	    .id_derived = k->derived != NULL, .id_line = k->id_at->line,
	    .broken = broken };
	char q[SHOW_MAX + 4];
	long rv = 0;

	if (!broken) {
		dc.kind = k->text[CK_KIND];
		dc.front = k->text[CK_FRONT];
		dc.back = k->text[CK_BACK];
		dc.hint = k->text[CK_HINT];
		dc.example = k->text[CK_EXAMPLE];
		dc.tags = k->st[CK_TAGS] == V_TEXT ? k->tags : NULL;
		dc.section = k->text[CK_SECTION];
		dc.probes = k->st[CK_PROBES] == V_TEXT ? k->probes : NULL;
	}
	if (c->fn != NULL)
		rv = c->fn(c->arg, &dc);
	if (rv <= 0 && k->derived != NULL) {
		no_id(c, k->id_at, k->derived);
	}
	if (rv > 0 && k->derived != NULL)
		clash_add(c, k, (size_t)rv);	/* told by card_clashes */
	else if (rv > 0)
		diag_error(c, k->id_at, _("duplicate card id '%s' (first at "
		    "line %ld)"), diag_show(q, k->id, strlen(k->id)), rv);
	else if (!broken)
		c->info->cards++;
	if (rv < 0)
		c->fn_stopped = c->stop = true;
}

/* Advice, not an error: a card taller than a screen scrolls its front away. */
static void
height_check(struct ctx *c, const struct card *k)
{
	const struct pos *at = k->st[CK_BACK] == V_TEXT ?
	    &k->val[CK_BACK].at : &k->val[CK_HINT].at;
	size_t n = 0;

	if (k->st[CK_BACK] == V_TEXT)
		n += term_wrapped_lines(k->text[CK_BACK], SCREEN_COLUMNS);
	if (k->st[CK_HINT] == V_TEXT)
		n += term_wrapped_lines(k->text[CK_HINT], SCREEN_COLUMNS);
	if (n <= SCREEN_LINES)
		return;
	diag_warn(c, at,
	    /* TRANSLATORS: keep the keys 'back', 'hint' and 'example'; the
	       numbers are the card's lines, the columns, the most lines. */
	    ngettext("'back' and 'hint' take %zu line at %d columns, more "
	    "than the %d that fit on a screen: keep the essentials and move "
	    "the rest to 'example'", "'back' and 'hint' take %zu lines at %d "
	    "columns, more than the %d that fit on a screen: keep the "
	    "essentials and move the rest to 'example'", (unsigned long)n),
	    n, SCREEN_COLUMNS, SCREEN_LINES);
}

/*
 * The words each back "rehearse new" writes for you to fill in begins
 * with, in every language it writes (new-template.c), up to the ':' or
 * ',' that follows them there: a card still holding them is not yours.
 */
static const char *const placeholders[] = { "Write here", "Schrijf hier" };

/* The placeholder the value of key begins with, or NULL. */
static const char *
placeholder(const struct card *k, enum card_key key)
{
	const char *t = k->text[key];
	size_t i;

	if (k->st[key] != V_TEXT)
		return NULL;
	t += strspn(t, " \t\n");
	for (i = 0; i < sizeof placeholders / sizeof *placeholders; i++)
		if (strncmp(t, placeholders[i], strlen(placeholders[i])) == 0 &&
		    strchr(":,", t[strlen(placeholders[i])]) != NULL &&
		    t[strlen(placeholders[i])] != '\0')
			return placeholders[i];
	return NULL;
}

/* Advice, once a card: its back or hint is still the starter deck's. */
static void
placeholder_check(struct ctx *c, const struct card *k)
{
	enum card_key key = CK_BACK;
	const char *p;

	if ((p = placeholder(k, key)) == NULL &&
	    (p = placeholder(k, key = CK_HINT)) == NULL)
		return;
	/* TRANSLATORS: the key ('back' or 'hint'), then its first words. */
	diag_warn(c, &k->val[key].at, _("'%s' still holds the starter "
	    "deck's placeholder (\"%s ...\"): replace it with your own "
	    "text"), card_keys[key], p);
}

/* Hand the card over when nothing was wrong since it began. */
void
card_check(struct ctx *c, const struct slot *s, size_t index)
{
	struct card k;

	if (s->node->bad)
		return;
	if (s->node->type != NODE_MAP) {
		diag_error(c, &s->at, _("a card must be a mapping (front, "
		    "back, ...), found %s"), node_describe(s->node));
		return;
	}
	memset(&k, 0, sizeof k);	/* every value absent, V_NONE */
	card_fields(c, s, &k);
	card_values(c, &k);
	if (c->errors == c->tree_errors) {
		height_check(c, &k);
		placeholder_check(c, &k);
	}
	if (k.val[CK_FRONT].node == NULL && !k.merged)
		diag_error(c, &s->at, _("card has no 'front'"));
	if (k.val[CK_BACK].node == NULL && !k.merged && back_required(c, &k))
		diag_error(c, &s->at, _("card has no 'back'"));
	/* Its id, given or derived (with a warning), if it has one. */
	k.id_at = &s->at;
	if (k.st[CK_ID] == V_TEXT) {
		k.id_at = &k.val[CK_ID].at;
		k.id = k.text[CK_ID];
	} else if (k.st[CK_ID] == V_NONE && k.st[CK_FRONT] == V_TEXT)
		k.id = k.derived = deck_derive_id(k.text[CK_FRONT]);
	/* Handed first: a derived id already taken gets another suggestion. */
	if (k.id != NULL && !c->stop)
		card_hand(c, s, &k, index);
	else if (k.derived != NULL)
		no_id(c, k.id_at, k.derived);
	free(k.tags);
	free(k.probes);
	free(k.derived);
}
