"""Documents and paragraphs: reading a folder, cleaning page debris, metadata, fingerprint."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .clean import body_blocks, front_matter, paragraph_text
from .errors import CorpusError
from .safe import visible

SUFFIXES = (".txt", ".md", ".markdown")
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph; ``n`` counts from 1 within its document and never shifts."""

    doc: str
    n: int
    text: str


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    author: str | None = None
    source: str | None = None
    date: str | None = None
    path: str = ""

    def paragraph(self, n: int) -> Paragraph:
        return self.paragraphs[n - 1]

    def summary(self) -> dict[str, object]:
        """What lists of documents show: id, title, author, source, date, paragraph count."""
        return {
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "source": self.source,
            "date": self.date,
            "paragraphs": len(self.paragraphs),
        }


@dataclass(frozen=True)
class Skipped:
    """A file the scan passed over, and why (shown to the user as one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.path}: {self.reason}"


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    root: str = ""
    fingerprint: str = field(default="")

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [p for d in self.documents for p in d.paragraphs]

    def document(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    def summary(self) -> dict[str, object]:
        return {
            "documents": len(self.documents),
            "paragraphs": sum(len(d.paragraphs) for d in self.documents),
            "fingerprint": self.fingerprint,
        }


def decode(data: bytes) -> str:
    """Bytes to text: BOM first, then UTF-8, then cp1252, else UTF-8 with replacements."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    # Real UTF-8 characters beside the bad bytes mean a UTF-8 file with a few stray bytes:
    # keep its text and mark the strays.  None at all means a legacy single-byte file.
    if any(ord(c) > 0x7F and c != "\ufffd" for c in lenient):
        return lenient
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return lenient


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside a UTF-16/32 BOM mark a binary file (PNG, PDF, executables)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return False
    head = data[:8192]
    return b"\x00" in head or head.startswith(b"%PDF-")


def parse_document(doc_id: str, text: str, path: str = "") -> Document:
    """Turn a file's text into a Document: metadata, then numbered, cleaned paragraphs."""
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n"))
    meta, text = front_matter(text)
    blocks, found = body_blocks(text, is_markdown=path.endswith((".md", ".markdown")))
    title = meta.get("title") or found.get("title") or doc_id
    paragraphs = tuple(
        Paragraph(doc=doc_id, n=i, text=paragraph_text(block))
        for i, block in enumerate(blocks, start=1)
    )
    return Document(
        id=doc_id,
        title=title,
        paragraphs=paragraphs,
        author=meta.get("author") or found.get("author"),
        source=meta.get("source") or found.get("source"),
        date=meta.get("date"),
        path=path,
    )


def _candidates(root: Path) -> Iterator[Path | Skipped]:
    """Files under ``root`` in a stable order, without following links out or in circles."""
    real_root = root.resolve()
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError as exc:
            yield Skipped(dirpath, exc.strerror or "unreadable folder")
            dirnames[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:
            yield Skipped(dirpath, "link loop")
            dirnames[:] = []
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        here = Path(dirpath)
        kept = []
        for name in sorted(dirnames):
            sub = here / name
            if name.startswith("."):
                continue
            if sub.is_symlink() and not _inside(sub, real_root):
                yield Skipped(str(sub), "link leaves the folder")
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            yield here / name


def _inside(path: Path, real_root: Path) -> bool:
    try:
        path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _read(path: Path, real_root: Path) -> bytes | Skipped:
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Skipped(str(path), "link loop")
        return Skipped(str(path), exc.strerror or "unreadable")
    if path.is_symlink() and not _inside(path, real_root):
        return Skipped(str(path), "link leaves the folder")
    if not stat.S_ISREG(st.st_mode):
        return Skipped(str(path), "not a regular file")
    if st.st_size > MAX_FILE_BYTES:
        return Skipped(str(path), f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return Skipped(str(path), exc.strerror or "unreadable")
    if len(data) > MAX_FILE_BYTES:
        return Skipped(str(path), f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if looks_binary(data):
        return Skipped(str(path), "binary file")
    return data


def fingerprint(documents: tuple[Document, ...]) -> str:
    """A short hash of the documents' ids and paragraph texts: what an answer was drawn from."""
    h = hashlib.sha256()
    for d in documents:
        h.update(d.id.encode("utf-8", "surrogatepass") + b"\x00")
        for p in d.paragraphs:
            h.update(p.text.encode("utf-8", "surrogatepass") + b"\x00")
        h.update(b"\x01")
    return h.hexdigest()[:16]


# How a file's bytes become a Document: (doc id, bytes, path) -> Document.  The default
# decodes and parses; the engine's file cache hands back documents it has seen before.
Parser = Callable[[str, bytes, str], "Document"]
# Told (files done, files in all) as the folder is read.
FileProgress = Callable[[int, int], None]


def read_document(doc_id: str, data: bytes, path: str) -> Document:
    """A file's bytes as a Document: decoded, cleaned and split into paragraphs."""
    return parse_document(doc_id, decode(data), path)


def load_folder(
    folder: str | os.PathLike[str],
    *,
    parse: Parser = read_document,
    progress: FileProgress | None = None,
) -> Corpus:
    """Read every .txt/.md file under ``folder``; raise CorpusError if none is usable."""
    root = Path(folder)
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus is not a folder: {root}")
    real_root = root.resolve()
    documents: list[Document] = []
    skipped: list[Skipped] = []
    used_ids: set[str] = set()
    items = list(_candidates(root))
    for done, item in enumerate(items, start=1):
        if progress is not None:
            progress(done, len(items))
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        data = _read(item, real_root)
        if isinstance(data, Skipped):
            skipped.append(data)
            continue
        doc_id = _unique_id(item, root, used_ids)
        doc = parse(doc_id, data, str(item))
        if not doc.paragraphs:
            skipped.append(Skipped(str(item), "no text"))
            continue
        used_ids.add(doc_id)
        documents.append(doc)
    if not documents:
        raise CorpusError(f"no readable documents in {root}")
    docs = tuple(documents)
    return Corpus(docs, tuple(skipped), str(root), fingerprint(docs))


def _unique_id(path: Path, root: Path, used: set[str]) -> str:
    """The file stem, or its path within the folder when two files share a stem."""
    if path.stem not in used:
        return path.stem
    relative = path.relative_to(root).with_suffix("")
    return "/".join(relative.parts)
