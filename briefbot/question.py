"""What a question asks for: its search terms, its kind of answer, the names it insists on."""

from __future__ import annotations

import re
import weakref
from collections.abc import Collection
from dataclasses import dataclass, replace

from .dates import MONTH_NAMES, YEAR_PATTERN
from .lexicon import CAPITALS
from .lexicon import shared as shared_lexicon
from .text import STOPWORDS, US_TOKEN, LazyPattern, Tokenizer, joined_sums, stem, words

# Kinds of answer, told by how the question opens.
PERSON, TIME, QUANTITY, REASON, PLACE = "person", "time", "quantity", "reason", "place"
WORDING, ADVICE, NAME, AUTHOR, OTHER = "wording", "advice", "name", "author", "other"

# A question word counts where it opens the question ("Who ...?", "And when ...?", "To
# whom ...?", "Since when ...?"), not inside a clause ("What does the world watch for when
# a new administration takes office?").
_OPENING = r"^\W*(?:(?:and|but|so|then|also|or)\s+)?(?:(?:to|for|from|with|by|since|until|of)\s+)?"

# Words a question opens with when it is a sentence, not a terse noun phrase.
_QUESTION_OPENERS = (
    "who|whom|whose|what|when|where|why|how|which|is|are|was|were|do|does|did|has|have|had"
    "|can|could|will|would|should|must|may|might"
)
# A question typed as the noun phrase for what it asks ("Exact date of the fair?", "Case
# count for X?", "Japanese principals at the talks?"): up to two words before the word
# that asks.
_TERSE = (
    r"^\W*(?:(?:and|so|ok|okay)\W+)?(?:the\s+)?"
    rf"(?!(?:{_QUESTION_OPENERS})\b)(?:[\w\-'’]+\s+){{0,2}}?"
)

# "What does Beijing call X?", "What's Beijing's name for X?": a name asked for, and who
# gives it (group 1 or 2).
CALLING = (
    r"\bwhat (?:does|do|did) ((?:[\w'’.\-]+ ){1,4}?)call\b(?!\s+(?:for|on|upon|out|off|in|up)\b)"
    r"|\bwhat(?:['’]s| is| was) ((?:[\w.\-]+ ){0,3}?[\w.\-]+)['’]s? (?:own )?(?:name|term)s? for\b"
)

_KIND_CUES: tuple[tuple[LazyPattern, str], ...] = (
    # "Who wrote the Diplomat piece?": the byline, or the note about its author (not
    # "Where does the author of the piece work?", a question about them).
    (LazyPattern(
        r"\bwho (?:wrote|writes|authored|penned|signed)\b"
        r"|\bwho(?:'s|’s| is| was) the (?:author|writer)\b|\bname of the (?:author|writer)\b"
        r"|\bwritten by (?:whom|who)\b|\bby whom\b.*\bwritten\b|\bbyline\b"
        r"|\bwhose (?:article|piece|column|essay|editorial|op-ed|report)\b"
    ), AUTHOR),
    (LazyPattern(
        rf"{_OPENING}(who|whom|whose)\b"
        # ("Which two senior officials", "which of the ministers"; not "Which weapons
        # worried the ministers?", whose asking word is "weapons")
        r"|\bwhich (?:of (?:the )?)?((?!(?:the|a|an|its|their|his|her|this|that|these|those)\b)[\w\-]+ ){0,4}"
        r"(officials?|ministers?|principals?|people|persons?|leaders?|secretar(y|ies)|diplomats?"
        r"|members|representatives|envoys|delegates|participants|attendees|counterparts|lawmakers|politicians)"
        r"(?<!in person)(?![\w\-])"  # (not "which one was held in person", "leaders-level")
        rf"|{_TERSE}names? of (?:the )?(?:[\w\-'’]+ ){{0,5}}(?:officials?|ministers?|people|persons?|leaders?"
        r"|secretar(?:y|ies)|diplomats?|participants|attendees|delegates)\b"
        # "Japanese principals at the March talks?"
        rf"|{_TERSE}(?:officials|ministers|principals|participants|attendees"
        r"|delegates|representatives|envoys|leaders|counterparts)\s+(?:at|in|for|from|of)\b"
    ), PERSON),
    # "How far along is X?" asks about progress, not a distance.
    (LazyPattern(
        r"\bhow (much|many|far(?! along)|big|large|often)\b"
        r"|\bwhat (?:(?:total|exact|approximate|overall|combined|annual|dollar|yen) )?"
        r"(percentage|share|number|amount|factor|proportion|ratio|multiple|sum|figure)\b"
        # "Dollar figure Japan agreed to?", "Total troop headcount?": an amount by name
        r"|\b(?:headcount|price tag|(?:dollar|yen|euro) (?:figure|amount|value)"
        r"|(?:funding|spending|troop|staffing) (?:level|figure|total)s?)\b"
        rf"|{_TERSE}(?:number|amount|price|cost|size|count|percentage)s? (?:of|for)\b"
    ), QUANTITY),
    (LazyPattern(
        # (not "When it comes to trade, what ...?": that names a topic)
        rf"{_OPENING}when\b(?!\s+it\s+comes\s+to\b)"
        r"|\b(what|which)( is| was| are| were|'s|’s)?( the| its| their)?"
        r" ((exact|calendar|precise|specific) ){0,2}(year|date|day|month|time)s?\b"
        r"(?!\s+(?:jobs?|trips?|care|off|zones?|shifts?)\b)"  # not "What's their day job?"
        r"|\bhow (soon|long)\b|\bby when\b"  # "how long": "since last March", "two hours"
        rf"|{_TERSE}(?:date|day|year|month|deadline|timing|timeline)s? (?:of|for)\b"
    ), TIME),
    (LazyPattern(
        rf"{_OPENING}why\b|\bfor what reason\b|\bhow (come|so)\b"
        r"|[?.;,\-]\s*(?:and\s+|but\s+)?why\s*\?*\s*$"  # "... in person or online? why?"
        r"|\bwhat (caused|made|led|forced|prompted|drove|pushed|triggered|spurred)\b"
        rf"|{_TERSE}(?:reasons?|causes?|rationale|motives?) (?:for|of|behind)\b"
    ), REASON),
    # "What should the U.S. do?": a sentence that says what someone should do.
    (LazyPattern(r"\bwhat\b.*\b(should|must|ought to|needs? to|has to|have to)\s+([\w.]+\s+){0,3}do\b"), ADVICE),
    (LazyPattern(
        rf"{_OPENING}where\b|\b(which|what|in what) ([\w\-]+ )?(cit(y|ies)|countr(y|ies)|places?|nations?"
        r"|regions?|states|provinces?|towns?|locations?|venues?)\b"
        rf"|{_TERSE}(?:location|venue|site|place)s? (?:of|for)\b"
    ), PLACE),
    # "What is the official name / formal title of X?": a proper name.
    (LazyPattern(
        r"\bwhat(?:'s|’s| is| was| are| were) (the|its|their) ([\w\-]+ ){0,2}(name|title)s?\b"
        r"|\b(?:tell|give) me (the|its|their) ([\w\-]+ ){0,2}(name|title)s?\b"
        rf"|\bwhat (name|names)\b|{CALLING}"  # "What does Beijing call X?"
        rf"|{_TERSE}(?:name|title)s? (?:of|for)\b"
        r"|^\W*[\w.\-]+['’]s (?:own )?(?:name|term)s? for\b"  # "Beijing's name for them?"
    ), NAME),
    # "What did the statement say about X?": the answer is somebody's words, in quotes.
    (LazyPattern(r"\b(say|says|said|state|stated|call|called|describe[sd]?|characteri[sz]e[sd]?|word|words|wording|language|phrase)\b"), WORDING),
)

