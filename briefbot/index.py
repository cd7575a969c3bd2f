"""The BM25 index over paragraphs.

Variant: BM25Plus (k1=1.2, b=0.75, delta=1), chosen by measurement (benchmarks/quality):
its IDF, log((N+1)/df), stays positive for every term.  Okapi's IDF is 0 for a term in
exactly half the paragraphs and negative above half, so on a small corpus (a document or
two) the one paragraph that mentions a common word can score *below* those that do not.
BM25Plus also adds delta for every query term present, which keeps long paragraphs from
being crushed by length normalization; its constant term (idf * delta for every paragraph)
does not change the ranking.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rank_bm25 import BM25L, BM25Okapi, BM25Plus

from .errors import CorpusError

VARIANTS = {"plus": BM25Plus, "okapi": BM25Okapi, "l": BM25L}


@dataclass(frozen=True)
class Settings:
    variant: str = "plus"
    k1: float = 1.2
    b: float = 0.75
    delta: float = 1.0

    def model(self, corpus: list[list[str]]):  # type: ignore[no-untyped-def]
        cls = VARIANTS[self.variant]
        if self.variant == "okapi":
            return cls(corpus, k1=self.k1, b=self.b)
        return cls(corpus, k1=self.k1, b=self.b, delta=self.delta)


class Index:
    """Scores paragraphs (by position) for a bag of query terms."""

    def __init__(self, docs_terms: Sequence[Sequence[str]], settings: Settings = Settings()):
        if not docs_terms or not any(docs_terms):
            raise CorpusError("no searchable text in the corpus")
        self.settings = settings
        self.size = len(docs_terms)
        self._model = settings.model([list(t) for t in docs_terms])
        self.postings: dict[str, list[int]] = {}
        for position, terms in enumerate(docs_terms):
            for term in dict.fromkeys(terms):
                self.postings.setdefault(term, []).append(position)

    def doc_freq(self, term: str) -> int:
        return len(self.postings.get(term, ()))

    def idf(self, term: str) -> float:
        """Rarity of a term on one positive scale; a term the corpus lacks is the rarest."""
        return math.log((self.size + 1) / (self.doc_freq(term) + 0.5))

    def scores(self, terms: Sequence[str]) -> list[float]:
        """rank-bm25's score of every paragraph for the distinct known ``terms``."""
        unique = [t for t in dict.fromkeys(terms) if t in self.postings]
        if not unique:
            return [0.0] * self.size
        return [float(s) for s in self._model.get_scores(unique)]

    def top(self, terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The ``k`` best (position, score) pairs among paragraphs holding any of ``terms``.

        Candidates come from the postings, not from the score's sign: under Okapi a
        paragraph can hold a term whose IDF is zero or negative and still be the match.
        """
        candidates = {i for t in terms for i in self.postings.get(t, ())}
        if not candidates:
            return []
        scores = self.scores(terms)
        ranked = sorted(candidates, key=lambda i: (-scores[i], i))
        return [(i, scores[i]) for i in ranked[:k]]
