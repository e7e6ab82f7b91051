"""Writing files so that a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call *write* on a temporary file beside *path*, then rename it over *path*.

    On any error the temporary file is removed and *path* is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    write_atomic(path, lambda f: f.write(data))


def write_many_atomic(files: Iterable[tuple[Path, bytes | None]]) -> None:
    """Write (or, for ``None``, delete) several files as one step, as far as a file system allows.

    Every new file is first written in full beside its target; only when all are written are
    they renamed into place. A failure while writing leaves every target untouched.
    """
    staged: list[tuple[str, Path]] = []
    deletions: list[Path] = []
    try:
        for path, data in files:
            if data is None:
                deletions.append(Path(path))
                continue
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)
    for path in deletions:
        path.unlink(missing_ok=True)


class StagedFiles:
    """Files written one at a time beside their targets and renamed into place together.

    The streaming form of :func:`write_many_atomic`: each file is written (through a callback
    on a stream) to a temporary file as soon as its text is ready, so no file's bytes need be
    held in memory; :meth:`commit` renames them all at the end. Leaving the ``with`` block
    without a commit (an error) removes every temporary file and leaves every target as it was.
    """

    def __init__(self) -> None:
        self._staged: dict[Path, str] = {}
        self._deletions: list[Path] = []

    def __enter__(self) -> StagedFiles:
        return self

    def __exit__(self, *exc) -> None:
        self.discard()

    @property
    def paths(self) -> list[Path]:
        """The targets staged so far, in order."""
        return list(self._staged)

    def write(self, path: Path, write: Callable[[BinaryIO], object]) -> object:
        """Call *write* on a new temporary file beside *path*; return what it returns."""
        path = Path(path)
        self.drop(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self._staged[path] = tmp
        with os.fdopen(fd, "wb") as f:
            result = write(f)
            f.flush()
            os.fsync(f.fileno())
        return result

    def drop(self, path: Path) -> None:
        """Forget the file staged for *path* (its target stays as it is)."""
        tmp = self._staged.pop(Path(path), None)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)

    def delete(self, path: Path) -> None:
        """Delete *path* on commit."""
        self._deletions.append(Path(path))

    def commit(self) -> None:
        """Rename every staged file over its target, then delete what is to be deleted."""
        staged, self._staged = self._staged, {}
        for path, tmp in staged.items():
            os.replace(tmp, path)
        deletions, self._deletions = self._deletions, []
        for path in deletions:
            path.unlink(missing_ok=True)

    def discard(self) -> None:
        """Remove every temporary file not yet committed."""
        staged, self._staged = self._staged, {}
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
        self._deletions = []
