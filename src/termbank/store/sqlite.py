"""The embedded store: one SQLite file.

Concepts are kept whole as JSON (the plain-data form of :mod:`termbank.records`), and every
term also as a row with the keys lookup needs (:func:`termbank.search.index_keys`: exact,
folded, citation form, initials), each indexed, so a look-up is an index probe. A trigram FTS5
table over the folded and citation-form keys serves substring queries, and a table of the
distinct folded words, with every word also indexed under its one-letter deletions, serves typo
correction.

A load into an empty store is a bulk load: rows go in by batches with the indexes and FTS
triggers dropped, and everything is built in one pass at the end of the same transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from termbank.errors import StoreError
from termbank.model import Concept
from termbank.records import concept_from_dict, concept_to_dict
from termbank.search import (TermRow, index_keys, query_deletes,
                             word_deletes)

SCHEMA_VERSION = "4"
_TABLES = """
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
CREATE VIRTUAL TABLE IF NOT EXISTS terms_fts USING fts5(
    fold, morph, content='terms', content_rowid='rowid', tokenize='trigram');
CREATE TABLE IF NOT EXISTS vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS vocabulary_deletes (
    variant TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (variant, word)) WITHOUT ROWID;
"""
# What a bulk load into an empty store drops first and builds once at the end: an index
# sorted in one pass is far cheaper than one grown row by row through a small page cache.
_INDEXES = """
CREATE INDEX IF NOT EXISTS terms_key ON terms(key);
CREATE INDEX IF NOT EXISTS terms_concept ON terms(concept_id);
CREATE INDEX IF NOT EXISTS terms_fold ON terms(fold);
CREATE INDEX IF NOT EXISTS terms_morph ON terms(morph);
CREATE INDEX IF NOT EXISTS terms_initials ON terms(initials) WHERE initials IS NOT NULL;
CREATE TRIGGER IF NOT EXISTS terms_fts_insert AFTER INSERT ON terms BEGIN
    INSERT INTO terms_fts (rowid, fold, morph) VALUES (new.rowid, new.fold, new.morph);
END;
CREATE TRIGGER IF NOT EXISTS terms_fts_delete AFTER DELETE ON terms BEGIN
    INSERT INTO terms_fts (terms_fts, rowid, fold, morph)
    VALUES ('delete', old.rowid, old.fold, old.morph);
