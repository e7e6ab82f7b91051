"""From candidates to concepts: ids, statuses, term types, sources and contexts."""

from __future__ import annotations

from pathlib import Path

import pytest

from termbank.extract import extract, read_documents, to_concepts
from termbank.model import AdminStatus, Review, SourceKind, TermType
from termbank.records import concept_from_dict, concept_to_dict

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def concepts():
    return {c.id: c for c in to_concepts(extract(read_documents(SEEDS)))}


def test_ids_are_slugs_of_the_preferred_term_and_unique(concepts):
    assert "c-middle-corridor" in concepts
    assert "c-enhanced-partnership-and-cooperation-agreement" in concepts
    assert len(concepts) == len(set(concepts))


def test_acronym_led_concept_takes_the_expansion_slug():
    [document] = read_documents([Path(__file__).resolve().parents[1] / "data" / "extract"
                                 / "hostile" / "bom_crlf.txt"])
    candidates = extract([document])
    epca = next(c for c in candidates if "EPCA" in c.variants)
    epca.preferred, epca.variants = "EPCA", ["Enhanced Partnership and Cooperation Agreement"]
    [concept] = [c for c in to_concepts([epca])]
    assert concept.id == "c-enhanced-partnership-and-cooperation-agreement"


def test_terms_are_candidates_with_status_type_and_evidence(concepts):
    epca = concepts["c-enhanced-partnership-and-cooperation-agreement"]
    assert epca.kind == "agreement/document"
    section = epca.section("en")
    preferred = section.preferred
    assert preferred.text == "Enhanced Partnership and Cooperation Agreement"
    assert preferred.status is AdminStatus.PREFERRED
    assert all(t.review is Review.CANDIDATE for t in section.terms)
    assert all(0 < t.confidence <= 1 for t in section.terms)
    types = {t.text: t.type for t in section.terms}
    assert types["EPCA"] is TermType.ACRONYM
    assert types["enhanced partnership cooperation agreement"] is TermType.VARIANT
    assert all(t.status is AdminStatus.ADMITTED for t in section.terms[1:])
    source = preferred.sources[0]
    assert source.kind is SourceKind.DOCUMENT
    start, end = map(int, source.detail.split("-"))
    text = Path(source.ref).read_text(encoding="utf-8")
    assert text[start:end] == preferred.text
    assert 1 <= len(preferred.contexts) <= 2
    assert "Enhanced Partnership" in preferred.contexts[0].text


def test_short_form_and_listed_variants_keep_their_origin(concepts):
    title = concepts["c-deputy-minister-of-foreign-affairs"]
    types = {t.text: t.type for t in title.section("en").terms}
    assert types["Deputy Minister"] is TermType.SHORT_FORM
    assert "Roman Vassilenko" in title.note and "Kazakhstan" in title.note
    majilis = concepts["c-majilis"].section("en")
    mazhilis = next(t for t in majilis.terms if t.text == "Mazhilis")
    assert mazhilis.sources[0].kind is SourceKind.RULE
    assert "institutions.tsv" in mazhilis.sources[0].ref
    assert mazhilis.review is Review.CANDIDATE


def test_concepts_survive_the_record_round_trip(concepts):
    for concept in concepts.values():
        assert concept_from_dict(concept_to_dict(concept)) == concept
