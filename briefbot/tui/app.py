"""The terminal chat: questions on the left, the cited documents on the right.

The app never searches by itself: a worker thread asks the engine's Session and hands the
Answer back with ``call_from_thread``; a result for a question that is no longer the
latest is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static

from ..answer import Answer
from ..engine import Briefbot, QuestionError, Session
from ..errors import BriefbotError, OutputError
from ..safe import visible
from .examples import example_questions
from .transcript import default_transcript_path, transcript_markdown, write_atomically
from .widgets import (
    Exchange,
    LoadingPanel,
    Note,
    PromptInput,
    SourceLink,
    SourcesPane,
    Target,
    plain,
)

HELP = """\
Ask a question in plain words; every answer is quoted word for word from the documents.
Follow-ups such as "What about Taiwan?" are read in the light of the question before.

/help            this help
/sources         list the documents; choose one to read it
/clear           forget the conversation (follow-up context too)
/save [FILE]     save the transcript as Markdown (default briefbot-transcript-N.md);
                 an existing FILE is replaced only if you repeat the command

Keys: ctrl+n / ctrl+p next / previous citation · Tab then Enter opens a focused link
ctrl+o show or hide the sources · ctrl+l or Esc back to the question box
up / down earlier questions · ctrl+s save · ctrl+q quit"""


class BriefbotApp(App[None]):
    """Chat with a folder of documents; answers are verbatim, cited quotes."""

    CSS_PATH = "app.tcss"
    TITLE = "briefbot"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+n", "cite(1)", "Next cite", priority=True),
        Binding("ctrl+p", "cite(-1)", "Prev cite", priority=True),
        Binding("ctrl+o", "toggle_sources", "Sources"),
        Binding("ctrl+l", "focus_input", "Ask"),
        Binding("escape", "focus_input", "Ask", show=False),
    ]

    show_sources: reactive[bool] = reactive(True)

    @dataclass
    class Loading(Message):
        """The engine's progress while the documents load (from the loading thread)."""

        label: str
        done: int
        total: int

    def __init__(self, corpus: str | None = None, templates: str | None = None) -> None:
        super().__init__()
        self.corpus_path = corpus
        self.templates = templates
        self.bot: Briefbot | None = None
        self.session: Session | None = None
        self.answers: list[Answer] = []
        self.examples: list[str] = []
        self._latest = 0
        self._ask_lock = threading.Lock()
        self._cited: SourceLink | None = None
        self._confirm_overwrite: Path | None = None
        self.loading = True

    # Layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with VerticalScroll(id="conversation"):
                yield LoadingPanel(id="loading")
            yield SourcesPane(id="sources", classes="-empty")
        yield PromptInput(placeholder="Ask a question, or /help", id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "loading documents…"
        self.query_one(PromptInput).focus()
        self.load_engine()

    def watch_show_sources(self, show: bool) -> None:
        self.query_one(SourcesPane).set_class(not show, "-hidden")

    @property
    def conversation(self) -> VerticalScroll:
        return self.query_one("#conversation", VerticalScroll)

    async def add(self, *widgets: Widget) -> None:
        """Append to the conversation and keep its end in view."""
        await self.conversation.mount_all(widgets)
        self.scroll_to_end()

    def scroll_to_end(self) -> None:
        """Once the new content is laid out, bring the conversation's end into view."""
        self.call_after_refresh(self.conversation.scroll_end, animate=False)

    # Loading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_engine(self) -> None:
        progress = _Reporter(lambda *report: self.post_message(self.Loading(*report)))
        try:
            bot = Briefbot.from_folder(
                self.corpus_path, templates=self.templates, progress=progress
            )
            examples = example_questions(bot)
        except BriefbotError as exc:
            self.call_from_thread(self._load_failed, str(exc))
            return
        except OSError as exc:
            self.call_from_thread(self._load_failed, f"cannot read the documents: {exc}")
            return
        except Exception as exc:  # noqa: BLE001 - a bug while loading is shown, not a spinner for ever
            self.call_from_thread(self._load_failed, f"{type(exc).__name__}: {exc}")
            return
        self.call_from_thread(self._engine_ready, bot, examples)

    @on(Loading)
    def on_loading(self, event: Loading) -> None:
        for panel in self.query(LoadingPanel):  # none once loaded: a late report is moot
            panel.show(event.label, event.done, event.total)

    async def _drop_loading(self) -> None:
        self.loading = False
        await self.query("#loading").remove()

    async def _load_failed(self, message: str) -> None:
        await self._drop_loading()
        self.sub_title = "no documents"
        await self.add(Note(f"Could not load the documents: {message}", "error"))
        await self.add(Note("Restart with --corpus DIR naming a folder of .txt/.md files.", "hint"))

    async def _engine_ready(self, bot: Briefbot, examples: list[str]) -> None:
        self.bot = bot
        self.session = bot.session()
        self.examples = examples
        await self._drop_loading()
        summary = bot.corpus.summary()
        self.sub_title = f"{summary['documents']} documents · {summary['paragraphs']} paragraphs"
        for message in [*map(str, bot.corpus.skipped), *bot.notices]:
            await self.add(Note(message, "notice"))
        await self.add(self._hint())

    def _hint(self) -> Note:
        lines = Content("Ask about the documents, for example:")
        for q in self.examples:
            lines += Content("\n  • ") + plain(q)
        lines += Content("\nType /help for commands and keys, /sources to browse the documents.")
        return Note(lines, "hint")

    # Input --------------------------------------------------------------------------

    @on(Input.Submitted, "#prompt")
    async def on_prompt_submitted(self, event: Input.Submitted) -> None:
        await self.submit(event.value)

    async def submit(self, text: str) -> None:
        prompt = self.query_one(PromptInput)
        prompt.value = ""
        prompt.remember(text.strip())
        if text.strip().startswith("/"):
            await self.run_command(text.strip())
        elif not text.strip():
            await self.add(Note("Type a question first, or /help.", "notice"))
        elif self.session is None and self.loading:
            await self.add(Note("Still loading the documents; ask again in a moment.", "notice"))
        elif self.session is None:
            await self.add(Note("The documents are not loaded; nothing to search yet.", "notice"))
        else:
            self._latest += 1
            exchange = Exchange(text)
            await self.add(exchange)
            self.ask(self._latest, text, exchange)

    @work(thread=True, exclusive=True, group="ask", exit_on_error=False)
    def ask(self, request: int, question: str, exchange: Exchange) -> None:
        """Ask the engine in a thread; results go back to the UI thread."""
        assert self.session is not None
        try:
            with self._ask_lock:
                answer = self.session.ask(question)
        except QuestionError as exc:
            self.call_from_thread(self._show_note, request, exchange, _polite(str(exc)), "notice")
        except Exception as exc:  # noqa: BLE001 - any engine failure is shown, the app goes on
            message = f"{type(exc).__name__}: {exc}" if not isinstance(exc, BriefbotError) else str(exc)
            self.call_from_thread(self._show_note, request, exchange, message, "error")
        else:
            self.call_from_thread(self._show_answer, request, exchange, answer)

    async def _show_answer(self, request: int, exchange: Exchange, answer: Answer) -> None:
        if request != self._latest:
            await exchange.show_note("Skipped: a newer question came in.", "notice")
            return
        self.answers.append(answer)
        await exchange.show_answer(answer)
        self.scroll_to_end()

    async def _show_note(self, request: int, exchange: Exchange, text: str, kind: str) -> None:
        if request != self._latest:
            text, kind = "Skipped: a newer question came in.", "notice"
        await exchange.show_note(text, kind)
        self.scroll_to_end()

    # Commands -----------------------------------------------------------------------

    async def run_command(self, line: str) -> None:
        name, _, rest = line.partition(" ")
        name, rest = name.lower(), rest.strip()
        await self.add(Static(plain(line), classes="command"))
        if name == "/help":
            await self.add(Note(HELP, "help"))
        elif name == "/sources":
            await self.list_sources()
        elif name == "/clear":
            await self.clear()
        elif name == "/save":
            await self.save(rest or None)
        elif name == "/quit":
            self.exit()
        else:
            await self.add(Note(f"Unknown command {name}; type /help for the list.", "notice"))

    async def list_sources(self) -> None:
        if self.bot is None:
            await self.add(Note("The documents are not loaded.", "notice"))
            return
        links: list[Widget] = []
        for d in self.bot.corpus.documents:
            byline = f" — {d.author}" if d.author else ""
            label = Content.assemble(
                (visible(d.id), "dim"), "\n", (visible(d.title), "bold"),
                visible(byline), f" ({len(d.paragraphs)} paragraphs)",
            )
            links.append(SourceLink(label, Target(d.id), classes="document"))
        box = VerticalScroll(*links, classes="document-list")
        box.border_title = f"{len(links)} documents — click one, or Tab to it and press Enter"
        await self.add(box)

    async def clear(self) -> None:
        if self.session is not None:
            self.session.clear()
        self._latest += 1
        self.answers.clear()
        self._cited = None
        await self.conversation.remove_children()
        await self.add(Note("Conversation cleared.", "notice"))
        if self.bot is not None:
            await self.add(self._hint())

    async def save(self, name: str | None) -> None:
        if not self.answers:
            await self.add(Note("Nothing to save yet: ask a question first.", "notice"))
            return
        path = Path(name).expanduser() if name else default_transcript_path(Path.cwd())
        overwrite = self._confirm_overwrite == path
        try:
            write_atomically(path, transcript_markdown(self.answers), overwrite=overwrite)
        except FileExistsError:
            self._confirm_overwrite = path
            await self.add(
                Note(f"{path} already exists; type /save {name} again to replace it.", "notice")
            )
            return
        except OutputError as exc:
            self._confirm_overwrite = None
            await self.add(Note(f"Not saved: {exc}", "error"))
            return
        self._confirm_overwrite = None
        count = len(self.answers)
        await self.add(Note(f"Saved {count} answer{'s' * (count != 1)} to {path}", "notice"))

    # Citations and the sources pane -------------------------------------------------

    @on(SourceLink.Chosen)
    async def on_link_chosen(self, event: SourceLink.Chosen) -> None:
        await self.open_link(event.link)

    async def open_link(self, link: SourceLink) -> None:
        if self.bot is None:
            return
        if self._cited is not None:
            self._cited.remove_class("-chosen")
        self._cited = link
        link.add_class("-chosen")
        pane = self.query_one(SourcesPane)
        pane.remove_class("-empty")
        self.show_sources = True
        await pane.show(self.bot.corpus.document(link.target.doc), link.target)
        # After the pane has taken its room, so the link stays in view on narrow screens.
        self.call_after_refresh(link.scroll_visible, animate=False)

    async def action_cite(self, step: int) -> None:
        links = list(self.conversation.query(".citation").results(SourceLink))
        if not links:
            self.bell()
            return
        if self._cited in links:
            index = (links.index(self._cited) + step) % len(links)
        else:
            index = len(links) - 1 if step < 0 else 0
            # Start from the newest answer's first citation when going forward.
            if step > 0 and self.answers:
                newest = [lk for lk in links if lk.target.n == 1]
                index = links.index(newest[-1]) if newest else 0
        await self.open_link(links[index])

    def action_toggle_sources(self) -> None:
        pane = self.query_one(SourcesPane)
        if self.show_sources and pane.has_class("-empty") and self.screen.has_class("-narrow"):
            pane.remove_class("-empty")  # narrow screens hide an empty pane; show it now
        else:
            self.show_sources = not self.show_sources

    def action_focus_input(self) -> None:
        self.query_one(PromptInput).focus()

    async def action_save(self) -> None:
        await self.save(None)


class _Reporter:
    """Passes the engine's progress on about once per percent, and at every new stage."""

    def __init__(self, send: Callable[[str, int, int], object]) -> None:
        self.send = send
        self.last: tuple[str, int] | None = None

    def __call__(self, label: str, done: int, total: int) -> None:
        step = (label, done * 100 // total if total > 0 else 100)
        if step != self.last:
            self.last = step
            self.send(label, done, total)


def _polite(reason: str) -> str:
    return f"Nothing to search for: {reason}. Try naming a person, place or topic."


def make_app(corpus: str | None = None, templates: str | None = None) -> BriefbotApp:
    """The one factory for the command line and the tests; the engine loads after mount."""
    return BriefbotApp(corpus, templates)
