-- A database written by schema version 4 of rehearse, with progress and
-- a story for five cards: the migration to version 5 must put each in the
-- story bank, linked to its card, and keep its text byte for byte.  Two
-- cards share a front (so titles collide), one card has left its deck,
-- one story belongs to a deck never imported, one is in Dutch, and one
-- holds terminal escapes that must never reach a terminal.
PRAGMA user_version = 4;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE card (  deck TEXT NOT NULL REFERENCES deck(id) ON DELETE CASCADE,  id TEXT NOT NULL,  pos INTEGER NOT NULL,  kind TEXT NOT NULL,  front TEXT NOT NULL, back TEXT NOT NULL,  hint TEXT, example TEXT, tags TEXT,  retired INTEGER NOT NULL DEFAULT 0, fresh INTEGER NOT NULL DEFAULT 1,  UNIQUE (deck, id));
INSERT INTO card VALUES('kept','one',0,'practice','Tell me about a deadline.','Use STARR.',NULL,NULL,'["pressure"]',0,0);
INSERT INTO card VALUES('kept','two',1,'practice','What went wrong once?','Own it.',NULL,NULL,NULL,0,0);
INSERT INTO card VALUES('kept','three',2,'practice','Tell me about a deadline.','Same front as one, on purpose.',NULL,NULL,NULL,0,1);
INSERT INTO card VALUES('kept','four',3,'practice','Describe a conflict in your team.','Listen first.',NULL,NULL,NULL,0,1);
INSERT INTO card VALUES('kept','gone',4,'practice','A card that leaves the deck.','Retired later.',NULL,NULL,NULL,1,1);
INSERT INTO card VALUES('nlkept','een',0,'practice','Vertel over een keer dat je onder druk stond.','Gebruik STARR.',NULL,NULL,NULL,0,1);
CREATE TABLE daily (  day INTEGER NOT NULL, deck TEXT NOT NULL,  reviews INTEGER NOT NULL, young INTEGER NOT NULL,  young_passed INTEGER NOT NULL, mature INTEGER NOT NULL,  mature_passed INTEGER NOT NULL, took_ms INTEGER NOT NULL,  timed INTEGER NOT NULL,  PRIMARY KEY (day, deck)) WITHOUT ROWID;
INSERT INTO daily VALUES(20758,'kept',2,0,0,0,0,0,0);
INSERT INTO daily VALUES(20759,'kept',1,1,0,0,0,0,0);
CREATE TABLE deck (  seq INTEGER PRIMARY KEY,  id TEXT NOT NULL UNIQUE,  title TEXT, language TEXT, kind TEXT, description TEXT, tags TEXT,  path TEXT, source TEXT);
INSERT INTO deck VALUES(1,'kept','A deck from schema version 4','en','practice',NULL,NULL,'d2.yaml','4135136b-410');
INSERT INTO deck VALUES(2,'nlkept','Een stapel uit schemaversie 4','nl','practice',NULL,NULL,'n.yaml','6879f7ec-179');
CREATE TABLE meta (  key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE review (  id INTEGER PRIMARY KEY,  deck TEXT NOT NULL, card TEXT NOT NULL,  day INTEGER NOT NULL, at_ms INTEGER NOT NULL,  quality INTEGER NOT NULL, took_ms INTEGER, mode TEXT NOT NULL,  fresh INTEGER NOT NULL,  reps0 INTEGER, interval0 INTEGER, ef0 REAL, due0 INTEGER,  lapses0 INTEGER, last_day0 INTEGER,  reps1 INTEGER, interval1 INTEGER, ef1 REAL, due1 INTEGER,  lapses1 INTEGER, last_day1 INTEGER);
INSERT INTO review VALUES(1,'kept','one',20758,1796524703987,4,0,'review',1,0,0,2.5,NULL,0,NULL,1,1,2.5,20759,0,20758);
INSERT INTO review VALUES(2,'kept','one',20759,1796524703991,2,0,'review',0,1,1,2.5,20759,0,20758,0,1,2.17999999999999971578e+00,20760,1,20759);
INSERT INTO review VALUES(3,'kept','two',20758,1796524703996,5,0,'review',1,0,0,2.5,NULL,0,NULL,1,1,2.6,20759,0,20758);
CREATE TABLE state (  deck TEXT NOT NULL, card TEXT NOT NULL,  reps INTEGER NOT NULL, interval INTEGER NOT NULL, ef REAL NOT NULL,  due INTEGER, lapses INTEGER NOT NULL,  suspended INTEGER NOT NULL DEFAULT 0,  last_day INTEGER, retired INTEGER NOT NULL DEFAULT 0,  PRIMARY KEY (deck, card),  FOREIGN KEY (deck, card) REFERENCES card(deck, id) ON DELETE CASCADE) WITHOUT ROWID;
INSERT INTO state VALUES('kept','one',0,1,2.17999999999999971578e+00,20760,1,0,20759,0);
INSERT INTO state VALUES('kept','two',1,1,2.6,20759,0,0,20758,0);
CREATE TABLE story (  deck TEXT NOT NULL, card TEXT NOT NULL, text TEXT NOT NULL,  updated_ms INTEGER NOT NULL,  PRIMARY KEY (deck, card));
INSERT INTO story VALUES('kept','one','Situation: the launch slipped.' || char(10) || 'Task: I had to ship on the day.' || char(10) || 'Action: I cut the scope with the client.' || char(10) || 'Result: live on time, 98% of orders fine.' || char(10) || 'Reflection: plan a fallback earlier.',1796514950768);
INSERT INTO story VALUES('kept','two','My story, written with version 4.',1796514950769);
INSERT INTO story VALUES('kept','three','Situation:' || char(10) || char(10) || '  the same deadline, told twice' || char(10) || char(10) || 'Result: fine',1796514950770);
INSERT INTO story VALUES('kept','four','Situation: a quarrel' || char(27) || ']0;pwned' || char(7) || ' about the ' || char(27) || '[31mred' || char(27) || '[0m release.' || char(10) || 'Action: I listened.' || char(10) || 'Result: we agreed.',1796514950771);
INSERT INTO story VALUES('kept','gone','A story for a card that left its deck.' || char(10) || 'Second line.',1796514950772);
INSERT INTO story VALUES('nlkept','een','Situatie: de release liep uit.' || char(10) || 'Taak: ik moest op tijd leveren.' || char(10) || 'Actie: ik schrapte functies.' || char(10) || 'Resultaat: op tijd, 30% sneller.' || char(10) || 'Reflectie: eerder alarm slaan.',1796514950773);
INSERT INTO story VALUES('lost','card','A story for a deck that was never imported.',1796514950774);
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
