"""Loading progress: the engine reports it, the command line draws it on a terminal only."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from helpers import OTTERS

from briefbot import cache, progressbar
from briefbot.cli import main
from briefbot.engine import READING, Briefbot
from briefbot.indexing import TOKENIZING
from briefbot.progressbar import ProgressBar

FILES = {
    "otters.txt": OTTERS,
    "herons.txt": "Herons\n\nGrey herons nest in tall trees near the lake each spring.\n",
    "cranes.md": "# Cranes\n\nCranes dance in the marsh at dusk.\n\nThey mate for life.\n",
}


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


# --- the engine's reports ----------------------------------------------------------------


def test_the_engine_reports_reading_then_indexing(tmp_path: Path, make_corpus) -> None:  # type: ignore[no-untyped-def]
    folder = make_corpus(tmp_path, FILES)
    events: list[tuple[str, int, int]] = []
    bot = Briefbot.from_folder(folder, progress=lambda *e: events.append(e))
    reading = [e for e in events if e[0] == READING]
    indexing = [e for e in events if e[0] == TOKENIZING]
    assert reading == [(READING, n, 3) for n in (1, 2, 3)]
    paragraphs = len(bot.paragraphs)
    assert indexing[-1] == (TOKENIZING, paragraphs, paragraphs)
    assert [e[1] for e in indexing] == sorted(e[1] for e in indexing)
    assert events.index(reading[-1]) < events.index(indexing[0])


def test_a_warm_cache_reports_no_indexing(
    tmp_path: Path, make_corpus, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(cache, "MIN_PARAGRAPHS", 1)
    folder = make_corpus(tmp_path, FILES)
    Briefbot.from_folder(folder)
    events: list[tuple[str, int, int]] = []
    Briefbot.from_folder(folder, progress=lambda *e: events.append(e))
    assert {e[0] for e in events} == {READING}


# --- the bar -------------------------------------------------------------------------------


def test_the_bar_waits_before_drawing_then_shows_label_and_counts() -> None:
    clock, out = Clock(), io.StringIO()
    bar = ProgressBar(out, clock=clock)
    bar(TOKENIZING, 10, 100_000)
    assert out.getvalue() == ""  # a quick load never shows a bar
    clock.now += progressbar.DELAY
    bar(TOKENIZING, 41_000, 100_000)
    line = out.getvalue()
    assert line.startswith("\r") and line.endswith("\x1b[K")
    assert "Indexing paragraphs [" in line and "] 41,000/100,000" in line
    assert line.count("#") == round(0.41 * progressbar.WIDTH)


def test_the_bar_redraws_sparingly_but_always_for_a_new_stage_or_the_end() -> None:
    clock, out = Clock(), io.StringIO()
    bar = ProgressBar(out, clock=clock)
    clock.now += progressbar.DELAY
    bar(READING, 1, 10)
    bar(READING, 2, 10)  # too soon after the last
    assert out.getvalue().count("\r") == 1
    bar(READING, 10, 10)  # the end
    bar(TOKENIZING, 1, 500)  # a new stage
    assert out.getvalue().count("\r") == 3
    clock.now += 2 * progressbar.INTERVAL
    bar(TOKENIZING, 2, 500)
    assert out.getvalue().count("\r") == 4


def test_closing_wipes_the_line_only_if_something_was_drawn() -> None:
    clock, out = Clock(), io.StringIO()
    bar = ProgressBar(out, clock=clock)
    bar.close()
    assert out.getvalue() == ""
    clock.now += progressbar.DELAY
    bar(READING, 1, 2)
    bar.close()
    assert out.getvalue().endswith("\r\x1b[K")


def test_the_bar_fits_the_terminal_and_shows_labels_safely() -> None:
    clock, out = Clock(), io.StringIO()
    bar = ProgressBar(out, clock=clock)
    line = bar.line("Reading \x1b[31mred", 5, 10)
    assert "\x1b" not in line and "^[" in line
    assert len(bar.line("x" * 500, 1, 2)) < 80  # StringIO has no size: 80 columns


# --- the command line ----------------------------------------------------------------------


@pytest.fixture
def no_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progressbar, "DELAY", 0.0)


def run_with_stderr(stderr: io.StringIO, *argv: str) -> int:
    old = sys.stderr
    sys.stderr = stderr
    try:
        return main(list(argv))
    finally:
        sys.stderr = old


def test_a_terminal_sees_the_bar_and_then_a_clean_line(
    tmp_path: Path, make_corpus, capsys, no_delay  # type: ignore[no-untyped-def]
) -> None:
    folder = make_corpus(tmp_path, FILES)
    err = Terminal()
    code = run_with_stderr(err, "ask", "Who led the otter recovery program?", "--corpus", str(folder))
    assert code == 0
    shown = err.getvalue()
    assert "briefbot: Reading documents [" in shown and "3/3" in shown
    assert "briefbot: Indexing paragraphs [" in shown
    assert shown.endswith("\r\x1b[K")  # wiped before anything else is said
    assert "Maria Gonzalez" in capsys.readouterr().out


def test_notices_start_on_a_clean_line_after_the_bar(
    tmp_path: Path, make_corpus, capsys, no_delay  # type: ignore[no-untyped-def]
) -> None:
    folder = make_corpus(tmp_path, {**FILES, "empty.txt": ""})
    err = Terminal()
    run_with_stderr(err, "search", "otter", "--corpus", str(folder))
    shown = err.getvalue()
    assert "\r\x1b[Kbriefbot: skipped " in shown


@pytest.mark.parametrize("json_output", [False, True])
def test_scripts_and_json_never_see_a_bar(
    tmp_path: Path, make_corpus, capsys, no_delay, json_output: bool  # type: ignore[no-untyped-def]
) -> None:
    folder = make_corpus(tmp_path, FILES)
    args = ["ask", "Who led the otter recovery program?", "--corpus", str(folder)]
    if json_output:
        err = Terminal()  # a person may watch stderr, but --json output is for a program
        code = run_with_stderr(err, *args, "--json")
        shown = err.getvalue()
        assert json.loads(capsys.readouterr().out)["answered"] is True
    else:
        code = main(args)  # capsys: stderr is not a terminal
        shown = capsys.readouterr().err
    assert code == 0
    assert shown == ""


def test_json_lines_from_a_queries_file_see_no_bar(
    tmp_path: Path, make_corpus, capsys, no_delay  # type: ignore[no-untyped-def]
) -> None:
    folder = make_corpus(tmp_path, FILES)
    queries = tmp_path / "queries.txt"
    queries.write_text("otter\nheron\n", encoding="utf-8")
    err = Terminal()
    code = run_with_stderr(err, "search", "--queries", str(queries), "--corpus", str(folder))
    assert code == 0
    assert err.getvalue() == ""
    assert len(capsys.readouterr().out.splitlines()) == 2
