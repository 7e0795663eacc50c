"""Writing a note in the person's own editor, from a template for the kind."""

import os
import shlex
import subprocess
import tempfile

from partnerlog.errors import PartnerlogError
from partnerlog.i18n import N_, _

# Built-in templates; a file `templates/KIND.txt` in partnerlog's config folder
# (`~/.config/partnerlog` on Linux) takes the place of the one for KIND.
TEMPLATES = {
    "1on1": N_("Wins:\n\nBlockers:\n\nFeedback:\n\nNext time:\n"),
    "review": N_("What went well:\n\nWhat to improve:\n\nAgreed next steps:\n"),
    "feedback": N_("Situation:\n\nWhat they did:\n\nThe effect:\n\nWhat next:\n"),
}
GUIDE = N_(
    "# Write the note above; save and close the editor to log it.\n"
    "# Lines starting with '# ' are left out; #tags and @handles work as on the command line.\n"
    "# An empty note, or the template left as it is, logs nothing.\n"
)


def template(kind: str | None) -> str:
    if kind is None:
        return ""
    from platformdirs import user_config_path

    own = user_config_path("partnerlog", appauthor=False) / "templates" / f"{kind}.txt"
    if own.is_file():
        return own.read_text(encoding="utf-8")
    return _(TEMPLATES[kind]) if kind in TEMPLATES else ""


def without_comments(text: str) -> str:
    lines = [line for line in text.splitlines() if not (line == "#" or line.startswith("# "))]
    return "\n".join(lines).strip()


def write_in_editor(initial: str) -> str:
    """What the person wrote, starting from ``initial``: comment lines dropped, trimmed.

    The editor is $VISUAL, else $EDITOR, else vi, split as a shell would split it
    (``code --wait`` works); the note lives in a private temporary file meanwhile.
    """
    command = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
    fd, path = tempfile.mkstemp(prefix="partnerlog-note-", suffix=".md")  # 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial.rstrip("\n") + "\n\n" + _(GUIDE))
        try:
            finished = subprocess.run([*command, path])
        except FileNotFoundError:
            raise PartnerlogError(
                _("cannot start the editor {value!r}; set $EDITOR (nothing was saved)").format(
                    value=command[0]
                )
            ) from None
        if finished.returncode != 0:
            raise PartnerlogError(_("the editor ended with an error; nothing was saved"))
        with open(path, encoding="utf-8") as handle:
            return without_comments(handle.read())
    finally:
        os.unlink(path)
