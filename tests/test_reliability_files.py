"""RELIABILITY.md cases 14-20: user templates, output files, caches and the chat's workers.

Templates go through ``ask --templates``, ``brief --templates`` and ``chat --templates``;
output files through ``brief -o`` and the chat's ``/save``.  test_brief.py pins many more
variants of cases 14-18 for the memo alone.
"""

from __future__ import annotations

import ast
import json
import os
import pickle
import threading
from pathlib import Path

import numpy as np
import pytest
from helpers import OTTERS, hang_guard, run, write_questions
from pilot_helpers import SIZE, settle, submit, widget_text

import briefbot.output
from briefbot import cache
from briefbot.engine import Briefbot
from briefbot.tui.app import make_app

QUESTION = "Who led the otter program?"
PACKAGE = Path(briefbot.output.__file__).resolve().parent


@pytest.fixture
def otters(tmp_path, make_corpus) -> Path:
    return make_corpus(tmp_path, {"otters.txt": OTTERS})


def user_templates(tmp_path: Path, name: str, source: str, folder: str = "templates") -> Path:
    """A templates folder holding ``name``; the bundled templates fill in the rest."""
    folder = tmp_path / folder
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(source, encoding="utf-8")
    return folder


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and "cache" not in p.relative_to(folder).parts}


# --- case 14: templates that try to leave the sandbox -----------------------------------------

ESCAPING = {
    "class": "{{ ''.__class__ }}",
    "attr-filter": "{{ ''|attr('__class__') }}",
    "huge-range": "{% for i in range(10**9) %}{{ i }}{% endfor %}",
}


@pytest.mark.parametrize("source", ESCAPING.values(), ids=list(ESCAPING))
def test_reliability_case_14_sandbox_escape_is_refused_by_ask_and_brief(
    capsys, tmp_path, otters, source
):
    templates = str(user_templates(tmp_path, "answer.md.j2", f"ok\n{source}\n", "for-ask"))
    code, out, err = run(capsys, "ask", QUESTION, "--corpus", str(otters), "--templates", templates)
    assert (code, out) == (2, "")
    assert err.startswith("briefbot: error: template error in answer.md.j2, line 2: ")
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    qfile = write_questions(tmp_path / "q.txt", QUESTION)
    memo = tmp_path / "memo.md"
    templates = str(user_templates(tmp_path, "briefing.md.j2", f"# {{{{ title }}}}\n{source}\n"))
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(otters),
                         "--templates", templates, "-o", str(memo))
    assert (code, out) == (2, "")
    assert err.startswith("briefbot: error: template error in briefing.md.j2, line 2: ")
    assert not memo.exists()
    # The app keeps running: the same engine answers with the bundled templates.
    code, out, _ = run(capsys, "ask", QUESTION, "--corpus", str(otters))
    assert code == 0 and "Maria Gonzalez" in out


RUNAWAY = {
    "nested-string-loops": "{% set s = 'x' * 999999 %}{% for a in s %}{% for b in s %}"
                           "{% endfor %}{% endfor %}",
    "recursive-loop": "{% set row = 'x' * 999999 %}{% for x in [1, 2] recursive %}"
                      "{% if x != 'x' %}{{ loop(row) }}{% endif %}{% endfor %}",
    "format-width": "{{ '%999999999s'|format('x') }}",
    "str-format-width": "{{ '{:>999999999}'.format('x') }}",
    "str-format-width-argument": "{{ '{:{}}'.format('x', 999999999) }}",
    "doubling-concat": "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
                       "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "doubling-plus": "{% set ns = namespace(s=[1]) %}{% for i in range(40) %}"
                     "{% set ns.s = ns.s + ns.s %}{% endfor %}",
    "huge-output": "{% set big = 'x'|center(999999) %}{% for i in range(999) %}{{ big }}"
                   "{% endfor %}",
}


@pytest.mark.parametrize("source", RUNAWAY.values(), ids=list(RUNAWAY))
def test_reliability_case_14_runaway_loops_and_values_are_refused_not_run(
    capsys, tmp_path, otters, source
):
    templates = str(user_templates(tmp_path, "answer.md.j2", f"ok\n{source}\n"))
    with hang_guard():
        code, out, err = run(capsys, "ask", QUESTION, "--corpus", str(otters),
                             "--templates", templates)
    assert (code, out) == (2, "")
    assert err.startswith("briefbot: error: template error in answer.md.j2")
    assert " over " in err and len(err.splitlines()) == 1


