"""Normalization and tokenization of English news text.

One tokenizer serves documents and questions alike, so whatever form a text uses
("U.S." or "United States", "2+2" or "2 Plus 2", "defence" or "defense") both sides
meet on the same token.  Aliases mined from the corpus (see :mod:`briefbot.aliases`)
are applied on top through :class:`Tokenizer`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import Stemmer

# Bumped whenever tokens change for the same text; part of the index cache key.
TOKENIZER_VERSION = "8"

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can could couldn't did didn't do does doesn't doing
    don't down during each either else ever few for from further had hadn't has hasn't have
    haven't having he her here hers herself him himself his how however i if in into is isn't it
    its itself just let me more most much must my myself neither no nor not now of off on once
    only or other ought our ours ourselves out over own per rather same shall she should so some
    such than that the their theirs them themselves then there these they this those though
    through thus to too under until up upon us very via was wasn't we were weren't what whatever
    when whenever where whereas whether which while who whoever whom whose why will with within
    without would yet you your yours yourself yourselves around across along among amongst
    beside besides beyond behind beneath underneath amid amidst despite inside outside toward
    towards onto throughout regarding concerning versus can't cannot won't shan't mustn't
    needn't wouldn't shouldn't mightn't
    """.replace("'", "").split()  # words() drops apostrophes: "didn't" is met as "didnt"
)

# Words that say how a question is asked rather than what it is about.  They are dropped
# from questions only, so "What did the statement say about X?" searches for "statement X".
QUESTION_FILLER = frozenset(
    """
    say says said tell tells told mention mentions mentioned describe describes described
    explain explains explained according happen happens happened mean means meant know
    known please many one ones anything something someone somebody thing things kind sort give gave
    editorial editorials article articles piece pieces author authors writer writers column
    essay story stories report reports commentary analysis opinion text passage source
    sources document documents characterize characterizes characterized characterise
    characterises characterised portray portrays portrayed depict depicts depicted regard
    regards regarded think thinks thought believe believes believed argue argues argued
    suggest suggests suggested stated
    exactly precisely actually really specifically basically truly certainly exact precise
    anyway anyhow even supposedly apparently seriously honestly literally overall generally
    broadly essentially roughly
    approximate re vs
    """.split()
)

# Verbs that lean on their object for meaning ("took office", "take place", "made
# progress"): a question's words, but weak evidence that a sentence answers it.  Stems.
LIGHT_VERBS = frozenset(
    """
    take took taken make made get got gotten go went gone come came put have had do did
    done hold held keep kept set bring brought let seem
    """.split()
)


# British spellings folded onto American ones before stemming (a general spelling
# variant table, not a list of corpus words).
_SPELLING_PAIRS = """
defence defense offence offense licence license pretence pretense centre center
theatre theater metre meter litre liter fibre fiber programme program catalogue catalog
dialogue dialog analogue analog colour color favour favor honour honor labour labor
behaviour behavior neighbour neighbor harbour harbor rumour rumor vapour vapor armour armor
endeavour endeavor organise organize recognise recognize realise realize emphasise emphasize
modernise modernize mobilise mobilize criticise criticize apologise apologize prioritise
prioritize normalise normalize stabilise stabilize finalise finalize legalise legalize
characterise characterize summarise summarize authorise authorize militarise militarize
analyse analyze paralyse paralyze travelled traveled travelling traveling cancelled
canceled counselled counseled grey gray cheque check tyre tire aluminium aluminum
""".split()

MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
# "Jan", "Sept": each month's short form, as written in dates and typed in questions.
MONTH_SHORT_FORMS = {m[:3]: m for m in MONTH_NAMES if len(m) > 3} | {"sept": "september"}

# Short forms typed in haste, folded onto the words they stand for: "the two govts",
# "Jan 2022", "DC" (not "mar" or "may", which are words of their own).
# (Not "admin", which is as often an account's as an administration.)
_ABBREVIATION_PAIRS = """
govt government govts governments gov government intl international natl national dept
department depts departments mgmt management doc document docs documents econ economic
dc washington tech technology techs technologies info information
""".split() + [w for short, month in MONTH_SHORT_FORMS.items() if short != "mar" for w in (short, month)]

# Demonyms meet their country's name: "American bases" asks about "U.S. bases".
_DEMONYMS = """
american united-states americans united-states japanese japan chinese china korean korea
koreans korea russian russia russians russia indian india indians india australian australia
australians australia british britain french france german germany germans germany taiwanese
taiwan filipino philippines vietnamese vietnam ukrainian ukraine ukrainians ukraine israeli
israel israelis israel iranian iran iranians iran canadian canada canadians canada mexican
mexico european europe europeans europe
prc china dprk korea
""".split()

