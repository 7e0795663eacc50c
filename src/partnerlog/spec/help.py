"""``--help``, drawn from the declarations in the language chosen: the usage line,
what the command does and its examples, its arguments, options and commands.

The layout is the one Click made familiar (and Typer drew here before): text
as wide as the terminal up to 80 columns, indented two; a two-column list
whose first column is at most 30 wide. Every word of it, the headings and
"[required]" included, goes through the catalogue, and nothing beyond the
standard library is imported: help answers as quickly as `log` starts.
"""

from __future__ import annotations

import re
import textwrap

from partnerlog import spec
from partnerlog.i18n import N_, _

HELP_OPTION = ("-h, --help", N_("Show this message and exit."))
# The root options Typer answers (`argv.TYPER_ROOT_FLAGS`), as the root's help lists them.
COMPLETION_OPTIONS = (
    ("--install-completion", N_("Install completion for the current shell.")),
    (
        "--show-completion",
        N_("Show completion for the current shell, to copy it or customize the installation."),
    ),
)
VERSION_OPTION = ("--version", N_("Show the version."))
WIDEST = 80  # columns, however wide the terminal
FIRST_COLUMN = 30  # the widest first column of a list before its text moves below


def render(path: tuple[str, ...], columns: int | None = None) -> str:
    """The help of the command or group at ``path`` (the program's at ())."""
    width = _width(columns)
    name = " ".join(path)
    command = spec.BY_PATH.get(path)
    if command is not None:
        usage = " ".join([_("[OPTIONS]"), *(_usage_name(p) for p in _arguments(command))])
        blocks = [_usage(path, usage, width), _paragraphs(help_text(command), width)]
        arguments = [(_usage_name(p, bare=True), _param_help(p)) for p in _arguments(command)]
        if arguments:
            blocks.append(_section(_("Arguments"), arguments, width))
        options = [(_flags(p), _param_help(p)) for p in command.params if not p.is_argument]
        blocks.append(_section(_("Options"), [*options, _said(HELP_OPTION)], width))
        return "\n\n".join(blocks) + "\n"
    about = _(spec.GROUPS[name]) if path else _(spec.ROOT_HELP)
    blocks = [_usage(path, _("[OPTIONS] COMMAND [ARGS]..."), width), _paragraphs(about, width)]
    options = [_said(HELP_OPTION)]
    if not path:
        roots = [(_flags(p), _param_help(p)) for p in spec.ROOT]
        extra = [_said(VERSION_OPTION), *(_said(o) for o in COMPLETION_OPTIONS)]
        options = [*roots, *extra, *options]
    blocks.append(_section(_("Options"), options, width))
    blocks.append(_section(_("Commands"), _commands(path), width))
    return "\n\n".join(blocks) + "\n"


def help_text(command: spec.Command) -> str:
    """A command's help: what it does, then its examples, each a paragraph of its own."""
    examples = [
        _("Example: partnerlog {example}").format(example=_(example))
        for example in command.examples
    ]
    return "\n\n".join([_(command.help), *examples])


def summary(help: str) -> str:
    """A help's first sentence (to its first "." or ";"): what a list of commands
    shows, whole, rather than cut at a fixed width."""
    first = re.split(r"(?<=[.;])\s|\n", help.strip(), maxsplit=1)[0]
    return first.rstrip(".;")


def option_metavar(param: spec.Param) -> str:
    """What an option's value is called in help: its metavar, its choices (three
    at most), N for a number, FILE for a path, else its name in capitals."""
    if param.kind in ("flag", "switch"):
        return ""
    if param.metavar:
        return spec.value_name(param)
    if param.choices:
        if len(param.choices) > 3:
            return spec.value_name(param)
        return "|".join(_(choice) for choice in param.choices)  # (as typed back: `local_words`)
    if param.kind == "int":
        return "N"
    if param.kind == "path":
        return _("FILE")
    return spec.value_name(param)


def extras(param: spec.Param) -> str:
    """What follows a parameter's help: its range, default, or that it is required."""
    said = ""
    if param.low is not None or param.high is not None:
        low = "" if param.low is None else f"{param.low}<="
        high = "" if param.high is None else f"<={param.high}"
        said += f"  [{low}x{high}]"
    shown = param.default not in (None, False, [], ())
    if shown and not param.is_argument:
        said += "  " + _("[default: {value}]").format(value=param.default)
    if param.required:
        said += "  " + _("[required]")
    return said


# -- the parts ----------------------------------------------------------------------


def _width(columns: int | None) -> int:
    if columns is None:
        import shutil

        columns = shutil.get_terminal_size().columns
    return max(min(columns, WIDEST) - 2, 50)


def _arguments(command: spec.Command) -> list[spec.Param]:
    return [p for p in command.params if p.is_argument]


def _usage_name(param: spec.Param, *, bare: bool = False) -> str:
    name = spec.value_name(param)
    if bare:
        return name
    name = name if param.required else f"[{name}]"
    return name + ("..." if param.multiple else "")


def _flags(param: spec.Param) -> str:
    short_first = sorted(param.flags, key=lambda flag: len(flag) - len(flag.lstrip("-")))
    flags = ", ".join(short_first)
    if param.kind == "switch":
        flags = f"{param.flags[0]} / {param.off_flag}"
    metavar = option_metavar(param)
    return f"{flags} {metavar}" if metavar else flags


def _param_help(param: spec.Param) -> str:
    return (_(param.help) if param.help else "") + extras(param)


def _said(row: tuple[str, str]) -> tuple[str, str]:
    return row[0], _(row[1])


def _commands(path: tuple[str, ...]) -> list[tuple[str, str]]:
    """The commands directly inside ``path``, then the groups inside it, in order."""
    depth = len(path) + 1
    rows = [
        (c.path[-1], summary(_(c.help)))
        for c in spec.COMMANDS
        if len(c.path) == depth and c.path[:-1] == path
    ]
    for name, about in spec.GROUPS.items():
        words = tuple(name.split())
        if len(words) == depth and words[:-1] == path:
            rows.append((words[-1], summary(_(about))))
    return rows


def _usage(path: tuple[str, ...], args: str, width: int) -> str:
    prefix = " ".join((_("Usage:"), "partnerlog", *path)) + " "
    if width - len(prefix) >= 20:
        return _wrap(args, width, prefix, " " * len(prefix))
    indent = " " * (len(_("Usage:")) + 4)
    return prefix.rstrip() + "\n" + _wrap(args, width, indent, indent)


def _paragraphs(text: str, width: int) -> str:
    """Text indented two, each paragraph (a blank line apart) wrapped on its own."""
    found = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    joined = (" ".join(line.strip() for line in p.splitlines()) for p in found)
    return "\n\n".join(_wrap(p, width, "  ", "  ") for p in joined)


def _section(heading: str, rows: list[tuple[str, str]], width: int) -> str:
    """A heading, then a two-column list indented two."""
    first = min(max(len(name) for name, _about in rows), FIRST_COLUMN) + 2
    text_width = max(width - first - 2, 10)
    lines = [f"{heading}:"]
    for name, about in rows:
        wrapped = _wrap(about, text_width, "", "").splitlines() if about else []
        if not wrapped:
            lines.append("  " + name)
            continue
        if len(name) <= first - 2:
            lines.append("  " + name.ljust(first) + wrapped[0])
        else:
            lines.append("  " + name)
            lines.append(" " * (first + 2) + wrapped[0])
        lines.extend(" " * (first + 2) + line for line in wrapped[1:])
    return "\n".join(lines)


def _wrap(text: str, width: int, first: str, rest: str) -> str:
    return textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest) or first
