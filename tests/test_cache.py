"""The on-disk index cache: used when valid, rebuilt with a notice when not, never pickled."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from briefbot import cache
from briefbot.engine import Briefbot
from briefbot.index import Index

DOCS = {
    "a.txt": "Otters\n\nThe otter recovery program was led by Maria Gonzalez in 2015.\n\n"
    "Beavers build dams across the river every autumn.\n",
    "b.txt": "Herons\n\nGrey herons nest in tall trees near the lake each spring.\n",
}


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MIN_PARAGRAPHS", 1)


def corpus(tmp_path: Path, docs: dict[str, str] = DOCS) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def cache_folders() -> list[Path]:
    return [p for p in cache.cache_dir().iterdir() if not p.name.startswith(".")]


def test_cache_lives_where_the_environment_says(tmp_path: Path) -> None:
    # conftest points BRIEFBOT_CACHE_DIR at tmp_path / "cache"
    assert cache.cache_dir() == tmp_path / "cache"


def test_second_open_reads_the_cache_and_answers_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = corpus(tmp_path)
    first = Briefbot.from_folder(folder)
    assert len(cache_folders()) == 1

    built = []
    original = Index.__init__
    monkeypatch.setattr(Index, "__init__", lambda self, *a, **k: built.append(1) or original(self, *a, **k))
    second = Briefbot.from_folder(folder)
    assert built == []  # nothing was rebuilt
    assert second.notices == []
    question = "Who led the otter recovery program?"
    assert second.ask(question).to_dict() == first.ask(question).to_dict()
    assert second.index.scores(["otter"]) == first.index.scores(["otter"])


def test_a_changed_document_gets_a_new_cache_entry(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    Briefbot.from_folder(folder)
    (folder / "b.txt").write_text("Herons\n\nHerons fish at dawn.\n", encoding="utf-8")
    bot = Briefbot.from_folder(folder)
    assert len(cache_folders()) == 2
    assert bot.ask("When do herons fish?").answered


@pytest.mark.parametrize("damage", ["truncate-npz", "garbage-meta", "foreign-format", "pickled"])
def test_a_broken_cache_is_rebuilt_with_a_notice(tmp_path: Path, damage: str) -> None:
    folder = corpus(tmp_path)
    first = Briefbot.from_folder(folder)
    (entry,) = cache_folders()
    if damage == "truncate-npz":
        data = (entry / "index.npz").read_bytes()
        (entry / "index.npz").write_bytes(data[: len(data) // 2])
    elif damage == "garbage-meta":
        (entry / "meta.json").write_text("{not json", encoding="utf-8")
    elif damage == "foreign-format":
        meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
        meta["format"] = 999
        (entry / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    else:
        # An object array can only be read back by unpickling: it must be refused.
        np.savez(entry / "index.npz", paragraphs=np.array([object()]), counts=np.array([1]),
                 starts=np.array([0, 1]), lengths=np.array([1.0]))
    bot = Briefbot.from_folder(folder)
    assert any("index cache" in n and "rebuilding" in n for n in bot.notices)
    question = "Who led the otter recovery program?"
    assert bot.ask(question).to_dict() == first.ask(question).to_dict()
    # and the rebuilt cache is good again
    assert Briefbot.from_folder(folder).notices == []


def test_small_corpora_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MIN_PARAGRAPHS", 10_000)
    Briefbot.from_folder(corpus(tmp_path))
    assert not cache.cache_dir().exists() or cache_folders() == []


def test_index_parts_round_trip_and_reject_mismatched_arrays() -> None:
    index = Index([["a", "b", "a"], ["b", "c"], ["c"]])
    vocab, arrays = index.parts()
    again = Index.from_parts(vocab, arrays, index.settings)
    assert again.scores(["a", "c"]) == index.scores(["a", "c"])
    assert [again.holds(i, "b") for i in range(3)] == [True, True, False]
    bad = dict(arrays, starts=arrays["starts"][:-1])
    with pytest.raises(ValueError):
        Index.from_parts(vocab, bad, index.settings)
