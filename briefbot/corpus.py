"""Documents and paragraphs: reading a folder, cleaning page debris, metadata, fingerprint."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .clean import body_blocks, front_matter, paragraph_text, split_long
from .errors import CorpusError
from .safe import one_line, visible

SUFFIXES = (".txt", ".md", ".markdown")
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph; ``n`` counts from 1 within its document and never shifts."""

    doc: str
    n: int
    text: str


def place(n: int) -> str:
    """How a citation names paragraph ``n``: "¶7", or "heading" for paragraph 0."""
    return "heading" if n == 0 else f"¶{n}"


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    author: str | None = None
    source: str | None = None
    date: str | None = None
    path: str = ""

    # The "By NAME" line as written, when the file has one: with the title, the heading.
    byline: str | None = None

    def paragraph(self, n: int) -> Paragraph:
        """Paragraph ``n``; 0 is the heading (see :attr:`heading`)."""
        if n == 0:
            if self.heading is None:
                raise IndexError("this document has no heading")
            return self.heading
        if n < 0:
            raise IndexError(n)
        return self.paragraphs[n - 1]

    @property
    def heading(self) -> Paragraph | None:
        """Paragraph 0: the title as the file gives it and the byline, one per line, so
        "Who wrote it?" and "What is the headline?" are answered by a quote.  It is no
        search result: the search and its numbering are the body's paragraphs."""
        lines = [line for line in (self.titled, self.byline) if line]
        return Paragraph(self.id, 0, "\n".join(lines)) if lines else None

    @property
    def titled(self) -> str | None:
        """The title, unless the document has none and goes by its id."""
        return self.title if self.title != self.id else None

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
        return one_line(f"skipped {self.path}: {self.reason}")


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
    """Bytes to text: BOM first, then UTF-16 without a BOM (NULs in every other byte),
    then UTF-8, then cp1252, else UTF-8 with replacements."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:_SNIFF_BYTES]:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
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


_SNIFF_BYTES = 8192


def _bomless_utf16(data: bytes) -> str | None:
    """The text of UTF-16 without a byte-order mark, or None if ``data`` is not that.

    Mostly-Latin UTF-16 has a NUL in (nearly) every other byte (odd bytes for little-endian,
    even for big-endian) and almost none in the others; it must decode strictly to printable
    text, so a binary file of small 16-bit numbers is not mistaken for it.
    """
    head = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    if len(data) % 2 or len(head) < 4:
        return None
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for encoding, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros < 0.7 * pairs or others > pairs // 50:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:_SNIFF_BYTES]
        printable = sum(c.isprintable() or c in "\n\r\t" for c in sample)
        if "\x00" not in text and printable >= 0.95 * len(sample):
            return text
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside UTF-16/32 text mark a binary file (PNG, executables); so does a
    PDF header."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return False
    head = data[:_SNIFF_BYTES]
    if head.startswith(b"%PDF-"):
        return True
    return b"\x00" in head and _bomless_utf16(data) is None


def parse_document(doc_id: str, text: str, path: str = "") -> Document:
    """Turn a file's text into a Document: metadata, then numbered, cleaned paragraphs."""
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n"))
    meta, text = front_matter(text)
    blocks, found = body_blocks(text, is_markdown=path.endswith((".md", ".markdown")))
    title = meta.get("title") or found.get("title") or doc_id
    texts = [piece for block in blocks for piece in split_long(paragraph_text(block))]
    paragraphs = tuple(
        Paragraph(doc=doc_id, n=i, text=text) for i, text in enumerate(texts, start=1)
    )
    return Document(
        id=doc_id,
        title=title,
        paragraphs=paragraphs,
        author=meta.get("author") or found.get("author"),
        source=meta.get("source") or found.get("source"),
        date=meta.get("date"),
        path=path,
        byline=found.get("byline"),
    )


def _candidates(root: Path) -> Iterator[Path | Skipped]:
    """Files under ``root`` in a stable order, without following links out or in circles.

    Real folders are walked before links to folders, so a folder reached both ways is
    read under its own name; a folder that cannot be listed is reported, not dropped.
    """
    real_root = root.resolve()
    seen_dirs: dict[tuple[int, int], str] = {}
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append, followlinks=True):
        yield from _unlisted(errors)
        try:
            st = os.stat(dirpath)
        except OSError as exc:
            yield Skipped(dirpath, exc.strerror or "unreadable folder")
            dirnames[:] = []
            continue
        first = seen_dirs.setdefault((st.st_dev, st.st_ino), dirpath)
        if first != dirpath:
            looped = Path(first) in Path(dirpath).parents
            yield Skipped(dirpath, "link loop" if looped else f"same folder as {first}")
            dirnames[:] = []
            continue
        here = Path(dirpath)
        kept = []
        for name in sorted(dirnames, key=lambda n: ((here / n).is_symlink(), n)):
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
    yield from _unlisted(errors)


def _unlisted(errors: list[OSError]) -> Iterator[Skipped]:
    """Folders ``os.walk`` could not list (unreadable, or deleted during the scan)."""
    while errors:
        exc = errors.pop(0)
        yield Skipped(str(exc.filename), exc.strerror or "unreadable folder")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None  # _read reports why
    return st.st_dev, st.st_ino


def _owners(paths: list[Path]) -> dict[tuple[int, int], Path]:
    """For each file reached by several paths (links, hard links), the one to read it
    under: a real file before a link to it, else the first in scan order."""
    owners: dict[tuple[int, int], Path] = {}
    for path in sorted(paths, key=Path.is_symlink):  # stable: scan order within each kind
        key = _identity(path)
        if key is not None:
            owners.setdefault(key, path)
    return owners


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
    owners = _owners([item for item in items if isinstance(item, Path)])
    for done, item in enumerate(items, start=1):
        if progress is not None:
            progress(done, len(items))
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        owner = owners.get(_identity(item) or (-1, -1), item)
        if owner != item:
            skipped.append(Skipped(str(item), f"same file as {owner}"))
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
    """The file stem, or its path within the folder when two files share a stem (with its
    suffix if need be: a.txt and a.md), made visible on one line: ids are printed."""
    relative = path.relative_to(root)
    candidates = [path.stem, "/".join(relative.with_suffix("").parts), "/".join(relative.parts)]
    for candidate in map(one_line, candidates):
        if candidate not in used:
            return candidate
    base, n = one_line(candidates[-1]), 2
    while f"{base}~{n}" in used:
        n += 1
    return f"{base}~{n}"