# "Kishida", "SCC", "2021", and mixed case that only names use ("mRNA", "eBay").
_NAME_LIKE = LazyPattern(
    r"(?<![\w.])(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*|\d[\d,.]*|[A-Z][a-z’'\-]+)(?![\w])"
)


@dataclass(frozen=True)
class Query:
    """A question made ready for search."""

    text: str
    terms: tuple[str, ...]
    kind: str
    # Stems of names, numbers and acronyms the question uses: if the corpus never
    # mentions one, it cannot be what the question is about.
    specific: frozenset[str]
    # Follow-ups: terms carried over from earlier questions (they weigh less), and the
    # words actually searched for, to show the user.
    carried: frozenset[str] = frozenset()
    searched: str | None = None
    # The stem of the thing asked for ("population" in "What is the population of X?",
    # "law" in "Which Chinese law ...?"), unless it is a word that any answer fits
    # ("issues", "name"): an answer must speak of it.
    focus: str | None = None
    # "And at the online one?": words that pick which document or meeting the earlier
    # question is now asked of, rather than what it asks.
    selectors: frozenset[str] = frozenset()
    # ... the names the earlier question insisted on, and those of them that pointed at
    # the earlier one ("the Lyon fair") rather than at what was asked ("about Taiwan").
    former_names: frozenset[str] = frozenset()
    pointers: frozenset[str] = frozenset()
    # Follow-ups: where the previous answer was quoted from (document id, paragraph number,
    # start and end of the quote): "the other meeting" turns away from that document, a
    # bare "Why?" looks past that quote.
    after: tuple[str, int, int, int] | None = None
    # "What does the author conclude?", "... as its subheading says": the part of a
    # document asked about (OPENING, CLOSING, or SUMMARY for either), not a topic.
    part: str | None = None
    # "What about the other meeting?": another document than the previous answer's.
    elsewhere: bool = False
    # "Tell me more", "what does it say after that": the text that follows the last quote.
    onward: bool = False
    # "What else ...?", "Who else ...?": something besides what the last answer quoted.
    besides: bool = False
    # The question as typed, where ``text`` has names capitalized as the documents write
    # them ("what did china say" -> "what did China say"): shown to the user.
    typed: str | None = None
    # Misspelled words and what they were read as ("Tastumi", "Tatsumi"): told to the user.
    respelled: tuple[tuple[str, str], ...] = ()
    # "Did the treaty name Peru?": a yes-or-no question, answered by the sentence that
    # says (or denies) what it asks, not by a kind of thing such as a date.
    polar: bool = False
    # "On what date ...?" (DATE), "In what year ...?" (YEAR): a time question that needs
    # a calendar date or a year, not just any word of time.
    asks: str | None = None
    # Follow-ups: the question before ("What is the editorial's view on ...?").
    former_text: str | None = None
    # "... virtually rather than in person?": terms of what the question sets aside,
    # which an answer need not hold.
    contrasted: frozenset[str] = frozenset()
    # "What did the ministers release after the Tokyo talks?": terms that say which event
    # is meant ("Tokyo talks"), and so may say which document speaks of it.
    described: frozenset[str] = frozenset()
    # "And the U.S.?" after a question about Japan: the earlier names the new one takes
    # the place of; a sentence about them speaks of the earlier subject.
    replaced: frozenset[str] = frozenset()
    # "Which places?", "On what date?": words that say what kind of answer is wanted,
    # searched for only when nothing else is asked (a follow-up has the earlier words).
    asking: frozenset[str] = frozenset()
    # "On economic security, what role ...?": the topic the question opens by setting.
    topic: frozenset[str] = frozenset()
    # "And the second?" after "What was the first reason?": the place of the list item
    # asked for, counted off in the document after the last quote.
    ordinal: int | None = None


OPENING, CLOSING, SUMMARY, HEADING = "opening", "closing", "summary", "heading"
_PIECE = r"(?:article|piece|editorial|column|story|op-?ed|analysis|report|commentary|essay)s?"
_PART_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(
        r"\b(conclu(?:de|des|ded|ding|sion|sions)|closing (?:words?|lines?|paragraph|thoughts?)"
        r"|final (?:words?|lines?|paragraph|thoughts?|point)|(?:end|ends|ended) (?:with|by|on)"
        r"|last (?:words?|lines?|paragraph|thoughts?)|bottom line|wrap(?:s|ped)? up"
        r"|(?:at|in|towards?|near) the (?:very )?end"
        rf"|how (?:does|did) (?:it|the (?:[\w'’\-]+ ){{0,2}}?{_PIECE}) (?:end|close|finish)"
        # "How does Lee end her piece?"
        rf"|(?:end|ends|ended|close|closes|closed|finish|finishes|finished) (?:her|his|their|the)"
        rf" (?:[\w'’\-]+ ){{0,2}}?{_PIECE})\b"
    ), CLOSING),
    (re.compile(
        r"\b(sub-?head(?:ing|line)?s?|sub-?titles?|standfirst|dek|tagline|teaser|lede"
        r"|(?:opening|first) (?:words?|lines?|paragraph|sentence)|(?:open|opens|begin|begins|start|starts) (?:with|by)"
        # "How does Lee open her piece?", "How does the editorial begin?"
        r"|(?:open|opens|opened|begin|begins|began|start|starts|started) (?:her|his|their|the)"
        rf" (?:[\w'’\-]+ ){{0,2}}?{_PIECE}"
        rf"|how (?:does|did) (?:it|the (?:[\w'’\-]+ ){{0,2}}?{_PIECE}) (?:open|begin|start))\b"
    ), OPENING),
    # "the editorial's headline", "the title of Tatsumi's piece" (not "the title of the
    # treaty", a name asked for).
    (re.compile(
        rf"\b(headlines?|titles?(?= of (?:[\w'’\-]+ ){{0,4}}?{_PIECE}\b)"
        rf"|{_PIECE}['’]s titles?)\b"
    ), HEADING),
    (re.compile(
        r"\b(summary|summari[sz]e[sd]?|sum(?:s|med)? up|gist|in a nutshell|main (?:point|argument|message|idea)s?"
        r"|central (?:point|argument|message|claim)|thesis|takeaways?|overall (?:verdict|message|point|view|assessment))\b"
    ), SUMMARY),
)


def asked_part(question: str) -> tuple[str | None, frozenset[str]]:
    """The part of a document the question asks about, and the words that said so."""
    lowered = question.lower()
    asked: str | None = None
    said: set[str] = set()
    for pattern, part in _PART_CUES:
        found = [m.group(1) for m in pattern.finditer(lowered)]
        if found:
            # "the overall verdict, as its subheading states": the first cue says which
            # part; any other also only says how the question points at it.
            asked = asked or part
            said.update(stem(w) for text in found for w in words(text))
    return asked, frozenset(said)


