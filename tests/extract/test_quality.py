"""Precision and recall of extraction against hand-written gold lists.

A concept counts as found when an extracted preferred term or variant equals the gold
preferred term or one of its variants (case-insensitive). Precision counts extracted
candidates that match some gold concept; pairs are (acronym, expansion) compared the same
way. Floors are set a little under the measured values, so that a real regression fails:

- seeds: concepts P 0.986 R 1.0, pairs P 1.0 R 1.0;
- unseen (paragraphs written for these tests; some general rules were corrected while
  reading their output): concepts P 0.984 R 1.0, pairs 1.0 / 1.0;
- heldout2 (written for the faults below, before fixing them): two-word names with no
  head taken for people, a title word coordinated with a longer title, single names off
  the lists; first measurement concepts P 0.833 R 0.909, kinds right 12 of 20; after the
  general fixes (evidence for persons, lower-case heads and neighbours for kinds,
  compound titles, short datelines in capitals) P 1.0 R 1.0, kinds right 21 of 22. The
  same fixes took seeds to P 1.0 R 1.0 (the bare "Director" is gone) and kinds right on
  seeds 69/73 → 72/74, unseen 58/61 → 59/61, heldout 25/31 → 28/31.
- heldout (written after the rules were settled): first measurement concepts P 0.72
  R 0.84, pairs 0.5 / 0.5 (one pair missing from the gold list); after general fixes
  (dateline "The", possessive ending a name, "and" inside a body's complement, "on" after
  bodies, CamelCase initials) P 0.969 R 1.0, pairs 1.0 / 1.0. Its floor is lower, to allow
  for the text no longer being unseen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termbank.extract import extract, read_documents
from tests.extract.gold import evaluate, key, load as _load, summary

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"
SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

FLOORS = {
    #            concept P, concept R, pair P, pair R
    # seeds: the gold list now also holds the four hats of the two two-hat titles (issue
    # 10), split off by extract.split_parts: names P 1.0 R 1.0 (78 of 78)
    "seeds": (0.95, 0.97, 0.95, 0.95),
    "unseen": (0.95, 0.95, 0.95, 0.95),
    "heldout": (0.90, 0.90, 0.90, 0.90),
    # no acronym pairs in heldout2, so its pair figures are 0 by construction
    "heldout2": (0.90, 0.95, 0.0, 0.0),
}


_key = key


def names_only(candidates):
    """The name track's candidates: the older gold lists were written for names only."""
    return [c for c in candidates if c.kind != "term"]


@pytest.fixture(scope="module")
def seeds():
    assert len(SEEDS) == 5
    return extract(read_documents(SEEDS))


@pytest.fixture(scope="module")
def unseen():
    return extract(read_documents([DATA / "unseen"]))


@pytest.fixture(scope="module")
def heldout():
    return extract(read_documents([DATA / "heldout"]))


@pytest.fixture(scope="module")
def heldout2():
    return extract(read_documents([DATA / "heldout2"]))


@pytest.mark.parametrize("corpus", ["seeds", "unseen", "heldout", "heldout2"])
def test_precision_and_recall_reach_the_floors(corpus, seeds, unseen, heldout, heldout2):
    candidates = {"seeds": seeds, "unseen": unseen, "heldout": heldout,
                  "heldout2": heldout2}[corpus]
    gold = _load(f"gold_{corpus}.yaml")
    if corpus == "seeds":  # names only here; names and terms together in test_terms_quality
        gold = {**gold, "concepts": [g for g in gold["concepts"] if g.get("kind") != "term"],
                "acceptable": [g["preferred"] for g in gold["concepts"]
                               if g.get("kind") == "term"] + gold.get("acceptable", [])}
    scores = evaluate(names_only(candidates), gold)
    print(f"\n{corpus}: concepts P={scores['concept_precision']:.3f} "
          f"R={scores['concept_recall']:.3f}; pairs P={scores['pair_precision']:.3f} "
          f"R={scores['pair_recall']:.3f}\n  missed: {scores['missed']}\n"
          f"  extra: {scores['extra']}\n  split or merged: {scores['duplicates']}\n"
          f"  wrong pairs: {scores['wrong_pairs']}")
    p, r, pp, pr = FLOORS[corpus]
    assert scores["concept_precision"] >= p
    assert scores["concept_recall"] >= r
    assert scores["pair_precision"] >= pp
    assert scores["pair_recall"] >= pr


def _only(candidates, name):
    hits = [c for c in candidates if _key(name) in {_key(c.preferred), *map(_key, c.variants)}]
    assert len(hits) == 1, f"{name}: {[h.preferred for h in hits]}"
    return hits[0]


