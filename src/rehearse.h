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
	O_FOR = 1 << 11,
	O_DECK = 1 << 12,
	O_TITLE = 1 << 13,
	O_KIND = 1 << 14,
	O_FORMAT = 1 << 15,
	O_STORY = 1 << 16,
	O_TAGS = 1 << 17,
	O_STORIES = 1 << 18,
	O_MINUTES = 1 << 19,
	O_SEED = 1 << 20,
	O_SPEAK = 1 << 21,
	O_SPEAK_TO = 1 << 22,
	O_HISTORY = 1 << 23,
	O_LAST = 1 << 24,
	O_ALL = 1 << 25,
};

struct options {
	unsigned	 given;		/* enum opt_bit of options on the line */
	const char	*db;		/* borrowed from argv or the environment */
	const char	*lang;
	const char	*tag;
	const char	*for_decks;	/* --for, a comma-separated list */
	const char	*deck;		/* --deck, --title, --kind, --format */
	const char	*title;
	const char	*kind;
	const char	*format;	/* checked by the command that takes it */
	const char	*story;		/* --story: a story's title or id */
	const char	*tags;		/* --tags: a new story's, "a,b" */
	int64_t		 new_cards;	/* --new, default 10 */
	int64_t		 limit;		/* --limit, 0: none */
	int64_t		 time_limit;	/* seconds, 0: none */
	int64_t		 today;
	int64_t		 minutes;	/* --minutes: 45, 60 or 90 */
	int64_t		 seed;		/* --seed */
	const char	*speak_to;	/* --speak-to DIR */
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
extern const struct cmd_entry cmd_config_entry;
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
extern const struct cmd_entry cmd_convert_entry;
extern const struct cmd_entry cmd_new_entry;
extern const struct cmd_entry cmd_mock_entry;
/*
 * A value the command line gave that this command cannot take: a
 * message, the pointer to --help, and EXIT_USAGE.
 */
int	cmd_usage_error(const char *, ...) __attribute__((format(printf, 1, 2)));
/* What --help and 'rehearse help' print: the synopsis and the commands. */
void	cmd_usage(FILE *);
/*
 * The first n bytes of a synopsis after prefix ("  drill    "), wrapped
 * to the terminal under the synopsis's first column, never inside [...].
 */
void	cmd_print_synopsis(FILE *, const char *prefix, const char *, size_t n);

/*
 * The path of name in the data directory, which is created (mode 0700)
 * when missing; caller frees.  NULL after a message.
 */
char	*cmd_data_file(const char *name);
/*
 * Ask question (ending in "[y/N]") on the terminal, wrapped to its width,
 * and read the answer: true for yes (cmd_is_yes); anything else, Ctrl-D
 * or Ctrl-C, is a no.
 */
bool	 cmd_confirm(const char *question);
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
 * import.c: one deck file into the database, marked as one of the
 * bundled decks or as your own; prints a summary line for your own.  0
 * when it went in.
 */
int	 import_file(struct store *, const char *path, bool bundled);
/*
 * For import-dir.c: the deck ids one import has taken so far, each with
 * its file, so that a second file declaring one of them is refused (an
 * error, not imported) rather than left to replace the first one's deck.
 */
struct deck_ids;
struct import_taken {
	struct deck_ids	 *ids;		/* line: 1 + the file's index */
	char *const	 *paths;	/* the import's files, borrowed */
	size_t		  at;		/* the index of the file now */
};
int	 import_file_once(struct store *, const char *path,
	    struct import_taken *);
/*
 * import-dir.c: a file as import_file does, or every *.yaml under a
 * directory (recursively, in path order, hidden directories skipped),
 * each a transaction of its own.  0 when all went in.
 */
int	 import_path(struct store *, const char *path);
/*
 * The deck files under dir, as import_path finds them, into *paths (n of
 * them, for deck_files_free); -1 after a message when a directory could
 * not be read or none was found.
 */
int	 deck_files(const char *dir, char ***paths, size_t *n);
void	 deck_files_free(char **paths, size_t n);

/* review.c: grading, shared by the REPL and the grade command. */
int	 review_grade(struct store *, const char *deck, const char *card,
	    int quality, int64_t today, int64_t took_ms, bool cram,
	    struct review_rec *);
/*
 * The same, with also called inside the grade's transaction once the
 * review is logged (r->id set), to write what belongs with it: the
 * grade is kept only if also returns 0.
 */
typedef int (*review_also_fn)(struct store *, const struct review_rec *r,
	    void *arg);
int	 review_grade_with(struct store *, const char *deck,
	    const char *card, int quality, int64_t today, int64_t took_ms,
	    bool cram, struct review_rec *, review_also_fn also, void *arg);
int	 review_undo(struct store *, int64_t review_id);
/*
 * The default interview date, for every deck without one of its own;
 * SCHED_NEW_DUE when none is set, or when it cannot be read (then
 * store_failed tells).
 */
int64_t	 review_default_interview(struct store *);
/* The default retention FSRS intervals aim at (rehearse config). */
#define REVIEW_RETENTION 0.9
/*
 * The settings that schedule a review (rehearse config), and the
 * default interview date; on a read error store_failed tells.
 */
void	 review_plan(struct store *, struct sched_plan *);
/* A retention as config takes it: "0.8" to "0.97", in any locale. */
bool	 review_parse_retention(const char *, double *);
/* A daily budget of cards as config takes it: 1 to REVIEW_BUDGET_MAX. */
#define REVIEW_BUDGET_MAX 100000
bool	 review_parse_budget(const char *, int64_t *);

/*
 * report.c: statistics for decks (JSON array or NULL), as text with bar
 * charts, as JSON, or in a few lines for the drill's :stats; an exit
 * status, after a message unless EXIT_OK.  Nothing is printed when a
 * read fails.
 */
enum report_form {
	REPORT_TEXT,
	REPORT_JSON,
	REPORT_SHORT,
};
int	 report_stats(struct store *, const char *decks, int64_t today,
	    enum report_form);

/*
 * export-anki.c: deck as Anki's "Notes in Plain Text" on stdout, the
 * card ids as guids; an exit status, after a message unless EXIT_OK.
 */
int	 export_anki(struct store *, const char *deck, bool with_stories);

/* bundled.c: the decks that ship with rehearse. */
/* The language to use: --lang, else LC_ALL/LC_MESSAGES/LANG. */
const char *bundled_lang(const char *opt);
/*
 * Import every bundled deck of lang; the number imported, -1 on error,
 * and in *failed (unless NULL) the files that did not import.  A deck
 * of your own with a bundled deck's id is left alone.
 */
int	 bundled_import(struct store *, const char *lang, int *failed);
/*
 * When the database holds bundled decks in another language than lang,
 * import lang's in their place (the ids are the same, so progress stays)
 * and say so; 0, or -1 after an error was said (also when a file did
 * not import).
 */
int	 bundled_switch(struct store *, const char *lang);

/*
 * new-template.c: the starter deck of 'rehearse new', for lang ("en" or
 * "nl", anything else is English): its lines (NULL-terminated, with
 * @DECK@ and a line @TITLE@ to fill in) and its default title, a format
 * taking the deck id.  All static.
 */
struct new_template {
	const char *const	*lines;
	const char		*title;
};
const struct new_template *new_template(const char *lang);

#endif