def answer_kind(question: str) -> str:
    lowered = question.lower()
    request = _REQUEST.match(lowered)
    if request:
        lowered = lowered[request.end() :]  # "Explain why X" asks "why X"
    clause = _OPENING_CLAUSE.match(lowered)
    if clause:
        lowered = lowered[clause.end() :]  # "When X happens, what ...?" asks "what"
    elif not _WH_NEAR_OPENING.search(lowered):
        # "The meetings differed - where was the March one held?": the question is the
        # first clause that opens with a question word, after the ones that set it up
        # (but "On what date ..., and what ...?" asks first for a date).
        asking = _ASKING_CLAUSE.search(lowered)
        if asking:
            lowered = lowered[asking.end() :]
    for pattern, kind in _KIND_CUES:
        if pattern.search(lowered):
            return kind
    return OTHER


# "Explain why ...", "Could you tell me when ...?", "I wonder who ...": a request
# that wraps a question-word question.
_REQUEST = LazyPattern(
    r"^\W*(?:(?:please|ok|okay|so)\W+)?(?:(?:can|could|would|will) you\s+(?:please\s+)?)?"
    r"(?:please\s+)?(?:explain|tell (?:me|us)|describe|show (?:me|us)|remind (?:me|us)|clarify"
    r"|(?:do|does) (?:you|anyone|anybody) know|i (?:wonder|want to know|need to know"
    r"|would like to know|['’]d like to know)|i(?:['’]m| am) (?:curious|wondering)(?: about)?)"
    r"\s+(?=(?:who|whom|whose|what|when|where|why|how|which)\b)"
)
_WH_NEAR_OPENING = LazyPattern(
    r"^\W*(?:(?:[\w'’]+\s+)?(?:who|whom|whose|what|when|where|why|how|which)|is|are|was|were|do|does|did)\b"
)
_ASKING_CLAUSE = LazyPattern(
    r"(?:[,;:\u2013\u2014]|\s-\s)\s*(?:(?:and|but|so|then)\s+)?"
    r"(?=(?:what|which|who|whom|whose|where|why|how|when)\b)"
)


# "When a new government takes office, what do observers watch?": a clause that sets the
# scene, then the question itself.
_OPENING_CLAUSE = LazyPattern(
    r"^\W*(?:when|whenever|once|if|after|before|while)\b[^,?]*,\s*"
    r"(?=(?:what|which|who|whom|whose|where|why|how|when)\b)"
)


# Titles are capitalized before a name ("Prime Minister Kishida") but name no one.
TITLE_WORDS = frozenset(
    """
    prime premier minister ministers secretary secretaries president presidents vice deputy
    ambassador senator chancellor governor mayor king queen prince princess emperor general
    admiral chairman chairwoman chair director chief professor leader leaders spokesman
    spokeswoman spokesperson sir mr mrs ms dr
    """.split()
)


def specific_terms(question: str) -> frozenset[str]:
    """Stems of the capitalized names, acronyms and numbers a question mentions.

    The question's first word is skipped (it is capitalized only because it comes first),
    and so are titles ("Prime Minister") and lower-case words hyphenated to a name.
    """
    found: set[str] = set()
    first = re.match(r"\W*\w+", question)
    body = question[first.end() :] if first else question
    for match in _NAME_LIKE.finditer(body):
        # "Kishida-era": the name, not the lower-case word joined to it.
        parts = [p for p in match.group(0).split("-") if p[:1].isdigit() or not p.islower()]
        for w in words(" ".join(parts)):
            if w != US_TOKEN and len(w) > 1 and w not in TITLE_WORDS:
                found.add(stem(w))
    return frozenset(found)


_AUXILIARY = (
    r"(?:is|are|was|were|did|does|do|will|would|can|could|should|must|has|have|had|might|may)"
)
_PREPOSITION = r"(?:of|in|for|about|that|which|on|at|to|from|between|with|behind|under|by)"
_WORD_FORM = r"[\w'’+\-]+"
_IRREGULAR_PAST = (
    r"(?:ran|wrote|made|took|gave|said|put|got|went|came|saw|found|led|held|met|sent|brought"
    r"|began|won|paid|told|kept|left|built|chose|drew|grew|knew|spoke|broke|became|sold|struck"
    r"|fought|thought|sought|caught|rose|fell|flew|drove|spent|heard|stood|lost|bore|shot|hit)"
)
# These four are compiled at once, unlike the module's other patterns: focus_term tells
# which of them matched by identity (``match.re is _WHAT_IS``).
# "Which [of the two] Chinese law did ...", "What economic issues does ...": the noun
# phrase between the question word and the verb; its last word is the head.
_WHICH_NOUN = re.compile(
    rf"^\W*(?:which|what)\s+(?!{_AUXILIARY}\b)(?:of\s+the\s+\w+\s+)?"
    # "which new piece of Chinese legislation": the head is what the piece is of.
    # (And "which two sets of capabilities": what the set is of.)
    rf"(?:(?:\w+\s+)?(?:piece|pieces|kind|kinds|type|types|sort|sorts|form|forms|bit|item|items"
    rf"|set|sets|group|groups|pair|pairs|class|classes|categor(?:y|ies)|line|lines)\s+of\s+)?"
    rf"((?:(?!{_PREPOSITION}\b|{_AUXILIARY}\b){_WORD_FORM}\s+){{0,3}}?)"
    # ... up to an auxiliary, a preposition or a past-tense verb ("Which newspaper published",
    # "Which newspaper ran the editorial").
    rf"((?!{_PREPOSITION}\b){_WORD_FORM})\s+"
    rf"(?:{_AUXILIARY}\b|{_PREPOSITION}\b|(?:[a-z]{{3,}}ed|{_IRREGULAR_PAST})"
    rf"\s+(?:the|a|an|its|their|this|these|those|{_PREPOSITION})\b)",
    re.IGNORECASE,
)
# "What is the population of Taiwan?", "What is China's defense budget in dollars?"
_WHAT_IS = re.compile(
    rf"^\W*what(?:\s+(?:is|are|was|were)|['’]s)\s+((?:{_WORD_FORM}\s+){{0,4}}?)({_WORD_FORM})"
    rf"(?:\s+{_PREPOSITION}\b|\s*[?.!]*\s*$)",
    re.IGNORECASE,
)
# Heads that any answer fits, or that say how to answer rather than what about.
LIGHT_FOCUS = frozenset(
    """
    name names title titles topic topics issue issues matter matters thing things aspect
    aspects example examples point points area areas way ways kind kinds type types sort
    part parts role roles step steps detail details fact facts information view views
    position positions stance question questions subject subjects reason reasons one ones
    wording words word language phrase phrases term terms message messages content contents
    idea ideas sense meaning case cases lesson lessons option options difference differences
    people person persons countries country nations nation places place time times year
    years date dates day days number numbers amount amounts category categories form forms
    """.split()
)


# What "how many" may count without the answer saying so in a number ("since 2007").
_COUNTED_LIGHT = frozenset("times ones things people persons years months weeks days ways".split())

