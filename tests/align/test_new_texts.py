"""The align fallback chain on two new texts (EU–Central Asia connectivity and energy; an
EU–Kazakhstan Cooperation Council meeting), against forms found in publications beforehand."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from termbank import align, extract
from termbank.cli import cli
from termbank.glossary import Glossary
from termbank.model import AdminStatus, Concept, LangSection, Review, SourceKind, Term, slug

TEXTS = Path(__file__).resolve().parents[1] / "data" / "align" / "texts"
#: Share of scored preferred terms equal to a published form, per origin, on the two texts:
#: official list 11/11, cldr 5/5, attested 4/4, acronym 3/3, transliterated 1/1, composed 0/2;
#: 24/26 (0.92), 5 scored concept-languages missing, each with its reason. The first run, before
#: Kaja Kallas, Jozef Síkela and Kyrgyzstan («Кыргызстан», not CLDR's «Киргизия») entered the
#: reference data, gave 20/25: cldr 4/5, transliterated 1/3 («Каджа Каллас»), 6 missing.
FLOOR = 0.85


@lru_cache(maxsize=1)
def _reference():
    return tuple(align.load_reference())


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").replace("«", "").replace("»", "")
                    .replace('"', "").replace("-", " ").split())


@lru_cache(maxsize=1)
def _aligned() -> tuple[Concept, ...]:
    documents = extract.read_documents(sorted(TEXTS.glob("*.txt")))
    return tuple(align.align(extract.to_concepts(extract.extract(documents)),
                             reference=_reference()).concepts)


@lru_cache(maxsize=1)
def _expected() -> dict:
    return yaml.safe_load((TEXTS / "expected.yaml").read_text(encoding="utf-8"))


def _ids_by_english() -> dict[str, str]:
    ids = {}
    for concept in _aligned():
        for term in concept.section("en").terms:
            ids.setdefault(_norm(term.text.replace("–", "-")), concept.id)
    return ids


def _scores() -> dict[str, Counter]:
    """Per origin: how many scored preferred terms there are, and how many equal a published
    form; "missing" counts the scored concept-languages left without a term (with a reason)."""
    rows = {(r["concept"], r["lang"]): r for r in align.report(_aligned())}
    ids = _ids_by_english()
    scores: dict[str, Counter] = {}
    for english, langs in _expected().items():
        cid = ids.get(_norm(english.replace("–", "-")))
        for lang, want in langs.items():
            row = rows.get((cid, lang))
            if want is None or row is None:
                continue
            tally = scores.setdefault(row["origin"], Counter())
            tally["scored"] += 1
            tally["equal"] += _norm(row["term"]) in {_norm(f) for f in want["forms"]}
    return scores


def test_texts_are_long_enough():
    for path in TEXTS.glob("*.txt"):
        assert len(path.read_text(encoding="utf-8").split()) >= 400, path.name


def test_every_expected_form_cites_a_page():
    for english, langs in _expected().items():
        for lang, want in langs.items():
            if want is not None:
                assert want["forms"] and want["source"].startswith("http"), (english, lang)


def test_every_concept_has_kk_and_ru_or_a_reason():
    rows = align.report(_aligned())
    assert len(rows) >= 80
    for row in rows:
        assert row["term"] or row["reason"], row
        assert bool(row["term"]) != (row["origin"] == "missing"), row


def test_the_new_concepts_get_equivalents_from_the_chain():
    got = {c.id: c for c in _aligned()}
    aktau = got["c-aktau"].preferred("ru")
    assert (aktau.text, aktau.review) == ("Актау", Review.PROPOSED)
    assert got["c-east-kazakhstan-region"].preferred("kk").text == "Шығыс Қазақстан облысы"
    assert got["c-tashkent"].preferred("ru").sources[0].ref.startswith("CLDR ")
    ebrd = got["c-european-bank-for-reconstruction-and-development"]
    assert [t.text for t in ebrd.section("ru").terms][:2] == [
        "Европейский банк реконструкции и развития", "ЕБРР"]
    assert ebrd.preferred("kk").text == "ЕҚДБ"
    readmission = got["c-readmission-agreement"]
    assert readmission.preferred("ru").text == "Соглашение о реадмиссии"
    assert readmission.preferred("kk").text == "Реадмиссия туралы келісім"
    assert readmission.preferred("ru").sources[0].ref == "body-composer"
    # no step but the reference data approves anything
    for concept in _aligned():
        for lang in ("kk", "ru"):
            term = concept.preferred(lang)
            if term is not None and term.review is Review.APPROVED:
                assert any(s.kind is SourceKind.REFERENCE and s.ref.startswith("http")
                           for s in term.sources), (concept.id, term.text)


def test_descriptive_place_names_are_not_transliterated():
    rows = {(r["concept"], r["lang"]): r for r in align.report(_aligned())}
    row = rows["c-caspian-sea", "ru"]
    assert row["origin"] == "missing"
    assert "translated, not transliterated" in row["reason"]


def test_share_equal_to_published_forms_by_origin(capsys):
    scores = _scores()
    with capsys.disabled():
        for origin, tally in sorted(scores.items()):
            print(f"\n{origin}: {tally['equal']}/{tally['scored']} equal to the published form", end="")
        print()
    made = {o: t for o, t in scores.items() if o != "missing"}
    equal = sum(t["equal"] for t in made.values())
    scored = sum(t["scored"] for t in made.values())
    assert scored >= 25
    assert equal / scored >= FLOOR
    assert scores["official list"]["equal"] == scores["official list"]["scored"]


DOMAIN = ["critical raw materials", "sustainable raw materials", "green transition",
          "renewable hydrogen", "value chain", "trade turnover", "political dialogue",
          "people-to-people ties", "non-proliferation", "digitalization",
          "early parliamentary elections", "joint statement", "press service",
          "Eurasian continent"]


@pytest.mark.parametrize("english", DOMAIN)
def test_domain_terms_get_kk_and_ru_by_english_term(english):
    concept = Concept(slug(english), (LangSection("en", (Term(english,
                      status=AdminStatus.PREFERRED),)),), kind="term")
    [got] = align.align([concept], reference=_reference()).concepts
    for lang in ("kk", "ru"):
        term = got.preferred(lang)
        assert term is not None, (english, lang)
        if term.review is Review.APPROVED:
            assert any(s.ref.startswith("http") and s.detail for s in term.sources)
        else:
            assert term.review is Review.PROPOSED and term.note


def test_domain_terms_attested_in_both_languages():
    attested = {lang: 0 for lang in ("kk", "ru")}
    concepts = [Concept(slug(english), (LangSection("en", (Term(
        english, status=AdminStatus.PREFERRED),)),), kind="term") for english in DOMAIN]
    for got in align.align(concepts, reference=_reference()).concepts:
        for lang in attested:
            attested[lang] += got.preferred(lang).review is Review.APPROVED
    assert attested == {"kk": 9, "ru": 12}


def test_cli_align_report_text_and_json(tmp_path):
    root = tmp_path / "glossary"
    Glossary(root).save([Concept("c-kuryk", (LangSection("en", (Term(
        "Kuryk", status=AdminStatus.PREFERRED),)),), kind="place"),
        Concept("c-global-gateway", (LangSection("en", (Term(
            "Global Gateway", status=AdminStatus.PREFERRED),)),), kind="route/programme/event")])
    runner = CliRunner()
    result = runner.invoke(cli, ["align", "--glossary", str(root), "--report"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "c-kuryk\tkk\tofficial list\tҚұрық" in lines
    assert "c-kuryk\tru\tofficial list\tКурык" in lines
    assert any(line.startswith("c-global-gateway\tru\tmissing\t(route/programme/event "
                               "'Global Gateway': not in the reference data") for line in lines)
    result = runner.invoke(cli, ["align", "--glossary", str(root), "--report", "--json"])
    assert result.exit_code == 0, result.output
    import json

    rows = json.loads(result.output)["results"]
    assert {r["origin"] for r in rows} == {"official list", "missing"}
    assert set(rows[0]) == set(align.REPORT_COLUMNS)
