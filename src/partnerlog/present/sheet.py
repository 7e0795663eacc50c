"""Tables as data: drawn by Rich on a terminal, written as tab-separated lines when piped.

The lists (partners, entries, goals, follow-ups, dates) are built here as a
`Sheet` of `Cell`s, which know their text and styles but nothing of Rich. On
a terminal `screen.draw` hands them to Rich; piped, they print without importing it
(Rich costs about twice Python's own start-up), one record per line.

User text goes into a `Cell` through `cell`, after `text.visible` has made
control characters visible: it prints exactly as typed either way.
"""

from __future__ import annotations

from partnerlog.present.text import visible

TONE_MARKS = {-2: "−−", -1: "−", 0: "·", 1: "+", 2: "++"}
TONE_STYLES = {-2: "red", -1: "red", 0: "", 1: "green", 2: "green"}


class Cell:
    """Text in parts, each with a style ("" for none): Rich's ``Text``, without Rich."""

    __slots__ = ("parts", "style")

    def __init__(self, text: str = "", style: str = "") -> None:
        self.parts: list[tuple[str, str]] = [(text, "")] if text else []
        self.style = style  # over the whole cell

    def append(self, text: str, style: str = "") -> Cell:
        self.parts.append((text, style))
        return self

    def stylize(self, style: str) -> None:
        self.style = f"{self.style} {style}".strip()

    @property
    def plain(self) -> str:
        parts = self.parts
        if len(parts) == 1:  # (most cells: one piece of text)
            return parts[0][0]
        return "".join(text for text, _ in parts)

    def __str__(self) -> str:
        return self.plain

    def rich(self):
        from rich.text import Text

        shown = Text(style=self.style)
        for text, style in self.parts:
            shown.append(text, style=style or None)
        return shown


def cell(text: str | None, *, one_line: bool = False, style: str = "") -> Cell:
    """User text as a cell: printed exactly as typed, never as markup."""
    return Cell(visible(text or "", one_line=one_line), style=style)


def tone_mark(tone: int | None) -> Cell:
    return Cell() if tone is None else Cell(TONE_MARKS[tone], style=TONE_STYLES[tone])


class Sheet:
    """A list's columns (with Rich's options for each) and rows."""

    def __init__(self, *, grid: bool = False) -> None:
        self.grid = grid  # no headings, no borders (Rich's ``Table.grid``)
        self.columns: list[tuple[str, dict]] = []
        self.rows: list[list] = []

    def add_column(self, header: str = "", **options) -> None:
        self.columns.append((header, options))

    def add_row(self, *cells) -> None:
        self.rows.append(list(cells))

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def rich(self):
        """The sheet as a Rich table (a terminal draws it)."""
        from rich.table import Table

        if self.grid:
            table = Table.grid(padding=(0, 1))
        else:
            table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
        for header, options in self.columns:
            table.add_column(header, **options)
        for row in self.rows:
            table.add_row(*(value.rich() if isinstance(value, Cell) else value for value in row))
        return table

    def lines(self) -> list[str]:
        """One record a line, tab-separated and unpadded, a header line first."""
        lines = [] if self.grid else ["\t".join(field(header) for header, _ in self.columns)]
        lines += ["\t".join(field(value) for value in row) for row in self.rows]
        return lines


def field(value) -> str:
    """A value as one field of a piped record: on one line, no tab, spaces collapsed."""
    plain = value if type(value) is str else value.plain if type(value) is Cell else str(value)
    if (
        plain.isprintable()
        and "  " not in plain
        and not plain.startswith(" ")
        and not plain.endswith(" ")
    ):
        return plain  # (its only spaces are single ones inside: already one field)
    return " ".join(plain.replace("\t", " ").replace("\n", " ⏎ ").split())
