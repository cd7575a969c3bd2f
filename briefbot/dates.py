"""When a document is about: its date, or the first date its text gives.

An answer that quotes two documents says which date each speaks of, so a reader can tell
two meetings apart ("March 16" against a piece that gives no date).  Front matter's
``date`` wins; otherwise the first full date in the opening paragraphs, as written.
"""

from __future__ import annotations

import re

from .corpus import Document
from .text import MONTH_NAMES, MONTH_SHORT_FORMS

# The one definition of months (in text.py, which folds their short forms) and years
# that the engine reads dates by.
MONTHS = "|".join(MONTH_NAMES)  # for a case-insensitive pattern
YEAR_PATTERN = r"(?:1[5-9]|20|21)\d\d"  # 1500-2199: a number that reads as a year
YEAR_IN_TEXT = re.compile(rf"\b{YEAR_PATTERN}\b")

_CAPITALIZED = "|".join(m.capitalize() for m in MONTH_NAMES)
_SHORT = "|".join(m.capitalize() for m in sorted(MONTH_SHORT_FORMS, key=len, reverse=True))
_MONTH = rf"(?:{_CAPITALIZED}|{_SHORT})\.?"
# "March 16", "March 16, 2021", "16 March 2021", "January 2021", "2021-03-16"
_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:,\s*{YEAR_PATTERN})?\b"
    rf"|\b\d{{1,2}}\s+{_MONTH}(?:\s+{YEAR_PATTERN})?\b"
    rf"|\b{_MONTH}\s+{YEAR_PATTERN}\b"
    rf"|\b{YEAR_PATTERN}-\d\d-\d\d\b"
)
OPENING = 6  # paragraphs searched for a date


def document_year(document: Document) -> str | None:
    """The year a document is dated, or the first year a date in its opening gives
    ("January 2021"); None if it dates nothing."""
    if document.date:
        found = YEAR_IN_TEXT.search(str(document.date))
        return found.group(0) if found else None
    for para in document.paragraphs[:OPENING]:
        for match in _DATE.finditer(para.text):
            found = YEAR_IN_TEXT.search(match.group(0))
            if found:
                return found.group(0)
    return None


def document_date(document: Document) -> str | None:
    if document.date:
        return str(document.date)
    for para in document.paragraphs[:OPENING]:
        match = _DATE.search(para.text)
        if match:
            return match.group(0)
    return None