# "How many nuclear tests ...": the first plural among the next words is what is counted.
_HOW_MANY = re.compile(
    rf"^\W*how\s+many\s+((?:(?!{_AUXILIARY}\b)[\w.\-]+\s+){{0,2}}?)"
    rf"((?!{_AUXILIARY}\b|u\.?s\b)[\w\-]+s)\b",  # "How many US troops": not "US"
    re.IGNORECASE,
)
# "How much money does ...": what is being measured.
_HOW_MUCH = re.compile(
    rf"^\W*how\s+much\s+((?:(?!{_PREPOSITION}\b|{_AUXILIARY}\b){_WORD_FORM}\s+){{0,2}}?)"
    rf"((?!{_PREPOSITION}\b){_WORD_FORM})\s+(?:{_AUXILIARY}|{_PREPOSITION})\b",
    re.IGNORECASE,
)


def focus_term(question: str) -> str | None:
    """The stem of the head noun of what ``question`` asks for, if it has a telling one."""
    match = _WHICH_NOUN.match(question) or _WHAT_IS.match(question) or _HOW_MANY.match(question)
    match = match or _HOW_MUCH.match(question)
    if not match:
        return None
    head = match.group(2).lower().strip("'’")
    before = match.group(1).split()
    if match.re is _WHICH_NOUN and before and len(head) > 4 and head.endswith("ed"):
        head = before[-1].lower()  # "Which officials traveled to ...": a verb, not the head
    if match.re is _WHAT_IS and not before:
        return None  # "What was special about the trip?": a quality, not a thing asked for
    forms = words(head)
    # "How many cases?" counts cases: only a few heads count nothing in particular.
    light = _COUNTED_LIGHT if match.re is _HOW_MANY else LIGHT_FOCUS
    if len(forms) != 1 or forms[0] in light or forms[0] in STOPWORDS:
        return None
    return stem(forms[0])


# "On what date", "in which exact calendar year": the time asked for, and how precisely.
_WHAT_TIME = LazyPattern(
    r"\b(?:what|which)(?:['’]s)?\s+(?:[\w'’]+\s+){0,4}?(date|day|year|month|time)s?\b"
)
_TERSE_TIME = LazyPattern(rf"{_TERSE}(date|day|year|month|time)s? (?:of|for)\b")
_HOW_SOON = LazyPattern(r"\bhow (soon|long)\b")
DATE, YEAR = "date", "year"
PERSONAL_NAME = "personal name"
# ("full name" is asked of a committee as well as of a person)
_PERSONAL_NAME = LazyPattern(
    r"\b(?:first|given|last|family|middle)\s+names?\b|\bsurnames?\b", re.IGNORECASE
)
_PERSONAL_NAME_WORDS = frozenset(
    stem(w) for w in "first given last family middle name names surname surnames".split()
)
_NAME_ASKING = frozenset(
    # ... and "What name does Beijing use for X?", "What name was it given?"
    stem(w)
    for w in """name names title titles formal official full proper call calls use uses used
    give gives given""".split()
)


# "Can you tell me who ...?", "Do you know when ...?", "I'd like to know why ...": a
# question asked indirectly; what follows the lead-in is the question.
_LEAD_IN = LazyPattern(
    r"^\W*(?:(?:please|so|ok|okay|hi|hello|hey)\W+)*"
    r"(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:tell|show|explain\s+to)\s+me"
    r"|(?:do|does)\s+(?:you|anyone)\s+know|i(?:'d|’d|\s+would)\s+like\s+to\s+know"
    r"|i\s+want\s+to\s+know|i\s+(?:wonder|am\s+wondering)|i(?:'m|’m)\s+wondering"
    r"|(?:please\s+)?tell\s+me)"
    r"\W*(?=(?:who|whom|whose|what|when|where|why|how|which)\b)",
    re.IGNORECASE,
)


# "whats", "wheres": a contraction typed without its apostrophe.
_BARE_CONTRACTION = LazyPattern(r"\b(what|where|who|when|why|how|that|there)s\b", re.IGNORECASE)


def with_apostrophes(question: str) -> str:
    """``question`` with contractions typed without their apostrophe written in full
    ("whats the name" -> "what's the name")."""
    return _BARE_CONTRACTION.sub(r"\1's", question)


def without_lead_in(question: str) -> str:
    """``question`` without a lead-in that asks it indirectly ("Can you tell me who
    attended?" -> "who attended?"); unchanged when it has none."""
    match = _LEAD_IN.match(question)
    return question[match.end() :] if match else question


# "How does X differ from Y?", "compared with earlier ones": a comparison asked for.  Its
# words say what kind of answer, not what it is about.
COMPARISON_ASKED = LazyPattern(
    r"\b(?:differ(?:s|ed|ent|ence)?|compar(?:e|es|ed|ing)|contrast(?:s|ed)?|unlike|versus|vs)\b",
    re.IGNORECASE,
)
# "Whose move is it now?", "Who has to step up?": a question of whose task something is.
# Its words ("move", "step up") ask for the one whose turn it is; they are not its topic.
DUTY_ASKED = LazyPattern(
    r"\bwhose (job|move|turn|responsibility|task|duty|court)\b"
    r"|\bwho (?:has|needs|must|ought|should|is expected)(?: to)? (step up|act|move|lead|do|play|take)\b"
    r"|\bwho(?:['’]s| is) (responsible)\b",
    re.IGNORECASE,
)

# "What's the catch?", "Any caveat?", "On what condition?": what limits or qualifies
# what was said.  Its words ask for a kind of answer; they are not its topic.
CAVEAT_ASKED = LazyPattern(
    r"\b(?:the|a|any) (catch|hitch|downside|drawback|flip side)\b|\b(caveats?|conditions?)\b"
    r"|\b(strings) attached\b",
    re.IGNORECASE,
)


# "How did Tokyo feel about the meeting?", "Did it put Tokyo's mind at ease?": a state of
# mind, which the text names in its own words ("reassuring", "concern").  The words
# asking are not the topic.
FEELING_ASKED = LazyPattern(
    r"\bhow\b[^?.!]*?\b(feel|feels|felt|feeling|feelings)\b|\b(mood|sentiment|mindset)\b"
    r"|\b(minds?) at ease\b",
    re.IGNORECASE,
)


# "Who came from the U.S. side?", "What did each side want?": a side is a party to the
# talks, named by the country before it; "side" is not a word the answer would use.
_SIDE = LazyPattern(r"\b([\w.]+)\s+sides?\b", re.IGNORECASE)
_SIDE_PICKING = frozenset({"each", "either", "both", "other", "one", "opposite"})


def _party_sides(question: str, tokenizer: Tokenizer) -> bool:
    """Whether ``question`` speaks of a side in talks: "the Japanese side", "each side"."""
    for m in _SIDE.finditer(question):
        before = m.group(1)
        if before.lower() in _SIDE_PICKING or any(
            map(is_country, tokenizer.terms(before, question=True))
        ):
            return True
    return False


def _set_aside(terms: tuple[str, ...], asking: Collection[str]) -> tuple[str, ...]:
    """``terms`` without the words that only say how the question asks, unless nothing
    else would be left to search for."""
    kept = tuple(t for t in terms if t not in asking)
    return kept or terms


