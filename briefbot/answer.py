"""From ranked paragraphs to an answer: the quote sentences, the citations, the verdict.

A question term is met in a paragraph by itself or, at a reduced weight, by a related word
(:mod:`briefbot.lexicon`).  A sentence is scored by how much of the question's weight it
holds, how close together the matched terms sit, whether it has the kind of thing the
question asks for (a name for "who", a date for "when", a number next to the counted word
for "how many"), and how well its paragraph ranked.  The verdict is honest by
construction: if no paragraph holds enough of the question's weight, the question names
something the corpus never mentions, or the best passage is not the kind of thing asked
for (no population for "What is the population of X?"), the answer is "not in the
sources" and the closest passages are offered only as related.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from .corpus import Corpus, Document, Paragraph
from .dates import MONTHS, YEAR_IN_TEXT, YEAR_PATTERN, document_date, document_year
from .index import Index
from .lexicon import CAPITAL_SIDES, CAPITALS, CITIES, Lexicon
from .lexicon import shared as shared_lexicon
from .question import (
    ADVICE,
    AUTHOR,
    CALLING,
    CAPITALIZED_RUN,
    CAVEAT_ASKED,
    CHOOSING,
    CLOSING,
    COMPARISON_ASKED,
    DATE,
    DUTY_ASKED,
    FEELING_ASKED,
    HEADING,
    LIGHT_FOCUS,
    LIST_ITEMS,
    MONTH_STEMS,
    NAME,
    OPENING,
    ORDINALS,
    PERSON,
    PERSONAL_NAME,
    PLACE,
    QUANTITY,
    REASON,
    SUMMARY,
    THE_AUTHOR,
    TIME,
    TITLE_WORDS,
    WORDING,
    YEAR,
    Query,
    answer_kind,
    asked_part,
    event_names,
    event_nouns,
    is_country,
    is_date,
    with_name,
)
from .sentences import sentence_spans
from .text import (
    IN_PERSON,
    LIGHT_VERBS,
    STOPWORDS,
    LazyPattern,
    Tokenizer,
    content_words,
    joined_sums,
    stem,
    words,
)


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
    # Misspelled words of the question and what they were read as.
    respelled: tuple[tuple[str, str], ...] = ()

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
        if self.respelled:
            data["respelled"] = [{"typed": a, "read": b} for a, b in self.respelled]
        return data


# Words that any passage may hold ("point", "way", "issue"): alone they answer nothing.
_GENERIC = frozenset(stem(w) for w in LIGHT_FOCUS) | LIGHT_VERBS
# A cause stated outright, for "Why?" about a quote.
_CAUSE_GIVEN = LazyPattern(r"\b(?:because|due to|owing to|thanks to|caused by|as a result of)\b")
# A sentence that counts off an item of a list: "Second, ...", "Thirdly: ...", "The third
# reason is ...", by place (1 for "first").
_ORDINAL_OPENING = {
    place: re.compile(
        rf"\W*(?:{word}(?:ly)?\s*[,:]|the {word} (?:{LIST_ITEMS})s?\b)", re.IGNORECASE
    )
    for place, word in enumerate(ORDINALS, start=1)
}
# "the January session", "the March 2+2": a month, then (after a year and one more word
# at most) a word for an event or for what it issued, or one of the corpus's names for an
# event (see ``event_names``).
_MONTH_THEN = LazyPattern(
    rf"\b(?:the|that|this|its)\s+({MONTHS})(?:\s+\d{{4}})?\s+([\w+\-]+)(?:\s+([\w+\-]+))?",
    re.IGNORECASE,
)
_DATED_THINGS = frozenset(
    "meeting meetings talks summit session conference dialogue consultation consultations"
    " statement document one joint gathering round".split()
)
_CUES = {
    # Two capitalized words in a row (a name), or a title that people hold.
    PERSON: LazyPattern(
        r"(?<!^)(?<![.!?] )\b[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)+"
        r"|(?i:\b(?:secretar(?:y|ies)|ministers?|presidents?|ambassadors?|senators?|chancellors?"
        r"|spokes(?:man|men|woman|women|person|people)|officials?|leaders?|fellows?|directors?"
        r"|chiefs?)\b)"
    ),
    TIME: LazyPattern(
        rf"\b(?:{MONTHS}|(?:19|20)\d\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        r"|yesterday|today|tomorrow|ago|since|until|by the end of|last (?:week|month|year)"
        r"|next (?:week|month|year)|in the past|decades?|years?|months?|weeks?|days?|centur(?:y|ies)"
        r"|dawn|dusk|morning|afternoon|evening|night|noon|midnight|spring|summer|autumn|winter"
        r"|weekends?|hours?|before|after|during|following|prior to|soon|recently|earlier|later"
        r"|once|annually|daily|weekly|monthly|now|currently|when|whenever)\b",
        re.IGNORECASE,
    ),
    QUANTITY: LazyPattern(
        r"(?<![\d+])(?<!plus )\d[\d,.]*(?![\d+])(?!\s*(?:\+|plus)\s*\d)|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
        r"|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozens?|half|double"
        r"|triple|\w+fold|percent|several|many|few)\b",
        re.IGNORECASE,
    ),
    REASON: LazyPattern(
        r"\b(?:because|due to|as a result|owing to|in order to|so that|thanks to|reasons?"
        r"|caused|led to|given that|in response to|therefore|aim(?:ed)? to)\b"
        # "Since the treaty lapsed, ...", "..., since it was late": "since" opening a
        # clause gives a cause; "the first meeting since March" only a time.
        r"|(?:^|[,;(]\s*)since\b",
        re.IGNORECASE,
    ),
    # "in Tokyo", or a list of names: "China, Russia and North Korea".
    PLACE: LazyPattern(
        r"\b(?:in|at|to|from|near|including)\s+[A-Z][a-z]+"
        # "north of Oslo", "off the coast of Norway"
        r"|\b(?:(?:north|south)(?:east|west)?|east|west|off the coast|outside) of\s+[A-Z][a-z]+"
        r"|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:,\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)*,?\s(?:and|or)\s[A-Z][a-z]+"
        r"|\b[A-Z][a-z]+(?:-[A-Z][a-z]+){2,}"
        # "Where was it held?" -- "online": a meeting place that is no place.
        r"|(?i:\b(?:online|virtual(?:ly)?|remotely|by (?:video|phone|telephone)"
        r"|videoconferenc\w*|teleconferenc\w*)\b)"
    ),
    # A proper name of several words: "Treaty of Mutual Cooperation and Security".
    NAME: LazyPattern(
        r"\b[A-Z][a-z]+(?:\s+(?:of|and|for|the|on|de|du)?\s*[A-Z][a-z]+){2,}"
        r"|\b(?:called|known as|named|titled|dubbed|termed|referred to as)\b"
        # "claimed by Beijing as the Diaoyu Islands"
        r"|\bas the [A-Z][a-z]+ [A-Z][a-z]+"
    ),
    WORDING: LazyPattern(r"[“\"][^”\"]*\w+\W+\w+[^”\"]*[”\"]"),
    ADVICE: LazyPattern(
        r"\b(?:should|must|ought to|needs? to|has to|have to|it is (?:important|necessary|essential)"
        r"|it is up to|urge[sd]?|call(?:s|ed)? (?:on|for))\b",
        re.IGNORECASE,
    ),
}


# "on the rocks", "at the port": where something is, named by a common noun.
_LOCATION = LazyPattern(
    r"\b(?:in|at|on|near|to|from|inside|outside|across|along|over|under|into|onto)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?([A-Za-z][\w\-]+)"
)

_WHICH_PLACE = LazyPattern(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:countr|nation|cit|state|region|province|town)", re.IGNORECASE
)
_KIND_OF = LazyPattern(r"\b(?:what|which)\s+(?:kinds?|types?|sorts?)\s+of\b", re.IGNORECASE)
# Verbs of saying: "What did X say / tell reporters?" asks for someone's words.
_SAYING_VERBS = "say|tell|state|announce|comment|claim|argue|reply"
# "What did South Korea say ...?", "according to Seoul": who is asked about as speaking.
_SPEAKER = LazyPattern(
    r"\b(?:did|does|do|has|have|will|would)\s+((?:\S+\s+){1,6}?)"
    rf"(?:{_SAYING_VERBS}|think|respond|react|feel|view)\b"
    r"|\baccording to\s+((?:\S+\s*){1,3})",
    re.IGNORECASE,
)
_NAME_WORD = LazyPattern(r"\b[A-Z][a-z]+\b")
_MID_SENTENCE_NAME = LazyPattern(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")

_NUMBER_WORD = LazyPattern(
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|both"
)

# A word as typed, capitals kept.
_CASED_WORD = LazyPattern(r"[A-Za-z][\w’'\-]*")
# "Japan's own spending": a name that owns what is asked about.
_OWNER = LazyPattern(r"\b([A-Z][\w\-]*)(?:'s|’s)\b")

# Units an amount is asked in: how a question names each, and how a text writes an
# amount in it (word or sign).
_UNITS = (
    (r"dollars?", r"dollars?|\$|US\$|USD"),
    (r"yen", r"yen|¥|JPY"),
    (r"euros?", r"euros?|€|EUR"),
    (r"pounds?", r"pounds?|£|GBP"),
    (r"yuan", r"yuan|renminbi|RMB|CNY"),
    (r"rupees?", r"rupees?|₹|INR"),
    (r"percent|per cent", r"percent|per cent|%"),
    (r"kilomet(?:er|re)s?", r"kilomet(?:er|re)s?|km"),
    (r"miles?", r"miles?"),
    (r"tons?|tonnes?", r"tons?|tonnes?"),
)
# "How old is Tatsumi?", "What is her age?": an age ("52 years old", "aged 52"), a birth
# or, for a thing, the year it began or how many years it has run.
_AGE_ASKED = LazyPattern(
    r"\bhow old\b|\b(?:what|which) (?:is|was) (?:his|her|their|its) age\b", re.IGNORECASE
)
_AGE = LazyPattern(
    rf"\b\d{{1,3}}[- ]years?[- ]old\b|\baged?\s+\d{{1,3}}\b|\bborn\b|\b{YEAR_PATTERN}\b"
    r"|\b\d+\s+years?\b",
    re.IGNORECASE,
)
_UNIT_ASKED = LazyPattern(
    r"\b(?:in|how many|how much in|in terms of)\s+"
    r"(?:(?:US|actual|real|nominal|hard|absolute|current|constant)\s+)?"  # "in actual dollars"
    rf"({'|'.join(asked for asked, _ in _UNITS)})\b|\bwhat (percent)(?:age)?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=None)
def _units(asked: str) -> re.Pattern[str]:
    """How a text writes an amount in the unit ``asked`` ("dollars" -> "$", "USD", ...)."""
    forms = next(f for a, f in _UNITS if re.fullmatch(a, asked, re.IGNORECASE))
    return re.compile(rf"(?<![A-Za-z])(?:{forms})(?![A-Za-z])", re.IGNORECASE)


_DATE = (
    rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}\b(?![+\-]\d)|\d{{1,2}}\s+(?:{MONTHS})\b)"
    r"|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(?:yesterday|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_CALENDAR_DATE = LazyPattern(_DATE, re.IGNORECASE)
# A month, a year or a date: a point in time, not just a word of time ("before", "soon").
_POINT_IN_TIME = LazyPattern(rf"{_DATE}|\b(?:{MONTHS})\b|\b{YEAR_PATTERN}\b", re.IGNORECASE)


def _times_told(question: str) -> frozenset[str]:
    """The words of the points in time ``question`` names ("March", "1997"): they say which
    event is meant, so a quote whose only time they are does not tell when."""
    return frozenset(words(" ".join(_POINT_IN_TIME.findall(question))))


def _tells(pattern: re.Pattern[str] | LazyPattern, quote: str, told: frozenset[str]) -> bool:
    """Whether ``quote`` holds a match of ``pattern`` with a word not ``told`` already."""
    return any(set(words(m.group(0))) - told for m in pattern.finditer(quote))

# "What was new about ...?", "Had it ever ... before?": asks what was done for the first
# time, which the text says in words of novelty, not necessarily the question's "new".
_NOVEL_ASKED = LazyPattern(
    r"\bwhat(?:['’]s| is| was| were| are)? (?:\w+ )?(?:new|novel|unprecedented|different)\b"
    r"|\bfirst time\b|\bfirst[- ]ever\b|\bever\b.*\bbefore\b|\bbefore this one\b"
    r"|\bnever\b.*\bbefore\b"
    # "Was that new?", "Is it a first?"
    r"|\b(?:was|is|were|are) (?:it|that|this|these|those|they)(?: \w+)? (?:new|novel|unprecedented|a first)\b",
    re.IGNORECASE,
)
# "In which city did they meet?": a place that is a city -- "in Tokyo", not "at the
# Stimson Center" or "U.S.-Japan-Australia-India".
_CITY_ASKED = LazyPattern(r"\b(?:city|cities|town|capital)\b", re.IGNORECASE)
# Roles that states play: "Which adversaries ...?" is answered by the countries named,
# though the text need not call them adversaries.
_STATE_ROLES_TEXT = """
adversary adversaries rival rivals ally allies partner partners power powers neighbor
neighbors neighbour neighbours competitor competitors foe foes enemy enemies opponent
opponents
"""
_STATE_ROLES = frozenset(stem(w) for w in _STATE_ROLES_TEXT.split())
# "Which countries are building them?": a sentence that names several.
_COUNTRIES_ASKED = LazyPattern(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:countries|nations|states|governments"
    rf"|{'|'.join(w for w in _STATE_ROLES_TEXT.split() if w.endswith('s'))})\b",
    re.IGNORECASE,
)
# "Whose job is it now?", "Who has to step up?": a sentence that puts the task on
# someone ("it is up to Japan", "Japan needs to play a greater role").
_DUTY = LazyPattern(
    r"\b(?:is|are|was|were) (?:now )?up to\b|\bneeds? to play a (?:greater|bigger|larger|more)\b"
    r"|\bresponsib(?:le|ility)\b|\bthe onus\b|\bdo (?:its|their|his|her) part\b",
    re.IGNORECASE,
)
# "What should both governments be strengthening?", "What must Japan bring?": asks what
# someone ought to do, which a sentence of advice or duty says ("must enhance", "needs to
# incorporate"), as it does for "What should they do?".
_DUTY_MODAL = LazyPattern(
    r"\b(?:should|must|ought to|needs? to|has to|have to|had to)\b", re.IGNORECASE
)
# "What's the catch?": a sentence that qualifies ("but without ...", "However, ...").
_CAVEAT = LazyPattern(
    r"\b(?:but|however|without|unless|only if|as long as|provided that|although|though"
    r"|even so|still)\b",
    re.IGNORECASE,
)
# "How did Tokyo feel about it?": a sentence that names a state of mind.
_FEELING = LazyPattern(
    r"\b(?:reassur\w*|relie(?:f|ved)|comfort\w*|welcom\w*|concern(?:s|ed)?|worr\w*|anxi\w*"
    r"|fear\w*|alarm\w*|pleased|pleasure|happ(?:y|ier|iness)|glad|disappoint\w*|frustrat\w*"
    r"|satisf\w*|confiden\w*|uneas\w*|nervous\w*|upset|ang(?:er|ry)|hop(?:e|es|ed|eful)"
    r"|optimis\w*|pessimis\w*|wary|wariness|suspicio\w*|skeptic\w*|sceptic\w*|dismay\w*"
    r"|delight\w*|grat(?:eful|itude)|encourag\w*|excite\w*|enthusias\w*|regret\w*"
    r"|unfortunate|proud|pride|embarrass\w*|shock\w*|surpris\w*|distress\w*|resent\w*"
    r"|(?:dis|mis)?trust\w*|at ease|dispelled)\b",
    re.IGNORECASE,
)
# "Why does that matter?", "Why was it significant?": what something shows or signals,
# more than what caused it.
_SIGNIFICANCE_ASKED = LazyPattern(
    r"\bwhy\b.*\b(?:matters?|mattered|significant|important|notable|noteworthy|big deal)\b"
    r"|\b(?:significance|importance) of\b",
    re.IGNORECASE,
)
_SIGNIFICANCE = LazyPattern(
    r"\b(?:importan(?:t|ce)|significan(?:t|ce)|signal(?:s|ed|led|ing)?|speaks? \w*\s*to"
    r"|demonstrat\w+|underscor\w+|symboli[cz]\w*|testament|attaches|message)\b",
    re.IGNORECASE,
)
# "How is that different from the Trump years?", "How does X compare with Y?": a
# sentence that sets one thing against another.
_COMPARISON = LazyPattern(
    r"\b(?:compared (?:to|with)|than|unlike|in contrast|whereas|rather than|predecessors?"
    r"|previous|far (?:less|more)|unprecedented|differen(?:t|ce|tly))\b",
    re.IGNORECASE,
)
_NOVEL = LazyPattern(
    r"\bfor the first time\b|\bunprecedented\b|\bfirst[- ]ever\b|\bnever before\b",
    re.IGNORECASE,
)

# "What did Kishi Nobuo say?": a question with a verb of saying, and the words that report
# someone saying it.
_PERSON_SAMPLE = 5  # paragraphs read to see whether a lone name is a person's
_ASKS_SAID = LazyPattern(rf"\b(?:{_SAYING_VERBS})\b", re.IGNORECASE)
_SAYING = LazyPattern(
    r"\b(?:said|says|say|told|tells|stated|states|noted|notes|stressed|stresses|added|adds"
    r"|argued|argues|warned|warns|announced|announces|declared|declares|remarked|explained"
    r"|according to)\b",
    re.IGNORECASE,
)

# "When will ...?", "When is the next one scheduled?": a time to come, which a text gives
# with words of plans or the future.
_ASKS_AHEAD = LazyPattern(
    r"\b(?:when|where) will\b|\b(?:when|where) (?:is|are) .*\bgoing to\b"
    r"|\b(?:when|where) (?:do|does) .*\b(?:plan|intend|expect)"
    r"|\bscheduled\b|\bupcoming\b",  # not "the next" alone: "When was the next one held?"
    re.IGNORECASE,
)
_AHEAD = LazyPattern(
    r"\b(?:will|shall|plans?|planned|planning|intends?|intention|scheduled|expected|expects"
    r"|upcoming|future|soon|by the end of|later this|to be held|aims?)\b",
    re.IGNORECASE,
)
# "What are the allies going to do about them?", "What does Tokyo plan?": what is to come,
# which a sentence of plans or intentions says ("will begin studying", "plans to revise").
_PLANS_ASKED = LazyPattern(
    r"\b(?:going to|plans?|planning|intends?|intending|upcoming|future|expected to|aims? to)\b",
    re.IGNORECASE,
)
# "What did Japan promise?", "Did the U.S. commit to it?": a sentence that gives someone's
# word ("confirmed that it would", "reaffirmation that ...", "agreed to").
_PROMISE_ASKED = LazyPattern(
    r"\b(?:promise[sd]?|promising|pledge[sd]?|pledging|commit(?:s|ted|ting|ment|ments)?"
    r"|vow(?:s|ed)?|agree[sd]?|agreeing|agreement|assurances?|guarantee[sd]?|reaffirm\w*)\b",
    re.IGNORECASE,
)
_PROMISE = LazyPattern(
    r"\b(?:agree[sd]?|confirm(?:s|ed)?|pledge[sd]?|commit(?:s|ted|ment)?|vow(?:s|ed)?"
    r"|promise[sd]?|reaffirm\w*|affirm\w*|reconfirm\w*|assur\w*|guarantee[sd]?)\b",
    re.IGNORECASE,
)
# "How long did the meeting last?" ... and a length of time.
_HOW_LONG_LASTED = LazyPattern(
    r"\bhow long did\b.*\b(?:last|go on|take|run|continue)\b", re.IGNORECASE
)
_LENGTH = (
    r"\b(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many"
    r"|a few|half an?)[\s-]+(?:hours?|minutes?|days?|weeks?|months?|years?)\b"
)
_LENGTH_OF_TIME = LazyPattern(_LENGTH, re.IGNORECASE)

# "How long has that group been meeting?", "Since when ...?": how long something has gone
# on -- "since 2007", "for two decades", not "just days after".
_ONGOING_ASKED = LazyPattern(
    r"\bhow long (?:has|have|had)\b(?!.*\b(?:after|before|since)\b)|\bsince when\b", re.IGNORECASE
)
_ONGOING = LazyPattern(
    rf"\bsince\b|\bfor (?:the (?:past|last) )?{_LENGTH}"
    r"|\bfor (?:the (?:past|last) )?(?:\w+ )?(?:years|decades|centuries)\b",
    re.IGNORECASE,
)

# "How soon after the summit did they meet?", "How long before ...?": the time between
# two events -- "just days after", "two weeks later", not "so soon after".
_INTERVAL_ASKED = LazyPattern(
    r"\bhow (?:soon|long|many (?:hours|days|weeks|months|years)|much later|much earlier)"
    r"\b.*\b(?:after|before|later|earlier|since)\b",
    re.IGNORECASE,
)
_INTERVAL = LazyPattern(
    rf"{_LENGTH}|\b(?:hours|days|weeks|months|years)\s+(?:after|before|later|earlier)\b",
    re.IGNORECASE,
)

# Who-questions: a title people hold (the name that answers is a CAPITALIZED_RUN).
_TITLE = LazyPattern(
    r"(?i:\b(?:secretary|minister|president|prime minister|ambassador|senator|chancellor|premier"
    r"|spokes(?:man|woman|person)|governor|mayor|king|queen|general|admiral|chairman|chairwoman"
    r"|director|chief|ceo|fellow|professor|leader)s?\b)"
    # Not one that leads into a name ("Secretary Blinken", "Secretary of State Antony
    # Blinken"); "the ministers of Japan" is a role.
    r"(?!\s+[A-Z])(?!\s+of\s+[A-Z]\w*(?:\s+[A-Z]\w*)+)"
)
# "Which specific missile ...?", "What particular base ...?": one thing asked for by
# name (the words up to the verb or preposition that ends its noun phrase).
_SPECIFIC_THING = LazyPattern(
    r"(?i:\b(?:which|what)\s+(?:specific|particular|exact)\s+((?:(?!(?:did|does|do|was|were|is"
    r"|are|has|have|had|will|would|in|at|on|of|for|from|that|which|and|to)\b)[\w.’'\-]+\s+){1,4}))"
)
# A designation such as "DF-17" or "F-35A"; a name, capitals and all ("Kadena Air Base").
_DESIGNATION = LazyPattern(r"\b[A-Z]{1,5}-?\d+[A-Z]?\b")
_NAME_RUN = LazyPattern(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*")
# "for the second time": which occasion of something recurring is meant.
_NTH_TIME = LazyPattern(rf"(?i:\b({'|'.join(ORDINALS)})\s+time\b)")
# Last words of capitalized names that are not people.
_NOT_PEOPLE = frozenset(
    """
    committee council dialogue dialog islands island strait sea ocean law treaty program
    programme center centre administration department ministry agency office house party
    union alliance guard summit agreement strategy region pacific asia coast forces force
    bank court university institute association organization organisation group states
    kingdom nations republic emirates
    """.split()
)

# A body asked for by its kind ("Which think tank ...?"), and a name of one.
_BODY_ASKED = frozenset(stem(w) for w in """
tank institute institution organization organisation company firm university agency
employer affiliation body
""".split())
_BODY_NAME = LazyPattern(
    r"\b(?:[A-Z][\w&’'\-]*\s+)+(?:Center|Centre|Institute|Institution|University|Foundation"
    r"|Council|Association|Society|Corporation|Company|Agency|Bureau|Fund|Endowment|Forum)\b"
)
# Things asked for whose answer is a value the text would have to state in those words:
# "What is the population of X?" is not answered by a paragraph that never says population.
_VALUES = frozenset(
    stem(w)
    for w in """
    population range budget cost costs price prices salary salaries wage wages size height
    weight length width depth distance age speed capacity revenue revenues income profit
    profits score scores rate rates ratio percentage total sum value temperature weather
    climate area duration address phone email website capital currency language religion
    birthday birthplace record votes vote margin turnout death deaths casualties toll
    """.split()
)

# A sentence that leans on the one before: it opens with a pronoun, or names its subject
# by pointing back ("Policy consultation among these four countries").
_LEANS_BACK = LazyPattern(
    r"\W*(?:(?:this|these|those|that|such|it|its|they|their|he|his|she|her|there)\b"
    r"|(?:\w+\W+){1,5}?(?:these|those|such)\b)",
    re.IGNORECASE,
)

# "For instance, ...": an example of what the sentence before claims; "Indeed, ...", "In
# other words, ...": more of what it said.
_ELABORATES = LazyPattern(
    r"\W*(?:for (?:instance|example)|e\.g\.|as an example|indeed|in fact|in other words"
    r"|that is to say)\b",
    re.IGNORECASE,
)
# "The talks drew notice. First, they were the first ...": the opening of a list of what
# explains the sentence before, which it speaks of without naming.
_LISTS_REASONS = LazyPattern(
    r"\W*(?:first(?:ly)?|for one(?: thing)?|to begin with|for starters)\s*,", re.IGNORECASE
)

# "It was the first ...", "This is ...": a sentence that says more of what the one before
# spoke of.
_SAYS_MORE = LazyPattern(r"\W*(?:it|this|that|these|they) (?:was|is|were|are)\b", re.IGNORECASE)

# "the meeting was held online": a thing named before, pointed at by a common noun.
# (Not "the first time", "at the same time": a time of its own, not one spoken of before.)
_DEFINITE = LazyPattern(
    r"\b(?:the|this|that|such)\s+(?!(?:[a-z]+\s+)?times?\b)(?:[a-z]+\s+)?([a-z]{3,})\b"
)

# Title words a who-question may use without asking for that title in the answer:
# loose ones ("leaders") and forms of address ("Mr. Kishida").
_LOOSE_TITLES = frozenset({"leader", "chief", "general", "chair", "sir", "mr", "mrs", "ms", "dr"})
# "U.S. President Joe Biden", "French Prime Minister Anne Roy": a country's leader.
_LEADER_TITLES = ("President", "Prime Minister", "Premier", "Chancellor")
_LEADER = LazyPattern(
    rf"\b((?:[A-Z]\.)+|[A-Z][a-z]+) (?:{'|'.join(_LEADER_TITLES)})"
    r"(?: [A-Z][a-z]+)? ([A-Z][a-z]+)\b"
)

# Words before a country that make it the affiliation of the person asked about.
_AFFILIATING = frozenset("represented represent represents representing from for".split())
# "As a result, ...", "That is why ...": the sentence before gave the cause.
_CONSEQUENCE = LazyPattern(
    r"\W*(?:as a (?:result|consequence)|therefore|consequently|thus|hence|for this reason"
    r"|that is why|this is why)\b",
    re.IGNORECASE,
)

# "A reference to that topic could suggest ...", "This is ...": a sentence about the one
# before it, which it goes on to explain.
_POINTS_BACK = LazyPattern(
    r"\W*(?:(?:this|that|these|those|such|it)\b"
    r"|(?:\w+\W+){1,4}?(?:this|that|these|those)\s+(?!the\b|a\b|an\b|it\b|they\b)[a-z]+\b)",
    re.IGNORECASE,
)
# "First, ...", "One reason is ...": a sentence giving the grounds for the one before.
_GROUNDS = LazyPattern(
    r"\W*(?:first(?:ly)?,|for one,|one reason|this is because|that is because|the reason)",
    re.IGNORECASE,
)

# "Who wrote it, and what is her job?": the note about the author is asked for too.
_ABOUT_THE_AUTHOR = LazyPattern(
    r"\b(?:job|affiliation|affiliated|position|rank|role|title|background|profession|occupation"
    r"|works?|employer|institution|organi[sz]ation|think tank|credentials|expertise|based)\b",
    re.IGNORECASE,
)
# "What does the author recommend ...?", "... the Diplomat writer argue": the author at
# work, who names her piece rather than the note about her.
_AUTHOR_WRITING = LazyPattern(
    r"\b(?:author|writer|columnist)s?\s+(?:\S+\s+){0,4}?(?:\w+ly\s+)?(?:recommend|suggest|conclude"
    r"|urge|propose|expect|warn|believe|want|hope|predict|write|argue|mean|call|stress|insist)"
    r"(?:s|es|ed|d|ing)?\b",
    re.IGNORECASE,
)
_CALLER = LazyPattern(CALLING, re.IGNORECASE)  # who gives the name asked for
# "known as the Quad", "claimed by Beijing as the Diaoyu Islands": a name being given.
_CALLED = LazyPattern(
    r"\b(?:called|calls|known as|named|dubbed|termed|referred to as)\b"
    r"|\bas the [A-Z][a-z]+ [A-Z][a-z]+"
)

# How people name a newspaper's unsigned opinion piece.
EDITORIAL_WORDS = ("editorial", "editorials")
# Other names for a paper's own piece of opinion: "the op-ed", "the opinion piece".
_OPINION_PIECE = LazyPattern(
    r"\b(?:op-?eds?|opinion (?:piece|article|column|essay|page)s?|leading articles?)\b",
    re.IGNORECASE,
)


def _calls_editorial(text: str) -> set[str]:
    """The stem of "editorial" if ``text`` names the editorial in any of its names."""
    named = any(w in EDITORIAL_WORDS for w in words(text)) or _OPINION_PIECE.search(text)
    return {stem(EDITORIAL_WORDS[0])} if named else set()


_YEAR = LazyPattern(YEAR_PATTERN)  # fullmatch: a term that is a year


@dataclass(frozen=True)
class Tuning:
    """The knobs of answer selection, calibrated on the development questions."""

    candidates: int = 8  # paragraphs whose sentences compete
    answer_threshold: float = 0.15  # share of question weight the best paragraph must hold
    # How much a question word the corpus never uses counts against an answer, relative to
    # the rarest word it does use: paraphrases bring such words, off-topic questions too.
    unknown_weight: float = 0.5
    # ... but a question most of whose words (more than this share, and at least two) the
    # documents use in no form at all is about something else: "What can I use instead
    # of buttermilk when making pancakes?"
    unheard_share: float = 0.5
    unheard_least: int = 2
    named_document_bonus: float = 0.15  # for sentences of a document the question names
    named_document_only: bool = True  # ... and only its sentences answer
    context_weight: float = 0.5  # terms a follow-up carries over from earlier questions
    follow_up_weight: float = 1.0  # the follow-up's own terms
    repeat_penalty: float = 0.5  # for the sentence a bare "Why?" follows up on
    next_sentence_bonus: float = 0.2  # for the one right after it
    context_in_sentence: float = 0.3  # carried terms' share when choosing the sentence
    rank_weight: float = 0.2  # how much a sentence gains from its paragraph's BM25 rank
    # A sentence's score: the question weight it holds, plus these shares of the weight its
    # neighbours hold, of its paragraph's coverage, of how close together its matched
    # words stand, and of the terms it names more than once.
    neighbour_weight: float = 0.4
    paragraph_weight: float = 0.3
    proximity_weight: float = 0.1
    repeat_weight: float = 0.1
    # Yes/no questions: this share of how much of a sentence is question terms.
    density_weight: float = 0.3
    long_sentence: int = 30  # terms
    long_sentence_penalty: float = 0.05  # per that many terms beyond the first that many
    cue_bonus: float = 0.15  # for a sentence with what the question asks for (a date, ...)
    pointed_cause_share: float = 0.5  # "why": a cause of what it points back at, its words
    second_document_ratio: float = 0.8  # cite another document if its best is this close
    runner_up_ratio: float = 0.9  # ... and another paragraph of the same one if this close
    # A question word met only through a related word (synonym, word form, broader
    # term) counts this much of the word itself.
    related_match: float = 0.6
    related_known: float = 0.6  # the same for a question word the corpus also uses
    related_limit: int = 50  # words with more relatives than this are too vague to expand
    related_sentence: int = 30  # terms; in a longer sentence, related words count in proportion
    focus_weight: float = 1.5  # the head noun of what is asked for
    topic_weight: float = 3.0  # "On economic security, ...": the topic a question opens with
    contrasted_weight: float = 0.3  # "rather than in person": what the question sets aside
    leader_match: float = 0.3  # a country's leader's name ("Biden") standing for it
    same_document_bonus: float = 0.2  # a follow-up: the last answer's document
    reading_on_bonus: float = 0.25  # ... its paragraph and the next
    vague_follow_up_bonus: float = 0.4  # ... more, when it has no telling word of its own
    follow_up_fit_ratio: float = 0.8  # a follow-up's runner-up of the kind asked, this close
    replaced_penalty: float = 0.3  # "And the U.S.?": for a sentence about the earlier name
    counted_bonus: float = 0.3  # "How many ministers?": a number right before "ministers"
    counted_required: bool = True  # ... and without one, "how many" is not answered
    names_in_paragraph: bool = True  # "Japan's spending": the answer's paragraph names Japan
    light_verb_weight: float = 0.3  # "take", "make", "hold": little meaning of their own
    part_bonus: float = 0.3  # "the author's conclusion": for the part of a document asked about
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
    position: int = 0  # the paragraph's place in the index
    direct: bool = False  # holds a question term itself, not only a related word
    # What the answer must hold (a time for "when", ...), which the quote may take from
    # the next sentence when that one says more of the same thing ("It was ...").
    wants: LazyPattern | re.Pattern[str] | None = None


_Place = tuple[int, int]  # a sentence in a document: (paragraph number, sentence index)
# What a sentence points back at: the terms it speaks of without naming them, and the
# sentences it points at, nearest first.
_Pointer = tuple[frozenset[str], tuple[_Place, ...]]


# "the Tokyo talks", "in Tokyo", "to Beijing": a capital named as a place.
# (Any case: "flew to tokyo" is typed too; only capitals are looked for.)
_CAPITAL_AS_PLACE = LazyPattern(
    r"\b(?:in|at|to|from|near|outside|around)\s+([a-z]+)\b"
    r"|\b([a-z]+)\s+(?:meetings?|talks|summits?|visits?|trips?|conferences?|sessions?"
    r"|rounds?|gatherings?|2\s*\+\s*2|one)\b",
    re.IGNORECASE,
)


def _another_event(
    found: Sequence[str], j: int, asked: Container[str], events: Container[str]
) -> bool:
    """Whether the word at ``found[j]`` describes an event named by a word the question
    does not use: "virtual" in "the virtual Quad summit", asked about "the virtual 2+2"."""
    after = found[j + 1 : j + 4]
    k = next((n for n, a in enumerate(after) if a in events), None)
    return bool(k) and any(b not in asked for b in after[:k])


def _capitals_as_places(text: str) -> set[str]:
    """Stems of the capitals ``text`` names as places, not as their governments."""
    found = {stem((a or b).lower()) for a, b in _CAPITAL_AS_PLACE.findall(text)}
    return {t for t in found if t in CAPITALS}


@lru_cache(maxsize=256)
def _wanted(question: str, kind: str) -> tuple[LazyPattern, ...]:
    """What else ``question`` asks for, each a sentence pattern that earns the cue bonus:
    something new, what a thing signals, a comparison, whose task it is, what ought to be
    done, what is planned or promised, the time between two events.  A state of mind earns
    it twice: "How did Tokyo feel about the meeting?" is answered by how it felt, whichever
    sentence names the meeting best.  (Asked once per question, not per paragraph.)"""
    feeling = FEELING_ASKED.search(question) is not None
    return tuple(
        found
        for asked, found in (
            (_NOVEL_ASKED.search(question), _NOVEL),
            (kind == REASON and _SIGNIFICANCE_ASKED.search(question), _SIGNIFICANCE),
            (DUTY_ASKED.search(question), _DUTY),
            (CAVEAT_ASKED.search(question), _CAVEAT),
            (feeling, _FEELING),
            (feeling, _FEELING),
            (kind != ADVICE and _DUTY_MODAL.search(question), _CUES[ADVICE]),
            (_PLANS_ASKED.search(question), _AHEAD),
            (_PROMISE_ASKED.search(question), _PROMISE),
            # (not "Comparing the two meetings, which one ...?", a choice)
            (COMPARISON_ASKED.search(question) and not CHOOSING.search(question), _COMPARISON),
            (kind == TIME and _INTERVAL_ASKED.search(question), _INTERVAL),
            (kind == TIME and _ONGOING_ASKED.search(question), _ONGOING),
        )
        if asked
    )


class Selector:
    """Chooses quote sentences from ranked paragraphs and decides whether they answer."""

    def __init__(
        self,
        corpus: Corpus,
        index: Index,
        tokenizer: Tokenizer,
        paragraphs: Sequence[Paragraph],
        tuning: Tuning = Tuning(),
        lexicon: Lexicon | None = None,
    ) -> None:
        self.corpus = corpus
        self.index = index
        self.tokenizer = tokenizer
        self.paragraphs = paragraphs
        self.tuning = tuning
        self.lexicon = lexicon if lexicon is not None else shared_lexicon()
        self._titles = {d.id: d.title for d in corpus.documents}
        self._names, self._title_words = self._document_names()
        self._pointing_cache: dict[tuple[str, int], dict[_Place, _Pointer]] = {}
        self._country_cache: dict[tuple[str, str], bool] = {}
        self._terms_cache: dict[int, list[str]] = {}

    def _paragraph_terms(self, position: int) -> list[str]:
        """The terms of the paragraph at ``position``, in order (read once per session)."""
        if position not in self._terms_cache:
            self._terms_cache[position] = self.tokenizer.terms(self.paragraphs[position].text)
        return self._terms_cache[position]

    @cached_property
    def document_names(self) -> frozenset[str]:
        """Terms that name a document (its author, source or a title word no paragraph
        uses; "editorial" for the one unsigned piece)."""
        return frozenset(self._names)

    def _pointing(self, doc: str, n: int) -> dict[_Place, _Pointer]:
        """For each sentence of paragraph ``n`` of ``doc`` that points back at an earlier
        one ("It was the first such meeting", "the meeting was held online"): the sentences
        it points at (the one before, or the nearer of the two before that names the thing
        pointed at; then what that one points at), and their terms it lacks, which it
        speaks of without naming them.  Pointing reaches at most four sentences back, so
        the paragraphs just before ``n`` are all it reads."""
        if (doc, n) in self._pointing_cache:
            return self._pointing_cache[(doc, n)]
        out: dict[_Place, _Pointer] = {}
        terms: dict[_Place, frozenset[str]] = {}  # each sentence's own
        order: list[_Place] = []
        for m in range(n - 4, n + 1):
            position = self._positions.get((doc, m))
            if position is None:
                continue
            text = self.paragraphs[position].text
            for i, (a, b) in enumerate(sentence_spans(text)):
                sentence = text[a:b]
                earlier = order[-2:]
                pointed: _Place | None = None
                if earlier and (_LEANS_BACK.match(sentence) or _LISTS_REASONS.match(sentence)):
                    pointed = earlier[-1]
                else:
                    for match in _DEFINITE.finditer(sentence):
                        noun = set(self.tokenizer.terms(match.group(1)))
                        pointed = next((e for e in reversed(earlier) if noun & terms[e]), None)
                        if pointed is not None:
                            break
                own = terms[(m, i)] = frozenset(self.tokenizer.terms(sentence))
                order.append((m, i))
                if pointed is not None:
                    chain = (pointed, *out.get(pointed, ((), ()))[1][:1])
                    out[(m, i)] = (frozenset().union(*(terms[k] for k in chain)) - own, chain)
        self._pointing_cache[(doc, n)] = out
        return out

    @cached_property
    def _leaders(self) -> dict[str, set[str]]:
        """The last names of those the documents name as a country's leader ("U.S.
        President Joe Biden"), by the country's term.  Read, when a question first names a
        country, from the paragraphs the index says hold a leader's title."""
        out: dict[str, set[str]] = {}
        # (A title's first word is enough to find it: "prime" for "Prime Minister".)
        firsts = {stem(title.split()[0].lower()) for title in _LEADER_TITLES}
        titled = {p for w in firsts for p in self.index.positions(w)}
        for position in sorted(titled):
            for m in _LEADER.finditer(self.paragraphs[position].text):
                for c in self.tokenizer.terms(m.group(1)):
                    if is_country(c):
                        out.setdefault(c, set()).update(self.tokenizer.terms(m.group(2)))
        return out

    @cached_property
    def _year_span(self) -> tuple[int, int] | None:
        """The earliest and latest year the corpus mentions (looked up on first need: it
        reads the whole vocabulary)."""
        years = [int(t) for t in self.index.vocabulary() if _YEAR.fullmatch(t)]
        return (min(years), max(years)) if years else None

    def _calling_by_name(self, query: Query, terms: set[str]) -> set[str]:
        """Those of ``terms`` that the question uses as a document's name: an author or a
        site always; a word of a title only as a title is written (capitalized past the
        question's start), as a thing ("the notes") or beside another word of that title.
        "... as consultations proceed" does not point at "Proceed with Concrete Measures"."""
        typed = _CASED_WORD.findall(query.text)
        capitalized = {stem(w.lower()) for w in typed[1:] if w[0].isupper()}
        called = {stem(w.lower()) for the, w in zip(typed, typed[1:]) if the.lower() == "the"}
        naming = {t for t in terms if t in self._names}
        out = set()
        for t in naming:
            title_words = [u for u in naming if u in self._title_words[self._names[t]]]
            if t not in title_words or t in capitalized | called or len(title_words) > 1:
                out.add(t)
        return out

    def _document_names(self) -> tuple[dict[str, str], dict[str, set[str]]]:
        """Terms that name one document only (its author, site or a title word the body
        never uses), so "the Diplomat piece" or "Tatsumi's article" points at it; and per
        document, those of its naming terms that come from its title alone."""
        owners: dict[str, set[str]] = {}
        title_words: dict[str, set[str]] = {}
        for d in self.corpus.documents:
            names = self.tokenizer.terms(" ".join(x for x in (d.author, d.source) if x))
            title = [t for t in self.tokenizer.terms(d.title) if self.index.doc_freq(t) == 0]
            title_words[d.id] = set(title) - set(names)
            for term in set(names) | set(title):
                owners.setdefault(term, set()).add(d.id)
        names = {t: next(iter(ids)) for t, ids in owners.items() if len(ids) == 1}
        # An unsigned piece among signed ones is the paper's own voice: "the editorial".
        unsigned = [d.id for d in self.corpus.documents if not d.author]
        if len(unsigned) == 1 and len(self.corpus.documents) > 1:
            for word in EDITORIAL_WORDS:
                names.setdefault(stem(word), unsigned[0])
        return names, title_words

    def weights(self, query: Query) -> dict[str, float]:
        """How much each question term matters for the verdict and the quote.

        A term's IDF; a word the corpus never uses counts less (paraphrases bring such words) unless it
        is a name or number, which the answer would have to mention.  Words that only
        name a document (or name its author as the one speaking) weigh nothing here: they
        choose the document instead.
        """
        weights = {}
        # "What does Tatsumi say about X?": the author speaking names her piece; the note
        # about her is not what is asked for.
        speaking = {stem(w) for phrase in _speakers(query.text) for w in words(phrase)}
        for t in query.terms:
            if t in self._names and (self.index.doc_freq(t) == 0 or t in speaking):
                continue
            if t in query.selectors:
                continue  # they choose the document, not the sentence
            w = self.index.idf(t)
            if self.index.doc_freq(t) == 0 and t not in query.specific:
                w *= self.tuning.unknown_weight
            if t in query.carried:
                w *= self.tuning.context_weight
            elif query.carried:
                w *= self.tuning.follow_up_weight  # what the follow-up itself asks about
            if t in LIGHT_VERBS:
                w *= self.tuning.light_verb_weight
            if t in query.topic:
                w *= self.tuning.topic_weight
            elif t == query.focus:
                w *= self.tuning.focus_weight
            if t in query.contrasted:
                w *= self.tuning.contrasted_weight
            weights[t] = w
        return weights

    def _aliases_asked(self, query: Query, weights: dict[str, float]) -> dict[str, set[str]]:
        """Alias terms the question's own words brought in, merged into those words: for
        "the 2+2", the alias "SCC" stands for "2+2" instead of counting as a second
        question term (which made every paragraph naming the meeting twice as strong).
        Returns {question term: its alias terms}; the aliases leave ``weights``."""
        stems = [stem(w) for w in content_words(query.text, question=True)]
        merged: dict[str, set[str]] = {}
        for canonical, phrase in self.tokenizer.alias_phrases(stems):
            if canonical in weights and all(p in weights for p in phrase):
                weights.pop(canonical)
                for p in phrase:  # "SCC" alone says all of "Security Consultative Committee"
                    merged.setdefault(p, set()).add(canonical)
        return merged

    def says_all(self, query: Query, text: str) -> bool:
        """Whether ``text`` holds every telling word of ``query`` that the documents use
        (or a name that stands for it: an alias, a plural's singular)."""
        weights = self.weights(query)
        alternatives = self.alternatives(weights, self._aliases_asked(query, weights))
        held = set(self.tokenizer.terms(text))
        used = [
            [a for a, f in alternatives[t].items() if f == 1.0 and self.index.doc_freq(a)]
            for t in weights
            if t not in _GENERIC
        ]
        used = [forms for forms in used if forms]
        return bool(used) and all(held.intersection(forms) for forms in used)

    def alternatives(
        self, weights: dict[str, float], aliases: dict[str, set[str]] | None = None
    ) -> dict[str, dict[str, float]]:
        """For each question term, the terms that stand for it in a paragraph and how much
        each counts: the term itself and its aliases fully, a related word the corpus
        uses partly."""
        out: dict[str, dict[str, float]] = {}
        for t in weights:
            alts = {t: 1.0} | dict.fromkeys((aliases or {}).get(t, ()), 1.0)
            factor = self.tuning.related_known if self.index.doc_freq(t) else self.tuning.related_match
            related = self.lexicon.related(t)
            if not self.index.doc_freq(t):
                # "stably" is listed with "stable" only, and "stable" with "stability":
                # the word forms of a word form are the same word's forms too.
                related = related | {
                    x
                    for r in related
                    if _same_family(t, r)
                    for x in self.lexicon.related(r)
                    if x != t and _same_family(t, x)
                }
            # "the Senkakus" names what the text calls "the Senkaku Islands".
            if t.endswith("s") and not self.index.doc_freq(t) and self.index.doc_freq(t[:-1]):
                alts[t[:-1]] = 1.0
            # "referencing" stems to "referenc" but "reference" to "refer": the same word
            # in the form the documents write it.
            if not self.index.doc_freq(t) and self.index.doc_freq(stem(t + "e")):
                alts[stem(t + "e")] = 1.0
            if not self.index.doc_freq(t):
                # "weaponry" where the text has "weapons": a word the documents never use,
                # built on one they do, is a form of it (as related words count).
                for base in (t[:-1], t[:-2]):
                    if len(base) >= 5 and self.index.doc_freq(base):
                        alts.setdefault(base, factor)
                        break
            # "Washington", "the U.S.": "the Biden administration", its leader's.
            for country in sorted(c for c in {t} | related if is_country(c)):
                for leader in self._leaders.get(country, set()) - weights.keys():
                    alts.setdefault(leader, self.tuning.leader_match)
            # A word with very many relatives ("take", "set") is too vague to stand in.
            if not factor or len(related) > self.tuning.related_limit:
                out[t] = alts
                continue
            for r in sorted(related):
                # "take", "hold", "make" are relatives of too many words to stand for one.
                if r not in weights and r not in LIGHT_VERBS and self.index.doc_freq(r) > 0:
                    alts[r] = factor
            out[t] = alts
        return out

    def select(self, query: Query, max_citations: int | None = None) -> tuple[bool, list[Citation]]:
        """(answered, citations) for ``query``; citations are related passages if not answered."""
        if query.onward and query.after is not None:
            following = self._following(query.after)
            if following is not None:
                return True, [self._cite(1, following, following_up=True)]
        if query.ordinal is not None and query.after is not None:
            listed = self.listed(query.after, query.ordinal)
            if listed is not None:
                return True, [self._cite(1, listed, following_up=True)]
        if query.kind == AUTHOR:
            authored = self._authorship(query)
            if authored is not None:
                return authored
        whose_turn = self._whose_turn(query, max_citations or self.tuning.max_citations)
        if whose_turn:
            return True, whose_turn
        if query.part == HEADING:
            headlines = self._headlines(query, max_citations or self.tuning.max_citations)
            if headlines:
                return True, headlines
        elif query.part is not None and self._only_the_part(query):
            # "What is the Diplomat piece's conclusion?", "How does the editorial end?":
            # nothing to search for but the part, which opens that paragraph's quote.
            parts = self._part_openings(query, max_citations or self.tuning.max_citations)
            if parts:
                return True, parts
        # (Not "What does the author say about X?": speaking, she names her piece.)
        speaking = any(THE_AUTHOR.search(phrase) for phrase in _speakers(query.text))
        speaking = speaking or _AUTHOR_WRITING.search(query.text) is not None
        if query.part is None and THE_AUTHOR.search(query.text) and not speaking:
            # "Where does the author of the Diplomat piece work?": about Ann Lee, by name.
            pieces = self._pieces_asked(query, named_only=True)
            if not pieces and _ABOUT_THE_AUTHOR.search(query.text):
                # "Where does the author work?": about the writer of the one signed piece
                # (not "What does the writer mean by X?", which may be the editorial's).
                pieces = [d for d in self.corpus.documents if d.author]
            if len(pieces) == 1 and pieces[0].author:
                query = with_name(query, pieces[0].author, self.tokenizer)
        weights = self.weights(query)
        dated_elsewhere = self._dated_elsewhere(query)
        month_elsewhere = self._month_elsewhere(query)
        if month_elsewhere and len(month_elsewhere) < len(self.corpus.documents):
            # "the January session": a document dated in March speaks of another one, and
            # "January" is a word only it may use in passing ("in January 2021").
            dated_elsewhere |= month_elsewhere
            for t in list(weights):
                if t in MONTH_STEMS and all(
                    self.paragraphs[p].doc in dated_elsewhere for p in self.index.positions(t)
                ):
                    weights.pop(t)
        if dated_elsewhere:
            # A year no paragraph mentions has chosen the documents; it is not a word
            # the answer could hold.
            for t in query.specific:
                if _YEAR.fullmatch(t) and not self.index.doc_freq(t):
                    weights.pop(t, None)
        alternatives = self.alternatives(weights, self._aliases_asked(query, weights))
        for t in _capitals_as_places(query.text):
            # "the Tokyo talks", "in Tokyo": the city, not the government it stands for.
            if t in alternatives:
                alternatives[t] = {
                    a: f for a, f in alternatives[t].items() if a not in CAPITALS.get(t, ())
                }
        # Which document may answer, strongest first: one the question's own words name
        # ("What about the editorial?"), one a follow-up turns to ("the online one", "the
        # other meeting"), one the earlier question named ("... in Tatsumi's piece").
        own = set(query.terms) - query.carried
        own |= _calls_editorial(query.text)
        named = {self._names[t] for t in self._calling_by_name(query, own)}
        earlier = {self._names[t] for t in query.carried if t in self._names}
        if query.former_text is not None and not named:
            # "What's the editorial's view on X? What does that cover?": a piece the
            # earlier question named by what it is, which is no search term to carry.
            called = _calls_editorial(query.former_text)
            earlier |= {self._names[t] for t in called if t in self._names}
        routed = self._follow_up_document(query)
        if not routed and not named:
            named = self._described_document(query, alternatives)
        only: set[str] = set()
        if self.tuning.named_document_only and named:
            only = set(named)  # "How does the editorial characterize ...?": its words only
        elif routed and (query.selectors or query.elsewhere):
            only = set(routed)
        elif self.tuning.named_document_only and earlier:
            only = set(earlier)
        named |= routed | earlier
        if only and query.after is not None and query.after[0] not in only:
            # "Where was the 2021 meeting held? What about the one in the editorial?": the
            # date that picked out the earlier meeting does not pick out the one turned to.
            for t in (query.carried | query.former_names) - query.specific:
                if is_date(t):
                    weights.pop(t, None)
                    alternatives.pop(t, None)
        absent_names = False
        if query.selectors and routed:
            # "The Lyon fair ... And the outdoors one?": a name that pointed at the earlier
            # one does not count in the document turned to; a name that was asked about
            # ("about Taiwan") and that this document never uses means it cannot answer.
            for t in query.former_names:
                if any(self.paragraphs[p].doc in routed for p in self.index.positions(t)):
                    continue
                if t in query.pointers:
                    weights.pop(t, None)
                    alternatives.pop(t, None)
                else:
                    absent_names = True
            if query.elsewhere:
                # "Where was the spring fair held? What about the other fair?": the words
                # that set the earlier one apart ("spring") do not apply to the other.
                for t in list(weights):
                    if t in query.former_names or t in query.selectors:
                        continue
                    if not any(self.paragraphs[p].doc in routed for p in self.index.positions(t)):
                        weights.pop(t)
                        alternatives.pop(t, None)
        stands = _stands_for(alternatives)
        search = {a: f for a, (_, f) in stands.items()}
        ranked = self.index.top(list(search), self.tuning.candidates, weights=search)
        if only and not any(self.paragraphs[p].doc in only for p, _ in ranked):
            # "What does the editorial say about ...?": its paragraphs compete, however
            # many paragraphs of other documents match better.
            documents = [self.corpus.document(d) for d in sorted(only)]
            among = [self._positions[(p.doc, p.n)] for d in documents for p in d.paragraphs]
            k = self.tuning.candidates
            ranked = self.index.top(list(search), k, weights=search, among=among) or ranked
        bare = query.after is not None and query.carried and set(query.terms) <= query.carried
        # "So what's the catch?" asks what qualifies the last answer.
        qualifying = bool(query.carried) and query.after is not None
        qualifying = qualifying and CAVEAT_ASKED.search(query.text) is not None
        # "Why?", "what does it say after that": the quoted paragraph and the next one
        # compete whatever their words -- as they do for "So why is that hard?", "So what
        # must Japan do?" or the catch, which ask what the passage goes on to say.
        asks_onward = query.after is not None and query.carried and query.kind in (REASON, ADVICE)
        if bare or asks_onward or qualifying:
            doc, n = query.after[0], query.after[1]
            near = [self._positions[(doc, m)] for m in (n, n + 1) if (doc, m) in self._positions]
            ranked += [(i, 0.0) for i in near if i not in {r for r, _ in ranked}]
        if not ranked:
            return False, []
        total = sum(weights.values()) or 1.0
        top_score = ranked[0][1] or 1.0
        sentences: list[_Sentence] = []
        best_coverage: dict[str, float] = {}  # per document
        # "Is there a catch?", "Any particular place mentioned?": a follow-up whose own
        # words the documents never use, or any passage may hold, is about the last answer.
        new_words = [t for t in weights if t not in query.carried]
        vague = all(t in _GENERIC or not self.index.doc_freq(t) for t in new_words)
        # "How many ministers?": a number of ministers; "What does Beijing call them?": a
        # name (the same test for every candidate paragraph's sentences).
        counted = self._counted(query, alternatives)
        for position, para_score in ranked:
            para = self.paragraphs[position]
            coverage = sum(
                w * max((f for a, f in alternatives[t].items() if self.index.holds(position, a)), default=0.0)
                for t, w in weights.items()
            ) / total
            best_coverage[para.doc] = max(best_coverage.get(para.doc, 0.0), coverage)
            share = max(para_score, 0.0) / top_score if top_score > 0 else 0.0
            bonus = self.tuning.rank_weight * share + (self.tuning.named_document_bonus if para.doc in named else 0.0)
            if query.part is not None and (para.doc, para.n) in self._parts[query.part]:
                bonus += self.tuning.part_bonus
            # "Why does it matter?": a follow-up about the last answer stays in its document,
            # and reads on from it, in its paragraph or the next.
            same_document = (
                bool(query.carried)
                and query.after is not None
                and not (query.selectors or query.elsewhere)
                and para.doc == query.after[0]
            )
            if same_document:
                bonus += self.tuning.same_document_bonus
            reads_on = same_document and 0 <= para.n - query.after[1] <= 1
            if reads_on:
                bonus += self.tuning.reading_on_bonus
                bonus += self.tuning.vague_follow_up_bonus if vague else 0.0
            sentences.extend(
                self._score_sentences(
                    query, para, position, weights, counted, stands, total, coverage, bonus,
                    reads_on,
                )
            )
        if dated_elsewhere and any(s.para.doc not in dated_elsewhere for s in sentences):
            # "at the 2022 meeting": not from a piece dated 2021 that never says 2022.
            sentences = [s for s in sentences if s.para.doc not in dated_elsewhere]
            best_coverage = {d: c for d, c in best_coverage.items() if d not in dated_elsewhere}
        # (... a why of its own: "So what's the catch?" after a why-question is not one.)
        explaining = bool(query.carried) and query.after is not None
        explaining = explaining and answer_kind(query.text) == REASON
        # (The catch is not the last answer again, unless that holds its own: "essential
        # ..., but without ...".)
        if bare or (query.besides and query.after is not None) or explaining or qualifying:
            # A bare "Why?" or "Tell me more" asks about what was just quoted, and "What
            # else ...?" for something besides it, so the answer is some other sentence;
            # so is that of "Why was that a big deal?": a quote does not explain itself.
            quoted = self.corpus.document(query.after[0]).paragraph(query.after[1]).text
            sentences = [self._not_again(s, query.after, quoted, query) for s in sentences]
        new_names = query.specific - query.carried
        own_words = set(query.terms) - query.carried
        if query.replaced or (query.carried and own_words and own_words <= new_names):
            # "And Russia?", "What about Pyongyang?": a sentence that does not speak of
            # the name asked about cannot answer.
            naming_new = [s for s in sentences if new_names & s.matched]
            if naming_new:
                sentences = naming_new
        if only and any(s.para.doc in only for s in sentences):
            # "And the online one?", "the editorial": only the document meant may answer.
            sentences = [s for s in sentences if s.para.doc in only]
            best_coverage = {d: c for d, c in best_coverage.items() if d in only}
        answered = (
            max(best_coverage.values(), default=0.0) >= self.tuning.answer_threshold
            and not self._unknown(query)
            and not absent_names
            # "What did Tatsumi think of the 2022 meeting?": the piece named is dated
            # another year and never mentions that one, so it cannot say.
            and not (only and only <= dated_elsewhere)
        )
        sentences.sort(key=lambda s: (-s.score, s.para.doc, s.para.n, s.start))
        if answered and not self._fits(query, sentences[0], alternatives):
            going_on = self._going_on(query, sentences, alternatives)
            if going_on is None and query.carried:
                # "Who represented Washington? And on the Japanese side?": a follow-up asks
                # about what was just quoted, so a close runner-up of the kind asked for
                # answers when the best sentence is not of that kind.
                ratio = self.tuning.follow_up_fit_ratio
                close = [s for s in sentences[1:4] if s.score >= ratio * sentences[0].score]
                going_on = next((s for s in close if self._fits(query, s, alternatives)), None)
            if going_on is None:
                answered = False
            else:
                sentences.remove(going_on)
                sentences.insert(0, going_on)
        telling = [t for t in weights if t not in _GENERIC]
        if answered and query.part is not None:
            # "What does the subtitle say remains to be done?": found in the part asked
            # about, the answer need not hold a word the documents never use in any form.
            if (sentences[0].para.doc, sentences[0].para.n) in self._parts[query.part]:
                telling = [t for t in telling if any(map(self.index.doc_freq, alternatives[t]))]
        if answered and telling:
            # "What is the boiling point of ethanol?": the passage shares only "point".
            # (Words of what the sentence points back at count: "the meeting was held
            # online" speaks of the committee named before it.)
            best = sentences[0]
            asked = [a for t in telling for a in alternatives[t]]
            if not any(self.index.holds(best.position, a) for a in asked):
                pointing = self._pointing(best.para.doc, best.para.n)
                pointed_at = pointing.get((best.para.n, best.index), ((), ()))[0]
                answered = any(a in pointed_at for a in asked)
        if answered and not any(
            self.index.doc_freq(a)
            for t in weights
            for a, f in alternatives[t].items()
            if f == 1.0 or t in query.specific
        ):
            # The documents hold no word of the question itself (a name counts with what
            # stands for it: "Pyongyang" for North Korea), only relatives of its words: the
            # passage answers only if it says all of the question in other words ("Where
            # was the automobile fixed?" -- "the car was repaired"), not some of it ("What
            # is the best way to cook rice?" -- "means", "prepare").
            best = sentences[0].position
            if not all(any(self.index.holds(best, a) for a in alternatives[t]) for t in weights):
                answered = False
        if answered:
            its_own = [t for t in weights if t not in _GENERIC and t not in query.carried]
            unheard = [t for t in its_own if not any(map(self.index.doc_freq, alternatives[t]))]
            k = self.tuning
            if len(unheard) >= k.unheard_least and len(unheard) > k.unheard_share * len(its_own):
                answered = False
        if not answered:
            # Related passages share the question's own words, not just related ones.
            sentences = [s for s in sentences if s.direct]
        picked = self._pick(sentences, answered, max_citations or self.tuning.max_citations)
        following_up = bool(query.carried)
        return answered, [self._cite(i, s, following_up) for i, s in enumerate(picked, start=1)]

    @cached_property
    def _parts(self) -> dict[str, set[tuple[str, int]]]:
        """Each document's opening paragraph (under the title: a subheading or lead) and
        closing one (the last, not counting a note about the author), as (doc, n)."""
        opening, closing = set(), set()
        for d in self.corpus.documents:
            if not d.paragraphs:
                continue
            body = list(d.paragraphs)
            if d.author and len(body) > 1 and body[-1].text.startswith(d.author):
                body.pop()  # "Jane Roe is a senior fellow at ..."
            opening.add((d.id, body[0].n))
            closing.add((d.id, body[-1].n))
        return {OPENING: opening, CLOSING: closing, SUMMARY: opening | closing, HEADING: set()}

    @cached_property
    def _positions(self) -> dict[tuple[str, int], int]:
        """Each paragraph's place in the index, by (document id, paragraph number)."""
        return {(p.doc, p.n): i for i, p in enumerate(self.paragraphs)}

    def _plain_sentences(self, doc: str, n: int) -> list[_Sentence]:
        """The sentences of paragraph ``n`` of ``doc``, unscored (none if there is no such
        paragraph): for quotes chosen by place ("what follows", the note on the author)
        rather than by the question's words."""
        position = self._positions.get((doc, n))
        if position is None:
            return []
        para = self.paragraphs[position]
        spans = tuple(sentence_spans(para.text))
        nothing = (frozenset(),) * len(spans)  # no question terms to grow the quote by
        return [
            _Sentence(para, start, end, 1.0, frozenset(), spans, nothing, i, position, True)
            for i, (start, end) in enumerate(spans)
        ]

    def _following(self, before: tuple[str, int, int, int]) -> _Sentence | None:
        """The sentence after the quote at ``before``: in its paragraph, or opening the
        next one of the same document; None at the document's end."""
        doc, n, _, end = before
        after = [s for s in self._plain_sentences(doc, n) if s.start >= end]
        after += self._plain_sentences(doc, n + 1)
        return after[0] if after else None

    def listed(self, before: tuple[str, int, int, int], place: int) -> _Sentence | None:
        """The sentence that opens with the ordinal for ``place`` ("Second, ...") after the
        quote at ``before``, in its paragraph or the next two, when the list was counted
        off from there: an earlier ordinal opens the quote or a sentence between them."""
        doc, n, start, _ = before
        wanted = _ORDINAL_OPENING[place]
        earlier = _ORDINAL_OPENING[place - 1]
        counted = False
        for m in range(n, n + 3):
            for s in self._plain_sentences(doc, m):
                if m == n and s.end <= start:
                    continue
                opening = s.para.text[s.start : s.end]
                if counted and wanted.match(opening):
                    return s
                counted = counted or earlier.match(opening) is not None
        return None

    def _not_again(
        self, s: _Sentence, before: tuple[str, int, int, int], quoted: str, query: Query
    ) -> _Sentence:
        """``s`` scored for a bare "Why?" about the quote at ``before`` (in the paragraph
        whose text is ``quoted``): not that quote again, and the sentence right after it
        (where an explanation usually follows) or, for "Why?", right before it first among
        the rest.  "Who?", "When?", "Where?", "How many?" may be answered by the quote
        itself, which then is not held back, and so may "What did it say?" by a quote that
        gives the words in quotation marks; "Why?" is best answered by a quote that states
        a cause ("held online due to the pandemic").  "What else ...?" never takes the
        quote again, and favours its paragraph."""
        doc, n, start, end = before
        if s.para.doc != doc:
            return s
        if s.para.n == n and s.start < end and start < s.end:
            if query.besides:
                return replace(s, score=s.score - self.tuning.repeat_penalty)
            if query.kind == REASON and _CAUSE_GIVEN.search(quoted, s.start, s.end):
                return replace(s, score=s.score + self.tuning.next_sentence_bonus)
            gives = query.kind == WORDING and _CUES[WORDING].search(quoted, s.start, s.end)
            if CAVEAT_ASKED.search(query.text):
                gives = _CAVEAT.search(quoted, s.start, s.end)
            if query.kind in (PERSON, TIME, PLACE, QUANTITY) or gives:
                return s
            return replace(s, score=s.score - self.tuning.repeat_penalty)
        if query.besides:
            # "What else did it say about China?": more of the same passage, most likely.
            own = s.matched - query.carried  # and about what the follow-up itself names
            near = s.para.n == n and (own or set(query.terms) <= query.carried)
            return replace(s, score=s.score + self.tuning.next_sentence_bonus) if near else s
        follows = (s.para.n == n and s.start >= end and not quoted[end : s.start].strip()) or (
            s.para.n == n + 1 and s.index == 0 and not quoted[end:].strip()
        )  # the next sentence, in this paragraph or opening the next
        # ... or, for "Why?", the one right before it, which often gives the premise:
        # "Threats are growing. So Japan must do more."
        precedes = query.kind == REASON and s.para.n == n and s.end <= start
        precedes = precedes and not quoted[s.end : start].strip()
        if follows or precedes:
            return replace(s, score=s.score + self.tuning.next_sentence_bonus)
        return s

    @cached_property
    def _years(self) -> dict[str, str | None]:
        return {d.id: document_year(d) for d in self.corpus.documents}

    def _dated_elsewhere(self, query: Query) -> set[str]:
        """Documents dated in another year than the one the question names, and that never
        mention the question's year: they speak of another event."""
        # Years the earlier question named still date a follow-up, unless it turns to
        # another document ("And in the other article, ...?").
        dating = query.specific if query.elsewhere or query.selectors else query.specific | query.carried
        asked = {t for t in query.terms if _YEAR.fullmatch(t) and t in dating}
        if not asked or len(self.corpus.documents) < 2:
            return set()
        mentioning = {self.paragraphs[p].doc for t in asked for p in self.index.positions(t)}
        return {
            doc
            for doc, year in self._years.items()
            if year is not None and year not in asked and doc not in mentioning
        }

    def _month_elsewhere(self, query: Query) -> set[str]:
        """Documents dated in another month than the one that names the event asked
        about ("the January session", "the March 2+2")."""
        found = list(_MONTH_THEN.finditer(joined_sums(query.text)))
        if not found or len(self.corpus.documents) < 2:
            return set()
        names = event_names(self.tokenizer)

        def dated(word: str | None) -> bool:
            if word is None:
                return False
            terms = set(self.tokenizer.terms(word, question=True))
            return word.lower() in _DATED_THINGS or bool(names & terms)

        months = {m.group(1).lower() for m in found if dated(m.group(2)) or dated(m.group(3))}
        if not months:
            return set()
        return {doc for doc, month in self._months.items() if month and month not in months}

    @cached_property
    def _months(self) -> dict[str, str | None]:
        """Each document's month, from its date (None if it gives none)."""
        out: dict[str, str | None] = {}
        for d in self.corpus.documents:
            found = re.search(rf"\b({MONTHS})\b", document_date(d) or "", re.IGNORECASE)
            out[d.id] = found.group(1).lower() if found else None
        return out

    def _pieces_asked(self, query: Query, *, named_only: bool = False) -> list[Document]:
        """The documents "Who wrote the Diplomat piece?" or "What is the editorial's
        headline?" asks about: those it names or, naming none (and not ``named_only``),
        the one its words find first -- or, when they find none ("What are the
        headlines?"), all of them."""
        if query.elsewhere and query.after is not None:
            # "What's the Diplomat piece's headline? And the other one?": the pieces other
            # than the one just quoted.
            return [d for d in self.corpus.documents if d.id != query.after[0]]
        named = {self._names[t] for t in query.terms if t in self._names}
        named |= {self._names[stem(w)] for w in words(query.text) if stem(w) in self._names}
        if named_only:
            return [self.corpus.document(d) for d in sorted(named)]
        if not named:
            # "Who wrote the piece on the Tokyo meeting?": the piece its words find first.
            top = self.index.top(list(query.terms), 1)
            if not top:
                return list(self.corpus.documents)
            named = {self.paragraphs[top[0][0]].doc}
        return [self.corpus.document(d) for d in sorted(named)]

    def _authorship(self, query: Query) -> tuple[bool, list[Citation]] | None:
        """"Who wrote the Diplomat piece?": its byline from the heading, then the sentence
        that names the author (a note about them).  Not answered when the piece is
        unsigned."""
        pieces = self._pieces_asked(query)
        if len(pieces) != 1:
            return None
        doc = pieces[0]
        if not doc.author:
            return False, []
        byline = [self._heading_line(doc, doc.byline, 1)] if doc.byline else []
        for para in doc.paragraphs:
            if doc.author not in para.text:
                continue
            for found in self._plain_sentences(doc.id, para.n):
                if doc.author in para.text[found.start : found.end]:
                    if _ABOUT_THE_AUTHOR.search(query.text):
                        # "... and what is her job?": the note says both who and what.
                        return True, [self._cite(1, found), *(replace(c, n=2) for c in byline)]
                    return True, [*byline, self._cite(len(byline) + 1, found)]
        return bool(byline), byline

    def _headlines(self, query: Query, limit: int) -> list[Citation]:
        """"What does the editorial's headline urge?": the title of each piece asked
        about, from its heading (none for a piece without a title of its own)."""
        titled = [d for d in self._pieces_asked(query) if d.titled is not None][:limit]
        return [self._heading_line(d, d.titled, n) for n, d in enumerate(titled, start=1)]

    def _only_the_part(self, query: Query) -> bool:
        """Whether the question's words only name the part and the piece it asks about."""
        return not self._besides_piece_and_part(query, set(self.weights(query)))

    def _besides_piece_and_part(self, query: Query, terms: set[str]) -> set[str]:
        """Those of ``terms`` that name neither the piece asked about nor its part."""
        return terms - self._calling_by_name(query, terms) - asked_part(query.text)[1]

    def _whose_turn(self, query: Query, limit: int) -> list[Citation]:
        """"Whose move is it now, according to Tatsumi?": with nothing to search for but
        whose task it is (and the piece, or its part, asked about), the sentences of that
        piece that say whose it is ("Now it is up to Japan to ..."), in the part first."""
        if not DUTY_ASKED.search(query.text):
            return []
        if self._besides_piece_and_part(query, set(self.weights(query)) - query.asking):
            return []  # "Who has to step up on cyber defense?": a topic to search for
        pieces = self._pieces_asked(query, named_only=True) or list(self.corpus.documents)
        in_part = self._parts[query.part] if query.part is not None else set()
        found = [
            sentence
            for doc in pieces
            for para in doc.paragraphs
            for sentence in self._plain_sentences(doc.id, para.n)
            if _DUTY.search(para.text, sentence.start, sentence.end)
        ]
        found.sort(key=lambda s: (s.para.doc, s.para.n) not in in_part)
        return [self._cite(i, s) for i, s in enumerate(found[:limit], start=1)]

    def _part_openings(self, query: Query, limit: int) -> list[Citation]:
        """The first sentence of the part asked about (its closing paragraph, its opening
        one, or both for a summary) of each piece asked about."""
        pieces = {d.id for d in self._pieces_asked(query)}
        chosen = sorted((doc, n) for doc, n in self._parts[query.part or SUMMARY] if doc in pieces)
        sentences = [s[0] for doc, n in chosen for s in [self._plain_sentences(doc, n)] if s]
        return [self._cite(i, s) for i, s in enumerate(sentences[:limit], start=1)]

    def _heading_line(self, doc: Document, line: str | None, n: int) -> Citation:
        """Citation ``n``: ``line`` (the title or the byline) quoted from paragraph 0."""
        heading = doc.heading
        assert heading is not None and line is not None and line in heading.text
        start = heading.text.index(line)
        end = start + len(line)
        return Citation(n, doc.id, doc.title, 0, line, 1.0, start, end)

    @cached_property
    def _events(self) -> tuple[frozenset[str], set[int]]:
        """The terms for an event (see ``event_nouns``) and the paragraphs holding one."""
        events = event_nouns(self.tokenizer)
        return events, {p for e in events for p in self.index.positions(e)}

    def _described_document(self, query: Query, alternatives: dict[str, dict[str, float]]) -> set[str]:
        """"What did the ministers release after the Tokyo talks?": the one document in
        which each word describing the event (or a relative of it) shares a paragraph
        with a word for an event; none if more or none do.  A word that describes
        another event there ("the virtual Quad summit") does not count."""
        events, with_event = self._events
        asked = {a for forms in alternatives.values() for a in forms}
        docs: set[str] | None = None
        for t in query.described - events - _GENERIC - query.contrasted:
            # "the in-person talks" are not "the online ones", however related for answering.
            forms = {t: 1.0} if t == IN_PERSON else alternatives.get(t, {t: 1.0})
            if any(map(is_date, forms)):
                continue  # "the Jan. 2022 talks": a date chooses documents by their years
            at = set()
            for p in {p for a in forms for p in self.index.positions(a) if p in with_event}:
                # "the virtual Quad summit" does not describe "the virtual 2+2".
                found = self._paragraph_terms(p)
                if any(
                    x in forms and not _another_event(found, j, asked, events)
                    for j, x in enumerate(found)
                ):
                    at.add(self.paragraphs[p].doc)
            docs = at if docs is None else docs & at
        return docs if docs is not None and len(docs) == 1 and len(self.corpus.documents) > 1 else set()

    def _follow_up_document(self, query: Query) -> set[str]:
        """"And at the online one?": when a follow-up's own words occur in one document
        only, that is the document it turns to; "the other meeting" turns away from the
        previous answer's document."""
        if query.elsewhere and query.after is not None:
            others = {d.id for d in self.corpus.documents} - {query.after[0]}
            if others and len(others) < len(self.corpus.documents):
                return others
        if query.selectors:
            own = [t for t in query.selectors if self.index.doc_freq(t)]
        elif query.carried:
            own = [t for t in query.terms if t not in query.carried and self.index.doc_freq(t)]
        else:
            return set()
        docs = {self.paragraphs[p].doc for t in own for p in self.index.positions(t)}
        return docs if len(docs) == 1 and len(self.corpus.documents) > 1 else set()

    def _unknown(self, query: Query) -> list[str]:
        """Names and years the question insists on that the corpus never mentions.

        A name the corpus lacks (a person, place, acronym) means the question is about
        something else, however many other words it shares.  A year counts only when it
        is far from the documents' time (see ``_far_year``), since people name a meeting
        by its year even where the text does not.
        """
        unknown = []
        for t in query.specific:
            if self.index.doc_freq(t) > 0 or t in self._names:
                continue
            if t.endswith("s") and self.index.doc_freq(t[:-1]) > 0:
                continue  # a plural of a name the corpus uses
            if any(self._names_country(t, c) for c in CAPITALS.get(t, ())):
                continue  # a capital standing for a country the corpus names
            if t in CAPITAL_SIDES:
                unknown.append(t)  # Seoul, where the documents speak of North Korea only
                continue
            if self.lexicon.is_concrete(t) and any(
                self.index.doc_freq(r) > 0 and t in self.lexicon.related(r)
                for r in self.lexicon.related(t)
            ):
                # Another name for the same place or body, both ways: "America", "U.S.";
                # not a common word written as a name ("Excel" is not "surpass").
                continue
            if t[0].isdigit() and not (_YEAR.fullmatch(t) and self._far_year(int(t))):
                continue  # a number, or a year the documents' time could be named by
            unknown.append(t)
        return unknown

    def _drop_other_events(
        self,
        query: Query,
        raw: list[list[str]],
        stands: dict[str, tuple[str, float]],
        strength: list[dict[str, float]],
    ) -> None:
        """"Who took part in the virtual 2+2?": in "the virtual Quad summit" the word that
        describes the meeting asked about describes another event, named by a word the
        question does not use, so it does not count for that sentence.  (Names, such as
        "Tokyo" in "the Tokyo 2+2", are left to count.)"""
        events = self._events[0]
        for i, found in enumerate(raw):
            for j, x in enumerate(found):
                t = stands.get(x, (x, 0.0))[0]
                if t not in query.described or t in events or t not in strength[i]:
                    continue
                if not self._a_name(t, query) and _another_event(found, j, stands, events):
                    strength[i].pop(t)

    def _a_name(self, term: str, query: Query) -> bool:
        """Whether a question term is a name (a place, a country) rather than a word."""
        return term in query.specific or is_country(term)  # (a capital counts as one)

    def _names_country(self, capital: str, country: str) -> bool:
        """Whether the documents name the country ``capital`` stands for: for Seoul,
        "South Korea" or "Korea" alone, not only "North Korea"."""
        side = CAPITAL_SIDES.get(capital)
        if side is None:
            return self.index.doc_freq(country) > 0
        key = (capital, country)
        if key not in self._country_cache:  # (the paragraphs are read once, not per question)
            other = {s for s in CAPITAL_SIDES.values() if s != side}
            self._country_cache[key] = False
            for p in self.index.positions(country):
                found = self._paragraph_terms(p)
                if any(t == country and before not in other for before, t in zip([None, *found], found)):
                    self._country_cache[key] = True
                    break
        return self._country_cache[key]

    def _far_year(self, year: int) -> bool:
        """Whether ``year`` lies outside the years the documents speak of (give or take
        one), or no document is dated within a year of it ("the 2018 World Cup")."""
        span = self._year_span
        if span is None:
            return False
        dated = [int(y) for y in self._years.values() if y is not None]
        near_a_document = not dated or any(abs(year - y) <= 1 for y in dated)
        return not (span[0] - 1 <= year <= span[1] + 1 and near_a_document)

    def _fits(
        self, query: Query, best: _Sentence, alternatives: dict[str, dict[str, float]]
    ) -> bool:
        """Whether the best passage is the kind of thing asked for: it speaks of the
        question's focus ("population" in "What is the population of X?"); for "how many"
        and "when" questions it holds a quantity (of the thing counted) or a time (a date
        for "on what date", a year for "in what year"); its paragraph names the owner the
        question names ("Japan's spending"); "who" finds a new name, "where" a new place."""
        start, end = self._extend(best, bool(query.carried))
        quote = best.para.text[start:end]  # what the answer would show
        if query.focus is not None:
            focus = alternatives.get(query.focus, {query.focus: 1.0})
            # A focus the corpus never words in any way may be a paraphrase ("What
            # precondition ...?"), unless it is a thing ("Which company ...?") or a value
            # ("population") that the text would have to name.
            paraphrase = not self.index.doc_freq(query.focus) and not (
                query.focus in _VALUES or self.lexicon.is_concrete(query.focus)
            )
            if _KIND_OF.search(query.text):
                # "What kind of outcome ...?" asks for a description ("a mutually
                # beneficial solution"); the text need not use the category's word.
                paraphrase = True
            if query.focus in _BODY_ASKED and not self.index.doc_freq(query.focus):
                # "Which think tank is she with?" -- "... at the Stimson Center": a body
                # asked for by its kind is answered by a name of that kind.
                paraphrase = paraphrase or _BODY_NAME.search(quote) is not None
            if query.focus in _STATE_ROLES and not self.index.doc_freq(query.focus):
                paraphrase = paraphrase or any(map(is_country, self.tokenizer.terms(quote)))
            if not paraphrase and not any(self.index.holds(best.position, a) for a in focus):
                return False
        if query.kind in (QUANTITY, TIME):
            if not _CUES[query.kind].search(quote):
                return False
            # "When were the rules revised after 1997?" is not answered by a quote whose
            # only year is 1997: the times the question names are not its answer.
            told = _times_told(query.text)
            if query.kind == TIME and _POINT_IN_TIME.search(quote):
                if not _tells(_POINT_IN_TIME, quote, told):
                    return False
            # "On what date ...?" needs a date, "In what year ...?" a year: "just days
            # after" tells when, but not that.
            if query.asks == DATE and not _tells(_CALENDAR_DATE, quote, told):
                return False
            if query.asks == YEAR and not _tells(YEAR_IN_TEXT, quote, told):
                return False
            # "When is the next meeting scheduled?": a time to come, not one gone by.
            if query.kind == TIME and _ASKS_AHEAD.search(query.text):
                if not _AHEAD.search(quote):
                    return False
            if query.kind == TIME and _ONGOING_ASKED.search(query.text):
                if not _ONGOING.search(quote):
                    return False
            # "How long did the meeting last?": a length of time, not a date or "since".
            if query.kind == TIME and _HOW_LONG_LASTED.search(query.text):
                if not _LENGTH_OF_TIME.search(quote):
                    return False
            # "How many cases ...?" needs a number of cases, not any number.
            counted = self._counted(query, alternatives) if query.kind == QUANTITY else None
            if counted is not None and self.tuning.counted_required and not counted(quote):
                return False
        unit = _UNIT_ASKED.search(query.text)
        if unit is not None:
            # "What is the budget in dollars?", "How many yen ...?": an amount in that
            # unit ("$230 billion", "1.2 trillion yen"), not "nearly tenfold".
            if not _units(unit.group(unit.lastindex or 0)).search(quote):
                return False
        if _AGE_ASKED.search(query.text) and not _AGE.search(quote):
            return False  # "How old is she?": an age, a birth, a year -- not her job
        if query.asks == PERSONAL_NAME:
            # "What is Kishida's first name?": the person named in full ("Fumio Kishida"),
            # not the name as the question gives it ("the Kishida administration").
            asked = {stem(w) for w in words(query.text) if w not in STOPWORDS}
            runs = [words(m.group(0)) for m in CAPITALIZED_RUN.finditer(quote)]
            runs = [[w for w in run if w not in STOPWORDS and w not in TITLE_WORDS] for run in runs]
            if not any(
                any(stem(w) in asked for w in run) and any(stem(w) not in asked for w in run)
                for run in runs
            ):
                return False
        if self.tuning.names_in_paragraph and not self._holds_names(query, best):
            return False
        if not self._speaker_present(query, best, alternatives):
            return False
        if not self._names_the_instance(query, quote):
            return False
        asked_time = {m.group(1).lower() for m in _NTH_TIME.finditer(query.text)}
        told_time = {m.group(1).lower() for m in _NTH_TIME.finditer(quote)}
        if asked_time and told_time and not asked_time & told_time:
            # "When were the rules revised for the second time?" -- "revised for the first
            # time in 1997" tells of another occasion.
            return False
        if query.kind == PERSON and not self._names_someone_new(query, quote):
            return False
        if query.kind == PERSON and not self._holds_title(query, quote):
            return False
        if query.kind == PERSON and not self._holds_owner_of_title(query, quote):
            return False
        if query.kind == PERSON and self._only_others_leaders(query, quote):
            return False
        if query.kind == PLACE and _ASKS_AHEAD.search(query.text) and not _AHEAD.search(quote):
            return False  # "Where is the next one scheduled?": a place to come
        if query.kind == PLACE:
            # "Where did they go after Tokyo?" is not answered by a sentence whose only
            # place is Tokyo: the answer names a place the question does not.
            asked = set(words(query.text))
            names = [m.group(0) for m in _CUES[PLACE].finditer(quote)]
            names += [m.group(1) for m in _LOCATION.finditer(quote)]
            if _WHICH_PLACE.search(query.text):
                # "Which countries ...?": any name will do ("with China in mind").
                names += [m.group(0) for m in _MID_SENTENCE_NAME.finditer(quote)]
            new = {w for n in names for w in words(n)} - asked - STOPWORDS
            for m in CAPITALIZED_RUN.finditer(quote):
                # "Foreign Minister Ann Roy and Defense Minister ...": people, not places.
                run = words(m.group(0))
                if any(w in TITLE_WORDS for w in run):
                    new -= set(run)
            if not any(not _CUES[TIME].fullmatch(w) for w in new):
                return False
        return True

    def _holds_title(self, query: Query, quote: str) -> bool:
        """"Who was Australia's prime minister?" is not answered by "U.S. President Joe
        Biden ... with Australia": the quote must give the title asked about, every word of
        it ("prime" and "minister").  Titles too loose to insist on ("leaders") are let go."""
        asked = {_singular(w) for w in words(query.text) if w in TITLE_WORDS} - _LOOSE_TITLES
        if not asked:
            return True
        return asked <= {_singular(w) for w in words(quote)}

    def _names_the_instance(self, query: Query, quote: str) -> bool:
        """"Which specific missile did they launch?" asks for one thing by its name or
        designation ("the Hwasong-8 missile", "Kadena Air Base", "the DF-17"), which "new
        missiles" or "U.S. military bases" do not give.  Only things are asked so ("Which
        specific topics ...?" is answered by a description)."""
        asked = _SPECIFIC_THING.search(query.text)
        if asked is None:
            return True
        things = {
            stem(w)
            for w in words(asked.group(1))
            if self.lexicon.is_concrete(stem(w)) and stem(w) not in _GENERIC
        }
        if not things:
            return True
        if any(m.group(0) not in query.text for m in _DESIGNATION.finditer(quote)):
            return True
        typed = {stem(w) for w in words(query.text)}
        for m in _NAME_RUN.finditer(quote):
            named = [stem(w) for w in words(m.group(0))]
            after = words(quote[m.end() : m.end() + 30])[:1]
            if set(named) - typed and things & (set(named) | {stem(w) for w in after}):
                return True
        return False

    def _holds_owner_of_title(self, query: Query, quote: str) -> bool:
        """"Which Indian leader took part?" is not answered by "U.S. President Joe Biden
        convened ... the U.S.-Japan-Australia-India summit": a title the question gives a
        country ("Indian leader", "Japan's foreign minister") needs that country just
        before a title in the quote ("Indian Prime Minister", "Japanese counterparts,
        Foreign Minister ...")."""
        asked = words(query.text)
        owners = {
            stem(w)
            for i, w in enumerate(asked)
            if is_country(stem(w)) and any(x in TITLE_WORDS for x in asked[i + 1 : i + 4])
        }
        if not owners:
            return True
        told = words(quote)
        for i, w in enumerate(told):
            if w in TITLE_WORDS and owners & {stem(x) for x in told[max(0, i - 4) : i]}:
                return True
        return False

    def _going_on(
        self, query: Query, sentences: list[_Sentence], alternatives: dict[str, dict[str, float]]
    ) -> _Sentence | None:
        """A sentence that goes on about what the best one speaks of, and is the kind of
        answer it is not: "The committee met in March. ... The meeting was held online."
        answers "Where did the committee meet?"."""
        best = sentences[0]
        owner_named = not self.tuning.names_in_paragraph or self._holds_names(query, best)
        if not (owner_named and self._speaker_present(query, best, alternatives)):
            return None  # it speaks of someone else's ..., and so does what follows it
        # What a sentence is about comes first: "The market reopened days after the
        # storm. It opened on May 4." goes on about the market, not the storm.
        order = self.tokenizer.terms(best.para.text[best.start : best.end])
        asked = {a for t, alts in alternatives.items() if t not in _GENERIC for a in alts}
        first = next((k for k, x in enumerate(order) if x in asked), len(order))
        if 2 * first >= len(order):
            return None
        for s in sentences[1:]:
            if s.para.doc != best.para.doc or not 0 <= s.para.n - best.para.n <= 4:
                continue
            _, chain = self._pointing(s.para.doc, s.para.n).get((s.para.n, s.index), ((), ()))
            if (best.para.n, best.index) in chain and self._fits(query, s, alternatives):
                return s
        return None

    def _speaker_present(
        self, query: Query, best: _Sentence, alternatives: dict[str, dict[str, float]]
    ) -> bool:
        """Whether the answer's paragraph names the speaker the question asks about ("What
        did South Korea say ...?", "How did Chinese officials respond ...?", "according to
        Seoul"), or a word for them ("China" for "Chinese"), and the office it names ("the
        Indian prime minister"); a person asked what they said must be reported saying it.
        A speaker that is one of the documents ("according to the editorial") chooses the
        document instead."""
        leaders = set().union(*self._leaders.values())
        for phrase in _speakers(query.text):
            if {stem(w) for w in words(phrase)} & self.document_names or _calls_editorial(phrase):
                continue
            for t in {stem(w.lower()) for w in _NAME_WORD.findall(phrase)} - query.carried:
                if is_date(t):
                    continue  # "the March statement": which statement, not who spoke
                # The name itself, its aliases, a country's capital or leader ("Beijing",
                # "Biden" for Washington); not a broader word ("state" for Russia).
                forms = {t} | CAPITALS.get(t, set())
                for a, f in alternatives.get(t, {}).items():
                    if f == 1.0 or is_country(a) or a in leaders:
                        forms.add(a)
                if not any(self.index.holds(best.position, f) for f in forms):
                    return False
            # "What did India's prime minister say?": India named in passing is not enough;
            # the passage has someone of that office.
            titles = {stem(w) for w in words(phrase) if w in TITLE_WORDS} - _LOOSE_TITLES
            if not all(self.index.holds(best.position, t) for t in titles):
                return False
            # "What did Kishi Nobuo say?": a person named in full (not a government, whose
            # stance a text may give in any words) is only answered by a passage that
            # reports them saying it.
            said = query.kind == WORDING or _ASKS_SAID.search(query.text)
            if said and self._a_person(phrase):
                start, end = self._extend(best, bool(query.carried))
                if not _SAYING.search(best.para.text[start:end]):
                    return False
        return True

    def _a_person(self, phrase: str) -> bool:
        """Whether ``phrase`` names a person: in full ("Kishi Nobuo"), or by one name the
        documents give as part of a person's name ("Blinken": "Antony Blinken")."""
        if person_named(phrase) is not None:
            return True
        names = _NAME_WORD.findall(phrase)
        if len(names) != 1 or is_country(stem(names[0].lower())):
            return False
        for position in self.index.positions(stem(names[0].lower()), limit=_PERSON_SAMPLE):
            for run in CAPITALIZED_RUN.finditer(self.paragraphs[position].text):
                full = person_named(run.group(0))
                if full is not None and names[0] in full.split():
                    return True
        return False

    def _holds_names(self, query: Query, best: _Sentence) -> bool:
        """Whether the answer's paragraph names whoever owns what the question asks about
        ("Japan's spending"), when the corpus knows the name: "How much has Japan's
        spending grown?" is not answered by a paragraph about China's, however many other
        words they share.  Names in passing ("the Japanese editorial") need not be there."""
        owners = {stem(m.lower()) for m in _OWNER.findall(query.text)}
        for t in query.specific & owners:
            if t in query.carried or t in self._names or not self.index.doc_freq(t):
                continue
            forms = {t, t[:-1] if t.endswith("s") else t + "s"} | CAPITALS.get(t, set())
            if not any(self.index.holds(best.position, f) for f in forms):
                return False
        return True

    def _score_sentences(
        self,
        query: Query,
        para: Paragraph,
        position: int,
        weights: dict[str, float],
        counted: Callable[[str], bool] | None,
        stands: dict[str, tuple[str, float]],
        total: float,
        para_coverage: float,
        bonus: float,
        reads_on: bool = False,
    ) -> list[_Sentence]:
        cue = _CUES.get(query.kind)
        if query.kind == TIME and query.asks == DATE:
            cue = _CALENDAR_DATE  # "On what date ...?": a date, not any time word
        elif query.kind == TIME and query.asks == YEAR:
            cue = YEAR_IN_TEXT
        elif query.kind == NAME and _CALLER.search(query.text):
            cue = _CALLED  # "What does Beijing call them?": a name given, not any name
        spans = tuple(sentence_spans(para.text))
        texts = [para.text[a:b] for a, b in spans]
        wanted = _wanted(query.text, query.kind)
        city = query.kind == PLACE and _CITY_ASKED.search(query.text) is not None
        # "When did the March meeting take place?": "March" names the meeting; the time
        # the answer gives is another ("On March 16").
        told = _times_told(query.text) if query.kind == TIME else frozenset()
        several = _COUNTRIES_ASKED.search(query.text) is not None
        # Each sentence's words, as the question terms they stand for (a related word
        # stands for its question term), and how strongly each question term is met.
        terms: list[list[str]] = []
        strength: list[dict[str, float]] = []
        raw = [self.tokenizer.terms(text) for text in texts]
        for found in raw:
            got: dict[str, float] = {}
            own = []
            for x in found:
                name, f = stands.get(x, (x, 0.0))
                own.append(name)
                if f:
                    got[name] = max(got.get(name, 0.0), f)
            terms.append(own)
            # A long sentence holds some relative of almost any word ("attaches" for
            # "label", "speaks" for "mouth"): there a related word counts for less.
            thinning = min(1.0, self.tuning.related_sentence / max(1, len(found)))
            strength.append({t: f if f >= 1.0 else f * thinning for t, f in got.items()})
        if query.described:
            self._drop_other_events(query, raw, stands, strength)
        matched = tuple(frozenset(g) for g in strength)
        # "And the U.S.?": a sentence that names the one the U.S. took the place of, and
        # not a name the follow-up asks about, is about the earlier subject.
        replaced = [
            bool(query.replaced & set(own_terms)) and not (query.specific & set(own_terms))
            for own_terms in raw
        ]
        # The conversation's earlier terms choose the paragraph; within it, the sentence
        # is chosen mostly by what the follow-up itself asks -- unless it only swaps the
        # name asked about ("And Ross?"), when the earlier terms are still the question.
        in_sentence = 1.0 if query.replaced else self.tuning.context_in_sentence
        # "What came up at the online talks?": "online" says which meeting is meant, as
        # an earlier question's words do, not what the answer says; the documents' name for
        # a meeting, or a place's ("the Tokyo talks"), may still be in it.
        setting = {
            t for t in query.described - self._events[0] if not self._a_name(t, query)
        }
        share = self.tuning.context_in_sentence
        weights = {
            t: w * (in_sentence if t in query.carried else share if t in setting else 1.0)
            for t, w in weights.items()
        }
        # "Why was the Kishida government's 2+2 held online?" -- "It is unfortunate that
        # the meeting was held in an online format due to the pandemic": a cause given
        # of something named before counts that thing's words, at a share.  (A follow-up
        # already reads on from the last answer.)
        pointing = {}
        if query.kind == REASON and not query.carried and self.tuning.pointed_cause_share:
            pointing = self._pointing(para.doc, para.n)
        out = []
        for i, (start, end) in enumerate(spans):
            coverage = sum(weights[t] * f for t, f in strength[i].items()) / total
            pointed_at = pointing.get((para.n, i), ((), ()))[0]
            listed = bool(pointed_at) and _LISTS_REASONS.match(texts[i]) is not None
            # "As a result, ..." tells what followed from the sentence before, not why.
            consequence = _CONSEQUENCE.match(texts[i]) if query.kind == REASON else None
            if consequence:
                pointed_at = ()
            if pointed_at and (_CUES[REASON].search(texts[i]) or listed):
                inherited: dict[str, float] = {}
                for x in pointed_at:
                    t, f = stands.get(x, (x, 0.0))
                    if f and t in weights and t not in strength[i]:
                        inherited[t] = max(inherited.get(t, 0.0), f)
                share = self.tuning.pointed_cause_share
                coverage += share * sum(weights[t] * f for t, f in inherited.items()) / total
            # Terms a neighbour holds count a little: the quote may grow to include it.
            near = set().union(*matched[max(0, i - 1) : i + 2]) - matched[i]
            # (As strongly as the neighbour holds it: no more than a related word counts in
            # the sentence itself.)
            context = sum(
                weights[t] * max(g.get(t, 0.0) for g in strength[max(0, i - 1) : i + 2])
                for t in near
            ) / total
            # A sentence that returns to a term (names it twice) is more about it.
            repeats = sum(
                weights[t] * min(terms[i].count(t) - 1, 2) for t in matched[i]
            ) / total
            k = self.tuning
            score = coverage + k.repeat_weight * repeats + k.neighbour_weight * context
            score += k.paragraph_weight * para_coverage + bonus
            score += k.proximity_weight * _proximity(terms[i], matched[i])
            # "Did the treaty name Peru?" is answered by the sentence that says so, which
            # is mostly made of the question's words; in a long one they may be a clause
            # in passing.
            if query.polar and terms[i]:
                hits = sum(1 for x in terms[i] if x in strength[i])
                score += k.density_weight * hits / len(terms[i])
            # "Why?": a sentence the next one follows from ("As a result, ...") gives a cause.
            gives_cause = (
                query.kind == REASON and i + 1 < len(texts) and _CONSEQUENCE.match(texts[i + 1])
            )
            if city:
                cued = bool(_capitals_as_places(texts[i]) & CITIES)
            else:
                opening = consequence.end() if consequence else 0
                found = cue is not None and (
                    _tells(cue, texts[i][opening:], told)
                    or _tells(_POINT_IN_TIME, texts[i][opening:], told)
                    if told
                    else cue.search(texts[i], opening)
                )
                cued = bool(found or gives_cause or listed)
            if matched[i] and cued:
                score += self.tuning.cue_bonus
                # "When did X take office?": "in January 2021" says when more plainly
                # than "when a new administration comes into office".
                if query.kind == TIME and query.asks is None and _POINT_IN_TIME.search(texts[i]):
                    score += self.tuning.cue_bonus
            if several and matched[i] and len({x for x in raw[i] if is_country(x)}) > 1:
                score += self.tuning.cue_bonus
            if matched[i]:
                score += self.tuning.cue_bonus * sum(1 for p in wanted if p.search(texts[i]))
            if counted is not None and counted(texts[i]):
                score += self.tuning.counted_bonus
            elif query.kind == NAME and counted is not None and reads_on:
                # "What does Beijing call them?": a name question reads on from the last
                # answer only to a sentence that gives a name.
                score -= self.tuning.reading_on_bonus
            if replaced[i]:
                score -= k.replaced_penalty
            # A long sentence holds many words by its length alone.
            score -= k.long_sentence_penalty * max(0, len(terms[i]) - k.long_sentence) / k.long_sentence
            direct = any(strength[i].get(t) == 1.0 for t in strength[i])
            out.append(
                _Sentence(
                    para, start, end, score, matched[i], spans, matched, i, position, direct,
                    cue if query.kind in (TIME, PLACE, QUANTITY, REASON) else None,
                )
            )
        return out

    def _naming(self, query: Query) -> Callable[[str], bool]:
        """For "What is the formal title of the security treaty?": whether a sentence holds
        a proper name that carries one of the question's words ("Treaty of Mutual ...")."""
        asked = set(query.terms) | {stem(w) for w in words(query.text)}
        caller = _CALLER.search(query.text)
        if caller:
            # "What does Beijing call the islands?": the name carries a word of what is
            # named, not of who names it ("the South China Sea" is no name for them).
            asked -= {stem(w) for w in words(caller.group(1) or caller.group(2))}

        def given(text: str, known: set[str]) -> list[list[str]]:
            """The names in ``text`` that carry a word asked and one not ``known``."""
            found = [m.group(0) for m in _CUES[NAME].finditer(text)]
            found += [m.group(0) for m in CAPITALIZED_RUN.finditer(text)]
            out = []
            for name in found:
                stems = self.tokenizer.terms(name)  # with aliases: "SCC" for its long name
                # "the Diaoyu Islands" for the Senkaku Islands: a name that holds a
                # question word and a word the question does not have.
                if len(stems) > 1 and any(t in asked for t in stems):
                    if any(t not in known for t in stems):
                        out.append(stems)
            return out

        known = set(asked)
        if query.after is not None:
            # "Which reefs did the pact cover? What does Brenvik call them?": the one name
            # the last answer gave ("the Tarn Reefs") is what "them" stands for, not the
            # other name asked for.
            doc, n, start, end = query.after
            position = self._positions.get((doc, n))
            if position is not None:
                before = given(self.paragraphs[position].text[start:end], known)
                if len(before) == 1:
                    known |= set(before[0])

        return lambda text: bool(given(text, known))

    def _only_others_leaders(self, query: Query, quote: str) -> bool:
        """"Who represented India at the summit?" is not answered by "U.S. President Joe
        Biden convened the ... summit": every person the quote names is a leader the
        documents give another country than the one asked about."""
        found = words(query.text)
        asked = set()
        for a, b in zip(found, found[1:]):
            if a in _AFFILIATING and is_country(stem(b)):
                asked.add(stem(b))  # "represented India", "from India"
            elif is_country(stem(a)) and (b in TITLE_WORDS or b in ("side", "delegation")):
                asked.add(stem(a))  # "India's prime minister", "the Indian side"
        asked -= query.carried
        if not asked:
            return False
        runs = (words(m.group(0)) for m in CAPITALIZED_RUN.finditer(quote))
        people = {stem(run[-1]) for run in runs if len(run) >= 2}
        people = {n for n in people if not is_country(n)}
        theirs = set().union(*(names for c, names in self._leaders.items() if c not in asked))
        return bool(people) and people <= theirs

    def _names_someone_new(self, query: Query, quote: str) -> bool:
        """Whether the quote names someone the question does not: a name whose last word
        the question lacks ("Antony Blinken", "the Coastal Council"), or a title it does not
        use ("the foreign minister").  A question that already holds a title ("Who were the
        defense ministers?") asks for a person's name, so only a personal name will do."""
        asked = {stem(w) for w in words(query.text)}
        if query.carried and set(query.terms) <= query.carried:
            # "Who said that?": whoever the quote names speaks, a country ("Japan
            # reportedly conveyed ...") as well as a person.
            carried = query.carried
            if any(stem(w.lower()) not in carried for w in _MID_SENTENCE_NAME.findall(quote)):
                return True
        wants_person = _TITLE.search(query.text) is not None
        # "Whose job is it to ...?" -- "it is up to Japan": a country acts as a person
        # does (not one inside a compound such as "U.S.-Japan-Australia-India").
        if not wants_person and any(
            is_country(t) and t not in asked
            for m in _MID_SENTENCE_NAME.finditer(quote)
            if quote[m.start() - 1 : m.start()] != "-" and quote[m.end() : m.end() + 1] != "-"
            for t in [stem(m.group(0).lower())]
        ):
            return True
        for match in CAPITALIZED_RUN.finditer(quote):
            found = words(match.group(0))
            while found and found[0] in STOPWORDS:
                found = found[1:]  # "The", "In" opening a sentence
            if len(found) < 2 or stem(found[-1]) in asked:
                continue
            if not (wants_person and found[-1] in _NOT_PEOPLE):
                return True
        if wants_person:
            return False
        # A bare title names a role; one that leads into a name was judged by its name.
        return any(stem(m.group(0).lower()) not in asked for m in _TITLE.finditer(quote))

    def _counted(
        self, query: Query, alternatives: dict[str, dict[str, float]]
    ) -> Callable[[str], bool] | None:
        """For "How many X?": whether a sentence has a number just before a word for X
        ("the four ministers"), which says how many far better than any number does; for a
        name question, whether it has a proper name that holds a question word."""
        if query.kind == NAME:
            return self._naming(query)
        if query.kind != QUANTITY or query.focus is None:
            return None
        stems = set(alternatives.get(query.focus, {query.focus: 1.0}))

        def counts(text: str) -> bool:
            found = words(text)
            return any(
                _NUMBER_WORD.fullmatch(w)
                and not _YEAR.fullmatch(w)  # "in 2019 the ministers" counts nothing
                and any(stem(x) in stems for x in found[i + 1 : i + 3])
                for i, w in enumerate(found)
            )

        return counts

    def _pick(self, sentences: list[_Sentence], answered: bool, limit: int) -> list[_Sentence]:
        """The best sentence, then close runners-up: from other documents, or very close ones
        from other paragraphs; one per paragraph."""
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
            # Another document's best, or a runner-up nearly as strong as the best in
            # another paragraph: where two passages say much the same, both are shown.
            elsewhere = all(s.para.doc != p.para.doc for p in picked)
            close = s.score >= self.tuning.runner_up_ratio * best.score
            if elsewhere or (close and all(s.para is not p.para for p in picked)):
                picked.append(s)
        return picked

    def _cite(self, n: int, sentence: _Sentence, following_up: bool = False) -> Citation:
        start, end = self._extend(sentence, following_up)
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

    @staticmethod
    def _leans_back(text: str, start: int) -> bool:
        """"These four countries ...", "It was the first ...": the sentence before says what
        the one at ``start`` speaks of, so a quote keeps it; "As a result, ...": what it
        follows from; "For instance, ...", "Indeed, ...": what it bears out."""
        return any(p.match(text, start) for p in (_LEANS_BACK, _CONSEQUENCE, _ELABORATES))

    def _extend(self, sentence: _Sentence, following_up: bool = False) -> tuple[int, int]:
        """Grow the quote by a neighbouring sentence when it adds question terms, and by
        the one before when it leans on that one."""
        spans, i = sentence.spans, sentence.index
        lo, hi = i, i
        covered = set(sentence.matched)
        text = sentence.para.text
        # The sentence it speaks of, follows from or bears out comes first (once: the one
        # before that is another step away) -- not in a follow-up's quote, where the
        # conversation has just shown what comes before.
        pulled = (
            not following_up
            and i > 0
            and self._leans_back(text, spans[i][0])
            and spans[i][1] - spans[i - 1][0] <= self.tuning.max_quote_chars
        )
        if pulled:
            lo = i - 1
            covered |= sentence.matches[lo]
        for _ in range(self.tuning.max_quote_sentences - 1 - (i - lo)):
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
        if (
            lo > 0
            and not pulled
            and self._leans_back(text, spans[lo][0])
            and spans[hi][1] - spans[lo - 1][0] <= self.tuning.max_quote_chars
        ):
            lo -= 1
        if (
            sentence.wants is not None
            and hi + 1 < len(spans)
            and not sentence.wants.search(text, spans[lo][0], spans[hi][1])
            and _SAYS_MORE.match(text, spans[hi + 1][0])
            and sentence.wants.search(text, spans[hi + 1][0], spans[hi + 1][1])
            and spans[hi + 1][1] - spans[lo][0] <= self.tuning.max_quote_chars
        ):
            # "When had the 2+2 met before?" -- "The 2+2 was held by the ministers. It was
            # the first such meeting since last March.": the time is in the next sentence,
            # which says more about the same thing.
            hi += 1
        if (
            sentence.wants is _CUES[REASON]
            and hi + 1 < len(spans)
            and not _CUES[REASON].search(text, spans[lo][0], spans[hi][1])
            and (_GROUNDS.match(text, spans[hi + 1][0]) or _POINTS_BACK.match(text, spans[hi + 1][0]))
            and spans[hi + 1][1] - spans[lo][0] <= self.tuning.max_quote_chars
        ):
            # "Why did the fair draw crowds?" -- "The fair drew bigger crowds than usual.
            # First, the weather was warm.": the claim, then its grounds.
            hi += 1
        return spans[lo][0], spans[hi][1]


