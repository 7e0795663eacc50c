"""What an app function may ask of the runner instead of doing it itself: the
app never prompts, so a destructive action comes back as a `Proposal` the
runner confirms (or `--yes` settles) before applying it."""


class Proposal:
    """A destructive action waiting for a yes: what it touches, and how to do it."""

    __slots__ = ("subject", "apply")

    def __init__(self, subject, apply) -> None:
        self.subject = subject
        self.apply = apply