def test_reliability_case_14_bounded_templates_still_loop_format_and_join(
    capsys, tmp_path, otters
):
    """Control for the refusals above: ordinary loops, recursion, format and ~ still work."""
    source = (
        "{% for c in citations %}{{ '%s/%s'|format(loop.index, loop.length) }} "
        "{{ '{:>3}'.format(c.paragraph) }} {{ c.title ~ '!' }} {{ [1] + [2] }}{% endfor %}\n"
        "{% for x in [[1, [2]], 3] recursive %}{% if x is iterable %}{{ loop(x) }}"
        "{% else %}{{ x }}{% endif %}{% endfor %}\n"
    )
    templates = str(user_templates(tmp_path, "answer.md.j2", source))
    code, out, err = run(capsys, "ask", QUESTION, "--corpus", str(otters), "--templates", templates)
    assert code == 0, err
    assert out == "1/1   1 River Otters Return! [1, 2]123"


async def test_reliability_case_14_sandbox_escape_is_an_error_line_in_the_chat(tmp_path, otters):
    templates = user_templates(tmp_path, "answer.md.j2", "ok\n{{ ''|attr('__class__') }}\n")
    app = make_app(str(otters), str(templates))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await submit(app, pilot, QUESTION)
        errors = widget_text(app, ".error")
        assert "template error in answer.md.j2, line 2" in errors
        assert "<class" not in widget_text(app)
        await submit(app, pilot, "/sources")
        assert app.is_running and "otters" in widget_text(app, ".document")


# --- case 15: templates with a syntax error or an undefined variable ---------------------------

BROKEN = {
    "syntax": ("title\n\n{% for c in %}\n{% endfor %}\n", "line 3"),
    "undefined": ("title\n{{ no_such_value }}\n", "line 2"),
    "unclosed": ("title\n{% if citations %}\nno end\n", "line 3"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_reliability_case_15_broken_template_names_file_and_line_and_writes_nothing(
    capsys, tmp_path, otters, case
):
    source, line = BROKEN[case]
    templates = str(user_templates(tmp_path, "answer.md.j2", source, "for-ask"))
    code, out, err = run(capsys, "ask", "--json", QUESTION, "--corpus", str(otters),
                         "--templates", templates)
    assert (code, out) == (2, "")
    assert "answer.md.j2" in err and line in err and len(err.splitlines()) == 1
    qfile = write_questions(tmp_path / "q.txt", QUESTION)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    templates = str(user_templates(tmp_path, "briefing.html.j2", source))
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(otters),
                         "--templates", templates, "-o", str(out_dir / "memo.html"))
    assert (code, out) == (2, "")
    assert "briefing.html.j2" in err and line in err and len(err.splitlines()) == 1
    assert list(out_dir.iterdir()) == []


async def test_reliability_case_15_broken_template_names_file_and_line_in_the_chat(
    tmp_path, otters
):
    templates = user_templates(tmp_path, "not_found.md.j2", "x\n\n{{ nope }}\n")
    app = make_app(str(otters), str(templates))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await submit(app, pilot, "What is the recipe for chocolate cake?")
        assert "template error in not_found.md.j2, line 3: 'nope' is undefined" in widget_text(
            app, ".error")
        await submit(app, pilot, QUESTION)  # the answer template is the bundled one
        assert app.answers[-1].answered and app.is_running


# --- case 16: an existing output file without --force -----------------------------------------


def test_reliability_case_16_existing_memo_is_refused_without_force_and_untouched(
    capsys, tmp_path, otters
):
    qfile = write_questions(tmp_path / "q.txt", QUESTION)
    memo = tmp_path / "memo.md"
    memo.write_bytes(b"my own notes\r\n\x00")
    before = files_under(tmp_path)
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(otters), "-o", str(memo))
    assert (code, out) == (2, "")
    assert err == f"briefbot: error: output file exists: {memo} (use --force to replace it)\n"
    assert files_under(tmp_path) == before
    code, _, err = run(capsys, "brief", str(qfile), "--corpus", str(otters), "-o", str(memo),
                       "--force")
    assert code == 0 and "Maria Gonzalez" in memo.read_text(encoding="utf-8")


