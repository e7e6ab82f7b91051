"""The reference data under src/termbank/data/reference/ loads and keeps its promises.

Every file must load through termbank.records.concept_from_dict; every equivalent carries a
source; an approved Kazakh or Russian equivalent is backed by a publication (a reference with
a URL); nothing unattested is passed off as approved; Kazakh is written in Kazakh Cyrillic.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from termbank.model import AdminStatus, Review, SourceKind, slug
from termbank.records import concept_from_dict

REF_DIR = Path(__file__).resolve().parents[2] / "src" / "termbank" / "data" / "reference"
CONCEPT_FILES = sorted(p for p in REF_DIR.glob("*.yaml") if p.name != "attested_titles.yaml")
TITLES_FILE = REF_DIR / "attested_titles.yaml"

LATIN = re.compile(r"[A-Za-z]")
KAZAKH_ONLY_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
URL = re.compile(r"^https?://\S+$")


def _load(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, f"{path.name}: expected a non-empty YAML list"
    return [concept_from_dict(d) for d in data]


@pytest.fixture(scope="module")
def concepts():
    out = []
    for path in CONCEPT_FILES:
        out.extend((path.name, c) for c in _load(path))
    return out


def _is_url_reference(source) -> bool:
    return source.kind is SourceKind.REFERENCE and bool(URL.match(source.ref))


def test_the_expected_files_exist():
    names = {p.name for p in CONCEPT_FILES}
    assert {"bodies.yaml"} <= names
    assert len(CONCEPT_FILES) >= 1


@pytest.mark.parametrize("path", CONCEPT_FILES, ids=lambda p: p.name)
def test_file_loads_through_concept_from_dict(path):
    loaded = _load(path)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(loaded) == len(raw)


def terms_of(concept, lang: str) -> list:
    """The concept's terms in *lang*; none where no attested form exists (said in its note)."""
    section = concept.section(lang)
    return section.terms if section is not None else []


def test_ids_are_unique(concepts):
    ids = [c.id for _, c in concepts]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate concept ids: {dupes}"


def test_ids_are_slugs_of_the_english_preferred_term(concepts):
    for name, c in concepts:
        text = c.preferred("en").text
        # extraction cuts a long id at a whole word within 110 characters, as here
        assert c.id in (slug(text), slug(text, words_up_to=110)), f"{name}: {c.id} vs {text!r}"


def test_every_concept_has_en_kk_ru_and_one_preferred_term_each(concepts):
    for name, c in concepts:
        for lang in ("en", "kk", "ru"):
            section = c.section(lang)
            if lang == "kk" and section is None and "no kazakh form" in (c.note or "").lower():
                continue  # said so, with the search that found none
            assert section is not None and section.terms, f"{name}: {c.id} has no {lang} terms"
            preferred = [t for t in section.terms if t.status is AdminStatus.PREFERRED]
            assert len(preferred) == 1, f"{name}: {c.id}/{lang} needs exactly one preferred term"


def test_no_kk_latn_section(concepts):
    for name, c in concepts:
        assert set(c.langs) <= {"en", "kk", "ru"}, f"{name}: {c.id} has sections {c.langs}"
        assert c.section("kk-Latn") is None


def test_every_kk_and_ru_term_has_a_source(concepts):
    for name, c in concepts:
        for lang in ("kk", "ru"):
            for term in terms_of(c, lang):
                assert term.sources, f"{name}: {c.id}/{lang} {term.text!r} has no source"


def test_approved_kk_ru_terms_are_backed_by_a_publication_url(concepts):
    for name, c in concepts:
        for lang in ("kk", "ru"):
            for term in terms_of(c, lang):
                if term.review is Review.APPROVED:
                    assert any(_is_url_reference(s) for s in term.sources), (
                        f"{name}: {c.id}/{lang} {term.text!r} is approved without a URL reference")
                    assert all(s.detail for s in term.sources if _is_url_reference(s)), (
                        f"{name}: {c.id}/{lang} {term.text!r}: a reference lacks its quotation")
                    assert term.confidence is not None and term.confidence >= 0.8


