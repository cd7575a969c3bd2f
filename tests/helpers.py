"""Helpers shared by the CLI and reliability tests."""

from __future__ import annotations

from briefbot.cli import main

OTTERS = (
    "River Otters Return\n\nThe otter recovery program was led by Maria Gonzalez in 2015.\n\n"
    "Beavers build dams across the river every autumn.\n"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """Run the command line in-process: (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
