#!/usr/bin/env python3
"""spans.py: a re-import that skips unchanged cards must store exactly what
a full read stores.

usage: spans.py REHEARSE TMPDIR

Each case is a deck and an edit of it.  The first version is imported into
two databases; the edited one is then imported into both, into one as it
comes (the spans the first import kept let unchanged cards go unparsed)
and into the other after its spans were deleted (read in full).  Both must
print the same, exit the same and hold the same decks and cards.  The
cases are the edits people make and the ones that could fool the byte
comparison: a line break more after a block kept with '|+', a line added
under a card, an anchor moved, a quote left open, Windows line ends.
Then a few hundred random edits of a bigger deck, each checked the same
way.  Prints TAP.
"""
import os
import random
import sqlite3
import subprocess
import sys

RH, TMP = sys.argv[1], sys.argv[2]
n_tests = 0
failed = 0


def tap(ok, what):
    global n_tests, failed
    n_tests += 1
    if not ok:
        failed += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", n_tests, what))
    sys.stdout.flush()


VALGRIND = (["valgrind", "-q", "--error-exitcode=99", "--leak-check=full",
             "--errors-for-leak-kinds=definite"]
            if os.environ.get("REHEARSE_VALGRIND") == "1" else [])


def rehearse(db, path):
    p = subprocess.run(VALGRIND + [RH, "--db", db, "import", path],
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def dump(db):
    c = sqlite3.connect(db)
    try:
        cards = c.execute("SELECT deck, id, pos, kind, front, back, hint,"
                          " example, tags, retired FROM card"
                          " ORDER BY deck, id").fetchall()
        decks = c.execute("SELECT id, title, language, kind, description,"
                          " tags FROM deck ORDER BY id").fetchall()
    finally:
        c.close()
    return decks, cards


def forget_spans(db):
    c = sqlite3.connect(db)
    c.execute("DELETE FROM span")
    c.commit()
    c.close()


def kept_spans(db):
    c = sqlite3.connect(db)
    n = c.execute("SELECT count(*) FROM span").fetchone()[0]
    c.close()
    return n


def write(path, text, newline="\n"):
    with open(path, "w", newline=newline) as f:
        f.write(text)


class Pair:
    """Two databases fed the same files: one keeps spans, one never does."""

    def __init__(self, name):
        self.fast = os.path.join(TMP, name + "-fast.db")
        self.full = os.path.join(TMP, name + "-full.db")
        self.deck = os.path.join(TMP, name + ".yaml")
        for p in (self.fast, self.full):
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(p + suffix):
                    os.remove(p + suffix)

    def both(self, text, newline="\n"):
        write(self.deck, text, newline)
        forget_spans_later = os.path.exists(self.full)
        a = rehearse(self.fast, self.deck)
        if forget_spans_later:
            forget_spans(self.full)
        b = rehearse(self.full, self.deck)
        return a, b

    def same(self, what, text, newline="\n"):
        a, b = self.both(text, newline)
        ok = a == b and dump(self.fast) == dump(self.full)
        if not ok:
            print("# fast: %r\n# full: %r" % (a, b))
        tap(ok, what)
        return a


BASE = """deck: spans
title: Spans
kind: practice
cards:
  - id: one
    front: First question?
    back: |
      First answer,
      on two lines.
  # a comment between cards
  - id: two
    front: Second question?
    back: Second answer.
    tags: [a, b]

  - id: three
    front: Third question?
    back: >
      Folded
      answer.
    hint: a hint
  - id: four
    front: "Fourth: quoted?"
    back: 'Single quoted.'
  - id: five
    front: Fifth question?
    back: Fifth answer.
"""

KEEP = """deck: keep
cards:
  - id: a
    front: A?
    back: |+
      kept lines

  - id: b
    front: B?
    back: B.
"""

ANCHOR = """deck: anchor
cards:
  - id: a
    front: A?
    back: &shared Shared answer.
  - id: b
    front: B?
    back: *shared
  - id: c
    front: C?
    back: C.
"""

CASES = [
    ("a card's text edited", BASE, lambda s: s.replace(
        "Second answer.", "Second answer, longer now.")),
    ("a card added in the middle", BASE, lambda s: s.replace(
        "  - id: three", "  - id: new\n    front: New?\n    back: New.\n"
        "  - id: three")),
    ("a card removed", BASE, lambda s: s.replace(
        "  - id: four\n    front: \"Fourth: quoted?\"\n"
        "    back: 'Single quoted.'\n", "")),
    ("two cards swapped", BASE, lambda s: s.replace(
        "  - id: four\n    front: \"Fourth: quoted?\"\n"
        "    back: 'Single quoted.'\n  - id: five\n    front: Fifth "
        "question?\n    back: Fifth answer.\n",
        "  - id: five\n    front: Fifth question?\n    back: Fifth answer."
        "\n  - id: four\n    front: \"Fourth: quoted?\"\n"
        "    back: 'Single quoted.'\n")),
    ("a comment changed", BASE, lambda s: s.replace(
        "# a comment between", "# another comment between")),
    ("a line added under the last line of a card", BASE, lambda s:
        s.replace("    tags: [a, b]\n", "    tags: [a, b]\n    hint: new\n")),
    ("a plain scalar continued on a new line", BASE, lambda s: s.replace(
        "    back: Fifth answer.\n", "    back: Fifth answer.\n"
        "      And more.\n")),
    ("a card indented differently", BASE, lambda s: s.replace(
        "  - id: two\n    front: Second question?\n    back: Second "
        "answer.\n    tags: [a, b]\n", "  -   id: two\n      front: Second "
        "question?\n      back: Second answer.\n      tags: [a, b]\n")),
    ("the deck's kind changed", BASE, lambda s: s.replace(
        "kind: practice", "kind: ask")),
    ("the deck's id after its cards", BASE, lambda s: s.replace(
        "deck: spans\n", "") + "deck: spans\n"),
    ("a duplicate id", BASE, lambda s: s.replace("id: five", "id: one")),
    ("a quote left open swallows what follows", BASE, lambda s: s.replace(
        "    back: Second answer.\n", "    back: \"Second answer.\n")),
    ("a syntax error in an edited card", BASE, lambda s: s.replace(
        "    back: Second answer.\n", "    back: [Second answer.\n")),
    ("a flow mapping card added", BASE, lambda s: s.replace(
        "  - id: three", "  - {id: flow, front: F?, back: F.}\n"
        "  - id: three")),
    ("the last line break removed", BASE, lambda s: s.rstrip("\n")),
    ("a card's id changed", BASE, lambda s: s.replace("id: three",
                                                      "id: tres")),
    ("an empty line more after a '|+' block", KEEP, lambda s: s.replace(
        "      kept lines\n\n", "      kept lines\n\n\n")),
    ("a comment after a '|+' block", KEEP, lambda s: s.replace(
        "      kept lines\n\n", "      kept lines\n\n# note\n")),
    ("the anchored value changed", ANCHOR, lambda s: s.replace(
        "&shared Shared answer.", "&shared Another answer.")),
    ("the anchor moved to a later card", ANCHOR, lambda s: s.replace(
        "back: &shared Shared answer.", "back: Own answer.").replace(
        "back: C.", "back: &shared C.")),
    ("a card placed under another key", BASE, lambda s: s.replace(
        "title: Spans\n", "title: Spans\ndescription: |\n"
        "  - id: five\n    front: Fifth question?\n    back: Fifth answer."
        "\n")),
]


def cases():
    for i, (what, base, edit) in enumerate(CASES):
        p = Pair("case%d" % i)
        p.same(what + ": first import", base)
        p.same(what, edit(base))
        # And back again: the spans of the edited file, used on the first.
        p.same(what + ", undone", base)


def windows():
    p = Pair("crlf")
    p.same("Windows line ends: first import", BASE, "\r\n")
    p.same("Windows line ends: an edit",
           BASE.replace("Second answer.", "Second answer!"), "\r\n")
    p.same("from Windows line ends to Unix ones", BASE)


def unchanged_not_rewritten():
    """The spans are used: an unchanged card is not even rewritten (its row
    was altered behind the program's back, and stays altered)."""
    p = Pair("used")
    p.same("spans are kept: first import", BASE)
    tap(kept_spans(p.fast) > 0, "the first import kept spans")
    c = sqlite3.connect(p.fast)
    c.execute("UPDATE card SET back = 'altered' WHERE id = 'five'")
    c.commit()
    c.close()
    write(p.deck, BASE.replace("Second answer.", "Second answer, edited."))
    rc, out, _ = rehearse(p.fast, p.deck)
    tap(rc == 0 and "(0 new, 1 changed, 0 retired)" in out,
        "an edit re-imported with spans: 1 changed")
    c = sqlite3.connect(p.fast)
    back = c.execute("SELECT back FROM card WHERE id = 'five'").fetchone()[0]
    edited = c.execute("SELECT back FROM card WHERE id = 'two'").fetchone()[0]
    c.close()
    tap(back == "altered", "an unchanged card was not parsed again")
    tap(edited == "Second answer, edited.", "the edited card was")


WORDS = ("team project deadline answer question story result trade-off "
         "conflict feedback café één überall").split()


def random_card(rng, i):
    lines = ["  - id: c%d" % i,
             "    front: %s?" % " ".join(rng.choices(WORDS, k=5))]
    style = rng.randrange(4)
    text = " ".join(rng.choices(WORDS, k=rng.randint(3, 12)))
    if style == 0:
        lines.append("    back: %s" % text)
    elif style == 1:
        lines += ["    back: |", "      " + text, "      " + text]
    elif style == 2:
        lines.append("    back: \"%s\"" % text)
    else:
        lines += ["    back: >-", "      " + text]
    if rng.random() < 0.3:
        lines.append("    hint: %s" % rng.choice(WORDS))
    if rng.random() < 0.2:
        lines.append("    tags: [%s]" % ", ".join(rng.sample(WORDS[:6], 2)))
    if rng.random() < 0.1:
        lines.append("    kind: %s" % rng.choice(("recall", "ask")))
    if rng.random() < 0.1:
        lines.append("")
    if rng.random() < 0.05:
        lines.append("  # note")
    return lines


def mutate(rng, cards, next_id):
    op = rng.randrange(7)
    i = rng.randrange(len(cards))
    if op == 0:                         # edit a line of text
        c = cards[i]
        j = rng.randrange(1, len(c))
        c[j] = c[j] + " " + rng.choice(WORDS) if c[j].strip() else c[j]
    elif op == 1:                       # a new card
        cards.insert(i, random_card(rng, next_id))
        next_id += 1
    elif op == 2 and len(cards) > 2:    # a card gone
        del cards[i]
    elif op == 3:                       # a card moved
        c = cards.pop(i)
        cards.insert(rng.randrange(len(cards) + 1), c)
    elif op == 4:                       # a line more or less
        c = cards[i]
        if c[-1] == "":
            c.pop()
        else:
            c.append("")
    elif op == 5:                       # a key added at a card's end
        cards[i].append("    example: %s" % rng.choice(WORDS))
    else:                               # re-indented
        cards[i] = [("  -   " + ln[4:]) if ln.startswith("  - ") else
                    ("  " + ln) if ln.startswith("    ") else ln
                    for ln in cards[i]]
    return next_id


def randomised():
    rng = random.Random(20261128)
    cards = [random_card(rng, i) for i in range(60)]
    next_id = 60
    p = Pair("random")
    head = "deck: random\nkind: recall\ncards:\n"
    text = head + "\n".join(ln for c in cards for ln in c) + "\n"
    p.same("random edits: first import", text)
    bad = 0
    rounds = 150
    for r in range(rounds):
        for _ in range(rng.randint(1, 4)):
            next_id = mutate(rng, cards, next_id)
        text = head + "\n".join(ln for c in cards for ln in c) + "\n"
        a, b = p.both(text)
        if a != b or dump(p.fast) != dump(p.full):
            bad += 1
            if bad <= 3:
                print("# round %d differs:\n# fast %r\n# full %r"
                      % (r, a, b))
    tap(bad == 0, "%d rounds of random edits: every re-import stores what "
        "a full read stores" % rounds)


cases()
windows()
unchanged_not_rewritten()
randomised()
print("1..%d" % n_tests)
sys.exit(1 if failed else 0)
