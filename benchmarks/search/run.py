"""Search ranking on a second corpus: Python's help topics, 40 questions a Python user asks.

    python benchmarks/search/run.py [--corpus FOLDER] [--markdown]

Does ``briefbot search`` rank well beyond the bundled seeds?  The corpus is written by
``make_corpus.py`` (into a temporary folder unless ``--corpus`` names one); the questions
and judgments are ``queries.jsonl``: the first 20 are the development half (choose
settings there), the last 20 are held out (only reported).

Each query has the topics (documents) that answer it and, for most, a key phrase that the
answering paragraph contains.  A document whose paragraphs contain the key phrase counts as
relevant too (``compound`` repeats every compound statement's topic, ``specialnames``
every special-method topic).  Measured on the top 10 hits of ``bot.search(q, k=10)``:

  doc MRR    1/rank of the first hit from a relevant document (0 if none in the top 10)
  doc R      share of the relevant documents that appear among the top 10 hits
  par MRR    1/rank of the first hit whose paragraph holds the key phrase
  par S      share of queries with such a paragraph in the top 10
             (par columns: only the queries that have a key phrase)

Settings compared, side by side: the BM25 variant (plus, okapi, l; delta 1 for plus and
l), k1 in {0.9, 1.2, 1.5}, b in {0.5, 0.75, 0.9}, each with briefbot's tokenizer as shipped
("stem"), with stemming switched off in this process only ("nostem": ``stem`` replaced
by the identity), and with the stopword list emptied ("stem+stopwords": Python's keywords
"is", "in", "with", "for", "else" are English stopwords); and a plain rank-bm25
``BM25Okapi`` (k1 1.5, b 0.75) on lower-cased whitespace tokens of the same paragraphs.
The product's defaults are marked ``*``; the best setting on the development half (doc MRR,
then doc R, then par MRR) is marked ``<``.  No product code is changed.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import write_corpus  # noqa: E402

from briefbot.corpus import Corpus, load_folder  # noqa: E402
from briefbot.engine import Briefbot  # noqa: E402
from briefbot.index import Settings  # noqa: E402

K = 10
DEFAULTS = Settings()  # plus, k1 1.2, b 0.75, delta 1
VARIANTS = ("plus", "okapi", "l")
K1S = (0.9, 1.2, 1.5)
BS = (0.5, 0.75, 0.9)


@dataclass(frozen=True)
class Judged:
    id: str
    split: str
    query: str
    docs: frozenset[str]
    phrase: str | None
    phrase_paragraphs: frozenset[tuple[str, int]]


def _norm(text: str) -> str:
    return " ".join(text.split())


def load_queries(corpus: Corpus) -> list[Judged]:
    doc_ids = {d.id for d in corpus.documents}
    judged = []
    for line in (HERE / "queries.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        missing = set(row["docs"]) - doc_ids
        if missing:
            raise SystemExit(f"{row['id']}: no such topic in this Python's help: {missing}")
        phrase = row.get("phrase")
        found = frozenset()
        if phrase:
            found = frozenset(
                (p.doc, p.n) for p in corpus.paragraphs if _norm(phrase) in _norm(p.text)
            )
            if not found:
                print(f"note: {row['id']}: key phrase not in any paragraph", file=sys.stderr)
                phrase = None
        docs = frozenset(row["docs"]) | {doc for doc, _ in found}
        judged.append(Judged(row["id"], row["split"], row["query"], docs, phrase, found))
    return judged


TOKENIZERS = ("stem", "nostem", "stem+stopwords")


@contextlib.contextmanager
def tokenizer(arm: str) -> Iterator[None]:
    """briefbot's tokenizer as shipped ("stem"), without stemming ("nostem": ``stem`` is the
    identity) or without its stopword list ("stem+stopwords": every word is kept, question
    filler words still dropped), for this block and in this process only."""
    import briefbot.aliases
    import briefbot.question
    import briefbot.text

    modules = (briefbot.text, briefbot.question, briefbot.aliases)
    saved = [(m.stem, m.STOPWORDS) for m in modules]
    for m in modules:
        if arm == "nostem":
            m.stem = lambda word: word  # type: ignore[assignment]
        elif arm == "stem+stopwords":
            m.STOPWORDS = frozenset()  # type: ignore[misc]
    try:
        yield
    finally:
        for m, (stem, stopwords) in zip(modules, saved):
            m.stem, m.STOPWORDS = stem, stopwords  # type: ignore[assignment, misc]


Ranking = list[tuple[str, int]]  # (doc, paragraph number), best first


def briefbot_rankings(corpus: Corpus, queries: list[Judged], settings: Settings) -> list[Ranking]:
    bot = Briefbot(corpus, settings=settings)
    return [[(h.doc, h.paragraph) for h in bot.search(q.query, k=K)] for q in queries]


def plain_rankings(corpus: Corpus, queries: list[Judged]) -> list[Ranking]:
    from rank_bm25 import BM25Okapi

    paragraphs = corpus.paragraphs
    bm25 = BM25Okapi([p.text.lower().split() for p in paragraphs])
    out = []
    for q in queries:
        scores = bm25.get_scores(q.query.lower().split())
        order = np.lexsort((np.arange(len(scores)), -scores))[:K]
        out.append([(paragraphs[i].doc, paragraphs[i].n) for i in order])
    return out


def metrics(queries: list[Judged], rankings: list[Ranking]) -> dict[str, float]:
    doc_rr, doc_recall, par_rr, par_hit = [], [], [], []
    for q, ranking in zip(queries, rankings):
        ranks = [i for i, (doc, _) in enumerate(ranking, 1) if doc in q.docs]
        doc_rr.append(1 / ranks[0] if ranks else 0.0)
        doc_recall.append(len(q.docs & {doc for doc, _ in ranking}) / len(q.docs))
        if q.phrase:
            pranks = [i for i, hit in enumerate(ranking, 1) if hit in q.phrase_paragraphs]
            par_rr.append(1 / pranks[0] if pranks else 0.0)
            par_hit.append(1.0 if pranks else 0.0)
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    return {
        "doc MRR": mean(doc_rr),
        "doc R": mean(doc_recall),
        "par MRR": mean(par_rr),
        "par S": mean(par_hit),
        "_rr": doc_rr,  # type: ignore[dict-item]
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="folder to write the help topics into (default: temp)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)

    import briefbot.cache

    # Never read or write the user's index cache from here: a cached index is keyed by
    # TOKENIZER_VERSION, which knows nothing of the stemmer being switched off above.
    os.environ["BRIEFBOT_CACHE_DIR"] = tempfile.mkdtemp(prefix="briefbot-search-cache-")
    briefbot.cache.MIN_PARAGRAPHS = 10**9

    folder = Path(args.corpus) if args.corpus else Path(tempfile.mkdtemp(prefix="pydoc-topics-"))
    write_corpus(folder)
    corpus = load_folder(folder)
    queries = load_queries(corpus)
    halves = {s: [i for i, q in enumerate(queries) if q.split == s] for s in ("dev", "heldout")}

    rows: list[tuple[str, dict[str, dict[str, float]]]] = []

    def record(label: str, rankings: list[Ranking]) -> None:
        by_half = {}
        for half, idx in halves.items():
            by_half[half] = metrics([queries[i] for i in idx], [rankings[i] for i in idx])
        rows.append((label, by_half))

    record("rank-bm25 BM25Okapi, lower().split()", plain_rankings(corpus, queries))
    for arm in TOKENIZERS:
        with tokenizer(arm):
            for variant, k1, b in itertools.product(VARIANTS, K1S, BS):
                settings = Settings(variant=variant, k1=k1, b=b, delta=1.0)
                label = f"{arm} {variant} k1={k1} b={b}"
                if arm == "stem" and settings == DEFAULTS:
                    label += " *"
                record(label, briefbot_rankings(corpus, queries, settings))

    cols = ("doc MRR", "doc R", "par MRR", "par S")
    key = lambda r: tuple(r[1]["dev"][c] for c in ("doc MRR", "doc R", "par MRR"))  # noqa: E731
    best = max(rows[1:], key=key)
    n_phrase = {h: sum(1 for i in idx if queries[i].phrase) for h, idx in halves.items()}
    print(f"Python {sys.version.split()[0]} ({sys.version.replace(chr(10), ' ')})")
    print(
        f"corpus: {len(corpus.documents)} topics, {len(corpus.paragraphs)} paragraphs; "
        f"queries: dev {len(halves['dev'])} ({n_phrase['dev']} with key phrase), "
        f"held-out {len(halves['heldout'])} ({n_phrase['heldout']} with key phrase); top {K}"
    )
    header = ["setting"] + [f"dev {c}" for c in cols] + [f"held-out {c}" for c in cols]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|---" + "|---:" * (len(header) - 1) + "|")
    else:
        print(f"{'setting':<40}" + "".join(f"{h:>17}" for h in header[1:]))
    for label, by_half in rows:
        shown = label + (" <" if (label, by_half) == best else "")
        values = [f"{by_half[h][c]:.3f}" for h in ("dev", "heldout") for c in cols]
        if args.markdown:
            print("| " + " | ".join([shown, *values]) + " |")
        else:
            print(f"{shown:<40}" + "".join(f"{v:>17}" for v in values))

    default = next(r for r in rows if r[0].endswith(" *"))
    for half in ("dev", "heldout"):
        a, d = best[1][half]["_rr"], default[1][half]["_rr"]
        wins = sum(x > y for x, y in zip(a, d))
        losses = sum(x < y for x, y in zip(a, d))
        print(f"{half}: dev-best vs defaults, doc reciprocal rank per query: "
              f"{wins} better, {losses} worse, {len(a) - wins - losses} same")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
