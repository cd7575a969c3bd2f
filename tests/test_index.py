"""The BM25 index over paragraphs, on tiny corpora where Okapi's IDF misbehaves."""

from __future__ import annotations

import random

import pytest
from rank_bm25 import BM25Plus

from briefbot.errors import CorpusError
from briefbot.index import Index


def positions(hits: list[tuple[int, float]]) -> list[int]:
    return [i for i, _ in hits]


def test_term_in_one_of_two_paragraphs_ranks_that_paragraph_first():
    index = Index([["beaver", "dam", "river"], ["otter", "fish", "river"]])
    hits = index.top(["otter"], 5)
    assert positions(hits) == [1]
    scores = index.scores(["otter"])
    assert scores[1] > scores[0]


def test_term_in_half_the_paragraphs_scores_above_those_without_it():
    corpus = [["otter", "river"], ["beaver", "dam"], ["otter", "fish"], ["heron", "pond"]]
    index = Index(corpus)
    assert sorted(positions(index.top(["otter"], 10))) == [0, 2]
    scores = index.scores(["otter"])
    assert min(scores[0], scores[2]) > max(scores[1], scores[3])


def test_term_in_most_paragraphs_still_finds_them():
    corpus = [["river", "otter"], ["river", "beaver"], ["river", "heron"], ["river"], ["pond", "frog"]]
    index = Index(corpus)
    assert sorted(positions(index.top(["river"], 10))) == [0, 1, 2, 3]
    scores = index.scores(["river"])
    assert min(scores[:4]) > scores[4]


def test_top_is_limited_to_k_and_best_first():
    corpus = [["otter"], ["otter", "otter", "otter", "fish"], ["beaver"], ["otter", "fish"]]
    hits = Index(corpus).top(["otter", "fish"], 2)
    assert len(hits) == 2
    assert hits[0][1] >= hits[1][1]
    assert hits[0][0] in (1, 3)


def test_unknown_terms_give_no_hits():
    index = Index([["otter", "river"], ["beaver", "dam"]])
    assert index.top(["chocolate", "cake"], 5) == []
    assert index.top([], 5) == []
    assert index.scores(["chocolate"]) == [0.0, 0.0]


def test_unknown_terms_do_not_change_the_scores_of_known_ones():
    index = Index([["otter", "river"], ["beaver", "dam"], ["otter", "dam"]])
    assert index.scores(["otter", "chocolate"]) == pytest.approx(index.scores(["otter"]))


def test_empty_corpus_is_a_corpus_error():
    with pytest.raises(CorpusError):
        Index([])


def test_corpus_of_empty_token_lists_is_a_corpus_error():
    with pytest.raises(CorpusError):
        Index([[], [], []])


def test_some_empty_paragraphs_are_allowed_and_never_hit():
    index = Index([[], ["otter"], []])
    assert positions(index.top(["otter"], 5)) == [1]


@pytest.mark.parametrize("seed", range(25))
def test_scores_equal_rank_bm25_plus_for_the_unique_terms(seed):
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(12)]
    corpus = [
        [rng.choice(vocabulary) for _ in range(rng.randint(1, 15))] for _ in range(rng.randint(1, 8))
    ]
    query = [rng.choice(vocabulary + ["missing"]) for _ in range(rng.randint(1, 6))]
    unique = list(dict.fromkeys(query))
    # The parameters index.py documents (k1=1.2 rather than rank-bm25's default 1.5).
    expected = BM25Plus(corpus, k1=1.2, b=0.75, delta=1.0).get_scores(unique)
    assert Index(corpus).scores(query) == pytest.approx(list(expected))


def test_scores_match_a_bm25_plus_built_with_the_index_settings():
    corpus = [["otter", "river", "otter"], ["beaver", "dam"], ["otter", "dam", "dam", "fish"]]
    index = Index(corpus)
    s = index.settings
    expected = BM25Plus(corpus, k1=s.k1, b=s.b, delta=s.delta).get_scores(["otter", "dam"])
    assert index.scores(["otter", "dam", "otter"]) == pytest.approx(list(expected))
