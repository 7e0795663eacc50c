"""Small helpers for building SQL, shared by the store's modules."""


def marks(values) -> str:
    """One ``?`` per value, for ``IN (…)`` and ``VALUES (…)``; ``NULL`` for none (matches nothing)."""
    return ", ".join("?" * len(values)) or "NULL"


def where_clause(conditions: list[str]) -> str:
    """A WHERE clause joining ``conditions`` with AND, or nothing."""
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def split_values(value: str | None) -> list[str]:
    return sorted(value.split(",")) if value else []