def test_epca_is_one_concept_with_its_expansion_and_variants(seeds):
    epca = _only(seeds, "EPCA")
    assert epca.preferred == "Enhanced Partnership and Cooperation Agreement"
    assert epca.kind == "agreement/document"
    assert {"acronym": "EPCA", "expansion": epca.preferred, "rule": "initials"} in epca.pairs
    assert "EU-Kazakhstan Enhanced Partnership and Cooperation Agreement" in epca.variants
    assert "enhanced partnership cooperation agreement" in epca.variants
    assert epca.document_count == 5
    # the 1995 agreement is another concept, not a variant with a missing word
    assert _only(seeds, "Partnership and Cooperation Agreement") is not epca


def test_eeas_keeps_european(seeds):
    eeas = _only(seeds, "EEAS")
    assert eeas.preferred == "European External Action Service"
    assert all(p["expansion"] == "European External Action Service" for p in eeas.pairs)


def test_middle_corridor_inside_the_platform_name(seeds):
    corridor = _only(seeds, "Middle Corridor")
    platform = _only(seeds, "Coordination Platform for the Middle Corridor")
    assert corridor is not platform
    assert corridor.kind == "route/programme/event"
    assert platform.kind == "institution/body"


def test_majilis_and_mazhilis_are_one_concept(seeds, unseen):
    for candidates in (seeds, unseen):
        majilis = _only(candidates, "Majilis")
        assert majilis is _only(candidates, "Mazhilis")
        assert majilis.kind == "institution/body"


def test_maslikhats_reduce_to_maslikhat(seeds):
    maslikhat = _only(seeds, "Maslikhat")
    assert maslikhat.preferred == "Maslikhat"
    assert maslikhat.forms == {"Maslikhats": 1}


def test_possessive_reduced_and_foreign_ministry_grouped_with_mfa(seeds):
    ministry = _only(seeds, "Foreign Ministry")
    assert ministry is _only(seeds, "MFA")
    assert "Kazakh Foreign Ministry" in ministry.variants
    assert not any("’" in v or "'s" in v for v in [ministry.preferred, *ministry.variants])


TITLES = [  # title, holder, jurisdiction
    ("Deputy Minister of Foreign Affairs", "Roman Vassilenko", "Kazakhstan"),
    ("President of the European Council", "Charles Michel", None),
    ("President of the European Commission", "Ursula von der Leyen", None),
    ("President of the European Commission", "Jean-Claude Juncker", None),
    ("President", "Kassym-Jomart Tokayev", None),
    ("President", "Nursultan Nazarbayev", "Kazakhstan"),
    ("EU Special Representative for Human Rights", "Eamon Gilmore", None),
    ("Co-rapporteur on Kazakhstan of the European Parliament", "Andrius Kubilius", None),
    ("Deputy Prime Minister – Foreign Minister", "Mukhtar Tileuberdi", "Kazakhstan"),
    ("High Representative for Foreign Affairs and Security Policy – Vice President of the "
     "European Commission", "Josep Borrell", None),
    ("Prime Minister", "Alikhan Smailov", "Kazakhstan"),
    ("Ambassador of the European Union", "Aleška Simkić", "Kazakhstan"),
]


@pytest.mark.parametrize("title, holder, jurisdiction", TITLES)
def test_official_titles_are_split_from_holders(seeds, title, holder, jurisdiction):
    found = _only(seeds, title)
    assert found.kind == "official title"
    assert holder not in found.preferred
    assert holder in found.holders
    if jurisdiction:
        assert jurisdiction in found.jurisdiction
        assert jurisdiction not in found.preferred
    person = _only(seeds, holder)
    assert person.kind == "person"


def test_both_orders_of_the_commission_president_are_one_title(seeds):
    title = _only(seeds, "European Commission President")
    assert title.preferred == "President of the European Commission"
    assert set(title.forms) == {"European Commission President",
                                "President of the European Commission"}


def test_short_title_joins_the_only_longer_one(seeds):
    assert _only(seeds, "Deputy Minister") is _only(seeds, "Deputy Minister of Foreign Affairs")


def test_acronyms_without_one_to_one_letters_are_kept(seeds, unseen):
    assert _only(seeds, "RFE/RL").preferred == "Radio Free Europe/Radio Liberty"
    assert _only(seeds, "MFA").kind == "institution/body"
    assert _only(seeds, "IAEA").preferred == "International Atomic Energy Agency"
    for acronym, expansion in [("EAEU", "Eurasian Economic Union"),
                               ("CICA", "Conference on Interaction and Confidence-Building "
                                        "Measures in Asia")]:
        found = _only(unseen, acronym)
        assert found.preferred == expansion
        assert found.pairs == [{"acronym": acronym, "expansion": expansion, "rule": "list"}]