END;
"""
_DROP_INDEXES = """
DROP TRIGGER IF EXISTS terms_fts_insert;
DROP TRIGGER IF EXISTS terms_fts_delete;
DROP INDEX IF EXISTS terms_key;
DROP INDEX IF EXISTS terms_concept;
DROP INDEX IF EXISTS terms_fold;
DROP INDEX IF EXISTS terms_morph;
DROP INDEX IF EXISTS terms_initials;
"""
_TERM_COLUMNS = "t.concept_id, t.lang, t.text, t.type, t.status, t.review, t.fold"
_KEY_FIELDS = ("key", "fold", "morph", "initials")
_INSERT_TERMS = ("INSERT INTO terms (concept_id, lang, text, key, status, review, type, fold, "
                 "morph, initials) VALUES (?,?,?,?,?,?,?,?,?,?)")
_BATCH = 500  # concepts per executemany
_WORDS_IN_MEMORY = 10_000  # new vocabulary words held before they are written
_PAGE_CACHE_KIB = 8_192  # SQLite page cache while loading (the default is 2 MiB)
BUSY_TIMEOUT = 60.0  # seconds a connection waits for another's write (the default, 5, is short)


class SqliteStore:
    """A :class:`termbank.store.Store` in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._vocabulary: dict[int, list[str]] | None = None
        self._new_words: set[str] = set()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
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
                self.db.executescript(_TABLES + _INDEXES)
                self._set_meta("schema", SCHEMA_VERSION)
                self.db.commit()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a termbank store ({exc})") from None

    # -- writing ---------------------------------------------------------------------------

    def add(self, concepts: Iterable[Concept], *, batch: int = _BATCH,
            on_repeat: Callable[[Concept, Concept], Concept] | None = None) -> int:
        """Insert or replace *concepts*. An id that comes twice in *concepts* replaces the
        first copy, or with *on_repeat* is stored as ``on_repeat(first, second)``."""
        with self._loading() as bulk:
            return self._put_all(concepts, batch=batch, bulk=bulk, on_repeat=on_repeat)

    def replace_all(self, concepts: Iterable[Concept], *, fingerprint: str | None = None) -> int:
        with self._loading(empty_first=True) as bulk:
            n = self._put_all(concepts, batch=_BATCH, bulk=bulk)
            self._set_meta("fingerprint", fingerprint or "")
        return n

    @contextmanager
    def _loading(self, *, empty_first: bool = False) -> Iterator[bool]:
        """One transaction for a load: all of it is written or none (a file that fails to read
        leaves the store as it was). Into an empty store it is a bulk load (yields True): the
        indexes and FTS triggers go first and are built once, in the same transaction, at the
        end."""
        db = self.db
        db.execute(f"PRAGMA cache_size = -{_PAGE_CACHE_KIB}")
        try:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS new_words (word TEXT NOT NULL)")
            db.execute("CREATE TEMP TABLE IF NOT EXISTS new_deletes "
                       "(variant TEXT NOT NULL, word TEXT NOT NULL)")
            with db:
                db.execute("BEGIN")
                db.execute("DELETE FROM temp.new_words")
                if empty_first:
                    db.execute("DELETE FROM terms")
                    db.execute("DELETE FROM concepts")
                    db.execute("DELETE FROM vocabulary")
                    db.execute("DELETE FROM vocabulary_deletes")
                bulk = db.execute("SELECT 1 FROM terms LIMIT 1").fetchone() is None
                if bulk:
                    for statement in _statements(_DROP_INDEXES):
                        db.execute(statement)
                yield bulk
                self._add_staged_words()
                if bulk:
                    db.execute("INSERT INTO terms_fts (terms_fts) VALUES ('rebuild')")
                    for statement in _statements(_INDEXES):
                        db.execute(statement)
        finally:
            self._new_words.clear()
            self._vocabulary = None
            db.execute("PRAGMA cache_size = -2000")

    def _put_all(self, concepts: Iterable[Concept], *, batch: int, bulk: bool,
                 on_repeat: Callable[[Concept, Concept], Concept] | None = None) -> int:
        n = 0
        chunk: dict[str, Concept] = {}
        seen: set[str] = set()
        for concept in concepts:
            n += 1
            if on_repeat is not None:
                if concept.id in seen:
                    previous = chunk.get(concept.id) or self.get(concept.id)
                    if previous is not None:
                        concept = on_repeat(previous, concept)
                seen.add(concept.id)
            chunk.pop(concept.id, None)  # a later copy of a concept replaces an earlier one
            chunk[concept.id] = concept
            if len(chunk) >= batch:
                self._put_batch(chunk)
                chunk = {}
        if chunk:
            self._put_batch(chunk)
        return n

    def _put_batch(self, chunk: dict[str, Concept]) -> None:
        """Write a batch of concepts (distinct ids), replacing any already stored."""
        db = self.db
        ids = list(chunk)
        marks = ",".join("?" * len(ids))
        stored = [i for (i,) in db.execute(f"SELECT id FROM concepts WHERE id IN ({marks})", ids)]
        if stored:  # rare in a bulk load (a file repeating an id), where this is a scan
            db.executemany("DELETE FROM terms WHERE concept_id = ?", ((i,) for i in stored))
        db.executemany("INSERT OR REPLACE INTO concepts (id, data) VALUES (?, ?)",
                       ((c.id, json.dumps(concept_to_dict(c), ensure_ascii=False,
                                          separators=(",", ":"))) for c in chunk.values()))
        words = self._new_words
        rows = []
        for concept in chunk.values():
            for s in concept.sections:
                for t in s.terms:
                    key, fold, morph, initials = index_keys(t.text, s.lang)
                    words.update(fold.split())
                    words.update(morph.split())
                    rows.append((concept.id, s.lang, t.text, key, t.status.value,
                                 t.review.value, t.type.value, fold, morph, initials))
        db.executemany(_INSERT_TERMS, rows)
        if len(words) > _WORDS_IN_MEMORY:
            self._flush_words()

    def _flush_words(self) -> None:
        """Stage the folded words seen since the last flush (few are kept in memory at once);
        :meth:`_add_staged_words` puts them into the vocabulary when the load ends."""
        self.db.executemany("INSERT INTO temp.new_words (word) VALUES (?)",
                            ((w,) for w in self._new_words))
        self._new_words.clear()

    def _add_staged_words(self) -> None:
        """Sorted passes from the staging tables into the vocabulary and its deletion
        neighbourhood index: far cheaper than growing their B-trees word by word."""
        self._flush_words()
        db = self.db
        fresh = db.execute("SELECT DISTINCT word FROM temp.new_words WHERE word NOT IN "
                           "(SELECT word FROM vocabulary)")
        db.executemany("INSERT INTO temp.new_deletes (variant, word) VALUES (?, ?)",
                       ((v, w) for (w,) in fresh for v in word_deletes(w)))
        db.execute("INSERT OR IGNORE INTO vocabulary_deletes (variant, word) "
                   "SELECT variant, word FROM temp.new_deletes ORDER BY variant, word")
        db.execute("INSERT OR IGNORE INTO vocabulary (word) "
                   "SELECT DISTINCT word FROM temp.new_words ORDER BY word")
        db.execute("DELETE FROM temp.new_words")
        db.execute("DELETE FROM temp.new_deletes")

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

    def similar_words(self, word: str) -> list[str]:
        """Vocabulary words that share a one-letter deletion with *word*, or with one of its
        two-letter deletions when it is long (:func:`termbank.search.query_deletes`): the
        words one typing error away (and some two away), by index probes instead of a scan."""
        variants = query_deletes(word)
        marks = ",".join("?" * len(variants))
        return [w for (w,) in self.db.execute(
            f"SELECT DISTINCT word FROM vocabulary_deletes WHERE variant IN ({marks})",
            variants)]

    def known_prefixes(self, words: Iterable[str]) -> set[str]:
        """Those of *words* that begin a word of the vocabulary (one index probe each)."""
        return {w for w in dict.fromkeys(words) if self.db.execute(
            "SELECT 1 FROM vocabulary WHERE word >= ? AND word < ? LIMIT 1",
            (w, w + "\U0010ffff")).fetchone()}

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


def _statements(script: str) -> list[str]:
    """The statements of one of the scripts above (triggers hold ``;`` inside BEGIN … END)."""
    out, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return out
