"""The on-disk cache of a corpus folder: used when valid, updated file by file, rebuilt with a
notice when broken, never pickled."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from briefbot import cache, indexing
from briefbot.corpus import load_folder
from briefbot.engine import Briefbot
from briefbot.index import Index

DOCS = {
    "a.txt": "Otters\n\nThe otter recovery program was led by Maria Gonzalez in 2015.\n\n"
    "Beavers build dams across the river every autumn.\n",
    "b.txt": "Herons\n\nGrey herons nest in tall trees near the lake each spring.\n",
}
QUESTION = "Who led the otter recovery program?"


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MIN_PARAGRAPHS", 1)


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Records which files are parsed and which documents are tokenized."""
    seen: dict[str, list[str]] = {"parsed": [], "tokenized": []}
    read_document, doc_terms = cache.read_document, indexing.doc_terms

    def parse(doc_id: str, data: bytes, path: str):  # type: ignore[no-untyped-def]
        seen["parsed"].append(Path(path).name)
        return read_document(doc_id, data, path)

    def terms(doc, vocab):  # type: ignore[no-untyped-def]
        seen["tokenized"].append(doc.id)
        return doc_terms(doc, vocab)

    monkeypatch.setattr(cache, "read_document", parse)
    monkeypatch.setattr(indexing, "doc_terms", terms)
    return seen


def corpus(tmp_path: Path, docs: dict[str, str] = DOCS) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def cache_folders() -> list[Path]:
    return [p for p in cache.cache_dir().iterdir() if not p.name.startswith(".")]


def assert_same_as_fresh(bot: Briefbot, folder: Path, questions: list[str]) -> None:
    """``bot`` scores, aliases and answers exactly as a bot built from scratch."""
    fresh = Briefbot(load_folder(folder))  # no cache involved
    assert bot.tokenizer.aliases == fresh.tokenizer.aliases
    assert bot.corpus == fresh.corpus
    terms = sorted(fresh.index._vocab)
    assert sorted(bot.index._vocab) == terms
    assert list(bot.index.lengths) == list(fresh.index.lengths)
    for term in terms:
        assert bot.index.scores([term]) == fresh.index.scores([term]), term
    for q in questions:
        assert bot.ask(q).to_dict() == fresh.ask(q).to_dict()


def test_cache_lives_where_the_environment_says(tmp_path: Path) -> None:
    # conftest points BRIEFBOT_CACHE_DIR at tmp_path / "cache"
    assert cache.cache_dir() == tmp_path / "cache"


def test_second_open_reads_everything_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, work: dict[str, list[str]]
) -> None:
    folder = corpus(tmp_path)
    first = Briefbot.from_folder(folder)
    assert len(cache_folders()) == 1
    assert sorted(work["parsed"]) == ["a.txt", "b.txt"]

    work["parsed"].clear(), work["tokenized"].clear()
    built = []
    monkeypatch.setattr(Index, "_build", lambda *a: built.append(1))
    second = Briefbot.from_folder(folder)
    assert (work["parsed"], work["tokenized"], built) == ([], [], [])
    assert second.notices == []
    assert second.corpus == first.corpus
    assert second.ask(QUESTION).to_dict() == first.ask(QUESTION).to_dict()
    assert second.index.scores(["otter"]) == first.index.scores(["otter"])


def test_the_heading_comes_back_from_the_cache(tmp_path: Path, work: dict[str, list[str]]) -> None:
    folder = corpus(tmp_path, {**DOCS, "c.txt": "Harbour Essay\n\nBy Ann Lee\n\n" + DOCS["b.txt"]})
    Briefbot.from_folder(folder)
    work["parsed"].clear()
    doc = Briefbot.from_folder(folder).corpus.document("c")
    assert work["parsed"] == []
    assert doc.heading is not None
    assert doc.heading.text == "Harbour Essay\nBy Ann Lee"
    assert Briefbot.from_folder(folder).ask("Who wrote the harbour essay?").citations[0].quote == "By Ann Lee"


def test_a_changed_file_alone_is_parsed_and_tokenized_again(
    tmp_path: Path, work: dict[str, list[str]]
) -> None:
    folder = corpus(tmp_path)
    Briefbot.from_folder(folder)
    work["parsed"].clear(), work["tokenized"].clear()
    (folder / "b.txt").write_text("Herons\n\nHerons fish at dawn.\n", encoding="utf-8")
    bot = Briefbot.from_folder(folder)
    assert work == {"parsed": ["b.txt"], "tokenized": ["b"]}
    assert len(cache_folders()) == 1  # the folder's entry was replaced, not joined
    assert any("out of date (new or changed files: 1, gone: 0)" in n for n in bot.notices), bot.notices
    assert bot.ask("When do herons fish?").answered
    assert_same_as_fresh(bot, folder, [QUESTION, "When do herons fish?"])
    # and the updated entry serves the next open as it is
    work["parsed"].clear(), work["tokenized"].clear()
    assert Briefbot.from_folder(folder).notices == []
    assert work == {"parsed": [], "tokenized": []}


