"""Answers on small synthetic corpora: verbatim quotes, honest abstention, stable output."""

from __future__ import annotations

import time

import pytest

from briefbot.engine import Briefbot, QuestionError
from briefbot.sentences import sentence_spans

OTTERS = """River Otters Return to the Valley

By Ann Lee

The river otter population in the valley has grown steadily. Conservation work began in 2015 after a long decline. Volunteers cleaned the banks every spring.

The otter recovery program was led by Maria Gonzalez, a biologist at the state university. The program was funded by the regional council.

The program cost 4.2 million dollars over five years. Most of the money paid for habitat restoration along the river.

Local fishermen were at first worried about the otters. They now say the otters keep the river healthy.
"""

BEAVERS = """Beavers and Otters Share the River

Beavers build dams across the river every autumn. The dams slow the water and create ponds where fish can breed.

The otter recovery program also helped beavers, because cleaner banks gave them more trees. Biologists counted twice as many lodges in 2020.
"""


@pytest.fixture
def bot(tmp_path, make_corpus) -> Briefbot:
    return Briefbot.from_folder(make_corpus(tmp_path, {"otters.txt": OTTERS, "beavers.txt": BEAVERS}))


def paragraph_text(bot: Briefbot, citation) -> str:
    return bot.corpus.document(citation.doc).paragraph(citation.paragraph).text


def assert_verbatim(bot: Briefbot, answer) -> None:
    for c in answer.citations:
        text = paragraph_text(bot, c)
        assert c.quote, c
        assert c.quote in text
        assert text[c.start : c.end] == c.quote
        assert c.title == bot.corpus.document(c.doc).title


QUESTIONS = [
    "Who led the otter recovery program?",
    "When did the conservation work begin?",
    "How much did the program cost?",
    "Where do beavers build dams?",
    "Why were fishermen worried about the otters?",
    "What did the otter recovery program do?",
    "What is the chocolate cake recipe?",
    "What did the Zorblax council say about the otter program?",
    "otters",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_quote_is_an_exact_slice_of_the_cited_paragraph(bot, question):
    answer = bot.ask(question)
    assert_verbatim(bot, answer)
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_answerable_question_is_answered_with_a_quote(bot):
    answer = bot.ask("Who led the otter recovery program?")
    assert answer.answered
    assert "Maria Gonzalez" in answer.citations[0].quote
    assert answer.citations[0].quote in answer.text


def test_question_about_something_absent_is_not_answered(bot):
    answer = bot.ask("What is the chocolate cake recipe?")
    assert not answer.answered
    assert "not in the sources" in answer.text.lower()


@pytest.mark.parametrize(
    "question",
    [
        "What is the best chocolate cake recipe for a river picnic?",
        "How should pastry chefs decorate wedding cakes near the river?",
    ],
)
def test_question_sharing_only_a_common_word_is_not_answered_but_may_show_related(bot, question):
    answer = bot.ask(question)
    assert not answer.answered
    assert answer.citations  # "river" is in the corpus: closest passages are offered ...
    assert "related" in answer.text.lower()  # ... as related passages, not as the answer
    assert_verbatim(bot, answer)


def test_question_naming_an_unknown_entity_is_not_answered_even_if_other_words_match(bot):
    answer = bot.ask("What did the Zorblax council say about the otter program?")
    assert not answer.answered
    assert "not in the sources" in answer.text.lower()
    # Closest passages may be offered, but only as related, never as block quotes.
    for c in answer.citations:
        assert f"> {c.quote}" not in answer.text


def test_same_words_with_a_known_entity_is_answered(bot):
    assert bot.ask("What did the regional council fund?").answered


# --- the kind of answer a question asks for -------------------------------------------------

# Two sentences in one paragraph match the question's words equally; only one holds the kind
# of thing asked for, and it comes second, so only the question's kind can make it win.
KIND_CASES = [
    pytest.param(
        "The lighthouse design was picked at a crowded meeting. "
        "The lighthouse design was picked by Anna Berg.",
        "Who picked the lighthouse design?",
        "lighthouse design picked",
        "Anna Berg",
        id="who",
    ),
    pytest.param(
        "The new bridge opened with a small ceremony. The new bridge opened in March 2019.",
        "When did the new bridge open?",
        "new bridge open",
        "March 2019",
        id="when",
    ),
    pytest.param(
        "The roof repair cost the town council dearly. The roof repair cost 80,000 euros.",
        "How much did the roof repair cost?",
        "roof repair cost",
        "80,000",
        id="how-much",
    ),
]


@pytest.mark.parametrize("paragraph, question, neutral, wanted", KIND_CASES)
def test_question_kind_prefers_the_sentence_holding_that_kind_of_answer(
    tmp_path, make_corpus, paragraph, question, neutral, wanted
):
    bot = Briefbot.from_folder(
        make_corpus(tmp_path, {"a.txt": paragraph + "\n\nUnrelated text about herons and ponds.\n"})
    )
    plain = bot.ask(neutral)
    assert plain.answered
    assert wanted not in plain.citations[0].quote  # without the cue the first sentence wins
    answer = bot.ask(question)
    assert answer.answered
    assert wanted in answer.citations[0].quote
    assert_verbatim(bot, answer)


# --- citations ------------------------------------------------------------------------------


def test_when_two_documents_both_answer_both_are_cited(tmp_path, make_corpus):
    folder = make_corpus(
        tmp_path,
        {
            "north.txt": "North Valley Report\n\nThe flood barrier was finished in the north "
            "valley last year.\n\nHerons nest by the lake.\n",
            "south.txt": "South Valley Report\n\nThe flood barrier was finished in the south "
            "valley last year.\n\nFrogs sing by the pond.\n",
        },
    )
    bot = Briefbot.from_folder(folder)
    answer = bot.ask("Was the flood barrier finished?")
    assert answer.answered
    assert {c.doc for c in answer.citations} == {"north", "south"}
    assert_verbatim(bot, answer)


def test_answer_cites_at_most_one_quote_per_document_when_answered(bot):
    answer = bot.ask("What did the otter recovery program do?")
    assert answer.answered
    docs = [c.doc for c in answer.citations]
    assert len(docs) == len(set(docs))


def test_max_citations_limits_the_number_of_quotes(bot):
    assert len(bot.ask("otter river program", max_citations=1).citations) == 1


def test_quotes_never_exceed_three_sentences(tmp_path, make_corpus):
    paragraph = (
        "Alpha otters swim at dawn. Bravo otters dive at noon. Charlie otters eat at dusk. "
        "Delta otters sleep at night. Echo otters play all day. Foxtrot otters rest."
    )
    bot = Briefbot.from_folder(make_corpus(tmp_path, {"a.txt": paragraph + "\n"}))
    answer = bot.ask("What about alpha, bravo, charlie, delta, echo and foxtrot otters?")
    assert answer.citations
    for c in answer.citations:
        n = len(sentence_spans(c.quote))
        assert n <= 3, c.quote
    # Every neighbour adds a question word, so the quote grows right up to the limit.
    assert len(sentence_spans(answer.citations[0].quote)) == 3
    assert_verbatim(bot, answer)


# --- the machine interface ------------------------------------------------------------------


def test_to_dict_has_exactly_the_design_keys(bot):
    data = bot.ask("Who led the otter recovery program?").to_dict()
    assert set(data) == {"question", "answered", "text", "citations", "corpus"}
    assert data["citations"]
    for c in data["citations"]:
        assert set(c) == {"n", "doc", "title", "paragraph", "quote", "score"}
        assert isinstance(c["paragraph"], int) and isinstance(c["score"], float)
    assert set(data["corpus"]) == {"documents", "paragraphs", "fingerprint"}
    assert data["corpus"]["documents"] == 2
    assert data["corpus"]["paragraphs"] == len(bot.corpus.paragraphs)
    assert data["corpus"]["fingerprint"] == bot.corpus.fingerprint


def test_not_answered_to_dict_has_the_same_keys(bot):
    data = bot.ask("What is the chocolate cake recipe?").to_dict()
    assert set(data) == {"question", "answered", "text", "citations", "corpus"}
    assert data["answered"] is False


def test_same_question_twice_gives_identical_answers(bot):
    question = "What did the otter recovery program do?"
    assert bot.ask(question).to_dict() == bot.ask(question).to_dict()


def test_same_question_on_a_fresh_load_gives_identical_answers(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS, "beavers.txt": BEAVERS})
    question = "How much did the program cost?"
    first = Briefbot.from_folder(folder).ask(question).to_dict()
    assert Briefbot.from_folder(folder).ask(question).to_dict() == first


