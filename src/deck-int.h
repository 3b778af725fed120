/* deck-int.h: what the deck-*.c files share; nothing else includes it. */
#ifndef REHEARSE_DECK_INT_H
#define REHEARSE_DECK_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <yaml.h>

#include "deck.h"

#define SHOW_MAX	80	/* bytes of user text quoted in a message */

/* The keys of the top mapping, in deck.c's order; DK_SKIP: an unknown one. */
enum deck_key {
	DK_DECK, DK_TITLE, DK_LANGUAGE, DK_KIND, DK_DESCRIPTION, DK_TAGS,
	DK_SECTION, DK_CARDS, DK_N, DK_SKIP = DK_N
};

struct pos {
	size_t	line;		/* 1-based; SIZE_MAX: the file as a whole */
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

/*
 * The file is never held whole: libyaml's events drive a small state
 * machine over the top mapping and the list under 'cards', and every
 * other node (a card, one deck value) becomes a small tree that is
 * checked and freed as soon as it completes.
 */
enum state { S_DOC, S_ROOT, S_KEY, S_VALUE, S_CARDS };

/* What a value turned out to be. */
enum { V_NONE, V_TEXT, V_BAD };

/*
 * One deck_load: everything lives here (nothing static), so loads may
 * run side by side.  Each group of fields is written by the file named.
 */
struct ctx {
	/* deck.c: the call and the state machine. */
	const char		*path;
	const struct deck_limits *lim;
	deck_card_fn		 fn;
	void			*arg;
	struct deck_info	*info;

	FILE			*fp;
	size_t			 read_total;
	size_t			 read_since_event;
	struct pos		 event_at;	/* where the last event starts */

	enum state		 state;
	bool			 stop;		/* diagnostics set it too */
	bool			 fn_stopped;	/* deck-card.c sets it */
	size_t			 docs;
	struct pos		 root_at;
	size_t			 seen[DK_N];	/* line of each deck key */
	enum deck_key		 key;		/* whose value comes next */
	struct pos		 cards_at;
	size_t			 items;		/* in 'cards', so far */

	/* deck-tree.c: the tree being built and the anchors. */
	struct frame		*stack;
	size_t			 nstack;
	size_t			 stackcap;
	struct pos		 tree_at;
	size_t			 tree_size;
	bool			 tree_over;
	size_t			 tree_errors;	/* errors before the tree */
	size_t			 expansion;
	struct deck_ids		 anchors;	/* every one so far */

	/*
	 * deck-card.c: the ids offered, and the cards whose derived id was
	 * taken: told at the end, when the caller (who keeps the ids) knows
	 * every id, with one that is free.
	 */
	struct deck_ids		 offered;
	struct card_clash	*clashes;
	size_t			 nclashes;
	size_t			 clashescap;

	/* deck-diag.c: the diagnostics kept until the end. */
	struct diag		*diags;
	size_t			 ndiags;
	size_t			 diagscap;
	size_t			 errors;
	size_t			 warnings;
};

/* a + b, or SIZE_MAX when that does not fit: limits compare with it. */
static inline size_t
sat_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/*
 * deck-diag.c: messages, kept until diag_flush prints them in file order.
 * One error more than lim->errors gives up the reading; warnings past as
 * many are only counted.  A fatal error also stops the reading.  at NULL:
 * the file as a whole.
 */
enum diag_level { DIAG_WARN, DIAG_ERROR, DIAG_FATAL };
void	diag_report(struct ctx *, enum diag_level, const struct pos *at,
	    const char *, ...) __attribute__((format(printf, 4, 5)));
#define diag_warn(c, at, ...)	diag_report(c, DIAG_WARN, at, __VA_ARGS__)
#define diag_error(c, at, ...)	diag_report(c, DIAG_ERROR, at, __VA_ARGS__)
#define diag_fatal(c, at, ...)	diag_report(c, DIAG_FATAL, at, __VA_ARGS__)
/* Print them all to out and free them. */
void	diag_flush(struct ctx *, FILE *out);
/* Why yaml_parser_parse failed, in our words (libyaml's are all there). */
void	diag_parse_error(struct ctx *, const yaml_parser_t *);
/* len bytes of s made safe to quote, in out[SHOW_MAX + 4]; returns out. */
const char *diag_show(char *out, const char *s, size_t len);

/* deck-tree.c: one card's or one deck value's tree, built from events. */
void	node_unref(struct node *);
bool	node_is_null(const struct node *);
const char *node_describe(const struct node *);	/* _("a list"), ... */
/*
 * Feed one event; the first begins a tree, whose size and error count
 * start there.  True with *done (the caller's ref) when it completes.
 */
bool	tree_event(struct ctx *, const yaml_event_t *, struct slot *done);
/*
 * The top mapping or the card list, never built: checked for a tag and
 * for depth like a tree's node, its anchor kept to explain why an alias
 * to it fails.  False after a fatal error.
 */
bool	tree_streamed(struct ctx *, const yaml_event_t *, const struct pos *);
/* Free what an unfinished tree and the anchors hold. */
void	tree_free(struct ctx *);

/*
 * deck-card.c: a card checked and handed to the caller, and the checks
 * the deck's own keys share with cards (keys, text, tags, kinds); each
 * reports what is wrong.
 */
void	card_check(struct ctx *, const struct slot *, size_t index);
/* After the last card: report the clashes of derived ids, free the ids. */
void	card_clashes(struct ctx *);
/*
 * Which of names[] the key k is, recording its line in seen[]; -1 when
 * none, -2 for a merge key.  card chooses the wording of the hint.
 */
int	card_key(struct ctx *, const struct slot *k, const char *const *names,
	    size_t n, size_t *seen, bool card);
/* V_TEXT with *out borrowed from the node, V_NONE or V_BAD. */
int	card_text(struct ctx *, const char *key, const struct slot *,
	    const char **out);
/* V_TEXT with the tags as a JSON array in *out (the caller's), or not. */
int	card_tags(struct ctx *, const struct slot *, char **out);
bool	card_kind_valid(struct ctx *, const struct slot *, const char *);
bool	card_section_valid(struct ctx *, const struct slot *, const char *);

#endif
