"""Version vectors: which changes a version of a record has seen.

A vector maps a journal's id to the stamp of that journal's latest change the
version includes. Stamps of one journal only grow (a hybrid logical clock),
so one version has seen another exactly when, for every journal, it holds at
least that journal's stamp. Two versions neither of which has seen the other
were made apart: a conflict, whatever their clocks say.
"""

from __future__ import annotations

from functools import cache


def has_seen(newer: dict[str, str], older: dict[str, str]) -> bool:
    """Whether the version with vector ``newer`` includes every change of ``older``."""
    return all(newer.get(journal, "") >= stamp for journal, stamp in older.items())


def joined(*vectors: dict[str, str]) -> dict[str, str]:
    """The vector of a version that has seen all of these."""
    found: dict[str, str] = {}
    for vector in vectors:
        for journal, stamp in vector.items():
            if stamp > found.get(journal, ""):
                found[journal] = stamp
    return dict(sorted(found.items()))


def with_change(vector: dict[str, str], journal: str, stamp: str) -> dict[str, str]:
    """``vector`` after ``journal`` made a change stamped ``stamp``."""
    return joined(vector, {journal: stamp})


def as_text(vector: dict[str, str]) -> str:
    """A vector as it is stored: JSON with its journals in order (one vector, one text)."""
    return _sorted_encoder()(vector)


@cache
def _sorted_encoder():
    """One encoder for every vector (`json.dumps` with options builds one per call)."""
    import json  # (not at the top: `log` reads no vectors)

    return json.JSONEncoder(sort_keys=True).encode
