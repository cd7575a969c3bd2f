"""The engine every face calls: ``Briefbot.from_folder(path).ask(question)``."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .aliases import mine_aliases
from .answer import Answer, Citation, Selector, Tuning
from .corpus import Corpus, load_folder
from .dates import document_date
from .errors import BriefbotError
from .index import Index, Settings
from .question import Query, is_follow_up, parse, with_context
from .render import Renderer
from .safe import visible
from .text import Tokenizer

if TYPE_CHECKING:
    from .briefing import Briefing, Progress, SectionPlan

MAX_QUESTION_CHARS = 2000


class QuestionError(BriefbotError):
    """The question cannot be searched: empty, only stopwords, or far too long."""


@dataclass(frozen=True)
class Hit:
    doc: str
    title: str
    paragraph: int
    text: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {
            "doc": self.doc,
            "title": self.title,
            "paragraph": self.paragraph,
            "text": self.text,
            "score": round(self.score, 4),
        }


def seeds_dir() -> Path:
    """The bundled corpus: ``briefbot/seeds`` when installed, ``seeds/`` in a checkout."""
    packaged = Path(str(resources.files("briefbot"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def default_corpus() -> Path:
    """``BRIEFBOT_CORPUS`` if set, else the bundled seeds."""
    env = os.environ.get("BRIEFBOT_CORPUS")
    return Path(env) if env else seeds_dir()


class Briefbot:
    """Answers questions about one corpus with verbatim, cited quotes."""

    def __init__(
        self,
        corpus: Corpus,
        *,
        templates: str | Path | None = None,
        settings: Settings = Settings(),
        tuning: Tuning = Tuning(),
    ) -> None:
        self.corpus = corpus
        self.paragraphs = corpus.paragraphs
        # Things the user should hear about (a cache rebuilt, say); the faces print them.
        self.notices: list[str] = []
        self.index, aliases = self._build_index(settings)
        self.tokenizer = Tokenizer(aliases)
        self.selector = Selector(corpus, self.index, self.tokenizer, self.paragraphs, tuning)
        self.renderer = Renderer(templates)

    def _build_index(self, settings: Settings) -> tuple[Index, dict[tuple[str, ...], str]]:
        """The index and the corpus's aliases: from the cache for a large corpus, else built."""
        from . import cache

        large = len(self.paragraphs) >= cache.MIN_PARAGRAPHS
        key = cache.cache_key(self.corpus.fingerprint, settings)
        if large:
            try:
                cached = cache.load(key, settings)
            except cache.CacheProblem as exc:
                self.notices.append(f"index cache {exc}; rebuilding it")
                cached = None
            if cached is not None:
                return cached
        aliases = mine_aliases(p.text for p in self.paragraphs)
        tokenizer = Tokenizer(aliases)
        index = Index([tokenizer.terms(p.text) for p in self.paragraphs], settings)
        if large:
            try:
                cache.save(key, index, aliases)
            except OSError as exc:
                self.notices.append(f"could not write the index cache: {exc.strerror or exc}")
        return index, aliases

    @classmethod
    def from_folder(
        cls, folder: str | os.PathLike[str] | None = None, **kwargs: object
    ) -> Briefbot:
        return cls(load_folder(folder if folder is not None else default_corpus()), **kwargs)  # type: ignore[arg-type]

    def query(self, question: str) -> Query:
        """The question parsed for search; raises QuestionError if nothing can be searched."""
        text = question.strip()
        if not text:
            raise QuestionError("the question is empty")
        if len(text) > MAX_QUESTION_CHARS:
            raise QuestionError(
                f"the question is too long ({len(text):,} characters; the limit is "
                f"{MAX_QUESTION_CHARS:,})"
            )
        query = parse(text, self.tokenizer)
        if not query.terms:
            raise QuestionError(
                "the question has no words to search for (only common words or symbols)"
            )
        return query

    def ask(self, question: str, *, max_citations: int | None = None) -> Answer:
        """Answer ``question`` with up to ``max_citations`` quotes (default: the tuning's)."""
        return self.answer_query(self.query(question), max_citations)

    def answer_query(self, query: Query, max_citations: int | None = None) -> Answer:
        answered, citations = self.selector.select(query, max_citations)
        return self._answer(visible(query.text), answered, citations, query.searched)

    def unanswerable(self, question: str) -> Answer:
        """The "not in the sources" answer for a question that cannot even be searched."""
        return self._answer(visible(question.strip()), False, [])

    def brief(
        self,
        questions: Sequence[str] | Sequence[SectionPlan] | Mapping[str, Sequence[str]],
        *,
        title: str = "Briefing",
        date: str | None = None,
        overview: bool = False,
        progress: Progress | None = None,
    ) -> Briefing:
        """A briefing memo: a list of questions, sections, or {heading: questions}."""
        from .briefing import DEFAULT_SECTION, KEY_POINTS, SectionPlan, build

        if isinstance(questions, Mapping):
            plans = [SectionPlan(h, tuple(qs)) for h, qs in questions.items()]
        elif all(isinstance(q, SectionPlan) for q in questions):
            plans = list(questions)  # type: ignore[arg-type]
        else:
            plans = [SectionPlan(DEFAULT_SECTION, tuple(questions))]  # type: ignore[arg-type]
        if overview and not any(p.is_overview for p in plans):
            plans.insert(0, SectionPlan(KEY_POINTS))
        return build(self, plans, title=title, date=date, progress=progress)

    def session(self) -> Session:
        """A conversation: follow-up questions are read in the light of earlier ones."""
        return Session(self)

    def _answer(
        self, question: str, answered: bool, citations: list[Citation], searched: str | None = None
    ) -> Answer:
        cited = [c.to_dict() for c in citations]
        if answered and len({c.doc for c in citations}) > 1:
            # Quotes from two documents may speak of two meetings: say which date each gives.
            for c in cited:
                c["when"] = document_date(self.corpus.document(str(c["doc"])))
        context = {"question": question, "citations": cited, "corpus": self.corpus.summary()}
        template = "answer.md.j2" if answered else "not_found.md.j2"
        text = self.renderer.render(template, context)
        return Answer(
            question=question,
            answered=answered,
            citations=tuple(citations),
            text=text,
            corpus=self.corpus.summary(),
            searched=visible(searched) if searched is not None else None,
        )

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """The ``k`` best paragraphs for ``query``, best first."""
        parsed = self.query(query)
        titles = {d.id: d.title for d in self.corpus.documents}
        hits = []
        for position, score in self.index.top(parsed.terms, k):
            para = self.paragraphs[position]
            hits.append(Hit(para.doc, titles[para.doc], para.n, para.text, score))
        return hits


class Session:
    """Questions in a row; "What about Taiwan?" borrows the frame of the question before.

    Context comes from the last question that stood on its own, so a chain of follow-ups
    keeps the same frame instead of drifting.
    """

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot
        self.history: list[Answer] = []
        self._frame: Query | None = None

    def ask(self, question: str, *, max_citations: int | None = None) -> Answer:
        query = self.bot.query(question)
        if self._frame is not None and is_follow_up(query.text, query):
            query = with_context(query, self._frame, self.bot.tokenizer)
        else:
            self._frame = query
        answer = self.bot.answer_query(query, max_citations)
        self.history.append(answer)
        return answer

    def clear(self) -> None:
        self.history.clear()
        self._frame = None
