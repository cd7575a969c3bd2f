"""Shared fixtures: isolated user paths, and small corpus folders written on demand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

MakeCorpus = Callable[..., Path]


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's cache, or picks up their corpus folder."""
    monkeypatch.setenv("BRIEFBOT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEFBOT_CORPUS", raising=False)


def _write_corpus(tmp_path: Path, files: dict[str, str | bytes], name: str = "corpus") -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return folder


@pytest.fixture
def make_corpus() -> MakeCorpus:
    """``make_corpus(tmp_path, {"a.txt": "...", "sub/b.md": b"..."})`` -> the folder's path.

    Text is written as UTF-8 exactly as given (no newline translation); bytes as they are.
    An optional ``name`` picks the folder's name under ``tmp_path`` (default "corpus").
    """
    return _write_corpus


@pytest.fixture
def seeds() -> Path:
    assert SEEDS.is_dir(), f"bundled seeds missing at {SEEDS}"
    return SEEDS
