"""Telling a document's body from the page around it, by general rules.

Pages saved from the web carry navigation, subscription prompts, comment boxes and
related-article links.  None of it is content.  The rules here look at the shape of a
line (short, no sentence ending, Title Case like a link) and at well-known page furniture
words; a line that reads as a real sentence is never dropped.
"""

from __future__ import annotations

import re

Block = list[str]

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_META_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
_BYLINE = re.compile(
    r"^\s*(?:by|written by)\s+([A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|de|van|von|da|bin|al))"
    r"{0,4}(?:\s+and\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})?)\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_FURNITURE = re.compile(
    r"\b(subscri\w*|sign(?:ed)?[ -]?(?:in|up)|log[ -]?in|register|newsletters?|advertisements?"
    r"|sponsored|cookies?|comments?|reply|replies|read more|continue reading|share (?:this|on)"
    r"|related (?:articles?|posts?|stories|content)|more from|recommended|copyright"
    r"|all rights reserved|privacy policy|terms of (?:use|service)|follow us|publication"
    r"|the authors?|about the authors?|skip to (?:main )?content|menu|print|e-?mail)\b|©",
    re.IGNORECASE,
)
_MINOR = frozenset(
    "a an and as at but by for from in into of on or over the to vs with via its his her".split()
)

SHORT_LINE_WORDS = 8
HEADLINE_MAX_WORDS = 20
# No real paragraph is this long; a 10 MB line is cut into pieces so quotes, the chat's
# sources pane and search output stay readable and fast.
MAX_PARAGRAPH_CHARS = 10_000


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split YAML-style ``key: value`` front matter off the top of ``text``."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text.removeprefix("\ufeff")
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        kv = _META_LINE.match(line)
        if kv and kv.group(2):
            meta[kv.group(1).lower()] = kv.group(2).strip("\"'")
    return meta, text[match.end() :]


def blocks_of(text: str) -> list[Block]:
    """Paragraph blocks: runs of non-blank lines, each line stripped of outer whitespace."""
    blocks: list[Block] = []
    current: Block = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def paragraph_text(block: Block) -> str:
    """Hard-wrapped lines of one paragraph joined into one line of text."""
    return " ".join(block)


def split_long(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut after a sentence end where
    one falls in the second half of a piece, else at a space, else anywhere."""
    pieces: list[str] = []
    start, end = 0, len(text)
    while end - start > limit:
        low, high = start + limit // 2, start + limit + 1
        cut = max(text.rfind(mark, low, high) for mark in (". ", "? ", "! ")) + 1
        if cut <= 0:
            cut = text.rfind(" ", low, high)
        if cut <= start:
            cut = start + limit
        pieces.append(text[start:cut].strip())
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append(text[start:end].strip())
    return [piece for piece in pieces if piece]


def is_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_title_case(line: str) -> bool:
    """Most words capitalized, as in a headline or a link to another article."""
    significant = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", line) if w.lower() not in _MINOR]
    if len(significant) < 2:
        return False
    capitalized = sum(1 for w in significant if w[0].isupper())
    return capitalized / len(significant) >= 0.75


def is_furniture(line: str) -> bool:
    """A line that is page furniture rather than prose.

    Short lines that do not end like a sentence ("Leave a Reply", "About this
    publication"); short lines that open with a furniture word ("Subscribe for full
    access.") or ask about one ("Want to read more?"); headline-shaped links.  A short
    statement that merely contains such a word ("The minister declined to comment.") is
    prose and stays.
    """
    n_words = len(line.split())
    if n_words <= SHORT_LINE_WORDS:
        if not is_sentence(line):
            return True
        furniture = _FURNITURE.search(line)
        if furniture and (furniture.start() == 0 or line.rstrip("\"'”’)]").endswith("?")):
            return True
    # Links to other articles: headline-shaped lines that do not end like a statement.
    return n_words <= HEADLINE_MAX_WORDS and is_title_case(line) and not line.endswith(".")


def is_debris(block: Block) -> bool:
    """A block with no prose in it.  A hard-wrapped paragraph's lines may each look like
    furniture, so a block of several lines that reads as a long sentence is prose."""
    if not all(is_furniture(line) or _MD_HEADING.match(line) for line in block):
        return False
    if len(block) > 1:
        joined = paragraph_text(block)
        wrapped_prose = (
            is_sentence(joined)
            and len(joined.split()) > SHORT_LINE_WORDS
            and not any(is_title_case(line) for line in block)
            and not all(_FURNITURE.search(line) for line in block)
        )
        return not wrapped_prose
    return True


def byline(line: str) -> str | None:
    match = _BYLINE.match(line)
    return match.group(1).strip() if match else None


def _headline(block: Block, *, is_markdown: bool) -> str | None:
    if len(block) != 1:
        return None
    line = block[0]
    heading = _MD_HEADING.match(line)
    if heading:
        return heading.group(1) or None
    if is_markdown:
        return None
    # Words counted before the furniture search, which is slow on a 10 MB line.
    n_words = len(line.split())
    if 2 <= n_words <= HEADLINE_MAX_WORDS and not line.endswith("."):
        return None if _FURNITURE.search(line) else line
    return None


def body_blocks(text: str, *, is_markdown: bool = False) -> tuple[list[Block], dict[str, str]]:
    """The prose blocks of ``text`` and what the page around them says (title, author, source).

    The header is everything before the first prose block; the title is its first
    one-line, headline-shaped block (or Markdown heading); a "By NAME" line gives the author
    (and, as written, the byline).
    """
    found: dict[str, str] = {}
    body: list[Block] = []
    in_header = True
    for index, block in enumerate(blocks_of(text)):
        if len(block) == 1 and "author" not in found and index < 12:
            name = byline(block[0])
            if name:
                found["author"] = name
                found["byline"] = block[0]
                continue
        if in_header and "title" not in found:
            title = _headline(block, is_markdown=is_markdown)
            if title:
                found["title"] = title
                if index > 0 and "source" not in found and body == []:
                    found.setdefault("source", _site_name(text))
                continue
        if is_debris(block):
            continue
        in_header = False
        body.append(block)
    if not found.get("source"):
        found.pop("source", None)
    return body, found


def _site_name(text: str) -> str:
    """The first line of a page whose headline comes later is usually the site's name."""
    first = blocks_of(text)[0][0]
    names = first.split()
    if len(names) <= 4 and not is_sentence(first) and all(w[0].isupper() for w in names):
        return first
    return ""
