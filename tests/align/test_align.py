"""The align stage on hand-written glossary files and the shipped reference data."""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termbank.align import align, align_glossary, load_reference, parse_reference
from termbank.cli import cli
from termbank.errors import FormatError
from termbank.glossary import Glossary
from termbank.model import Review, SourceKind

DATA = Path(__file__).resolve().parents[1] / "data" / "align"
REFERENCE = Path(__file__).resolve().parents[2] / "src" / "termbank" / "data" / "reference"


def concepts():
    return Glossary(DATA / "glossary").load()


def by_id(items):
    return {c.id: c for c in items}


def test_title_is_composed_and_person_transliterated_when_reference_lacks_them():
    result = align(concepts(), reference=[])
    got = by_id(result.concepts)
    title = got["c-deputy-minister-of-foreign-affairs-of-the-republic-of-kazakhstan"]
    ru = title.preferred("ru")
    assert ru.text == "заместитель министра иностранных дел Республики Казахстан"
    assert ru.review is Review.PROPOSED and ru.sources[0].ref == "title-composer"
    assert title.preferred("kk").text == "Қазақстан Республикасы Сыртқы істер министрінің орынбасары"
    person = got["c-josep-borrell"]
    assert person.preferred("ru").text == "Жозеп Боррель"
    assert person.preferred("ru").review is Review.CANDIDATE
    assert person.preferred("ru").sources[0].kind is SourceKind.RULE
    assert result.stats["ru"] == {"attested": 0, "cldr": 0, "official list": 0, "acronym": 0,
                                  "composed": 1, "transliterated": 1, "converted": 0,
                                  "missing": 1}


def test_kk_latin_twin_is_never_approved():
    ref = parse_reference((DATA / "reference_majilis.yaml").read_text(encoding="utf-8"),
                          source="reference_majilis.yaml")
    result = align(concepts(), reference=ref)
    majilis = by_id(result.concepts)["c-majilis"]
    assert majilis.preferred("kk").review is Review.APPROVED
    latin = majilis.preferred("kk-Latn")
    assert latin.text == "Mäjılıs" and latin.review is Review.PROPOSED
    assert latin.sources[0].ref == "kk-latin-2021"
    latin_2018 = by_id(align(concepts(), reference=ref, alphabet="2018").concepts)["c-majilis"]
    assert latin_2018.preferred("kk-Latn").text == "Májilis"
    assert result.stats["kk"]["attested"] == 1


def test_bad_reference_file_is_reported_with_its_name():
    with pytest.raises(FormatError, match="bad.yaml"):
        parse_reference("- id: 'not an id'\n", source="bad.yaml")
    with pytest.raises(FormatError, match="bad.yaml:3"):
        parse_reference("- id: c-x\n  languages: [\n", source="bad.yaml")


def test_cli_align_fills_the_glossary_and_keeps_approved_entries(tmp_path):
    root = tmp_path / "glossary"
    shutil.copytree(DATA / "glossary", root)
    result = CliRunner().invoke(cli, ["align", "--glossary", str(root)])
    assert result.exit_code == 0, result.output
    assert "composed" in result.output
    saved = by_id(Glossary(root).load())
    assert saved["c-josep-borrell"].preferred("kk-Latn") is not None
    # a reviewer approves a different Russian title; aligning again must keep it
    from dataclasses import replace
    from termbank.model import AdminStatus, LangSection, Term
    title_id = "c-deputy-minister-of-foreign-affairs-of-the-republic-of-kazakhstan"
    approved = Term("Заместитель министра иностранных дел Республики Казахстан",
                    status=AdminStatus.PREFERRED, review=Review.APPROVED)
    concept = saved[title_id].with_section(LangSection("ru", (approved,)))
    Glossary(root).save([concept, *[c for k, c in saved.items() if k != title_id]])
    report = align_glossary(root, reference=[])
    again = by_id(Glossary(root).load())[title_id]
    assert again.preferred("ru") == approved
    assert report.stats["ru"]["attested"] >= 1


MUST_HAVE = ["EPCA", "Middle Corridor", "Trans-Caspian International Transport Route", "Majilis",
             "maslikhat"]


@pytest.mark.skipif(not (REFERENCE / "routes.yaml").is_file()
                    or not (REFERENCE / "agreements.yaml").is_file(),
                    reason="reference data (routes.yaml, agreements.yaml) not written yet")
def test_must_have_concepts_get_kk_and_ru_from_the_reference():
    from termbank.model import Concept, LangSection, Term
    incoming = [Concept(f"c-t{i}", (LangSection("en", (Term(name),)),))
                for i, name in enumerate(MUST_HAVE)]
    result = align(incoming, reference=load_reference())
    for concept in result.concepts:
        assert concept.preferred("kk") is not None, concept.preferred("en").text
        assert concept.preferred("ru") is not None, concept.preferred("en").text
        assert concept.preferred("kk-Latn") is not None
