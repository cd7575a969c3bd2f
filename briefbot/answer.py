"""From ranked paragraphs to an answer: the quote sentences, the citations, the verdict.

A sentence is scored by how much of the question's weight (IDF of its terms) it holds,
how close together the matched terms sit, whether it has the kind of thing the question
asks for (a name for "who", a date for "when"), and how well its paragraph ranked.
The verdict is honest by construction: if no paragraph holds enough of the question's
weight, or the question names something the corpus never mentions, the answer is "not
in the sources" and the closest passages are offered only as related.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .corpus import Corpus, Paragraph
from .index import Index
from .question import PERSON, PLACE, QUANTITY, REASON, TIME, WORDING, Query
from .sentences import sentence_spans
from .text import Tokenizer


@dataclass(frozen=True)
class Citation:
    """One verbatim quote: ``quote == paragraph_text[start:end]``."""

    n: int
    doc: str
    title: str
    paragraph: int
    quote: str
    score: float
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "doc": self.doc,
            "title": self.title,
            "paragraph": self.paragraph,
            "quote": self.quote,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Answer:
    question: str
    answered: bool
    citations: tuple[Citation, ...]
    text: str = ""
    corpus: dict[str, object] = field(default_factory=dict)
    # What was actually searched for, when it differs from the question (follow-ups).
    searched: str | None = None

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "question": self.question,
            "answered": self.answered,
            "text": self.text,
            "citations": [c.to_dict() for c in self.citations],
            "corpus": self.corpus,
        }
        if self.searched is not None:
            data["searched"] = self.searched
        return data


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_CUES = {
    # Two capitalized words in a row (a name), or a title that people hold.
    PERSON: re.compile(
        r"(?<!^)(?<![.!?] )\b[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)+"
        r"|(?i:\b(?:secretary|minister|president|prime minister|ambassador|senator|chancellor"
        r"|spokes(?:man|woman|person)|officials?|leaders?|fellow|director|chief)\b)"
    ),
    TIME: re.compile(
        rf"\b(?:{_MONTHS}|(?:19|20)\d\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        r"|yesterday|today|tomorrow|ago|since|until|by the end of|last (?:week|month|year)"
        r"|next (?:week|month|year)|in the past|decades?|years?|months?|weeks?|days?)\b",
        re.IGNORECASE,
    ),
    QUANTITY: re.compile(
        r"\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
        r"|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozens?|half|double"
        r"|triple|\w+fold|percent|several|many|few)\b",
        re.IGNORECASE,
    ),
    REASON: re.compile(
        r"\b(?:because|due to|as a result|owing to|in order to|so that|thanks to|reasons?"
        r"|caused|led to|given that|since|in response to|therefore|aim(?:ed)? to)\b",
        re.IGNORECASE,
    ),
    PLACE: re.compile(r"\b(?:in|at|to|from|near)\s+[A-Z][a-z]+"),
    WORDING: re.compile(r"[“\"][^”\"]*\w+\W+\w+[^”\"]*[”\"]"),
}


@dataclass(frozen=True)
class Tuning:
    """The knobs of answer selection, calibrated on the development questions."""

    candidates: int = 8  # paragraphs whose sentences compete
    answer_threshold: float = 0.3  # share of question weight the best paragraph must hold
    # How much a question word the corpus never uses counts against an answer, relative to
    # the rarest word it does use: paraphrases bring such words, off-topic questions too.
    unknown_weight: float = 0.6
    named_document_bonus: float = 0.3  # for sentences of a document the question names
    context_weight: float = 0.5  # terms a follow-up carries over from earlier questions
    second_document_ratio: float = 0.8  # cite another document if its best is this close
    max_citations: int = 3
    max_quote_sentences: int = 3
    max_quote_chars: int = 600


@dataclass(frozen=True)
class _Sentence:
    para: Paragraph
    start: int
    end: int
    score: float
    matched: frozenset[str]
    # The paragraph's sentence spans and question terms per sentence (shared by its
    # sentences), and this sentence's place among them: what growing the quote needs.
    spans: tuple[tuple[int, int], ...] = ()
    matches: tuple[frozenset[str], ...] = ()
    index: int = 0


class Selector:
    """Chooses quote sentences from ranked paragraphs and decides whether they answer."""

    def __init__(
        self,
        corpus: Corpus,
        index: Index,
        tokenizer: Tokenizer,
        paragraphs: Sequence[Paragraph],
        tuning: Tuning = Tuning(),
    ) -> None:
        self.corpus = corpus
        self.index = index
        self.tokenizer = tokenizer
        self.paragraphs = paragraphs
        self.tuning = tuning
        self._titles = {d.id: d.title for d in corpus.documents}
        self._names = self._document_names()

    def _document_names(self) -> dict[str, str]:
        """Terms that name one document only (its author, site or a title word the body
        never uses), so "the Diplomat piece" or "Tatsumi's article" points at it."""
        owners: dict[str, set[str]] = {}
        for d in self.corpus.documents:
            names = self.tokenizer.terms(" ".join(x for x in (d.author, d.source) if x))
            title = [t for t in self.tokenizer.terms(d.title) if self.index.doc_freq(t) == 0]
            for term in set(names) | set(title):
                owners.setdefault(term, set()).add(d.id)
        return {t: next(iter(ids)) for t, ids in owners.items() if len(ids) == 1}

    def weights(self, query: Query) -> dict[str, float]:
        """How much each question term matters for the verdict and the quote.

        A term's IDF; a word the corpus never uses counts less (paraphrases bring such words) unless it
        is a name or number, which the answer would have to mention.  Words that only
        name a document weigh nothing here: they choose the document instead.
        """
        weights = {}
        for t in query.terms:
            if t in self._names and self.index.doc_freq(t) == 0:
                continue
            w = self.index.idf(t)
            if self.index.doc_freq(t) == 0 and t not in query.specific:
                w *= self.tuning.unknown_weight
            if t in query.carried:
                w *= self.tuning.context_weight
            weights[t] = w
        return weights

    def select(self, query: Query, max_citations: int | None = None) -> tuple[bool, list[Citation]]:
        """(answered, citations) for ``query``; citations are related passages if not answered."""
        weights = self.weights(query)
        named = {self._names[t] for t in query.terms if t in self._names}
        ranked = self.index.top(list(weights), self.tuning.candidates)
        if not ranked:
            return False, []
        total = sum(weights.values()) or 1.0
        top_score = ranked[0][1] or 1.0
        sentences: list[_Sentence] = []
        best_coverage = 0.0
        for position, para_score in ranked:
            para = self.paragraphs[position]
            coverage = sum(w for t, w in weights.items() if self.index.holds(position, t)) / total
            best_coverage = max(best_coverage, coverage)
            share = max(para_score, 0.0) / top_score if top_score > 0 else 0.0
            bonus = 0.2 * share + (self.tuning.named_document_bonus if para.doc in named else 0.0)
            sentences.extend(self._score_sentences(query, para, weights, total, coverage, bonus))
        # A name the corpus never mentions (a person, place, acronym) means the question
        # is about something else, however many other words it shares.
        unknown_names = [
            t
            for t in query.specific
            if self.index.doc_freq(t) == 0 and not t[0].isdigit() and t not in self._names
        ]
        answered = best_coverage >= self.tuning.answer_threshold and not unknown_names
        sentences.sort(key=lambda s: (-s.score, s.para.doc, s.para.n, s.start))
        picked = self._pick(sentences, answered, max_citations or self.tuning.max_citations)
        return answered, [self._cite(i, s) for i, s in enumerate(picked, start=1)]

    def _score_sentences(
        self,
        query: Query,
        para: Paragraph,
        weights: dict[str, float],
        total: float,
        para_coverage: float,
        bonus: float,
    ) -> list[_Sentence]:
        cue = _CUES.get(query.kind)
        spans = tuple(sentence_spans(para.text))
        texts = [para.text[a:b] for a, b in spans]
        terms = [self.tokenizer.terms(t) for t in texts]
        matched = tuple(frozenset(t for t in weights if t in ts) for ts in terms)
        out = []
        for i, (start, end) in enumerate(spans):
            coverage = sum(weights[t] for t in matched[i]) / total
            # Terms a neighbour holds count a little: the quote may grow to include it.
            near = set().union(*matched[max(0, i - 1) : i + 2]) - matched[i]
            context = sum(weights[t] for t in near) / total
            # A sentence that returns to a term (names it twice) is more about it.
            repeats = sum(
                weights[t] * min(terms[i].count(t) - 1, 2) for t in matched[i]
            ) / total
            score = coverage + 0.1 * repeats + 0.4 * context + 0.3 * para_coverage + bonus
            score += 0.1 * _proximity(terms[i], matched[i])
            if cue is not None and matched[i] and cue.search(texts[i]):
                score += 0.15
            score -= 0.05 * max(0, len(terms[i]) - 40) / 40
            out.append(_Sentence(para, start, end, score, matched[i], spans, matched, i))
        return out

    def _pick(self, sentences: list[_Sentence], answered: bool, limit: int) -> list[_Sentence]:
        """The best sentence, then close runners-up from other documents, one per paragraph."""
        if not sentences:
            return []
        best = sentences[0]
        picked = [best]
        if not answered:
            # Related passages: the best sentence of each of the top paragraphs.
            for s in sentences[1:]:
                if len(picked) >= limit:
                    break
                if all(s.para is not p.para for p in picked):
                    picked.append(s)
            return picked
        for s in sentences[1:]:
            if len(picked) >= limit:
                break
            if s.score < self.tuning.second_document_ratio * best.score:
                break
            if any(s.para.doc == p.para.doc for p in picked):
                continue
            picked.append(s)
        return picked

    def _cite(self, n: int, sentence: _Sentence) -> Citation:
        start, end = self._extend(sentence)
        para = sentence.para
        return Citation(
            n=n,
            doc=para.doc,
            title=self._titles[para.doc],
            paragraph=para.n,
            quote=para.text[start:end],
            score=sentence.score,
            start=start,
            end=end,
        )

    def _extend(self, sentence: _Sentence) -> tuple[int, int]:
        """Grow the quote by a neighbouring sentence when it adds question terms."""
        spans, i = sentence.spans, sentence.index
        lo, hi = i, i
        covered = set(sentence.matched)
        for _ in range(self.tuning.max_quote_sentences - 1):
            options = []
            if lo > 0:
                options.append(lo - 1)
            if hi < len(spans) - 1:
                options.append(hi + 1)
            gains = []
            for j in options:
                new = sentence.matches[j] - covered
                gains.append((len(new), -abs(j - i), j, new))
            gains = [g for g in gains if g[0] > 0]
            if not gains:
                break
            _, _, j, new = max(gains)
            if spans[max(hi, j)][1] - spans[min(lo, j)][0] > self.tuning.max_quote_chars:
                break
            lo, hi = min(lo, j), max(hi, j)
            covered |= new
        return spans[lo][0], spans[hi][1]


def _proximity(terms: list[str], matched: frozenset[str]) -> float:
    """1.0 when the matched terms stand side by side, falling as they spread apart."""
    if len(matched) < 2:
        return 0.0
    positions = [(i, t) for i, t in enumerate(terms) if t in matched]
    need = len(matched)
    best = len(terms)
    counts: dict[str, int] = {}
    left = 0
    have = 0
    for pos, term in positions:
        counts[term] = counts.get(term, 0) + 1
        if counts[term] == 1:
            have += 1
        while have == need:
            best = min(best, pos - positions[left][0] + 1)
            lt = positions[left][1]
            counts[lt] -= 1
            if counts[lt] == 0:
                have -= 1
            left += 1
    return need / best if best else 0.0
