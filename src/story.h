/*
 * story.h: the story bank's services, for the story command and the
 * drill: editing stories, showing and checking them, their files, their
 * rehearsal.  cmd-story.c, cmd-drill.c and session-story.c call
 * story-*.c, which call story.c, store-story*.c and story-text.c; none
 * calls back up.
 */
#ifndef REHEARSE_STORY_H
#define REHEARSE_STORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "rehearse.h"
#include "store-story.h"
#include "story-text.h"

/* story.c: what the story services share. */
/* Say what went wrong in the database; EXIT_FAIL. */
int	 story_fail(struct store *);
/*
 * Look a story up by title or id, saying so when there is none: 0, 1
 * (said), -1 (store_failed, not said).
 */
int	 story_find(struct store *, const char *name, struct story_rec *);
/*
 * The language of a new story: the deck's ("nl" or "en") when it names
 * one, else the interface's.
 */
const char *story_language(const char *deck_language);
/* The numbered list a choice is made from, one title a line. */
void	 story_choices(const struct story_ref *, size_t n);
/*
 * The story an answer names: its number in the list, or its title or id
 * (any case); -1 for an empty answer, -2 for one that names none.
 */
int	 story_choice(const char *answer, const struct story_ref *, size_t n);

/* story-editor.c: text edited in $VISUAL/$EDITOR, in a private temporary file. */
struct edit_file {
	char	*path;
	char	*text;		/* what the editor left in it */
};
/*
 * Write text to a new temporary file (mode 0600), run the editor on it
 * and read it back: 0 with *f filled, -1 after a message (nothing kept).
 */
int	 editor_run(const char *text, struct edit_file *f);
/*
 * Remove the file, or, when what it holds could not be saved, keep it
 * and say where.  Frees *f.
 */
void	 editor_done(struct edit_file *f, bool keep);

/* story-edit.c: a story written or changed in the editor. */
/*
 * Pick one of a card's n stories for :edit or 'story DECK/CARD': its
 * index, -1 to do nothing, or -2 when that is an error (said).
 */
typedef int (*story_choose_fn)(void *arg, const struct story_ref *, size_t n);
/*
 * Each returns an exit status, after saying what happened; EXIT_FAIL
 * with store_failed when the database failed.
 */
/* A new story titled title (tags: the list as given, or NULL). */
int	 story_edit_new(struct store *, const char *title, const char *tags);
/* The story named name. */
int	 story_edit_named(struct store *, const char *name);
/*
 * The story of a card (the one named, else its one story, else the one
 * choose picks); a card without one gets a new story, titled after its
 * front and linked to it.
 */
int	 story_edit_card(struct store *, const struct card_view *,
	    const char *name, story_choose_fn choose, void *arg);

/*
 * story-show.c: each returns an exit status, after saying why when it
 * is not EXIT_OK.
 */
int	 story_show(struct store *, const struct story_rec *, bool json);
int	 story_list(struct store *, bool json);
/* story check: the stories named, or all; EXIT_FAIL on any error. */
int	 story_check_bank(struct store *, int argc, char **argv);

/* story-matrix.c: the coverage of decks (JSON array or NULL) by stories. */
int	 story_matrix(struct store *, const char *decks, const char *tag,
	    bool json);

/* story-yaml.c: the bank to a file (NULL or "-": stdout), and back. */
int	 story_export(struct store *, const char *path);
/* Merge a file into the bank by title, in one transaction. */
int	 story_import(struct store *, const char *path);

/*
 * story-drill.c: drill --stories: rehearse the stories due (linked to
 * cards of decks, a JSON array, or all), as many new ones as --new
 * allows, or (--cram) all.
 */
int	 story_drill(struct store *, const struct options *,
	    const char *decks, const char *history);

#endif
