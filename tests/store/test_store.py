"""The store (SQLite and PostgreSQL alike) and the index derived from the glossary."""

from __future__ import annotations

import pytest

from termbank import search
from termbank.errors import StoreError
from termbank.glossary import Glossary
from termbank.store import INDEX_NAME, open_index, open_store


def test_store_keeps_concepts_whole(glossary_dir, make_store):
    concepts = Glossary(glossary_dir).load()
    with make_store() as store:
        assert store.fingerprint is None
        assert store.replace_all(concepts, fingerprint="f1") == 3
        assert list(store.concepts()) == concepts
        assert store.get("c-epca") == concepts[1]
        assert store.get("c-nope") is None
        assert store.fingerprint == "f1"
        assert store.counts() == {"concepts": 3, "en": 5, "kk": 3, "kk-Latn": 1, "ru": 5}
        assert store.concept_ids_for_key("epca") == [("c-epca", "en", "EPCA")]
        assert store.concept_ids_for_key("мажилис") == [("c-mazhilis", "ru", "Мажилис")]


def test_add_replaces_a_concept_and_its_terms(glossary_dir, make_store):
    concepts = Glossary(glossary_dir).load()
    with make_store() as store:
        store.add(concepts)
        store.add(concepts[:1])
        assert store.counts()["concepts"] == 3
        assert len(store.concept_ids_for_key("deputy minister of foreign affairs")) == 1


def test_replace_all_drops_what_is_not_given(glossary_dir, make_store):
    concepts = Glossary(glossary_dir).load()
    with make_store() as store:
        store.add(concepts)
        store.replace_all(concepts[1:], fingerprint="f2")
        assert [c.id for c in store.concepts()] == [c.id for c in concepts[1:]]
        assert store.concept_ids_for_key("deputy minister of foreign affairs") == []


def test_every_search_key_finds_its_concept(glossary_dir, make_store):
    """Folded, lemma, Kazakh stem, initials, substring and typo look-ups on either store."""
    with make_store() as store:
        store.add(Glossary(glossary_dir).load())
        for query, concept, how in [("EPCA", "c-epca", "exact"),
                                    ("Mäzhilis", "c-mazhilis", "folded"),
                                    ("Мажилиса", "c-mazhilis", "lemma"),
                                    ("Мәжілісінің", "c-mazhilis", "stem"),
                                    ("Majilsi", "c-mazhilis", "fuzzy")]:
            hits = search.lookup(store, query)
            assert hits and (hits[0].concept_id, hits[0].how) == (concept, how), query
        assert store.known_prefixes(["majil", "majilis", "zzz"]) == {"majil", "majilis"}
        assert store.known_words(["majilis", "majil"]) == {"majilis"}
        assert "majilis" in store.similar_words("majilsi")
        assert 7 in store.vocabulary_by_length()


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
