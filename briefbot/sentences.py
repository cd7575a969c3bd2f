"""Sentence boundaries as character spans, so a quote is always a slice of its paragraph."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt adm sen rep gov pres st jr sr no nos vs etc
    e.g i.e cf al approx dept est fig inc corp ltd co jan feb mar apr jun jul aug sep sept
    oct nov dec mt ft
    """.split()
)
# End punctuation, closing quotes/brackets, space, then something that can open a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")

MAX_SENTENCE_CHARS = 600


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the period ending at ``end`` belongs to an abbreviation, not a sentence."""
    if text[end - 1] != ".":
        return False
    start = end - 1
    while start > 0 and end - start < 40 and not text[start - 1].isspace():
        start -= 1
    word = re.split(r"[-–—/]", text[start:end])[-1].lstrip("\"'“‘([").rstrip(".")
    lowered = word.lower()
    if lowered in _ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S.", "U.K."
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, trimmed of surrounding whitespace.

    Over-long runs without punctuation (a 10 MB line) are cut at a word boundary every
    ``MAX_SENTENCE_CHARS`` so a quote stays readable.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if _is_abbreviation(text, match.start() + 1):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    result: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        result.extend(_cut_long(text, s, e))
    return [span for span in result if span[1] > span[0]]


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
            # never split a surrogate pair or a word's combining mark off its base
            while cut < end and text[cut].isalnum() and text[cut - 1].isalnum():
                cut += 1
                if cut - start > MAX_SENTENCE_CHARS * 2:
                    break
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces
