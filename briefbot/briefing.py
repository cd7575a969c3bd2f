"""A briefing memo: sections of questions, each answered with quotes, every gap named.

The questions file is plain text: one question a line, a line starting with ``#`` starts a
section, blank lines are ignored.  A section headed "Key points" (or ``--overview``) lists
the corpus's most central sentences instead of answering questions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .answer import Answer, Citation
from .safe import dumps, visible
from .sentences import sentence_spans

if TYPE_CHECKING:
    from .engine import Briefbot

# Called after each question: (questions done, questions in all, the question).
Progress = Callable[[int, int, str], None]

KEY_POINTS = "Key points"
DEFAULT_SECTION = "Questions"
OVERVIEW_SIZE = 6
_MIN_OVERVIEW_WORDS = 8
_LEANS_BACK = re.compile(r"[\"“‘']?(it|its|they|their|them|this|these|those|that|he|she|his|her|such)\b", re.I)


@dataclass(frozen=True)
class SectionPlan:
    """A section as written in the questions file."""

    heading: str
    questions: tuple[str, ...] = ()

    @property
    def is_overview(self) -> bool:
        return self.heading.strip().casefold() == KEY_POINTS.casefold()


@dataclass(frozen=True)
class Section:
    heading: str
    answers: tuple[Answer, ...]
    # Key points: central sentences, each a citation of its own.
    points: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Briefing:
    title: str
    sections: tuple[Section, ...]
    corpus: dict[str, object]
    documents: tuple[dict[str, object], ...]
    date: str | None = None
    refs: dict[tuple[str, int], int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """The JSON form: each answer exactly as ``briefbot ask --json`` prints it."""
        return {
            "title": self.title,
            "date": self.date,
            "corpus": {**self.corpus, "documents": list(self.documents)},
            "sections": [
                {
                    "heading": s.heading,
                    "answers": [a.to_dict() for a in s.answers],
                    **({"key_points": [c.to_dict() for c in s.points]} if s.points else {}),
                }
                for s in self.sections
            ],
        }


def parse_questions(text: str) -> list[SectionPlan]:
    """Sections and questions from the questions file's text."""
    sections: list[SectionPlan] = []
    heading: str | None = None
    questions: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = visible(raw.strip())
        if not line:
            continue
        if line.startswith("#"):
            if heading is not None or questions:
                sections.append(SectionPlan(heading or DEFAULT_SECTION, tuple(questions)))
            heading, questions = line.lstrip("#").strip() or DEFAULT_SECTION, []
            continue
        questions.append(line)
    if heading is not None or questions:
        sections.append(SectionPlan(heading or DEFAULT_SECTION, tuple(questions)))
    return sections


def build(
    bot: Briefbot,
    plans: Sequence[SectionPlan],
    *,
    title: str,
    date: str | None = None,
    progress: Progress | None = None,
) -> Briefing:
    """Answer every question of every section (each on its own, no follow-up context)."""
    from .engine import QuestionError

    total = sum(len(p.questions) for p in plans)
    done = 0
    sections = []
    for plan in plans:
        answers = []
        for question in plan.questions:
            try:
                answers.append(bot.ask(question))
            except QuestionError:
                answers.append(bot.unanswerable(question))
            done += 1
            if progress is not None:
                progress(done, total, question)
        points = tuple(key_points(bot)) if plan.is_overview else ()
        sections.append(Section(plan.heading, tuple(answers), points))
    documents = tuple(d.summary() for d in bot.corpus.documents)
    return Briefing(
        title=visible(title),
        sections=tuple(sections),
        corpus=bot.corpus.summary(),
        documents=documents,
        date=date,
        refs=_number_refs(sections),
    )


def _number_refs(sections: Iterable[Section]) -> dict[tuple[str, int], int]:
    """One memo-wide number per cited paragraph, in order of first citation."""
    refs: dict[tuple[str, int], int] = {}
    for section in sections:
        cited = [c for a in section.answers if a.answered for c in a.citations]
        for c in [*cited, *section.points]:
            refs.setdefault((c.doc, c.paragraph), len(refs) + 1)
    return refs


