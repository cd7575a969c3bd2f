"""Property tests: arbitrary text and bytes never crash the loader, tokenizer, sentences,
answers or renderers; nothing printed holds a live control character; every citation is a
slice of the paragraph it names."""

from __future__ import annotations

import json
import os
import re
import tempfile

import pytest
from helpers import live_controls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbot.briefing import render as render_memo
from briefbot.corpus import Corpus, decode, fingerprint, load_folder, parse_document
from briefbot.engine import Briefbot, QuestionError
from briefbot.errors import CorpusError
from briefbot.render import md_inline
from briefbot.safe import dumps, has_unsafe, visible
from briefbot.sentences import sentence_spans
from briefbot.text import Tokenizer

# No example database: tests write nothing outside their temporary folders.
FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])

# Text with the characters that break naive code: line ends, controls, bidi marks, quotes.
TRICKY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" \n\r\t.!?\"'\u201c\u201d()[]{}#>*_`-\u2013\x1b\x00\x9b\u202e\ufeff"
                             "\u200d\u2066\u206a\U000e0041")),
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


# --- whole pipeline: arbitrary bytes, file names, documents and questions ---------------------

FILE_NAME = st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\x00" not in b)


# Raw bytes, or hostile text inside prose in the encodings folders really hold.
FILE_BYTES = st.one_of(
    st.binary(max_size=300),
    st.builds(
        lambda text, encoding: (
            f"Report\n\nThe otter program near the river {text} was led by Maria Gonzalez."
        ).encode(encoding, errors="replace"),
        TRICKY, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]),
    ),
)


@FAST
@given(st.lists(st.tuples(FILE_NAME, FILE_BYTES), min_size=1, max_size=4))
def test_loading_any_bytes_under_any_names_gives_visible_documents_or_a_corpus_error(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.fsencode(tmp)
        for name, data in files:
            with open(os.path.join(folder, name + b".txt"), "wb") as fh:
                fh.write(data)
        try:
            corpus = load_folder(tmp)
        except CorpusError:
            return
    ids = [d.id for d in corpus.documents]
    assert len(set(ids)) == len(ids)
    for d in corpus.documents:
        assert live_controls(d.id + d.title) == []
        assert d.paragraphs and all(live_controls(p.text) == [] for p in d.paragraphs)


def _bot_of(texts: list[str]) -> Briefbot | None:
    """A corpus of one document per text, each line of it set inside a sentence of prose
    so that it survives the page-furniture cleaning and can be quoted."""
    documents = tuple(
        doc for i, text in enumerate(texts)
        if (doc := parse_document(f"d{i}\x1b", "\n\n".join(
            f"The otter program near the river {line} was led by Maria Gonzalez in 2015."
            for line in text.split("\n\n")
        ), f"d{i}.md")).paragraphs
    )
    if not documents:
        return None
    return Briefbot(Corpus(documents, (), "", fingerprint(documents)))


# Words that answer each other, mixed with the characters that break naive output code.
WORDY = st.lists(
    st.sampled_from(["otter ", "river ", "led ", "Maria ", ". ", "\n\n", *"\x1b\x07\x9b\r",
                     *"\u202e\u200b<>[]`#*_{}%\\", "```", "<script>", "[x](http://e.x)"]),
    max_size=60,
).map("".join)


QUESTION = st.one_of(
    WORDY, TRICKY,
    st.tuples(st.sampled_from(["Who led the otter program?", "Where is the river?"]), WORDY)
    .map(" ".join),
)


@FAST
@given(st.lists(st.one_of(WORDY, TRICKY), min_size=1, max_size=3), QUESTION)
def test_answers_and_memos_over_any_documents_cite_real_slices_and_print_nothing_live(
    texts, question
):
    bot = _bot_of(texts)
    if bot is None:
        return
    try:
        answer = bot.ask(question)
    except QuestionError:
        answer = bot.unanswerable(question)
    for c in answer.citations:
        paragraph = bot.corpus.document(c.doc).paragraph(c.paragraph).text
        assert paragraph[c.start : c.end] == c.quote
    printed = dumps(answer.to_dict())
    assert json.loads(printed) == answer.to_dict()
    assert live_controls(printed) == [] and live_controls(answer.text) == []
    briefing = bot.brief({question.replace("\n", " ") or "Section": [question]}, title=question,
                         overview=True)
    for fmt in ("md", "html", "json"):
        memo = render_memo(bot, briefing, fmt)
        assert live_controls(memo) == [], fmt
        if fmt == "html":
            assert "<script" not in memo.lower()
        if fmt == "json":
            for section in json.loads(memo)["sections"]:
                for c in [*section.get("key_points", []),
                          *(c for a in section["answers"] for c in a["citations"])]:
                    assert c["quote"] in bot.corpus.document(c["doc"]).paragraph(c["paragraph"]).text


@FAST
@given(st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), TRICKY),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(TRICKY, inner, max_size=3)),
    max_leaves=8,
))
def test_dumps_round_trips_and_prints_nothing_live(data):
    text = dumps(data, indent=2)
    assert json.loads(text) == data
    assert live_controls(text) == []


@FAST
@given(st.text(max_size=200))
def test_visible_leaves_nothing_live_and_is_idempotent(text):
    shown = visible(text)
    assert live_controls(shown) == []
    assert visible(shown) == shown
    if not has_unsafe(text):
        assert shown == text
