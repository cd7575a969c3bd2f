"""Aliases mined from the corpus itself: acronyms and "also known as" names.

"Security Consultative Committee (SCC)" teaches that SCC and the three words are one thing;
"the SCC – more commonly known as the “2+2”" teaches that 2+2 is the SCC too.  Each alias
becomes a phrase (a tuple of stemmed terms) mapped to a canonical term, which the
tokenizer adds wherever the phrase occurs, in documents and questions alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import STOPWORDS, Tokenizer, stem, words

_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "to", "&"})
# A capitalized word; dots only inside it ("U.S", "Japan-U.S"), so a run of names never
# crosses a sentence end ("Tokyo. The SCC").
_CAP_WORD = r"(?:(?:[A-Z]\.){2,}(?=\s+[A-Z])|[A-Z][\w’'\-]*(?:\.[A-Za-z][\w’'\-]*)*)"
_CAP_RUN = rf"{_CAP_WORD}(?:\s+(?:(?:of|and|for|the|on|in|to|&)\s+)*{_CAP_WORD}){{0,7}}"
_ACRONYM = r"[A-Z][A-Za-z&]*[A-Z]s?"

# "Long Name (LN)" and "LN (Long Name)"
_DEFINED_AFTER = re.compile(rf"({_CAP_RUN})\s*\(({_ACRONYM})\)")
_DEFINED_BEFORE = re.compile(rf"\b({_ACRONYM})\s*\(({_CAP_RUN})\)")

# "X, also called the Y", "X – more commonly known as the “Y”", "X, known as Y"
_QUOTE_OPEN = "\"“‘'"
_AKA = re.compile(
    rf"(?P<left>{_ACRONYM}|{_CAP_RUN})\s*[,–—-]?\s*"
    r"(?:also|more\s+commonly|commonly|better|often|widely)?\s*(?:known|called|referred\s+to)"
    rf"\s+(?:as\s+)?(?:the\s+)?[{_QUOTE_OPEN}]?(?P<right>\S+?(?:\s+(?:Plus|plus|\d+|{_CAP_WORD}))*)"
    rf"(?=[\s,.;:!?”’\"'–—)]|$)"
)

_AKA_WORDS = ("known", "called", "referred")  # _AKA matches none without one of these


def _initials(words_: list[str], *, with_connectors: bool) -> str:
    return "".join(
        w[0].lower() for w in words_ if with_connectors or w.lower() not in _CONNECTORS
    )


def _expansion_for(acronym: str, run: str) -> str | None:
    """The shortest tail of ``run`` whose initials spell ``acronym``, if any."""
    letters = acronym.lower().removesuffix("s") if len(acronym) > 2 else acronym.lower()
    parts = run.split()
    for k in range(1, len(parts) + 1):
        tail = parts[-k:]
        if tail[0].lower() in _CONNECTORS:
            continue
        if letters in (
            _initials(tail, with_connectors=False),
            _initials(tail, with_connectors=True),
        ):
            return " ".join(tail)
    return None


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text) if w not in STOPWORDS)


def mine_acronyms(text: str) -> dict[tuple[str, ...], str]:
    """Acronyms defined in ``text``: expansion phrase (and the acronym) -> acronym term."""
    found: dict[tuple[str, ...], str] = {}
    if "(" not in text:  # both patterns need one; a quick test spares most paragraphs
        return found
    pairs = [(m.group(2), m.group(1)) for m in _DEFINED_AFTER.finditer(text)]
    pairs += [(m.group(1), m.group(2)) for m in _DEFINED_BEFORE.finditer(text)]
    for acronym, run in pairs:
        expansion = _expansion_for(acronym, run)
        canonical = _phrase(acronym)
        if expansion is None or len(canonical) != 1:
            continue
        phrase = _phrase(expansion)
        if len(phrase) >= 2:
            found.setdefault(phrase, canonical[0])
    return found


def mine_names(text: str, tokenizer: Tokenizer) -> dict[tuple[str, ...], str]:
    """Other names: "X, also called Y" maps Y's phrase onto X's single term (or back)."""
    found: dict[tuple[str, ...], str] = {}
    if not any(word in text for word in _AKA_WORDS):  # a quick test before the slow one
        return found
    for m in _AKA.finditer(text):
        # "Yesterday the Working Group": the name starts after the last "the".
        left_text = re.split(r"\s+the\s+", m.group("left"), flags=re.IGNORECASE)[-1]
        left = _key_term(left_text, tokenizer)
        right_phrase = _phrase(m.group("right").strip(_QUOTE_OPEN + "”’"))
        if not right_phrase:
            continue
        left_phrase = _phrase(left_text)
        if left is not None:
            found.setdefault(right_phrase, left)
        elif len(right_phrase) == 1:
            found.setdefault(left_phrase, right_phrase[0])
        elif left_phrase:
            # Two names of several words each: both stand for one made-up term.
            canonical = "_".join(left_phrase)
            found.setdefault(left_phrase, canonical)
            found.setdefault(right_phrase, canonical)
    return found


def _key_term(text: str, tokenizer: Tokenizer) -> str | None:
    """The single term that names ``text``: itself if one word, else an acronym it expands."""
    phrase = _phrase(text)
    if len(phrase) == 1:
        return phrase[0]
    terms = tokenizer.terms(text)
    known = set(tokenizer.aliases.values())
    extra = [t for t in terms[len(phrase) :] if t in known]
    return extra[0] if extra else None


def mine_aliases(texts: Iterable[str]) -> dict[tuple[str, ...], str]:
    """All aliases the texts define, acronyms first so names can lean on them."""
    texts = list(texts)
    aliases: dict[tuple[str, ...], str] = {}
    for text in texts:
        for phrase, term in mine_acronyms(text).items():
            aliases.setdefault(phrase, term)
    acronym_tokenizer = Tokenizer(aliases)
    for text in texts:
        for phrase, term in mine_names(text, acronym_tokenizer).items():
            if phrase != (term,):
                aliases.setdefault(phrase, term)
    return aliases


def names_by_initials(texts: Iterable[str]) -> dict[str, str]:
    """Names of two to five capitalized words, by their initials ("hns" -> "Host Nation
    Support"), three letters or more (two-letter ones such as "LA" mean too many things).
    A run joined by "and" is two names ("Blinken and Austin"); initials two different
    names share are dropped."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for m in re.finditer(_CAP_RUN, text):
            parts = m.group(0).split()
            while parts and parts[0].lower() in ("the", "a", "an"):
                parts = parts[1:]
            if any(p.lower() in ("and", "&") for p in parts):
                continue
            content = [p for p in parts if p.lower() not in _CONNECTORS]
            letters = _initials(parts, with_connectors=False)
            if 2 <= len(content) <= 5 and len(letters) >= 3 and letters.isalpha():
                found.setdefault(letters, set()).add(" ".join(parts))
    return {a: next(iter(n)) for a, n in found.items() if len(n) == 1 and a not in STOPWORDS}