US_TOKEN = "unitedst"
_STEMMER = Stemmer.Stemmer("english")
LIGHT_VERBS = frozenset(_STEMMER.stemWords(sorted(LIGHT_VERBS)))
_SPELLING = {
    _STEMMER.stemWord(variant): _STEMMER.stemWord(word)
    for pairs in (_SPELLING_PAIRS, _ABBREVIATION_PAIRS)
    for variant, word in zip(pairs[::2], pairs[1::2])
}

_DEMONYM = {
    people: (US_TOKEN if country == "united-states" else _STEMMER.stemWord(country))
    for people, country in zip(_DEMONYMS[::2], _DEMONYMS[1::2])
}

# Forms these texts really use for the same thing, matched before case folding.
# "US" is only the country in capitals; the pronoun "us" stays a stopword.
_UNITED_STATES = re.compile(
    r"\bU\.\s?S\.(?:\s?A\.)?(?![A-Za-z])|\bUSA?\b|\bUnited\s+States(?:\s+of\s+America)?\b"
)
# "2+2", "2 Plus 2", "two-plus-two": a name written with figures or in words.
_NUMBER_WORDS = "zero one two three four five six seven eight nine ten".split()
_NUMERAL = r"\d+|" + "|".join(_NUMBER_WORDS)
_NUMBER_PLUS_NUMBER = re.compile(
    rf"(?<!-)\b({_NUMERAL})(?:\s*\+\s*|[\s-]*\bplus\b[\s-]*)({_NUMERAL})\b", re.IGNORECASE
)
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_APOSTROPHE_S = re.compile(r"(\w)['’]s\b")
# "it'd", "they'll", "we've", "they're", "I'm": the word the auxiliary leans on, whose
# auxiliary (would, will, have, are, am) is a stopword anyway.
_CONTRACTED = re.compile(r"(\w)['’](?:d|ll|ve|re|m)\b", re.IGNORECASE)
_APOSTROPHES = re.compile(r"(\w)['’](\w)")
_WORD = re.compile(r"[^\W_]+")


class LazyPattern:
    """A regular expression compiled when first used.  A one-shot ``briefbot ask`` uses
    only a few of the engine's many patterns (the cue of one kind of question), and
    compiling all of them would be a good part of its start-up time."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return getattr(self._compiled, name)


def fold(text: str) -> str:
    """Case-fold and strip accents, keeping one character per letter where possible."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():  # nothing to strip; skips a loop over every character
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def joined_sums(text: str) -> str:
    """``text`` with "2+2", "2 plus 2" and "two-plus-two" written as one word, "2plus2"."""
    return _NUMBER_PLUS_NUMBER.sub(_joined, text)


def _joined(match: re.Match[str]) -> str:
    a, b = (_figure(n) for n in match.groups())
    return f" {a}plus{b} "


def _figure(numeral: str) -> str:
    """A number word as its figure ("two" as "2"); a figure as it is."""
    lowered = numeral.lower()
    return str(_NUMBER_WORDS.index(lowered)) if lowered in _NUMBER_WORDS else numeral


