#!/usr/bin/env python3
"""gen.py: write a large deck with realistic card lengths, the same every run.

usage: gen.py CARDS OUT [EDITED PERCENT]

The deck is a pure function of CARDS (fixed seeds), so every run writes the
same bytes, and the first N cards of a bigger deck are the N-card deck.
EDITED, written in the same pass, is the deck with a sentence added to the
back of PERCENT % of the cards (evenly spread), the way a person edits a
shared deck: same ids, same order, the other cards untouched.

Sizes follow the bundled decks: fronts of 60-120 characters, backs of
300-900 in wrapped lines and paragraphs (most short, a few long; mean
about 410), a hint on 40% of the cards, a model answer on a few, up to
three tags, an id on every card: 100,000 cards make 67 MB.  Text is cut
from one pre-built corpus so that 100,000 cards take seconds.
"""
import random
import sys

SEED = 20240611

WORDS = (
    "team project deadline customer manager colleague conflict feedback "
    "result goal plan priority risk stakeholder budget scope release "
    "review process decision trade-off estimate incident outage mentor "
    "junior senior hiring interview culture value trust ownership impact "
    "metric data analysis experiment hypothesis user requirement design "
    "architecture service database latency throughput cache queue test "
    "deployment rollback migration refactor debt roadmap quarter sprint "
    "retrospective meeting agenda presentation negotiation compromise "
    "escalation pressure workload focus delegation learning growth "
    "promotion situation task action reflection lesson outcome example "
    "story approach context challenge solution improvement failure success "
    "responsibility communication listening question answer motivation "
    "company product market competitor strategy vision mission team-lead "
    "café coördinatie één overleg resultaat samenwerking verantwoordelijk"
).split()
OPENERS = ("Tell me about", "Describe", "How would you handle",
           "Give an example of", "What did you learn from",
           "Walk me through", "Why would you choose",
           "What is your approach to")
TAGS = ("behavioural", "technical", "leadership", "conflict", "planning",
        "pressure", "culture", "motivation", "career", "teamwork", "data",
        "design", "ethics", "feedback", "growth", "customer", "estimation",
        "hiring", "incident", "negotiation")
KINDS = ("recall", "practice", "ask")
SLUG = "".maketrans("éëö", "eeo")


def corpus(rng, nwords):
    """Sentences of 6-16 words, as one list of words."""
    ws = rng.choices(WORDS, k=nwords)
    i = 0
    while i < nwords:
        ws[i] = ws[i].capitalize()
        i += rng.randint(6, 16)
        ws[min(i, nwords) - 1] += "."
    return ws


def wrapped(ws, width):
    """The words as lines of at most width characters."""
    lines, cur = [], []
    size = 0
    for w in ws:
        if cur and size + 1 + len(w) > width:
            lines.append(" ".join(cur))
            cur, size = [], 0
        size += len(w) + (1 if cur else 0)
        cur.append(w)
    lines.append(" ".join(cur))
    return lines


class Text:
    """Slices of a fixed corpus: flat text and wrapped lines."""

    def __init__(self):
        rng = random.Random(SEED)
        ws = corpus(rng, 60000)
        self.flat = " ".join(ws)
        self.lines = wrapped(ws, 76)

    def line(self, rng, lo, hi):
        """One line of lo..hi characters, ending a sentence."""
        want = rng.randint(lo, hi)
        at = self.flat.find(" ", rng.randrange(len(self.flat) - 2000)) + 1
        s = self.flat[at:at + want].rstrip(" .")
        return s[0].upper() + s[1:] + "."

    def block(self, rng, key, want):
        """key: | and paragraphs of wrapped lines, about want characters."""
        at = rng.randrange(len(self.lines) - 200)
        out = ["    %s: |" % key]
        size = 0
        # Whole lines: stop short rather than overshoot by most of one.
        while size < want - 50:
            line = self.lines[at]
            if size == 0:
                line = line[0].upper() + line[1:]
            at += 1
            if size and rng.random() < 0.15:
                out.append("")
            out.append("      " + line)
            size += len(line) + 1
        return out


def card(i, rng, text, edited):
    slug = "-".join(rng.sample(WORDS, 3)).translate(SLUG)
    opener = rng.choice(OPENERS)
    front = text.line(rng, 59 - len(opener), 119 - len(opener))
    front = "%s %s%s?" % (opener, front[0].lower(), front[1:-1])
    out = ["  - id: q%06d-%s" % (i, slug[:40]), "    front: " + front]
    if rng.random() < 0.2:
        out.append("    kind: " + rng.choice(KINDS))
    # Most backs are a short paragraph or two; a few run long.
    out += text.block(rng, "back", 300 + int(600 * rng.random() ** 4))
    if edited:
        out.append("      Edited: " + text.line(random.Random(-i), 30, 70))
    if rng.random() < 0.4:
        out.append("    hint: " + text.line(rng, 30, 90))
    if rng.random() < 0.02:
        out += text.block(rng, "example", rng.randint(400, 900))
    ntags = rng.randint(0, 3)
    if ntags:
        out.append("    tags: [%s]" % ", ".join(rng.sample(TAGS, ntags)))
    return out


HEAD = ("deck: bench\ntitle: Benchmark deck\nlanguage: en\n"
        "kind: practice\ndescription: Generated by tests/bench.\n"
        "tags: [bench]\ncards:\n")


def write(cards, path, edited_path=None, percent=0.0):
    every = int(round(100 / percent)) if percent else 0
    text = Text()
    f = open(path, "w", encoding="utf-8")
    g = open(edited_path, "w", encoding="utf-8") if every else None
    f.write(HEAD)
    if g:
        g.write(HEAD)
    for i in range(cards):
        # One generator per card: an edit changes that card only.
        seed = SEED + i
        c = "\n".join(card(i, random.Random(seed), text, False)) + "\n"
        f.write(c)
        if g and i % every == every // 2:
            c = "\n".join(card(i, random.Random(seed), text, True)) + "\n"
        if g:
            g.write(c)
    f.close()
    if g:
        g.close()


def main(argv):
    if len(argv) not in (3, 5):
        sys.stderr.write(__doc__)
        return 2
    if len(argv) == 5:
        write(int(argv[1]), argv[2], argv[3], float(argv[4]))
    else:
        write(int(argv[1]), argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
