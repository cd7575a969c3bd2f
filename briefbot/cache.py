"""An on-disk cache of the index for large corpora: NumPy arrays and JSON, never pickle.

Keyed by the corpus fingerprint, the tokenizer version, the BM25 settings and the format,
so a changed document, tokenizer or setting never reads a stale index.  A cache that is
truncated, corrupt or foreign is reported and rebuilt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from . import __version__
from .index import Index, Settings
from .text import TOKENIZER_VERSION

FORMAT = 1
# Below this many paragraphs, building is faster than reading a cache.
MIN_PARAGRAPHS = 2000


class CacheProblem(Exception):
    """The cached index cannot be used (and will be rebuilt)."""


def cache_dir() -> Path:
    """``BRIEFBOT_CACHE_DIR`` if set, else the user's cache folder for briefbot."""
    env = os.environ.get("BRIEFBOT_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefbot"))


def cache_key(fingerprint: str, settings: Settings) -> str:
    spec = [FORMAT, __version__, TOKENIZER_VERSION, fingerprint, dataclasses.asdict(settings)]
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:32]


def load(key: str, settings: Settings) -> tuple[Index, dict[tuple[str, ...], str]] | None:
    """The cached index and aliases for ``key``; None if there is none; CacheProblem if
    there is one that cannot be used."""
    folder = cache_dir() / key
    if not folder.exists():
        return None
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT or meta.get("key") != key:
            raise CacheProblem("written by another version")
        with np.load(folder / "index.npz", allow_pickle=False) as data:
            arrays = {name: data[name] for name in ("paragraphs", "counts", "starts", "lengths")}
        index = Index.from_parts(list(meta["vocab"]), arrays, settings)
        aliases = {tuple(phrase): term for phrase, term in meta["aliases"]}
    except CacheProblem:
        raise
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as exc:
        raise CacheProblem(f"unreadable ({exc.__class__.__name__})") from None
    return index, aliases


def save(key: str, index: Index, aliases: dict[tuple[str, ...], str]) -> None:
    """Write the cache for ``key`` all or nothing: a temporary folder renamed into place."""
    root = cache_dir()
    root.mkdir(parents=True, exist_ok=True)
    vocab, arrays = index.parts()
    tmp = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=root))
    try:
        np.savez(tmp / "index.npz", **arrays)
        meta = {
            "format": FORMAT,
            "key": key,
            "vocab": vocab,
            "aliases": [[list(phrase), term] for phrase, term in aliases.items()],
        }
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        final = root / key
        if final.exists():
            shutil.rmtree(final)
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
