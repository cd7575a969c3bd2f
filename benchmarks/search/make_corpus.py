"""Write Python's bundled help topics as a briefbot corpus: one ``.txt`` file per topic.

    python benchmarks/search/make_corpus.py [FOLDER]

The text comes from ``pydoc_data.topics`` (what ``help("break")`` shows), so the corpus
needs no download, but it changes with the Python version: record ``sys.version`` beside
any result (``run.py`` prints it).  Without FOLDER a fresh temporary folder is used and its
path printed.

Each file is named for its topic (``break.txt`` -> document id ``break``).  The topic's
title goes into YAML-style front matter rather than onto a bare first line: briefbot's
cleaner only takes a one-line block of 2+ words as a headline, so one-word titles
("Exceptions", "Slicings") would otherwise be dropped.  The reST underlines
(``*****``, ``=====``) are removed; everything else is the topic's text as Python ships it,
paragraphs separated by blank lines, for briefbot's own loader to clean.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

_UNDERLINE = re.compile(r"^\s*([*=\-~^])\1{2,}\s*$")


def topics() -> dict[str, str]:
    import pydoc_data.topics

    return dict(sorted(pydoc_data.topics.topics.items()))


def as_document(text: str) -> str:
    """A topic's text as a file: front-matter title, then the body without underlines."""
    lines = text.split("\n")
    title = lines[0].strip()
    start = 2 if len(lines) > 1 and _UNDERLINE.match(lines[1]) else 1
    body = [line for line in lines[start:] if not _UNDERLINE.match(line)]
    quoted = title.replace('"', "'")
    return f'---\ntitle: "{quoted}"\n---\n\n' + "\n".join(body).strip("\n") + "\n"


def write_corpus(folder: str | Path) -> Path:
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    for name, text in topics().items():
        (root / f"{name}.txt").write_text(as_document(text), encoding="utf-8")
    return root


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="pydoc-topics-"))
    write_corpus(folder)
    print(f"{len(topics())} topics written to {folder} (Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
