"""The one error family termbank raises on purpose."""

from __future__ import annotations


class TermbankError(Exception):
    """Base of every error termbank raises on purpose."""


class FormatError(TermbankError):
    """A file could not be read: says which file and, where known, which line."""

    def __init__(self, reason: str, *, source: str, line: int | None = None) -> None:
        self.reason, self.source, self.line = reason, source, line
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {reason}")


class StoreError(TermbankError):
    """The glossary or an index could not be opened, read or written."""


class NotFound(TermbankError):
    """Nothing matched what was asked for."""


class MergeConflict(TermbankError):
    """Incoming data disagrees with curated data and was not applied."""
