"""The chat's pieces: the prompt with history, a conversation exchange, citation links, the
sources pane.  Every user or document string reaches the screen as ``Content`` built from
plain text (never parsed as markup), after :func:`briefbot.safe.visible`.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, LoadingIndicator, Markdown, ProgressBar, Static

from ..answer import Answer, Citation
from ..corpus import Document, place
from ..safe import visible


def plain(text: str) -> Content:
    """Text shown exactly as it is: no markup, no control characters."""
    return Content(visible(text))


@dataclass(frozen=True)
class Target:
    """What a link opens in the sources pane: a document, maybe a cited span in it."""

    doc: str
    paragraph: int | None = None
    start: int = 0
    end: int = 0
    n: int | None = None


class PromptInput(Input):
    """The question box, with up/down through earlier entries."""

    BINDINGS = [
        Binding("up", "history(-1)", "Previous entry", show=False),
        Binding("down", "history(1)", "Next entry", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.history: list[str] = []
        self._position = 0
        self._draft = ""

    def remember(self, entry: str) -> None:
        if entry and (not self.history or self.history[-1] != entry):
            self.history.append(entry)
        self._position = len(self.history)
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._position == len(self.history):
            self._draft = self.value
        self._position = max(0, min(len(self.history), self._position + step))
        self.value = (
            self.history[self._position] if self._position < len(self.history) else self._draft
        )
        self.cursor_position = len(self.value)


class SourceLink(Static, can_focus=True):
    """A citation such as "[1] Title, ¶7", or a document entry; click or Enter opens it."""

    BINDINGS = [Binding("enter,space", "choose", "Open", show=False)]

    @dataclass
    class Chosen(Message):
        link: SourceLink

    def __init__(self, label: Content, target: Target, **kwargs: object) -> None:
        super().__init__(label, **kwargs)  # type: ignore[arg-type]
        self.target = target

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_choose()


def open_link(c: Citation) -> SourceLink:
    """A compact link that opens citation ``c`` in the sources pane."""
    return SourceLink(
        Content.assemble(("↗ ", "dim"), (f"[{c.n}]", "bold"), " " + place(c.paragraph)),
        Target(c.doc, c.paragraph, c.start, c.end, c.n),
        classes="citation",
    )


def _parser() -> MarkdownIt:
    """Textual's GitHub-like Markdown without linkify: a URL in a quote stays text."""
    return MarkdownIt("gfm-like", {"linkify": False})


def answer_widgets(answer: Answer) -> list[Widget]:
    """An answer as ``ask`` prints it (the same template's Markdown, so a user's
    ``--templates`` shows here too), then links that open each citation in context.

    The template's Markdown escapes every quote and the parser does not linkify bare
    URLs, so document text cannot become a link, a heading or markup on the way through
    the Markdown widget.
    """
    parts: list[Widget] = [
        Markdown(answer.text, classes="answer-text", open_links=False, parser_factory=_parser)
    ]
    if answer.citations:
        label = "Open:" if answer.answered else "Related:"
        parts.append(
            Horizontal(
                Static(label, classes="links-label"),
                *(open_link(c) for c in answer.citations),
                classes="links",
            )
        )
    box = Vertical(*parts, classes="answer" if answer.answered else "not-found")
    box.border_title = "Answer" if answer.answered else "Not in the sources"
    return [box]


class Exchange(Vertical):
    """One question and, once it arrives, its answer (or a notice or an error)."""

    def __init__(self, question: str) -> None:
        super().__init__(classes="exchange")
        self.question = question

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Content.assemble(("› ", "bold"), plain(self.question)), classes="question")
        yield Static("Searching…", classes="pending")

    async def _replace_pending(self, *widgets: Widget) -> None:
        await self.query(".pending").remove()
        await self.mount_all(widgets)

    async def show_answer(self, answer: Answer) -> None:
        widgets: list[Widget] = []
        if answer.searched is not None:
            widgets.append(Static(Content("searched: ") + plain(answer.searched), classes="searched"))
        widgets.extend(answer_widgets(answer))
        await self._replace_pending(*widgets)

    async def show_note(self, text: str, kind: str = "notice") -> None:
        await self._replace_pending(Note(text, kind))


class Note(Static):
    """A line from briefbot itself: a hint, a notice, or an error."""

    def __init__(self, text: str | Content, kind: str = "notice") -> None:
        body = plain(text) if isinstance(text, str) else text
        if kind == "error":
            body = Content.assemble(("Error: ", "bold"), body)
        super().__init__(body, classes=f"note {kind}")


class SourcesPane(Vertical):
    """A document with its paragraphs; the cited one highlighted, its quote emphasized.

    The title, byline and cited paragraph number stay on top while the paragraphs scroll.
    """

    PLACEHOLDER = (
        "Choose a citation to read it in context: click it, or press ctrl+n / ctrl+p.\n"
        "Type /sources to list the documents."
    )

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.border_title = "Sources"
        self.shown: Target | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(self.PLACEHOLDER, id="sources-head", classes="placeholder")
        yield VerticalScroll(id="sources-body")

    async def show(self, doc: Document, target: Target) -> None:
        self.shown = target
        if target.paragraph is not None:
            cited = f"[{target.n}] " if target.n is not None else ""
            where = f"{cited}cited: {place(target.paragraph)}"
            count = f"{len(doc.paragraphs)} paragraphs"
            where += f" of {count}" if target.paragraph else f" · {count}"
        else:
            where = f"{len(doc.paragraphs)} paragraphs"
        second = [x for x in (doc.author, doc.source, doc.date) if x] + [where]
        header = self.query_one("#sources-head", Static)
        header.update(
            Content.assemble(Content.styled(doc.title, "bold"), "\n", plain(" · ".join(second)))
        )
        header.remove_class("placeholder")
        body = self.query_one("#sources-body", VerticalScroll)
        await body.remove_children()
        cited_widget: Widget | None = None
        paragraphs: list[Widget] = []
        # The heading (title and byline) is shown as a paragraph when a quote is from it.
        heading = [doc.heading] if target.paragraph == 0 and doc.heading is not None else []
        for p in [*heading, *doc.paragraphs]:
            text = Content(p.text)  # already made visible when the corpus was loaded
            classes = "paragraph"
            if p.n == target.paragraph:
                classes += " cited"
                if target.end > target.start:
                    text = text.stylize("bold underline", target.start, target.end)
            para = Static(Content.assemble((f"{place(p.n)} ", "dim"), text), classes=classes)
            if p.n == target.paragraph:
                cited_widget = para
            paragraphs.append(para)
        await body.mount_all(paragraphs)
        body.scroll_home(animate=False)
        if cited_widget is not None:
            self.call_after_refresh(body.scroll_to_widget, cited_widget, animate=False, top=True)


class LoadingPanel(Vertical):
    """What the conversation shows while the documents load: a spinner, then, once the
    engine reports progress (a large corpus), a bar with what it is doing."""

    def compose(self) -> ComposeResult:
        yield LoadingIndicator()
        yield ProgressBar(show_eta=False)
        yield Static("Loading documents…", classes="loading-text")

    def show(self, label: str, done: int, total: int) -> None:
        self.add_class("-measured")
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one(".loading-text", Static).update(
            plain(f"{label}: {done:,} of {total:,}…")
        )
