/*
 * store-story.h: the story bank in the database: stories, their links to
 * cards, listings of them, and their rehearsals.  The conventions of
 * store.h hold: an int is 0 on success, -1 on error (1 where said), a
 * failed call leaves the store failed, and strings returned in structs
 * filled here belong to those structs.
 */
#ifndef REHEARSE_STORE_STORY_H
#define REHEARSE_STORE_STORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sched.h"
#include "store.h"
#include "story-text.h"

/* store-story.c: stories and links. */
struct story_rec {
	int64_t			 id;
	char			*slug;		/* the id made from the title */
	char			*title;
	char			*language;	/* NULL: the interface's */
	char			*tags;		/* "a, b", NULL when none */
	struct story_text	 text;
	struct sched_state	 st;		/* due SCHED_NEW_DUE: never rehearsed */
	int64_t			 last_day;	/* of the last scheduling rehearsal */
	int64_t			 updated_ms;
	int64_t			 rehearsals;	/* logged, of any kind */
	int64_t			 last_rehearsed; /* SCHED_NEW_DUE: never */
};
void	 story_rec_free(struct story_rec *);

/*
 * The story named by name: its id, else its title in any case.  0 and
 * *r filled, 1 when there is none, -1 on error.
 */
int	 store_story_get(struct store *, const char *name, struct story_rec *r);
int	 store_story_get_id(struct store *, int64_t id, struct story_rec *r);
/*
 * Add a story (r->title, language, tags as a JSON array or NULL, text):
 * r->id and r->slug are set.  0, 1 when the title is taken, -1 on error.
 */
int	 store_story_add(struct store *, struct story_rec *r,
	    const char *tags_json);
/* Write r's title, language, tags and text over story r->id; 1: title taken. */
int	 store_story_put(struct store *, struct story_rec *r,
	    const char *tags_json);
int	 store_story_delete(struct store *, int64_t id);
/*
 * Merge r into the bank by its title (in any case): added (0), written
 * over the story of that title (1; its schedule and links stay), or
 * already so (2); r->id is set.  A NULL language keeps the story's.
 */
int	 store_story_merge(struct store *, struct story_rec *r,
	    const char *tags_json);
/*
 * base when no story has that title, else base with " (2)", " (3)"...
 * (caller frees; NULL on error).
 */
char	*store_story_free_title(struct store *, const char *base);
/* Link a story to a card: 0, 1 when it was linked already. */
int	 store_story_link(struct store *, int64_t id, const char *deck,
	    const char *card);
/* 0, 1 when it was not linked. */
int	 store_story_unlink(struct store *, int64_t id, const char *deck,
	    const char *card);
/* The cards a story is linked to; -1 on error. */
int64_t	 store_story_link_count(struct store *, int64_t id);
/* 1 when the card is in the database (retired or not), 0 when not. */
int	 store_card_exists(struct store *, const char *deck, const char *card);

/* A story named by its id and title, for lists and choices. */
struct story_ref {
	int64_t	 id;
	char	*slug;
	char	*title;
};
void	 story_refs_free(struct story_ref *, size_t n);
/*
 * The stories linked to a card in the order they were linked, or
 * (deck NULL) every story by title; how many in *refs (caller frees
 * with story_refs_free).  On error none, and store_failed.
 */
size_t	 store_story_refs(struct store *, const char *deck, const char *card,
	    struct story_ref **refs);

/* store-story-list.c: the bank read out; strings borrowed for the call. */
struct story_row {
	const char	*slug;
	const char	*title;
	const char	*tags;		/* "a, b", or NULL */
	int64_t		 cards;		/* it is linked to */
	int		 parts;		/* written, of STORY_PARTS */
	int64_t		 last;		/* last rehearsed, SCHED_NEW_DUE: never */
};
/* Every story, by title. */
int	 store_story_list(struct store *,
	    void (*fn)(void *, const struct story_row *), void *arg);
/* list --json and show --json (caller frees; NULL on error). */
char	*store_story_json_list(struct store *);
char	*store_story_json(struct store *, int64_t id);

/* A card a story is linked to. */
struct story_link {
	const char	*deck;
	const char	*card;
	const char	*front;		/* NULL: no such card (yet) */
	bool		 retired;
};
/* The cards a story is linked to, in the order they were linked. */
int	 store_story_links(struct store *, int64_t id,
	    void (*fn)(void *, const struct story_link *), void *arg);

/*
 * The coverage matrix: the live practice cards of decks (JSON array, or
 * NULL: all) with tag (or NULL), in deck order, with their stories; the
 * stories first, by title, with how many of those cards each answers.
 */
struct matrix_story {
	int64_t		 id;
	const char	*slug;
	const char	*title;
	int64_t		 cards;
	bool		 overused;	/* more than a third of them (3 or more) */
};
struct matrix_card {
	const char	*deck;
	const char	*id;
	const char	*front;
	const char	*stories;	/* ids of its stories ("3,7"), or NULL */
};
int	 store_story_matrix(struct store *, const char *decks, const char *tag,
	    void (*story_fn)(void *, const struct matrix_story *),
	    void (*card_fn)(void *, const struct matrix_card *), void *arg);
char	*store_story_matrix_json(struct store *, const char *decks,
	    const char *tag);

/*
 * Every story in the order they were written, with its cards as
 * DECK/CARD, one a line (or NULL), for story export.
 */
int	 store_story_export(struct store *,
	    void (*fn)(void *, const struct story_rec *, const char *cards),
	    void *arg);

/* store-story-drill.c: rehearsing stories, scheduled by SM-2 like cards. */
struct story_filter {
	const char	*decks;		/* linked to these decks' cards; NULL: any */
	const char	*tag;		/* or NULL */
	int64_t		 today;
};
enum story_queue {
	STORY_DUE,		/* due today or before, earliest first */
	STORY_NEW,		/* never rehearsed, oldest first */
	STORY_ALL,		/* every one, by title (--cram) */
};
/*
 * At most limit (-1: all) stories' ids into *ids (caller frees); on
 * error none, and store_failed.
 */
size_t	 store_story_queue(struct store *, const struct story_filter *,
	    enum story_queue, int64_t limit, int64_t **ids);
/* Stories first rehearsed (scheduled) on day; -1 on error. */
int64_t	 store_story_new_on(struct store *, int64_t day);
/* The earliest due day after today; SCHED_NEW_DUE when none (or on error). */
int64_t	 store_story_next_due(struct store *, int64_t today);
/*
 * A rehearsal as logged; mode "review" (it moved the schedule),
 * "repeat" (the same day again) or "cram".
 */
struct story_rehearsal {
	int64_t			 id;
	int64_t			 story;
	int64_t			 day;
	int			 quality;
	int64_t			 took_ms;
	const char		*mode;
	struct sched_state	 before;
	struct sched_state	 after;
	int64_t			 last_day_before;
	int64_t			 last_day_after;
};
/* Within a transaction: write the new schedule and log the rehearsal. */
int	 store_story_record(struct store *, struct story_rehearsal *);
/* Within a transaction: put back the schedule before rehearsal id, drop it. */
int	 store_story_unrecord(struct store *, int64_t id);

#endif
