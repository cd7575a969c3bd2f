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


def test_top_among_some_positions_ranks_only_those_with_their_own_scores():
    corpus = [["otter", "otter"], ["otter", "fish"], ["beaver"], ["otter"], ["otter", "dam"]]
    index = Index(corpus)
    everywhere = dict(index.top(["otter"], 5))
    within = index.top(["otter"], 5, among=[2, 3, 4])
    assert positions(within) == [3, 4]  # 2 lacks the term; 0 and 1 are not among them
    assert all(score == everywhere[i] for i, score in within)
    assert index.top(["otter"], 5, among=[2]) == []


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


# --- equality with rank-bm25 on random corpora ---------------------------------------------

import math  # noqa: E402

from hypothesis import assume, given  # noqa: E402
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st  # noqa: E402
from rank_bm25 import BM25L, BM25Okapi  # noqa: E402

from briefbot.index import Settings  # noqa: E402

_WORDS = st.sampled_from([f"w{i}" for i in range(12)])
_CORPORA = st.lists(st.lists(_WORDS, max_size=15), min_size=1, max_size=25).filter(any)
_RANK_BM25 = {
    "plus": lambda corpus, s: BM25Plus(corpus, k1=s.k1, b=s.b, delta=s.delta),
    "okapi": lambda corpus, s: BM25Okapi(corpus, k1=s.k1, b=s.b),
    "l": lambda corpus, s: BM25L(corpus, k1=s.k1, b=s.b, delta=s.delta),
}


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@hyp_settings(max_examples=150, deadline=None)
@given(
    corpus=_CORPORA,
    query=st.lists(_WORDS, min_size=1, max_size=5),
    variant=st.sampled_from(sorted(_RANK_BM25)),
    k1=st.sampled_from([0.5, 1.2, 1.5, 2.0]),
    b=st.sampled_from([0.0, 0.4, 0.75, 1.0]),
)
def test_postings_scores_equal_rank_bm25_scores(corpus, query, variant, k1, b):
    s = Settings(variant=variant, k1=k1, b=b, delta=1.0)
    unique = list(dict.fromkeys(query))
    expected = _RANK_BM25[variant](corpus, s).get_scores(unique)
    # rank-bm25's BM25L divides 0 by 0 for an empty paragraph when b=1 (NaN); not ours.
    assume(not any(math.isnan(x) for x in expected))
    assert Index(corpus, s).scores(unique) == pytest.approx(list(expected), rel=1e-9, abs=1e-9)


@hyp_settings(max_examples=100, deadline=None)
@given(corpus=_CORPORA, query=st.lists(_WORDS, min_size=1, max_size=4), k=st.integers(1, 6))
def test_top_is_the_best_paragraphs_holding_a_query_term(corpus, query, k):
    index = Index(corpus)
    unique = list(dict.fromkeys(query))
    scores = index.scores(unique)
    holding = [i for i, doc in enumerate(corpus) if set(doc) & set(unique)]
    expected = sorted(holding, key=lambda i: (-scores[i], i))[:k]
    got = index.top(unique, k)
    assert [round(s, 9) for _, s in got] == [round(scores[i], 9) for i in expected]
    assert {i for i, _ in got} <= set(holding)
