/* store-story.c: the story bank's records: stories written, renamed and deleted, and their links to cards. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "store-int.h"
#include "store-story.h"
#include "xmalloc.h"

/* A story's columns, in the order read_story takes them. */
#define STORY_COLS "SELECT " STORY_ROW " FROM story s"
/* A story's text and its place in the bank, as written by add and put. */
#define STORY_SET \
    " slug = ?2, title = ?3, language = ?4, tags = ?5, notes = ?6," \
    " situation = ?7, task = ?8, action = ?9, result = ?10," \
    " reflection = ?11, updated_ms = ?12"

static const char *const stmt_sql[S__COUNT] = {
	/*
	 * An id first, as it names one story for good; then a title, in
	 * any case (a title may spell another story's id).
	 */
	[S_STORY_BY_NAME] = STORY_COLS " WHERE slug = ?1 OR title = ?1"
	    " ORDER BY slug = ?1 DESC LIMIT 1",
	[S_STORY_BY_ID] = STORY_COLS " WHERE id = ?1",
	[S_STORY_BY_TITLE] = STORY_COLS " WHERE title = ?1",
	[S_STORY_ADD] = "INSERT INTO story (slug, title, language, tags,"
	    " notes, situation, task, action, result, reflection, updated_ms,"
	    " created_ms) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
	    " ?12, ?12)",
	[S_STORY_PUT] = "UPDATE story SET" STORY_SET " WHERE id = ?1",
	[S_STORY_DEL] = "DELETE FROM story WHERE id = ?1",
	[S_STORY_TITLE_USED] = "SELECT count(*) FROM story"
	    " WHERE title = ?1 AND id IS NOT ?2",
	[S_STORY_SLUG_USED] = "SELECT count(*) FROM story"
	    " WHERE slug = ?1 AND id IS NOT ?2",
	[S_STORY_LINK] = "INSERT INTO story_link (story, deck, card)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
	[S_STORY_UNLINK] = "DELETE FROM story_link"
	    " WHERE story = ?1 AND deck = ?2 AND card = ?3",
	[S_STORY_LINK_COUNT] = "SELECT count(*) FROM story_link"
	    " WHERE story = ?1",
	[S_STORY_CARD_EXISTS] = "SELECT count(*) FROM card"
	    " WHERE deck = ?1 AND id = ?2",
	[S_STORY_REFS_CARD] = "SELECT t.id, t.slug, t.title"
	    " FROM story_link l JOIN story t ON t.id = l.story"
	    " WHERE l.deck = ?1 AND l.card = ?2 ORDER BY l.rowid",
	[S_STORY_REFS_ALL] = "SELECT id, slug, title FROM story"
	    " ORDER BY title, id",
};

void
story_rec_free(struct story_rec *r)
{
	free(r->slug);
	free(r->title);
	free(r->language);
	free(r->tags);
	story_text_free(&r->text);
	memset(r, 0, sizeof *r);
}

/* A column's text, "" for NULL. */
static char *
column_text(sqlite3_stmt *s, int i)
{
	char *v = column_strdup(s, i);

	return v != NULL ? v : xstrdup("");
}

void
story_read_row(sqlite3_stmt *s, struct story_rec *r)
{
	int i;

	r->id = sqlite3_column_int64(s, 0);
	r->slug = column_strdup(s, 1);
	r->title = column_strdup(s, 2);
	r->language = column_strdup(s, 3);
	r->tags = column_strdup(s, 4);
	r->text.notes = column_text(s, 5);
	for (i = 0; i < STORY_PARTS; i++)
		r->text.part[i] = column_text(s, 6 + i);
	r->st.reps = sqlite3_column_int64(s, 11);
	r->st.interval = sqlite3_column_int64(s, 12);
	r->st.ef = sqlite3_column_double(s, 13);
	r->st.due = column_day(s, 14);
	r->st.lapses = sqlite3_column_int64(s, 15);
	r->last_day = column_day(s, 16);
	r->updated_ms = sqlite3_column_int64(s, 17);
	r->rehearsals = sqlite3_column_int64(s, 18);
	r->last_rehearsed = column_day(s, 19);
}

