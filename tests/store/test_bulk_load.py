"""Loading a TBX file into the SQLite store: all or nothing, and searchable afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from termbank import search
from termbank.errors import FormatError
from termbank.pipeline import import_into_store
from termbank.store import open_store

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


def _check_integrity(store) -> None:
    assert store.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # raises when the trigram index does not match the terms table
    store.db.execute("INSERT INTO terms_fts (terms_fts, rank) VALUES ('integrity-check', 1)")


def test_a_bulk_load_builds_every_index_and_the_vocabulary(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        n = _load(store, "foreign_ltac_v3.tbx")
        assert n == store.counts()["concepts"] > 0
        names = {name for (name,) in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
        assert {"terms_key", "terms_concept", "terms_fold", "terms_morph", "terms_initials",
                "terms_fts_insert", "terms_fts_delete"} <= names
        folds = [f for (f,) in store.db.execute("SELECT fold FROM terms")]
        words = {w for f in folds for w in f.split()}
        assert words <= {w for ws in store.vocabulary_by_length().values() for w in ws}
        # the trigram table was filled in one step: every folded term is found inside itself
        fts = store.db.execute("SELECT count(*) FROM terms_fts").fetchone()[0]
        assert fts == len(folds)
        _check_integrity(store)


def test_a_broken_file_leaves_an_empty_store_empty_with_its_indexes(tmp_path):
    bad = _broken_copy(tmp_path)
    with open_store(tmp_path / "s.sqlite") as store:
        with pytest.raises(FormatError), open(bad, "rb") as f:
            import_into_store(f, store, source=str(bad))
        assert store.counts() == {"concepts": 0}
        names = {name for (name,) in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
        assert {"terms_key", "terms_fold", "terms_fts_insert"} <= names


def test_a_broken_file_leaves_a_full_store_unchanged(tmp_path):
    bad = _broken_copy(tmp_path)
    with open_store(tmp_path / "s.sqlite") as store:
        _load(store, "foreign_ltac_v3.tbx")
        before = (store.counts(), list(store.concepts()), store.vocabulary_by_length())
        with pytest.raises(FormatError), open(bad, "rb") as f:
            import_into_store(f, store, source=str(bad))
        assert (store.counts(), list(store.concepts()), store.vocabulary_by_length()) == before


def test_a_second_load_replaces_concepts_and_keeps_the_trigram_table_in_step(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        n = _load(store, "foreign_ltac_v3.tbx")
        terms = store.db.execute("SELECT count(*) FROM terms").fetchone()[0]
        assert _load(store, "foreign_ltac_v3.tbx") == n
        assert store.counts()["concepts"] == n
        assert store.db.execute("SELECT count(*) FROM terms").fetchone()[0] == terms
        term = store.db.execute("SELECT text FROM terms LIMIT 1").fetchone()[0]
        _check_integrity(store)
        hits = search.lookup(store, term, mode="exact")
        assert hits and hits[0].term == term


def test_similar_words_finds_vocabulary_words_one_typing_error_away(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
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
