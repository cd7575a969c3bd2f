"""The engine every face calls: ``Briefbot.from_folder(path).ask(question)``."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .aliases import names_by_initials
from .answer import Answer, Citation, Selector, Tuning, person_named
from .corpus import Corpus, load_folder
from .dates import document_date
from .errors import BriefbotError
from .index import Index, Settings, Vocabulary
from .indexing import Progress, build
from .question import (
    HEADING,
    ORDINALS,
    Query,
    is_country,
    is_follow_up,
    is_onward,
    ordinal_asked,
    parse,
    with_apostrophes,
    with_context,
    with_person,
    without_lead_in,
)
from .render import Renderer
from .safe import visible
from .text import MONTH_SHORT_FORMS, QUESTION_FILLER, STOPWORDS, Tokenizer, stem, words

if TYPE_CHECKING:
    from .briefing import Briefing, SectionPlan
    from .briefing import Progress as BriefingProgress
    from .cache import FolderCache

MAX_QUESTION_CHARS = 2000
# Capitalizing a lower-case question's names: how many paragraphs of a word to read, and
# what ends a sentence (a capital after it proves nothing).
_CASE_SAMPLE = 20
_SENTENCE_END = ".!?:\"“"
_WORD = re.compile(r"[A-Za-z]+")
# A word standing on its own, not inside a path, address or markup ("file:///etc/passwd").
_LOOSE_WORD = re.compile(r"(?<![^\s\"“‘'(])[A-Za-z]+(?![^\s\"”’'),.;:!?-])")
_MIN_RESPELL = 5  # shorter words are one edit away from too many others
# "HNS", "SCS", "FM": capitals only, as a reader types an acronym.
_TYPED_ACRONYM = re.compile(r"[A-Z]{2,5}s?|Sec(?:State|Def)|MoD|DoD|MoFA")
# Offices, countries and ministries as news writing abbreviates them (general English,
# like the table of demonyms), read so when the documents never use the short form.
_SHORT_FORMS = {
    "PM": "prime minister", "FM": "foreign minister", "DM": "defense minister",
    "VP": "vice president", "SecState": "Secretary of State", "SecDef": "Secretary of Defense",
    "POTUS": "U.S. president",
    "JP": "Japan", "JPN": "Japan", "CN": "China", "PRC": "China", "ROK": "South Korea",
    "DPRK": "North Korea", "NK": "North Korea", "TW": "Taiwan", "ROC": "Taiwan",
    "RU": "Russia", "AU": "Australia", "UK": "Britain", "PH": "Philippines",
    "MoD": "Ministry of Defense", "DoD": "Department of Defense",
    "MOFA": "Ministry of Foreign Affairs",
    # security news
    "PLA": "Chinese military", "CCP": "Chinese Communist Party", "USFJ": "U.S. forces in Japan",
    "USFK": "U.S. forces in Korea", "JSDF": "Japan Self-Defense Forces", "SDF": "Self-Defense Forces",
    "ICBM": "intercontinental ballistic missile", "SLBM": "submarine-launched ballistic missile",
    "BMD": "ballistic missile defense", "HGV": "hypersonic glide vehicle",
    "WMD": "weapons of mass destruction", "FOIP": "free and open Indo-Pacific",
}
# (Looked up in lower case: "MoD", "MOD" and "mod" are one short form.)
_SHORT_FORMS_LOWER = {short.lower(): full for short, full in _SHORT_FORMS.items()}
# Words shortened in haste ("jan mtg", "mil bases"), read so when the documents never
# use them.
_SHORT_WORDS = {
    "mtg": "meeting", "mtgs": "meetings", "mil": "military", "def": "defense",
    "pres": "president", "amb": "ambassador", "yr": "year", "yrs": "years",
    "bn": "billion", "mln": "million", "tn": "trillion", "ppl": "people", "intel": "intelligence",
    "nuke": "nuclear weapon", "nukes": "nuclear weapons",
}
# "Jan 2022", "the Mar. meeting": a month (read in full, so that it names a meeting).
_MONTH_SHORT_FORMS = {short: month.capitalize() for short, month in MONTH_SHORT_FORMS.items()}
_DAY_NEXT = re.compile(r"\.?\s*\d")
_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")
_NUMBER_BEFORE = re.compile(r"\d\s*\Z")
# "Art 5", "Art. V": an article of a treaty, by its number.
_ARTICLE_NUMBER = re.compile(r"\.?\s*(?:\d+|[IVX]+)\b")
# Words questions are asked with that the documents may never use.
_ASKING_WORDS = frozenset(w for w in STOPWORDS | QUESTION_FILLER if len(w) >= _MIN_RESPELL)
# Question filler that names a piece of writing, and may be part of a name in the text.
_WRITINGS = frozenset(
    "document documents report reports article articles piece pieces analysis story text"
    " passage source sources commentary essay column opinion".split()
)
_NAME_CHECKS = 200  # paragraphs read for such a name (a common word: the first ones)
_COMMON_RELATIVES = 3  # a word of the language with this many relatives is no rarity
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
READING = "Reading documents"


def _typed_without_capitals(text: str) -> bool:
    """Whether a question was typed without capitals (but perhaps its first letter, and
    "I"): then it says nothing of which words are names, and where it does, the asker
    capitalized what they meant as names."""
    return not any(w != "I" and not w.islower() for w in _WORD.findall(text)[1:])


def _as_word(pattern: str) -> re.Pattern[str]:
    """``pattern`` (letters, perhaps a trailing "s?") standing as a word of its own, in
    any case."""
    return re.compile(rf"(?<![\w'’]){pattern}(?![\w'’])", re.IGNORECASE)


def _one_edit(word: str) -> set[str]:
    """Every string one letter dropped, swapped with the next, changed or added away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in _LETTERS if c != b[0]}
    added = {a + c + b for a, b in splits for c in _LETTERS}
    return (dropped | swapped | changed | added) - {word}


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
        files: FolderCache | None = None,
        progress: Progress | None = None,
    ) -> None:
        """``files`` is the folder's cache (see :meth:`from_folder`); without it the index
        is built in memory.  ``progress`` hears (label, done, total) while it is built."""
        self.corpus = corpus
        self.paragraphs = corpus.paragraphs
        # Things the user should hear about (a cache rebuilt, say); the faces print them.
        self.notices: list[str] = []
        try:
            self.index, aliases = self._build_index(settings, files, progress)
        finally:
            if files is not None:
                files.close()
                self.notices[:0] = files.notices
        self.tokenizer = Tokenizer(aliases)
        self.selector = Selector(corpus, self.index, self.tokenizer, self.paragraphs, tuning)
        self.renderer = Renderer(templates)

    def _build_index(
        self, settings: Settings, files: FolderCache | None, progress: Progress | None
    ) -> tuple[Index, dict[tuple[str, ...], str]]:
        """The index and the corpus's aliases: from the folder's cache when the corpus is
        large and unchanged, else built (reusing what unchanged files yielded before)."""
        from . import cache

        if files is None or len(self.paragraphs) < cache.MIN_PARAGRAPHS:
            if files is not None and files.folder.exists():
                files.discard()
            index, aliases, _ = build(self.corpus.documents, {}, Vocabulary(), settings, progress)
            return index, aliases
        key = cache.index_key(self.corpus.fingerprint, settings)
        cached = files.index(key, settings)
        if cached is not None:
            return cached
        changed, gone = files.changes(self.corpus)
        known, vocab = files.known_terms(self.corpus.documents)
        if known and (changed or gone):
            self.notices.append(
                f"index cache out of date (new or changed files: {changed:,}, gone: {gone:,}); "
                "updating it"
            )
        index, aliases, terms = build(self.corpus.documents, known, vocab, settings, progress)
        try:
            files.save(self.corpus, key, index, aliases, terms, vocab)
        except OSError as exc:
            self.notices.append(f"could not write the index cache: {exc.strerror or exc}")
        return index, aliases

    @classmethod
    def from_folder(
        cls,
        folder: str | os.PathLike[str] | None = None,
        *,
        progress: Progress | None = None,
        **kwargs: object,
    ) -> Briefbot:
        """Load a folder of documents (default: :func:`default_corpus`) through its cache."""
        from .cache import FolderCache

        root = Path(folder) if folder is not None else default_corpus()
        files = FolderCache.open(root)

        def reading(done: int, total: int) -> None:
            if progress is not None:
                progress(READING, done, total)

        try:
            corpus = load_folder(root, parse=files.parse, progress=reading)
        except BaseException:
            files.close()
            raise
        return cls(corpus, files=files, progress=progress, **kwargs)  # type: ignore[arg-type]

    def query(self, question: str, *, allow_empty: bool = False) -> Query:
        """The question parsed for search; raises QuestionError if nothing can be searched
        (unless ``allow_empty``: "Why?" in a conversation borrows the earlier words)."""
        text = question.strip()
        if not text:
            raise QuestionError("the question is empty")
        if len(text) > MAX_QUESTION_CHARS:
            raise QuestionError(
                f"the question is too long ({len(text):,} characters; the limit is "
                f"{MAX_QUESTION_CHARS:,})"
            )
        asked = without_lead_in(with_apostrophes(text))
        # Decided on the words as typed: a respelling ("hns" -> "Host Nation Support",
        # "jan" -> "January") brings capitals of its own.
        lowered = _typed_without_capitals(asked)
        respelled, corrections = self._respell(asked, lowered)
        cased = self._capitalize_names(respelled) if lowered else respelled
        query = parse(cased, self.tokenizer)
        named = self._named_with_filler(cased, query.terms)
        if named:
            query = replace(query, terms=query.terms + named)
        if cased != text:
            query = replace(query, typed=text, respelled=tuple(corrections))
        # ("What is the editorial's title?" asks for a part of a piece, not for words.)
        if not query.terms and not allow_empty and query.part != HEADING:
            raise QuestionError(
                "the question has no words to search for (only common words or symbols)"
            )
        return query

    def _named_with_filler(self, text: str, terms: Sequence[str]) -> tuple[str, ...]:
        """Words for a piece of writing that a question drops ("What does the document
        say?") but that are part of a name where the documents write them after the same
        word: "the joint document" is what the editorial calls the statement."""
        found = words(text)
        named: list[str] = []
        for before, word in zip(found, found[1:]):
            term = stem(word)
            if word not in _WRITINGS or before in STOPWORDS or before in QUESTION_FILLER:
                continue
            if term in terms or term in named:
                continue
            lead = stem(before)
            for position in self.index.positions(term, limit=_NAME_CHECKS):
                held = [stem(w) for w in words(self.selector.paragraphs[position].text)]
                if any(a == lead and b == term for a, b in zip(held, held[1:])):
                    named.append(term)
                    break
        return tuple(named)

    def _respell(self, text: str, lowered: bool) -> tuple[str, list[tuple[str, str]]]:
        """The question with each misspelled word replaced by the word it was likely meant
        as ("Tastumi" -> "Tatsumi", "ediotrial" -> "editorial"), and the (typed, read)
        pairs.  A word counts as misspelled when the documents never use it and the
        dictionary does not know it (so a slip that makes another word, "meteing" for
        "mete", is not caught); see ``_meant`` for what it is read as.  An acronym the
        documents never use is read as the name they write in full whose initials it is
        ("HNS" -> "Host Nation Support")."""
        corrections: list[tuple[str, str]] = []

        def read(match: re.Match[str]) -> str:
            word = match.group(0)
            lower = word.lower()
            month = _MONTH_SHORT_FORMS.get(lower)
            # ("mar" is a word too: a month when capitalized or before a day; and "Jan
            # Egeland" is a person)
            if month and (lower != "mar" or word[0].isupper() or _DAY_NEXT.match(text, match.end())):
                if not _NAME_NEXT.match(text, match.end()):
                    return month  # "Jan 2022", "the Mar. meeting", read in full, unsaid
            unused = not self.index.doc_freq(self._indexed_as(lower))
            spelled = self._short_form(match, lowered) if unused else None
            if spelled is not None:
                corrections.append((word, spelled))
                return spelled
            if len(lower) < _MIN_RESPELL or lower in STOPWORDS or lower in QUESTION_FILLER:
                return word
            term = stem(lower)
            if self.index.doc_freq(self._indexed_as(lower)) or self.selector.lexicon.related(term):
                return word  # a word the documents use (a name's plural too), or the language's
            fixed = self._meant(lower)
            if fixed is None:
                return word
            if word[0].isupper():
                fixed = fixed.upper() if word.isupper() else fixed[0].upper() + fixed[1:]
            corrections.append((word, fixed))
            return fixed

        return _LOOSE_WORD.sub(read, text), corrections

    def _short_form(self, match: re.Match[str], lowered: bool) -> str | None:
        """What a word of a question the documents never use stands for, if it is a short
        form: an acronym ("HNS" for the "Host Nation Support" the documents name in full,
        "PM", "DPRK"; in a question ``lowered``, typed without capitals, "hns" too), a word
        shortened in haste ("mtg"), or "Art" before a number."""
        word = match.group(0)
        lower = word.lower()
        if _TYPED_ACRONYM.fullmatch(word) or (lowered and self._lowered_acronym(match)):
            spelled = _SHORT_FORMS_LOWER.get(lower) or self._initials.get(lower)
            if spelled is None and word.endswith("s"):
                spelled = self._initials.get(lower[:-1])  # "SDFs"
            if spelled is not None:
                return spelled
        if lower == "art" and _ARTICLE_NUMBER.match(match.string, match.end()):
            return "Article"
        return _SHORT_WORDS.get(lower)

    def _lowered_acronym(self, match: re.Match[str]) -> bool:
        """Whether a word of a question typed without capitals reads as an acronym: it
        is not a word of the language, and no number comes before it ("3 pm")."""
        word = match.group(0)
        lower = word.lower()
        if lower not in _SHORT_FORMS_LOWER and not _TYPED_ACRONYM.fullmatch(word.upper()):
            return False
        if _NUMBER_BEFORE.search(match.string, 0, match.start()):
            return False
        return lower not in STOPWORDS and not self.selector.lexicon.related(stem(lower))

    @cached_property
    def _initials(self) -> dict[str, str]:
        """Initials of the names the documents write in full and never abbreviate: "hns"
        -> "Host Nation Support" (see ``names_by_initials``)."""
        return names_by_initials(p.text for d in self.corpus.documents for p in d.paragraphs)

    def _meant(self, word: str) -> str | None:
        """The word one edit (a letter dropped, added, changed or two swapped) away from
        ``word`` that it was likely meant as: one the documents use (the one most paragraphs
        use, in the form they write it: "hypersonic", not "hypersoneic", which stems the
        same); else a word questions are asked with ("according", "editorial"), or a common
        word of the language ("population"), if only one is.  None when there is none."""
        edits = {c: stem(c) for c in _one_edit(word)}
        used: dict[str, list[str]] = {}
        for c in edits:
            t = self._indexed_as(c)
            if self.index.doc_freq(t):
                used.setdefault(t, []).append(c)
        if used:
            best = min(used, key=lambda t: (-self.index.doc_freq(t), t))
            texts = self._first_uses(best)
            written = [c for c in sorted(used[best]) if any(_as_word(c).search(t) for t in texts)]
            # ... or, if they write it only in another form ("virtual", "governments"),
            # the one candidate there is.
            forms = written or (used[best] if len(used[best]) == 1 else [])
            return forms[0] if forms else None
        asking = sorted(edits.keys() & _ASKING_WORDS)
        if asking:
            return asking[0] if len(asking) == 1 else None
        # A common word of the language (one with a few relatives: "population", not
        # "tomtate", a fish one edit from "tomtaoes"), if only one is one edit away.
        known: dict[str, list[str]] = {}
        for c, t in edits.items():
            # (A country or capital counts however few relatives it has: "Pyongyang".)
            if is_country(t) or len(self.selector.lexicon.related(t)) >= _COMMON_RELATIVES:
                known.setdefault(t, []).append(c)
        if len(known) == 1:
            (forms,) = known.values()
            return forms[0] if len(forms) == 1 else None
        return None

    def _indexed_as(self, word: str) -> str:
        """The term the documents hold ``word`` under: its stem, or for the plural of a
        name they use only in the singular ("senkakus"), the singular's."""
        term = stem(word)
        if not self.index.doc_freq(term) and word.endswith("s"):
            return stem(word[:-1])
        return term

    def _first_uses(self, term: str) -> list[str]:
        """The texts of the first paragraphs that hold ``term``: enough to see how the
        documents write a word, without reading them all."""
        return [self.paragraphs[p].text for p in self.index.positions(term, limit=_CASE_SAMPLE)]

    def _capitalize_names(self, text: str) -> str:
        """A question typed without capitals (see ``_typed_without_capitals``), with the words
        the documents write as names capitalized ("what did china say in march" -> "what
        did China say in March"), so that it is read as the same question typed with them.

        A word counts as a name when it names a country or its people, or when, in the
        first paragraphs that use it, it is capitalized mid-sentence at least four times as
        often as not (and three times at least, for a word of the language)."""

        def cased(match: re.Match[str]) -> str:
            word = match.group(0)
            if len(word) < 2 or word in STOPWORDS:
                return word
            term = self._indexed_as(word)
            if is_country(term):
                return word[0].upper() + word[1:]  # "india", "indian": always a name
            # "senkakus": the plural of a name the documents use in the singular.
            form = _as_word(word.removesuffix("s") + "s?")
            upper = lower = 0
            for para in self._first_uses(term):
                for found in form.finditer(para):
                    before = para[max(0, found.start() - 8) : found.start()].rstrip()
                    if not before or before[-1] in _SENTENCE_END:
                        continue  # capitalized because a sentence starts there
                    if found.group(0)[0].isupper():
                        upper += 1
                    else:
                        lower += 1
            # A word of the language ("article", "march") needs more proof than a name
            # ("tatsumi"): "Article V" twice does not make it one.
            enough = 3 if self.selector.lexicon.related(term) else 1
            return word[0].upper() + word[1:] if upper >= max(enough, 4 * lower) else word

        return _WORD.sub(cased, text)

    def ask(self, question: str, *, max_citations: int | None = None) -> Answer:
        """Answer ``question`` with up to ``max_citations`` quotes (default: the tuning's)."""
        return self.answer_query(self.query(question), max_citations)

    def answer_query(self, query: Query, max_citations: int | None = None) -> Answer:
        answered, citations = self.selector.select(query, max_citations)
        question = visible(query.typed or query.text)
        return self._answer(question, answered, citations, query.searched, query.respelled)

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
        progress: BriefingProgress | None = None,
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
        self,
        question: str,
        answered: bool,
        citations: list[Citation],
        searched: str | None = None,
        respelled: tuple[tuple[str, str], ...] = (),
    ) -> Answer:
        cited = [c.to_dict() for c in citations]
        if answered and len({c.doc for c in citations}) > 1:
            # Quotes from two documents may speak of two meetings: say which date each gives.
            for c in cited:
                c["when"] = document_date(self.corpus.document(str(c["doc"])))
        context = {
            "question": question,
            "citations": cited,
            "corpus": self.corpus.summary(),
            "respelled": [{"typed": visible(a), "read": b} for a, b in respelled],
        }
        template = "answer.md.j2" if answered else "not_found.md.j2"
        text = self.renderer.render(template, context)
        return Answer(
            question=question,
            answered=answered,
            citations=tuple(citations),
            text=text,
            corpus=self.corpus.summary(),
            searched=visible(searched) if searched is not None else None,
            respelled=tuple((visible(a), b) for a, b in respelled),
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


_LEANING_TERMS = 3  # search terms of a question that may lean on the conversation unsaid


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
        query = self.bot.query(question, allow_empty=self._frame is not None)
        if self._frame is not None and (not query.terms or is_follow_up(query.text, query)):
            answer = self.bot.answer_query(self._in_context(query), max_citations)
        else:
            answer = self.bot.answer_query(query, max_citations)
            leaning = self._leaning(query, answer, max_citations)
            if leaning is not None:
                answer = leaning
            else:
                self._frame = query
        self.history.append(answer)
        return answer

    def _leaning(self, query: Query, alone: Answer, max_citations: int | None) -> Answer | None:
        """The answer to ``query`` read as a follow-up, when that reading is the better
        one though nothing in its words leans on the conversation: "What kind of outcome
        is Washington after?", "Was any particular location named?".  Taken when the
        question alone is refused ("Who came from the Japanese side?" finds only what
        Japan must do) or its passage does not say all it asks, and the conversation's
        reading answers from where the last answer was, or right after.
        Only a short question is read so: a long one says what it is about."""
        last = self.history[-1] if self.history else None
        if self._frame is None or last is None or not last.answered:
            return None
        if len(query.terms) > _LEANING_TERMS:
            return None
        here = last.citations[0]
        at_last = {(here.doc, here.paragraph), (here.doc, here.paragraph + 1)}
        if alone.answered:
            found = alone.citations[0]
            if (found.doc, found.paragraph) in at_last or self.bot.selector.says_all(query, found.quote):
                return None
        leaning = self.bot.answer_query(self._in_context(query), max_citations)
        if not leaning.answered:
            return None
        c = leaning.citations[0]
        return leaning if (c.doc, c.paragraph) in at_last else None

    def _in_context(self, query: Query) -> Query:
        """``query`` as a follow-up: the frame's terms carried, the last quote pointed at."""
        assert self._frame is not None
        query = with_context(
            query, self._frame, self.bot.tokenizer, self.bot.selector.document_names
        )
        last = self.history[-1] if self.history else None
        if last is not None and last.answered and last.citations:
            c = last.citations[0]
            query = replace(query, after=(c.doc, c.paragraph, c.start, c.end))
            if is_onward(query):
                query = replace(query, onward=True, searched="what follows the last quote")
            ordinal = ordinal_asked(query.text)
            if ordinal is not None and self.bot.selector.listed(query.after, ordinal):
                searched = f"the {ORDINALS[ordinal - 1]} item of the list just quoted"
                query = replace(query, ordinal=ordinal, searched=searched)
            person = person_named(c.quote)
            if person is not None:
                byline = c.paragraph == 0  # the heading's "By Ann Lee"
                query = with_person(query, person, self.bot.tokenizer, only_person=byline)
        return query

    def clear(self) -> None:
        self.history.clear()
        self._frame = None