# --- bad questions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["", "   ", "\n\t  \n", "what is the", "Who is it?", "x" * 100_000, "otter " * 20_000,
     "\U0001f600\U0001f389\U0001f9a6", "?!?! ... ---"],
    ids=["empty", "spaces", "whitespace", "stopwords", "stopwords-2", "100kb", "100kb-words",
         "emoji", "punctuation"],
)
def test_unsearchable_questions_raise_question_error_quickly(bot, question):
    started = time.perf_counter()
    with pytest.raises(QuestionError):
        bot.ask(question)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "question",
    ["[bold]x[/ otters", "{{ 7*7 }} otters", "{% for x in y %} otters", "otters {{ 7*7 }}",
     "{{ 7*7 }}", "[link=file:///etc/passwd]otters[/link]", "otters \\"],
)
def test_markup_and_jinja_in_a_question_are_kept_literally_and_never_evaluated(bot, question):
    answer = bot.ask(question)
    assert answer.question == question
    assert answer.to_dict()["question"] == question
    assert "49" not in answer.text
    assert_verbatim(bot, answer)


def test_jinja_inside_a_document_is_quoted_literally_and_never_evaluated(tmp_path, make_corpus):
    folder = make_corpus(
        tmp_path,
        {"a.txt": "The otter keeper wrote {{ 7*7 }} and {% raw %} on the sign by the pond.\n"},
    )
    bot = Briefbot.from_folder(folder)
    answer = bot.ask("What did the otter keeper write on the sign?")
    assert answer.answered
    assert "{{ 7*7 }}" in answer.citations[0].quote
    assert "49" not in answer.text
    assert "{{" in answer.text and "{% raw %}" in answer.text


def test_control_characters_in_a_question_are_made_visible(bot):
    answer = bot.ask("otters \x1b[31m\x07")
    assert "\x1b" not in answer.question and "\x07" not in answer.question
    assert "^[" in answer.question
