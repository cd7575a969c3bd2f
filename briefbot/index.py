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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .errors import CorpusError

VARIANTS = ("plus", "okapi", "l")
OKAPI_EPSILON = 0.25  # rank-bm25's floor for negative Okapi IDF, as a share of the mean


class Vocabulary(dict[str, int]):
    """Term -> id, ids in order of first sight; a new term gets the next id."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        super().__init__((t, i) for i, t in enumerate(terms))

    def __missing__(self, term: str) -> int:
        self[term] = len(self)
        return self[term]

    def encode(self, terms: Iterable[str]) -> list[int]:
        return list(map(self.__getitem__, terms))


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values: ``np.unique``, without the import of numpy.ma that it
    makes on first use (15 ms of a cold start)."""
    values = np.sort(values)
    if len(values) < 2:
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


@dataclass(frozen=True)
class Settings:
    variant: str = "plus"
    k1: float = 1.2
    b: float = 0.75
    delta: float = 1.0


class Index:
    """Scores paragraphs (by position) for a bag of query terms, touching only postings.

    rank-bm25's ``get_scores`` walks every paragraph for every query term.  Here each term
    keeps the positions and counts of the paragraphs that hold it, and a query adds up
    only those; the part of the score that every paragraph gets alike (BM25Plus's delta
    term) is one constant.  The formulas, IDF included, are rank-bm25's,
    so the scores are the same (pinned by a property test against rank_bm25).
    """

    def __init__(self, docs_terms: Sequence[Sequence[str]], settings: Settings = Settings()):
        vocab = Vocabulary()
        lengths = np.fromiter(map(len, docs_terms), dtype=np.int64, count=len(docs_terms))
        ids = np.fromiter(
            map(vocab.__getitem__, chain.from_iterable(docs_terms)),
            dtype=np.int64,
            count=int(lengths.sum()),
        )
        self._build(ids, lengths, list(vocab), settings)

    @classmethod
    def from_ids(
        cls,
        ids: np.ndarray,
        lengths: np.ndarray,
        vocab: Sequence[str],
        settings: Settings = Settings(),
    ) -> Index:
        """An index from every paragraph's term ids laid end to end.

        ``ids`` indexes ``vocab``; ``lengths`` says how many of them each paragraph has,
        in order.  Terms of ``vocab`` that no paragraph uses are left out.
        """
        index = cls.__new__(cls)
        index._build(np.asarray(ids), np.asarray(lengths, dtype=np.int64), vocab, settings)
        return index

    def _build(
        self, ids: np.ndarray, lengths: np.ndarray, vocab: Sequence[str], settings: Settings
    ) -> None:
        if len(lengths) == 0 or len(ids) == 0:
            raise CorpusError("no searchable text in the corpus")
        self.settings = settings
        self.size = n = len(lengths)
        # Postings in one compressed layout: term id -> a slice of (paragraph, count) pairs.
        # One sort of (term, paragraph) keys groups them by term, paragraphs ascending, and
        # puts a paragraph's repeats of a term side by side to be counted.
        # (In place where it can be: at 100k paragraphs each temporary is 40 MB.)
        keys = ids.astype(np.int64)
        keys *= n
        keys += np.repeat(np.arange(n, dtype=np.int64), lengths)
        keys.sort()
        starts = np.empty(len(keys), dtype=bool)
        starts[0] = True
        np.not_equal(keys[1:], keys[:-1], out=starts[1:])
        first = np.flatnonzero(starts)
        del starts
        counts = np.diff(first, append=len(keys))
        keys = keys[first]
        del first
        terms = keys // n
        keys -= terms * n
        paragraphs = keys
        df = np.bincount(terms, minlength=len(vocab))
        used = np.flatnonzero(df)
        self._vocab = {vocab[i]: new for new, i in enumerate(used.tolist())}
        self._paragraphs = paragraphs.astype(np.int32)
        self._counts = counts.astype(np.float32)
        self._df = df[used]
        self._starts = np.concatenate(([0], np.cumsum(self._df)))
        self._finish(lengths.astype(np.float64))

    def _finish(self, lengths: np.ndarray) -> None:
        """Derive what scoring needs from the stored arrays."""
        self.lengths = lengths
        avgdl = float(lengths.sum()) / self.size
        s = self.settings
        # rank-bm25's length normalization, written in its order of operations.
        self._length_norm = 1 - s.b + s.b * lengths / avgdl
        self._bm25_idf = self._rank_bm25_idf(self._df.astype(np.float64))

    def parts(self) -> tuple[list[str], dict[str, np.ndarray]]:
        """The index as a vocabulary (by term id) and plain arrays: what a cache stores."""
        vocab = sorted(self._vocab, key=self._vocab.__getitem__)
        arrays = {
            "paragraphs": self._paragraphs,
            "counts": self._counts,
            "starts": self._starts,
            "lengths": self.lengths,
        }
        return vocab, arrays

    @classmethod
    def from_parts(
        cls, vocab: list[str], arrays: dict[str, np.ndarray], settings: Settings
    ) -> Index:
        """Rebuild an index from :meth:`parts`; raises ValueError if they do not fit."""
        starts, paragraphs = arrays["starts"], arrays["paragraphs"]
        counts, lengths = arrays["counts"], arrays["lengths"]
        if (
            starts.ndim != 1 or len(starts) != len(vocab) + 1 or int(starts[0]) != 0
            or int(starts[-1]) != len(paragraphs) or len(counts) != len(paragraphs)
            or np.any(np.diff(starts) < 0) or len(lengths) == 0
            or (len(paragraphs) and (paragraphs.min() < 0 or paragraphs.max() >= len(lengths)))
            or not lengths.sum() > 0
        ):
            raise ValueError("index arrays do not fit together")
        index = cls.__new__(cls)
        index.settings = settings
        index.size = len(lengths)
        index._vocab = {term: i for i, term in enumerate(vocab)}
        index._paragraphs = paragraphs.astype(np.int32, copy=False)
        index._counts = counts.astype(np.float32, copy=False)
        index._starts = starts.astype(np.int64, copy=False)
        index._df = np.diff(index._starts)
        index._finish(lengths.astype(np.float64, copy=False))
        return index

    def _rank_bm25_idf(self, df: np.ndarray) -> np.ndarray:
        """IDF exactly as rank-bm25 computes it for the chosen variant, by term id."""
        n = self.size
        if self.settings.variant == "plus":
            return np.log((n + 1) / df)
        if self.settings.variant == "l":
            return math.log(n + 1) - np.log(df + 0.5)
        idf = np.log(n - df + 0.5) - np.log(df + 0.5)
        floor = OKAPI_EPSILON * (idf.sum() / len(idf))
        return np.where(idf < 0, floor, idf)

    def _posting(self, term: str) -> tuple[np.ndarray, np.ndarray, float]:
        """(paragraph positions, counts, rank-bm25 IDF) of a term the index holds."""
        tid = self._vocab[term]
        a, b = self._starts[tid], self._starts[tid + 1]
        return self._paragraphs[a:b], self._counts[a:b].astype(np.float64), float(self._bm25_idf[tid])

    def vocabulary(self) -> Iterable[str]:
        """Every term the index holds."""
        return iter(self._vocab)

    def doc_freq(self, term: str) -> int:
        tid = self._vocab.get(term)
        return 0 if tid is None else int(self._df[tid])

    def positions(self, term: str, limit: int | None = None) -> list[int]:
        """The paragraphs (by position) that hold ``term``, in order (the first ``limit``)."""
        if term not in self._vocab:
            return []
        return [int(x) for x in self._posting(term)[0][:limit]]

    def holds(self, position: int, term: str) -> bool:
        """Whether the paragraph at ``position`` contains ``term``."""
        tid = self._vocab.get(term)
        if tid is None:
            return False
        where = self._paragraphs[self._starts[tid] : self._starts[tid + 1]]
        i = int(np.searchsorted(where, position))
        return i < len(where) and int(where[i]) == position

    def idf(self, term: str) -> float:
        """Rarity of a term on one positive scale; a term the corpus lacks is the rarest."""
        return math.log((self.size + 1) / (self.doc_freq(term) + 0.5))

    def scores(self, terms: Sequence[str]) -> list[float]:
        """rank-bm25's score of every paragraph for the distinct known ``terms``."""
        return [float(x) for x in self._score_array(self._known(terms))]

    def _known(self, terms: Sequence[str]) -> list[str]:
        return [t for t in dict.fromkeys(terms) if t in self._vocab]

    def _score_array(
        self, terms: list[str], weights: Mapping[str, float] | None = None
    ) -> np.ndarray:
        s = self.settings
        base = 0.0
        postings = [self._posting(t) for t in terms]
        if weights is not None:
            postings = [(w, tf, idf * weights[t]) for t, (w, tf, idf) in zip(terms, postings)]
        if s.variant == "plus":
            for _, _, idf in postings:
                base += idf * s.delta
        scores = np.full(self.size, base)
        for where, tf, idf in postings:
            norm = self._length_norm[where]
            if s.variant == "plus":
                scores[where] += idf * (tf * (s.k1 + 1)) / (s.k1 * norm + tf)
            elif s.variant == "okapi":
                scores[where] += idf * (tf * (s.k1 + 1) / (tf + s.k1 * norm))
            else:
                ctd = tf / norm
                scores[where] += idf * tf * (s.k1 + 1) * (ctd + s.delta) / (s.k1 + ctd + s.delta)
        return scores

    def top(
        self,
        terms: Sequence[str],
        k: int,
        weights: Mapping[str, float] | None = None,
        among: Sequence[int] | None = None,
    ) -> list[tuple[int, float]]:
        """The ``k`` best (position, score) pairs among paragraphs holding any of ``terms``.

        Candidates come from the postings, not from the score's sign: under Okapi a
        paragraph can hold a term whose IDF is zero or negative and still be the match.
        ``weights`` (term -> factor, for every term) scales each term's part of the score;
        without it every term counts once, exactly as in rank-bm25.  ``among`` limits the
        candidates to those positions.
        """
        known = self._known(terms)
        if not known:
            return []
        candidates = distinct(np.concatenate([self._posting(t)[0] for t in known]))
        if among is not None:
            candidates = candidates[np.isin(candidates, np.asarray(among, dtype=candidates.dtype))]
            if not len(candidates):
                return []
        scores = self._score_array(known, weights)[candidates]
        if len(candidates) > k:
            keep = np.argpartition(-scores, k - 1)[:k]
            candidates, scores = candidates[keep], scores[keep]
        order = np.lexsort((candidates, -scores))
        return [(int(candidates[i]), float(scores[i])) for i in order]
