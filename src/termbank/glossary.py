"""The curated glossary on disk: one YAML file per concept in a folder.

The files are for people: a reviewer reads, diffs and edits them. They are written
deterministically (loading and saving an unchanged glossary changes no byte) and atomically
(a failed save leaves every file as it was). A malformed file is reported with its name and
the line of the bad field.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from termbank import files, safe_yaml
from termbank.errors import FormatError
from termbank.model import Concept
from termbank.records import RecordError, concept_from_dict, concept_to_dict

SUFFIX = ".yaml"
#: Beside the concept files: the transaction journal and the two locks (see :meth:`Glossary.writing`).
JOURNAL, WRITE_LOCK, READ_LOCK = ".journal", ".write.lock", ".read.lock"
#: The transaction each glossary folder has open in this process, so that nested writers join it.
_OPEN: dict[str, files.StagedFiles] = {}


def dump_concept(concept: Concept) -> bytes:
    """The text of a concept's file, always the same for the same concept."""
    from termbank import yaml_text

    return yaml_text.dump(concept_to_dict(concept)).encode("utf-8")


def parse_concept(data: bytes, *, source: str) -> Concept:
    """Read one concept file.

    :raises FormatError: with the file name and line of the problem.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError("not UTF-8 text", source=source, line=line) from None
    if not text.strip():
        raise FormatError("empty file: a concept file holds one concept", source=source, line=1)
    raw, lines = safe_yaml.load(text, source=source)
    try:
        return concept_from_dict(raw)
    except RecordError as exc:
        where = "/".join(str(p) for p in exc.path)
        reason = f"{where}: {exc.reason}" if where else exc.reason
        raise FormatError(reason, source=source, line=lines.of(exc.path)) from None


#: Longest file stem, in UTF-8 bytes, taken from an id as it is (file systems allow 255).
MAX_STEM = 150
_SAFE_STEM = re.compile(r"\w[\w.\-]*")
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?", re.I)


def file_stem(concept_id: str) -> str:
    """The file name (without ``.yaml``) of a concept: its id when that is a safe name.

    Ids are NCNames, but a file name must also be short, free of ``/``, line breaks and
    ``..``, and not a name Windows reserves. Any other id gets a readable ASCII prefix and a
    hash of the whole id, so that two ids never share a file.

    >>> file_stem("c-epca"), file_stem("c-" + "x" * 200)[-13:], file_stem("CON")
    ('c-epca', 'x-33cd29f30e3', 'CON-a3dbc4b644a')
    """
    if (len(concept_id.encode("utf-8", "surrogatepass")) <= MAX_STEM
            and _SAFE_STEM.fullmatch(concept_id)
            and ".." not in concept_id and not concept_id.endswith(".")
            and not _RESERVED.fullmatch(concept_id)):
        return concept_id
    digest = hashlib.sha256(concept_id.encode("utf-8", "surrogatepass")).hexdigest()[:11]
    readable = re.sub(r"[^A-Za-z0-9_.\-]+", "-", concept_id)
    readable = re.sub(r"\.{2,}", ".", readable)[:60].strip(".-") or "c"
    return f"{readable}-{digest}"


@dataclass(frozen=True)
class SaveSummary:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


class Glossary:
    """A folder of concept files. Created on first save when missing.

    Every change is one transaction (:meth:`writing`): it changes all of the folder or none of
    it, one writer at a time, and readers (:meth:`load`) see the state before or after it.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path_of(self, concept_id: str) -> Path:
        return self.root / f"{file_stem(concept_id)}{SUFFIX}"

    def paths(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.iterdir()
                      if p.suffix == SUFFIX and not p.name.startswith("."))

    @contextmanager
    def writing(self) -> Iterator[files.StagedFiles]:
        """Hold the writers' lock and collect every file the change writes; commit on success.

        The files staged here (concept files, and also exports and catalogs elsewhere) are
        renamed into place together at the end; on an error none is. A writer that finds the
        work of a killed predecessor first finishes its commit or removes its staged files.
        Nested calls, from any :class:`Glossary` of the same folder, join the open transaction.
        """
        key = os.path.abspath(self.root)
        if key in _OPEN:
            yield _OPEN[key]
            return
        self.root.mkdir(parents=True, exist_ok=True)
        lock = files.FileLock(self.root / WRITE_LOCK, what=f"the glossary in {self.root}/")
        with lock.held(exclusive=True):
            with files.FileLock(self.root / READ_LOCK, what=f"the glossary in {self.root}/").held(
                    exclusive=True):
                files.recover(self.root / JOURNAL, undo_staged=True)
            for stale in self.root.glob(".*.tmp"):  # left by a killed writer of an older version
                stale.unlink(missing_ok=True)
            staged = _OPEN[key] = files.StagedFiles(journal=self.root / JOURNAL)
            try:
                with staged:
                    yield staged
                    with files.FileLock(self.root / READ_LOCK,
                                        what=f"the glossary in {self.root}/").held(exclusive=True):
                        staged.commit()
            finally:
                del _OPEN[key]

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Keep writers from switching files in while the caller reads them.

        A commit that a killed writer left half done is finished first.
        """
        if not self.root.is_dir():  # nothing to read (and a reader creates nothing)
            yield
            return
        lock = files.FileLock(self.root / READ_LOCK, what=f"the glossary in {self.root}/")
        while True:
            try:
                lock.acquire(exclusive=False)
            except PermissionError:  # a folder we may not write to: nobody writes it either
                yield
                return
            if not files.has_commits(self.root / JOURNAL):
                break
            lock.release()  # a writer was killed while renaming: finish its work
            with lock.held(exclusive=True):
                files.recover(self.root / JOURNAL, undo_staged=False)
        try:
            yield
        finally:
            lock.release()

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.load())

    def load(self) -> list[Concept]:
        """Every concept, sorted by id. Reads all files before returning."""
        with self.reading():
            concepts = [self._read(path) for path in self.paths()]
        return sorted(concepts, key=lambda c: c.id)

    def _read(self, path: Path) -> Concept:
        concept = parse_concept(path.read_bytes(), source=str(path))
        if file_stem(concept.id) != path.stem:
            raise FormatError(f"id {concept.id!r} does not match the file name "
                              f"(expected {path.stem!r})", source=str(path), line=1)
        return concept

    def get(self, concept_id: str) -> Concept | None:
        path = self.path_of(concept_id)
        with self.reading():
            return parse_concept(path.read_bytes(), source=str(path)) if path.is_file() else None

    def fingerprint(self) -> str:
        """Changes whenever a concept file is added, removed or modified."""
        h = hashlib.sha256()
        for path in self.paths():
            st = path.stat()
            h.update(f"{path.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        return h.hexdigest()

    def save(self, concepts: Iterable[Concept], *, replace_all: bool = False) -> SaveSummary:
        """Write the files of *concepts* whose text changed, all in one atomic step.

        With ``replace_all``, concept files not among *concepts* are removed. Inside
        :meth:`writing` the files join that transaction and are switched in when it ends.
        """
        with self.writing() as staged:
            existing = {p.stem: p for p in self.paths()}
            written, unchanged, seen = [], 0, set()
            for concept in concepts:
                if concept.id in seen:
                    raise ValueError(f"concept id {concept.id!r} given twice")
                seen.add(concept.id)
                data = dump_concept(concept)
                stem = file_stem(concept.id)
                if stem in existing and existing[stem].read_bytes() == data:
                    staged.drop(self.path_of(concept.id))
                    unchanged += 1
                    continue
                staged.write_bytes(self.path_of(concept.id), data)
                written.append(concept.id)
            removed = sorted(set(existing) - {file_stem(c) for c in seen}) if replace_all else []
            for cid in removed:
                staged.delete(existing[cid])
        return SaveSummary(tuple(written), unchanged, tuple(removed))
