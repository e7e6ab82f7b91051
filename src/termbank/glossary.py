"""The curated glossary on disk: one YAML file per concept in a folder.

The files are for people: a reviewer reads, diffs and edits them. They are written
deterministically (loading and saving an unchanged glossary changes no byte) and atomically
(a failed save leaves every file as it was). A malformed file is reported with its name and
the line of the bad field.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from termbank import safe_yaml
from termbank.errors import FormatError
from termbank.files import write_many_atomic
from termbank.model import Concept
from termbank.records import RecordError, concept_from_dict, concept_to_dict

SUFFIX = ".yaml"
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_concept(concept: Concept) -> bytes:
    """The text of a concept's file, always the same for the same concept."""
    text = yaml.dump(concept_to_dict(concept), Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, default_flow_style=False, width=100_000, indent=2)
    return text.encode("utf-8")


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
    """A folder of concept files. Created on first save when missing."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path_of(self, concept_id: str) -> Path:
        return self.root / f"{file_stem(concept_id)}{SUFFIX}"

    def paths(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.iterdir()
                      if p.suffix == SUFFIX and not p.name.startswith("."))

    def __iter__(self) -> Iterator[Concept]:
        for path in self.paths():
            concept = parse_concept(path.read_bytes(), source=str(path))
            if file_stem(concept.id) != path.stem:
                raise FormatError(f"id {concept.id!r} does not match the file name "
                                  f"(expected {path.stem!r})", source=str(path), line=1)
            yield concept

    def load(self) -> list[Concept]:
        """Every concept, sorted by id. Reads all files before returning."""
        return list(self)

    def get(self, concept_id: str) -> Concept | None:
        path = self.path_of(concept_id)
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

        With ``replace_all``, concept files not among *concepts* are removed.
        """
        existing = {p.stem: p for p in self.paths()}
        changes: list[tuple[Path, bytes | None]] = []
        written, unchanged, seen = [], 0, set()
        for concept in concepts:
            if concept.id in seen:
                raise ValueError(f"concept id {concept.id!r} given twice")
            seen.add(concept.id)
            data = dump_concept(concept)
            path = self.path_of(concept.id)
            stem = file_stem(concept.id)
            if stem in existing and existing[stem].read_bytes() == data:
                unchanged += 1
                continue
            changes.append((path, data))
            written.append(concept.id)
        removed = sorted(set(existing) - {file_stem(c) for c in seen}) if replace_all else []
        changes += [(existing[cid], None) for cid in removed]
        self.root.mkdir(parents=True, exist_ok=True)
        write_many_atomic(changes)
        return SaveSummary(tuple(written), unchanged, tuple(removed))
