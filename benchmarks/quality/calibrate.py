"""Calibrate abstention on the development set only (never on validation or held-out).

    python benchmarks/quality/calibrate.py

Grid-searches the two knobs of the answered / not-in-the-sources decision
(``Tuning.answer_threshold`` and ``Tuning.unknown_weight``) and prints, best first, the
settings by the number of development questions handled right: answerable ones quoted
correctly at rank 1, unanswerable ones refused and follow-ups answered right, with false
abstentions counted twice (refusing a question the sources answer is the worse error for
an analyst).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import HERE, SEEDS, load, run_briefbot  # noqa: E402

from briefbot import Briefbot  # noqa: E402


def main() -> int:
    items = load(HERE / "dev.jsonl")
    bot = Briefbot.from_folder(SEEDS)
    base = bot.selector.tuning
    results = []
    for threshold in [x / 20 for x in range(2, 16)]:
        for unknown in [x / 10 for x in range(0, 11)]:
            bot.selector.tuning = dataclasses.replace(
                base, answer_threshold=threshold, unknown_weight=unknown
            )
            t = run_briefbot(bot, items)
            score = t.hits1 + t.abstained + t.followups_right - 2 * t.false_abstained
            results.append((score, threshold, unknown, t))
    results.sort(key=lambda r: (-r[0], r[1], r[2]))
    print(f"current: threshold={base.answer_threshold} unknown_weight={base.unknown_weight}")
    print("score threshold unknown  quote@1 abstain false-abstain follow-up")
    for score, threshold, unknown, t in results[:15]:
        print(
            f"{score:5d} {threshold:9.2f} {unknown:7.1f}  {t.hits1:3d}/{t.answerable}"
            f"  {t.abstained:3d}/{t.unanswerable}  {t.false_abstained:3d}/{t.answerable}"
            f"  {t.followups_right:3d}/{t.followups}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
