"""The on-disk cache of a large corpus folder: NumPy arrays and JSON, never pickle.

One cache entry per corpus folder (by its resolved path) holds

- every file as it was last read, by its path and the SHA-256 of its bytes: what it parsed
  to (title, metadata, paragraph texts) and what indexing took from it (stems, aliases it
  defines), so an unchanged file is neither parsed nor tokenized again;
- the index and the corpus's aliases, keyed by the corpus fingerprint, the code that makes
  paragraphs and terms, and the BM25 settings, so a changed document, tokenizer or setting
  never reads a stale index.

A cache that is truncated, corrupt or foreign is reported and rebuilt.  An entry is
replaced as a whole (a temporary folder renamed into place), so a crash leaves the old one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from . import __version__
from .corpus import Corpus, Document, Paragraph, read_document
from .index import Index, Settings, Vocabulary
from .indexing import DocTerms
from .text import TOKENIZER_VERSION

FORMAT = 3
# Below this many paragraphs, building is faster than reading a cache.
MIN_PARAGRAPHS = 2000
# The modules whose code decides what a cache entry holds; any change to them retires it.
_SOURCES = (
    "aliases.py", "cache.py", "clean.py", "corpus.py", "index.py", "indexing.py", "safe.py",
    "text.py",
)
# A document id no parsed title can equal (loading turns NUL into "^@"), to tell a
# title the document gave from one that defaulted to its id.
_NO_TITLE = "\x00"
_INDEX_ARRAYS = ("paragraphs", "counts", "starts", "lengths")

Aliases = dict[tuple[str, ...], str]


class CacheProblem(Exception):
    """The cache cannot be used (and will be rebuilt)."""


def cache_dir() -> Path:
    """``BRIEFBOT_CACHE_DIR`` if set, else the user's cache folder for briefbot."""
    env = os.environ.get("BRIEFBOT_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefbot"))


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code that turns files into paragraphs, terms and postings."""
    h = hashlib.sha256(f"{FORMAT} {__version__} {TOKENIZER_VERSION}".encode())
    here = Path(__file__).parent
    for name in _SOURCES:
        try:
            h.update((here / name).read_bytes())
        except OSError:
            h.update(name.encode())  # no sources (a frozen app): the version alone decides
    return h.hexdigest()[:32]


def index_key(fingerprint: str, settings: Settings) -> str:
    spec = [code_version(), fingerprint, dataclasses.asdict(settings)]
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:32]


def folder_key(root: Path) -> str:
    return hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:32]


@dataclasses.dataclass
class Entry:
    """One file as last read: what it parsed to, and what indexing took from it."""

    path: str  # within the corpus folder, with "/"
    digest: str  # SHA-256 of its bytes
    title: str | None  # None when the title is the document's id
    author: str | None
    source: str | None
    date: str | None
    texts: Sequence[str]
    byline: str | None = None
    terms: DocTerms | None = None  # None until indexed; read from the cache: stems come later

    def document(self, doc_id: str, path: str) -> Document:
        return Document(
            id=doc_id,
            title=self.title if self.title is not None else doc_id,
            paragraphs=tuple(Paragraph(doc_id, n, t) for n, t in enumerate(self.texts, 1)),
            author=self.author,
            source=self.source,
            date=self.date,
            path=path,
            byline=self.byline,
        )


class FolderCache:
    """The cache entry of one corpus folder, read when opened and written by :meth:`save`.

    Problems reading it become ``notices`` and an empty cache; they never stop the load.
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.folder = cache_dir() / f"folder-{folder_key(self.root)}"
        self.notices: list[str] = []
        self._entries: dict[str, Entry] = {}  # by path, as read or parsed in this load
        self._stored: list[Entry] = []  # as read, in the order of the stored arrays
        self._used: dict[int, Entry] = {}  # id(Document) -> its entry, for this load
        self._index: dict[str, Any] | None = None
        self._vocab: Vocabulary | None = None
        self._arrays: Any = None  # the open arrays.npz, read member by member
        self._stamp = ""  # the same random token in each file of one written entry

    @classmethod
    def open(cls, root: str | os.PathLike[str]) -> FolderCache:
        files = cls(root)
        if files.folder.exists():
            try:
                files._read()
            except CacheProblem as exc:
                files._forget(exc)
        return files

    def _forget(self, problem: CacheProblem) -> None:
        self.notices.append(f"index cache {problem}; rebuilding it")
        self.close()
        self._entries, self._stored = {}, []
        self._index, self._vocab = None, None

    def close(self) -> None:
        """Let go of the cache's arrays file (what was read from it stays usable)."""
        if self._arrays is not None:
            self._arrays.close()
            self._arrays = None

    # Reading ------------------------------------------------------------------------

    def _read(self) -> None:
        import zipfile

        meta = _read_json(self.folder / "meta.json")
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise CacheProblem("written by another version")
        if meta.get("code") != code_version():
            raise CacheProblem("written by another version of briefbot")
        try:
            self._arrays = np.load(self.folder / "arrays.npz", allow_pickle=False)
        except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            raise CacheProblem(f"unreadable ({exc.__class__.__name__})") from None
        try:
            # Written together, or read while another process replaced the entry?
            if self._array("stamp").tobytes() != _str(meta["stamp"]).encode():
                raise CacheProblem("changed while it was read")
            files = meta["files"]
            text_ends = self._array("text_ends")
            text = self._array("text").tobytes().decode("utf-8", "surrogatepass")
            counts = [int(f["paragraphs"]) for f in files]
            if (
                text_ends.ndim != 1 or len(text_ends) != sum(counts)
                or (len(text_ends) and int(text_ends[-1]) != len(text))
                or np.any(np.diff(text_ends) < 0) or (len(text_ends) and text_ends[0] < 0)
            ):
                raise CacheProblem("unreadable (texts do not fit)")
            bounds = [0, *text_ends.tolist()]
            first = 0
            for f, count in zip(files, counts):
                texts = [text[bounds[i] : bounds[i + 1]] for i in range(first, first + count)]
                entry = Entry(
                    _str(f["path"]), _str(f["digest"]), _opt(f["title"]), _opt(f["author"]),
                    _opt(f["source"]), _opt(f["date"]), texts, _opt(f["byline"]),
                )
                entry.terms = DocTerms(
                    np.empty(0, np.int32), np.empty(0, np.int32), _aliases(f["acronyms"]),
                    _aliases(f["names"]), _str(f["names_key"]),
                )
                self._stored.append(entry)
                first += count
            index = meta["index"]
            if index is not None:
                index = {
                    "key": _str(index["key"]), "vocab": [_str(t) for t in index["vocab"]],
                    "aliases": dict(_aliases(index["aliases"])),
                }
            self._index = index
            self._stamp = meta["stamp"]
            self._entries = {e.path: e for e in self._stored}
        except CacheProblem:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CacheProblem(f"unreadable ({exc.__class__.__name__})") from None

    def index(self, key: str, settings: Settings) -> tuple[Index, Aliases] | None:
        """The cached index and aliases if they were made under ``key`` and can be read."""
        if self._index is None or self._index["key"] != key:
            return None
        try:
            arrays = {name: self._array(f"index_{name}") for name in _INDEX_ARRAYS}
            index = Index.from_parts(self._index["vocab"], arrays, settings)
        except ValueError as exc:
            self.notices.append(f"index cache unreadable ({exc.__class__.__name__}); rebuilding it")
            self._index = None
            return None
        except CacheProblem as exc:
            self.notices.append(f"index cache {exc}; rebuilding it")
            self._index = None
            return None
        return index, self._index["aliases"]

    def known_terms(self, documents: Sequence[Document]) -> tuple[dict[int, DocTerms], Vocabulary]:
        """What indexing took from those ``documents`` that were read from the cache, by
        position, and the vocabulary their stems index into."""
        if self._vocab is None:
            try:
                self._vocab = self._read_stems()
            except CacheProblem as exc:
                self._forget(exc)
                self._vocab = Vocabulary()
                return {}, self._vocab
        known = {}
        for i, doc in enumerate(documents):
            entry = self._used.get(id(doc))
            if entry is not None and entry.terms is not None:
                known[i] = entry.terms
        return known, self._vocab

    def _read_stems(self) -> Vocabulary:
        entries = self._stored
        if not entries:
            return Vocabulary()
        stored = _read_json(self.folder / "stems.json")
        try:
            if stored["stamp"] != self._stamp:
                raise CacheProblem("changed while it was read")
            vocab = Vocabulary(_str(t) for t in stored["terms"])
            if len(vocab) != len(stored["terms"]):
                raise CacheProblem("unreadable (a stem twice)")
            stems, lengths = self._array("stems"), self._array("stem_lengths")
            if (
                stems.ndim != 1 or lengths.ndim != 1
                or len(lengths) != sum(len(e.texts) for e in entries)
                or int(lengths.sum()) != len(stems) or (len(lengths) and lengths.min() < 0)
                or (len(stems) and (stems.min() < 0 or stems.max() >= len(vocab)))
            ):
                raise CacheProblem("unreadable (stems do not fit)")
        except CacheProblem:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise CacheProblem(f"unreadable ({exc.__class__.__name__})") from None
        ends = np.cumsum(lengths)
        paragraph = 0
        for entry in entries:
            assert entry.terms is not None
            count = len(entry.texts)
            start = int(ends[paragraph - 1]) if paragraph else 0
            stop = int(ends[paragraph + count - 1]) if count else start
            entry.terms.stems = stems[start:stop]
            entry.terms.lengths = lengths[paragraph : paragraph + count]
            paragraph += count
        return vocab

    def _array(self, name: str) -> np.ndarray:
        import zipfile

        try:
            return self._arrays[name]  # type: ignore[no-any-return]
        except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            raise CacheProblem(f"unreadable ({exc.__class__.__name__})") from None

    # Loading documents --------------------------------------------------------------

    def parse(self, doc_id: str, data: bytes, path: str) -> Document:
        """``load_folder``'s parser: the cached document when the file is unchanged."""
        relative = Path(path).relative_to(self.root).as_posix()
        digest = hashlib.sha256(data).hexdigest()
        entry = self._entries.get(relative)
        if entry is None or entry.digest != digest:
            parsed = read_document(_NO_TITLE, data, path)
            entry = Entry(
                relative, digest, None if parsed.title == _NO_TITLE else parsed.title,
                parsed.author, parsed.source, parsed.date, [p.text for p in parsed.paragraphs],
                parsed.byline,
            )
            self._entries[relative] = entry
        doc = entry.document(doc_id, path)
        self._used[id(doc)] = entry
        return doc

    def changes(self, corpus: Corpus) -> tuple[int, int]:
        """(files new or changed, files gone) in ``corpus`` since the cache was written."""
        stored = {id(e) for e in self._stored}
        used = [self._used.get(id(doc)) for doc in corpus.documents]
        fresh = sum(1 for e in used if e is None or id(e) not in stored)
        present = {e.path for e in used if e is not None}
        return fresh, sum(1 for e in self._stored if e.path not in present)

    # Writing ------------------------------------------------------------------------

    def save(
        self,
        corpus: Corpus,
        key: str,
        index: Index,
        aliases: Aliases,
        terms: Sequence[DocTerms],
        vocab: Vocabulary,
    ) -> None:
        """Write the entry for ``corpus`` all or nothing; raises OSError."""
        entries = [self._used[id(doc)] for doc in corpus.documents]
        stems = np.concatenate([t.stems for t in terms]).astype(np.int64)
        # Only the stems these documents use, renumbered in order.
        used = np.zeros(len(vocab), dtype=bool)
        used[stems] = True
        renumber = np.cumsum(used) - 1
        texts = [t for e in entries for t in e.texts]
        encoded = "".join(texts).encode("utf-8", "surrogatepass")
        import secrets

        vocab_index, arrays = index.parts()
        stamp = secrets.token_hex(8)
        meta = {
            "format": FORMAT,
            "stamp": stamp,
            "code": code_version(),
            "root": os.fsdecode(self.root.resolve()),
            "files": [_entry_json(e, t) for e, t in zip(entries, terms)],
            "index": {"key": key, "vocab": vocab_index, "aliases": _aliases_json(aliases)},
        }
        stem_terms = [t for t, u in zip(vocab, used.tolist()) if u]
        _write_folder(
            self.folder,
            {"meta.json": meta, "stems.json": {"stamp": stamp, "terms": stem_terms}},
            {
                "stamp": np.frombuffer(stamp.encode(), dtype=np.uint8),
                "text": np.frombuffer(encoded, dtype=np.uint8),
                "text_ends": np.cumsum([len(t) for t in texts], dtype=np.int64),
                "stems": renumber[stems].astype(np.int32),
                "stem_lengths": np.concatenate([t.lengths for t in terms]).astype(np.int32),
                **{f"index_{name}": arrays[name] for name in _INDEX_ARRAYS},
            },
        )

    def discard(self) -> None:
        """Remove the entry (a corpus too small to cache)."""
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)


