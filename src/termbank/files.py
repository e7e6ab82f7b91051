"""Writing files so that a reader sees the old state or the new one, never half of one.

One file is written beside its target and renamed over it (:func:`write_atomic`). Many files
(a whole glossary, its exports and catalogs) are written as one transaction
(:class:`StagedFiles` with a journal): every new file is staged beside its target under a name
the journal records, a commit record listing the renames is written and renamed into place
(the commit point), then the renames are made. A process killed before the commit point leaves
staged files that the next writer removes; one killed after it leaves a commit record that the
next reader or writer replays. :class:`FileLock` serialises writers and keeps readers out of
the short rename phase.

Files are created with mode 0666 less the umask, as any program's files are. Data is flushed
to disk before each commit point; ``TERMBANK_NO_SYNC=1`` skips that (still safe when a process
is killed, not when the machine loses power: for tests and throwaway glossaries).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from termbank.errors import StoreError

#: Seconds a command waits for a lock another termbank process holds before it gives up.
DEFAULT_LOCK_TIMEOUT = 600.0
_POLL = 0.05
_on_wait: Callable[[str], None] | None = None


class LockTimeout(StoreError):
    """Another process held a lock for longer than we were willing to wait."""


def set_wait_handler(handler: Callable[[str], None] | None) -> None:
    """Who hears "waiting for …" when a lock is busy (the CLI prints it; the library never)."""
    global _on_wait
    _on_wait = handler


def lock_timeout() -> float:
    """The wait limit: ``TERMBANK_LOCK_TIMEOUT`` seconds, or :data:`DEFAULT_LOCK_TIMEOUT`."""
    try:
        return float(os.environ.get("TERMBANK_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


class FileLock:
    """An advisory lock (``flock``) on *path*, shared or exclusive, released by the kernel
    when its holder dies, so a killed process never leaves a stale lock behind."""

    def __init__(self, path: Path, *, what: str) -> None:
        self.path = Path(path)
        self.what = what
        self._fd: int | None = None

    def acquire(self, *, exclusive: bool, timeout: float | None = None) -> None:
        timeout = lock_timeout() if timeout is None else timeout
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise
            if time.monotonic() >= deadline:
                holder = _holder(fd)
                os.close(fd)
                raise LockTimeout(f"{self.what} is busy{holder}; gave up after {timeout:g} s "
                                  "(set TERMBANK_LOCK_TIMEOUT to wait longer)")
            if not told and _on_wait is not None:
                _on_wait(f"waiting for {self.what}{_holder(fd)} …")
                told = True
            time.sleep(_POLL)
        if exclusive:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing the descriptor drops the lock

    @contextmanager
    def held(self, *, exclusive: bool, timeout: float | None = None) -> Iterator[None]:
        self.acquire(exclusive=exclusive, timeout=timeout)
        try:
            yield
        finally:
            self.release()


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (held by process {pid})" if pid.isdigit() else ""


# -- single files ----------------------------------------------------------------------------

def _create(path: Path) -> int:
    """Open a new file for writing, failing if it exists; mode 0666 less the umask."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)


def _temp_beside(path: Path, tag: str) -> Path:
    return path.with_name(f".{path.name}.{tag}.tmp")


def _write_new(tmp: Path, write: Callable[[BinaryIO], object], *, sync: bool = True) -> object:
    with os.fdopen(_create(tmp), "wb") as f:
        result = write(f)
        f.flush()
        if sync and not _no_sync():
            os.fsync(f.fileno())
    return result


def _sync_all(paths: Iterable[Path]) -> None:
    """Get the data of *paths* to disk before a commit record can point at them.

    Many files are flushed with one ``syncfs`` per file system where the C library has it (a
    call per file would cost a journal commit each); otherwise each file is synced.
    """
    if _no_sync():
        return
    paths = list(paths)
    devices: dict[int, Path] = {}
    for path in paths:
        devices.setdefault(os.stat(path).st_dev, path)
    syncfs = _libc_syncfs() if len(paths) > len(devices) else None
    for path in paths if syncfs is None else devices.values():
        fd = os.open(path, os.O_RDONLY)
        try:
            if syncfs is None:
                os.fsync(fd)
            elif syncfs(fd) != 0:
                os.fsync(fd)
        finally:
            os.close(fd)


def _no_sync() -> bool:
    return os.environ.get("TERMBANK_NO_SYNC", "") not in ("", "0")


def _libc_syncfs():
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        return libc.syncfs
    except (OSError, AttributeError):
        return None


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call *write* on a temporary file beside *path*, then rename it over *path*.

    On any error the temporary file is removed and *path* is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_beside(path, secrets.token_hex(4))
    try:
        _write_new(tmp, write)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    write_atomic(path, lambda f: f.write(data))


# -- many files as one transaction -----------------------------------------------------------

