"""briefbot: answers questions about a folder of documents with verbatim, cited quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Briefbot", "Answer", "Citation", "__version__"]

if TYPE_CHECKING:
    from .answer import Answer, Citation
    from .engine import Briefbot


def __getattr__(name: str) -> Any:
    # Lazy, so `import briefbot` (and `briefbot --version`) stays instant.
    if name == "Briefbot":
        from .engine import Briefbot

        return Briefbot
    if name in ("Answer", "Citation"):
        from . import answer

        return getattr(answer, name)
    raise AttributeError(f"module 'briefbot' has no attribute {name!r}")
