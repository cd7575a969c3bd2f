"""``python -m briefbot``: the same as the ``briefbot`` command."""

from .cli import run

if __name__ == "__main__":
    run()
