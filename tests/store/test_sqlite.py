"""The SQLite store and the index derived from the glossary."""

from __future__ import annotations

import pytest

from termbank.errors import StoreError
from termbank.glossary import Glossary
from termbank.store import INDEX_NAME, open_index, open_store


def test_store_keeps_concepts_whole(glossary_dir, tmp_path):
    concepts = Glossary(glossary_dir).load()
    with open_store(tmp_path / "s.sqlite") as store:
        assert store.replace_all(concepts, fingerprint="f1") == 3
        assert list(store.concepts()) == concepts
        assert store.get("c-epca") == concepts[1]
        assert store.get("c-nope") is None
        assert store.fingerprint == "f1"
        assert store.counts() == {"concepts": 3, "en": 5, "kk": 3, "kk-Latn": 1, "ru": 5}
        assert store.concept_ids_for_key("epca") == [("c-epca", "en", "EPCA")]
        assert store.concept_ids_for_key("мажилис") == [("c-mazhilis", "ru", "Мажилис")]


def test_add_replaces_a_concept_and_its_terms(glossary_dir, tmp_path):
    concepts = Glossary(glossary_dir).load()
    with open_store(tmp_path / "s.sqlite") as store:
        store.add(concepts)
        store.add(concepts[:1])
        assert store.counts()["concepts"] == 3
        assert len(store.concept_ids_for_key("deputy minister of foreign affairs")) == 1


def test_index_is_rebuilt_when_the_glossary_changes(glossary_dir):
    g = Glossary(glossary_dir)
    store = open_index(g)
    assert store.counts()["concepts"] == 3
    store.close()
    (glossary_dir / "c-mazhilis.yaml").unlink()
    store = open_index(g)
    assert store.counts()["concepts"] == 2
    assert (glossary_dir / INDEX_NAME).is_file()
    store.close()


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    bad = tmp_path / "x.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as err:
        open_store(bad)
    assert str(err.value).startswith(f"{bad}: not a termbank store")