class StagedFiles:
    """Files written one at a time beside their targets and renamed into place together.

    Each file is written (through a callback on a stream) to a temporary file as soon as its
    text is ready, so no file's bytes need be held in memory; :meth:`commit` renames them all
    at the end. Leaving the ``with`` block without a commit (an error) removes every temporary
    file and leaves every target as it was.

    With a *journal* folder the set is crash-safe too: the temporary files carry the
    transaction's id in their names, the folders that hold them are listed in the journal
    before the first is made there, and the renames are recorded before the first is made, so
    that :func:`recover` can finish or undo the work of a process that was killed.
    """

    def __init__(self, *, journal: Path | None = None) -> None:
        self._staged: dict[Path, Path] = {}
        self._deletions: list[Path] = []
        self._journal = Path(journal) if journal is not None else None
        self._txid = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._intents = None
        self._folders: set[Path] = set()
        self._relative_folders: dict[Path, str] = {}

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
        tmp = self._stage(Path(path))
        # with a journal the files are synced together at the commit (see _sync_all)
        return _write_new(tmp, write, sync=self._journal is None)

    def write_bytes(self, path: Path, data: bytes) -> None:
        tmp = self._stage(Path(path))
        fd = _create(tmp)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if self._journal is None and not _no_sync():
                os.fsync(fd)
        finally:
            os.close(fd)

    def _stage(self, path: Path) -> Path:
        """The temporary file for *path* (the target's folder made and journalled first)."""
        self.drop(path)
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._note_folder(path.parent)
            self._folders.add(path.parent)
        tmp = self._staged[path] = _temp_beside(path, self._txid)
        return tmp

    def drop(self, path: Path) -> None:
        """Forget the file staged for *path* (its target stays as it is)."""
        tmp = self._staged.pop(Path(path), None)
        if tmp is not None:
            tmp.unlink(missing_ok=True)

    def delete(self, path: Path) -> None:
        """Delete *path* on commit."""
        self._deletions.append(Path(path))

    def commit(self) -> None:
        """Rename every staged file over its target, then delete what is to be deleted."""
        staged, self._staged = self._staged, {}
        deletions, self._deletions = self._deletions, []
        if self._journal is None or not (staged or deletions):
            _apply([(tmp, path) for path, tmp in staged.items()], deletions)
            self._close_intents()
            return
        self._journal.mkdir(parents=True, exist_ok=True)
        _sync_all(staged.values())
        record = {"renames": [[self._relative(tmp), self._relative(path)]
                              for path, tmp in staged.items()],
                  "deletions": [self._relative(p) for p in deletions]}
        commit = self._journal / f"{self._txid}.commit"
        pending = commit.with_name(commit.name + ".tmp")
        _write_new(pending, lambda f: f.write(json.dumps(record, ensure_ascii=False).encode()))
        os.replace(pending, commit)  # the commit point
        _fsync_dir(self._journal)
        _apply([(tmp, path) for path, tmp in staged.items()], deletions)
        self._close_intents()
        commit.unlink()

    def discard(self) -> None:
        """Remove every temporary file not yet committed."""
        staged, self._staged = self._staged, {}
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
        self._deletions = []
        self._close_intents()

    def _note_folder(self, folder: Path) -> None:
        """List *folder* in the journal: :func:`recover` looks there for our temporary files."""
        if self._journal is None:
            return
        if self._intents is None:
            self._journal.mkdir(parents=True, exist_ok=True)
            self._intents = (self._journal / f"{self._txid}.staged").open("a", encoding="utf-8")
        self._intents.write(self._relative_folder(folder) + "\n")
        self._intents.flush()  # to the kernel: enough to survive the process being killed

    def _relative(self, path: Path) -> str:
        """*path* relative to the journal's folder, as the journal records it."""
        return os.path.join(self._relative_folder(path.parent), path.name)

    def _relative_folder(self, folder: Path) -> str:
        found = self._relative_folders.get(folder)
        if found is None:
            found = self._relative_folders[folder] = _rel(folder, self._journal.parent)
        return found

    def _close_intents(self) -> None:
        if self._intents is not None:
            self._intents.close()
            self._intents = None
            (self._journal / f"{self._txid}.staged").unlink(missing_ok=True)


def _apply(renames: list[tuple[Path, Path]], deletions: list[Path]) -> None:
    """Make the renames (skipping those already made) and the deletions; idempotent."""
    folders = set()
    for tmp, path in renames:
        try:
            os.replace(tmp, path)
        except FileNotFoundError:
            if not path.exists():
                raise
        folders.add(path.parent)
    for path in deletions:
        path.unlink(missing_ok=True)
        folders.add(path.parent)
    for folder in folders:
        _fsync_dir(folder)


def recover(journal: Path, *, undo_staged: bool) -> bool:
    """Finish the commits a killed process recorded in *journal*; True if there was one.

    With *undo_staged* (only for a caller that holds the writers' lock, so that no live
    process owns them) also remove the files of transactions that never reached their commit.
    """
    journal = Path(journal)
    if not journal.is_dir():
        return False
    root = journal.parent
    replayed = False
    for commit in sorted(journal.glob("*.commit")):
        record = json.loads(commit.read_text(encoding="utf-8"))
        _apply([(root / tmp, root / path) for tmp, path in record["renames"]],
               [root / p for p in record["deletions"]])
        commit.with_suffix(".staged").unlink(missing_ok=True)
        commit.unlink()
        replayed = True
    if undo_staged:
        for pending in journal.glob("*.commit.tmp"):
            pending.unlink()
        for intents in journal.glob("*.staged"):
            txid = intents.name[: -len(".staged")]
            for line in intents.read_text(encoding="utf-8").splitlines():
                for tmp in (root / line).glob(f".*.{txid}.tmp"):
                    tmp.unlink()
            intents.unlink()
    return replayed


def has_commits(journal: Path) -> bool:
    """True while a commit record waits in *journal* (a writer renaming, or killed doing so)."""
    return Path(journal).is_dir() and any(Path(journal).glob("*.commit"))


def _rel(path: Path, root: Path) -> str:
    return os.path.relpath(os.path.abspath(path), os.path.abspath(root))


def _fsync_dir(folder: Path) -> None:
    if _no_sync():
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
