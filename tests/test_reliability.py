"""RELIABILITY.md cases 3-8, one test (or more) per case, end to end."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from briefbot.corpus import load_folder
from briefbot.engine import Briefbot, QuestionError
from briefbot.errors import CorpusError
from helpers import OTTERS, run



# --- case 3: empty, whitespace-only, stopword-only questions ---------------------------------


@pytest.mark.parametrize("question", ["", " \t ", "\n", "what is the", "Who is it?", "us"])
def test_reliability_case_3_empty_or_stopword_question_is_a_usage_error(
    capsys, tmp_path, make_corpus, question
):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    code, out, err = run(capsys, "ask", "--corpus", str(folder), question)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    with pytest.raises(QuestionError):
        Briefbot.from_folder(folder).ask(question)


# --- case 4: very long, punctuation-only and emoji-only questions ----------------------------


@pytest.mark.parametrize(
    "question",
    [
        "otter " * 17_000,  # ~100 KB of real words
        "x" * 100_000,
        "?" * 100_000,
        "\U0001f9a6" * 25_000,
        "\U0001f600\U0001f389",
        "?!... --- ***",
    ],
    ids=["100kb-words", "100kb-letter", "100kb-punct", "100kb-emoji", "emoji", "punct"],
)
def test_reliability_case_4_long_or_symbol_only_question_is_refused_quickly(
    capsys, tmp_path, make_corpus, question
):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    bot = Briefbot.from_folder(folder)
    started = time.perf_counter()
    with pytest.raises(QuestionError):
        bot.ask(question)
    assert time.perf_counter() - started < 1.0
    started = time.perf_counter()
    code, out, err = run(capsys, "ask", "--corpus", str(folder), question)
    assert time.perf_counter() - started < 1.0
    assert code == 2 and out == "" and len(err.splitlines()) == 1


def test_reliability_case_4_long_question_just_under_the_limit_is_answered_quickly(
    tmp_path, make_corpus
):
    bot = Briefbot.from_folder(make_corpus(tmp_path, {"otters.txt": OTTERS}))
    question = "Who led the otter recovery program? " + "Tell me more about otters. " * 60
    started = time.perf_counter()
    answer = bot.ask(question)
    assert time.perf_counter() - started < 1.0
    assert answer.citations


# --- case 5: empty, missing or only-empty corpus folders -------------------------------------


def test_reliability_case_5_empty_folder_is_one_clear_error(capsys, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    with pytest.raises(CorpusError, match="no readable documents"):
        Briefbot.from_folder(folder)
    code, out, err = run(capsys, "sources", "--corpus", str(folder))
    assert code == 2 and out == ""
    assert err.splitlines() == [err.strip()] and "no readable documents" in err
    assert str(folder) in err


def test_reliability_case_5_only_empty_files_is_one_clear_error(capsys, tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"a.txt": "", "b.md": "   \n\n", "c.txt": "\ufeff"})
    with pytest.raises(CorpusError, match="no readable documents"):
        Briefbot.from_folder(folder)
    code, out, err = run(capsys, "ask", "--corpus", str(folder), "otters")
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert "ZeroDivisionError" not in err


def test_reliability_case_5_missing_folder_is_one_clear_error(capsys, tmp_path):
    missing = tmp_path / "missing"
    with pytest.raises(CorpusError, match="not found"):
        Briefbot.from_folder(missing)
    code, out, err = run(capsys, "search", "--corpus", str(missing), "otters")
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert str(missing) in err


# --- case 6: one or two documents; a term in exactly half the paragraphs ----------------------


def test_reliability_case_6_term_in_half_the_paragraphs(tmp_path, make_corpus):
    folder = make_corpus(
        tmp_path,
        {
            "notes.txt": "The harbour seals rested on the rocks all morning.\n\n"
            "Fishing boats left the port before sunrise.\n"
        },
    )
    bot = Briefbot.from_folder(folder)
    assert len(bot.corpus.paragraphs) == 2
    hits = bot.search("seals", 5)
    assert [h.paragraph for h in hits] == [1]
    answer = bot.ask("Where did the seals rest?")
    assert answer.answered
    assert answer.citations[0].paragraph == 1
    assert "seals" in answer.citations[0].quote


def test_reliability_case_6_term_in_half_of_two_documents(tmp_path, make_corpus):
    folder = make_corpus(
        tmp_path,
        {
            "a.txt": "The council approved the new harbour wall on Monday.\n",
            "b.txt": "Farmers planted wheat in the northern fields this spring.\n",
        },
    )
    bot = Briefbot.from_folder(folder)
    answer = bot.ask("What did the council approve?")
    assert answer.answered
    assert [c.doc for c in answer.citations] == ["a"]


def test_reliability_case_6_term_in_every_paragraph_of_a_single_paragraph_corpus(
    tmp_path, make_corpus
):
    bot = Briefbot.from_folder(
        make_corpus(tmp_path, {"a.txt": "The council approved the new harbour wall.\n"})
    )
    answer = bot.ask("What did the council approve?")
    assert answer.answered
    assert answer.citations[0].quote == "The council approved the new harbour wall."


# --- case 7: binary files in the folder ------------------------------------------------------


def test_reliability_case_7_binary_files_are_skipped_with_a_notice(capsys, tmp_path, make_corpus):
    binaries = {
        "nul.txt": b"text\x00with a NUL",
        "logo.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
        "report.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    }
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS, **binaries})
    corpus = load_folder(folder)
    assert [d.id for d in corpus.documents] == ["otters"]
    assert {Path(s.path).name for s in corpus.skipped} == set(binaries)
    code, out, err = run(capsys, "ask", "--json", "--corpus", str(folder), "Who led the otter program?")
    assert code == 0
    assert json.loads(out)["citations"][0]["doc"] == "otters"
    for name in binaries:
        assert any(name in line and "binary" in line for line in err.splitlines()), name


# --- case 8: non-UTF-8 text, UTF-16 with BOM, CRLF -------------------------------------------


FIRST = "The caf\u00e9 by the harbour reopened."
SECOND = "The new owners bake fresh bread every morning."


@pytest.mark.parametrize(
    "data, expected_word",
    [
        (
            b"The caf\xe9 by the harbour reopened.\r\n\r\n"
            b"The \x93new\x94 owners bake fresh bread every morning.\r\n",
            "caf\u00e9",
        ),
        (f"{FIRST}\r\n\r\n{SECOND}\r\n".encode("utf-16"), "caf\u00e9"),
        (b"\xfe\xff" + f"{FIRST}\n\n{SECOND}\n".encode("utf-16-be"), "caf\u00e9"),
        (
            b"The caf\x81 by the harbour reopened.\r\r"
            b"The new owners bake fresh bread every morning.\r",
            "caf\ufffd",
        ),
    ],
    ids=["cp1252-crlf", "utf16-bom-crlf", "utf16-be-bom", "invalid-bytes-cr"],
)
def test_reliability_case_8_encodings_and_line_ends(tmp_path, make_corpus, data, expected_word):
    folder = make_corpus(tmp_path, {"cafe.txt": data})
    corpus = load_folder(folder)
    paragraphs = [p.text for p in corpus.paragraphs]
    assert len(paragraphs) == 2
    assert paragraphs[0] == f"The {expected_word} by the harbour reopened."
    assert paragraphs[1].startswith("The ")
    assert paragraphs[1].endswith("owners bake fresh bread every morning.")
    answer = Briefbot.from_folder(folder).ask("What reopened by the harbour?")
    assert answer.answered
    assert answer.citations[0].quote == paragraphs[0]
