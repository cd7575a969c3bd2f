"""When a document is about: its date, or the first date its text gives.

An answer that quotes two documents says which date each speaks of, so a reader can tell
two meetings apart ("March 16" against a piece that gives no date).  Front matter's
``date`` wins; otherwise the first full date in the opening paragraphs, as written.
"""

from __future__ import annotations

import re

from .corpus import Document

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# "March 16", "March 16, 2021", "16 March 2021", "January 2021", "2021-03-16"
_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:,\s*(?:19|20)\d\d)?\b"
    rf"|\b\d{{1,2}}\s+{_MONTH}(?:\s+(?:19|20)\d\d)?\b"
    rf"|\b{_MONTH}\s+(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d-\d\d-\d\d\b"
)
OPENING = 6  # paragraphs searched for a date


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def document_year(document: Document) -> str | None:
    """The year a document is dated, or the first year a date in its opening gives
    ("January 2021"); None if it dates nothing."""
    if document.date:
        found = _YEAR.search(str(document.date))
        return found.group(0) if found else None
    for para in document.paragraphs[:OPENING]:
        for match in _DATE.finditer(para.text):
            found = _YEAR.search(match.group(0))
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
