/*
 * session.h: the drill session, shared by the files that make it up.
 * cmd-drill.c starts it; session.c runs it, calling prompt.c (what is
 * typed at its prompts), reveal.c (a card on the screen) and queue.c
 * (its cards); prompt.c calls reveal.c, queue.c and session-story.c
 * (your stories), which calls reveal.c.  None calls back up.
 */
#ifndef REHEARSE_SESSION_H
#define REHEARSE_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rehearse.h"

#define REDRILL_BELOW 4		/* grades under this come back this session */
#define DUE_PAGE 20		/* due cards fetched at a time */
#define DUE_COUNT_CAP 100	/* past this many due cards, say "100+" */

/*
 * queue.c: the session's cards in order: due cards (fetched a page at a
 * time, up to due_end), then new cards, then cards to drill again.
 * due_left are due cards not fetched yet, so that the first card shows
 * at once however many are due.  The keys belong to the queue.
 */
struct queue {
	struct store		*st;
	struct queue_filter	 filter;	/* strings borrowed */
	int64_t			 today;
	struct card_key		*keys;
	size_t			 head;		/* the card on screen */
	size_t			 len;
	size_t			 cap;
	size_t			 due_end;
	int64_t			 due_left;
	bool			 due_more;	/* maybe more due than due_left */
	struct card_key		*skipped;	/* passed over, not graded since */
	size_t			 nskipped;
};
/* Add a card at the end (new cards, and cards to drill again). */
void		 queue_push(struct queue *, const char *deck, const char *id);
/*
 * Show k next (an undone card): its last showing before head moves to
 * just before head, which goes back to it, so the count is not raised;
 * true when it was found there, false when k was put in front of head.
 */
bool		 queue_back(struct queue *, const struct card_key *);
/* Whether a queue's key is k. */
bool		 card_key_eq(const struct card_key *, const struct card_key *);
/* Drop the last copy of a card queued after head (an undone re-drill). */
void		 queue_drop_last(struct queue *, const struct card_key *);
/*
 * A card passed over (:skip, Ctrl-C) comes back once, at the end: true
 * when it was queued again, false when it had been passed over before.
 */
bool		 queue_skip(struct queue *, const struct card_key *);
/* A card graded is no longer passed over; whether it was. */
bool		 queue_graded(struct queue *, const struct card_key *);
/* An undone grade: k is passed over again, its copy at the end kept. */
void		 queue_ungraded(struct queue *, const struct card_key *);
/* Whether a card is passed over and not graded since. */
bool		 queue_skipped(const struct queue *, const struct card_key *);
/* Fetch the next page of due cards; -1 when the read failed. */
int		 queue_fetch_due(struct queue *, int64_t page);
/* Whether a due page must be fetched before the card at head. */
bool		 queue_wants_due(const struct queue *);
/* Cards in the session: those queued and the due ones still to fetch. */
size_t		 queue_total(const struct queue *);
/* The session's size as shown: "57", or "110+" past the counting cap. */
const char	*queue_label(const struct queue *);
void		 queue_free(struct queue *);

/* What a line typed at a prompt means. */
enum input {
	IN_TEXT,
	IN_HELP,
	IN_HINT,
	IN_EXAMPLE,
	IN_UNDO,
	IN_SKIP,
	IN_EDIT,
	IN_STORY,
	IN_LINK,
	IN_SUSPEND,
	IN_STATS,
	IN_QUIT,
	IN_UNKNOWN,
};

/* What the session does after a card, or after a command at its prompt. */
enum step {
	STEP_NEXT,		/* go on to the next card */
	STEP_STAY,		/* show the card at head again */
	STEP_QUIT,
};

/* A grade, or a :suspend, that :undo can take back. */
struct undo {
	int64_t		 review_id;
	struct card_key	 key;
	bool		 requeued;	/* it also put the card back in the queue */
	bool		 suspended;	/* a :suspend, not a grade */
	bool		 skipped;	/* the card had been passed over before */
};