def parse(question: str, tokenizer: Tokenizer) -> Query:
    terms = tuple(dict.fromkeys(tokenizer.terms(question, question=True)))
    aside: set[str] = set()

    def set_aside(words: Collection[str]) -> tuple[str, ...]:
        aside.update(t for t in terms if t in words)
        return _set_aside(terms, words)

    focus = focus_term(question)
    kind = answer_kind(question)
    if kind == NAME:
        # "What is the formal title of X?": the words asking for a name are not its topic.
        terms = tuple(t for t in terms if t not in _NAME_ASKING)
    lowered = question.lower()
    asking = (_WHAT_TIME.search(lowered) or _TERSE_TIME.search(lowered)) if kind == TIME else None
    asks = {"date": DATE, "day": DATE, "year": YEAR}.get(asking.group(1)) if asking else None
    if asking:
        # "On what date was the meeting?": "date" says what kind of answer, not its topic.
        terms = set_aside({stem(asking.group(1))})
    how_soon = _HOW_SOON.search(lowered) if kind == TIME else None
    if how_soon:
        # "How soon after the summit did they meet?": "soon" asks for a time, and "so soon
        # after the summit" in the text does not give one.
        terms = set_aside({stem(how_soon.group(1))})
    if _PERSONAL_NAME.search(question):
        # "What is Kishida's first name?": a person's name in full is the answer.
        asks = PERSONAL_NAME
        terms = set_aside(_PERSONAL_NAME_WORDS)
    placing = _PLACE_WORD.search(question) if kind == PLACE else None
    if placing:
        # "Which place in Japan is named in connection with X?": "place" and "named" say
        # what kind of answer, not what it speaks of ("take place", "to name a few").
        terms = set_aside({stem(placing.group(1).lower()), *_NAMING_WORDS})
    comparing = [m.group(0) for m in COMPARISON_ASKED.finditer(question)]
    if comparing and not CHOOSING.search(question):
        terms = set_aside(tokenizer.terms(" ".join(comparing), question=True))
    caveat = CAVEAT_ASKED.search(question)
    if caveat:
        terms = set_aside(tokenizer.terms(caveat.group(caveat.lastindex or 0), question=True))
    if _party_sides(question, tokenizer):
        terms = set_aside({stem("side")})
    feeling = FEELING_ASKED.search(question)
    if feeling:
        terms = set_aside(tokenizer.terms(feeling.group(feeling.lastindex or 0), question=True))
    duty = DUTY_ASKED.search(question)
    if duty:
        terms = set_aside(tokenizer.terms(duty.group(0), question=True))
        if kind == PERSON:
            kind = OTHER  # whose turn it is may be a country's ("it is up to Japan")
    choosing = CHOOSING.search(question)
    if choosing:
        # "Which of the two meetings was held online?": the number counts the things to
        # choose between, not what the answer speaks of ("the two countries"); nor is
        # "comparing" in "Comparing the two, which ...?" a comparison asked for.
        terms = set_aside({stem(w) for w in words(choosing.group(0).lower())})
    part, part_words = asked_part(question)
    if part is not None:
        # "the author's conclusion": where to look, not what to look for.
        # (Not asking words: a follow-up to it still looks in that part.)
        terms = _set_aside(terms, part_words)
    return Query(
        text=question,
        terms=terms,
        kind=kind,
        specific=specific_terms(question) & set(terms),
        # "Which American officials ...?", "Which three states ...?": who- and where-
        # questions judge their answer by the names it gives, not by their head noun.
        # (Not a word set aside as asking: "What's the catch?" asks for no catch.)
        focus=(
            focus if focus in set(terms) - aside and kind not in (PERSON, PLACE, REASON) else None
        ),
        part=part,
        besides=_BESIDES.search(question.lower()) is not None,
        polar=_POLAR.search(question.lower()) is not None,
        asks=asks,
        contrasted=_contrasted(question, tokenizer) & set(terms),
        described=_described(question, tokenizer) & set(terms),
        asking=frozenset(aside),
        topic=_topic(question, tokenizer) & set(terms),
    )


# "On economic security, ...", "When it comes to trade, ...": a topic set before the
# question asks about it (not "On March 16, ...", a date).
_TOPIC_OPENING = LazyPattern(
    r"^\W*(?:on|regarding|concerning|as for|as to|when it comes to|in terms of|with regard to"
    r"|with respect to|on the (?:subject|topic|issue|question|matter) of)\s+([^,?;:]+)[,;:]",
    re.IGNORECASE,
)


def _topic(question: str, tokenizer: Tokenizer) -> frozenset[str]:
    """The terms of the topic the question opens with, if it opens with one."""
    found = _TOPIC_OPENING.match(question)
    if found is None or re.search(r"\d", found.group(1)):
        return frozenset()
    terms = tokenizer.terms(found.group(1), question=True)
    return frozenset() if any(is_date(t) for t in terms) else frozenset(terms)


# "the online meeting", "the 2021 Tokyo talks", "the Kishida government's first 2+2":
# a determiner, up to five words, and a noun for an event.
_EVENT_WORDS = frozenset(
    "meeting meetings talks summit summits session sessions conference conferences"
    " dialogue consultation consultations negotiations gathering forum visit trip".split()
)
_EVENT_NOUNS = frozenset(map(stem, _EVENT_WORDS))
_DETERMINERS = frozenset("the this that these those".split())
# "the previous meeting", "the first summit": where the event stands among others, which
# may be just what is asked ("When was the previous 2+2?").
_RELATIVE = frozenset(
    map(stem, "previous last next first second third latest recent earlier later upcoming former same".split())
)


# Per tokenizer (whose aliases are fixed when it is made): read once, not per question.
_EVENT_NAMES: weakref.WeakKeyDictionary[Tokenizer, frozenset[str]] = weakref.WeakKeyDictionary()


def event_names(tokenizer: Tokenizer) -> frozenset[str]:
    """The short names the corpus gives an event: "2+2" and "SCC", aliases of a "Security
    Consultative Committee" whose spelled-out name holds an event noun."""
    found = _EVENT_NAMES.get(tokenizer)
    if found is None:
        events = {c for phrase, c in tokenizer.aliases.items() if _EVENT_NOUNS & set(phrase)}
        for phrase, canonical in tokenizer.aliases.items():
            if canonical in events and len(phrase) == 1:
                events.add(phrase[0])
        found = _EVENT_NAMES[tokenizer] = frozenset(events)
    return found


def event_nouns(tokenizer: Tokenizer) -> frozenset[str]:
    """Stems of the nouns for an event and of the corpus's names for one."""
    return _EVENT_NOUNS | event_names(tokenizer)


def _described(question: str, tokenizer: Tokenizer) -> frozenset[str]:
    """Terms of the phrases that pick out an event ("the online meeting", "the virtual
    one"), not counting the words that place it among others ("previous")."""
    found = re.findall(r"[\w'’+.\-]+", joined_sums(question))
    names: frozenset[str] | None = None
    out: set[str] = set()
    for i, word in enumerate(found):
        if word.lower() not in _DETERMINERS:
            continue
        for j in range(i + 1, min(i + 7, len(found))):
            w = found[j].lower()
            if w in ("one", "ones"):
                out.update(tokenizer.terms(" ".join(found[i + 1 : j]), question=True))
                break
            if w in STOPWORDS or w in _DETERMINERS:
                break
            if names is None:
                names = event_names(tokenizer)
            head = set(tokenizer.terms(w, question=True))
            bare = re.sub(r"['’]s?$", "", w)  # "the online meeting's document"
            if j > i + 1 and (bare in _EVENT_WORDS or head and head <= names):
                out.update(tokenizer.terms(" ".join(found[i + 1 : j + 1]), question=True))
                break
    return frozenset(out) - _RELATIVE


