"""Building the index document by document equals a fresh build over the whole corpus."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefbot.aliases import mine_aliases
from briefbot.corpus import Document, Paragraph
from briefbot.index import Index, Vocabulary
from briefbot.indexing import build
from briefbot.text import Tokenizer

# Sentences that define acronyms and other names, use them, or lean on them.
SENTENCES = [
    "The Grand Tolu Council (GTC) met in spring.",
    "The Grand Tolu Council argued about nets.",
    "Officials of the GTC left early.",
    "The Harbour Safety Board (HSB) inspected boats.",
    "The Harbour Safety Board, also called the Dock Watch, closed the pier.",
    "The Dock Watch reopened the pier at dawn.",
    "The GTC, more commonly known as the Council of Nets, voted.",
    "The Tolu Fishing Union, also known as the Net Makers Guild, went on strike.",
    "Boats crowd the harbour at dawn.",
    "Fishermen mend nets every evening.",
    "Nobody knew why the nets were torn.",
    "The council voted twice on quotas.",
]
PARAGRAPHS = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join)
DOCS = st.lists(st.lists(PARAGRAPHS, min_size=1, max_size=3), min_size=1, max_size=5)
FAST = settings(max_examples=40, deadline=None, database=None)


def documents(texts: list[list[str]]) -> list[Document]:
    return [
        Document(f"d{i}", f"d{i}", tuple(Paragraph(f"d{i}", n, t) for n, t in enumerate(ps, 1)))
        for i, ps in enumerate(texts)
    ]


def assert_fresh_build(index: Index, aliases: dict, docs: list[Document]) -> None:  # type: ignore[type-arg]
    texts = [p.text for d in docs for p in d.paragraphs]
    expected_aliases = mine_aliases(texts)
    tokenizer = Tokenizer(expected_aliases)
    expected = Index([tokenizer.terms(t) for t in texts])
    assert list(aliases.items()) == list(expected_aliases.items())
    assert sorted(index._vocab) == sorted(expected._vocab)
    for term in expected._vocab:
        assert index.scores([term]) == expected.scores([term]), term


@FAST
@given(DOCS)
def test_build_equals_tokenizing_everything_with_the_corpus_aliases(texts):
    docs = documents(texts)
    index, aliases, _ = build(docs, {}, Vocabulary())
    assert_fresh_build(index, aliases, docs)


@FAST
@given(DOCS, st.data())
def test_rebuild_reusing_unchanged_documents_equals_a_fresh_build(texts, data):
    vocab = Vocabulary()
    _, _, parts = build(documents(texts), {}, vocab)
    # Change, add or remove one document; reuse what the others yielded.
    changed = list(texts)
    where = data.draw(st.integers(0, len(changed)))
    action = data.draw(st.sampled_from(["change", "add", "remove"]))
    known = dict(enumerate(parts))
    if action == "remove" and len(changed) > 1 and where < len(changed):
        del changed[where]
        known = {i: t for i, t in enumerate(parts[:where] + parts[where + 1 :])}
    elif action == "add" or where == len(changed):
        changed.insert(where, data.draw(st.lists(PARAGRAPHS, min_size=1, max_size=3)))
        known = {i + (i >= where): t for i, t in enumerate(parts)}
    else:
        changed[where] = data.draw(st.lists(PARAGRAPHS, min_size=1, max_size=3))
        del known[where]
    docs = documents(changed)
    index, aliases, _ = build(docs, known, vocab)
    assert_fresh_build(index, aliases, docs)
