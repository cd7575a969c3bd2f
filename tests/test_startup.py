"""What a command loads: ``ask`` and ``search`` never import Textual (a fresh process each)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import io, json, sys
from contextlib import redirect_stdout
from briefbot.cli import main
with redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"textual", "rich"})
print(json.dumps({"code": code, "heavy": heavy, "ma": "numpy.ma" in sys.modules}))
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "Who attended the March 2021 meeting in Tokyo?"],
        ["ask", "Who attended the March 2021 meeting in Tokyo?", "--json"],
        ["search", "Security Consultative Committee", "--json"],
        ["sources"],
    ],
)
def test_command_line_answers_without_loading_the_chat(argv: list[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {"BRIEFBOT_CACHE_DIR": str(tmp_path), "PATH": "", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, env=env, check=True
    )
    report = json.loads(done.stdout)
    assert report["code"] == 0
    assert report["heavy"] == []  # no Textual, nor Rich which comes with it
    assert report["ma"] is False  # numpy.ma costs 15 ms of a cold start and is not needed
