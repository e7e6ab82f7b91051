"""The store: where concepts are kept for fast lookup.

:class:`Store` is the one interface every other room uses; :mod:`termbank.store.sqlite` is the
embedded default, :mod:`termbank.store.postgres` the team store on a PostgreSQL server (chosen
by a ``postgresql://`` URL instead of a file name).
The curated glossary (YAML files) stays the source of truth: :func:`open_index` keeps a
store derived from it and rebuilds it whenever the glossary's files change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from termbank.errors import StoreError
from termbank.model import Concept
from termbank.search import TermRow

INDEX_NAME = ".index.sqlite"


class Store(Protocol):
    """What the rest of termbank needs from a concept store."""

    def add(self, concepts: Iterable[Concept]) -> int:
        """Insert or replace *concepts*; return how many were written."""

    def replace_all(self, concepts: Iterable[Concept], *, fingerprint: str | None = None) -> int:
        """Make the store hold exactly *concepts* (in one transaction)."""

    def get(self, concept_id: str) -> Concept | None: ...

    def concepts(self) -> Iterator[Concept]: ...

    def concept_ids_for_key(self, key: str) -> list[tuple[str, str, str]]:
        """(concept id, language, term) of every term whose normalised key equals *key*."""

    def candidates(self, keys: Iterable[str], *, field: str = "fold", lang: str | None = None,
                   limit: int = 500) -> list[TermRow]:
        """Terms whose key *field* (``key``, ``fold``, ``morph``, ``initials``; see
        :func:`termbank.search.index_keys`) equals one of *keys*; *lang* ``kk`` takes kk-Latn."""

    def containing(self, groups: Iterable[Iterable[str]], *, lang: str | None = None,
                   limit: int = 2000) -> list[TermRow]:
        """Terms whose folded or citation-form key contains one string of every group."""

    def vocabulary_by_length(self) -> dict[int, list[str]]:
        """The distinct folded words of all terms, by length: what typos are corrected to."""

    def similar_words(self, word: str) -> list[str]:
        """Vocabulary words one typing error (some two) away from *word* (a folded word)."""

    def known_prefixes(self, words: Iterable[str]) -> set[str]:
        """Those of *words* that begin a word of the vocabulary of folded words."""

    def known_words(self, words: Iterable[str]) -> set[str]:
        """Those of *words* that are in the vocabulary of folded words."""

    def counts(self) -> dict[str, int]:
        """Number of concepts (key ``concepts``) and of terms per language tag."""

    @property
    def fingerprint(self) -> str | None: ...

    def close(self) -> None: ...


#: The environment variable that names the store when ``--db`` is not given.
DB_ENV = "TERMBANK_DB"


def is_url(target: str | Path) -> bool:
    """True when *target* names a PostgreSQL database rather than an SQLite file."""
    return str(target).startswith(("postgresql://", "postgres://"))


def label(target: str | Path) -> str:
    """*target* for messages: a URL without its password."""
    if not is_url(target):
        return str(target)
    from termbank.store.postgres import safe_url

    return safe_url(str(target))


def open_store(target: str | Path) -> Store:
    """Open (creating the schema when missing) the store *target* names: a PostgreSQL URL
    (``postgresql://user@host/db``) or the path of an SQLite file."""
    if is_url(target):
        from termbank.store.postgres import PostgresStore

        return PostgresStore(str(target))
    from termbank.store.sqlite import SqliteStore

    return SqliteStore(target)


def open_index(glossary) -> Store:
    """The store derived from *glossary* (a :class:`termbank.glossary.Glossary`), up to date.

    It lives beside the concept files (``glossary/.index.sqlite``) and is rebuilt when any
    concept file was added, removed or changed since it was built.
    """
    from termbank.files import FileLock

    path = Path(glossary.root) / INDEX_NAME
    with glossary.reading():  # no writer switches files in while the index is compared or built
        fingerprint = glossary.fingerprint()
        try:
            store = open_store(path)
        except StoreError:  # an index of an older schema, or damaged: it is derived, so rebuild
            with FileLock(path.with_name(path.name + ".lock"), what=f"the index {path}").held(
                    exclusive=True):
                for stale in (path, path.with_name(path.name + "-wal"),
                              path.with_name(path.name + "-shm")):
                    stale.unlink(missing_ok=True)
                store = open_store(path)
        if store.fingerprint != fingerprint:
            # one process rebuilds; the others wait for it and then find the index current
            with FileLock(path.with_name(path.name + ".lock"), what=f"the index {path}").held(
                    exclusive=True):
                if store.fingerprint != fingerprint:
                    store.replace_all(glossary, fingerprint=fingerprint)
    return store
