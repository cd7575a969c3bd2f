"""RELIABILITY.md cases 1-8 (questions and corpora), end to end through every face that
takes them: ``ask``/``search``/``sources``, ``brief`` and the chat (Pilot).

Cases 9-13 (hostile documents and folders) are in test_reliability_documents.py, cases
14-20 (templates, output files, caches, workers) in test_reliability_files.py.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from helpers import OTTERS, live_controls, run, write_questions
from pilot_helpers import SIZE, settle, submit, widget_text

from briefbot.corpus import load_folder
from briefbot.engine import Briefbot, QuestionError
from briefbot.errors import CorpusError
from briefbot.tui.app import make_app

# --- case 1: Rich/Textual markup in a question -----------------------------------------------

MARKUP_QUESTIONS = [
    "otters [/",
    "[bold]x otters",
    "otters x [/]",
    "[@click=app.quit]q[/] otters",
    "[link=file:///etc/passwd]otters[/link]",
    "Who led the otter program? \\",
]


@pytest.mark.parametrize("question", MARKUP_QUESTIONS)
def test_reliability_case_1_markup_in_a_question_is_echoed_exactly_by_ask_and_search(
    capsys, tmp_path, make_corpus, question
):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    code, out, err = run(capsys, "ask", "--json", "--corpus", str(folder), question)
    assert code in (0, 1), err
    assert json.loads(out)["question"] == question
    code, out, err = run(capsys, "search", "--json", "--corpus", str(folder), question)
    assert code in (0, 1), err
    assert json.loads(out)["query"] == question
    code, out, err = run(capsys, "ask", "--corpus", str(folder), question)
    assert code in (0, 1) and "Traceback" not in err
    assert "passwd" not in out and "@click" not in out


def test_reliability_case_1_markup_questions_in_a_briefing_are_kept_literally(
    capsys, tmp_path, make_corpus
):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    qfile = write_questions(tmp_path / "q.txt", *MARKUP_QUESTIONS)
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(folder), "--format", "json")
    assert code == 0, err
    asked = [a["question"] for s in json.loads(out)["sections"] for a in s["answers"]]
    assert asked == MARKUP_QUESTIONS
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(folder))
    assert code == 0, err
    q_lines = [line for line in out.splitlines() if line.startswith("**Q: ")]
    assert len(q_lines) == len(MARKUP_QUESTIONS)
    assert not any(re.search(r"(?<!\\)[\[\]]", line) for line in q_lines)  # all escaped
    assert "**Q: \\[link=file:///etc/passwd\\]otters\\[/link\\]**" in q_lines


async def test_reliability_case_1_markup_in_a_question_is_shown_exactly_in_the_chat(
    tmp_path, make_corpus
):
    app = make_app(str(make_corpus(tmp_path, {"otters.txt": OTTERS})))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for question in MARKUP_QUESTIONS:
            await submit(app, pilot, question)
        shown = widget_text(app, ".question")
        for question in MARKUP_QUESTIONS:
            assert f"› {question}" in shown
        # Had "[@click=app.quit]q[/]" become markup, clicking its "q" would quit.
        last = list(app.query(".question"))[-1]
        for x in range(8):
            await pilot.click(last, offset=(x, 0))
            await pilot.pause()
            assert app.is_running
        assert len(app.answers) == len(MARKUP_QUESTIONS)


# --- case 2: Jinja syntax in a question ------------------------------------------------------

JINJA_QUESTIONS = ["{{ 7*7 }} otters", "Who led the otter {% for x in y %} program?",
                   "otters {{ config }} {# note #}"]


@pytest.mark.parametrize("question", JINJA_QUESTIONS)
def test_reliability_case_2_jinja_in_a_question_is_echoed_never_evaluated_by_ask(
    capsys, tmp_path, make_corpus, question
):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    code, out, err = run(capsys, "ask", "--json", "--corpus", str(folder), question)
    assert code in (0, 1), err
    data = json.loads(out)
    assert data["question"] == question
    assert "49" not in out
    code, out, err = run(capsys, "search", "--json", "--corpus", str(folder), question)
    assert json.loads(out)["query"] == question


def test_reliability_case_2_jinja_questions_in_a_briefing_are_never_evaluated(
    capsys, tmp_path, make_corpus
):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    qfile = write_questions(tmp_path / "q.txt", "# {{ 6*7 }} section", *JINJA_QUESTIONS)
    for fmt in ("md", "html", "json"):
        # (A fixed date: on the 25th of a month, today's would hold "25".)
        code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(folder),
                             "--format", fmt, "--title", "{{ 5*5 }}", "--date", "2026-01-02")
        assert code == 0, err
        assert not re.search(r"(?<![\d.])(49|42|25)(?![\d.])", out)
        seven = "{{ 7\\*7 }}" if fmt == "md" else "{{ 7*7 }}"
        assert seven in out and "{% for x in y %}" in out and "{# note #}" in out
        assert "{{ 6" in out and "{{ 5" in out


async def test_reliability_case_2_jinja_in_a_question_is_shown_literally_in_the_chat(
    tmp_path, make_corpus
):
    app = make_app(str(make_corpus(tmp_path, {"otters.txt": OTTERS})))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for question in JINJA_QUESTIONS:
            await submit(app, pilot, question)
        shown = widget_text(app)
        assert all(q in widget_text(app, ".question") for q in JINJA_QUESTIONS)
        assert "49" not in shown


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


def test_reliability_case_3_empty_or_stopword_query_is_a_usage_error_for_search(
    capsys, tmp_path, make_corpus
):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    for query in ("", "   ", "what is the"):
        code, out, err = run(capsys, "search", "--corpus", str(folder), query)
        assert (code, out) == (2, "")
        assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_reliability_case_3_stopword_question_in_a_briefing_is_marked_not_in_the_sources(
    capsys, tmp_path, make_corpus
):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    qfile = write_questions(tmp_path / "q.txt", "what is the", "   ", "Who led the otter program?")
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(folder), "--format", "json")
    assert code == 0, err
    answers = [a for s in json.loads(out)["sections"] for a in s["answers"]]
    assert [(a["question"], a["answered"]) for a in answers] == [
        ("what is the", False), ("Who led the otter program?", True)]
    assert answers[0]["citations"] == []


async def test_reliability_case_3_empty_or_stopword_question_gets_a_polite_prompt_in_the_chat(
    tmp_path, make_corpus
):
    app = make_app(str(make_corpus(tmp_path, {"otters.txt": OTTERS})))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await submit(app, pilot, "")
        await submit(app, pilot, " \t ")
        await submit(app, pilot, "what is the")
        shown = widget_text(app)
        assert shown.count("Type a question first") == 2
        assert "Nothing to search for: the question has no words" in shown
        assert not app.query(".error") and app.answers == []
        await submit(app, pilot, "Who led the otter program?")
        assert app.answers and app.answers[-1].answered


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


def test_reliability_case_4_long_question_is_refused_before_it_is_tokenized(
    tmp_path, make_corpus, monkeypatch
):
    """The work is bounded, not just fast: 100 KB never reaches the tokenizer."""
    bot = Briefbot.from_folder(make_corpus(tmp_path, {"otters.txt": OTTERS}))
    seen: list[int] = []
    terms = bot.tokenizer.terms
    monkeypatch.setattr(bot.tokenizer, "terms", lambda text, **kw: seen.append(len(text))
                        or terms(text, **kw))
    with pytest.raises(QuestionError, match="too long"):
        bot.ask("otter " * 17_000)
    assert seen == []


def test_reliability_case_4_long_and_emoji_questions_in_a_briefing_are_not_in_the_sources(
    capsys, tmp_path, make_corpus
):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    qfile = write_questions(tmp_path / "q.txt", "otter " * 17_000, "\U0001f9a6\U0001f600",
                            "?!... ---", "Who led the otter program?")
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(folder), "--format", "json")
    assert code == 0, err
    answers = [a for s in json.loads(out)["sections"] for a in s["answers"]]
    assert [a["answered"] for a in answers] == [False, False, False, True]


async def test_reliability_case_4_long_or_emoji_question_gets_a_polite_prompt_in_the_chat(
    tmp_path, make_corpus
):
    app = make_app(str(make_corpus(tmp_path, {"otters.txt": OTTERS})))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await submit(app, pilot, "otter " * 17_000)
        await submit(app, pilot, "\U0001f9a6\U0001f600")
        notices = widget_text(app, ".exchange .notice")
        assert "Nothing to search for: the question is too long" in notices
        assert "Nothing to search for: the question has no words" in notices
        assert app.is_running and not app.query(".error")


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


def test_reliability_case_5_no_documents_is_one_error_and_no_memo(capsys, tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"a.txt": "", "b.md": "\n\n"})
    qfile = write_questions(tmp_path / "q.txt", "Who led the otter program?")
    memo = tmp_path / "memo.md"
    for corpus in (folder, tmp_path / "missing"):
        code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(corpus), "-o", str(memo))
        assert (code, out) == (2, "")
        assert len(err.splitlines()) == 1 and str(corpus) in err
        assert not memo.exists()


async def test_reliability_case_5_no_documents_is_one_clear_message_in_the_chat(
    tmp_path, make_corpus
):
    folder = make_corpus(tmp_path, {"a.txt": "", "b.md": "   \n"})
    app = make_app(str(folder))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        errors = widget_text(app, ".error")
        assert f"Could not load the documents: no readable documents in {folder}" in errors
        assert "ZeroDivision" not in widget_text(app)
        await submit(app, pilot, "Who led the otter program?")
        assert app.is_running and "not loaded" in widget_text(app)


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


def test_reliability_case_6_two_paragraph_corpus_is_answered_by_ask_and_brief(
    capsys, tmp_path, make_corpus
):
    folder = make_corpus(tmp_path, {"notes.txt": "The harbour seals rested on the rocks.\n\n"
                                    "Fishing boats left the port before sunrise.\n"})
    code, out, err = run(capsys, "ask", "--json", "--corpus", str(folder), "Where did the seals rest?")
    assert code == 0, err
    assert [(c["doc"], c["paragraph"]) for c in json.loads(out)["citations"]] == [("notes", 1)]
    code, out, err = run(capsys, "search", "--json", "--corpus", str(folder), "seals")
    assert [h["paragraph"] for h in json.loads(out)["hits"]] == [1]
    qfile = write_questions(tmp_path / "q.txt", "Where did the seals rest?")
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(folder), "--format", "json")
    (answer,) = json.loads(out)["sections"][0]["answers"]
    assert answer["answered"] and answer["citations"][0]["quote"] == (
        "The harbour seals rested on the rocks.")


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


def test_reliability_case_7_binary_files_are_one_notice_each_for_brief_and_sources(
    capsys, tmp_path, make_corpus
):
    binaries = {"nul.txt": b"text\x00with a NUL", "logo.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                "report.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"}
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS, **binaries})
    qfile = write_questions(tmp_path / "q.txt", "Who led the otter program?")
    for argv in (["brief", str(qfile)], ["sources"]):
        code, _, err = run(capsys, *argv, "--corpus", str(folder))
        assert code == 0, err
        lines = err.splitlines()
        assert len(lines) == 3
        for name in binaries:
            assert sum(name in line and "binary" in line for line in lines) == 1, name
    assert "Maria Gonzalez" in run(capsys, "brief", str(qfile), "--corpus", str(folder))[1]


async def test_reliability_case_7_binary_files_are_one_notice_each_in_the_chat(
    tmp_path, make_corpus
):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS, "logo.md": b"\x89PNG\r\n\x1a\n\x00\x00",
                                    "report.txt": b"%PDF-1.4\n"})
    app = make_app(str(folder))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notices = widget_text(app, ".notice").splitlines()
        assert len([n for n in notices if "skipped" in n]) == 2
        assert any("logo.md: binary file" in n for n in notices)
        assert any("report.txt: binary file" in n for n in notices)
        await submit(app, pilot, "Who led the otter program?")
        assert app.answers[-1].citations[0].doc == "otters"


# --- case 8: non-UTF-8 text, UTF-16 with BOM, CRLF -------------------------------------------


FIRST = "The caf\u00e9 by the harbour reopened."
SECOND = "The new owners bake fresh bread every morning."


@pytest.mark.parametrize(
    "data, expected_word",
    [
        (
            (b"The caf\xe9 by the harbour reopened.\r\n\r\n"
             b"The \x93new\x94 owners bake fresh bread every morning.\r\n"),
            "caf\u00e9",
        ),
        (f"{FIRST}\r\n\r\n{SECOND}\r\n".encode("utf-16"), "caf\u00e9"),
        (b"\xfe\xff" + f"{FIRST}\n\n{SECOND}\n".encode("utf-16-be"), "caf\u00e9"),
        (
            (b"The caf\x81 by the harbour reopened.\r\r"
             b"The new owners bake fresh bread every morning.\r"),
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


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_reliability_case_8_utf16_without_a_bom_is_decoded_not_skipped(
    capsys, tmp_path, make_corpus, encoding
):
    text = f"{FIRST}\r\n\r\n{SECOND}\r\n"
    folder = make_corpus(tmp_path, {"cafe.txt": text.encode(encoding), "otters.txt": OTTERS})
    corpus = load_folder(folder)
    assert corpus.skipped == ()
    assert [p.text for p in corpus.document("cafe").paragraphs] == [FIRST, SECOND]
    code, out, err = run(capsys, "ask", "--json", "--corpus", str(folder),
                         "What reopened by the harbour?")
    assert code == 0 and err == ""
    assert json.loads(out)["citations"][0]["quote"] == FIRST


def test_reliability_case_8_binary_with_nuls_in_every_other_byte_is_still_binary(
    tmp_path, make_corpus
):
    """Little-endian 16-bit numbers look like UTF-16 by their NULs but not by their text."""
    numbers = bytes(b for n in range(1, 200) for b in (n, 0))
    folder = make_corpus(tmp_path, {"table.txt": numbers, "otters.txt": OTTERS})
    corpus = load_folder(folder)
    assert [d.id for d in corpus.documents] == ["otters"]
    assert [s.reason for s in corpus.skipped] == ["binary file"]


def test_reliability_case_8_legacy_and_utf16_files_answer_in_a_brief(
    capsys, tmp_path, make_corpus
):
    folder = make_corpus(tmp_path, {
        "legacy.txt": b"The caf\xe9 by the harbour reopened.\r\n",
        "wide.txt": "The ferry timetable lists seven crossings daily.\n".encode("utf-16-le"),
    })
    qfile = write_questions(tmp_path / "q.txt", "What reopened by the harbour?",
                            "How many crossings does the ferry timetable list?")
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(folder), "--format", "json")
    assert code == 0 and err == ""
    quotes = [a["citations"][0]["quote"] for s in json.loads(out)["sections"] for a in s["answers"]]
    assert quotes == ["The caf\u00e9 by the harbour reopened.",
                      "The ferry timetable lists seven crossings daily."]
    assert live_controls(out) == []