# "rather than in person", "instead of face to face", "in contrast to the online one",
# "unlike the online one": up to the end of the clause.
_CONTRAST = LazyPattern(
    r"\b(?:rather than|instead of|as opposed to|in contrast (?:to|with)|unlike)\b([^,;:?!]*)",
    re.IGNORECASE,
)


# "Which place in Japan is named ...?": words that ask for a place, not what it is about.
_PLACE_WORD = LazyPattern(
    r"\b(?:which|what)\s+(?:\w+\s+)?(place|location|spot|site|locale|part)s?\b", re.IGNORECASE
)
_NAMING_WORDS = frozenset(stem(w) for w in "name names named naming".split())
# "Which of the two ...", "comparing the three ...": a choice among things counted.
CHOOSING = LazyPattern(
    r"\b(?:of|comparing|between|each of|both of) (?:the|these|those) (two|three|four)\b",
    re.IGNORECASE,
)


def _contrasted(question: str, tokenizer: Tokenizer) -> frozenset[str]:
    """Terms the question names only to set them aside ("... rather than in person")."""
    found: set[str] = set()
    for match in _CONTRAST.finditer(question):
        found.update(tokenizer.terms(match.group(1), question=True))
    rest = _CONTRAST.sub(" ", question)
    return frozenset(found - set(tokenizer.terms(rest, question=True)))


_BESIDES = LazyPattern(r"\b(?:else|besides|another|apart from that|other than that|in addition)\b")
_POLAR = LazyPattern(
    r"^\W*(?:yes or no\W*)?(?:(?:and|but|so|then)\s+)?"
    r"(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must"
    r"|isn't|aren't|wasn't|weren't|don't|doesn't|didn't)\b"
)


_FOLLOW_UP_OPENING = LazyPattern(r"^\W*(and|but|also|so|then|what about|how about|what of)\b")
# Pronouns that stand for something named before; both patterns below start from them.
_PRONOUNS = "it|its|they|them|their|he|she|him|his|her|this|these|those"
# Words that lean on the conversation: those pronouns, and "there", "the same one", ...
_REFERRING = LazyPattern(
    rf"\b({_PRONOUNS}|there|one|ones|same|latter|former|similar|similarly|likewise)\b"
)
# Words of a question that point back at the conversation in a short question but mostly
# within the question in one with this many terms of its own; "it", "they", "he" and the
# like point back whatever the length.
_STANDS_ALONE = 5
_POINTING_WITHIN = frozenset("these those this its their one ones there".split())
# Pronouns that stand for a name said before them in the same question: one name (a
# capitalized word past the first) for "it" or "his", two joined by "and" for "they".
_STANDING_FOR = (
    ("it its he his him she her", LazyPattern(r"(?<=\s)[A-Z][A-Za-z.\-]+")),
    ("they them their", LazyPattern(r"\b[A-Z][A-Za-z.\-]+ and [A-Z][A-Za-z.\-]+")),
)
_WH_OPENING = LazyPattern(r"^\W*(who|whom|whose|what|when|where|why|how|which|is|are|was|were|do|does|did)\b")


def is_follow_up(question: str, query: Query) -> bool:
    """Whether ``question`` leans on the conversation: "And the 2022 one?", "Who attended
    it?", "What about Taiwan?", or a bare fragment such as "North Korea?"."""
    lowered = question.lower()
    referring = {m.group(1) for m in _REFERRING.finditer(lowered)}
    if len(query.terms) >= _STANDS_ALONE and referring <= _POINTING_WITHIN:
        # "What does Japan have to do to reinforce its alliance?", "Why are these new
        # missiles a headache?": in a question this full, such words point within it.
        referring = set()
    if referring and _stand_for_names_before(question, referring):
        referring = set()
    if _FOLLOW_UP_OPENING.search(lowered) or referring or _OTHER.search(lowered):
        return True
    if re.search(r"\belse\b", lowered):
        return True  # "What else did the editorial say about China?"
    if _THAT.search(lowered) and not _SAYING_THAT.search(lowered) and len(query.terms) <= 3:
        return True  # "Was that a first?", "How long has that group been meeting?"
    if _POINTING_BACK.search(lowered):
        return True  # "What role should they play on that?", "Why was it sensitive back then?"
    caveat = CAVEAT_ASKED.search(question)
    if caveat and {stem(w) for w in words(caveat.group(0))} >= set(query.terms):
        return True  # "What's the catch?", "Any conditions?": of what was just said
    return len(query.terms) <= 2 and not _WH_OPENING.search(lowered)


def _stand_for_names_before(question: str, pronouns: set[str]) -> bool:
    """Whether ``pronouns`` stand for names said before them in ``question``: "Did Tokyo
    say it would ...?", "Will Biden be as tough as his predecessor?", "Where did Blinken
    and Austin go after they left Tokyo?" -- but not as the object that ends the question
    ("Is Washington doing it?")."""
    lowered = question.lower()
    for sort, names in _STANDING_FOR:
        if not pronouns <= set(sort.split()):
            continue
        spots = [m.span() for m in re.finditer(rf"\b(?:{sort.replace(' ', '|')})\b", lowered)]
        named_before = names.search(question, 0, spots[0][0]) is not None
        return named_before and bool(lowered[spots[-1][1] :].strip(" ?!.,"))
    return False


# "that" points back in a short question; in a long one it is more often a conjunction,
# as it is after a verb of saying or thinking in any ("Do both argue that ...?").
_THAT = LazyPattern(r"\bthat\b")
_SAYING_THAT = LazyPattern(
    r"\b(?:say|says|said|argue[sd]?|think|thinks|thought|believe[sd]?|claim(?:s|ed)?"
    r"|suggest(?:s|ed)?|mean|means|meant|show(?:s|ed|n)?|agree[sd]?|note[sd]?|hope[sd]?"
    r"|insist(?:s|ed)?|warn(?:s|ed)?|stress(?:es|ed)?|conclude[sd]?|know|knows|knew"
    r"|feel|feels|felt|worry|worries|worried|fear(?:s|ed)?) that\s+\w"  # not "Who said that?"
)
# "on that", "about this", "back then", "at the time", "on that front": words that point
# back whatever the question's length.
_POINTING_BACK = LazyPattern(
    r"\b(?:on|about|with|of|after|before|for|to|from|by|than|like) (?:that|this)\W*$"
    r"|\b(?:back then|at that time|at the time|since then|until then|by then)\b|\bthen\W*$"
    # a word that only stands for the topic before
    r"|\b(?:that|this|those|these) (?:front|area|field|regard|respect|score|count|topic"
    r"|subject|matter|sphere|domain|arena|issues?|points?)\b"
)
# "What about the other meeting?": the earlier question, asked of another document.
# ("Was it the first one under Biden?" says which it was; "And the second one?" points.)
_OTHER = LazyPattern(
    r"\bthe other\b|\b(?:about|and|in|at|from|to|of) the (?:second|first) one\b"
    r"(?!\s+(?:under|since|for|of|held|with|after|before|in|by|ever)\b)"
)
# Pronouns that stand for what the earlier question named, and a "there" that ends the
# question ("What outcome is Washington after there?").
_PRONOUN = LazyPattern(rf"\b({_PRONOUNS}|that)\b|\bthere\W*$")


