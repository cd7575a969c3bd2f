"""Answer quality on the seeds: briefbot beside a plain rank-bm25 script, in one run.

    python benchmarks/quality/run.py            # both halves, summary table
    python benchmarks/quality/run.py --misses   # also list every miss (development set only)

Three sets, each by its own writers: dev.jsonl is for tuning; validation.jsonl (added
later, by a writer who saw neither other set) checks that a rule tuned on dev helps
elsewhere before it is kept; heldout.jsonl is only ever reported.  Measures, per set:
- quote@1: the first quote contains one of the question's key phrases
- quote@3: one of the first three quotes does
- para@1: the first cited paragraph contains a key phrase (the baseline's own measure)
- abstain: unanswerable questions answered "not in the sources"
- false abstain: answerable questions wrongly refused
- follow-up: the follow-up question's first quote contains a key phrase
- f-u refused: follow-ups answered "not in the sources" (all of them are answerable)
- verbatim: quotes that are exact substrings of the paragraph they cite

Three more rows per set try briefbot on questions as people type them: "lowercase" with every
question in lower case (the baseline lower-cases its tokens, so its figures would not move),
"typo" with two letters swapped in the middle of each question's longest word
("Tatsumi" -> "Tastumi"), and "indirect" with each question asked as "Can you tell me who
...?" (a first question, not a follow-up, which people rarely put so).  A last row, "chat",
asks every question of the set one after another in one session, as a user of the chat
would: a question that stands on its own must not be read as a follow-up of the one before.

The baseline is what a plain script gives: rank-bm25's BM25Okapi over the same paragraphs,
lower-cased whitespace tokens, the top paragraph taken whole as its "quote" (generous: a
whole paragraph contains the key more often than one sentence does).  It abstains only when
no paragraph shares a token with the question (every score is zero).  For follow-ups it
searches the follow-up text alone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from rank_bm25 import BM25Okapi

from briefbot import Briefbot
from briefbot.errors import BriefbotError
from briefbot.text import STOPWORDS

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "seeds"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def contains_key(text: str, keys: list[str]) -> bool:
    folded = " ".join(text.split()).casefold()
    return any(" ".join(k.split()).casefold() in folded for k in keys)


@dataclass
class Tally:
    hits1: int = 0
    hits3: int = 0
    para1: int = 0
    answerable: int = 0
    abstained: int = 0
    unanswerable: int = 0
    false_abstained: int = 0
    followups_right: int = 0
    followups_refused: int = 0
    followups: int = 0
    quotes: int = 0
    verbatim: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> dict[str, str]:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "   n/a"

        return {
            "quote@1": pct(self.hits1, self.answerable),
            "quote@3": pct(self.hits3, self.answerable),
            "para@1": pct(self.para1, self.answerable),
            "abstain": pct(self.abstained, self.unanswerable),
            "false abstain": pct(self.false_abstained, self.answerable),
            "follow-up": pct(self.followups_right, self.followups),
            "f-u refused": pct(self.followups_refused, self.followups),
            "verbatim": pct(self.verbatim, self.quotes),
        }


class Baseline:
    """A plain rank-bm25 script: whitespace tokens, top paragraph."""

    def __init__(self, bot: Briefbot) -> None:
        self.paragraphs = bot.paragraphs
        self.model = BM25Okapi([p.text.lower().split() for p in self.paragraphs])

    def quotes(self, question: str, k: int = 3) -> list[str]:
        scores = self.model.get_scores(question.lower().split())
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
        if not any(scores[i] != 0 for i in ranked):
            return []
        return [self.paragraphs[i].text for i in ranked[:k]]


def run_briefbot(bot: Briefbot, items: list[dict], *, chat: bool = False) -> Tally:
    """Each item asked on its own (a follow-up pair in a session of its own), or with
    ``chat`` all of them one after another in one session, as in the chat."""
    t = Tally()
    shared = bot.session() if chat else None
    ask = shared.ask if shared is not None else bot.ask
    for item in items:
        if item["kind"] == "followup":
            session = shared or (bot.session() if hasattr(bot, "session") else None)
            if session is None:
                continue
            session.ask(item["first"])
            try:
                answer = session.ask(item["followup"])
            except BriefbotError:  # "Why?" that a session cannot search counts as a miss
                answer = bot.unanswerable(item["followup"])
            t.followups += 1
            _count_quotes(t, bot, answer)
            t.followups_refused += not answer.answered
            if answer.answered and contains_key(answer.citations[0].quote, item["keys"]):
                t.followups_right += 1
            else:
                t.misses.append(f"follow-up {item['id']}: {item['followup']!r} -> {_first(answer)}")
            continue
        answer = ask(item["question"])
        _count_quotes(t, bot, answer)
        if item["kind"] == "unanswerable":
            t.unanswerable += 1
            if answer.answered:
                t.misses.append(f"answered {item['id']}: {item['question']!r} -> {_first(answer)}")
            else:
                t.abstained += 1
            continue
        t.answerable += 1
        quotes = [c.quote for c in answer.citations] if answer.answered else []
        if not answer.answered:
            t.false_abstained += 1
            t.misses.append(f"refused {item['id']}: {item['question']!r}")
        elif contains_key(quotes[0], item["keys"]):
            t.hits1 += 1
        else:
            t.misses.append(f"wrong {item['id']}: {item['question']!r} -> {_first(answer)}")
        if any(contains_key(q, item["keys"]) for q in quotes[:3]):
            t.hits3 += 1
        if answer.answered:
            c = answer.citations[0]
            t.para1 += contains_key(bot.corpus.document(c.doc).paragraph(c.paragraph).text, item["keys"])
    return t


def _first(answer) -> str:  # type: ignore[no-untyped-def]
    if not answer.citations:
        return "(nothing)"
    c = answer.citations[0]
    return f"[{c.doc[:3]} ¶{c.paragraph}] {c.quote[:110]}"


def _count_quotes(t: Tally, bot: Briefbot, answer) -> None:  # type: ignore[no-untyped-def]
    for c in answer.citations:
        t.quotes += 1
        if c.quote in bot.corpus.document(c.doc).paragraph(c.paragraph).text:
            t.verbatim += 1


def lowered(items: list[dict]) -> list[dict]:
    """The same questions, typed in lower case (keys unchanged)."""
    fields = ("question", "first", "followup")
    return [{k: v.lower() if k in fields else v for k, v in item.items()} for item in items]


def _swap_letters(question: str) -> str:
    """``question`` with two letters swapped in the middle of its longest word."""
    words = re.finditer(r"[A-Za-z]{6,}", question)
    found = [m for m in words if m.group(0).lower() not in STOPWORDS]
    if not found:
        return question
    m = max(found, key=lambda m: (len(m.group(0)), -m.start()))
    w, i = m.group(0), len(m.group(0)) // 2 - 1
    return question[: m.start()] + w[:i] + w[i + 1] + w[i] + w[i + 2 :] + question[m.end() :]


def misspelled(items: list[dict]) -> list[dict]:
    """The same questions, each with one slip of the keyboard (keys unchanged)."""
    fields = ("question", "first", "followup")
    return [{k: _swap_letters(v) if k in fields else v for k, v in item.items()} for item in items]


def indirect(items: list[dict]) -> list[dict]:
    """The same questions asked indirectly: "Can you tell me who ...?" (follow-ups as they are)."""
    fields = ("question", "first")
    return [
        {k: f"Can you tell me {v[0].lower()}{v[1:]}" if k in fields else v for k, v in item.items()}
        for item in items
    ]


def run_baseline(base: Baseline, items: list[dict]) -> Tally:
    t = Tally()
    for item in items:
        question = item["followup"] if item["kind"] == "followup" else item["question"]
        quotes = base.quotes(question)
        t.quotes += len(quotes)
        t.verbatim += len(quotes)
        if item["kind"] == "followup":
            t.followups += 1
            t.followups_right += bool(quotes) and contains_key(quotes[0], item["keys"])
            t.followups_refused += not quotes
        elif item["kind"] == "unanswerable":
            t.unanswerable += 1
            t.abstained += not quotes
        else:
            t.answerable += 1
            t.false_abstained += not quotes
            t.hits1 += bool(quotes) and contains_key(quotes[0], item["keys"])
            t.para1 += bool(quotes) and contains_key(quotes[0], item["keys"])
            t.hits3 += any(contains_key(q, item["keys"]) for q in quotes[:3])
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the development set's misses")
    args = parser.parse_args(argv)
    bot = Briefbot.from_folder(SEEDS)
    base = Baseline(bot)
    columns = ["quote@1", "quote@3", "para@1", "abstain", "false abstain", "follow-up"]
    columns += ["f-u refused", "verbatim"]
    print(f"{'set':10} {'system':9} " + " ".join(f"{c:>15}" for c in columns))
    dev_misses: list[str] = []
    for half in ("dev", "validation", "heldout"):  # each a set of its own writers
        items = load(HERE / f"{half}.jsonl")
        started = time.perf_counter()
        ours = run_briefbot(bot, items)
        elapsed = time.perf_counter() - started
        theirs = run_baseline(base, items)
        lower = run_briefbot(bot, lowered(items))
        slips = run_briefbot(bot, misspelled(items))
        asked = run_briefbot(bot, indirect(items))
        chatted = run_briefbot(bot, items, chat=True)
        rows = [("briefbot", ours), ("rank-bm25", theirs), ("lowercase", lower), ("typo", slips)]
        rows += [("indirect", asked), ("chat", chatted)]
        for name, tally in rows:
            row = tally.row()
            print(f"{half:10} {name:9} " + " ".join(f"{row[c]:>15}" for c in columns))
        print(f"{'':10} ({len(items)} items, briefbot {1000 * elapsed / len(items):.1f} ms each)")
        if half == "dev":
            dev_misses = ours.misses
    if args.misses:
        print("\ndevelopment-set misses:")
        for miss in dev_misses:
            print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