/* Step s for one story: 0 and *r filled, 1 without a row, -1 on error. */
static int
get(struct store *st, sqlite3_stmt *s, struct story_rec *r)
{
	int rc;

	memset(r, 0, sizeof *r);
	if ((rc = step(st, s, N_("reading a story"))) <= 0)
		return rc == 0 ? 1 : -1;
	story_read_row(s, r);
	sqlite3_reset(s);
	return 0;
}

int
store_story_get(struct store *st, const char *name, struct story_rec *r)
{
	sqlite3_stmt *s = stmt(st, S_STORY_BY_NAME, stmt_sql);

	bind_text(s, 1, name);
	return get(st, s, r);
}

int
store_story_get_id(struct store *st, int64_t id, struct story_rec *r)
{
	sqlite3_stmt *s = stmt(st, S_STORY_BY_ID, stmt_sql);

	sqlite3_bind_int64(s, 1, id);
	return get(st, s, r);
}

/* Whether a story other than id (0: any) has this title, or this slug. */
static int64_t
used(struct store *st, enum stmt which, const char *v, int64_t id)
{
	sqlite3_stmt *s = stmt(st, which, stmt_sql);

	bind_text(s, 1, v);
	if (id != 0)
		sqlite3_bind_int64(s, 2, id);
	return scalar(st, s, N_("reading the story bank"));
}

char *
store_story_free_title(struct store *st, const char *base)
{
	char *title = xstrdup(base);
	int64_t n;
	int k;

	for (k = 2; (n = used(st, S_STORY_TITLE_USED, title, 0)) > 0; k++) {
		free(title);
		title = xasprintf("%s (%d)", base, k);
	}
	if (n < 0) {
		free(title);
		return NULL;
	}
	return title;
}

/* The title's id, made unique among the other stories' (NULL on error). */
static char *
free_slug(struct store *st, const char *title, int64_t id)
{
	char *base = story_slug(title), *slug = xstrdup(base);
	int64_t n;
	int k;

	for (k = 2; (n = used(st, S_STORY_SLUG_USED, slug, id)) > 0; k++) {
		free(slug);
		/* The number fits: ids are cut short enough for it. */
		story_slug_cut(base, STORY_SLUG_MAX - 8);
		slug = xasprintf("%s-%d", base, k);
	}
	free(base);
	if (n < 0) {
		free(slug);
		return NULL;
	}
	return slug;
}

/* Bind what add and put write (?2 to ?12), at time ms. */
static void
bind_story(sqlite3_stmt *s, const struct story_rec *r,
    const char *tags_json, int64_t ms)
{
	int i;

	bind_text(s, 2, r->slug);
	bind_text(s, 3, r->title);
	bind_text(s, 4, r->language);
	bind_text(s, 5, tags_json);
	bind_text(s, 6, r->text.notes);
	for (i = 0; i < STORY_PARTS; i++)
		bind_text(s, 7 + i, r->text.part[i]);
	sqlite3_bind_int64(s, 12, ms);
}