def test_spelling_variants_of_names_group(unseen):
    assert _only(unseen, "Tileuberdi") is _only(unseen, "Mukhtar Tleuberdi")


def test_non_terms_are_not_proposed(seeds):
    names = {_key(n) for c in seeds for n in [c.preferred, *c.variants]}
    for junk in ["Mr", "Mr.", "Tell", "View", "February", "January-October", "Feb", "Nov",
                 "The", "During", "Moreover", "Kazakh", "European", "Kazakhstan-EU", "I",
                 "Concluding", "Speaking", "Trade"]:
        assert _key(junk) not in names, junk


def test_candidates_are_ordered_by_score(seeds):
    scores = [c.score for c in seeds]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    top = {c.preferred for c in seeds[:10]}
    assert "Enhanced Partnership and Cooperation Agreement" in top


def test_kinds_are_the_documented_strings(seeds, unseen, heldout):
    from termbank.extract import KINDS
    kinds = {c.kind for found in (seeds, unseen, heldout) for c in found}
    assert kinds <= set(KINDS)
    assert {"acronym", "institution/body", "agreement/document", "route/programme/event",
            "official title", "person", "place", "organisation", "term", "other"} == set(KINDS)


def test_two_word_names_are_people_only_with_evidence(heldout2, unseen):
    # no head word and no evidence: not a person; a lower-case head after it gives the kind
    assert _only(heldout2, "Green Bridge").kind == "other"
    assert _only(heldout2, "Nurly Zhol").kind == "route/programme/event"
    assert _only(heldout2, "Silk Wind").kind == "route/programme/event"
    assert _only(unseen, "Global Gateway").kind == "route/programme/event"
    # evidence: honorific, title before, given name, surname ending, verb of saying after
    for person in ["Aliya Seitkazy", "Kairat Umarov", "Timur Zhaksylykov", "Yerlan Karin",
                   "Dana Zhunus"]:
        assert _only(heldout2, person).kind == "person", person


def test_single_names_take_their_kind_from_the_words_around_them(heldout2, seeds):
    assert _only(heldout2, "Kashagan").kind == "place"  # "the Kashagan field"
    assert _only(heldout2, "Kazatomprom").kind == "organisation"  # "the company Kazatomprom"
    assert _only(heldout2, "Interfax").kind == "organisation"  # ", Interfax reports"
    assert _only(seeds, "Kazinform").kind == "organisation"


def test_a_title_word_coordinated_with_a_longer_title_is_one_compound_title(seeds, heldout2):
    names = {_key(n) for c in seeds for n in [c.preferred, *c.variants]}
    assert "director" not in names
    assert _only(seeds, "Director and Deputy Managing Director").kind == "official title"
    compound = _only(heldout2, "Chairman and Chief Executive Officer of Samruk-Kazyna")
    assert compound.kind == "official title"
    assert compound.holders == ["Nurlan Zhakupov"]
    assert not any(_key(c.preferred) == "chairman" for c in heldout2)


def test_single_names_off_the_lists_are_places_by_their_neighbours(heldout, heldout2):
    assert _only(heldout, "Novorossiysk").kind == "place"  # "the port of Novorossiysk"
    assert _only(heldout, "Mangystau").kind == "place"  # "Mangystau and Atyrau regions"
    assert _only(heldout, "Tengiz").kind == "place"  # "the Tengiz field"
    assert _only(heldout2, "Khorgos").kind == "place"  # "between Khorgos and Aktau"


def test_a_capitalised_word_inside_a_sentence_is_not_ranked_as_a_stray_word(heldout):
    from termbank.extract.score import raw_score
    chevron = _only(heldout, "Chevron")  # "together with Chevron": no evidence of its kind
    assert chevron.kind == "other"
    stray = raw_score(chevron.frequency, 1, "other", 1, False, False, proper=False)
    assert raw_score(chevron.frequency, 1, "other", 1, False, False, proper=True) > stray
    from termbank.extract.score import squash
    assert chevron.score > squash(stray)


def test_a_short_dateline_in_capitals_is_the_place(heldout2):
    aktau = _only(heldout2, "Aktau")
    assert aktau.kind == "place"
    assert aktau.preferred == "Aktau"
    assert aktau.forms == {"AKTAU": 1, "Aktau": 1}  # one concept, forms as written
