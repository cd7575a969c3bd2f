"""What a question asks for: its search terms, its kind of answer, the names it insists on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import US_TOKEN, Tokenizer, stem, words

# Kinds of answer, told by how the question opens.
PERSON, TIME, QUANTITY, REASON, PLACE = "person", "time", "quantity", "reason", "place"
WORDING, OTHER = "wording", "other"

_KIND_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(who|whom|whose)\b|\bwhich (officials?|ministers?|people|persons?|leaders?)\b"), PERSON),
    (re.compile(r"\bhow (much|many|far|long|big|large|often)\b|\bwhat (percentage|share|number|amount)\b"), QUANTITY),
    (re.compile(r"\bwhen\b|\bwhat (year|date|day|month|time)\b|\bhow soon\b|\bby when\b"), TIME),
    (re.compile(r"\bwhy\b|\bwhat (caused|made|led)\b|\bfor what reason\b|\bhow come\b"), REASON),
    (re.compile(r"\bwhere\b|\bwhich (city|country|place)\b|\bin what (city|country|place)\b"), PLACE),
    # "What did the statement say about X?": the answer is somebody's words, in quotes.
    (re.compile(r"\b(say|says|said|state|stated|call|called|describe[sd]?|word|words|wording|language|phrase)\b"), WORDING),
)

_NAME_LIKE = re.compile(r"(?<![\w.])(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|\d[\d,.]*|[A-Z][a-z’'\-]+)(?![\w])")


@dataclass(frozen=True)
class Query:
    """A question made ready for search."""

    text: str
    terms: tuple[str, ...]
    kind: str
    # Stems of names, numbers and acronyms the question uses: if the corpus never
    # mentions one, it cannot be what the question is about.
    specific: frozenset[str]


def answer_kind(question: str) -> str:
    lowered = question.lower()
    for pattern, kind in _KIND_CUES:
        if pattern.search(lowered):
            return kind
    return OTHER


def specific_terms(question: str) -> frozenset[str]:
    """Stems of the capitalized names, acronyms and numbers a question mentions.

    The question's first word is skipped (it is capitalized only because it comes first).
    """
    found: set[str] = set()
    first = re.match(r"\W*\w+", question)
    body = question[first.end() :] if first else question
    for match in _NAME_LIKE.finditer(body):
        for w in words(match.group(0)):
            if w != US_TOKEN and len(w) > 1:
                found.add(stem(w))
    return frozenset(found)


def parse(question: str, tokenizer: Tokenizer) -> Query:
    terms = tuple(dict.fromkeys(tokenizer.terms(question, question=True)))
    return Query(
        text=question,
        terms=terms,
        kind=answer_kind(question),
        specific=specific_terms(question) & set(terms),
    )
