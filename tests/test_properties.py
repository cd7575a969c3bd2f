"""Property tests: arbitrary text never crashes the loader, tokenizer, sentences or renderer."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbot.corpus import decode, parse_document
from briefbot.engine import Briefbot, QuestionError
from briefbot.render import md_inline
from briefbot.safe import has_unsafe
from briefbot.sentences import sentence_spans
from briefbot.text import Tokenizer

# No example database: tests write nothing outside their temporary folders.
FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])

# Text with the characters that break naive code: line ends, controls, bidi marks, quotes.
TRICKY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" \n\r\t.!?\"'\u201c\u201d()[]{}#>*_`-\u2013\x1b\x00\x9b\u202e\ufeff")),
        st.characters(codec="utf-8"),
    ),
    max_size=400,
)


@FAST
@given(st.binary(max_size=400))
def test_decode_accepts_any_bytes(data):
    assert isinstance(decode(data), str)


@FAST
@given(TRICKY)
def test_parse_document_numbers_clean_visible_paragraphs(text):
    doc = parse_document("doc", text, "doc.txt")
    assert [p.n for p in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))
    for p in doc.paragraphs:
        assert p.text and p.text == p.text.strip()
        assert "\n" not in p.text and "\r" not in p.text
        assert not has_unsafe(p.text)
    assert not has_unsafe(doc.title)


@FAST
@given(TRICKY)
def test_sentence_spans_are_ordered_trimmed_slices(text):
    previous = 0
    for start, end in sentence_spans(text):
        assert previous <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous = end


@FAST
@given(TRICKY)
def test_tokenizer_terms_are_stable_and_never_empty_strings(text):
    tokenizer = Tokenizer()
    first = tokenizer.terms(text, question=True)
    assert first == tokenizer.terms(text, question=True)
    assert all(isinstance(t, str) and t for t in first)


@FAST
@given(TRICKY)
def test_md_inline_output_is_one_inert_line(text):
    out = md_inline(text)
    assert "\n" not in out
    assert not has_unsafe(out)
    assert not re.search(r"(?<!\\)[`*_\[\]<>|]", out.replace("\\\\", ""))


@pytest.fixture(scope="module")
def small_bot(tmp_path_factory) -> Briefbot:
    folder = tmp_path_factory.mktemp("props")
    (folder / "otters.txt").write_text(
        "River Otters Return\n\nThe otter recovery program was led by Maria Gonzalez in 2015. "
        "It cost 4.2 million dollars.\n\nBeavers build dams across the river every autumn.\n",
        encoding="utf-8",
    )
    return Briefbot.from_folder(folder)


@FAST
@given(question=TRICKY)
def test_any_question_is_answered_verbatim_or_refused(small_bot, question):
    try:
        answer = small_bot.ask(question)
    except QuestionError:
        return
    assert not has_unsafe(answer.question)
    assert not has_unsafe(answer.text)
    for c in answer.citations:
        paragraph = small_bot.corpus.document(c.doc).paragraph(c.paragraph).text
        assert paragraph[c.start : c.end] == c.quote
