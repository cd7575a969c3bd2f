"""The command line, in process (``main(argv)``) and once as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import OTTERS, run

import briefbot
from briefbot.cli import main
from briefbot.corpus import load_folder

TAIWAN = "What did the joint statement say about Taiwan?"
DIPLOMAT_ID = "003_229f363dde212fe3"
DIPLOMAT_TITLE = "US-Japan 2+2: Charting New Waters for Japan?"



def error_lines(err: str) -> list[str]:
    return err.splitlines()


# --- ask --------------------------------------------------------------------------------------


def test_ask_json_on_the_seeds_quotes_the_taiwan_strait(capsys, seeds):
    code, out, err = run(capsys, "ask", "--json", TAIWAN)
    assert code == 0, err
    data = json.loads(out)
    assert data["answered"] is True
    assert data["question"] == TAIWAN
    first = data["citations"][0]
    assert first["doc"] == DIPLOMAT_ID
    assert first["title"] == DIPLOMAT_TITLE
    assert "Taiwan Strait" in first["quote"]
    paragraph = load_folder(seeds).document(first["doc"]).paragraph(first["paragraph"]).text
    assert first["quote"] in paragraph
    assert data["corpus"]["documents"] == 2


def test_ask_json_output_is_one_line_of_json(capsys):
    code, out, _ = run(capsys, "ask", "--json", TAIWAN)
    assert code == 0
    assert out.endswith("\n") and out.count("\n") == 1


def test_ask_without_json_prints_the_quote_and_citation(capsys):
    code, out, _ = run(capsys, "ask", TAIWAN)
    assert code == 0
    assert "Taiwan Strait" in out
    assert "Charting New Waters" in out
    assert not out.lstrip().startswith("{")


def test_ask_top_k_limits_the_citations(capsys):
    code, out, _ = run(capsys, "ask", "--json", "--top-k", "1", "What did the four ministers discuss?")
    assert code in (0, 1)
    assert len(json.loads(out)["citations"]) <= 1


def test_ask_about_something_absent_exits_1_and_says_the_sources_do_not_answer(capsys):
    code, out, err = run(capsys, "ask", "What is the recipe for chocolate cake?")
    assert code == 1
    assert "not in the sources" in out.lower()
    assert err == ""


def test_ask_json_about_something_absent_exits_1_with_answered_false(capsys):
    code, out, _ = run(capsys, "ask", "--json", "What is the recipe for chocolate cake?")
    assert code == 1
    assert json.loads(out)["answered"] is False


@pytest.mark.parametrize("question", ["", "   ", "what is the"], ids=["empty", "blank", "stopwords"])
def test_ask_unsearchable_question_exits_2_with_one_error_line(capsys, question):
    code, out, err = run(capsys, "ask", question)
    assert code == 2
    assert out == ""
    assert len(error_lines(err)) == 1
    assert "Traceback" not in err


def test_ask_with_missing_corpus_exits_2_with_one_error_line(capsys, tmp_path):
    missing = tmp_path / "no" / "such" / "dir"
    code, out, err = run(capsys, "ask", "--corpus", str(missing), "x")
    assert code == 2
    assert out == ""
    assert len(error_lines(err)) == 1
    assert str(missing) in err


def test_ask_with_no_such_dir_exits_2(capsys):
    code, out, err = run(capsys, "ask", "--corpus", "/no/such/dir", "x")
    assert code == 2
    assert out == "" and len(error_lines(err)) == 1


def test_ask_with_empty_corpus_folder_exits_2(capsys, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    code, out, err = run(capsys, "ask", "--corpus", str(folder), "otters")
    assert code == 2
    assert out == ""
    assert len(error_lines(err)) == 1 and "no readable documents" in err


def test_ask_without_a_question_is_a_usage_error(capsys):
    code, out, err = run(capsys, "ask")
    assert code == 2
    assert out == "" and len(error_lines(err)) == 1


def test_unknown_option_is_a_usage_error(capsys):
    code, out, err = run(capsys, "ask", "--no-such-option", "x")
    assert code == 2
    assert out == "" and len(error_lines(err)) == 1


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_bad_top_k_is_a_usage_error(capsys, value):
    code, out, err = run(capsys, "ask", "--top-k", value, "Taiwan")
    assert code == 2
    assert out == "" and len(error_lines(err)) == 1


# --- version and help -------------------------------------------------------------------------


def test_version_prints_the_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert briefbot.__version__ in capsys.readouterr().out


@pytest.mark.parametrize("command", [[], ["ask"], ["search"], ["sources"]])
def test_help_of_each_command_works(capsys, command):
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: briefbot")
    assert "--corpus" in out or not command


# --- search -----------------------------------------------------------------------------------


def test_search_json_top_k_returns_that_many_hits(capsys, seeds):
    code, out, _ = run(capsys, "search", "--json", "--top-k", "2", "Taiwan Strait")
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "Taiwan Strait"
    assert len(data["hits"]) == 2
    corpus = load_folder(seeds)
    for hit in data["hits"]:
        assert set(hit) == {"doc", "title", "paragraph", "text", "score"}
        doc = corpus.document(hit["doc"])
        assert hit["title"] == doc.title
        assert hit["text"] == doc.paragraph(hit["paragraph"]).text
    assert "Taiwan Strait" in data["hits"][0]["text"]
    assert data["hits"][0]["score"] >= data["hits"][1]["score"]


def test_search_queries_file_prints_json_lines_with_ids(capsys, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text("q1\tTaiwan Strait\nSenkaku Islands\n\n", encoding="utf-8")
    code, out, _ = run(capsys, "search", "--queries", str(queries), "--top-k", "1")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2
    assert records[0]["id"] == "q1" and records[0]["query"] == "Taiwan Strait"
    assert "Taiwan Strait" in records[0]["hits"][0]["text"]
    assert records[1]["id"] and records[1]["id"] != "q1"
    assert records[1]["query"] == "Senkaku Islands"
    assert "Senkaku" in records[1]["hits"][0]["text"]
    assert all(len(r["hits"]) == 1 for r in records)


def test_search_queries_file_reports_a_bad_line_and_goes_on(capsys, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text("bad\twhat is the\ngood\tTaiwan Strait\n", encoding="utf-8")
    code, out, _ = run(capsys, "search", "--queries", str(queries))
    assert code == 0
    records = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert records["bad"]["hits"] == [] and records["bad"]["error"]
    assert records["good"]["hits"]


def test_search_needs_a_query_or_a_queries_file(capsys):
    code, out, err = run(capsys, "search")
    assert code == 2 and out == "" and len(error_lines(err)) == 1


def test_search_missing_queries_file_is_one_error_line(capsys, tmp_path):
    code, out, err = run(capsys, "search", "--queries", str(tmp_path / "missing.txt"))
    assert code == 2 and out == "" and len(error_lines(err)) == 1


# --- sources ----------------------------------------------------------------------------------


def test_sources_json_lists_both_documents_with_paragraph_counts(capsys, seeds):
    code, out, _ = run(capsys, "sources", "--json")
    assert code == 0
    data = json.loads(out)
    corpus = load_folder(seeds)
    listed = {d["id"]: d for d in data["documents"]}
    assert set(listed) == {p.stem for p in seeds.glob("*.txt")}
    for doc in corpus.documents:
        assert listed[doc.id]["paragraphs"] == len(doc.paragraphs) > 0
        assert listed[doc.id]["title"] == doc.title
    assert listed[DIPLOMAT_ID]["author"] == "Yuki Tatsumi"
    assert data["corpus"]["paragraphs"] == sum(d["paragraphs"] for d in data["documents"])


def test_briefbot_corpus_environment_variable_is_honoured(capsys, tmp_path, make_corpus, monkeypatch):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    monkeypatch.setenv("BRIEFBOT_CORPUS", str(folder))
    code, out, _ = run(capsys, "sources", "--json")
    assert code == 0
    assert [d["id"] for d in json.loads(out)["documents"]] == ["otters"]
    code, out, _ = run(capsys, "ask", "--json", "Who led the otter recovery program?")
    assert code == 0
    assert json.loads(out)["citations"][0]["doc"] == "otters"


def test_corpus_option_wins_over_the_environment_variable(capsys, tmp_path, make_corpus, monkeypatch):
    folder = make_corpus(tmp_path, {"otters.txt": OTTERS})
    monkeypatch.setenv("BRIEFBOT_CORPUS", str(tmp_path / "missing"))
    code, out, _ = run(capsys, "sources", "--json", "--corpus", str(folder))
    assert code == 0
    assert [d["id"] for d in json.loads(out)["documents"]] == ["otters"]


def test_binary_file_in_the_corpus_is_a_notice_and_the_rest_still_answers(
    capsys, tmp_path, make_corpus
):
    folder = make_corpus(
        tmp_path, {"otters.txt": OTTERS, "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}
    )
    code, out, err = run(capsys, "ask", "--json", "--corpus", str(folder), "Who led the otter program?")
    assert code == 0
    assert json.loads(out)["answered"] is True
    notices = [line for line in err.splitlines() if "skipped" in line]
    assert len(notices) == 1
    assert "photo.txt" in notices[0] and "binary" in notices[0]


# --- a real process ---------------------------------------------------------------------------


def test_python_dash_m_briefbot_ask_json_from_another_directory(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefbot", "ask", "--json", TAIWAN],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["answered"] is True
    assert data["citations"][0]["doc"] == DIPLOMAT_ID
    assert "Traceback" not in result.stderr
