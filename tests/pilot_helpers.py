"""Driving the chat in tests: submit a question, wait for the worker, read the screen."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from briefbot.tui.app import BriefbotApp
from briefbot.tui.widgets import PromptInput

SIZE = (120, 40)


async def settle(app: BriefbotApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def submit(app: BriefbotApp, pilot: Pilot[None], text: str) -> None:
    """Put ``text`` in the prompt (as a paste would), press Enter, wait for the answer."""
    prompt = app.query_one("#prompt", PromptInput)
    prompt.focus()
    prompt.value = text
    await pilot.press("enter")
    await settle(app, pilot)


def widget_text(app: BriefbotApp, selector: str = "#conversation Static") -> str:
    """What the matching widgets render (all of it, scrolled out of view or not)."""
    return "\n".join(str(w.render()) for w in app.query(selector).results(Static))


def screen_text(app: BriefbotApp) -> str:
    """Every cell of the screen as it would be painted on the terminal."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
