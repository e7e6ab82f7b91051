"""Term lookup against a small glossary of real terms (tests/data/search, from the reference data).

The table holds queries as translators type them: inflected Russian and Kazakh, Latin-script
Kazakh, romanisations, typos, acronyms and parts of terms, each with the concept it must return
first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from termbank import search
from termbank.glossary import Glossary
from termbank.store import open_index, open_store

DATA = Path(__file__).resolve().parent / "data" / "search"

# (query, concept expected first, how it should match or None for "any")
TABLE = [
    # exact and folded: case, punctuation, dashes, quotes, scripts
    ("Majilis", "c-majilis", "exact"),
    ("MAJILIS", "c-majilis", "exact"),
    ("Mazhilis", "c-majilis", "exact"),
    ("Мәжіліс", "c-majilis", "exact"),
    ("Мажилис", "c-majilis", "exact"),
    ("Májilis", "c-majilis", "exact"),
    ("Mäjilis", "c-majilis", "folded"),
    ("Majilis.", "c-majilis", "folded"),
    ("«Мажилис»", "c-majilis", "folded"),
    ("maslikhat", "c-maslikhat", "exact"),
    ("Mäslihat", "c-maslikhat", "exact"),
    ("Маслихат", "c-maslikhat", "exact"),
    ("Tokaev", "c-kassym-jomart-tokayev", "folded"),
    ("Qasym-Jomart Toqaev", "c-kassym-jomart-tokayev", "exact"),
    ("Kassym Jomart Tokayev", "c-kassym-jomart-tokayev", "folded"),
    ("Kasym-Zhomart Tokayev", "c-kassym-jomart-tokayev", "folded"),
    ("Nursultan Nazarbaev", "c-nursultan-nazarbayev", "folded"),
    ("EU – Central Asia Economic Forum", "c-eu-central-asia-economic-forum", "exact"),
    ("EU - Central Asia Economic Forum", "c-eu-central-asia-economic-forum", "folded"),
    ("Deputy Prime Minister - Minister of Foreign Affairs",
     "c-deputy-prime-minister-minister-of-foreign-affairs", "folded"),
    ("Aleska Simkic", "c-aleska-simkic", "exact"),
    ("Aleška Simkić", "c-aleska-simkic", "exact"),
    ("Orta dälız", "c-middle-corridor", "exact"),
    ("Orta daliz", "c-middle-corridor", "folded"),
    # acronyms and their expansions
    ("EPCA", "c-enhanced-partnership-and-cooperation-agreement", "exact"),
    ("СРПС", "c-enhanced-partnership-and-cooperation-agreement", "exact"),
    ("Enhanced Partnership and Cooperation Agreement",
     "c-enhanced-partnership-and-cooperation-agreement", "exact"),
    ("OSCE", "c-organization-for-security-and-co-operation-in-europe", "exact"),
    ("ОБСЕ", "c-organization-for-security-and-co-operation-in-europe", "exact"),
    ("ЕҚЫҰ", "c-organization-for-security-and-co-operation-in-europe", "exact"),
    ("МАГАТЭ", "c-international-atomic-energy-agency", "exact"),
    ("TITR", "c-trans-caspian-international-transport-route", "exact"),
    ("ТМТМ", "c-trans-caspian-international-transport-route", "exact"),
    ("RFE/RL", "c-radio-free-europe-radio-liberty", "exact"),
    ("EEAS", "c-european-external-action-service", "exact"),
    ("ЕС", "c-european-union", "exact"),
    ("ЕСВС", "c-european-external-action-service", "exact"),
    # Russian inflected forms (pymorphy3)
    ("Мажилиса", "c-majilis", "lemma"),
    ("Мажилисе", "c-majilis", "lemma"),
    ("маслихатов", "c-maslikhat", "lemma"),
    ("маслихатах", "c-maslikhat", "lemma"),
    ("заместителя министра иностранных дел", "c-deputy-minister-of-foreign-affairs", "lemma"),
    ("заместителю министра иностранных дел", "c-deputy-minister-of-foreign-affairs", "lemma"),
    ("министру иностранных дел", "c-minister-of-foreign-affairs", "lemma"),
    ("Среднего коридора", "c-middle-corridor", "lemma"),
    ("Среднему коридору", "c-middle-corridor", "lemma"),
    ("Касым-Жомарта Токаева", "c-kassym-jomart-tokayev", "lemma"),
    ("Европейского союза", "c-european-union", "lemma"),
    ("Европейской комиссии", "c-european-commission", "lemma"),
    ("Еврокомиссии", "c-european-commission", "lemma"),
    ("депутатов Мажилиса", "c-deputy-of-the-majilis", "lemma"),
    ("Транскаспийского международного транспортного маршрута",
     "c-trans-caspian-international-transport-route", "lemma"),
    ("внеочередных выборов", "c-early-parliamentary-elections", "lemma"),
    ("Министерства иностранных дел", "c-ministry-of-foreign-affairs-of-the-republic-of-kazakhstan",
     "partial"),
    # Kazakh inflected forms (suffix peeler with vowel harmony)
    ("Мәжілісінің", "c-majilis", "stem"),
    ("Мәжіліске", "c-majilis", "stem"),
    ("Мәжілісте", "c-majilis", "stem"),
    ("мәслихаттарының", "c-maslikhat", "stem"),
    ("мәслихаттарға", "c-maslikhat", "stem"),
    ("Кеңейтілген әріптестік және ынтымақтастық туралы келісімін",
     "c-enhanced-partnership-and-cooperation-agreement", "stem"),
    ("Сыртқы істер министрінің", "c-minister-of-foreign-affairs", "stem"),
    ("Парламент Мәжілісінің", "c-majilis", "stem"),
    ("Еуропалық Одаққа", "c-european-union", "stem"),
    ("Орта дәлізді", "c-middle-corridor", "stem"),
    ("Тоқаевтың", "c-kassym-jomart-tokayev", "stem"),
    ("Májilisiniń", "c-majilis", "stem"),
    ("Mäjılıstıñ", "c-majilis", "stem"),
    # English plurals and possessives
    ("Maslikhats", "c-maslikhat", "stem"),
    ("Foreign Ministry's", "c-ministry-of-foreign-affairs-of-the-republic-of-kazakhstan", None),
    ("Foreign Ministry’s", "c-ministry-of-foreign-affairs-of-the-republic-of-kazakhstan", None),
    ("joint statements", "c-joint-statement", "stem"),
    ("Tokayev's", "c-kassym-jomart-tokayev", None),
    # parts of terms
    ("Coordination Platform", "c-coordination-platform-for-the-middle-corridor", "partial"),
    ("Low Enriched Uranium", "c-iaea-low-enriched-uranium-bank", "partial"),
    ("Trans-Caspian route", "c-trans-caspian-international-transport-route", "partial"),
    ("Tleuberdi", "c-mukhtar-tileuberdi", "partial"),
    ("von der Leyen", "c-ursula-von-der-leyen", "partial"),
    ("Атом энергиясы", "c-international-atomic-energy-agency", "partial"),
    ("уран банкі", "c-iaea-low-enriched-uranium-bank", "partial"),
    ("Кубилиус", "c-andrius-kubilius", "partial"),
    # typos
    ("Middel Coridor", "c-middle-corridor", "fuzzy"),
    ("Majlis", "c-majilis", "fuzzy"),
    ("Nazarbayv", "c-nursultan-nazarbayev", "fuzzy"),
    ("Juncker Jean Claud", "c-jean-claude-juncker", None),
    ("Ursula fon der Lyayen", "c-ursula-von-der-leyen", "fuzzy"),
    ("Europan Comission", "c-european-commission", "fuzzy"),
    ("Мажилс", "c-majilis", "fuzzy"),
    ("Horizontal Aviaton Agreement", "c-horizontal-aviation-agreement", "fuzzy"),
]
ROWS = TABLE


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(tmp_path_factory, request):
    """The search glossary in the SQLite index beside it, and in a PostgreSQL database."""
    folder = tmp_path_factory.mktemp("search") / "glossary"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns(".*"))
    if request.param == "sqlite":
        store = open_index(Glossary(folder))
    else:
        store = open_store(request.getfixturevalue("new_postgres_database")("search"))
        store.replace_all(Glossary(folder))
    yield store
    store.close()


def test_the_table_is_large_enough():
    assert len(ROWS) >= 60
    assert len({q for q, _, _ in ROWS}) == len(ROWS)


@pytest.mark.parametrize(("query", "concept", "how"), ROWS, ids=[r[0] for r in ROWS])
def test_query_finds_its_concept_first(store, query, concept, how):
    hits = search.lookup(store, query)
    assert hits, f"nothing found for {query!r}"
    assert hits[0].concept_id == concept, [(h.concept_id, h.score, h.how) for h in hits[:3]]
    if how is not None:
        assert hits[0].how == how
    assert hits[0].concept is not None and hits[0].concept.id == concept


def test_exact_match_ranks_above_partial_ones(store):
    hits = search.lookup(store, "Middle Corridor")
    assert [h.concept_id for h in hits[:2]] == ["c-middle-corridor",
                                                "c-coordination-platform-for-the-middle-corridor"]
    assert hits[0].how == "exact" and hits[0].score == 100
    assert hits[1].how == "partial" and hits[1].score < hits[0].score


def test_a_typo_finds_the_term_and_the_longer_term_holding_it(store):
    hits = search.lookup(store, "Middel Coridor")
    ids = [h.concept_id for h in hits]
    assert ids[:2] == ["c-middle-corridor", "c-coordination-platform-for-the-middle-corridor"]
    assert 0 < hits[1].score < hits[0].score < 100


def test_the_acronym_finds_its_expansion_and_back(store):
    by_acronym = search.lookup(store, "EPCA")[0]
    by_expansion = search.lookup(store, "Enhanced Partnership and Cooperation Agreement")[0]
    assert by_acronym.concept_id == by_expansion.concept_id
    en_terms = [t.text for t in by_expansion.concept.section("en").terms]
    assert "EPCA" in en_terms


def test_initials_find_a_concept_whose_acronym_is_not_stored(tmp_path):
    glossary = Glossary(tmp_path / "g")
    source = Glossary(DATA).get("c-horizontal-aviation-agreement")
    glossary.save([source])
    with open_index(glossary) as store:
        hits = search.lookup(store, "HAA")
    assert hits and hits[0].concept_id == "c-horizontal-aviation-agreement"
    assert hits[0].how == "acronym"


def test_exact_mode_does_not_reduce_forms_or_guess(store):
    assert search.lookup(store, "Мажилиса", mode="exact") == []
    assert search.lookup(store, "Middel Coridor", mode="exact") == []
    assert search.lookup(store, "mazhilis", mode="exact")[0].concept_id == "c-majilis"


def test_fuzzy_mode_adds_typo_matches_beside_exact_ones(store):
    auto = {h.concept_id for h in search.lookup(store, "Senate", limit=20)}
    fuzzy = search.lookup(store, "Senate", mode="fuzzy", limit=20)
    assert fuzzy[0].concept_id == "c-senate" and fuzzy[0].how == "exact"
    assert {h.concept_id for h in fuzzy} >= auto


def test_lang_restricts_the_matched_terms(store):
    hits = search.lookup(store, "Majilis", lang="ru")
    assert hits[0].concept_id == "c-majilis" and hits[0].lang == "ru"
    kk = search.lookup(store, "Majilis", lang="kk")
    assert kk[0].lang in ("kk", "kk-Latn")


def test_equal_matches_show_the_term_in_the_query_script(store):
    assert search.lookup(store, "Мәжілісінің")[0].term == "Мәжіліс"
    assert search.lookup(store, "маслихатов")[0].term == "маслихат"


def test_limit_and_order(store):
    hits = search.lookup(store, "European", limit=3)
    assert len(hits) == 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_nonsense_finds_nothing_and_suggests_close_terms(store):
    assert search.lookup(store, "Бхщз") == []
    assert search.lookup(store, "qwxz") == []
    suggestions = search.suggest(store, "Parlament of Kazakstan Republik")
    assert suggestions and suggestions[0].concept_id == "c-parliament-of-the-republic-of-kazakhstan"


def test_bad_arguments_are_refused(store):
    with pytest.raises(ValueError):
        search.lookup(store, "EU", mode="loose")
    with pytest.raises(ValueError):
        search.lookup(store, "EU", limit=0)


def test_an_exact_or_english_lookup_does_not_load_pymorphy(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "s.sqlite"
    with open_store(db) as store:
        store.add(Glossary(DATA).load())
    code = ("import sys; from termbank.store import open_store; from termbank import search; "
            f"s = open_store({str(db)!r}); "
            "a = search.lookup(s, 'Мажилис'); b = search.lookup(s, 'Maslikhats'); "
            "print(a[0].concept_id, b[0].concept_id, "
            "sorted({'pymorphy3', 'rapidfuzz', 'yaml', 'lxml'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["c-majilis", "c-maslikhat", "[]"]


def test_index_keys_meet_across_scripts():
    keys = {search.fold(s) for s in ("Мәжіліс", "Májilis", "Mäjilis", "Mazhilis", "Majilis",
                                      "Мажилис")}
    assert keys == {"majilis"}
    assert search.morph_key("заместитель министра иностранных дел", "ru") == \
        search.fold("заместитель министр иностранный дело")


def test_an_index_of_an_older_schema_is_rebuilt(tmp_path):
    import sqlite3

    folder = tmp_path / "g"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns(".*"))
    old = sqlite3.connect(folder / ".index.sqlite")
    old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    old.execute("INSERT INTO meta VALUES ('schema', '1')")
    old.commit()
    old.close()
    with open_index(Glossary(folder)) as store:
        assert search.lookup(store, "Majilis")[0].concept_id == "c-majilis"
