/* floor.c: the least work an import or a drill's start could do, to time rehearse against. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <yaml.h>

/*
 * The deck and card tables as src/store.c leaves them (schema version
 * 3), indexes included: inserting into them costs what it costs there.
 */
static const char schema[] =
    "CREATE TABLE deck ("
    "  seq INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  title TEXT, language TEXT, kind TEXT, description TEXT, tags TEXT,"
    "  path TEXT, source TEXT);"
    "CREATE TABLE card ("
    "  deck TEXT NOT NULL REFERENCES deck(id) ON DELETE CASCADE,"
    "  id TEXT NOT NULL,"
    "  pos INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  front TEXT NOT NULL, back TEXT NOT NULL,"
    "  hint TEXT, example TEXT, tags TEXT,"
    "  retired INTEGER NOT NULL DEFAULT 0,"
    "  fresh INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE (deck, id));"
    "CREATE INDEX card_live ON card(deck, fresh, pos, id, retired)"
    "  WHERE retired = 0;";

/*
 * The drill's queue queries (S_QUEUE_DUE, S_QUEUE_NEW in src/store.c,
 * schema version 3), first row only.
 */
static const char first_due[] =
    "SELECT c.deck, c.id, c.front, c.back FROM state s"
    " JOIN card c ON c.deck = s.deck AND c.id = s.card"
    " JOIN deck d ON d.id = c.deck"
    " WHERE s.retired = 0 AND s.suspended = 0 AND s.due <= ?1"
    " ORDER BY s.due, d.seq, c.pos LIMIT 1";
static const char first_new[] =
    "SELECT c.deck, c.id, c.front, c.back FROM card c"
    " JOIN deck d ON d.id = c.deck WHERE c.retired = 0 AND c.fresh = 1"
    " ORDER BY d.seq, c.pos LIMIT 1";

enum field { F_ID, F_KIND, F_FRONT, F_BACK, F_HINT, F_EXAMPLE, F_TAGS, F_N };
static const char *const fields[F_N] = {
	"id", "kind", "front", "back", "hint", "example", "tags"
};

/* Where the parser is: only what a well-formed deck needs. */
enum where { W_TOP, W_CARDS, W_CARD, W_TAGS, W_SKIP };

struct floor {
	sqlite3		*db;
	sqlite3_stmt	*insert;
	yaml_parser_t	 parser;
	enum where	 where;
	int		 depth;		/* inside a skipped value */
	char		*key;		/* the key whose value comes next */
	char		*deck_id;	/* the top-level scalars we keep */
	char		*deck_title;
	char		*deck_kind;
	char		*val[F_N];	/* the card being read */
	char		*tags;		/* its tags as a JSON array, growing */
	size_t		 tagslen;
	long long	 pos;
};

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "floor: %s: %s\n", what, why);
	exit(1);
}

static void
db_die(struct floor *f, const char *what)
{
	die(what, sqlite3_errmsg(f->db));
}

static void
exec(struct floor *f, const char *sql)
{
	if (sqlite3_exec(f->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		db_die(f, sql);
}

static int
field(const char *key)
{
	int i;

	for (i = 0; i < F_N; i++)
		if (strcmp(fields[i], key) == 0)
			return i;
	return -1;
}

static char *
copy(const yaml_event_t *ev)
{
	size_t n = ev->data.scalar.length;
	char *s = malloc(n + 1);

	if (s == NULL)
		die("copy", "out of memory");
	memcpy(s, ev->data.scalar.value, n + 1);
	return s;
}

/* Append "tag" to the JSON array being built, as deck.c writes it. */
static void
add_tag(struct floor *f, const yaml_event_t *ev)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length, i;
	char *p;

	/* Room for ',' or '[', the quoted text escaped, then "]\0". */
	f->tags = realloc(f->tags, f->tagslen + 2 * n + 5);
	if (f->tags == NULL)
		die("tags", "out of memory");
	p = f->tags + f->tagslen;
	*p++ = f->tagslen > 1 ? ',' : '[';
	*p++ = '"';
	for (i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			*p++ = '\\';
		*p++ = s[i];
	}
	*p++ = '"';
	f->tagslen = (size_t)(p - f->tags);
}

static void
bind(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

static void
insert_card(struct floor *f)
{
	sqlite3_stmt *s = f->insert;
	const char *kind = f->val[F_KIND];
	int i;

	if (f->tags != NULL)
		strcpy(f->tags + f->tagslen, "]");
	if (kind == NULL)
		kind = f->deck_kind != NULL ? f->deck_kind : "recall";
	bind(s, 1, f->deck_id);
	bind(s, 2, f->val[F_ID]);
	sqlite3_bind_int64(s, 3, f->pos++);
	bind(s, 4, kind);
	bind(s, 5, f->val[F_FRONT]);
	bind(s, 6, f->val[F_BACK]);
	bind(s, 7, f->val[F_HINT]);
	bind(s, 8, f->val[F_EXAMPLE]);
	bind(s, 9, f->tags);
	if (sqlite3_step(s) != SQLITE_DONE)
		db_die(f, "inserting a card");
	sqlite3_reset(s);
	for (i = 0; i < F_N; i++) {
		free(f->val[i]);
		f->val[i] = NULL;
	}
	free(f->tags);
	f->tags = NULL;
	f->tagslen = 0;
}

/* The deck row goes in when 'cards' starts: its keys come first. */
static void
insert_deck(struct floor *f)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(f->db, "INSERT INTO deck (id, title, kind)"
	    " VALUES (?, ?, ?)", -1, &s, NULL) != SQLITE_OK)
		db_die(f, "preparing");
	bind(s, 1, f->deck_id);
	bind(s, 2, f->deck_title);
	bind(s, 3, f->deck_kind);
	if (sqlite3_step(s) != SQLITE_DONE)
		db_die(f, "inserting the deck");
	sqlite3_finalize(s);
}

