"""A one-line progress bar on stderr while a large corpus loads, for people at a terminal.

The engine reports (label, done, total); this draws it.  The command line only makes one
when stderr is a terminal and the output is not for a machine (``--json``), so scripts and
CI logs never see it.  Nothing is drawn until loading has taken ``DELAY`` seconds, so the
bundled seeds and any warm cache load without a flicker.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO

from .safe import visible

DELAY = 0.5  # seconds of loading before the bar appears
INTERVAL = 0.1  # at most this often a redraw
WIDTH = 30  # characters of bar


class ProgressBar:
    """``briefbot: Indexing paragraphs [######        ] 41,000/100,000`` on one line.

    Call it with (label, done, total); :meth:`close` wipes the line again.
    """

    def __init__(self, stream: TextIO, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self._drawn_at: float | None = None
        self._label = ""

    def __call__(self, label: str, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started < DELAY:
            return
        recent = self._drawn_at is not None and now - self._drawn_at < INTERVAL
        if recent and label == self._label and done < total:
            return
        self._label = label
        self._drawn_at = now
        self._write("\r" + self.line(label, done, total) + "\x1b[K")

    def line(self, label: str, done: int, total: int) -> str:
        share = min(max(done / total, 0.0), 1.0) if total > 0 else 1.0
        filled = round(share * WIDTH)
        bar = "#" * filled + " " * (WIDTH - filled)
        text = f"briefbot: {visible(label)} [{bar}] {done:,}/{total:,}"
        return text[: max(_columns(self.stream) - 1, 20)]

    def close(self) -> None:
        """Clear the bar's line, if one was drawn, so the next message starts clean."""
        if self._drawn_at is not None:
            self._write("\r\x1b[K")
            self._drawn_at = None

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()


def _columns(stream: TextIO) -> int:
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 80
    return columns or 80  # a terminal that does not know its size says 0
