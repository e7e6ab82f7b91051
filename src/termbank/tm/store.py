"""The translation memory: units of parallel segments in SQLite, fuzzy search, concordance.

:class:`TranslationMemory` is the interface; a server database could implement the same
methods (``add``, ``import_tmx``, ``units``, ``export_tmx``, ``search``, ``concordance``).
SQLite keeps one row per unit and one per language variant; an FTS5 index over the
variants' text finds candidates for fuzzy search (the rarest words of the query, ranked by
BM25), and only those few hundred are scored word by word, so a search over 200,000 units
stays in milliseconds. Every import runs in one transaction: a broken file leaves the
memory exactly as it was. A unit already stored (the same segments, properties and notes;
dates and tools aside) is not stored again, so importing or aligning twice changes nothing.
Writers take a lock beside the file (``<memory>.lock``): a second one waits for the first.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from termbank.errors import StoreError
from termbank.files import FileLock
from termbank.formats import tmx
from termbank.formats.tmx import Unit, Variant, base_lang
from termbank.tm import match

SCHEMA_VERSION = "1"
#: How many FTS candidates are scored word by word; how many of the query's rarest words are
#: looked up (at least, at most) and how many index postings they may cost together.
CANDIDATES, QUERY_WORDS, MIN_WORDS, POSTINGS_BUDGET = 200, 12, 3, 20_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY, srclang TEXT, srcbase TEXT, attrs TEXT, props TEXT, notes TEXT,
    key TEXT);
CREATE TABLE IF NOT EXISTS variants (
    id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    lang TEXT NOT NULL, base TEXT NOT NULL, text TEXT NOT NULL, markup TEXT,
    attrs TEXT, props TEXT, notes TEXT);
CREATE INDEX IF NOT EXISTS variants_unit ON variants(unit_id);
CREATE VIRTUAL TABLE IF NOT EXISTS variants_fts USING fts5(
    text, content='variants', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS variants_vocab USING fts5vocab(variants_fts, 'row');
CREATE TABLE IF NOT EXISTS words (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class Match:
    """A memory segment that resembles the query, with its translation."""

    score: int
    source: str
    target: str
    source_lang: str
    target_lang: str
    unit_id: int
    diff: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        return {"score": float(self.score), "lang": self.source_lang, "text": self.source,
                "target_lang": self.target_lang, "target": self.target,
                "unit": self.unit_id, "diff": [list(p) for p in self.diff]}


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A concordance line: a segment containing the phrase, and the unit's other languages."""

    unit_id: int
    lang: str
    text: str
    translations: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict:
        return {"unit": self.unit_id, "lang": self.lang, "text": self.text,
                "translations": {lang: text for lang, text in self.translations}}