def words(text: str) -> list[str]:
    """Split text into folded word forms with this corpus family's variants unified."""
    text = _UNITED_STATES.sub(f" {US_TOKEN} ", text)
    text = joined_sums(text)
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _APOSTROPHE_S.sub(r"\1", text)
    text = _CONTRACTED.sub(r"\1", text)
    text = _APOSTROPHES.sub(r"\1\2", text)
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball-stem one folded word, then fold British spellings onto American ones."""
    if word == US_TOKEN or word.isdigit():
        return word
    if word in _DEMONYM:
        return _DEMONYM[word]
    stemmed = _STEMMER.stemWord(word)
    return _SPELLING.get(stemmed, stemmed)


def content_words(text: str, *, question: bool = False) -> list[str]:
    """Folded words of ``text`` without stopwords (and question filler when ``question``)."""
    drop = STOPWORDS | QUESTION_FILLER if question else STOPWORDS
    found = words(text)
    if question:
        found = _without_idioms(found)
    return [w for w in found if w not in drop and not (len(w) == 1 and not w.isdigit())]


# "take part", "take place", "in order to": idioms whose words say nothing about the topic
# of a question.
_TAKE = frozenset("take takes took taken taking".split())
_EMPTY_OBJECTS = frozenset("part place".split())


# "in person", "face to face": one word for how people meet, which the lexicon relates
# to the other ways ("online", "by video") -- not to a person or a face.
IN_PERSON = "inperson"
_MEETING_IDIOMS = (("in", "person"), ("face", "to", "face"))


# Phrasal verbs of news prose and the one word a dictionary gives for them, which takes
# the verb's place in a question: "What did the ministers put out?" asks what they issued.
# (Each line: the verb's forms, the particle -- with "with" where the sense needs it,
# "come away with" -- and the word.)
_PHRASAL_VERBS = """
come comes came coming | up | discuss
bring brings brought bringing | up | raise
put puts putting | out | issue
come comes came coming | out | issue
get gets got gotten getting | out | gain
come comes came coming | away with | gain
walk walks walked walking | away with | gain
sit sits sat sitting | down with | meet
get gets got getting | together | meet
put puts putting | forward | propose
look looks looked looking | into | investigate
look looks looked looking | for | seek
call calls called calling | for | demand
call calls called calling | out | criticize
speed speeds sped speeded speeding | up | accelerate
step steps stepped stepping | up | increase
ramp ramps ramped ramping | up | increase
beef beefs beefed beefing | up | strengthen
shore shores shored shoring | up | strengthen
build builds built building | up | strengthen
take takes took taken taking | office | inaugurate
carry carries carried carrying | out | conduct
point points pointed pointing | out | note
rule rules ruled ruling | out | exclude
back backs backed backing | up | support
turn turns turned turning | down | reject
"""


def _phrasal_verbs() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for line in _PHRASAL_VERBS.strip().splitlines():
        forms, particle, sense = (part.strip() for part in line.split("|"))
        for form in forms.split():
            table[(form, *particle.split())] = sense
    return table


_PHRASAL = _phrasal_verbs()
_PARTICLES = frozenset("up out down away forward together into for with".split())
# Nouns that frame a question between two prepositions and say nothing of its topic: "in
# order to" (or for, that); "in connection with", "with regard to", "in relation to" say
# "about" in more words.  Each: the words it may follow, the words it may precede.
_ABOUT = ({"in", "with"}, {"with", "to"})
_FRAMING_NOUNS = {"order": ({"in"}, {"to", "for", "that"})} | dict.fromkeys(
    "connection regard respect relation reference".split(), _ABOUT
)
# Two-word idioms of a question and the plain word for them: "Why is that a big deal?"
# asks why it is important.
_PLAIN_WORD = {("big", "deal"): "important", ("big", "deals"): "important"}


def _without_idioms(found: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(found):
        w = found[i]
        if w in _TAKE and i + 1 < len(found) and found[i + 1] in _EMPTY_OBJECTS:
            i += 2
            continue
        after = found[i + 1 : i + 3]
        follows, precedes = _FRAMING_NOUNS.get(w, ((), ()))
        if out and after and out[-1] in follows and after[0] in precedes:
            i += 1
            continue
        idiom = next((n for n in _MEETING_IDIOMS if tuple(found[i : i + len(n)]) == n), None)
        if idiom is not None:
            out.append(IN_PERSON)
            i += len(idiom)
            continue
        plain = _PLAIN_WORD.get((w, *after[:1]))
        if plain is not None:
            out.append(plain)
            i += 2
            continue
        # (Not "come up with", "put up with": other verbs, unless listed with "with".)
        phrase = (w, *after) if tuple(after[1:]) == ("with",) else (w, *after[:1])
        sense = _PHRASAL.get(phrase) if after else None
        if sense is not None:  # the verb's own meaning is the phrase's: "put", "look"
            # The particle goes with it ("together" is no topic), a noun stays ("office").
            out += [sense, *(word for word in phrase[1:] if word not in _PARTICLES)]
            i += len(phrase)
            continue
        out.append(w)
        i += 1
    return out


class Tokenizer:
    """Turns text into index terms: words, minus stopwords, stemmed, plus alias terms.

    ``aliases`` maps a tuple of stemmed terms (a phrase such as the words of
    "Security Consultative Committee") to a canonical term; whenever the phrase occurs,
    the canonical term is added, so "SCC", its expansion and its other names meet.
    """

    def __init__(self, aliases: Mapping[tuple[str, ...], str] | None = None) -> None:
        self.aliases = dict(aliases or {})
        self._lengths = sorted({len(phrase) for phrase in self.aliases}, reverse=True)

    def terms(self, text: str, *, question: bool = False) -> list[str]:
        stems = [stem(w) for w in content_words(text, question=question)]
        return stems + list(self._alias_terms(stems))

    def _alias_terms(self, stems: list[str]) -> Iterable[str]:
        return (canonical for canonical, _ in self.alias_phrases(stems))

    def alias_phrases(self, stems: list[str]) -> Iterable[tuple[str, tuple[str, ...]]]:
        """(canonical term, the phrase of ``stems`` that gave it), for each alias found."""
        for n in self._lengths:
            for i in range(len(stems) - n + 1):
                phrase = tuple(stems[i : i + n])
                canonical = self.aliases.get(phrase)
                if canonical is not None and canonical not in phrase:
                    yield canonical, phrase