_OTHER_NOUN = LazyPattern(r"\bthe other(?:\s+[\w+\-]+)?", re.IGNORECASE)
_ASKS_OWN = LazyPattern(r"\b(?:what|which|who|whom|whose|when|where|why|how)\b(?!\s+(?:about|of)\b)")
_THE_OTHER_ONE = LazyPattern(
    r"\bthe\s+(?!(?:first|second|last|only|same)\s+ones?\b)(?:[\w+\-]+\s+){1,3}ones?\b", re.IGNORECASE
)


def _pointing_apart(
    query: Query, pointing: list[str], tokenizer: Tokenizer
) -> tuple[set[str], tuple[str, ...]]:
    """The terms of the words that point at a document ("the other meeting", "the online
    one"), and the question's other terms: what it asks."""
    words_pointing = {t for text in pointing for t in tokenizer.terms(text, question=True)}
    return words_pointing, tuple(t for t in query.terms if t not in words_pointing)


def with_context(
    query: Query,
    previous: Query,
    tokenizer: Tokenizer,
    document_names: Collection[str] = (),
) -> Query:
    """``query`` widened by the previous question's terms, which weigh less.

    A name or number in the new question replaces the previous question's names or numbers
    ("And the 2022 one?" after a question about 2021 drops 2021), so the follow-up asks
    about the new thing in the old frame.  What only the follow-up itself can say (its
    names, "what else", the part of a piece it asks about) stays as parsed.  A name in
    ``document_names`` ("And the Diplomat piece?") picks a document and replaces nothing.
    """
    lowered = query.text.lower()
    new_numbers = any(t[0].isdigit() for t in query.specific)
    # "What does Beijing call them?": a pronoun stands for the earlier names, so a new
    # name is added to them; "And Beijing?" puts the new name in the old one's place --
    # in the place of a name of its sort when there is one ("And the US?" after "Who
    # represented Japan at the March 2+2?" replaces Japan, not March).
    new = {t for t in query.specific if not t[0].isdigit() and t not in document_names}
    if US_TOKEN in query.terms:
        new.add(US_TOKEN)
    if _PRONOUN.search(lowered):
        new = set()
    old = {t for t in previous.specific if not t[0].isdigit()}
    # ("What about the U.S. side?" asks no question of its own.)
    if new and old and not _ASKS_OWN.search(lowered):
        # "What is the Hale government planning for its National Energy Strategy? And the
        # U.S.?": the U.S. takes the place of Hale, not of the strategy's title, which
        # names what is asked about.
        old = (old - _titled_names(previous.text)) or old
        same_sort = {t for t in old if _name_sort(t) in {_name_sort(n) for n in new}}
        old = same_sort or old  # a question of its own ("What must Japan do?") drops all
    # "What does Tatsumi say ...? What about the editorial?": a document the follow-up
    # names takes the place of one the earlier question named.
    naming = [w for w in words(query.text) if stem(w) in document_names]
    carried = []
    replaced = set()
    for t in previous.terms:
        if t in query.terms or (naming and t in document_names):
            continue
        if t in previous.specific and new_numbers and t[0].isdigit():
            continue
        if new and t in old:
            replaced.add(t)
            continue
        carried.append(t)
    kind = query.kind
    if kind == OTHER and not _ASKS_OWN.search(lowered):
        # "And the editorial?" after "When ...?" asks "when" too; "And what concept did
        # they invent?" asks its own question.
        if not _WH_OPENING.search(lowered) or _FOLLOW_UP_OPENING.search(lowered):
            kind = previous.kind
    if not carried:
        names_only = bool(naming) and set(query.terms) <= set(document_names)
        if previous.part is not None and query.part is None and names_only:
            # "What is the Diplomat piece's headline? And the editorial's?": the same part
            # of the piece the follow-up names.
            return replace(query, part=previous.part, kind=previous.kind)
        return query
    own = _surface(query.text, query.terms, tokenizer)
    context = _surface(previous.text, tuple(carried), tokenizer)
    elsewhere = _OTHER.search(lowered) is not None
    asking = query.terms
    if elsewhere:
        # "... the other meeting, the online one -- what military trend was it worried
        # about?": the words that point at the other one are not what it asks.
        pointing = [m.group(0) for p in (_OTHER_NOUN, _THE_OTHER_ONE) for m in p.finditer(query.text)]
        _, asking = _pointing_apart(query, pointing, tokenizer)
    asks_own = bool(asking) and _ASKS_OWN.search(lowered) is not None
    if elsewhere and (query.kind != OTHER or asks_own) and own:
        # "And in the other article, what date was the meeting?": a question of its own,
        # asked of the other document, with the earlier words as context -- not the
        # earlier names and years, which picked out the earlier one.
        carried = [t for t in carried if t not in previous.specific]
        context = _surface(previous.text, tuple(carried), tokenizer)
        terms = asking or query.terms
        own = _surface(query.text, terms, tokenizer)
        return replace(
            query,
            terms=terms + tuple(carried),
            carried=frozenset(carried),
            elsewhere=True,
            searched=f"{' '.join(own)} (in the other one, with {' '.join(context)} from before)",
        )
    selecting = None if elsewhere else _THE_OTHER_ONE.search(query.text)
    if selecting:
        # "What about the March one -- which law did it cite?": a question of its own,
        # asked of the one these words point to (they choose it; they are not asked).
        pointing_words, asking = _pointing_apart(query, [selecting.group(0)], tokenizer)
        rest = query.text[: selecting.start()] + " " + query.text[selecting.end() :]
        if asking and pointing_words and _ASKS_OWN.search(rest.lower()):
            carried = [t for t in carried if t not in previous.specific]
            context = _surface(previous.text, tuple(carried), tokenizer)
            own = _surface(query.text, asking, tokenizer)
            chosen = _surface(query.text, tuple(pointing_words), tokenizer)
            return replace(
                query,
                terms=asking + tuple(pointing_words) + tuple(carried),
                carried=frozenset(carried),
                selectors=frozenset(pointing_words),
                searched=(
                    f"{' '.join(own)} (in the {' '.join(chosen)} one, with {' '.join(context)} from before)"
                    if context
                    else f"{' '.join(own)} (in the {' '.join(chosen)} one)"
                ),
            )
    if elsewhere or selecting:
        # The earlier question, asked again of the one these words point to.  Shown
        # without the dates that picked out the earlier one, which the search drops, and
        # without the words that named the part it asked about ("How does the editorial
        # end? And the other piece?"): the part itself is asked of the other one.
        the_part: list[str] = []
        if query.part is None and previous.part is not None:
            part_words = asked_part(previous.text)[1]
            carried = [t for t in carried if t not in part_words]
            the_part = [f"the {previous.part}"]
        shown = tuple(t for t in carried if not (elsewhere and is_date(t)))
        context = _surface(previous.text, shown, tokenizer) or the_part
        return replace(
            query,
            terms=tuple(carried) + query.terms,
            kind=previous.kind,
            selectors=frozenset(query.terms),
            former_names=frozenset(carried) & previous.specific,
            pointers=frozenset(carried) & _pointing_names(previous),
            focus=previous.focus,
            part=query.part or previous.part,  # "What's its headline? And the other one's?"
            elsewhere=elsewhere,
            asks=query.asks or previous.asks,
            polar=previous.polar,
            searched=(
                f"{' '.join(context)} (in the other {' '.join(own) or 'one'})"
                if elsewhere
                else f"{' '.join(context)} (in the {' '.join(own)} one)"
            ),
        )
    # "Which places?" after a question about the bases: the earlier words say what to
    # look for, so "places" is no longer searched ("took place").
    asked = tuple(t for t in query.terms if t not in query.asking)
    if asked != query.terms:
        own = _surface(query.text, asked, tokenizer)
    return replace(
        query,
        terms=asked + tuple(carried),
        kind=kind,
        carried=frozenset(carried),
        asks=query.asks or (previous.asks if kind == previous.kind else None),
        replaced=frozenset(replaced),
        former_text=previous.text,
        searched=(
            f"{' '.join(own)} (with {' '.join(context)} from before)"
            if own
            else f"{' '.join(context)} (in the {' '.join(naming)})"
            if naming
            else f"{' '.join(context)} (from before)"
        ),
    )


