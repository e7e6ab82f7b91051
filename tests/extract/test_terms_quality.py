"""The term track against the gold lists: names and terms together and apart.

Figures (first run of the term track, then final) are kept in
tests/data/extract/FIGURES.md. The issue's bar for the seeds (concept precision ≥ 0.9 and
recall ≥ 0.95 over names and terms) is asserted in its own test, marked as an expected
failure while it is not met, so that the day it is met the strict xfail turns red and
the mark must go. The floors below are the measured figures, rounded down, so that a
regression fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termbank.extract import extract, read_documents
from tests.extract.gold import DATA, evaluate, key, load, summary

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
FRESH = ["energy", "visas", "transport"]
FRESH2 = ["water", "digital"]  # gold lists written blind, by someone who had not run the extractor
FRESH3 = ["trade", "justice"]  # likewise, later
FRESH4 = ["health", "education"]  # likewise, later still
FRESH5 = ["finance", "security"]  # likewise
FRESH6 = ["agriculture", "climate"]  # likewise
FRESH7 = ["elections", "civilprotection"]  # likewise
FRESH8 = ["nuclear", "migration"]  # likewise
FRESH9 = ["customs", "biodiversity"]  # likewise
FRESH10 = ["heritage", "budget"]  # likewise
FRESH11 = ["aviation", "statistics"]  # likewise
FRESH12 = ["space", "gender"]  # likewise
FRESH13 = ["tax", "airquality"]  # likewise (first run on all the tenth pass's rules but four)
FRESH14 = ["standards", "drugs"]  # likewise
FRESH15 = ["ip", "media"]  # likewise
FRESH16 = ["civilservice", "disability"]  # likewise
FRESH17 = ["fisheries", "heating"]  # likewise (first run during the eleventh pass)
FRESH18 = ["procurement", "waste"]  # likewise (first run on the eleventh pass's final code)
FRESH19 = ["cyber", "pensions"]  # likewise (first run during the twelfth pass)
FRESH20 = ["tourism", "localgov"]  # likewise, the latest (first run during the twelfth pass)
ISSUE_TERMS = ["green transition", "critical raw materials", "sustainable raw materials",
               "renewable hydrogen", "value chains", "trade turnover", "political dialogue",
               "people-to-people ties", "non-proliferation", "digitalization",
               "early parliamentary elections", "joint statement", "press service",
               "Eurasian continent"]
#             all P, all R, terms P, terms R   (measured, rounded down; seeds and trade each
#             gave a point of precision to lone adjectives, "bilateral" and "phytosanitary",
#             for +0.02 F1 on ACTER heart failure: FIGURES.md, "The fifth pass")
FLOORS = {
    "seeds": (0.84, 0.99, 0.55, 0.95),
    "fresh_energy": (0.93, 0.96, 0.87, 0.92),
    "fresh_visas": (0.90, 0.96, 0.82, 0.92),
    "fresh_transport": (0.93, 0.93, 0.88, 0.86),
    "fresh2_water": (1.00, 0.92, 1.00, 0.84),
    "fresh2_digital": (0.88, 0.88, 0.74, 0.74),
    "fresh3_trade": (0.89, 0.93, 0.81, 0.87),
    "fresh3_justice": (0.92, 0.82, 0.86, 0.65),
    "fresh4_health": (0.93, 0.83, 0.89, 0.73),
    "fresh4_education": (0.94, 0.90, 0.90, 0.83),
    "fresh5_finance": (0.95, 0.94, 0.91, 0.89),
    "fresh5_security": (0.95, 0.91, 0.91, 0.84),
    "fresh6_agriculture": (0.92, 0.93, 0.91, 0.89),
    "fresh6_climate": (0.94, 0.92, 0.89, 0.84),
    "fresh7_elections": (0.93, 0.87, 0.90, 0.84),
    "fresh7_civilprotection": (0.93, 0.90, 0.83, 0.76),
    "fresh8_nuclear": (0.92, 0.85, 0.81, 0.68),
    "fresh8_migration": (0.97, 0.87, 0.97, 0.81),
    "fresh9_customs": (0.89, 0.97, 0.80, 0.94),
    "fresh9_biodiversity": (0.87, 0.88, 0.73, 0.72),
    "fresh10_heritage": (0.87, 0.88, 0.78, 0.84),
    "fresh10_budget": (0.87, 0.91, 0.80, 0.86),
    "fresh11_aviation": (0.92, 0.89, 0.87, 0.81),
    "fresh11_statistics": (0.91, 0.88, 0.88, 0.84),
    "fresh12_space": (0.92, 0.88, 0.87, 0.80),
    "fresh12_gender": (0.89, 0.86, 0.84, 0.78),
    "fresh13_tax": (0.91, 0.87, 0.84, 0.76),
    "fresh13_airquality": (0.91, 0.89, 0.84, 0.89),
    "fresh14_standards": (0.88, 0.89, 0.76, 0.76),
    "fresh14_drugs": (0.88, 0.91, 0.78, 0.84),
    "fresh15_ip": (0.85, 0.77, 0.67, 0.65),
    "fresh15_media": (0.89, 0.83, 0.81, 0.75),
    "fresh16_civilservice": (0.89, 0.87, 0.85, 0.82),
    "fresh16_disability": (0.90, 0.83, 0.88, 0.73),
    "fresh17_fisheries": (0.86, 0.82, 0.84, 0.72),
    "fresh17_heating": (0.86, 0.89, 0.77, 0.84),
    "fresh18_procurement": (0.86, 0.88, 0.76, 0.80),
    "fresh18_waste": (0.87, 0.87, 0.82, 0.81),
    "fresh19_cyber": (0.83, 0.86, 0.76, 0.76),
    "fresh19_pensions": (0.92, 0.91, 0.90, 0.91),
    "fresh20_tourism": (0.86, 0.91, 0.80, 0.87),
    "fresh20_localgov": (0.85, 0.93, 0.78, 0.88),
    # the seeds against a second annotator's list, written blind (FIGURES.md)
    "seeds_second": (0.87, 0.92, 0.66, 0.78),
}


@pytest.fixture(scope="module")
def found():
    out = {"seeds": extract(read_documents(SEEDS))}
    out["seeds_second"] = out["seeds"]
    for folder, names in (("fresh", FRESH), ("fresh2", FRESH2), ("fresh3", FRESH3),
                          ("fresh4", FRESH4), ("fresh5", FRESH5), ("fresh6", FRESH6),
                          ("fresh7", FRESH7), ("fresh8", FRESH8), ("fresh9", FRESH9),
                          ("fresh10", FRESH10), ("fresh11", FRESH11), ("fresh12", FRESH12),
                          ("fresh13", FRESH13), ("fresh14", FRESH14), ("fresh15", FRESH15),
                          ("fresh16", FRESH16), ("fresh17", FRESH17), ("fresh18", FRESH18),
                          ("fresh19", FRESH19), ("fresh20", FRESH20)):
        for name in names:
            out[f"{folder}_{name}"] = extract(read_documents([DATA / folder / f"{name}.txt"]))
    return out


@pytest.mark.parametrize("corpus", list(FLOORS))
def test_names_and_terms_reach_the_measured_floors(found, corpus):
    scores = evaluate(found[corpus], load(f"gold_{corpus}.yaml"))
    print("\n" + summary(corpus, scores) + f"\n  missed: {scores['missed']}"
          f"\n  extra: {scores['extra']}\n  split or merged: {scores['duplicates']}")
    p, r, tp, tr = FLOORS[corpus]
    assert scores["concept_precision"] >= p
    assert scores["concept_recall"] >= r
    assert scores["term_precision"] >= tp
    assert scores["term_recall"] >= tr


@pytest.mark.xfail(strict=True, reason="issue 10's seed bar is not met: recall is 0.99 but "
                   "precision over names and terms is 0.85 (lower-case phrases seen once in "
                   "1,800 words are hard to tell from terms); see FIGURES.md")
def test_the_seed_bar_of_issue_10(found):
    scores = evaluate(found["seeds"], load("gold_seeds.yaml"))
    assert scores["concept_precision"] >= 0.9
    assert scores["concept_recall"] >= 0.95


def test_issue_terms_found_in_the_seeds(found):
    names = {key(n) for c in found["seeds"] if c.kind == "term"
             for n in (c.preferred, *c.variants)}
    missing = [t for t in ISSUE_TERMS if key(t) not in names]
    assert not missing


def test_terms_carry_kind_part_of_speech_and_evidence(found):
    terms = [c for c in found["fresh_transport"] if c.kind == "term"]
    assert terms
    for term in terms:
        assert term.part_of_speech == "noun"
        assert term.occurrences and term.contexts and 0 < term.score < 1
        text = (DATA / "fresh" / "transport.txt").read_text(encoding="utf-8")
        for _doc, start, end, form in term.occurrences:
            assert text[start:end] == form


def test_a_phrase_inside_a_name_is_not_a_loose_term(found):
    seeds = found["seeds"]
    terms = {key(c.preferred) for c in seeds if c.kind == "term"}
    # "Human Rights Subcommittee", "Strategic Partnership Roadmap on Raw Materials"
    assert "human rights subcommittee" not in terms
    assert "partnership roadmap" not in terms
    assert "strategic partnership roadmap" not in terms


def test_each_hat_of_a_two_hat_title_is_a_concept_linked_to_the_whole(found):
    from termbank.extract import to_concepts

    seeds = found["seeds"]
    whole = next(c for c in seeds if c.preferred.startswith("High Representative for Foreign "
                                                              "Affairs and Security Policy – "))
    hats = ["High Representative for Foreign Affairs and Security Policy",
            "Vice President of the European Commission"]
    # the hats, then the body the title is of, found on its own too
    assert whole.related == [*hats, "European Commission"]
    concepts = {c.id: c for c in to_concepts(seeds)}
    whole_id = next(i for i, c in concepts.items() if c.preferred("en").text == whole.preferred)
    for hat in hats:
        candidate = next(c for c in seeds if c.preferred == hat)
        assert candidate.kind == "official title" and candidate.related[0] == whole.preferred
        hat_id = next(i for i, c in concepts.items() if c.preferred("en").text == hat)
        assert concepts[hat_id].related[0] == whole_id
        assert hat_id in concepts[whole_id].related


def test_lone_common_words_are_not_names_and_erasmus_keeps_its_plus(found):
    visas = {key(n) for c in found["fresh_visas"] for n in (c.preferred, *c.variants)}
    assert "union" not in visas and "council" not in visas  # "the Union", "the Council"
    assert "erasmus+" in visas and "erasmus" not in visas
    assert "european parliament" in visas  # two words: a name as before


def test_headings_and_bylines_in_capitals_give_no_acronyms():
    from termbank.extract import Document

    text = ("THE EU AND CENTRAL ASIA: FINAL OF THE ENERGY TALKS\nBY AIDA MUKHAMEDOVA\n\n"
            "The European Union (EU) and Kazakhstan met in Astana. Kaja Kallas said the talks "
            "went well.\n")
    found = extract([Document("caps.txt", text)], terms=False)
    names = {c.preferred for c in found}
    assert not names & {"THE", "OF", "AND", "BY", "FINAL", "TALKS", "AIDA", "FINAL OF"}
    assert {"European Union", "Kazakhstan", "Astana", "Kaja Kallas"} <= names
    eu = next(c for c in found if c.preferred == "European Union")
    assert eu.frequency == 3  # the heading's EU is kept: it is a listed acronym
    # a person without a title, by a verb of saying
    assert next(c for c in found if c.preferred == "Kaja Kallas").kind == "person"


def test_a_passage_in_capitals_inside_a_line_gives_no_acronyms():
    from termbank.extract import Document

    text = ("REPORT FROM THE COMMISSION TO THE COUNCIL on the work of the Group of States "
            "against Corruption (GRECO)\nKEY POINTS\n"
            "THE COUNCIL OF THE EUROPEAN UNION, Having regard to the Treaty on European Union "
            "and to the work of OLAF, HAS ADOPTED THIS DECISION: OLAF shall report.\n"
            "For the Council\nThe President\nM. ALLIOT-MARIE\n"
            "Mutations in SCN5A were found; SCN5A is a gene.\n"
            "DATA SOURCES: We searched the registries of the WHO.\n")
    found = extract([Document("caps.txt", text)], terms=False)
    names = {n for c in found for n in (c.preferred, *c.variants)}
    assert not {n for n in names if n.split()[0] in ("THE", "OF", "TO", "FROM", "KEY", "HAS")}
    assert not names & {"REPORT", "KEY", "POINTS", "DECISION", "THIS", "ADOPTED", "DATA",
                        "DATA Sources"}
    assert {"GRECO", "OLAF", "Treaty on European Union", "ALLIOT-MARIE",
            "SCN5A", "WHO"} <= names
    # OLAF is written in capitals outside the shouted passage too: it is still an acronym
    assert next(c for c in found if c.preferred == "OLAF").frequency == 2


def test_a_name_with_another_in_brackets_links_the_two(found):
    transport = found["fresh_transport"]
    route = next(c for c in transport
                 if c.preferred == "Trans-Caspian International Transport Route")
    corridor = next(c for c in transport if c.preferred == "Middle Corridor")
    assert route is not corridor
    assert route.related == ["Middle Corridor"]
    assert corridor.related == ["Trans-Caspian International Transport Route"]


def test_gold_lists_parse_as_written():
    """An unquoted comma inside a YAML flow mapping splits an entry: no such entry may hide."""
    known = {"preferred", "variants", "kind", "note", "holders", "jurisdiction"}
    for path in sorted(DATA.glob("gold_*.yaml")):
        for concept in load(path.name)["concepts"]:
            assert set(concept) <= known, (path.name, concept)
            assert all(value is not None for value in concept.values()), (path.name, concept)