def _write_folder(final: Path, documents: dict[str, object], arrays: dict[str, np.ndarray]) -> None:
    import shutil
    import tempfile

    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    try:
        with open(tmp / "arrays.npz", "wb") as fh:
            np.savez(fh, **arrays)
        for name, value in documents.items():
            (tmp / name).write_text(json.dumps(value), encoding="ascii")
        if final.exists():
            shutil.rmtree(final)
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="ascii"))
    except (OSError, ValueError) as exc:
        raise CacheProblem(f"unreadable ({exc.__class__.__name__})") from None


def _entry_json(entry: Entry, terms: DocTerms) -> dict[str, object]:
    return {
        "path": entry.path,
        "digest": entry.digest,
        "title": entry.title,
        "author": entry.author,
        "source": entry.source,
        "date": entry.date,
        "byline": entry.byline,
        "paragraphs": len(entry.texts),
        "acronyms": _aliases_json(terms.acronyms),
        "names": _aliases_json(terms.names),
        "names_key": terms.names_key,
    }


def _aliases_json(aliases: Any) -> list[list[object]]:
    items = aliases.items() if isinstance(aliases, dict) else aliases
    return [[list(phrase), term] for phrase, term in items]


def _aliases(value: Any) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(_str(w) for w in phrase), _str(term)) for phrase, term in value]


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _opt(value: Any) -> str | None:
    return None if value is None else _str(value)