/* Add r at time ms; see store_story_add. */
static int
add_at(struct store *st, struct story_rec *r, const char *tags_json,
    int64_t ms)
{
	sqlite3_stmt *s;
	int64_t n = used(st, S_STORY_TITLE_USED, r->title, 0);

	if (n != 0)
		return n > 0 ? 1 : -1;
	free(r->slug);
	if ((r->slug = free_slug(st, r->title, 0)) == NULL)
		return -1;
	s = stmt(st, S_STORY_ADD, stmt_sql);
	bind_story(s, r, tags_json, ms);
	if (run(st, s, N_("saving the story")) != 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(st->db);
	r->updated_ms = ms;
	return 0;
}

int
store_story_add(struct store *st, struct story_rec *r, const char *tags_json)
{
	return add_at(st, r, tags_json, clock_now_ms());
}

/* A new title gets its own id; an unchanged one keeps the id it has. */
int
store_story_put(struct store *st, struct story_rec *r, const char *tags_json)
{
	struct story_rec old;
	sqlite3_stmt *s;
	int64_t n = used(st, S_STORY_TITLE_USED, r->title, r->id);
	int rc;

	if (n != 0)
		return n > 0 ? 1 : -1;
	if ((rc = store_story_get_id(st, r->id, &old)) != 0) {
		if (rc > 0)
			set_error_text(st, xstrdup(_("the story is no longer "
			    "in the bank")));
		return -1;
	}
	free(r->slug);
	r->slug = strcmp(old.title, r->title) == 0 ? xstrdup(old.slug) :
	    free_slug(st, r->title, r->id);
	story_rec_free(&old);
	if (r->slug == NULL)
		return -1;
	s = stmt(st, S_STORY_PUT, stmt_sql);
	sqlite3_bind_int64(s, 1, r->id);
	r->updated_ms = clock_now_ms();
	bind_story(s, r, tags_json, r->updated_ms);
	return run(st, s, N_("saving the story"));
}

/* The same tags, as lists ("a, b") or JSON arrays, NULL for none. */
static bool
same_tags(const char *list, const char *json)
{
	char *bad, *mine = story_tags_json(list != NULL ? list : "", &bad);
	bool same = (mine == NULL) == (json == NULL) &&
	    (mine == NULL || strcmp(mine, json) == 0);

	free(mine);
	free(bad);
	return same;
}

int
store_story_merge(struct store *st, struct story_rec *r,
    const char *tags_json)
{
	sqlite3_stmt *s = stmt(st, S_STORY_BY_TITLE, stmt_sql);
	struct story_rec old;
	bool same;
	int rc;

	bind_text(s, 1, r->title);
	if ((rc = get(st, s, &old)) != 0)
		return rc < 0 ? -1 : store_story_add(st, r, tags_json);
	if (r->language == NULL && old.language != NULL)
		r->language = xstrdup(old.language);
	same = strcmp(old.title, r->title) == 0 &&
	    (old.language == NULL) == (r->language == NULL) &&
	    (old.language == NULL || strcmp(old.language, r->language) == 0) &&
	    same_tags(old.tags, tags_json) &&
	    story_text_equal(&old.text, &r->text);
	r->id = old.id;
	story_rec_free(&old);
	if (same)
		return 2;
	return store_story_put(st, r, tags_json) == 0 ? 1 : -1;
}

int
store_story_delete(struct store *st, int64_t id)
{
	sqlite3_stmt *s = stmt(st, S_STORY_DEL, stmt_sql);

	sqlite3_bind_int64(s, 1, id);
	return run(st, s, N_("deleting the story"));
}

/* Run a link statement; 1 when it changed nothing. */
static int
link_run(struct store *st, enum stmt which, int64_t id, const char *deck,
    const char *card)
{
	sqlite3_stmt *s = stmt(st, which, stmt_sql);

	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, deck);
	bind_text(s, 3, card);
	if (run(st, s, N_("linking the story")) != 0)
		return -1;
	return sqlite3_changes(st->db) == 0 ? 1 : 0;
}

int
store_story_link(struct store *st, int64_t id, const char *deck,
    const char *card)
{
	return link_run(st, S_STORY_LINK, id, deck, card);
}

int
store_story_unlink(struct store *st, int64_t id, const char *deck,
    const char *card)
{
	return link_run(st, S_STORY_UNLINK, id, deck, card);
}

int64_t
store_story_link_count(struct store *st, int64_t id)
{
	sqlite3_stmt *s = stmt(st, S_STORY_LINK_COUNT, stmt_sql);

	sqlite3_bind_int64(s, 1, id);
	return scalar(st, s, N_("reading the story bank"));
}