/* A top-level value: the deck's id and kind go into every card row. */
static void
top_value(struct floor *f, const yaml_event_t *ev)
{
	if (strcmp(f->key, "deck") == 0)
		f->deck_id = copy(ev);
	else if (strcmp(f->key, "kind") == 0)
		f->deck_kind = copy(ev);
	else if (strcmp(f->key, "title") == 0)
		f->deck_title = copy(ev);
}

static void
scalar(struct floor *f, const yaml_event_t *ev)
{
	int i;

	if (f->where == W_TAGS) {
		add_tag(f, ev);
		return;
	}
	if (f->key == NULL) {
		f->key = copy(ev);
		return;
	}
	if (f->where == W_TOP)
		top_value(f, ev);
	else if ((i = field(f->key)) >= 0) {
		free(f->val[i]);
		f->val[i] = copy(ev);
	}
	free(f->key);
	f->key = NULL;
}

/* One event; returns 0 at the end of the stream. */
static int
step(struct floor *f, const yaml_event_t *ev)
{
	if (f->where == W_SKIP) {
		if (ev->type == YAML_SEQUENCE_START_EVENT ||
		    ev->type == YAML_MAPPING_START_EVENT)
			f->depth++;
		else if ((ev->type == YAML_SEQUENCE_END_EVENT ||
		    ev->type == YAML_MAPPING_END_EVENT) && --f->depth == 0)
			f->where = W_TOP;
		return 1;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		scalar(f, ev);
		break;
	case YAML_SEQUENCE_START_EVENT:
		if (f->where == W_TOP && strcmp(f->key, "cards") == 0) {
			insert_deck(f);
			f->where = W_CARDS;
		} else if (f->where == W_CARD) {
			f->where = W_TAGS;
			f->tagslen = 0;
		} else {
			f->where = W_SKIP;
			f->depth = 1;
		}
		free(f->key);
		f->key = NULL;
		break;
	case YAML_SEQUENCE_END_EVENT:
		f->where = f->where == W_TAGS ? W_CARD : W_TOP;
		break;
	case YAML_MAPPING_START_EVENT:
		if (f->where == W_CARDS)
			f->where = W_CARD;
		else if (f->key != NULL) {
			f->where = W_SKIP;
			f->depth = 1;
			free(f->key);
			f->key = NULL;
		}
		break;
	case YAML_MAPPING_END_EVENT:
		if (f->where == W_CARD) {
			insert_card(f);
			f->where = W_CARDS;
		}
		break;
	case YAML_STREAM_END_EVENT:
		return 0;
	default:
		break;
	}
	return 1;
}

static void
open_db(struct floor *f, const char *path)
{
	if (sqlite3_open_v2(path, &f->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		db_die(f, path);
	sqlite3_busy_timeout(f->db, 10000);
	exec(f, "PRAGMA foreign_keys = ON");
	exec(f, "PRAGMA journal_mode = WAL");
	exec(f, "PRAGMA synchronous = NORMAL");
}

static int
import(const char *dbpath, const char *path)
{
	struct floor f;
	yaml_event_t ev;
	FILE *fp;
	int more = 1;

	memset(&f, 0, sizeof f);
	if ((fp = fopen(path, "rb")) == NULL)
		die(path, "cannot open");
	open_db(&f, dbpath);
	exec(&f, schema);
	exec(&f, "BEGIN IMMEDIATE");
	if (sqlite3_prepare_v2(f.db, "INSERT INTO card (deck, id, pos, kind,"
	    " front, back, hint, example, tags) VALUES (?, ?, ?, ?, ?, ?, ?,"
	    " ?, ?)", -1, &f.insert, NULL) != SQLITE_OK)
		db_die(&f, "preparing");
	yaml_parser_initialize(&f.parser);
	yaml_parser_set_input_file(&f.parser, fp);
	while (more) {
		if (!yaml_parser_parse(&f.parser, &ev))
			die(path, f.parser.problem);
		more = step(&f, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&f.parser);
	fclose(fp);
	sqlite3_finalize(f.insert);
	exec(&f, "COMMIT");
	printf("%lld cards\n", f.pos);
	sqlite3_close(f.db);
	free(f.deck_id);
	free(f.deck_title);
	free(f.deck_kind);
	free(f.key);
	return 0;
}

/* Print the row's card; 0 when there was none. */
static int
show(struct floor *f, const char *sql, long long today)
{
	sqlite3_stmt *s;
	int found;

	if (sqlite3_prepare_v2(f->db, sql, -1, &s, NULL) != SQLITE_OK)
		db_die(f, "preparing");
	sqlite3_bind_int64(s, 1, today);
	found = sqlite3_step(s) == SQLITE_ROW;
	if (found)
		printf("%s/%s\n%s\n\n%s\n", sqlite3_column_text(s, 0),
		    sqlite3_column_text(s, 1), sqlite3_column_text(s, 2),
		    sqlite3_column_text(s, 3));
	sqlite3_finalize(s);
	return found;
}

static int
first(const char *dbpath, const char *day)
{
	struct floor f;
	long long today = strtoll(day, NULL, 10);

	memset(&f, 0, sizeof f);
	open_db(&f, dbpath);
	if (!show(&f, first_due, today) && !show(&f, first_new, today))
		puts("no card");
	sqlite3_close(f.db);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "import") == 0)
		return import(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "first-due") == 0)
		return first(argv[2], argv[3]);
	fprintf(stderr, "usage: floor import DB FILE\n"
	    "       floor first-due DB DAY-NUMBER\n");
	return 2;
}
