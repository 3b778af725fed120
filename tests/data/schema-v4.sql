-- A database written by schema version 4 of rehearse: a bundled deck
-- (closing, from decks/en/closing.yaml), a deck of your own with a bundled
-- deck's id in a folder of the user's named en (competency) and a Dutch
-- deck in an English folder (situational), with progress: version 5
-- must mark only the first as bundled and keep everything.
PRAGMA user_version = 4;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (  key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES('interview','2026-12-01');
CREATE TABLE deck (  seq INTEGER PRIMARY KEY,  id TEXT NOT NULL UNIQUE,  title TEXT, language TEXT, kind TEXT, description TEXT, tags TEXT,  path TEXT, source TEXT);
INSERT INTO deck VALUES(1,'closing','Closing (bundled)','en',NULL,NULL,NULL,'/tmp/fx/decks/en/closing.yaml','0d0ee782-137');
INSERT INTO deck VALUES(2,'competency','My own competency deck','en',NULL,NULL,NULL,'/tmp/fx/prep/en/competency.yaml','a69bc499-133');
INSERT INTO deck VALUES(3,'situational','Situational, written in Dutch, kept in an English folder','nl',NULL,NULL,NULL,'/tmp/fx/decks/en/situational.yaml','a6fb2701-174');
CREATE TABLE card (  deck TEXT NOT NULL REFERENCES deck(id) ON DELETE CASCADE,  id TEXT NOT NULL,  pos INTEGER NOT NULL,  kind TEXT NOT NULL,  front TEXT NOT NULL, back TEXT NOT NULL,  hint TEXT, example TEXT, tags TEXT,  retired INTEGER NOT NULL DEFAULT 0, fresh INTEGER NOT NULL DEFAULT 1,  UNIQUE (deck, id));
INSERT INTO card VALUES('closing','thanks',0,'recall','How do you end the interview?','Thank them.',NULL,NULL,NULL,0,0);
INSERT INTO card VALUES('competency','mine',0,'recall','My own question?','My own answer.',NULL,NULL,NULL,0,0);
INSERT INTO card VALUES('situational','eigen',0,'recall','Een eigen vraag?','Een eigen antwoord.',NULL,NULL,NULL,0,1);
CREATE TABLE state (  deck TEXT NOT NULL, card TEXT NOT NULL,  reps INTEGER NOT NULL, interval INTEGER NOT NULL, ef REAL NOT NULL,  due INTEGER, lapses INTEGER NOT NULL,  suspended INTEGER NOT NULL DEFAULT 0,  last_day INTEGER, retired INTEGER NOT NULL DEFAULT 0,  PRIMARY KEY (deck, card),  FOREIGN KEY (deck, card) REFERENCES card(deck, id) ON DELETE CASCADE) WITHOUT ROWID;
INSERT INTO state VALUES('closing','thanks',1,1,2.5,20759,0,0,20758,0);
INSERT INTO state VALUES('competency','mine',1,1,2.6000000000000000888,20759,0,0,20758,0);
CREATE TABLE review (  id INTEGER PRIMARY KEY,  deck TEXT NOT NULL, card TEXT NOT NULL,  day INTEGER NOT NULL, at_ms INTEGER NOT NULL,  quality INTEGER NOT NULL, took_ms INTEGER, mode TEXT NOT NULL,  fresh INTEGER NOT NULL,  reps0 INTEGER, interval0 INTEGER, ef0 REAL, due0 INTEGER,  lapses0 INTEGER, last_day0 INTEGER,  reps1 INTEGER, interval1 INTEGER, ef1 REAL, due1 INTEGER,  lapses1 INTEGER, last_day1 INTEGER);
INSERT INTO review VALUES(1,'closing','thanks',20758,1796524427821,4,0,'review',1,0,0,2.5,NULL,0,NULL,1,1,2.5,20759,0,20758);
INSERT INTO review VALUES(2,'competency','mine',20758,1796524427846,5,0,'review',1,0,0,2.5,NULL,0,NULL,1,1,2.6000000000000000888,20759,0,20758);
CREATE TABLE story (  deck TEXT NOT NULL, card TEXT NOT NULL, text TEXT NOT NULL,  updated_ms INTEGER NOT NULL,  PRIMARY KEY (deck, card));
CREATE TABLE daily (  day INTEGER NOT NULL, deck TEXT NOT NULL,  reviews INTEGER NOT NULL, young INTEGER NOT NULL,  young_passed INTEGER NOT NULL, mature INTEGER NOT NULL,  mature_passed INTEGER NOT NULL, took_ms INTEGER NOT NULL,  timed INTEGER NOT NULL,  PRIMARY KEY (day, deck)) WITHOUT ROWID;
INSERT INTO daily VALUES(20758,'closing',1,0,0,0,0,0,0);
INSERT INTO daily VALUES(20758,'competency',1,0,0,0,0,0,0);
CREATE INDEX review_card ON review(deck, card);
CREATE INDEX review_day ON review(day);
CREATE TRIGGER card_retired AFTER UPDATE OF retired ON card  WHEN NEW.retired IS NOT OLD.retired BEGIN  UPDATE state SET retired = NEW.retired  WHERE deck = NEW.deck AND card = NEW.id; END;
CREATE TRIGGER state_added AFTER INSERT ON state BEGIN  UPDATE card SET fresh = (NEW.due IS NULL AND NEW.suspended = 0)  WHERE deck = NEW.deck AND id = NEW.card; END;
CREATE TRIGGER state_changed AFTER UPDATE ON state  WHEN (OLD.due IS NULL AND OLD.suspended = 0)  IS NOT (NEW.due IS NULL AND NEW.suspended = 0) BEGIN  UPDATE card SET fresh = (NEW.due IS NULL AND NEW.suspended = 0)  WHERE deck = NEW.deck AND id = NEW.card; END;
CREATE TRIGGER state_removed AFTER DELETE ON state BEGIN  UPDATE card SET fresh = 1  WHERE deck = OLD.deck AND id = OLD.card; END;
CREATE TRIGGER review_counted AFTER INSERT ON review  WHEN NEW.mode <> 'forget' BEGIN  INSERT INTO daily VALUES (NEW.day, NEW.deck, 1,(NEW.mode = 'review' AND NEW.due0 IS NOT NULL) AND NEW.interval0 < 21,(NEW.mode = 'review' AND NEW.due0 IS NOT NULL) AND NEW.interval0 < 21 AND NEW.quality >= 3,(NEW.mode = 'review' AND NEW.due0 IS NOT NULL) AND NEW.interval0 >= 21,(NEW.mode = 'review' AND NEW.due0 IS NOT NULL) AND NEW.interval0 >= 21 AND NEW.quality >= 3,max(coalesce(NEW.took_ms, 0), 0), coalesce(NEW.took_ms, 0) > 0)  ON CONFLICT (day, deck) DO UPDATE SET  reviews = reviews + 1, young = young + excluded.young,  young_passed = young_passed + excluded.young_passed,  mature = mature + excluded.mature,  mature_passed = mature_passed + excluded.mature_passed,  took_ms = took_ms + excluded.took_ms, timed = timed + excluded.timed;  END;
CREATE TRIGGER review_uncounted AFTER DELETE ON review  WHEN OLD.mode <> 'forget' BEGIN  UPDATE daily SET reviews = reviews - 1,  young = young - ((OLD.mode = 'review' AND OLD.due0 IS NOT NULL) AND OLD.interval0 < 21),  young_passed = young_passed - ((OLD.mode = 'review' AND OLD.due0 IS NOT NULL)    AND OLD.interval0 < 21 AND OLD.quality >= 3),  mature = mature - ((OLD.mode = 'review' AND OLD.due0 IS NOT NULL) AND OLD.interval0 >= 21),  mature_passed = mature_passed - ((OLD.mode = 'review' AND OLD.due0 IS NOT NULL)    AND OLD.interval0 >= 21 AND OLD.quality >= 3),  took_ms = took_ms - max(coalesce(OLD.took_ms, 0), 0),  timed = timed - (coalesce(OLD.took_ms, 0) > 0)  WHERE day = OLD.day AND deck = OLD.deck; END;
CREATE INDEX state_due ON state(due, retired, suspended)  WHERE retired = 0 AND suspended = 0;
CREATE INDEX card_live ON card(deck, fresh, pos, id, retired)  WHERE retired = 0;
COMMIT;
