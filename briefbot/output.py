"""Writing output files safely: all or nothing, never over a file without ``force``."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import OutputError


def check_target(path: Path, *, force: bool, inputs: Sequence[Path] = ()) -> None:
    """Refuse, with one clear line, a target that cannot or must not be written."""
    if path.is_dir():
        raise OutputError(f"output is a folder: {path}")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"output folder does not exist: {parent}")
    for source in inputs:
        try:
            if path.exists() and path.samefile(source):
                raise OutputError(f"output would overwrite the input file {source}")
        except OSError:
            continue
    if path.exists() and not force:
        raise OutputError(f"output file exists: {path} (use --force to replace it)")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputError(f"output is not writable: {path}")


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, fsync'd and
    renamed into place, so a crash or Ctrl-C leaves the old file whole and no temp file."""
    parent = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        # mkstemp makes the file 0600; give it the mode the user would get otherwise:
        # the replaced file's, or the usual one under their umask.
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:
        dir_fd = os.open(parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass  # some filesystems cannot fsync a folder; the rename itself is done
    finally:
        os.close(dir_fd)