def now_stamp() -> str:
    """The current time as a TMX date, ``20250115T120000Z``."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def default_path(glossary_dir: Path) -> Path:
    """Where the memory lives when only the glossary folder is given."""
    return Path(glossary_dir) / ".tm.sqlite"


class TranslationMemory:
    """A translation memory in one SQLite file (created when missing)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=60.0)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(_SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            columns = {row[1] for row in self.db.execute("PRAGMA table_info(units)")}
            if "key" not in columns:
                self._add_unit_keys()
            self.db.execute("CREATE INDEX IF NOT EXISTS units_key ON units(key)")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the translation memory: {exc}") from None

    def _add_unit_keys(self) -> None:
        """Give the units of a memory made before units had keys their keys (kept as they are,
        repeats included: nothing stored is dropped)."""
        with FileLock(self._lock_path(), what=f"the translation memory {self.path}").held(
                exclusive=True):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if "key" not in {row[1] for row in self.db.execute("PRAGMA table_info(units)")}:
                    self.db.execute("ALTER TABLE units ADD COLUMN key TEXT")
                    keys = [(unit_key(u), i) for i, u in self._units_with_ids()]
                    self.db.executemany("UPDATE units SET key = ? WHERE id = ?", keys)
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def _lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    def add(self, units: Iterable[Unit]) -> int:
        """Store *units* in one transaction; returns how many were added.

        A unit the memory holds already (see :func:`unit_key`) is not added again. If
        iterating *units* raises (a broken file half read), nothing is kept.
        """
        with FileLock(self._lock_path(), what=f"the translation memory {self.path}").held(
                exclusive=True):
            return self._add(units)

    def _add(self, units: Iterable[Unit]) -> int:
        count = 0
        cur = self.db.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for unit in units:
                key = unit_key(unit)
                if cur.execute("SELECT 1 FROM units WHERE key = ?", (key,)).fetchone():
                    continue
                cur.execute("INSERT INTO units (srclang, srcbase, attrs, props, notes, key)"
                            " VALUES (?, ?, ?, ?, ?, ?)",
                            (unit.srclang, base_lang(unit.srclang) if unit.srclang else None,
                             _dump(unit.attrs), _dump(unit.props), _dump(unit.notes), key))
                unit_id = cur.lastrowid
                for v in unit.variants:
                    cur.execute(
                        "INSERT INTO variants (unit_id, lang, base, text, markup, attrs, props, notes)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (unit_id, v.lang, base_lang(v.lang), v.text, v.markup,
                         _dump(v.attrs), _dump(v.props), _dump(v.notes)))
                    cur.execute("INSERT INTO variants_fts (rowid, text) VALUES (?, ?)",
                                (cur.lastrowid, v.text))
                count += 1
            # document frequencies for picking rare query words: fts5vocab cannot seek by term
            cur.execute("DELETE FROM words")
            cur.execute("INSERT INTO words SELECT term, doc FROM variants_vocab")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")
        return count

    def add_pairs(self, pairs: Iterable[tuple[str, str]], *, src_lang: str, tgt_lang: str,
                  origin: str | None = None, stamp: str | None = None) -> int:
        """Store aligned (source, target) segments as bilingual units."""
        stamp = stamp or now_stamp()
        attrs = (("creationdate", stamp), ("creationtool", "termbank"))
        props = (("x-origin", origin),) if origin else ()
        return self.add(Unit((Variant(src_lang, s), Variant(tgt_lang, t)), src_lang, attrs, props)
                        for s, t in pairs)

    def add_parallel(self, source_text: str, target_text: str, *, src_lang: str, tgt_lang: str,
                     origin: str | None = None, term_pairs: Iterable[tuple[str, str]] = ()) -> int:
        """Align a text with its translation sentence by sentence and store the pairs."""
        from termbank.tm.align import align_texts

        pairs = align_texts(source_text, target_text, src_lang=src_lang, tgt_lang=tgt_lang,
                            term_pairs=term_pairs)
        return self.add_pairs(((p.source, p.target) for p in pairs), src_lang=src_lang,
                              tgt_lang=tgt_lang, origin=origin)

    def import_tmx(self, source: str | Path | BinaryIO, *, name: str | None = None) -> int:
        """Import every unit of a TMX file, or none if the file is broken."""
        return self.add(tmx.read(source, name=name))

    # -- reading ------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM units").fetchone()[0]

    def language_pairs(self) -> list[tuple[str, str]]:
        """(source, target) base languages that occur together in some unit."""
        return [tuple(r) for r in self.db.execute(
            "SELECT DISTINCT s.base, t.base FROM units u"
            " JOIN variants s ON s.unit_id = u.id AND s.base = u.srcbase"
            " JOIN variants t ON t.unit_id = u.id AND t.base != s.base ORDER BY 1, 2")]

    def units(self, src_lang: str | None = None, tgt_lang: str | None = None) -> Iterator[Unit]:
        """Units in the order they were added; with languages, only units that have them."""
        return (unit for _, unit in self._units_with_ids(src_lang, tgt_lang))

    def _units_with_ids(self, src_lang: str | None = None, tgt_lang: str | None = None
                        ) -> Iterator[tuple[int, Unit]]:
        sql, args = "SELECT id, srclang, attrs, props, notes FROM units u", []
        for lang in (src_lang, tgt_lang):
            if lang:
                sql += " WHERE" if not args else " AND"
                sql += " EXISTS (SELECT 1 FROM variants v WHERE v.unit_id = u.id AND v.base = ?)"
                args.append(base_lang(lang))
        cur = self.db.execute(sql + " ORDER BY id", args)
        while rows := cur.fetchmany(1000):
            ids = [r[0] for r in rows]
            variants: dict[int, list[Variant]] = {i: [] for i in ids}
            marks = ",".join("?" * len(ids))
            for uid, lang, text, markup, attrs, props, notes in self.db.execute(
                    f"SELECT unit_id, lang, text, markup, attrs, props, notes FROM variants"
                    f" WHERE unit_id IN ({marks}) ORDER BY id", ids):
                variants[uid].append(Variant(lang, text, markup, _load(attrs), _load(props),
                                             tuple(_load(notes))))
            for uid, srclang, attrs, props, notes in rows:
                yield uid, Unit(tuple(variants[uid]), srclang, _load(attrs), _load(props),
                                tuple(_load(notes)))

    def export_tmx(self, stream: BinaryIO, *, src_lang: str, tgt_lang: str | None,
                   tool_version: str = "0") -> int:
        """Write the units that have both languages as TMX; returns how many were written."""
        created = _latest_date(self.units(src_lang, tgt_lang))
        return tmx.write(stream, self.units(src_lang, tgt_lang), srclang=src_lang,
                         tgtlang=tgt_lang, tool_version=tool_version, created=created)

    # -- searching ----------------------------------------------------------------------

    def search(self, query: str, *, src_lang: str = "en", tgt_lang: str | None = None,
               min_score: int = 70, limit: int = 5) -> list[Match]:
        """Fuzzy matches of *query* among *src_lang* segments, best first.

        Each match carries the translation into *tgt_lang* (or, without one, one match per
        target language the unit has) and the word differences to the query.
        """
        src = base_lang(src_lang)
        words = self._rare_words(query)
        if not words:
            return []
        fts = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = self.db.execute(
            "SELECT v.unit_id, v.text FROM (SELECT rowid FROM variants_fts WHERE variants_fts MATCH ?"
            " ORDER BY rank LIMIT ?) f JOIN variants v ON v.id = f.rowid WHERE v.base = ?",
            (fts, CANDIDATES, src)).fetchall()
        q_tokens = match.tokens(query)
        scored = []
        for unit_id, text in rows:
            s = match.score(query, text, query_tokens=q_tokens)
            if s >= min_score:
                scored.append((s, unit_id, text))
        scored.sort(key=lambda r: (-r[0], r[1]))
        return self._with_targets(query, scored, src, tgt_lang, limit)

    def scan(self, query: str, *, src_lang: str = "en", tgt_lang: str | None = None,
             min_score: int = 70, limit: int = 5) -> list[Match]:
        """The same as :meth:`search` but scoring every segment: slow, exact; for checks."""
        src = base_lang(src_lang)
        q_tokens = match.tokens(query)
        scored = []
        for unit_id, text in self.db.execute("SELECT unit_id, text FROM variants WHERE base = ?", (src,)):
            s = match.score(query, text, query_tokens=q_tokens)
            if s >= min_score:
                scored.append((s, unit_id, text))
        scored.sort(key=lambda r: (-r[0], r[1]))
        return self._with_targets(query, scored, src, tgt_lang, limit)

    def _rare_words(self, query: str) -> list[str]:
        """The query's rarest words in the memory: few postings to read, most telling.

        Words are taken rarest first until their postings add up to :data:`POSTINGS_BUDGET`
        (at least :data:`MIN_WORDS` words, at most :data:`QUERY_WORDS`).
        """
        words = sorted({t for t in match.tokens(query) if t[0].isalnum()})
        found = []
        for word in words:
            row = self.db.execute("SELECT df FROM words WHERE term = ?", (word,)).fetchone()
            if row:
                found.append((row[0], word))
        found.sort()
        chosen, postings = [], 0
        for df, word in found:
            if len(chosen) >= QUERY_WORDS or (len(chosen) >= MIN_WORDS and postings + df > POSTINGS_BUDGET):
                break
            chosen.append(word)
            postings += df
        return chosen

    def _with_targets(self, query, scored, src, tgt_lang, limit) -> list[Match]:
        out: list[Match] = []
        seen = set()
        tgt = base_lang(tgt_lang) if tgt_lang else None
        for s, unit_id, text in scored:
            rows = self.db.execute(
                "SELECT lang, text FROM variants WHERE unit_id = ? AND base != ?"
                + (" AND base = ?" if tgt else "") + " ORDER BY id",
                (unit_id, src, tgt) if tgt else (unit_id, src)).fetchall()
            for lang, target in rows:
                key = (text, base_lang(lang), target)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Match(s, text, target, src, base_lang(lang), unit_id,
                                 tuple(match.diff(query, text))))
                if len(out) >= limit:
                    return out
        return out

    def concordance(self, phrase: str, *, lang: str | None = None, limit: int = 50) -> list[Occurrence]:
        """Segments containing *phrase* (whole words, any case), with their translations."""
        words = [t for t in match.tokens(phrase) if t[0].isalnum()]
        if not words:
            return []
        fts = '"' + " ".join(w.replace('"', '""') for w in words) + '"'
        sql = ("SELECT v.unit_id, v.lang, v.text FROM variants_fts f JOIN variants v ON v.id = f.rowid"
               " WHERE variants_fts MATCH ?")
        args: list = [fts]
        if lang:
            sql += " AND v.base = ?"
            args.append(base_lang(lang))
        out = []
        for unit_id, vlang, text in self.db.execute(sql + " ORDER BY v.unit_id LIMIT ?", [*args, limit]):
            others = self.db.execute(
                "SELECT lang, text FROM variants WHERE unit_id = ? AND lang != ? ORDER BY id",
                (unit_id, vlang)).fetchall()
            out.append(Occurrence(unit_id, vlang, text, tuple(map(tuple, others))))
        return out


def unit_key(unit: Unit) -> str:
    """What makes two units the same: languages, segments, markup, properties and notes.

    Attributes (creation dates, tools, usage counts) are left out, so the same text aligned or
    imported again has the same key.
    """
    data = [unit.srclang, _dump(unit.props), _dump(unit.notes),
            [[v.lang, v.text, v.markup, _dump(v.props), _dump(v.notes)] for v in unit.variants]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


def _dump(value) -> str | None:
    return json.dumps([list(x) if isinstance(x, tuple) else x for x in value],
                      ensure_ascii=False) if value else None


def _load(text: str | None) -> tuple:
    if not text:
        return ()
    return tuple(tuple(x) if isinstance(x, list) else x for x in json.loads(text))


def _latest_date(units: Iterable[Unit]) -> str | None:
    """The latest creation or change date among *units*: the export's own date, deterministic."""
    latest = None
    for unit in units:
        for key, value in unit.attrs:
            if key in ("creationdate", "changedate") and (latest is None or value > latest):
                latest = value
    return latest