async def test_reliability_case_16_chat_save_asks_before_replacing_a_file(
    tmp_path, otters, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    mine = tmp_path / "mine.md"
    mine.write_bytes(b"keep me")
    app = make_app(str(otters))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await submit(app, pilot, QUESTION)
        await submit(app, pilot, "/save mine.md")
        assert mine.read_bytes() == b"keep me"
        assert "already exists; type /save mine.md again" in widget_text(app)
        await submit(app, pilot, "/save mine.md")
        assert "Maria Gonzalez" in mine.read_text(encoding="utf-8")


# --- case 17: a crash or Ctrl-C while writing -------------------------------------------------


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_reliability_case_17_ctrl_c_mid_write_keeps_the_old_memo_and_no_temp_file(
    capsys, tmp_path, otters, monkeypatch, where
):
    qfile = write_questions(tmp_path / "q.txt", QUESTION)
    memo = tmp_path / "memo.md"
    memo.write_bytes(b"the old memo\n")

    def interrupt(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(briefbot.output.os, where, interrupt)
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(otters), "-o", str(memo),
                         "--force")
    monkeypatch.undo()
    assert (code, out, err) == (130, "", "briefbot: interrupted\n")
    assert memo.read_bytes() == b"the old memo\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["memo.md", "q.txt"]


async def test_reliability_case_17_chat_save_crash_keeps_the_old_file_and_no_temp_file(
    tmp_path, otters, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    saved = tmp_path / "briefbot-transcript-1.md"
    app = make_app(str(otters))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await submit(app, pilot, QUESTION)
        await submit(app, pilot, "/save")
        first = saved.read_bytes()
        await submit(app, pilot, "What is the recipe for chocolate cake?")

        def disk_full(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(briefbot.output.os, "fsync", disk_full)
        await submit(app, pilot, f"/save {saved.name}")
        await submit(app, pilot, f"/save {saved.name}")  # confirmed: now it tries, and fails
        monkeypatch.undo()
        assert "Not saved: cannot write" in widget_text(app, ".error")
        assert "No space left on device" in widget_text(app, ".error")
        assert app.is_running
    assert saved.read_bytes() == first
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- case 18: an output path that is a folder, missing, read-only or the questions file ---------


@pytest.mark.parametrize("kind", ["folder", "missing-parent", "read-only", "questions-file"])
def test_reliability_case_18_bad_memo_target_is_one_error_and_nothing_is_written(
    capsys, tmp_path, otters, monkeypatch, kind
):
    qfile = write_questions(tmp_path / "q.txt", QUESTION)
    target = {
        "folder": tmp_path / "a-folder",
        "missing-parent": tmp_path / "no" / "such" / "memo.md",
        "read-only": tmp_path / "ro" / "memo.md",
        "questions-file": qfile,
    }[kind]
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "ro").mkdir()
    real_access = os.access
    monkeypatch.setattr(briefbot.output.os, "access", lambda path, mode, **kw: (
        False if Path(path) == tmp_path / "ro" else real_access(path, mode, **kw)))
    before = files_under(tmp_path)
    code, out, err = run(capsys, "brief", str(qfile), "--corpus", str(otters), "-o", str(target),
                         "--force")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith("briefbot: error: ")
    expected = {"folder": "output is a folder", "missing-parent": "output folder does not exist",
                "read-only": "output is not writable", "questions-file": "overwrite the input"}
    assert expected[kind] in err
    assert files_under(tmp_path) == before
    assert sorted(p.name for p in (tmp_path / "ro").iterdir()) == []


async def test_reliability_case_18_bad_save_target_is_one_error_line_in_the_chat(
    tmp_path, otters, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-folder").mkdir()
    app = make_app(str(otters))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await submit(app, pilot, QUESTION)
        await submit(app, pilot, "/save a-folder")
        await submit(app, pilot, "/save no/such/t.md")
        errors = widget_text(app, ".error").splitlines()
        assert errors == ["Error: Not saved: output is a folder: a-folder",
                          "Error: Not saved: output folder does not exist: no/such"]
        assert app.is_running
    assert list((tmp_path / "a-folder").iterdir()) == []


# --- case 19: a truncated, corrupt or foreign cache; never unpickled ---------------------------


@pytest.fixture
def damaged_cache(otters, monkeypatch) -> Path:
    """``otters`` with a cached index that is then damaged (every corpus is "large" here)."""
    monkeypatch.setattr(cache, "MIN_PARAGRAPHS", 1)
    Briefbot.from_folder(otters)
    (entry,) = [p for p in cache.cache_dir().iterdir() if not p.name.startswith(".")]
    # An object array in place of the index's postings: reading it back needs
    # unpickling, which must be refused.
    with np.load(entry / "arrays.npz") as stored:
        arrays = {name: stored[name] for name in stored.files}
    arrays["index_paragraphs"] = np.array([object()])
    np.savez(entry / "arrays.npz", **arrays)

    def no_unpickling(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("something was unpickled")

    monkeypatch.setattr(pickle, "load", no_unpickling)
    monkeypatch.setattr(pickle, "loads", no_unpickling)
    return otters


def test_reliability_case_19_damaged_cache_is_rebuilt_with_a_notice_never_unpickled(
    capsys, damaged_cache
):
    code, out, err = run(capsys, "ask", "--json", QUESTION, "--corpus", str(damaged_cache))
    assert code == 0
    assert json.loads(out)["citations"][0]["doc"] == "otters"
    assert err.startswith("briefbot: index cache unreadable") and "rebuilding it" in err
    code, out, err = run(capsys, "ask", "--json", QUESTION, "--corpus", str(damaged_cache))
    assert code == 0 and err == ""  # rebuilt: read back cleanly now


async def test_reliability_case_19_damaged_cache_is_a_notice_in_the_chat(damaged_cache):
    app = make_app(str(damaged_cache))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "index cache unreadable" in widget_text(app, ".notice")
        await submit(app, pilot, QUESTION)
        assert app.answers[-1].answered


def test_reliability_case_19_nothing_read_back_can_be_unpickled():
    """No module can unpickle: none imports pickle, marshal, shelve or dill, and every
    np.load says allow_pickle=False.  (Transcripts are written, never read back.)"""
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert not {"pickle", "marshal", "shelve", "dill"} & {
                    n.split(".")[0] for n in names}, path
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "np.load":
                assert any(k.arg == "allow_pickle" and ast.unparse(k.value) == "False"
                           for k in node.keywords), path


async def test_reliability_case_19_a_corrupt_earlier_transcript_is_left_alone(
    tmp_path, otters, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    old = tmp_path / "briefbot-transcript-1.md"
    old.write_bytes(b"\x00\xff truncated")
    app = make_app(str(otters))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await submit(app, pilot, QUESTION)
        await submit(app, pilot, "/save")
    assert old.read_bytes() == b"\x00\xff truncated"
    assert "Maria Gonzalez" in (tmp_path / "briefbot-transcript-2.md").read_text(encoding="utf-8")


# --- case 20: questions faster than answers; exceptions in workers -----------------------------


async def test_reliability_case_20_only_the_latest_of_quick_questions_is_answered(otters):
    app = make_app(str(otters))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.session is not None
        release = threading.Event()
        real_ask = app.session.ask

        def slow_ask(question: str, **kwargs):  # type: ignore[no-untyped-def]
            if "beavers" in question:
                release.wait(5)  # the first question is still being answered...
            return real_ask(question, **kwargs)

        app.session.ask = slow_ask  # type: ignore[method-assign]
        prompt = app.query_one("#prompt")
        prompt.value = "What do beavers build?"
        await pilot.press("enter")
        await pilot.pause()
        prompt.value = QUESTION  # ...when the second one comes in
        await pilot.press("enter")
        await pilot.pause()
        release.set()
        await settle(app, pilot)
        first, second = app.query(".exchange")
        assert "Skipped: a newer question came in." in widget_text(app, ".exchange .notice")
        assert not first.query(".answer") and second.query(".answer")
        assert [a.question for a in app.answers] == [QUESTION]


async def test_reliability_case_20_an_exception_in_the_worker_is_shown_and_the_chat_goes_on(
    otters,
):
    app = make_app(str(otters))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.session is not None
        real_ask = app.session.ask
        calls = []

        def flaky(question: str, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(question)
            if len(calls) == 1:
                raise ZeroDivisionError("division by zero in the index")
            return real_ask(question, **kwargs)

        app.session.ask = flaky  # type: ignore[method-assign]
        await submit(app, pilot, QUESTION)
        assert "Error: ZeroDivisionError: division by zero in the index" in widget_text(
            app, ".error")
        await submit(app, pilot, QUESTION)
        assert app.is_running and app.answers[-1].answered


async def test_reliability_case_20_an_unexpected_failure_while_loading_is_shown(
    otters, monkeypatch
):
    def broken(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(Briefbot, "from_folder", classmethod(broken))
    app = make_app(str(otters))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Could not load the documents: RecursionError: maximum recursion" in widget_text(
            app, ".error")
        assert not app.query("#loading")
        await submit(app, pilot, QUESTION)
        assert app.is_running and "not loaded" in widget_text(app)
