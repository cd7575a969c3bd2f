"""Example questions for the empty screen, drawn from the corpus itself.

The names a document repeats (runs of capitalized words such as "Taiwan Strait"), the
distinctive ones first, become "What do the documents say about <name>?"; only questions
the engine can answer are kept.
"""

from __future__ import annotations

import re
from collections import Counter

from ..engine import Briefbot
from ..errors import BriefbotError

# Two or more capitalized words in a row, allowing "of"/"the"/"and" inside.
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|the|and)\s+)?[A-Z][a-z]+)+\b")
_OPENERS = {"The", "In", "On", "At", "But", "And", "It", "This", "That", "As", "For", "A"}
MAX_TITLE = 60
# Examples come from the first documents: enough to find three, and quick on a large corpus.
MAX_DOCUMENTS = 24


def _names(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for match in _NAME.finditer(text):
        words = match.group(0).split()
        while words and words[0] in _OPENERS:
            words = words[1:]
        if len(words) >= 2:
            found[" ".join(words)] += 1
    return found


def _short(title: str) -> str:
    """A title's part before a colon, else its first words: enough to name the document."""
    head = title.split(":")[0].strip()
    if len(head) >= 8:
        title = head
    return title if len(title) <= MAX_TITLE else " ".join(title[:MAX_TITLE].split()[:-1])


def example_questions(bot: Briefbot, k: int = 3) -> list[str]:
    """Up to ``k`` questions about the corpus that the engine answers (deterministic)."""
    per_doc = []
    for doc in bot.corpus.documents[:MAX_DOCUMENTS]:
        counts = _names(" ".join(p.text for p in doc.paragraphs))

        # Repeated, but rare across the corpus: "Taiwan Strait" over "United States".
        weight = {
            name: count * min((bot.index.idf(t) for t in bot.tokenizer.terms(name)), default=0.0)
            for name, count in counts.items()
        }
        ranked = sorted(counts, key=lambda name: (-weight[name], name))
        per_doc.append([(doc, name) for name in ranked[:6]])
    candidates = []
    used: set[str] = set()
    for rank in range(6):
        for options in per_doc:
            if rank < len(options) and options[rank][1] not in used:
                candidates.append(options[rank])
                used.add(options[rank][1])
    chosen: list[str] = []
    chosen_names: list[str] = []
    for _doc, name in candidates:
        if any(name in other or other in name for other in chosen_names):
            continue
        question = f"What do the documents say about {name}?"
        try:
            if bot.ask(question).answered:
                chosen.append(question)
                chosen_names.append(name)
        except BriefbotError:
            continue
        if len(chosen) == k:
            break
    if not chosen:
        chosen = [f"What does “{_short(d.title)}” say?" for d in bot.corpus.documents[:k]]
    return chosen
