"""From documents to the index and aliases, reusing what unchanged documents yielded before.

The index must be the one a fresh build gives: ``Index`` over
``Tokenizer(mine_aliases(texts)).terms(text)`` for every paragraph.  Aliases come from the
whole corpus, so one changed document can change every paragraph's terms.  What does not
depend on the rest of the corpus is kept per document (:class:`DocTerms`) and reused:

- its paragraphs' stems, the terms without aliases;
- the acronyms it defines (each paragraph's own business);
- the other names it defines ("X, also called Y"), which depend on the corpus's acronyms only
  when the miner consults them; a document whose mining did is mined again when they change.

Aliases then add terms only to paragraphs holding every word of an alias phrase; those few
are tokenized again with the aliases, and the index is built from term ids with NumPy.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .aliases import mine_acronyms, mine_names
from .corpus import Document, Paragraph
from .index import Index, Settings, Vocabulary, distinct
from .text import Tokenizer

Alias = tuple[tuple[str, ...], str]
# Told (label, done, total) while documents are tokenized.
Progress = Callable[[str, int, int], None]
TOKENIZING = "Indexing paragraphs"
# names_key of names that must be mined again with the corpus's acronyms
UNMINED = "unmined"


@dataclass
class DocTerms:
    """What indexing takes from one document and can keep while the document is unchanged."""

    stems: np.ndarray  # stem ids (into the shared Vocabulary), paragraphs end to end
    lengths: np.ndarray  # stems in each paragraph
    acronyms: list[Alias]  # defined in this document, first definition of a phrase first
    names: list[Alias]  # other names defined here, mined with the acronyms of ``names_key``
    # "" when mining the names did not consult the acronyms (so they hold for any),
    # UNMINED when it did and must be done again with the corpus's
    names_key: str


def doc_terms(doc: Document, vocab: Vocabulary) -> DocTerms:
    """Stems and aliases of one document, names mined without the corpus's acronyms."""
    plain = Tokenizer()
    stems: list[int] = []
    lengths = []
    found: dict[tuple[str, ...], str] = {}
    for p in doc.paragraphs:
        terms = vocab.encode(plain.terms(p.text))
        stems.extend(terms)
        lengths.append(len(terms))
        for phrase, term in mine_acronyms(p.text).items():
            found.setdefault(phrase, term)
    names, consulted = _mine_names(doc, Tokenizer())
    return DocTerms(
        np.array(stems, dtype=np.int32),
        np.array(lengths, dtype=np.int32),
        list(found.items()),
        names,
        UNMINED if consulted else "",
    )


class _Watched:
    """Stands in for a tokenizer and notes whether anything was asked of it."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self._tokenizer = tokenizer
        self.consulted = False

    def __getattr__(self, name: str) -> Any:
        self.consulted = True
        return getattr(self._tokenizer, name)


def _mine_names(doc: Document, acronyms: Tokenizer) -> tuple[list[Alias], bool]:
    """The document's other names, as ``mine_aliases`` keeps them; and whether mining
    consulted the acronyms (if not, the result holds whatever the corpus's acronyms are)."""
    watched = _Watched(acronyms)
    found: dict[tuple[str, ...], str] = {}
    for p in doc.paragraphs:
        for phrase, term in mine_names(p.text, watched).items():  # type: ignore[arg-type]
            if phrase != (term,):
                found.setdefault(phrase, term)
    return list(found.items()), watched.consulted


def aliases_key(aliases: Mapping[tuple[str, ...], str]) -> str:
    return hashlib.sha256(json.dumps(sorted(aliases.items())).encode()).hexdigest()[:32]


def build(
    documents: Sequence[Document],
    known: Mapping[int, DocTerms],
    vocab: Vocabulary,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> tuple[Index, dict[tuple[str, ...], str], list[DocTerms]]:
    """The index and aliases of ``documents``, and every document's DocTerms.

    ``known`` holds DocTerms from an earlier run by position in ``documents``; the rest
    are made here (the slow part: ``progress`` hears of it paragraph by paragraph).
    """
    fresh = [i for i in range(len(documents)) if i not in known]
    total = sum(len(documents[i].paragraphs) for i in fresh)
    done = 0
    parts = dict(known)
    for i in fresh:
        parts[i] = doc_terms(documents[i], vocab)
        done += len(documents[i].paragraphs)
        if progress is not None:
            progress(TOKENIZING, done, total)
    ordered = [parts[i] for i in range(len(documents))]
    aliases = _aliases(documents, ordered)
    stems = np.concatenate([t.stems for t in ordered]).astype(np.int64)
    lengths = np.concatenate([t.lengths for t in ordered]).astype(np.int64)
    paragraphs = [p for d in documents for p in d.paragraphs]
    ids, lengths = _with_aliases(paragraphs, stems, lengths, vocab, aliases)
    index = Index.from_ids(ids, lengths, list(vocab), settings or Settings())
    return index, aliases, ordered


def _aliases(documents: Sequence[Document], parts: list[DocTerms]) -> dict[tuple[str, ...], str]:
    """``mine_aliases`` over every paragraph, from each document's findings."""
    aliases: dict[tuple[str, ...], str] = {}
    for t in parts:
        for phrase, term in t.acronyms:
            aliases.setdefault(phrase, term)
    key = aliases_key(aliases)
    acronyms = Tokenizer(aliases)
    for doc, t in zip(documents, parts):
        if t.names_key not in ("", key):
            names, consulted = _mine_names(doc, acronyms)
            t.names, t.names_key = names, key if consulted else ""
        for phrase, term in t.names:
            aliases.setdefault(phrase, term)
    return aliases


def _with_aliases(
    paragraphs: Sequence[Paragraph],
    stems: np.ndarray,
    lengths: np.ndarray,
    vocab: Vocabulary,
    aliases: Mapping[tuple[str, ...], str],
) -> tuple[np.ndarray, np.ndarray]:
    """Term ids with the aliases' terms: the paragraphs that hold every word of an alias
    phrase are tokenized again with the aliases; the others keep their stems."""
    phrases = [
        [vocab[w] for w in phrase]
        for phrase in aliases
        if phrase and all(w in vocab for w in phrase)
    ]
    if not phrases:
        return stems, lengths
    starts = np.concatenate(([0], np.cumsum(lengths)))
    # Paragraphs holding a phrase's rarest word, then only those holding all of its words.
    df = np.bincount(stems, minlength=len(vocab))
    rarest = np.zeros(len(vocab), dtype=bool)
    rarest[[min(ids, key=lambda i: df[i]) for ids in phrases]] = True
    hits = np.flatnonzero(rarest[stems])
    maybe = distinct(np.searchsorted(starts, hits, side="right") - 1)
    candidates = []
    for position in maybe.tolist():
        held = set(stems[starts[position] : starts[position + 1]].tolist())
        if any(held.issuperset(ids) for ids in phrases):
            candidates.append(position)
    if not candidates:
        return stems, lengths
    tokenizer = Tokenizer(aliases)
    pieces: list[np.ndarray] = []
    lengths = lengths.copy()
    previous = 0
    for position in candidates:
        terms = np.array(vocab.encode(tokenizer.terms(paragraphs[position].text)), dtype=np.int64)
        pieces += [stems[previous : starts[position]], terms]
        previous = starts[position + 1]
        lengths[position] = len(terms)
    pieces.append(stems[previous:])
    return np.concatenate(pieces), lengths