MONTH_STEMS = frozenset(stem(m) for m in MONTH_NAMES)


def is_date(term: str) -> bool:
    """Whether ``term`` is a year ("2021") or a month's stem ("march")."""
    return re.fullmatch(YEAR_PATTERN, term) is not None or term in MONTH_STEMS


# A run of capitalized words: "National Security Strategy", "Antony Blinken".
CAPITALIZED_RUN = LazyPattern(r"\b[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)+")


def _titled_names(text: str) -> set[str]:
    """Stems of the names in ``text`` made of common words ("National Security Strategy",
    "Coast Guard"): the title of a thing, not a person or a country."""
    lexicon = shared_lexicon()
    titled: set[str] = set()
    for match in CAPITALIZED_RUN.finditer(text):
        stems = [stem(w) for w in words(match.group(0)) if w not in STOPWORDS]
        if len(stems) >= 2 and all(
            lexicon.related(t) and not is_country(t) for t in stems
        ):
            titled.update(stems)
    return titled


def is_country(term: str) -> bool:
    """Whether ``term`` names a country or its capital ("japan", "tokyo", the U.S.)."""
    return term == US_TOKEN or term in CAPITALS


def _name_sort(term: str) -> str:
    """"country" for a country or capital, "name" for any other name."""
    return "country" if is_country(term) else "name"


# Asking for what comes next rather than for anything in particular.
_ONWARD = LazyPattern(
    r"\b(?:after that|afterwards|next|then what|tell me more|go on|keep going|continue"
    r"|what else|anything else|and then|more)\b"
)


def is_onward(query: Query) -> bool:
    """"Tell me more", "what does it say after that": a follow-up with no words of its
    own that asks for the passage after the last quote."""
    own = set(query.terms) - query.carried
    return not own and _ONWARD.search(query.text.lower()) is not None


# "And the second?", "What was the third reason?": the next item of a list the
# document counts off ("First, ... Second, ..."), asked for by its place.  The ordinal
# may name a thing any list holds, not a thing of its own ("the second time").
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
LIST_ITEMS = (
    "one|reason|thing|point|factor|item|step|part|way|example|concern|issue|area|aspect"
    "|argument|explanation|lesson|question|goal|priority|takeaway|change|development"
)
_ORDINAL_ASKED = LazyPattern(
    rf"\bthe ({'|'.join(ORDINALS[1:])})(?:\s+(?:{LIST_ITEMS})s?)?\b"
    r"(?:\s+(?:(?:she|he|they|it|the \w+) (?:gives?|gave|lists?|listed|names?|named|cites?|cited"
    r"|mentions?|mentioned|offers?|offered|was|is))|\s+(?:was|is|one))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def ordinal_asked(text: str) -> int | None:
    """The place (2 for "And the second?") of the list item ``text`` asks for, if any."""
    match = _ORDINAL_ASKED.search(text.strip())
    return ORDINALS.index(match.group(1).lower()) + 1 if match else None


_PERSONAL = "he|she|him|her|his|hers"
_PERSONAL_PRONOUN = LazyPattern(rf"\b({_PERSONAL})\b", re.IGNORECASE)
# After a byline, "Where do they work?", "that person": the author, whoever they are.
_ANY_PERSON = LazyPattern(
    rf"\b({_PERSONAL}|they|them|their|theirs|(?:that|this) (?:person|writer|author))\b",
    re.IGNORECASE,
)


def with_person(
    query: Query, name: str, tokenizer: Tokenizer, *, only_person: bool = False
) -> Query:
    """"Where does she work?" after an answer about Ann Lee: her name joins the question
    as if asked (the pronoun stands for it), when it has a personal pronoun -- or, when
    the answer named only that person (``only_person``: a byline), "they" or "that
    person" -- unless it asks about a part of a piece ("What is her conclusion?"), which
    is about what the piece says, not about her."""
    pronoun = _ANY_PERSON if only_person else _PERSONAL_PRONOUN
    if not pronoun.search(query.text) or query.part is not None:
        return query
    return with_name(query, name, tokenizer)


# "the author of the Diplomat piece", "the editorial's writer": a person the question
# names by what they wrote.
THE_AUTHOR = LazyPattern(
    # ("the Diplomat author", "the op-ed writer": the piece may be named in between)
    r"\bthe (?:[\w’'\-]+\s+){0,2}?(?:author|writer|columnist)\b|['’]s (?:author|writer)\b",
    re.IGNORECASE,
)


def with_name(query: Query, name: str, tokenizer: Tokenizer) -> Query:
    """``query`` with ``name`` joining its terms as if asked, shown in brackets."""
    added = tuple(t for t in dict.fromkeys(tokenizer.terms(name)) if t not in query.terms)
    if not added:
        return query
    shown = query.searched or " ".join(_surface(query.text, query.terms, tokenizer))
    return replace(
        query,
        terms=query.terms + added,
        searched=f"{shown} [{name}]",
    )


_TOPIC_PREPOSITIONS = frozenset(
    "about on regarding concerning over of toward towards against for with to from".split()
)


def _pointing_names(question: Query) -> frozenset[str]:
    """Names that pick out a thing rather than ask about it: "the Lyon fair", "the 2021
    Tokyo 2+2" point at a fair or meeting; "about Taiwan" is what is asked about."""
    found = re.findall(r"[\w'’+.\-]+", question.text)
    pointing = set()
    for i, word in enumerate(found):
        stems = {stem(w) for w in words(word)} & question.specific
        if not stems or i + 1 >= len(found):
            continue
        if i > 0 and found[i - 1].lower() in _TOPIC_PREPOSITIONS:
            continue
        pointing |= stems
    return frozenset(pointing)


def _surface(text: str, terms: tuple[str, ...], tokenizer: Tokenizer) -> list[str]:
    """The words of ``text`` as written that gave ``terms`` (for showing what was searched)."""
    wanted = set(terms)
    shown: list[str] = []
    for written in re.findall(r"[\w’'+.\-]+", text):
        # "Japan." without its full stop; "U.S." keeps its last dot, which makes it the
        # United States.
        for word in (written.strip(".'’-"), written.strip("'’-")):
            hits = set(tokenizer.terms(word, question=True)) & wanted
            if hits:
                shown.append(word)
                wanted -= hits
                break
    return shown
