"""The embedded store: one SQLite file.

Concepts are kept whole as JSON (the plain-data form of :mod:`termbank.records`), and every
term also as a row with a normalised key, so exact look-ups are an index probe.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from termbank.errors import StoreError
from termbank.model import Concept
from termbank.records import concept_from_dict, concept_to_dict

SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS concepts (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terms (
    concept_id TEXT NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL,
    status TEXT NOT NULL,
    review TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS terms_key ON terms(key);
CREATE INDEX IF NOT EXISTS terms_concept ON terms(concept_id);
"""


def term_key(text: str) -> str:
    """The exact-match key: case and spacing folded, nothing else.

    >>> term_key("  Middle   CORRIDOR ")
    'middle corridor'
    """
    return " ".join(text.casefold().split())


class SqliteStore:
    """A :class:`termbank.store.Store` in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(_SCHEMA)
            version = self._meta("schema")
            if version is None:
                self._set_meta("schema", SCHEMA_VERSION)
                self.db.commit()
            elif version != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: store schema {version}, this termbank reads "
                                 f"{SCHEMA_VERSION}; delete the file to rebuild it")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a termbank store ({exc})") from None

    # -- writing ---------------------------------------------------------------------------

    def add(self, concepts: Iterable[Concept], *, batch: int = 2000) -> int:
        n = 0
        with self.db:
            for n, concept in enumerate(concepts, start=1):
                self._put(concept)
        return n

    def replace_all(self, concepts: Iterable[Concept], *, fingerprint: str | None = None) -> int:
        n = 0
        with self.db:
            self.db.execute("DELETE FROM terms")
            self.db.execute("DELETE FROM concepts")
            for n, concept in enumerate(concepts, start=1):
                self._put(concept, fresh=True)
            self._set_meta("fingerprint", fingerprint or "")
        return n

    def _put(self, concept: Concept, *, fresh: bool = False) -> None:
        data = json.dumps(concept_to_dict(concept), ensure_ascii=False, separators=(",", ":"))
        if not fresh:
            self.db.execute("DELETE FROM terms WHERE concept_id = ?", (concept.id,))
        self.db.execute("INSERT OR REPLACE INTO concepts (id, data) VALUES (?, ?)",
                        (concept.id, data))
        self.db.executemany(
            "INSERT INTO terms (concept_id, lang, text, key, status, review) VALUES (?,?,?,?,?,?)",
            [(concept.id, s.lang, t.text, term_key(t.text), t.status.value, t.review.value)
             for s in concept.sections for t in s.terms])

    # -- reading ---------------------------------------------------------------------------

    def get(self, concept_id: str) -> Concept | None:
        row = self.db.execute("SELECT data FROM concepts WHERE id = ?", (concept_id,)).fetchone()
        return concept_from_dict(json.loads(row[0])) if row else None

    def concepts(self) -> Iterator[Concept]:
        for (data,) in self.db.execute("SELECT data FROM concepts ORDER BY id"):
            yield concept_from_dict(json.loads(data))

    def concept_ids_for_key(self, key: str) -> list[tuple[str, str, str]]:
        return self.db.execute("SELECT concept_id, lang, text FROM terms WHERE key = ? "
                               "ORDER BY concept_id, lang", (key,)).fetchall()

    def counts(self) -> dict[str, int]:
        out = {"concepts": self.db.execute("SELECT count(*) FROM concepts").fetchone()[0]}
        for lang, n in self.db.execute("SELECT lang, count(*) FROM terms GROUP BY lang ORDER BY lang"):
            out[lang] = n
        return out

    @property
    def fingerprint(self) -> str | None:
        return self._meta("fingerprint")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
