"""Helpers shared by the CLI and reliability tests."""

from __future__ import annotations

import contextlib
import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefbot.cli import main

OTTERS = (
    "River Otters Return\n\nThe otter recovery program was led by Maria Gonzalez in 2015.\n\n"
    "Beavers build dams across the river every autumn.\n"
)


def run(capsys, *argv: str | Path) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """Run the command line in-process: (exit code, stdout, stderr); paths may be Paths."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err

# What must never reach a terminal or a file live: C0 controls but newline and tab, DEL,
# C1 controls, bidi embeddings/overrides/isolates/marks, zero-width and invisible marks,
# tag characters.  Written out here, apart from briefbot.safe, so a regression there fails.
LIVE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\U000e0000-\U000e007f]"
)


def live_controls(text: str) -> list[str]:
    """The live control or invisible characters in ``text``, as U+XXXX (empty if none)."""
    return sorted({f"U+{ord(c):04X}" for c in LIVE.findall(text)})


def write_questions(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class _Hung(BaseException):
    """Raised by the alarm; a BaseException so no ``except Exception`` swallows it."""


@contextlib.contextmanager
def hang_guard(seconds: float = 20) -> Iterator[None]:
    """Fail instead of hanging for ever when a bound the test relies on is missing.

    Not a speed test: the limit is far above the time the guarded work takes."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def hung(signum, frame):  # type: ignore[no-untyped-def]
        raise _Hung

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Hung:
        pytest.fail(f"still running after {seconds} s: the bound is missing")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
