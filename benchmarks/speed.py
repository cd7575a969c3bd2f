"""Index speed and memory: briefbot's postings index beside rank-bm25, in one run.

    python benchmarks/speed.py                 # 1k, 10k and 100k paragraphs
    python benchmarks/speed.py --sizes 1000    # just one size

Each measurement runs in a fresh child process (so peak memory is its own) on the same
synthetic corpus: paragraphs of 20-80 tokens drawn from a Zipf-like 30,000-term
vocabulary, seeded, so every run and every system sees the same text.  Both systems start
from the same ready tokens.  Printed per size and system:

- build: seconds to build the index from tokens
- query median / p99: milliseconds for the top 10 paragraphs of a 3-term query
  (briefbot's ``Index.top``; rank-bm25's ``get_scores`` plus a sort)
- peak MB: the child's maximum resident memory, corpus generation included
- ratios: rank-bm25's time over briefbot's (above 1 means briefbot is faster)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time

VOCABULARY = 30_000
QUERIES = 200


def corpus(size: int) -> list[list[str]]:
    rng = random.Random(size)
    vocab = [f"t{i}" for i in range(VOCABULARY)]
    weights = [1 / (i + 1) for i in range(VOCABULARY)]
    return [rng.choices(vocab, weights, k=rng.randint(20, 80)) for _ in range(size)]


def queries(n: int) -> list[list[str]]:
    rng = random.Random(0)
    vocab = [f"t{i}" for i in range(50, 5000)]
    return [rng.sample(vocab, 3) for _ in range(n)]


def measure(system: str, size: int) -> dict[str, float]:
    docs = corpus(size)
    qs = queries(QUERIES if system == "briefbot" or size <= 10_000 else 20)
    started = time.perf_counter()
    if system == "briefbot":
        from briefbot.index import Index

        index = Index(docs)

        def top(q: list[str]) -> object:
            return index.top(q, 10)

    else:
        import numpy as np
        from rank_bm25 import BM25Plus

        model = BM25Plus(docs, k1=1.2, b=0.75, delta=1)

        def top(q: list[str]) -> object:
            return np.argsort(model.get_scores(q))[::-1][:10]

    build = time.perf_counter() - started
    latencies = []
    for q in qs:
        t = time.perf_counter()
        top(q)
        latencies.append(1000 * (time.perf_counter() - t))
    latencies.sort()
    return {
        "build_s": build,
        "median_ms": statistics.median(latencies),
        "p99_ms": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
    }


def run_child(system: str, size: int) -> dict[str, float]:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--worker", system, str(size)], stdout=subprocess.PIPE
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{system} at {size} failed with exit code {proc.returncode}")
    result = json.loads(out)
    result["peak_mb"] = usage.ru_maxrss / 1024  # Linux reports KiB
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--worker", nargs=2, metavar=("SYSTEM", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(measure(args.worker[0], int(args.worker[1]))))
        return 0
    print(
        f"{'paragraphs':>10} {'system':10} {'build s':>8} {'query ms':>9} {'p99 ms':>8} "
        f"{'peak MB':>8}   {'query ×':>8} {'build ×':>8}"
    )
    for size in args.sizes:
        ours = run_child("briefbot", size)
        theirs = run_child("rank-bm25", size)
        for name, r in (("briefbot", ours), ("rank-bm25", theirs)):
            ratio = ""
            if name == "briefbot":
                ratio = (
                    f"{theirs['median_ms'] / ours['median_ms']:8.1f} "
                    f"{theirs['build_s'] / ours['build_s']:8.2f}"
                )
            print(
                f"{size:>10,} {name:10} {r['build_s']:8.2f} {r['median_ms']:9.3f} "
                f"{r['p99_ms']:8.3f} {r['peak_mb']:8.0f}   {ratio}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
