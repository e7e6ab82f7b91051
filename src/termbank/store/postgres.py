"""The team store: a PostgreSQL database (psycopg 3).

The same tables and search keys as :mod:`termbank.store.sqlite` (concepts whole as JSON, every
term with its exact, folded, citation-form and initials keys, a vocabulary of folded words with
its deletion neighbourhood for typo correction); substrings go through a ``pg_trgm`` index
instead of FTS5. The schema comes from the numbered SQL files in ``migrations/``.

Beside the :class:`termbank.store.Store` methods it keeps what a team needs: a version per
concept (an edit based on an older version is refused: :class:`VersionConflict`), an audit
trail of who changed what and when, and API tokens (only their hashes).

Loads go through ``COPY`` into staging tables and then into the real tables in one
transaction, so a file that fails to read leaves the store as it was, and eight writers
loading at once lose nothing. A load into an empty store drops the secondary indexes first and
builds them once at the end.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from importlib import resources

from termbank.errors import StoreError, TermbankError
from termbank.model import Concept
from termbank.records import concept_from_dict, concept_to_dict
from termbank.search import TermRow, index_keys, query_deletes, word_deletes

ROLES = ("reader", "translator", "terminologist")
_cursor_numbers = itertools.count()
_TERM_COLUMNS = "t.concept_id, t.lang, t.text, t.type, t.status, t.review, t.fold"
_KEY_FIELDS = ("key", "fold", "morph", "initials")
_SEARCH_TEXT = "(t.fold || ' | ' || t.morph)"  # what the trigram index covers
_MIGRATION_LOCK = 7_300_114  # pg_advisory_xact_lock key: one migrator at a time
# Secondary indexes a load into an empty store drops first and builds once at the end.
_INDEXES = {
    "terms_key": "CREATE INDEX terms_key ON terms (key)",
    "terms_concept": "CREATE INDEX terms_concept ON terms (concept_id)",
    "terms_fold": "CREATE INDEX terms_fold ON terms (fold)",
    "terms_morph": "CREATE INDEX terms_morph ON terms (morph)",
    "terms_initials": "CREATE INDEX terms_initials ON terms (initials) WHERE initials IS NOT NULL",
    "terms_review": "CREATE INDEX terms_review ON terms (review) WHERE review = 'proposed'",
    "terms_trgm": "CREATE INDEX terms_trgm ON terms USING gin "
                  "((fold || ' | ' || morph) gin_trgm_ops)",
}


class VersionConflict(TermbankError):
    """A write was based on a version of the concept that is no longer the current one."""

    def __init__(self, concept_id: str, expected: int, current: int | None) -> None:
        self.concept_id, self.expected, self.current = concept_id, expected, current
        now = "it was deleted" if current is None else f"it is now at version {current}"
        super().__init__(f"{concept_id}: the change was based on version {expected}, but {now}; "
                         f"reload the concept and apply the change again")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change to a concept: who, when, what."""

    concept_id: str
    version: int
    at: datetime
    actor: str
    action: str
    detail: dict | None

    def to_dict(self) -> dict:
        return {"concept": self.concept_id, "version": self.version,
                "at": self.at.isoformat(timespec="seconds"), "actor": self.actor,
                "action": self.action, "detail": self.detail}


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, SQL) of every migration file, in order."""
    folder = resources.files("termbank.store") / "migrations"
    out = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            out.append((int(entry.name.split("_", 1)[0]), entry.name, entry.read_text("utf-8")))
    return sorted(out)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class PostgresStore:
    """A :class:`termbank.store.Store` in a PostgreSQL database, plus versions, audit, tokens."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.actor = _local_user()
        self._vocabulary: dict[int, list[str]] | None = None
        try:
            self.db = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{safe_url(url)}: cannot connect ({_first_line(exc)})") from None
        try:
            self._migrate()
        except psycopg.Error as exc:
            self.db.close()
            raise StoreError(f"{safe_url(url)}: cannot prepare the termbank schema "
                             f"({_first_line(exc)})") from None

    def _migrate(self) -> None:
        """Apply the migrations this database has not had yet, each in its own transaction."""
        db = self.db
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            db.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                       "(number INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied TIMESTAMPTZ NOT NULL DEFAULT now())")
            done = {n for (n,) in db.execute("SELECT number FROM schema_migrations")}
            known = migrations()
            newer = done - {n for n, _, _ in known}
            if newer:
                raise StoreError(f"{safe_url(self.url)}: the database has migration "
                                 f"{max(newer)}, newer than this termbank knows; upgrade termbank")
            for number, name, sql in known:
                if number not in done:
                    db.execute(sql)
                    db.execute("INSERT INTO schema_migrations (number, name) VALUES (%s, %s)",
                               (number, name))

    @property
    def schema_version(self) -> int:
        return self.db.execute("SELECT max(number) FROM schema_migrations").fetchone()[0]

    # -- writing ---------------------------------------------------------------------------

    def add(self, concepts: Iterable[Concept], *, actor: str | None = None,
            action: str = "import",
            on_repeat: Callable[[Concept, Concept], Concept] | None = None) -> int:
        """Insert or replace *concepts* in one transaction; every concept written gets a new
        version and an audit entry (by *actor*, by default the person running termbank).
        An id that comes twice replaces its first copy, or with *on_repeat* is stored as
        ``on_repeat(first, second)``."""
        actor = actor or self.actor
        looks_empty = self._is_empty()  # read before the transaction: it holds no lock
        with self.db.transaction():
            return self._load(concepts, actor=actor, action=action, empty_first=False,
                              maybe_bulk=looks_empty, on_repeat=on_repeat)

    def replace_all(self, concepts: Iterable[Concept], *, fingerprint: str | None = None,
                    actor: str | None = None) -> int:
        actor = actor or self.actor
        with self.db.transaction():
            n = self._load(concepts, actor=actor, action="import", empty_first=True,
                           maybe_bulk=True)
            self._set_meta("fingerprint", fingerprint or "")
        return n

    def _is_empty(self) -> bool:
        return self.db.execute("SELECT NOT EXISTS (SELECT 1 FROM terms)").fetchone()[0]

    def _load(self, concepts: Iterable[Concept], *, actor: str, action: str,
              empty_first: bool, maybe_bulk: bool,
              on_repeat: Callable[[Concept, Concept], Concept] | None = None) -> int:
        """The body of a load, inside the caller's transaction. Every writer takes its locks
        in one order, concepts before terms, so writers never deadlock. A load that may find
        the store empty first locks both tables against other writers (readers go on), then
        looks: the first such writer drops and rebuilds the indexes, the next ones find rows."""
        db = self.db
        bulk = False
        if maybe_bulk:
            db.execute("LOCK TABLE concepts, terms IN SHARE ROW EXCLUSIVE MODE")
            if empty_first:
                db.execute("DELETE FROM terms")
                db.execute("DELETE FROM concepts")
                db.execute("DELETE FROM vocabulary_deletes")
                db.execute("DELETE FROM vocabulary")
            bulk = self._is_empty()
        # one staging table for both (a connection runs one COPY at a time): a concept's row
        # carries its JSON, each of its terms a row with the keys
        db.execute("CREATE TEMP TABLE stage (seq INTEGER, concept_id TEXT COLLATE \"C\", "
                   "data TEXT, lang TEXT, text TEXT, key TEXT, status TEXT, review TEXT, "
                   "type TEXT, fold TEXT, morph TEXT, initials TEXT) ON COMMIT DROP")
        db.execute("CREATE TEMP TABLE stage_words (word TEXT COLLATE \"C\") ON COMMIT DROP")
        n = 0
        words: set[str] = set()
        seen: set[str] = set()
        items = iter(concepts)
        with db.cursor() as cur:
            while True:  # one COPY; it pauses only to fetch the first copy of a repeated id
                repeat = None
                with cur.copy("COPY stage FROM STDIN") as copy:
                    for concept in items:
                        if on_repeat is not None:
                            if concept.id in seen:
                                repeat = concept
                                break
                            seen.add(concept.id)
                        n += 1
                        self._stage(copy, n, concept, words)
                if repeat is None:
                    break
                (data,) = cur.execute("SELECT data FROM stage WHERE concept_id = %s AND data IS "
                                      "NOT NULL ORDER BY seq DESC LIMIT 1", (repeat.id,)).fetchone()
                n += 1
                with cur.copy("COPY stage FROM STDIN") as copy:
                    self._stage(copy, n, on_repeat(concept_from_dict(json.loads(data)), repeat),
                                words)
            with cur.copy("COPY stage_words (word) FROM STDIN") as copy:
                for word in words:
                    copy.write_row((word,))
        if bulk:
            for name in _INDEXES:
                db.execute(f"DROP INDEX IF EXISTS {name}")
        db.execute("CREATE TEMP TABLE latest ON COMMIT DROP AS SELECT DISTINCT ON (concept_id) "
                   "concept_id AS id, seq, data FROM stage WHERE data IS NOT NULL "
                   "ORDER BY concept_id, seq DESC")
        db.execute(
            "WITH written AS ("
            " INSERT INTO concepts (id, data) SELECT id, data FROM latest ORDER BY id"
            " ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, version = concepts.version + 1"
            " RETURNING id, version) "
            "INSERT INTO audit (concept_id, version, actor, action) "
            "SELECT id, version, %s, %s FROM written", (actor, action))
        db.execute("DELETE FROM terms WHERE concept_id IN (SELECT id FROM latest)")
        db.execute("INSERT INTO terms (concept_id, lang, text, key, status, review, type, fold, "
                   "morph, initials) SELECT s.concept_id, s.lang, s.text, s.key, s.status, "
                   "s.review, s.type, s.fold, s.morph, s.initials FROM stage s "
                   "JOIN latest l ON l.id = s.concept_id AND l.seq = s.seq "
                   "WHERE s.data IS NULL")
        self._add_words()
        if bulk:
            for sql in _INDEXES.values():
                db.execute(sql)
            # fresh statistics, or the planner keeps thinking the tables empty until autovacuum
            db.execute("ANALYZE concepts, terms, vocabulary, vocabulary_deletes")
        self._vocabulary = None
        return n

    @staticmethod
    def _stage(copy, seq: int, concept: Concept, words: set[str]) -> None:
        """One concept into the staging table: its JSON row, then a row per term with keys."""
        copy.write_row((seq, concept.id, _dump(concept)) + (None,) * 9)
        for s in concept.sections:
            for t in s.terms:
                key, fold, morph, initials = index_keys(t.text, s.lang)
                words.update(fold.split())
                words.update(morph.split())
                copy.write_row((seq, concept.id, None, s.lang, t.text, key, t.status.value,
                                t.review.value, t.type.value, fold, morph, initials))

    def _add_words(self) -> None:
        """Put the staged words into the vocabulary and their one-letter deletions into its
        neighbourhood index, in sorted order (so concurrent writers never deadlock)."""
        db = self.db
        fresh = [w for (w,) in db.execute(
            "SELECT DISTINCT word FROM stage_words EXCEPT SELECT word FROM vocabulary")]
        db.execute("CREATE TEMP TABLE stage_deletes (variant TEXT COLLATE \"C\", "
                   "word TEXT COLLATE \"C\") ON COMMIT DROP")
        with db.cursor() as cur, cur.copy("COPY stage_deletes FROM STDIN") as copy:
            for word in fresh:
                for variant in word_deletes(word):
                    copy.write_row((variant, word))
        db.execute("INSERT INTO vocabulary (word) SELECT DISTINCT word FROM stage_words "
                   "ORDER BY word ON CONFLICT DO NOTHING")
        db.execute("INSERT INTO vocabulary_deletes (variant, word) SELECT DISTINCT variant, word "
                   "FROM stage_deletes ORDER BY variant, word ON CONFLICT DO NOTHING")

    # -- versions and the audit trail ----------------------------------------------------

    def get_versioned(self, concept_id: str) -> tuple[Concept, int] | None:
        row = self.db.execute("SELECT data, version FROM concepts WHERE id = %s",
                              (concept_id,)).fetchone()
        return (concept_from_dict(json.loads(row[0])), row[1]) if row else None

    def save(self, concept: Concept, *, expected_version: int | None, actor: str, action: str,
             detail: dict | None = None) -> int:
        """Write one concept if it is still at *expected_version* (None: it must be new);
        record the change in the audit trail. Returns the new version.

        :raises VersionConflict: someone else changed (or created) the concept meanwhile.
        """
        db = self.db
        with db.transaction():
            if expected_version is None:
                row = db.execute("INSERT INTO concepts (id, data) VALUES (%s, %s) "
                                 "ON CONFLICT (id) DO NOTHING RETURNING version",
                                 (concept.id, _dump(concept))).fetchone()
            else:
                row = db.execute("UPDATE concepts SET data = %s, version = version + 1 "
                                 "WHERE id = %s AND version = %s RETURNING version",
                                 (_dump(concept), concept.id, expected_version)).fetchone()
            if row is None:
                current = db.execute("SELECT version FROM concepts WHERE id = %s",
                                     (concept.id,)).fetchone()
                raise VersionConflict(concept.id, expected_version or 0,
                                      current[0] if current else None)
            version = row[0]
            db.execute("DELETE FROM terms WHERE concept_id = %s", (concept.id,))
            db.execute("CREATE TEMP TABLE stage_words (word TEXT COLLATE \"C\") ON COMMIT DROP")
            words: set[str] = set()
            rows = []
            for s in concept.sections:
                for t in s.terms:
                    key, fold, morph, initials = index_keys(t.text, s.lang)
                    words.update(fold.split())
                    words.update(morph.split())
                    rows.append((concept.id, s.lang, t.text, key, t.status.value,
                                 t.review.value, t.type.value, fold, morph, initials))
            with db.cursor() as cur:
                cur.executemany("INSERT INTO terms (concept_id, lang, text, key, status, review, "
                                "type, fold, morph, initials) VALUES "
                                "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
                cur.executemany("INSERT INTO stage_words (word) VALUES (%s)",
                                [(w,) for w in sorted(words)])
            self._add_words()
            db.execute("INSERT INTO audit (concept_id, version, actor, action, detail) "
                       "VALUES (%s, %s, %s, %s, %s)",
                       (concept.id, version, actor, action,
                        json.dumps(detail, ensure_ascii=False) if detail else None))
        self._vocabulary = None
        return version

    def history(self, concept_id: str) -> list[AuditEntry]:
        """Every recorded change to *concept_id*, oldest first."""
        return [AuditEntry(cid, version, at, actor, action, json.loads(detail) if detail else None)
                for cid, version, at, actor, action, detail in self.db.execute(
                    "SELECT concept_id, version, at, actor, action, detail FROM audit "
                    "WHERE concept_id = %s ORDER BY id", (concept_id,))]

    def proposed(self, *, limit: int = 200) -> list[tuple[str, str, str]]:
        """(concept id, language, term) of terms waiting for review, by concept."""
        return [tuple(r) for r in self.db.execute(
            "SELECT concept_id, lang, text FROM terms WHERE review = 'proposed' "
            "ORDER BY concept_id, lang, text LIMIT %s", (limit,))]

    # -- tokens ----------------------------------------------------------------------------

    def create_token(self, name: str, role: str) -> str:
        """A new random API token for *name* with *role*; only its hash is stored."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
        if not name.strip():
            raise ValueError("a token needs a name (who uses it)")
        token = "tb_" + secrets.token_urlsafe(24)
        self.db.execute("INSERT INTO tokens (hash, name, role) VALUES (%s, %s, %s)",
                        (hash_token(token), name.strip(), role))
        return token

    def token_owner(self, token: str) -> tuple[str, str] | None:
        """(name, role) of a token, or None for a token nobody was given."""
        row = self.db.execute("SELECT name, role FROM tokens WHERE hash = %s",
                              (hash_token(token),)).fetchone()
        return (row[0], row[1]) if row else None

    # -- reading ---------------------------------------------------------------------------

    def get(self, concept_id: str) -> Concept | None:
        row = self.db.execute("SELECT data FROM concepts WHERE id = %s", (concept_id,)).fetchone()
        return concept_from_dict(json.loads(row[0])) if row else None

    def concepts(self) -> Iterator[Concept]:
        """Every concept by id, read in pages through a server-side cursor."""
        name = f"all_concepts_{next(_cursor_numbers)}"  # two readers at once on one connection
        with self.db.transaction(), self.db.cursor(name=name) as cur:
            cur.execute("SELECT data FROM concepts ORDER BY id")
            while rows := cur.fetchmany(1000):
                for (data,) in rows:
                    yield concept_from_dict(json.loads(data))

    def concept_ids_for_key(self, key: str) -> list[tuple[str, str, str]]:
        return [tuple(r) for r in self.db.execute(
            "SELECT concept_id, lang, text FROM terms WHERE key = %s ORDER BY concept_id, lang",
            (key,))]

    def candidates(self, keys: Iterable[str], *, field: str = "fold", lang: str | None = None,
                   limit: int = 500) -> list[TermRow]:
        if field not in _KEY_FIELDS:
            raise ValueError(f"unknown key field {field!r}")
        keys = list(dict.fromkeys(k for k in keys if k))
        if not keys:
            return []
        where, params = _lang_filter(lang)
        sql = f"SELECT {_TERM_COLUMNS} FROM terms t WHERE t.{field} = ANY(%s){where} LIMIT %s"
        return [TermRow(*row) for row in self.db.execute(sql, (keys, *params, limit))]

    def containing(self, groups: Iterable[Iterable[str]], *, lang: str | None = None,
                   limit: int = 2000) -> list[TermRow]:
        """Terms whose folded or citation-form key contains, for every group, one of its
        strings (three characters or more, as the SQLite store's trigram index sees them)."""
        clauses, params = [], []
        for group in groups:
            options = [w for w in group if len(w) >= 3]
            if options:
                clauses.append("(" + " OR ".join([f"{_SEARCH_TEXT} LIKE %s"] * len(options)) + ")")
                params += ["%" + _like_escape(w) + "%" for w in options]
        if not clauses:
            return []
        where, lang_params = _lang_filter(lang)
        sql = (f"SELECT {_TERM_COLUMNS} FROM terms t WHERE {' AND '.join(clauses)}{where} "
               f"LIMIT %s")
        return [TermRow(*row) for row in self.db.execute(sql, (*params, *lang_params, limit))]

    def vocabulary_by_length(self) -> dict[int, list[str]]:
        if self._vocabulary is None:
            out: dict[int, list[str]] = {}
            for (word,) in self.db.execute("SELECT word FROM vocabulary"):
                out.setdefault(len(word), []).append(word)
            self._vocabulary = out
        return self._vocabulary

    def similar_words(self, word: str) -> list[str]:
        return [w for (w,) in self.db.execute(
            "SELECT DISTINCT word FROM vocabulary_deletes WHERE variant = ANY(%s)",
            (query_deletes(word),))]

    def known_prefixes(self, words: Iterable[str]) -> set[str]:
        words = [w for w in dict.fromkeys(words) if w]
        if not words:
            return set()
        return {w for (w,) in self.db.execute(
            "SELECT w FROM unnest(%s::text[]) AS q(w) WHERE EXISTS (SELECT 1 FROM vocabulary v "
            "WHERE v.word >= q.w COLLATE \"C\" AND v.word < (q.w || chr(1114111)) COLLATE \"C\")",
            (words,))}

    def known_words(self, words: Iterable[str]) -> set[str]:
        words = list(dict.fromkeys(words))
        if not words:
            return set()
        return {w for (w,) in self.db.execute(
            "SELECT word FROM vocabulary WHERE word = ANY(%s)", (words,))}

    def counts(self) -> dict[str, int]:
        out = {"concepts": self.db.execute("SELECT count(*) FROM concepts").fetchone()[0]}
        for lang, n in self.db.execute(
                "SELECT lang, count(*) FROM terms GROUP BY lang ORDER BY lang"):
            out[lang] = n
        return out

    @property
    def fingerprint(self) -> str | None:
        return self._meta("fingerprint")

    @property
    def broken(self) -> bool:
        """True once the connection to the server was lost (a server keeps its stores open)."""
        return self.db.broken or self.db.closed

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta (key, value) VALUES (%s, %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (key, value))


def _local_user() -> str:
    """Who runs termbank here (``TERMBANK_USER``, else the login name): the audit trail's
    "who" for imports from the command line."""
    import getpass
    import os

    try:
        return os.environ.get("TERMBANK_USER") or getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container without a passwd entry)
        return "unknown"


def _dump(concept: Concept) -> str:
    return json.dumps(concept_to_dict(concept), ensure_ascii=False, separators=(",", ":"))


def _lang_filter(lang: str | None) -> tuple[str, tuple[str, ...]]:
    """SQL for "matched in *lang*": ``kk`` also takes ``kk-Latn``."""
    if not lang:
        return "", ()
    return " AND (t.lang = %s OR t.lang LIKE %s)", (lang, _like_escape(lang) + "-%")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    user = f"{parts.username}:***@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}{host}{port}"))


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