def test_added_and_removed_files_reuse_the_others(
    tmp_path: Path, work: dict[str, list[str]]
) -> None:
    folder = corpus(tmp_path)
    Briefbot.from_folder(folder)
    work["parsed"].clear(), work["tokenized"].clear()
    (folder / "b.txt").unlink()
    (folder / "c.md").write_text("# Cranes\n\nCranes dance in the marsh at dusk.\n", "utf-8")
    bot = Briefbot.from_folder(folder)
    assert work == {"parsed": ["c.md"], "tokenized": ["c"]}
    assert any("(new or changed files: 1, gone: 1)" in n for n in bot.notices)
    assert_same_as_fresh(bot, folder, [QUESTION, "Where do cranes dance?", "Where do herons nest?"])


def test_a_file_whose_id_changes_keeps_its_parse_but_takes_the_new_id(
    tmp_path: Path, work: dict[str, list[str]]
) -> None:
    folder = corpus(tmp_path)
    (folder / "sub").mkdir()
    untitled = "Kingfishers dive for fish in the clear river every morning.\n"
    (folder / "sub" / "notes.txt").write_text(untitled, "utf-8")
    assert Briefbot.from_folder(folder).corpus.document("notes").title == "notes"
    work["parsed"].clear()
    # A notes.txt at the top is read first and takes the id; the other becomes sub/notes.
    (folder / "notes.txt").write_text("Moles\n\nMoles dig tunnels under the lawn.\n", "utf-8")
    bot = Briefbot.from_folder(folder)
    assert work["parsed"] == ["notes.txt"]
    moved = bot.corpus.document("sub/notes")
    assert moved.title == "sub/notes" and moved.paragraphs[0].doc == "sub/notes"
    assert_same_as_fresh(bot, folder, [QUESTION, "What do moles dig?", "Who dives for fish?"])


