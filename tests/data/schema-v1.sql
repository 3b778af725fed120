-- A database written by schema version 1 of rehearse, with progress and a
-- story, to check that later versions migrate it and keep everything.
PRAGMA user_version = 1;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (  key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE deck (  seq INTEGER PRIMARY KEY,  id TEXT NOT NULL UNIQUE,  title TEXT, language TEXT, kind TEXT, description TEXT, tags TEXT,  path TEXT);
INSERT INTO deck VALUES(1,'legacy','A deck from the first schema','en',NULL,NULL,NULL,'deck.yaml');
CREATE TABLE card (  deck TEXT NOT NULL REFERENCES deck(id) ON DELETE CASCADE,  id TEXT NOT NULL,  pos INTEGER NOT NULL,  kind TEXT NOT NULL,  front TEXT NOT NULL, back TEXT NOT NULL,  hint TEXT, example TEXT, tags TEXT,  retired INTEGER NOT NULL DEFAULT 0,  UNIQUE (deck, id));
INSERT INTO card VALUES('legacy','alpha',0,'recall','First question from version one?','First answer.',NULL,NULL,NULL,0);
INSERT INTO card VALUES('legacy','beta',1,'practice','Second question from version one?','Second answer.',NULL,NULL,NULL,0);
INSERT INTO card VALUES('legacy','gamma',2,'recall','Third question, never graded.','Third answer.',NULL,NULL,NULL,0);
CREATE TABLE state (  deck TEXT NOT NULL, card TEXT NOT NULL,  reps INTEGER NOT NULL, interval INTEGER NOT NULL, ef REAL NOT NULL,  due INTEGER, lapses INTEGER NOT NULL,  suspended INTEGER NOT NULL DEFAULT 0,  last_day INTEGER,  PRIMARY KEY (deck, card),  FOREIGN KEY (deck, card) REFERENCES card(deck, id) ON DELETE CASCADE) WITHOUT ROWID;
INSERT INTO state VALUES('legacy','alpha',3,16,2.4599999999999999644,20472,0,0,20456);
INSERT INTO state VALUES('legacy','beta',0,1,1.9599999999999999644,20455,1,0,20454);
CREATE TABLE review (  id INTEGER PRIMARY KEY,  deck TEXT NOT NULL, card TEXT NOT NULL,  day INTEGER NOT NULL, at_ms INTEGER NOT NULL,  quality INTEGER NOT NULL, took_ms INTEGER, mode TEXT NOT NULL,  fresh INTEGER NOT NULL,  reps0 INTEGER, interval0 INTEGER, ef0 REAL, due0 INTEGER,  lapses0 INTEGER, last_day0 INTEGER,  reps1 INTEGER, interval1 INTEGER, ef1 REAL, due1 INTEGER,  lapses1 INTEGER, last_day1 INTEGER);
INSERT INTO review VALUES(1,'legacy','alpha',20454,1767225600000,5,0,'review',1,0,0,2.5,NULL,0,NULL,1,1,2.6000000000000000888,20455,0,20454);
INSERT INTO review VALUES(2,'legacy','alpha',20455,1767225600000,4,0,'review',0,1,1,2.6000000000000000888,20455,0,20454,2,6,2.6000000000000000888,20461,0,20455);
INSERT INTO review VALUES(3,'legacy','alpha',20456,1767225600000,3,0,'review',0,2,6,2.6000000000000000888,20461,0,20455,3,16,2.4599999999999999644,20472,0,20456);
INSERT INTO review VALUES(4,'legacy','beta',20454,1767225600000,1,0,'review',1,0,0,2.5,NULL,0,NULL,0,1,1.9599999999999999644,20455,1,20454);
CREATE TABLE story (  deck TEXT NOT NULL, card TEXT NOT NULL, text TEXT NOT NULL,  updated_ms INTEGER NOT NULL,  PRIMARY KEY (deck, card));
INSERT INTO story VALUES('legacy','beta','My story from version one.',1767225600000);
CREATE INDEX card_order ON card(deck, pos);
CREATE INDEX state_due ON state(due);
CREATE INDEX review_card ON review(deck, card);
CREATE INDEX review_day ON review(day);
COMMIT;