int
store_card_exists(struct store *st, const char *deck, const char *card)
{
	sqlite3_stmt *s = stmt(st, S_STORY_CARD_EXISTS, stmt_sql);
	int64_t n;

	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	n = scalar(st, s, N_("reading a card"));
	return n < 0 ? -1 : n > 0;
}

void
story_refs_free(struct story_ref *refs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(refs[i].slug);
		free(refs[i].title);
	}
	free(refs);
}

size_t
store_story_refs(struct store *st, const char *deck, const char *card,
    struct story_ref **refs)
{
	sqlite3_stmt *s;
	size_t n = 0;
	int rc;

	s = stmt(st, deck != NULL ? S_STORY_REFS_CARD : S_STORY_REFS_ALL,
	    stmt_sql);
	bind_text(s, 1, deck);
	bind_text(s, 2, card);
	*refs = NULL;
	while ((rc = step(st, s, N_("reading the story bank"))) > 0) {
		*refs = xreallocarray(*refs, n + 1, sizeof **refs);
		(*refs)[n].id = sqlite3_column_int64(s, 0);
		(*refs)[n].slug = column_strdup(s, 1);
		(*refs)[n].title = column_strdup(s, 2);
		n++;
	}
	if (rc < 0) {
		story_refs_free(*refs, n);
		*refs = NULL;
		n = 0;
	}
	return n;
}

/* The language a deck's tag gives a story: "nl", "en", or NULL. */
static const char *
deck_language(const char *tag)
{
	if (tag == NULL)
		return NULL;
	return strcmp(story_heading(STORY_SITUATION, tag), "Situatie") == 0 ?
	    "nl" : "en";
}

/*
 * One old story: titled after its card's front (or DECK/CARD when the
 * card is gone), split into its parts when its text is exactly what the
 * parts write out again, else kept whole as notes; linked to its card.
 */
static int
migrate_one(struct store *st, sqlite3_stmt *s)
{
	const char *deck = (const char *)sqlite3_column_text(s, 0);
	const char *card = (const char *)sqlite3_column_text(s, 1);
	const char *text = (const char *)sqlite3_column_text(s, 2);
	const char *front = (const char *)sqlite3_column_text(s, 4);
	const char *lang = story_text_canonical(text);
	struct story_rec r;
	char *base, *name;
	int rc = -1;

	memset(&r, 0, sizeof r);
	name = xasprintf("%s/%s", deck, card);
	base = story_title_from_front(front != NULL ? front : name);
	free(name);
	r.title = store_story_free_title(st, base);
	free(base);
	if (r.title == NULL)
		goto out;
	if (lang != NULL)
		story_text_parse(&r.text, text, false);
	if (lang == NULL || story_text_parts(&r.text) == 0) {
		story_text_free(&r.text);
		story_text_init(&r.text);
		free(r.text.notes);
		r.text.notes = xstrdup(text);
		lang = deck_language((const char *)sqlite3_column_text(s, 5));
	}
	r.language = lang != NULL ? xstrdup(lang) : NULL;
	if (add_at(st, &r, NULL, sqlite3_column_int64(s, 3)) == 0 &&
	    store_story_link(st, r.id, deck, card) >= 0)
		rc = 0;
out:
	story_rec_free(&r);
	return rc;
}

int
store_story_migrate(struct store *st)
{
	static const char sql[] = "SELECT s.deck, s.card, s.text,"
	    " s.updated_ms, c.front, d.language FROM story_v4 s"
	    " LEFT JOIN card c ON c.deck = s.deck AND c.id = s.card"
	    " LEFT JOIN deck d ON d.id = s.deck"
	    " ORDER BY s.updated_ms, s.deck, s.card";
	sqlite3_stmt *s;
	int rc;

	/* Prepared here, not kept: its table is dropped below. */
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		set_error(st, N_("moving stories to the story bank"));
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (migrate_one(st, s) != 0)
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		set_error(st, N_("moving stories to the story bank"));
	sqlite3_finalize(s);
	if (store_failed(st))
		return -1;
	return exec(st, "DROP TABLE story_v4");
}