def test_a_new_acronym_reaches_the_unchanged_files_without_tokenizing_them_all(
    tmp_path: Path, work: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = {
        "council.txt": "Council\n\nThe Grand Tolu Council met in spring.\n\n"
        "Fishermen argued about nets.\n",
        "harbour.txt": "Harbour\n\nBoats crowd the harbour at dawn.\n",
    }
    folder = corpus(tmp_path, docs)
    Briefbot.from_folder(folder)
    work["parsed"].clear(), work["tokenized"].clear()
    aliased = []
    terms = indexing.Tokenizer.terms
    monkeypatch.setattr(
        indexing.Tokenizer, "terms", lambda self, text, **kw: (
            aliased.append(text) if self.aliases else None) or terms(self, text, **kw)
    )
    (folder / "gtc.txt").write_text(
        "Acronyms\n\nThe Grand Tolu Council (GTC) sets fishing quotas.\n", "utf-8"
    )
    bot = Briefbot.from_folder(folder)
    assert work["tokenized"] == ["gtc"]
    # Only paragraphs that hold every word of the new alias are tokenized again.
    texts = {p.text for p in bot.paragraphs}
    assert sorted(t for t in aliased if t in texts) == [
        "The Grand Tolu Council (GTC) sets fishing quotas.",
        "The Grand Tolu Council met in spring.",
    ]
    hits = {bot.paragraphs[i].text for i, _ in bot.index.top(["gtc"], 5)}
    assert hits == {"The Grand Tolu Council met in spring.",
                    "The Grand Tolu Council (GTC) sets fishing quotas."}
    assert_same_as_fresh(bot, folder, ["What did the GTC do in spring?"])


def test_names_that_lean_on_another_files_acronym_are_mined_again(
    tmp_path: Path, seeds: Path, work: dict[str, list[str]]
) -> None:
    # One seed calls the "Japan-U.S. Security Consultative Committee" the "2 Plus 2
    # Dialogue"; the other defines SCC, which that name is mined through.
    folder = tmp_path / "seeds"
    shutil.copytree(seeds, folder)
    first = Briefbot.from_folder(folder)
    assert_same_as_fresh(first, folder, ["What is the 2 Plus 2 Dialogue?"])
    diplomat = next(folder.glob("003_*.txt"))
    text = diplomat.read_text(encoding="utf-8")
    assert "Security Consultative Committee (SCC)" in text
    diplomat.write_text(text.replace("Committee (SCC)", "Committee"), encoding="utf-8")
    work["tokenized"].clear()
    bot = Briefbot.from_folder(folder)
    assert work["tokenized"] == [diplomat.stem]
    assert bot.tokenizer.aliases != first.tokenizer.aliases
    assert_same_as_fresh(bot, folder, ["What is the 2 Plus 2 Dialogue?", "What is the SCC?"])


@pytest.mark.parametrize(
    "damage",
    [
        "truncate-npz", "garbage-meta", "foreign-format", "pickled-stems", "stems", "texts",
        "meta-of-another-write", "stems-of-another-write",
    ],
)
def test_a_broken_cache_is_rebuilt_with_a_notice(tmp_path: Path, damage: str) -> None:
    folder = corpus(tmp_path)
    first = Briefbot.from_folder(folder)
    (entry,) = cache_folders()
    arrays_path, meta_path = entry / "arrays.npz", entry / "meta.json"
    with np.load(arrays_path) as data:
        arrays = dict(data)
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if damage == "truncate-npz":
        data = arrays_path.read_bytes()
        arrays_path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage-meta":
        meta_path.write_text("{not json", encoding="utf-8")
    elif damage == "foreign-format":
        meta_path.write_text(json.dumps({**meta, "format": 999}), encoding="utf-8")
    elif damage == "pickled-stems":
        # An object array can only be read back by unpickling: it must be refused.
        np.savez(arrays_path, **{**arrays, "stems": np.array([object()])})
    elif damage == "meta-of-another-write":
        # Read half before and half after another process replaced the entry.
        meta_path.write_text(json.dumps({**meta, "stamp": "0" * 16}), encoding="utf-8")
    elif damage == "stems-of-another-write":
        stems = json.loads((entry / "stems.json").read_text(encoding="utf-8"))
        (entry / "stems.json").write_text(json.dumps({**stems, "stamp": "0" * 16}), "utf-8")
    elif damage == "stems":
        np.savez(arrays_path, **{**arrays, "stems": arrays["stems"] + 10**6})
    else:
        np.savez(arrays_path, **{**arrays, "text_ends": arrays["text_ends"][:-1]})
    # A change that makes the stems matter (the index key no longer fits).
    with (folder / "b.txt").open("a", encoding="utf-8") as fh:
        fh.write("\nHerons fish at dawn.\n")
    bot = Briefbot.from_folder(folder)
    assert any("index cache" in n and "rebuilding" in n for n in bot.notices), bot.notices
    assert bot.ask(QUESTION).to_dict()["citations"] == first.ask(QUESTION).to_dict()["citations"]
    assert_same_as_fresh(bot, folder, [QUESTION])
    # and the rebuilt cache is good again
    assert Briefbot.from_folder(folder).notices == []


@pytest.mark.parametrize("damage", ["arrays", "pickled", "vocab"])
def test_a_broken_index_alone_is_rebuilt_from_the_cached_stems(
    tmp_path: Path, work: dict[str, list[str]], damage: str
) -> None:
    folder = corpus(tmp_path)
    Briefbot.from_folder(folder)
    (entry,) = cache_folders()
    with np.load(entry / "arrays.npz") as data:
        arrays = dict(data)
    if damage == "arrays":
        np.savez(entry / "arrays.npz", **{**arrays, "index_starts": arrays["index_starts"][1:]})
    elif damage == "pickled":
        np.savez(entry / "arrays.npz", **{**arrays, "index_paragraphs": np.array([object()])})
    else:
        meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
        meta["index"]["vocab"] = meta["index"]["vocab"][:-1]
        (entry / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    work["parsed"].clear(), work["tokenized"].clear()
    bot = Briefbot.from_folder(folder)
    assert any("index cache unreadable" in n for n in bot.notices)
    assert work == {"parsed": [], "tokenized": []}
    assert_same_as_fresh(bot, folder, [QUESTION])


def test_code_that_changed_retires_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, work: dict[str, list[str]]
) -> None:
    folder = corpus(tmp_path)
    Briefbot.from_folder(folder)
    monkeypatch.setattr(cache, "code_version", lambda: "another tokenizer")
    work["parsed"].clear()
    bot = Briefbot.from_folder(folder)
    assert any("another version" in n for n in bot.notices)
    assert sorted(work["parsed"]) == ["a.txt", "b.txt"]


def test_small_corpora_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = corpus(tmp_path)
    Briefbot.from_folder(folder)
    assert len(cache_folders()) == 1
    # Below the threshold: no cache, and the folder's old entry goes.
    monkeypatch.setattr(cache, "MIN_PARAGRAPHS", 10_000)
    Briefbot.from_folder(folder)
    assert cache_folders() == []


def test_an_unwritable_cache_folder_is_a_notice(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "not-a-folder").write_text("x")
    monkeypatch.setenv("BRIEFBOT_CACHE_DIR", str(tmp_path / "not-a-folder"))
    bot = Briefbot.from_folder(corpus(tmp_path))
    assert any("could not write the index cache" in n for n in bot.notices)
    assert bot.ask(QUESTION).answered


def test_index_parts_round_trip_and_reject_mismatched_arrays() -> None:
    index = Index([["a", "b", "a"], ["b", "c"], ["c"]])
    vocab, arrays = index.parts()
    again = Index.from_parts(vocab, arrays, index.settings)
    assert again.scores(["a", "c"]) == index.scores(["a", "c"])
    assert [again.holds(i, "b") for i in range(3)] == [True, True, False]
    bad = dict(arrays, starts=arrays["starts"][:-1])
    with pytest.raises(ValueError):
        Index.from_parts(vocab, bad, index.settings)
