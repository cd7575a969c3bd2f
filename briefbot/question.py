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
    # Follow-ups: terms carried over from earlier questions (they weigh less), and the
    # words actually searched for, to show the user.
    carried: frozenset[str] = frozenset()
    searched: str | None = None


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


_FOLLOW_UP_OPENING = re.compile(r"^\W*(and|but|also|so|then|what about|how about|what of)\b")
_REFERRING = re.compile(
    r"\b(it|its|they|them|their|he|she|him|his|her|there|one|ones|same|latter|former|this"
    r"|these|those)\b"
)
_WH_OPENING = re.compile(r"^\W*(who|whom|whose|what|when|where|why|how|which|is|are|was|were|do|does|did)\b")


def is_follow_up(question: str, query: Query) -> bool:
    """Whether ``question`` leans on the conversation: "And the 2022 one?", "Who attended
    it?", "What about Taiwan?", or a bare fragment such as "North Korea?"."""
    lowered = question.lower()
    if _FOLLOW_UP_OPENING.search(lowered) or _REFERRING.search(lowered):
        return True
    return len(query.terms) <= 2 and not _WH_OPENING.search(lowered)


def with_context(query: Query, previous: Query, tokenizer: Tokenizer) -> Query:
    """``query`` widened by the previous question's terms, which weigh less.

    A name or number in the new question replaces the previous question's names or numbers
    ("And the 2022 one?" after a question about 2021 drops 2021), so the follow-up asks
    about the new thing in the old frame.
    """
    new_numbers = any(t[0].isdigit() for t in query.specific)
    new_names = any(not t[0].isdigit() for t in query.specific)
    carried = []
    for t in previous.terms:
        if t in query.terms:
            continue
        if t in previous.specific and (t[0].isdigit() if new_numbers else False):
            continue
        if t in previous.specific and not t[0].isdigit() and new_names:
            continue
        carried.append(t)
    kind = query.kind
    if kind == OTHER and not _WH_OPENING.search(query.text.lower()):
        kind = previous.kind
    if kind == OTHER and _FOLLOW_UP_OPENING.search(query.text.lower()):
        kind = previous.kind
    if not carried:
        return query
    own = _surface(query.text, query.terms, tokenizer)
    context = _surface(previous.text, tuple(carried), tokenizer)
    return Query(
        text=query.text,
        terms=query.terms + tuple(carried),
        kind=kind,
        specific=query.specific,
        carried=frozenset(carried),
        searched=f"{' '.join(own)} (with {' '.join(context)} from before)",
    )


def _surface(text: str, terms: tuple[str, ...], tokenizer: Tokenizer) -> list[str]:
    """The words of ``text`` as written that gave ``terms`` (for showing what was searched)."""
    wanted = set(terms)
    shown: list[str] = []
    for word in re.findall(r"[\w’'+.\-]+", text):
        word = word.strip(".'’-")
        hits = set(tokenizer.terms(word, question=True)) & wanted
        if hits:
            shown.append(word)
            wanted -= hits
    return shown
