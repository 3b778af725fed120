/*
 * mock.h: the mock interview, shared by the files that make it up.
 * cmd-mock.c starts it; mock.c plans it (pure: cards, minutes and a
 * seed in, the questions out), mock-run.c asks them and saves each
 * graded answer, mock-report.c prints what was saved.  mock-run.c and
 * mock-report.c call mock.c; none calls back up.
 */
#ifndef REHEARSE_MOCK_H
#define REHEARSE_MOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "deck.h"
#include "store.h"

/* The lengths a mock may have, in minutes (--minutes). */
#define MOCK_MINUTES_DEFAULT 45
/* How long a follow-up answer should take, in seconds. */
#define MOCK_PROBE_TARGET 60

/* mock.c: what each part of a mock is like (index: deck_sections). */
struct mock_part {
	const char	*name;		/* N_(): translate with _() */
	int		 target;	/* seconds an answer should take */
	bool		 probe;		/* a general probe if a card has none */
};
extern const struct mock_part mock_parts[DECK_SECTIONS];
/* An answer runs long past this many seconds, and is very short under. */
int	 mock_long(int target);
int	 mock_short(int target);
/* Whether a mock of this many minutes exists (45, 60 or 90). */
bool	 mock_minutes_valid(int64_t);
/*
 * The part a card goes to (an index of deck_sections), or -1 when a
 * mock does not ask it; named: the card's deck was named for the mock.
 */
int	 mock_part_of(const struct mock_card *, bool named);

/* One question of a plan; the strings are borrowed from the cards. */
struct mock_question {
	const struct mock_card	*card;
	int			 part;
	const char		*probe;		/* the card's, or NULL */
	int			 general;	/* or a general one; -1: none */
};
struct mock_plan {
	int64_t			 minutes;
	uint64_t		 seed;
	struct mock_question	*q;
	size_t			 n;
	size_t			 count[DECK_SECTIONS];	/* questions per part */
};
/*
 * Choose the questions: per part as many as the minutes allow, the
 * cards known least first (lowest ease, most lapses, never seen), ties
 * broken by the seed, never a card twice; in the order the parts run,
 * the closing part ending on a card of the deck "closing" if it has one.
 * named[i]: card i's deck was named (NULL: none was); only those
 * decks fill the technical part, whose questions otherwise go to
 * competency and situational.  The plan borrows the cards; free it with
 * mock_plan_free.
 */
void	 mock_plan(struct mock_plan *, const struct mock_card *, size_t n,
	    const bool *named, int64_t minutes, uint64_t seed);
void	 mock_plan_free(struct mock_plan *);
/* The general probes (N_(): translate with _()), and how many. */
extern const char *const mock_general_probes[];
#define MOCK_GENERAL_PROBES 6
/* A seed for a mock not given --seed, from noise such as the time. */
uint64_t mock_seed_from(uint64_t noise);
/* Seconds as "m:ss" in buf, which it returns. */
#define MOCK_TIME_BUFSZ 24
char	*mock_time(int64_t secs, char buf[MOCK_TIME_BUFSZ]);

/* mock-run.c: a plan asked, on a terminal or through a pipe. */
struct speaker;
struct mock_session {
	struct store		*st;
	const struct mock_plan	*plan;
	struct speaker		*sp;		/* NULL: nothing said aloud */
	int64_t			 today;
	struct mock_rec		 rec;		/* id 0: not saved yet */
	size_t			 answered;	/* graded and saved */
	/* Left out before the first grade: saved with it, else not. */
	struct mock_answer	*pending;	/* strings owned */
	size_t			 npending;
	bool			 failed;	/* ended on an error, said */

	/* The answer being timed, for its prompt. */
	int64_t			 start_ms;
	int64_t			 elapsed;	/* seconds, as last shown */
	int			 target;	/* seconds; 0: a follow-up's */
	int			 limit;		/* past it, the prompt says */
	char			 prompt[160];
};
/*
 * Ask every question of the plan until the user leaves.  Each graded
 * answer is saved as it is given (the mock with the first), so leaving
 * half way keeps them; a question left out is saved too, without a
 * grade, but a mock with no grade at all is not.  A database error
 * ends the mock, said, with failed set.
 */
void	 mock_run(struct mock_session *, const char *history_path);

/*
 * mock-report.c: what a saved mock shows: the parts with each answer's
 * time against its target, the answers that ran long or were very
 * short, the lowest grades and the cards to drill next.  An exit status,
 * after a message unless EXIT_OK.
 */
int	 mock_report(struct store *, int64_t id, bool json);
/* Every mock so far: date, minutes, questions, mean grade. */
int	 mock_history(struct store *, bool json);

#endif
