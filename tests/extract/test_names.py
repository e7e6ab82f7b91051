"""The chunker and the acronym pairer on small sentences of the kinds the seeds hold."""

from __future__ import annotations

import pytest

from termbank.extract import Document, extract
from termbank.extract.acronyms import find_definitions, spells
from termbank.extract.names import iter_mentions


def _names(text):
    return [(m.text, m.kind) for m in iter_mentions(text) if not m.nested]


def _pairs(text):
    return [(d.acronym, d.expansion, d.rule) for d in find_definitions(text)]


def test_definitions_in_both_orders():
    assert _pairs("the Enhanced Partnership and Cooperation Agreement (EPCA) between") == [
        ("EPCA", "Enhanced Partnership and Cooperation Agreement", "initials")]
    assert _pairs("talks on the EPCA (Enhanced Partnership and Cooperation Agreement) went") == [
        ("EPCA", "Enhanced Partnership and Cooperation Agreement", "initials")]


def test_no_pair_rather_than_a_wrong_one():
    # a dateline before an agency code is not its expansion
    assert _pairs("ASTANA (TCA) — Kazakhstan President met") == []
    # letters found inside words do not count: EEAS keeps "European"
    assert not spells("EEAS", ["External", "Action", "Service"])
    assert _pairs("the External Action Service (EEAS) said") == []
    # an unknown acronym whose letters do not fit stays unpaired
    assert _pairs("the Samruk Energy Holding (SKE) said") == []


@pytest.mark.parametrize("text, acronym, expansion", [
    ("exporters must register in the Registered Exporter system (REX) and", "REX",
     "Registered Exporter system"),
    ("was assessed by dual energy X-ray absorptiometry (DXA) in", "DXA",
     "dual energy X-ray absorptiometry"),
    ("patients on extracorporeal membrane oxygenation (ECMO) were", "ECMO",
     "extracorporeal membrane oxygenation"),
    ("the adjusted [hazard ratio (HR) was", "HR", "hazard ratio"),
])
def test_an_acronym_may_take_letters_from_inside_words(text, acronym, expansion):
    assert _pairs(text) == [(acronym, expansion, "initials")]


def test_letters_picked_from_unrelated_words_make_no_expansion():
    # most letters from inside words, or several words giving none, or a listed acronym
    # after a word it does not stand for
    assert _pairs("the Samruk Energy Holding (SKE) said") == []
    assert _pairs("corruption for law enforcement agencies through the European Police "
                  "College (CEPOL)") == []
    assert _pairs("tasks conferred on the ECB by Regulation (EU) No 1024/2013") == []


def test_listed_expansions_cover_letters_that_do_not_map_one_to_one():
    assert _pairs("members of the Eurasian Economic Union (EAEU) met") == [
        ("EAEU", "Eurasian Economic Union", "list")]


@pytest.mark.parametrize("text, expected", [
    ("Deputy Minister of Foreign Affairs of Kazakhstan Roman Vassilenko met them.",
     ("Deputy Minister of Foreign Affairs", "Kazakhstan", "Roman Vassilenko")),
    ("He met President of the European Commission Ursula von der Leyen.",
     ("President of the European Commission", "", "Ursula von der Leyen")),
    ("He met European Commission President Ursula von der Leyen.",
     ("President of the European Commission", "", "Ursula von der Leyen")),
    ("ASTANA – Kazakh Deputy Prime Minister – Foreign Minister Mukhtar Tileuberdi said.",
     ("Deputy Prime Minister – Foreign Minister", "Kazakhstan", "Mukhtar Tileuberdi")),
    ("He met Minister of Culture and Information Aida Balayeva.",
     ("Minister of Culture and Information", "", "Aida Balayeva")),
])
def test_titles_split_into_title_jurisdiction_holder(text, expected):
    titles = [(m.title, m.jurisdiction, m.holder) for m in iter_mentions(text)
              if m.kind == "official title"]
    assert titles == [expected]


def test_connectors_join_names_but_not_separate_ones():
    assert _names("the launch of the Coordination Platform for the Middle Corridor.") == [
        ("Coordination Platform for the Middle Corridor", "institution/body")]
    assert _names("Kazakhstan and the EU share challenges") == [
        ("Kazakhstan", "place"), ("EU", "organisation")]
    assert _names("host the EU – Central Asia Economic Forum in Almaty") == [
        ("EU – Central Asia Economic Forum", "route/programme/event"), ("Almaty", "place")]


def test_sentence_initial_capitals_and_headlines_make_no_terms():
    found = extract([Document("h.txt", "Kazakhstan And EU Mark Anniversary Of Relations\n\n"
                              "During the talks, officials met. Moreover, Trade grew. "
                              "Speaking to journalists, Ambassador Kim left.")])
    names = {c.preferred for c in found}
    assert not names & {"During", "Moreover", "Trade", "Speaking", "Mark", "Anniversary",
                        "Relations", "Of", "And"}
    assert {"Kazakhstan", "European Union"} <= names


def test_possessives_and_plurals_reduce_to_the_lemma():
    found = extract([Document("p.txt", "The Foreign Ministry’s press service said that "
                              "the Foreign Ministry and the Maslikhats agreed.")])
    ministry = next(c for c in found if c.preferred == "Foreign Ministry")
    assert ministry.forms == {"Foreign Ministry’s": 1, "Foreign Ministry": 1}
    assert ministry.variants == []
    assert next(c for c in found if c.kind == "institution/body" and "Maslikhat"
                == c.preferred).forms == {"Maslikhats": 1}


@pytest.mark.parametrize("text, name, kind", [
    ("According to the Bureau of National Statistics, exports grew.",
     "Bureau of National Statistics", "institution/body"),
    ("The new Law on Mass Media entered into force.", "Law on Mass Media", "agreement/document"),
    ("Exporters use the Generalised Scheme of Preferences.", "Generalised Scheme of Preferences",
     "route/programme/event"),
    ("The Carbon Border Adjustment Mechanism applies from 2026.",
     "Carbon Border Adjustment Mechanism", "route/programme/event"),
    ("The Digital Markets Act was cited.", "Digital Markets Act", "agreement/document"),
    ("The Director-General for Trade spoke.", "Director-General for Trade", "official title"),
])
def test_heads_of_the_style_guide_name_whole_names(text, name, kind):
    # the EU style guide's bodies, acts and schemes: without their head listed, "Bureau",
    # "Law" and "Scheme" were cut off ("National Statistics", "Mass Media", "Preferences")
    found = {c.preferred: c.kind for c in extract([Document("a.txt", text)], terms=False)}
    assert found.get(name) == kind
