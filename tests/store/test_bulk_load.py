"""Loading a TBX file into a store (SQLite, PostgreSQL): all or nothing, searchable afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from termbank import search
from termbank.errors import FormatError
from termbank.pipeline import import_into_store

TBX = Path(__file__).resolve().parents[1] / "data" / "tbx"


def _load(store, name: str) -> int:
    with open(TBX / name, "rb") as f:
        return import_into_store(f, store, source=name)


def _broken_copy(tmp_path: Path) -> Path:
    """A good file cut off in the middle of its last concept."""
    text = (TBX / "foreign_ltac_v3.tbx").read_bytes()
    cut = text.rindex(b"<conceptEntry")
    bad = tmp_path / "broken.tbx"
    bad.write_bytes(text[: cut + 40])
    return bad


def _is_sqlite(store) -> bool:
    return type(store).__name__ == "SqliteStore"


def _index_names(store) -> set[str]:
    if _is_sqlite(store):
        sql = "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"
    else:
        sql = ("SELECT indexname FROM pg_indexes WHERE tablename = 'terms' "
               "AND schemaname = current_schema()")
    return {name for (name,) in store.db.execute(sql)}


#: The indexes (and SQLite's FTS triggers) a bulk load drops and must build again.
SQLITE_INDEXES = {"terms_key", "terms_concept", "terms_fold", "terms_morph", "terms_initials",
                  "terms_fts_insert", "terms_fts_delete"}
POSTGRES_INDEXES = {"terms_key", "terms_concept", "terms_fold", "terms_morph", "terms_initials",
                    "terms_review", "terms_trgm"}


def _expected_indexes(store) -> set[str]:
    return SQLITE_INDEXES if _is_sqlite(store) else POSTGRES_INDEXES


def _check_integrity(store) -> None:
    if _is_sqlite(store):
        assert store.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # raises when the trigram index does not match the terms table
        store.db.execute("INSERT INTO terms_fts (terms_fts, rank) VALUES ('integrity-check', 1)")
        return
    # PostgreSQL: the trigram index, read on its own, finds every term inside itself
    with store.db.transaction():
        store.db.execute("SET LOCAL enable_seqscan = off")
        folds = [f for (f,) in store.db.execute(
            "SELECT fold FROM terms WHERE length(fold) >= 3 ORDER BY fold LIMIT 50")]
        for fold in folds:
            assert fold in [r.fold for r in store.containing([[fold]], limit=100_000)]


def _term_count(store) -> int:
    return store.db.execute("SELECT count(*) FROM terms").fetchone()[0]


def test_a_bulk_load_builds_every_index_and_the_vocabulary(make_store):
    with make_store() as store:
        n = _load(store, "foreign_ltac_v3.tbx")
        assert n == store.counts()["concepts"] > 0
        assert _expected_indexes(store) <= _index_names(store)
        folds = [f for (f,) in store.db.execute("SELECT fold FROM terms")]
        words = {w for f in folds for w in f.split()}
        assert words <= {w for ws in store.vocabulary_by_length().values() for w in ws}
        if _is_sqlite(store):
            # the trigram table was filled in one step: every folded term is found inside itself
            fts = store.db.execute("SELECT count(*) FROM terms_fts").fetchone()[0]
            assert fts == len(folds)
        _check_integrity(store)


def test_a_broken_file_leaves_an_empty_store_empty_with_its_indexes(tmp_path, make_store):
    bad = _broken_copy(tmp_path)
    with make_store() as store:
        with pytest.raises(FormatError), open(bad, "rb") as f:
            import_into_store(f, store, source=str(bad))
        assert store.counts() == {"concepts": 0}
        assert _expected_indexes(store) <= _index_names(store)


def test_a_broken_file_leaves_a_full_store_unchanged(tmp_path, make_store):
    bad = _broken_copy(tmp_path)
    with make_store() as store:
        _load(store, "foreign_ltac_v3.tbx")
        before = (store.counts(), list(store.concepts()), store.vocabulary_by_length())
        with pytest.raises(FormatError), open(bad, "rb") as f:
            import_into_store(f, store, source=str(bad))
        assert (store.counts(), list(store.concepts()), store.vocabulary_by_length()) == before


def test_a_second_load_replaces_concepts_and_keeps_the_trigram_table_in_step(make_store):
    with make_store() as store:
        n = _load(store, "foreign_ltac_v3.tbx")
        terms = _term_count(store)
        assert _load(store, "foreign_ltac_v3.tbx") == n
        assert store.counts()["concepts"] == n
        assert _term_count(store) == terms
        term = store.db.execute("SELECT text FROM terms LIMIT 1").fetchone()[0]
        _check_integrity(store)
        hits = search.lookup(store, term, mode="exact")
        assert hits and hits[0].term == term


def test_similar_words_finds_vocabulary_words_one_typing_error_away(make_store):
    with make_store() as store:
        _load(store, "foreign_ltac_v3.tbx")
        vocabulary = sorted(w for ws in store.vocabulary_by_length().values() for w in ws
                            if len(w) >= 7)
        word = vocabulary[0]
        swapped = word[0] + word[2] + word[1] + word[3:]
        dropped = word[:2] + word[3:]
        replaced = word[:-1] + ("q" if word[-1] != "q" else "x")
        doubled = word[:3] + word[2] + word[3:]
        two_extra = word[:3] + "qq" + word[3:]  # a long query word may carry two
        for typo in (swapped, dropped, replaced, doubled, two_extra, word):
            assert word in store.similar_words(typo), typo
        assert store.similar_words("qqqqqqqqq") == []
