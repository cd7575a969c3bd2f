"""A chat transcript as Markdown, and writing it without ever leaving a half-written file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..answer import Answer
from ..errors import OutputError
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
    """Write ``text`` to ``path`` via a temp file in the same folder, fsync, then rename.

    Without ``overwrite`` an existing file is never replaced (even one that appears while
    writing).  Raises OutputError with a message fit for the user.
    """
    parent = path.parent
    if path.is_dir():
        raise OutputError(f"{path} is a folder")
    if not parent.is_dir():
        raise OutputError(f"folder not found: {parent}")
    if path.exists() and not overwrite:
        raise FileExistsError(str(path))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"cannot write in {parent}: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            # A hard link fails if the name is taken, so a file that appeared meanwhile
            # survives.  Filesystems without hard links fall back to a checked rename.
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise
            except OSError:
                if path.exists():
                    raise FileExistsError(str(path)) from None
                os.replace(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        tmp.unlink(missing_ok=True)
