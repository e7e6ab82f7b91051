"""Excel term bases: what we write reads back; workbooks laid out as Phrase, memoQ, Smartcat do."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from termbank.cli import cli
from termbank.errors import FormatError
from termbank.formats import xlsx
from termbank.glossary import Glossary
from termbank.model import AdminStatus, Review

DATA = Path(__file__).resolve().parents[1] / "data" / "xlsx"


def terms(concept, lang):
    return [(t.text, t.status.value) for t in concept.section(lang).terms]


def workbook(rows) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def test_written_workbook_has_one_column_per_language_and_reads_back(glossary_dir):
    concepts = Glossary(glossary_dir).load()
    out = io.BytesIO()
    assert xlsx.write(out, concepts) == 3
    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["ID", "Subject", "Definition", "Note", "en"]
    assert [h for h in header if h in ("en", "kk", "kk-Latn", "ru")] == ["en", "kk", "kk-Latn", "ru"]
    rows = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    mazhilis = rows["c-mazhilis"]
    assert (mazhilis["ru"], mazhilis["ru forbidden"], mazhilis["ru status"]) == (
        "Мажилис", "Меджлис", "candidate")
    assert mazhilis["en synonyms"] == "Majilis"

    back = {c.id: c for c in xlsx.read(io.BytesIO(out.getvalue()), source="t.xlsx")}
    assert sorted(back) == sorted(c.id for c in concepts)
    for concept in concepts:
        read = back[concept.id]
        assert read.definition == concept.definition
        for section in concept.sections:
            assert sorted(terms(read, section.lang)) == sorted(terms(concept, section.lang))
            assert read.preferred(section.lang).text == section.preferred.text
            assert read.preferred(section.lang).review is section.preferred.review


def test_superseded_terms_read_back_as_superseded():
    root = Path(__file__).resolve().parents[1] / "data" / "locales" / "glossary"
    concepts = Glossary(root).load()
    out = io.BytesIO()
    xlsx.write(out, concepts)
    back = {c.id: c for c in xlsx.read(io.BytesIO(out.getvalue()), source="t.xlsx")}
    assert terms(back["c-almaty"], "ru") == [("Алматы", "preferred"), ("Алма-Ата", "superseded")]
    assert terms(back["c-eu"], "kk")[-1] == ("Европа Одағы", "deprecated")


def test_same_glossary_same_bytes(glossary_dir):
    concepts = Glossary(glossary_dir).load()
    first, second = io.BytesIO(), io.BytesIO()
    xlsx.write(first, concepts)
    xlsx.write(second, concepts)
    assert first.getvalue() == second.getvalue()
    with zipfile.ZipFile(io.BytesIO(first.getvalue())) as book:  # no clock in the file
        core = book.read("docProps/core.xml")
        assert {i.date_time for i in book.infolist()} == {(2020, 1, 1, 0, 0, 0)}
    assert b">2020-01-01T00:00:00Z</dcterms:modified>" in core


def test_phrase_layout_rows_sharing_a_cid_are_one_concept_with_flags():
    with open(DATA / "phrase.xlsx", "rb") as f:
        concepts = list(xlsx.read(f, source="phrase.xlsx"))
    assert [c.id for c in concepts] == ["c-mazhilis", "c-epca"]
    mazhilis = concepts[0]
    assert mazhilis.definition == "Lower chamber of the Parliament of Kazakhstan."
    assert mazhilis.subject_field == "Politics"
    assert terms(mazhilis, "en") == [("Mazhilis", "preferred"), ("Majilis", "admitted")]
    assert terms(mazhilis, "ru") == [("Мажилис", "preferred"), ("Меджлис", "deprecated")]
    ru = mazhilis.section("ru").terms
    assert [t.review for t in ru] == [Review.APPROVED, Review.PROPOSED]  # Approved / New
    assert ru[1].note == "Names other bodies, not Kazakhstan's."
    assert ru[0].sources[0].ref == "phrase.xlsx" and ru[0].sources[0].detail == "row 2"


def test_memoq_layout_repeated_language_columns_are_synonyms():
    with open(DATA / "memoq.xlsx", "rb") as f:
        concepts = list(xlsx.read(f, source="memoq.xlsx"))
    assert [c.id for c in concepts] == ["c-mazhilis", "c-middle-corridor"]
    mazhilis = concepts[0]
    assert terms(mazhilis, "en") == [("Mazhilis", "preferred"), ("Majilis", "admitted")]
    assert terms(mazhilis, "kk") == [("Мәжіліс", "preferred")]
    assert mazhilis.section("en").definition == "Lower chamber of the Parliament."
    assert (mazhilis.subject_field, mazhilis.note) == ("Parliament", "Checked against parlam.kz.")
    assert all(t.review is Review.CANDIDATE for s in mazhilis.sections for t in s.terms)


def test_smartcat_layout_language_columns_and_comment():
    with open(DATA / "smartcat.xlsx", "rb") as f:
        concepts = list(xlsx.read(f, source="smartcat.xlsx"))
    assert [(c.id, c.note) for c in concepts] == [("c-mazhilis", "Lower chamber"),
                                                   ("c-middle-corridor", None)]
    assert terms(concepts[1], "ru") == [("Средний коридор", "preferred")]


@pytest.mark.parametrize("header, lang", [
    ("en-US", "en"), ("EN_US", "en"), ("kk-KZ", "kk"), ("kk-Latn", "kk-Latn"),
    ("kk-Cyrl-KZ", "kk"), ("Kazakh (Latin)", "kk-Latn"), ("Russian", "ru"),
    ("English_United_States", "en"), ("Note", None), ("de", None), ("Entry_ID", None)])
def test_language_of_header(header, lang):
    assert xlsx.language_of(header) == lang


def test_bad_workbooks_fail_with_file_and_row():
    with pytest.raises(FormatError, match="not an Excel .xlsx workbook"):
        list(xlsx.read(io.BytesIO(b"not a zip"), source="x.xlsx"))
    with pytest.raises(FormatError, match=r"x.xlsx:1: no language column"):
        list(xlsx.read(workbook([["Term", "Translation"], ["a", "b"]]), source="x.xlsx"))
    with pytest.raises(FormatError, match=r"x.xlsx:3: expected TRUE or FALSE, got 'maybe'"):
        list(xlsx.read(workbook([["en", "Preferred"], ["a", True], ["b", "maybe"]]),
                       source="x.xlsx"))
    with pytest.raises(FormatError, match=r"x.xlsx:2: unknown status 'final'"):
        list(xlsx.read(workbook([["en", "Status"], ["a", "final"]]), source="x.xlsx"))


def test_cli_imports_and_exports_xlsx(tmp_path, glossary_dir):
    out = tmp_path / "t.xlsx"
    result = CliRunner().invoke(cli, ["export", "--glossary", str(glossary_dir), "--format", "xlsx",
                                      "--out", str(out)])
    assert result.exit_code == 0 and result.output == f"Wrote {out}\n"
    fresh = tmp_path / "fresh"
    result = CliRunner().invoke(cli, ["import", str(DATA / "phrase.xlsx"), "--glossary", str(fresh),
                                      "--json"])
    assert result.exit_code == 0, result.output
    assert [r["concept"] for r in json.loads(result.output)["results"]] == ["c-epca", "c-mazhilis"]
    saved = {c.id: c for c in Glossary(fresh).load()}
    assert saved["c-mazhilis"].section("ru").terms[1].status is AdminStatus.DEPRECATED


def test_shipped_workbook_reads_back_as_the_shipped_glossary():
    root = Path(__file__).resolve().parents[2]
    with open(root / "exports" / "termbank.xlsx", "rb") as f:
        back = {c.id: c for c in xlsx.read(f, source="termbank.xlsx")}
    glossary = Glossary(root / "glossary").load()
    assert sorted(back) == sorted(c.id for c in glossary)
    for concept in glossary:
        for section in concept.sections:
            assert sorted(terms(back[concept.id], section.lang)) == sorted(terms(concept, section.lang))
