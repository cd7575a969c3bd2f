"""The Textual chat: Pilot tests that type questions and read the screen, plus snapshots."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import LoadingIndicator, ProgressBar, Static

from briefbot.tui.app import BriefbotApp, make_app
from briefbot.tui.transcript import write_atomically
from briefbot.tui.widgets import LoadingPanel, PromptInput, SourcesPane

TOKYO = "Who attended the March 2021 meeting in Tokyo?"
CAKE = "What is the recipe for chocolate cake?"
MARKUP = "[bold]x[/ {{ 7*7 }} [@click=app.quit]q[/]"


def texts(app: BriefbotApp, selector: str = "#conversation Static") -> str:
    """Everything the matching widgets render, as plain text."""
    return "\n".join(str(w.render()) for w in app.query(selector).results(Static))


async def ready(app: BriefbotApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def ask(app: BriefbotApp, pilot: Pilot[None], text: str, *, type_it: bool = False) -> None:
    """Submit ``text`` from the prompt: typed key by key, or pasted (faster)."""
    prompt = app.query_one("#prompt", PromptInput)
    prompt.focus()
    if type_it:
        await pilot.press(*text)
    else:
        prompt.value = text
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_loads_then_shows_examples_from_the_corpus() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        shown = texts(app)
        assert "Loading documents" not in shown
        assert len(app.examples) == 3
        assert all(q in shown for q in app.examples)
        # Each example names something the documents say, and the engine answers it.
        corpus_text = " ".join(p.text for p in app.bot.paragraphs)
        for question in app.examples:
            name = question.removeprefix("What do the documents say about ").rstrip("?")
            assert name != question and name in corpus_text
            assert app.bot.ask(question).answered


async def test_question_is_answered_with_a_cited_quote() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, TOKYO, type_it=True)
        shown = texts(app)
        assert TOKYO in shown
        assert "Blinken" in shown
        assert "[1] US-Japan 2+2: Charting New Waters for Japan?, ¶2" in shown


async def test_follow_up_shows_what_was_searched() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, TOKYO)
        assert "searched:" not in texts(app)
        await ask(app, pilot, "What about Taiwan?")
        exchanges = list(app.query(".exchange"))
        second = texts(app, ".exchange:last-of-type Static")
        assert len(exchanges) == 2
        assert "Taiwan" in second.split("searched:", 1)[1]
        assert "searched: Taiwan (with" in second


async def test_markup_and_template_syntax_in_a_question_are_shown_literally() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, MARKUP, type_it=True)
        assert app.is_running
        question = texts(app, ".question")
        assert MARKUP in question
        assert "49" not in texts(app)


async def test_stopword_question_gets_a_polite_prompt() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, "what is the")
        await ask(app, pilot, "   ")
        assert app.is_running
        shown = texts(app)
        assert "Nothing to search for: the question has no words" in shown
        assert "Type a question first" in shown


async def test_not_in_the_sources_looks_different() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, CAKE)
        box = app.query_one(".not-found")
        assert box.border_title == "Not in the sources"
        assert not app.query(".answer")
        assert "None of the 2 documents" in texts(app)


async def test_choosing_a_citation_shows_the_cited_paragraph() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, TOKYO)
        await pilot.click(".citation")
        await pilot.pause()
        pane = app.query_one(SourcesPane)
        cited = app.query_one("#sources .cited", Static)
        assert str(cited.render()).startswith("¶2 On March 16")
        assert "Blinken" in str(cited.render())
        assert "cited: ¶2 of 12" in texts(app, "#sources Static")
        assert "Yuki Tatsumi" in texts(app, "#sources Static")
        assert pane.shown is not None and pane.shown.paragraph == 2


async def test_a_quote_from_the_heading_opens_the_heading() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, "Who wrote the Diplomat piece?")
        assert "heading" in texts(app, ".citation")
        await pilot.click(".citation")
        await pilot.pause()
        cited = app.query_one("#sources .cited", Static)
        assert str(cited.render()).startswith("heading US-Japan 2+2")
        assert "By Yuki Tatsumi" in str(cited.render())
        assert "cited: heading · 12 paragraphs" in texts(app, "#sources Static")


async def test_ctrl_n_walks_the_citations_and_ctrl_o_hides_the_pane() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, TOKYO)
        await ask(app, pilot, "What about Taiwan?")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.query_one(SourcesPane).shown.paragraph == 7  # newest answer first
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.query_one(SourcesPane).shown.paragraph == 2
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert not app.query_one(SourcesPane).display


async def test_sources_command_lists_documents_and_opens_one() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, "/sources")
        listing = texts(app, ".document")
        assert "003_229f363dde212fe3" in listing
        assert "Yuki Tatsumi (12 paragraphs)" in listing
        await pilot.click(".document")
        await pilot.pause()
        assert "Japan-US 2 Plus 2" in texts(app, "#sources-head")
        assert "13 paragraphs" in texts(app, "#sources Static")


async def test_history_recalls_earlier_questions() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, TOKYO)
        await ask(app, pilot, CAKE)
        prompt = app.query_one("#prompt")
        await pilot.press("up")
        assert prompt.value == CAKE
        await pilot.press("up")
        assert prompt.value == TOKYO
        await pilot.press("down", "down")
        assert prompt.value == ""


async def test_save_writes_a_transcript_and_asks_before_replacing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, TOKYO)
        await ask(app, pilot, "/save")
        saved = tmp_path / "briefbot-transcript-1.md"
        text = saved.read_text(encoding="utf-8")
        assert TOKYO in text and "¶2" in text and "Blinken" in text
        (tmp_path / "mine.md").write_text("keep me", encoding="utf-8")
        await ask(app, pilot, "/save mine.md")
        assert (tmp_path / "mine.md").read_text(encoding="utf-8") == "keep me"
        assert "type /save mine.md again" in texts(app)
        await ask(app, pilot, "/save mine.md")
        assert TOKYO in (tmp_path / "mine.md").read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (tmp_path / "briefbot-transcript-2.md").exists()
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == []


async def test_save_into_a_missing_folder_is_an_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, TOKYO)
        await ask(app, pilot, "/save nowhere/x.md")
        assert "Not saved: output folder does not exist" in texts(app, ".error")
        assert app.is_running


def test_atomic_write_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "t.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_atomically(target, "new", overwrite=False)
    assert target.read_text(encoding="utf-8") == "old"
    write_atomically(target, "new", overwrite=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.md"]


async def test_clear_forgets_the_conversation() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, TOKYO)
        await ask(app, pilot, "/clear")
        assert not app.query(".exchange")
        assert app.answers == []
        await ask(app, pilot, "What about Taiwan?")
        assert "searched:" not in texts(app)


async def test_missing_corpus_folder_is_shown_in_the_app(tmp_path: Path) -> None:
    app = make_app(str(tmp_path / "nope"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        errors = texts(app, ".error")
        assert "Could not load the documents: corpus folder not found" in errors
        await ask(app, pilot, TOKYO)
        assert app.is_running
        assert "not loaded" in texts(app)


async def test_an_engine_failure_is_an_error_line(monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)

        def broken(question: str) -> None:
            raise RuntimeError("index exploded")

        monkeypatch.setattr(app.session, "ask", broken)
        await ask(app, pilot, TOKYO)
        assert app.is_running
        assert "RuntimeError: index exploded" in texts(app, ".error")


async def test_a_stale_result_is_dropped() -> None:
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, TOKYO)
        exchange = app.query_one(".exchange")
        answer = app.answers[0]
        await app._show_answer(app._latest - 1, exchange, answer)  # an older request's result
        assert len(app.answers) == 1


async def test_narrow_screen_hides_the_empty_pane() -> None:
    app = make_app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert not app.query_one(SourcesPane).display
        await ask(app, pilot, TOKYO)
        await pilot.click(".citation")
        await pilot.pause()
        assert app.query_one(SourcesPane).display


# Snapshots ------------------------------------------------------------------------------

SIZE = (100, 30)


async def _settle(pilot: Pilot[None]) -> None:
    # A blinking cursor would make the picture depend on the moment it is taken.
    pilot.app.query_one("#prompt", PromptInput).cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _asking(*questions: str, cite: bool = False):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await _settle(pilot)
        for q in questions:
            await pilot.press(*q, "enter")
            await _settle(pilot)
        if cite:
            await pilot.press("ctrl+n")
            # The pane scrolls to the cited paragraph after a refresh; let that land.
            for _ in range(3):
                await pilot.pause()
                await pilot.wait_for_scheduled_animations()

    return run_before


def test_snapshot_empty_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(None), terminal_size=SIZE, run_before=_settle)


def test_snapshot_answered(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(None), terminal_size=SIZE, run_before=_asking(TOKYO))


def test_snapshot_not_in_sources(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(None), terminal_size=SIZE, run_before=_asking(CAKE))


def test_snapshot_sources_pane(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        make_app(None), terminal_size=SIZE, run_before=_asking(TOKYO, cite=True)
    )


async def test_user_templates_change_the_answer_on_screen(tmp_path: Path) -> None:
    (tmp_path / "answer.md.j2").write_text(
        "Custom answer with {{ citations | length }} quote(s)\n", encoding="utf-8"
    )
    app = make_app(None, str(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await ask(app, pilot, TOKYO)
        shown = texts(app)
        assert "Custom answer with 1 quote(s)" in shown
        assert "Blinken" not in shown


# --- loading a large corpus ----------------------------------------------------------------


@pytest.fixture
def slow_load(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The engine reports 41,000 of 100,000 paragraphs indexed, then waits for the gate."""
    from briefbot.tui import app as app_module

    gate = threading.Event()
    real = app_module.Briefbot.from_folder

    def from_folder(folder=None, *, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        progress("Indexing paragraphs", 41_000, 100_000)
        gate.wait(30)
        return real(folder, **kwargs)

    monkeypatch.setattr(app_module.Briefbot, "from_folder", from_folder)
    yield gate
    gate.set()


async def _until_measured(pilot: Pilot[None]) -> LoadingPanel:
    panel = pilot.app.query_one(LoadingPanel)
    for _ in range(200):
        if panel.has_class("-measured"):
            break
        await pilot.pause()
    return panel


async def test_loading_shows_progress_and_the_app_stays_responsive(slow_load) -> None:  # type: ignore[no-untyped-def]
    app = make_app(None)
    async with app.run_test(size=(100, 30)) as pilot:
        panel = await _until_measured(pilot)
        assert "Indexing paragraphs: 41,000 of 100,000…" in texts(app, "LoadingPanel Static")
        assert panel.query_one(ProgressBar).percentage == pytest.approx(0.41)
        assert not panel.query_one(LoadingIndicator).display  # the bar replaces the spinner
        # Typing and commands work while the engine is busy.
        await pilot.press(*"Who", "enter")
        assert "Still loading the documents" in texts(app)
        await pilot.press(*"/help", "enter")
        assert "/sources" in texts(app)
        slow_load.set()
        await ready(app, pilot)
        assert not app.query(LoadingPanel)
        assert len(app.examples) == 3
        await ask(app, pilot, TOKYO)
        assert "Blinken" in texts(app)


def test_snapshot_loading_a_large_corpus(snap_compare, slow_load) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        app.query_one("#prompt", PromptInput).cursor_blink = False
        await _until_measured(pilot)
        await pilot.pause()
        # The picture is taken before the app exits; then let the loading thread finish.
        exit_app = app.exit
        app.exit = lambda *args, **kwargs: (slow_load.set(), exit_app(*args, **kwargs))  # type: ignore[method-assign]

    assert snap_compare(make_app(None), terminal_size=SIZE, run_before=run_before)
