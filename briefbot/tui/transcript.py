"""A chat transcript as Markdown, and writing it without ever leaving a half-written file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..answer import Answer
from ..errors import OutputError
from ..output import check_target, write_atomic
from ..render import md_inline


def transcript_markdown(answers: Sequence[Answer]) -> str:
    """Each question (made inert as Markdown) followed by its answer's rendered text."""
    lines = ["# briefbot transcript", ""]
    for number, answer in enumerate(answers, start=1):
        lines += [f"## {number}. {md_inline(answer.question)}", ""]
        if answer.searched is not None:
            lines += [f"*searched: {md_inline(answer.searched)}*", ""]
        lines += [answer.text.strip(), ""]
    return "\n".join(lines)


def default_transcript_path(folder: Path) -> Path:
    """``briefbot-transcript-N.md`` in ``folder``, with the smallest N not yet taken."""
    n = 1
    while (folder / f"briefbot-transcript-{n}.md").exists():
        n += 1
    return folder / f"briefbot-transcript-{n}.md"


def write_atomically(path: Path, text: str, *, overwrite: bool) -> None:
    """Write ``text`` to ``path`` all or nothing (see :func:`briefbot.output.write_atomic`).

    Without ``overwrite`` an existing file raises FileExistsError, so the chat can ask
    for confirmation; other problems raise OutputError with a message fit for the user.
    """
    if path.exists() and not path.is_dir() and not overwrite:
        raise FileExistsError(str(path))
    check_target(path, force=overwrite)
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