def test_approved_english_terms_come_from_a_seed_or_a_publication(concepts):
    for name, c in concepts:
        for term in c.section("en").terms:
            if term.review is Review.APPROVED:
                assert any(_is_url_reference(s) or s.kind is SourceKind.DOCUMENT
                           for s in term.sources), f"{name}: {c.id}/en {term.text!r}"


def test_unattested_terms_are_proposed_rules_with_low_confidence(concepts):
    for name, c in concepts:
        for section in c.sections:
            for term in section.terms:
                by_rule = any(s.kind is SourceKind.RULE for s in term.sources)
                has_url = any(_is_url_reference(s) for s in term.sources)
                if by_rule and not has_url:
                    assert term.review is Review.PROPOSED, f"{c.id}/{section.lang} {term.text!r}"
                if term.review is Review.PROPOSED:
                    assert term.confidence is not None and term.confidence <= 0.6, term.text
                    assert by_rule and term.note, f"{c.id}/{section.lang} {term.text!r}"
                    assert any(s.ref == "translator-judgement" for s in term.sources)


def test_no_candidate_terms(concepts):
    for name, c in concepts:
        for section in c.sections:
            for term in section.terms:
                assert term.review is not Review.CANDIDATE, f"{c.id}/{section.lang} {term.text!r}"


def test_kazakh_terms_are_cyrillic_without_latin_letters(concepts):
    """Except the names of outlets, which Kazakh texts keep as they are (the English name)."""
    for name, c in concepts:
        english = {t.text for t in c.section("en").terms}
        for term in terms_of(c, "kk"):
            if c.kind == "organisation" and term.text in english:
                continue
            assert not LATIN.search(term.text), f"{name}: {c.id} kk {term.text!r} has Latin letters"
            assert re.search(r"[\u0400-\u04FF]", term.text), f"{c.id} kk {term.text!r}"


def test_kazakh_data_uses_kazakh_letters_somewhere(concepts):
    # A file of Kazakh written with Russian letters only would pass the test above; this
    # guards against wholesale loss of ә ғ қ ң ө ұ ү һ і.
    kk_text = "".join(t.text for _, c in concepts for t in terms_of(c, "kk"))
    assert KAZAKH_ONLY_LETTERS & set(kk_text)


def test_russian_terms_have_no_kazakh_only_letters(concepts):
    for name, c in concepts:
        for term in terms_of(c, "ru"):
            assert not (KAZAKH_ONLY_LETTERS & set(term.text)), f"{c.id} ru {term.text!r}"


def test_russian_nouns_carry_a_gender(concepts):
    for name, c in concepts:
        for term in terms_of(c, "ru"):
            if term.pos is not None and term.pos.value in ("noun", "properNoun"):
                assert term.gender is not None, f"{name}: {c.id} ru {term.text!r} lacks gender"


def test_no_machine_paths_in_the_data():
    for path in [*CONCEPT_FILES, TITLES_FILE, REF_DIR / "README.md"]:
        if path.exists():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"/(work|tmp|home|root)/", text), path


# -- attested titles -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def titles():
    if not TITLES_FILE.exists():
        pytest.skip("attested_titles.yaml not written yet")
    data = yaml.safe_load(TITLES_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_attested_titles_have_the_agreed_shape(titles):
    assert len(titles) >= 15
    for entry in titles:
        assert set(entry) == {"en", "ru", "kk", "sources"}, entry
        for key in ("en", "ru", "kk"):
            assert isinstance(entry[key], str) and entry[key] == entry[key].strip() and entry[key]
        assert not LATIN.search(entry["kk"]) and not LATIN.search(entry["ru"]), entry
        assert not (KAZAKH_ONLY_LETTERS & set(entry["ru"])), entry


def test_attested_titles_cite_both_a_russian_and_a_kazakh_publication(titles):
    for entry in titles:
        sources = entry["sources"]
        assert all(s["kind"] == "reference" and URL.match(s["ref"]) and s.get("detail")
                   for s in sources), entry["en"]
        # Each source says which side it attests, in its detail: "ru: ..." or "kk: ...".
        sides = {s["detail"].split(":", 1)[0] for s in sources}
        assert {"ru", "kk"} <= sides, entry["en"]


def test_attested_titles_are_unique(titles):
    keys = [t["en"] for t in titles]
    assert len(keys) == len(set(keys))
