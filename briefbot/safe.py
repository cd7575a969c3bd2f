"""One path for text on its way to a terminal or a file: nothing in it acts, all of it shows.

C0 control characters but newline and tab become caret notation (ESC is ``^[``), DEL is
``^?``, C1 controls such as 0x9B become ``<U+009B>``, and characters that reorder or hide
text (bidi overrides, zero-width marks, tag characters) become ``<U+202E>`` tags.  Documents are made visible when
they are loaded, so a quote is a slice of the very text its citation points to.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Explicit directional formatting, zero-width and other invisible format characters, and
# the Unicode tag characters, which can carry a whole hidden sentence ("ASCII smuggling").
_INVISIBLE = (
    "\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a-\u206f"
    "\ufeff\ufff9\ufffa\ufffb\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + _INVISIBLE + "\ud800-\udfff]"
)


def _show(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every control or invisible formatting character spelled out."""
    return _UNSAFE.sub(_show, text)


def one_line(text: str) -> str:
    """``text`` made visible with its newlines and tabs spelled out too (``^J``, ``^I``), for
    messages that must stay one line whatever file name they quote."""
    return visible(text).replace("\n", "^J").replace("\t", "^I")


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def dumps(data: Any, **kwargs: Any) -> str:
    """JSON text with non-ASCII kept readable, yet nothing live: ``json.dumps`` escapes C0
    controls only, so DEL, C1 controls and bidi or zero-width marks are escaped here too
    (they can only occur inside strings, where ``\\uXXXX`` means the same character)."""
    text = json.dumps(data, ensure_ascii=False, **kwargs)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
