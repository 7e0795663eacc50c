"""User text made safe for a terminal: the one function every message and view
puts names, notes and tags through (`present.text` and the error boundary)."""

import re

from partnerlog.i18n import Msg

# Control characters (C0, DEL, C1), and the invisible format characters that
# could reorder or hide what the terminal shows: bidirectional marks, overrides
# and isolates (U+061C, U+200E/F, U+202A–E, U+2066–9), zero-width characters,
# line and paragraph separators, the byte-order mark and interlinear
# annotations. Tab and newline are kept where text may span lines.
# (A pattern, compiled by `re` when first needed: most text never needs it.)
_INVISIBLE = (
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)


def visible(text: str, *, one_line: bool = False) -> str:
    """User text made safe to print: control and escape characters become visible.

    ``"\\x1b[2J"`` prints as the six characters ``\\x1b[2J``, never as an escape.
    """
    if isinstance(text, Msg):
        text = text.shown()  # a message the model made: in the chosen language
    if text.isprintable():
        # Every character `_INVISIBLE` matches, and a line break or a tab, is
        # unprintable to Python: most text needs no more than this one C call.
        return text
    shown = re.sub(_INVISIBLE, lambda m: _escape_char(m.group()), text)
    if one_line:
        shown = shown.replace("\r\n", "\n").replace("\n", " ⏎ ").replace("\t", " ")
    return shown


def _escape_char(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
