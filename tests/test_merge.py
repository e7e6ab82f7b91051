"""merge(): curated work is never lost; disagreements are reported."""

from __future__ import annotations

from dataclasses import replace

from termbank.merge import merge
from termbank.model import (AdminStatus, Alternative, Concept, LangSection, Review, Source,
                            SourceKind, Term, TermType)

DOC = Source(SourceKind.DOCUMENT, "seeds/001.txt", "10-20")
REF = Source(SourceKind.REFERENCE, "https://www.akorda.kz/ru", "«Мажилис Парламента»")


def concept(cid: str, **langs: tuple[Term, ...]) -> Concept:
    return Concept(cid, tuple(LangSection(lang.replace("_", "-"), terms) for lang, terms in langs.items()))


def pref(text: str, review=Review.CANDIDATE, **kw) -> Term:
    return Term(text, status=AdminStatus.PREFERRED, review=review, **kw)


def test_new_concepts_are_added_and_known_ones_merged_by_id():
    old = concept("c-mazhilis", en=(pref("Mazhilis"),))
    new = [concept("c-mazhilis", ru=(pref("Мажилис", Review.APPROVED, sources=(REF,)),)),
           concept("c-senate", en=(pref("Senate"),))]
    result = merge([old], new)
    assert result.added == ["c-senate"] and result.updated == ["c-mazhilis"]
    merged = result.concepts[0]
    assert merged.langs == ("en", "ru")
    assert merged.preferred("ru").sources == (REF,)
    assert result.conflicts == []


def test_same_preferred_term_in_the_same_language_merges_across_ids():
    old = concept("c-mazhilis", en=(pref("Mazhilis"),))
    result = merge([old], [concept("c-lower-house", en=(pref("MAZHILIS", sources=(DOC,)),),
                                   kk=(pref("Мәжіліс"),))])
    assert [c.id for c in result.concepts] == ["c-mazhilis"]
    assert result.concepts[0].preferred("kk").text == "Мәжіліс"


def test_approved_term_is_never_replaced_by_a_less_reviewed_one():
    old = concept("c-x", ru=(pref("Мажилис", Review.APPROVED),))
    result = merge([old], [concept("c-x", ru=(pref("Меджлис", Review.PROPOSED),))])
    ru = result.concepts[0].section("ru").terms
    assert [(t.text, t.status) for t in ru] == [("Мажилис", AdminStatus.PREFERRED),
                                              ("Меджлис", AdminStatus.ADMITTED)]
    assert [str(c) for c in result.conflicts] == [
        "c-x [ru]: preferred term (the other one is kept as admitted): kept 'Мажилис', ignored 'Меджлис'"]


def test_field_disagreement_is_reported_and_the_curated_value_kept():
    old = concept("c-x", en=(Term("EPCA", type=TermType.ACRONYM, review=Review.APPROVED),))
    result = merge([old], [concept("c-x", en=(Term("EPCA", type=TermType.ABBREVIATION),))])
    assert result.concepts[0].section("en").terms[0].type is TermType.ACRONYM
    assert [str(c) for c in result.conflicts] == ["c-x [en]: 'EPCA' type: kept 'acronym', ignored 'abbreviation'"]


def test_a_better_reviewed_value_wins_and_is_reported():
    old = concept("c-x", en=(Term("EPCA", type=TermType.ABBREVIATION),))
    result = merge([old], [concept("c-x", en=(Term("EPCA", type=TermType.ACRONYM, review=Review.APPROVED),))])
    term = result.concepts[0].section("en").terms[0]
    assert term.type is TermType.ACRONYM and term.review is Review.APPROVED
    assert [str(c) for c in result.conflicts] == ["c-x [en]: 'EPCA' type: replaced 'abbreviation', was 'acronym'"]


def test_sources_and_contexts_are_united_and_defaults_never_override():
    old = concept("c-x", en=(pref("Senate", sources=(DOC,), confidence=0.5),))
    again = concept("c-x", en=(Term("Senate", sources=(DOC, REF), confidence=0.8),))
    result = merge([old], [again])
    term = result.concepts[0].section("en").terms[0]
    assert term.sources == (DOC, REF) and term.confidence == 0.8
    assert term.status is AdminStatus.PREFERRED  # the incoming default "admitted" did not win
    assert result.conflicts == []


def test_merging_the_same_data_twice_changes_nothing():
    data = [concept("c-x", en=(pref("Senate", sources=(DOC,)),), kk=(pref("Сенат"),))]
    once = merge([], data).concepts
    twice = merge(once, data)
    assert twice.concepts == once and twice.updated == [] and twice.added == []


def test_concepts_of_one_input_with_different_ids_never_join_each_other():
    planet = replace(concept("c-mercury-planet", en=(pref("Mercury"),)), subject_field="astronomy")
    element = replace(concept("c-mercury-element", en=(pref("Mercury"),), ru=(pref("ртуть"),)),
                      subject_field="chemistry")
    result = merge([], [planet, element])
    assert result.added == ["c-mercury-element", "c-mercury-planet"]
    assert result.concepts[0].preferred("ru").text == "ртуть"
    assert result.duplicates == []


def test_a_term_match_with_another_subject_field_adds_the_concept_and_reports_it():
    old = replace(concept("c-mercury-planet", en=(pref("Mercury"),)), subject_field="astronomy")
    new = replace(concept("c-hg", en=(pref("mercury"),), ru=(pref("ртуть"),)),
                  subject_field="chemistry")
    result = merge([old], [new])
    assert result.added == ["c-hg"] and result.updated == []
    assert [str(d) for d in result.duplicates] == [
        "c-hg: added as a concept of its own, possibly the same as c-mercury-planet "
        "(subject field 'chemistry', not 'astronomy')"]


def test_two_incoming_concepts_never_both_join_one_by_term():
    old = concept("c-mazhilis", en=(pref("Mazhilis"),))
    result = merge([old], [concept("c-x", en=(pref("Mazhilis"),), kk=(pref("Мәжіліс"),)),
                           concept("c-y", en=(pref("Mazhilis"),), ru=(pref("Мажилис"),))])
    assert result.updated == ["c-mazhilis"] and result.added == ["c-y"]
    assert result.duplicates[0].reason == "c-x of the same input already joined it"


def test_every_value_not_taken_is_kept_as_an_alternative_with_its_source():
    old = replace(concept("c-epca", en=(pref("EPCA", Review.APPROVED, note="curated note"),),
                          ru=(pref("СРПС"),)), definition="The agreement of 2015.")
    new = replace(concept("c-epca", en=(Term("EPCA", status=AdminStatus.DEPRECATED,
                                             note="imported note"),),
                          ru=(pref("РСПС", Review.APPROVED),)),
                  definition="An agreement.")
    result = merge([old], [new], source="import terms.tbx")
    merged = result.concepts[0]
    assert merged.definition == "The agreement of 2015."
    assert merged.preferred("ru").text == "РСПС"  # better reviewed: it takes the place
    assert set(merged.alternatives) == {
        Alternative("definition", "An agreement.", source="import terms.tbx"),
        Alternative("status", "deprecated", lang="en", term="EPCA", source="import terms.tbx"),
        Alternative("note", "imported note", lang="en", term="EPCA", source="import terms.tbx"),
        Alternative("status", "preferred", lang="ru", term="СРПС", source="import terms.tbx"),
    }
    assert len(result.conflicts) == 4
    again = merge(result.concepts, [new], source="import terms.tbx")
    assert again.concepts == result.concepts  # a repeated merge keeps nothing twice
