/*
 * rehearse.h: what the commands and the services under them share:
 * options, the command table, helpers, and one section per service file.
 */
#ifndef REHEARSE_H
#define REHEARSE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>

#include "msg.h"
#include "store.h"

/* Exit status, as documented in rehearse(1). */
enum exit_status {
	EXIT_OK = 0,
	EXIT_FAIL = 1,		/* a well-formed request that cannot be done */
	EXIT_USAGE = 2,		/* the command line itself is wrong */
};

/* Options, parsed once in main.c; each command says which it takes. */
enum opt_bit {
	O_JSON = 1 << 0,
	O_NEW = 1 << 1,
	O_TAG = 1 << 2,
	O_LIMIT = 1 << 3,
	O_CRAM = 1 << 4,
	O_LANG = 1 << 5,
	O_WITH_STORIES = 1 << 6,
	O_YES = 1 << 7,
	O_CLEAR = 1 << 8,
	O_TIME_LIMIT = 1 << 9,
	O_IN_ORDER = 1 << 10,
	O_STORY = 1 << 11,
	O_TAGS = 1 << 12,
	O_STORIES = 1 << 13,
};

struct options {
	unsigned	 given;		/* enum opt_bit of options on the line */
	const char	*db;		/* borrowed from argv or the environment */
	const char	*lang;
	const char	*tag;
	const char	*story;		/* --story: a story's title or id */
	const char	*tags;		/* --tags: a new story's, "a,b" */
	int64_t		 new_cards;	/* --new, default 10 */
	int64_t		 limit;		/* --limit, 0: none */
	int64_t		 time_limit;	/* seconds, 0: none */
	int64_t		 today;
};

/* cmd.c: the table of commands, tmux-style. */
struct cmd_entry {
	const char	*name;
	const char	*usage;
	int		 min_args;
	int		 max_args;	/* -1: any */
	unsigned	 options;	/* enum opt_bit accepted */
	int		 (*exec)(const struct options *, int, char **);
};
const struct cmd_entry	*cmd_find(const char *);

extern const struct cmd_entry cmd_drill_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_suspend_entry;
extern const struct cmd_entry cmd_unsuspend_entry;
extern const struct cmd_entry cmd_lint_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_grade_entry;
extern const struct cmd_entry cmd_stats_entry;
extern const struct cmd_entry cmd_story_entry;
extern const struct cmd_entry cmd_interview_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_forget_entry;
extern const struct cmd_entry cmd_help_entry;
/* What --help and 'rehearse help' print: the synopsis and the commands. */
void	cmd_usage(FILE *);

/*
 * The path of name in the data directory, which is created (mode 0700)
 * when missing; caller frees.  NULL after a message.
 */
char	*cmd_data_file(const char *name);
/* An answer to a [y/N] question that says yes (in English or the user's words). */
bool	 cmd_is_yes(const char *line);
/* Open the database the options name, creating it; NULL after a message. */
struct store	*cmd_open_store(const struct options *);
/*
 * Check a deck id operand; its JSON array in *json (caller frees).  An
 * exit status, after a message unless EXIT_OK.
 */
int	 cmd_check_deck(struct store *, const char *id, char **json);
/* Look up a card for a command; prints the error when it is not there. */
int	 cmd_get_card(struct store *, const char *arg, struct card_view *);
/*
 * Before a command reports success: EXIT_OK, or EXIT_FAIL after saying
 * why the database failed (store_failed), so that a failed read never
 * passes for an empty or partial answer.
 */
int	 cmd_check_store(struct store *);
/* EXIT_FAIL after saying what went wrong in the database (store_error). */
int	 cmd_store_error(struct store *);

/*
 * import.c: one deck file into the database; prints a summary line
 * unless quiet.  0 when it went in.
 */
int	 import_file(struct store *, const char *path, bool quiet);

/* review.c: grading, shared by the REPL and the grade command. */
int	 review_grade(struct store *, const char *deck, const char *card,
	    int quality, int64_t today, int64_t took_ms, bool cram,
	    struct review_rec *);
int	 review_undo(struct store *, int64_t review_id);
/* The interview date, when one is set (iv->load is left zero). */
bool	 review_interview(struct store *, struct sched_interview *iv);

/*
 * report.c: statistics for decks (JSON array or NULL), as text with bar
 * charts or as JSON; an exit status, after a message unless EXIT_OK.
 * Nothing is printed when a read fails.
 */
int	 report_stats(struct store *, const char *decks, int64_t today,
	    bool json);

/* bundled.c: the decks that ship with rehearse. */
/* The bundled decks' directory for lang ("en" or "nl"); caller frees. */
char	*bundled_dir(const char *lang);
/* The language to use: --lang, else LC_ALL/LC_MESSAGES/LANG. */
const char *bundled_lang(const char *opt);
/* Import every bundled deck of lang; the number imported, -1 on error. */
int	 bundled_import(struct store *, const char *lang);

#endif
