"""Try each answer-selection knob a little up and down, on the development set only.

    python benchmarks/quality/sweep.py [--keep N]

For every numeric field of ``Tuning`` (and every switch), scores the development set with
that one field changed and prints the result beside the current setting's. The score is
``calibrate.py``'s: answerable questions quoted right at rank 1, unanswerable ones refused
and follow-ups answered right, with false abstentions counted twice. With ``--keep N`` a
change that gains at least N is kept before the next field is tried (coordinate ascent);
without it, every change is measured against the current defaults.

A gain printed here is only a candidate: check it on the validation and held-out halves
and on fresh batches before changing a default. (About 15 s per setting.)
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import HERE, SEEDS, Tally, load, run_briefbot  # noqa: E402

from briefbot import Briefbot  # noqa: E402

_FIXED = {"max_citations", "max_quote_sentences", "max_quote_chars"}  # how much is shown


def score(t: Tally) -> int:
    return t.hits1 + t.abstained + t.followups_right - 2 * t.false_abstained


def nearby(value: object) -> list[object]:
    """Settings a little away from ``value``."""
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        return [v for v in (value - 2, value - 1, value + 1, value + 2) if v > 0]
    if isinstance(value, float):
        return [round(value * m, 4) for m in (0.5, 0.75, 1.25, 1.5)] if value else [0.1, 0.2]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=int, default=0, help="keep a change that gains this much")
    args = parser.parse_args(argv)
    items = load(HERE / "dev.jsonl")
    bot = Briefbot.from_folder(SEEDS)
    best = bot.selector.tuning
    best_score = score(run_briefbot(bot, items))
    print(f"current settings: {best_score}", flush=True)
    for field in dataclasses.fields(best):
        if field.name in _FIXED:
            continue
        for value in nearby(getattr(best, field.name)):
            tried = dataclasses.replace(best, **{field.name: value})
            bot.selector.tuning = tried
            t = run_briefbot(bot, items)
            s = score(t)
            row = t.row()
            kept = args.keep > 0 and s >= best_score + args.keep
            print(
                f"{field.name}={value}: {s} ({s - best_score:+d}) quote@1 {row['quote@1'].strip()},"
                f" abstain {row['abstain'].strip()}, follow-up {row['follow-up'].strip()}"
                + ("  kept" if kept else ""),
                flush=True,
            )
            if kept:
                best, best_score = tried, s
        bot.selector.tuning = best
    if args.keep:
        changed = {
            f.name: getattr(best, f.name)
            for f in dataclasses.fields(best)
            if getattr(best, f.name) != f.default
        }
        print(f"kept: {changed or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
