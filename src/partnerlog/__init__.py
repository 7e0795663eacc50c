"""partnerlog: a command-line relationship journal for the people you work with."""

__version__ = "0.1.0"