def _speakers(question: str) -> list[str]:
    """Who the question asks about as speaking: "South Korea" in "What did South Korea say
    ...?", "Seoul" in "according to Seoul"."""
    return [m.group(1) or m.group(2) for m in _SPEAKER.finditer(question)]


def _singular(word: str) -> str:
    """"secretaries" -> "secretary", "ministers" -> "minister" (enough for titles)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def person_named(text: str) -> str | None:
    """The first personal name in ``text`` ("Yuki Tatsumi is a senior fellow at the
    Stimson Center" -> "Yuki Tatsumi"): the last two of a run of capitalized words whose
    last word is not a title's or an institution's."""
    for match in CAPITALIZED_RUN.finditer(text):
        found = match.group(0).split()
        while found and found[0].lower() in STOPWORDS | TITLE_WORDS:
            found = found[1:]
        if len(found) >= 2 and found[-1].lower() not in _NOT_PEOPLE | TITLE_WORDS:
            return " ".join(found[-2:])  # "State Antony Blinken": a name, not its office
    return None


def _stands_for(alternatives: dict[str, dict[str, float]]) -> dict[str, tuple[str, float]]:
    """Each term that can stand for a question term: (that question term, how much it counts),
    the strongest where a word stands for several."""
    stands: dict[str, tuple[str, float]] = {}
    for t, alts in alternatives.items():
        for a, f in alts.items():
            if f > stands.get(a, ("", 0.0))[1]:
                stands[a] = (t, f)
    return stands


def _same_family(a: str, b: str) -> bool:
    """Whether two stems look like forms of one word: a shared start of at least four
    letters that leaves at most two letters of the shorter one ("stabli", "stabil")."""
    n = len(os.path.commonprefix((a, b)))
    return n >= 4 and n >= min(len(a), len(b)) - 2


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