/* session.c: one drill, from its queue to its summary. */
struct session {
	const struct options	*o;
	struct store		*st;
	struct queue		 q;
	struct undo		*undo;
	size_t			 nundo;
	size_t			 reviewed;	/* grades recorded */
	size_t			 again;		/* of which below REDRILL_BELOW */
	bool			 hint_shown;	/* :hint on the card on screen */
	bool			 cram;
	bool			 one_deck;	/* new cards need no turns */
	const char		*decks;		/* JSON array or NULL; borrowed */
	int64_t			 shown_ms;	/* when the front appeared */
	char			 prompt[160];
	const char		*prompt_base;
	bool			 timed;		/* the prompt shows a clock */
	bool			 failed;	/* ended on an error, already said */
	int64_t			 interview;	/* the nearest date, or SCHED_NEW_DUE */
	double			 ready_before;	/* readiness before the first grade */
	bool			 ready_known;
	int64_t			 new_limit;	/* today's, after pacing */
	int64_t			 limit;		/* cards at most (INT64_MAX: any) */
	int64_t			 budget;	/* config max-reviews, or 0 */
	int64_t			 waiting;	/* due cards the budget leaves */
	int64_t			 allowed;	/* new cards this session may take */
	int64_t			 new_wanted;	/* what new_limit leaves today */
	int64_t			 unseen;	/* among the session's decks */
	struct session_stories	*stories;	/* session-story.c's */
};
void	 session_init(struct session *, struct store *,
	    const struct options *, const char *decks);
/*
 * Read what the session needs (inside the caller's read transaction):
 * the interview date, the queue, the cards not seen yet.  -1 when a
 * read failed (store_failed; nothing said yet).
 */
int	 session_build(struct session *);
/*
 * Drill until the queue is done or the user leaves.  A database error
 * ends it, said, with s->failed set; every grade before it is saved.
 */
void	 session_run(struct session *, const char *history_path);
/* "Session over: ...", when the next review is due, and readiness. */
void	 session_summary(struct session *);
void	 session_free(struct session *);

/* prompt.c: what the user types during a drill. */
/* The words the line editor completes. */
extern const char *const prompt_words[];
/*
 * Read at a prompt until a line is for the caller, handling there the
 * commands that stay at the prompt (:help, :hint, :example, :edit,
 * :stats).
 * Returns what the line is (*line belongs to the caller), or IN_QUIT at
 * the end of input or after an error; IN_SKIP and *interrupted on
 * Ctrl-C.
 */
enum input	 prompt_read(struct session *, struct card_view *,
		    const char *prompt, bool timed, char **line,
		    bool *interrupted);
/* Carry out a command that leaves the prompt: :quit, :skip, :undo, :suspend. */
enum step	 prompt_leave(struct session *, const struct card_view *,
		    enum input, bool interrupted);
/* Ask for a grade and record it; STEP_NEXT once one is saved. */
enum step	 prompt_grade(struct session *, struct card_view *,
		    bool *interrupted);

/* session-story.c: your stories during a drill. */
/* Read the bank's titles for Tab, once the line editor is set up. */
void	 session_story_start(struct session *);
void	 session_story_free(struct session *);
/* :edit [STORY]: the card's story (or the one named) in the editor. */
void	 session_story_edit(struct session *, struct card_view *,
	    const char *line);
/* :story: the beats of the card's stories. */
void	 session_story_beats(struct session *, const struct card_view *);
/* :link [STORY]: a story of the bank linked to the card. */
void	 session_story_link(struct session *, struct card_view *,
	    const char *line);
/* After a reveal: a competency card without a story says so, once. */
void	 session_story_nudge(struct session *, const struct card_view *);

/* reveal.c: a card on the screen. */
/* A card's kind ("recall") in the user's language; borrowed. */
const char	*reveal_kind(const char *kind);
void	 reveal_front(const struct card_view *, size_t pos,
	    const char *total);
/*
 * The answer and what goes with it; secs: time taken on the front.  The
 * hint is left out when :hint showed it already; the example answer and
 * your story are only announced, for :example.
 */
void	 reveal_back(const struct card_view *, int64_t secs,
	    int64_t time_limit, bool hint_shown);
/*
 * A line of our own, wrapped between words to the terminal, in a style
 * (a colour from term.h, or "") that ends before its newline.
 */
void	 reveal_say(const char *style, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* One labelled field, skipped when empty. */
void	 reveal_field(const char *label, const char *text);
/* The titles of a card's stories (a line each, or NULL), one line each. */
void	 reveal_stories(const char *titles);
/* :example: the example answer and your story, or that there are none. */
void	 reveal_example(const struct card_view *);
void	 reveal_help(void);

#endif