def key_points(bot: Briefbot, size: int = OVERVIEW_SIZE) -> list[Citation]:
    """The corpus's most central sentences: closest to the corpus's TF-IDF centroid,
    near-duplicates dropped, at most half from any one document."""
    n_paragraphs = len(bot.paragraphs)
    candidates: list[tuple[float, int, int, int, frozenset[str]]] = []
    centroid: Counter[str] = Counter()
    vectors: list[dict[str, float]] = []
    for position, para in enumerate(bot.paragraphs):
        for start, end in sentence_spans(para.text):
            text = para.text[start:end]
            # A key point must stand on its own: long enough, not leaning on a pronoun.
            if len(text.split()) < _MIN_OVERVIEW_WORDS or _LEANS_BACK.match(text):
                continue
            counts = Counter(bot.tokenizer.terms(text))
            vec = {
                t: c * math.log((n_paragraphs + 1) / (bot.index.doc_freq(t) + 0.5))
                for t, c in counts.items()
            }
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            vec = {t: v / norm for t, v in vec.items()}
            vectors.append(vec)
            centroid.update(vec)
            candidates.append((0.0, position, start, end, frozenset(counts)))
    scored = []
    for (_, position, start, end, terms), vec in zip(candidates, vectors):
        score = sum(v * centroid[t] for t, v in vec.items())
        scored.append((score, position, start, end, terms))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    chosen: list[tuple[float, int, int, int, frozenset[str]]] = []
    per_doc: Counter[str] = Counter()
    cap = max(1, math.ceil(size / 2)) if len(bot.corpus.documents) > 1 else size
    for item in scored:
        if len(chosen) >= size:
            break
        doc = bot.paragraphs[item[1]].doc
        if per_doc[doc] >= cap or any(_similar(item[4], c[4]) for c in chosen):
            continue
        chosen.append(item)
        per_doc[doc] += 1
    titles = {d.id: d.title for d in bot.corpus.documents}
    points = []
    for n, (score, position, start, end, _) in enumerate(chosen, start=1):
        para = bot.paragraphs[position]
        points.append(
            Citation(n, para.doc, titles[para.doc], para.n, para.text[start:end], score, start, end)
        )
    return points


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) / max(1, len(a | b)) >= 0.5


FORMATS = {"md": "briefing.md.j2", "html": "briefing.html.j2"}


def render(bot: Briefbot, briefing: Briefing, fmt: str) -> str:
    """The memo as Markdown, HTML (templates in prompts/) or JSON."""
    if fmt == "json":
        return dumps(briefing.to_dict(), indent=2) + "\n"
    return bot.renderer.render(FORMATS[fmt], _context(briefing))


def _context(briefing: Briefing) -> dict[str, object]:
    def cite(c: Citation) -> dict[str, object]:
        return {**c.to_dict(), "ref": briefing.refs[(c.doc, c.paragraph)]}

    docs = {d["id"]: d for d in briefing.documents}
    sources = [
        {**{k: docs[doc][k] for k in ("title", "author", "source")}, "doc": doc,
         "paragraph": paragraph, "ref": ref}
        for (doc, paragraph), ref in sorted(briefing.refs.items(), key=lambda kv: kv[1])
    ]
    sections = [
        {
            "heading": s.heading,
            "points": [cite(c) for c in s.points],
            "answers": [
                {
                    "question": a.question,
                    "respelled": [{"typed": t, "read": r} for t, r in a.respelled],
                    "answered": a.answered,
                    "citations": [cite(c) for c in a.citations] if a.answered else [],
                }
                for a in s.answers
            ],
        }
        for s in briefing.sections
    ]
    return {
        "title": briefing.title,
        "date": briefing.date,
        "corpus": briefing.corpus,
        "documents": list(briefing.documents),
        "sections": sections,
        "sources": sources,
    }
