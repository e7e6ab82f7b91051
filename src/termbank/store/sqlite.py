"""The embedded store: one SQLite file.

Concepts are kept whole as JSON (the plain-data form of :mod:`termbank.records`), and every
term also as a row with the keys lookup needs (:func:`termbank.search.index_keys`: exact,
folded, citation form, initials), each indexed, so a look-up is an index probe. A trigram FTS5
table over the folded and citation-form keys serves substring queries, and a table of the
distinct folded words serves typo correction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from termbank.errors import StoreError
from termbank.model import Concept
from termbank.records import concept_from_dict, concept_to_dict
from termbank.search import TermRow, index_keys, term_key

SCHEMA_VERSION = "3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS concepts (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terms (
    concept_id TEXT NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL,
    status TEXT NOT NULL,
    review TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'fullForm',
    fold TEXT NOT NULL DEFAULT '',
    morph TEXT NOT NULL DEFAULT '',
    initials TEXT
);
CREATE INDEX IF NOT EXISTS terms_key ON terms(key);
CREATE INDEX IF NOT EXISTS terms_concept ON terms(concept_id);
CREATE INDEX IF NOT EXISTS terms_fold ON terms(fold);
CREATE INDEX IF NOT EXISTS terms_morph ON terms(morph);
CREATE INDEX IF NOT EXISTS terms_initials ON terms(initials) WHERE initials IS NOT NULL;
CREATE VIRTUAL TABLE IF NOT EXISTS terms_fts USING fts5(
    fold, morph, content='terms', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS terms_fts_insert AFTER INSERT ON terms BEGIN
    INSERT INTO terms_fts (rowid, fold, morph) VALUES (new.rowid, new.fold, new.morph);
END;
CREATE TRIGGER IF NOT EXISTS terms_fts_delete AFTER DELETE ON terms BEGIN
    INSERT INTO terms_fts (terms_fts, rowid, fold, morph)
    VALUES ('delete', old.rowid, old.fold, old.morph);
END;
CREATE TABLE IF NOT EXISTS vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID;
"""
_TERM_COLUMNS = "t.concept_id, t.lang, t.text, t.type, t.status, t.review, t.fold"
_KEY_FIELDS = ("key", "fold", "morph", "initials")


class SqliteStore:
    """A :class:`termbank.store.Store` in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._vocabulary: dict[int, list[str]] | None = None
        self._new_words: set[str] = set()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS meta "
                            "(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            version = self._meta("schema")
            if version is not None and version != SCHEMA_VERSION:
                self.db.close()
                raise StoreError(f"{self.path}: store schema {version}, this termbank reads "
                                 f"{SCHEMA_VERSION}; delete the file to rebuild it")
            if version is None:
                self.db.executescript(_SCHEMA)
                self._set_meta("schema", SCHEMA_VERSION)
                self.db.commit()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a termbank store ({exc})") from None

    # -- writing ---------------------------------------------------------------------------

    def add(self, concepts: Iterable[Concept], *, batch: int = 2000) -> int:
        n = 0
        with self.db:
            for n, concept in enumerate(concepts, start=1):
                self._put(concept)
            self._flush_words()
        return n

    def replace_all(self, concepts: Iterable[Concept], *, fingerprint: str | None = None) -> int:
        n = 0
        with self.db:
            self.db.execute("DELETE FROM terms")
            self.db.execute("DELETE FROM concepts")
            self.db.execute("DELETE FROM vocabulary")
            for n, concept in enumerate(concepts, start=1):
                self._put(concept, fresh=True)
            self._flush_words()
            self._set_meta("fingerprint", fingerprint or "")
        return n

    def _put(self, concept: Concept, *, fresh: bool = False) -> None:
        data = json.dumps(concept_to_dict(concept), ensure_ascii=False, separators=(",", ":"))
        if not fresh:
            self.db.execute("DELETE FROM terms WHERE concept_id = ?", (concept.id,))
        self.db.execute("INSERT OR REPLACE INTO concepts (id, data) VALUES (?, ?)",
                        (concept.id, data))
        rows = []
        for s in concept.sections:
            for t in s.terms:
                key, fold, morph, initials = index_keys(t.text, s.lang)
                self._new_words.update(fold.split())
                self._new_words.update(morph.split())
                rows.append((concept.id, s.lang, t.text, key, t.status.value, t.review.value,
                             t.type.value, fold, morph, initials))
        self.db.executemany(
            "INSERT INTO terms (concept_id, lang, text, key, status, review, type, fold, morph, "
            "initials) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        if len(self._new_words) > 200_000:
            self._flush_words()

    def _flush_words(self) -> None:
        """Write the folded words seen since the last flush (kept in memory only in batches)."""
        self.db.executemany("INSERT OR IGNORE INTO vocabulary (word) VALUES (?)",
                            ((w,) for w in self._new_words))
        self._new_words.clear()
        self._vocabulary = None

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

    def candidates(self, keys: Iterable[str], *, field: str = "fold", lang: str | None = None,
                   limit: int = 500) -> list[TermRow]:
        """Terms whose *field* (key, fold, morph or initials) equals one of *keys*."""
        if field not in _KEY_FIELDS:
            raise ValueError(f"unknown key field {field!r}")
        keys = list(dict.fromkeys(k for k in keys if k))
        if not keys:
            return []
        where, params = _lang_filter(lang)
        marks = ",".join("?" * len(keys))
        sql = (f"SELECT {_TERM_COLUMNS} FROM terms t WHERE t.{field} IN ({marks}){where} "
               f"LIMIT ?")
        return [TermRow(*row) for row in self.db.execute(sql, (*keys, *params, limit))]

    def containing(self, groups: Iterable[Iterable[str]], *, lang: str | None = None,
                   limit: int = 2000) -> list[TermRow]:
        """Terms whose folded or citation-form key contains, for every group, one of its
        strings (each at least three characters: the trigram index cannot see less)."""
        clauses = []
        for group in groups:
            options = [f'"{w.replace(chr(34), chr(34) * 2)}"' for w in group if len(w) >= 3]
            if options:
                clauses.append("(" + " OR ".join(options) + ")")
        if not clauses:
            return []
        where, params = _lang_filter(lang)
        sql = (f"SELECT {_TERM_COLUMNS} FROM terms_fts JOIN terms t ON t.rowid = terms_fts.rowid "
               f"WHERE terms_fts MATCH ?{where} LIMIT ?")
        return [TermRow(*row) for row in self.db.execute(sql, (" AND ".join(clauses), *params,
                                                                limit))]

    def vocabulary_by_length(self) -> dict[int, list[str]]:
        """The distinct folded words of all terms, by length (read once, then cached)."""
        if self._vocabulary is None:
            out: dict[int, list[str]] = {}
            for (word,) in self.db.execute("SELECT word FROM vocabulary"):
                out.setdefault(len(word), []).append(word)
            self._vocabulary = out
        return self._vocabulary

    def known_words(self, words: Iterable[str]) -> set[str]:
        """Those of *words* that are in the vocabulary of folded words."""
        words = list(dict.fromkeys(words))
        if not words:
            return set()
        marks = ",".join("?" * len(words))
        return {w for (w,) in self.db.execute(
            f"SELECT word FROM vocabulary WHERE word IN ({marks})", words)}

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


def _lang_filter(lang: str | None) -> tuple[str, tuple[str, ...]]:
    """SQL for "matched in *lang*": ``kk`` also takes ``kk-Latn``."""
    if not lang:
        return "", ()
    return " AND (t.lang = ? OR t.lang LIKE ?)", (lang, lang + "-%")
