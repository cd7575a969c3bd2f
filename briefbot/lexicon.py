"""Related words from a bundled table built from WordNet 3.0 (``tools/build_lexicon.py``).

Questions are asked in other words than the documents use: "indispensable" for
"essential", "weaponry" for "arms", "stably" for "stability".  The table maps one of
briefbot's stems to the stems of its synonyms, word-form relatives and broader terms, so
a question word can meet its relative in a paragraph at a reduced weight.

The file is sorted by stem and read by binary search over a memory map: a question looks
up a handful of stems without the whole table being parsed, which keeps a one-shot
``briefbot ask`` fast.  WordNet's licence is in ``data/WORDNET-LICENSE``.
"""

from __future__ import annotations

import mmap
from functools import lru_cache
from pathlib import Path

from .text import IN_PERSON, MONTH_NAMES, US_TOKEN, stem

TABLE = Path(__file__).resolve().parent / "data" / "related.tsv"
CONCRETE = TABLE.with_name("concrete.txt")

# Capitals stand for their governments in news prose ("Beijing's claims", "talks with
# Washington"), so each is related to its country.  General knowledge, both ways.
_CAPITALS = """
beijing china pyongyang korea seoul korea tokyo japan washington united-states moscow russia
taipei taiwan kyiv ukraine kiev ukraine london britain paris france berlin germany
canberra australia delhi india ottawa canada tehran iran jerusalem israel manila
philippines hanoi vietnam brussels europe
""".split()


def _capitals() -> dict[str, set[str]]:
    pairs: dict[str, set[str]] = {}
    for city, country in zip(_CAPITALS[::2], _CAPITALS[1::2]):
        a, b = stem(city), US_TOKEN if country == "united-states" else stem(country)
        pairs.setdefault(a, set()).add(b)
        pairs.setdefault(b, set()).add(a)
    return pairs


CAPITALS = _capitals()
CITIES = frozenset(stem(city) for city in _CAPITALS[::2])
# Capitals of one of two countries sharing a name, by the word that tells them apart:
# Seoul stands for Korea only where the documents write "South Korea" (or "Korea" alone).
CAPITAL_SIDES = {stem("seoul"): "south", stem("pyongyang"): "north"}

# Senses WordNet 3.0 (2006) predates or lacks: a meeting held "online" is held
# "virtually", "by video" or "remotely"; "COVID-19" is "the pandemic" or "the virus";
# "the Tokyo talks" (or session) are a meeting; "the previous meeting" is the last one
# ("since last March"), a sense of "last" WordNet does not link to "previous"; "the
# Pentagon" and "the Kremlin" stand for a ministry and a government, as capitals do (but
# are no countries); a "politically sensitive" (touchy, delicate) topic is a
# controversial one, and "a headache" for someone is a problem, something difficult
# (WordNet has only the ache and the worry); a piece of "legislation" is a law (WordNet:
# an act of lawmaking, a body of statutes); a military "base" is an "installation" or a
# "facility" (WordNet reaches it only through the compound "military installation"); the
# "security situation" is the security "environment".  Each line is a group of words
# that stand for one another.
_SINCE_WORDNET = """
online virtual virtually remote remotely video videoconference videoconferencing teleconference
covid coronavirus pandemic virus
meeting talks session
previous last prior
pentagon defense
kremlin russia
sensitive controversial touchy delicate
headache problem difficult
law legislation statute
base installation facility
situation environment
"""
# How a meeting is held: "Was it held in person?" is answered by "it was held online".
# (The tokenizer reads "in person" and "face to face" in a question as one word.)
_WAYS_OF_MEETING = f"{IN_PERSON} online virtual virtually remote remotely video videoconference"

# Words whose newer sense has displaced WordNet's in questions: "the virtual 2+2" is held
# online, not "nearly" or "practically" (the adverb "virtually" shares the stem).
_NEW_SENSE_ONLY = frozenset(stem(w) for w in "virtual virtually".split())
# A month is a month: "March" in a news text is no relative of "troop" or "border", nor
# "August" of "noble", and a question's "March" asks for that month.
_MONTHS = frozenset(stem(m) for m in MONTH_NAMES)


def _groups() -> dict[str, set[str]]:
    related: dict[str, set[str]] = {}
    for line in [*_SINCE_WORDNET.strip().splitlines(), _WAYS_OF_MEETING]:
        stems = {stem(w) for w in line.split()}
        for t in stems:
            related.setdefault(t, set()).update(stems - {t})
    return related


_GROUPS = _groups()


class Lexicon:
    """``related(stem)``: the stems the table lists for ``stem`` (empty if none)."""

    def __init__(self, path: Path = TABLE, concrete: Path = CONCRETE) -> None:
        self.path = path
        self.concrete_path = concrete
        self._map: mmap.mmap | bytes | None = None
        self._concrete: frozenset[str] | None = None

    def is_concrete(self, stem: str) -> bool:
        """Whether ``stem`` is a noun for a thing, group, place, person or quantity
        ("company", "dollar") rather than an act, idea or state ("precondition")."""
        if self._concrete is None:
            try:
                text = self.concrete_path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""  # missing table: nothing counts as concrete
            self._concrete = frozenset(text.split())
        return stem in self._concrete

    def _data(self) -> mmap.mmap | bytes:
        if self._map is None:
            try:
                with open(self.path, "rb") as handle:
                    self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):
                self._map = b""  # missing or empty table: no related words, no failure
        return self._map

    def related(self, stem: str) -> frozenset[str]:
        if stem in _MONTHS:
            return frozenset()
        found = frozenset() if stem in _NEW_SENSE_ONLY else self._lookup(stem)
        extra = CAPITALS.get(stem, set()) | _GROUPS.get(stem, set())
        return found | extra if extra else found

    @lru_cache(maxsize=4096)  # noqa: B019 - one lexicon per process; bounded
    def _lookup(self, stem: str) -> frozenset[str]:
        """The table's line for ``stem``, months left out (once per stem, cached)."""
        data = self._data()
        key = stem.encode("utf-8") + b"\t"
        lo, hi = 0, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", 0, mid) + 1
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            line = data[start:end]
            if line.startswith(key):
                return frozenset(line[len(key) :].decode("utf-8").split()) - _MONTHS
            if line.split(b"\t", 1)[0] < key[:-1]:
                lo = end + 1
            else:
                hi = start
        return frozenset()


_SHARED: Lexicon | None = None


def shared() -> Lexicon:
    """The bundled table, opened once per process."""
    global _SHARED
    if _SHARED is None:
        _SHARED = Lexicon()
    return _SHARED
