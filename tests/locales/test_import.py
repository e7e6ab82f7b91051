"""locales.import_edits and ``termbank locales import``: translators' edits become proposals."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from termbank import locales
from termbank.cli import cli
from termbank.formats import po
from termbank.glossary import Glossary
from termbank.model import Review, Source, SourceKind

DATA = Path(__file__).parent.parent / "data" / "locales"
DAY1 = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def setup(tmp_path):
    root = tmp_path / "glossary"
    shutil.copytree(DATA / "glossary", root)
    glossary = Glossary(root)
    out = tmp_path / "locales"
    locales.update(glossary.load(), out, now=DAY1)
    return glossary, out


def translate(path: Path, changes: dict[tuple[str, str], tuple[str, bool]],
              translator: str = "Айгерим Садыкова <aigerim@example.org>") -> None:
    catalog = po.parse(path.read_bytes(), source=path.name)
    catalog.po.metadata["Last-Translator"] = translator
    for e in catalog.po:
        if e.key in changes:
            e.msgstr, fuzzy = changes[e.key]
            e.fuzzy = fuzzy
    path.write_bytes(po.dumps(catalog.po))


def test_edits_come_back_as_proposals_sourced_to_the_translator(setup):
    glossary, out = setup
    path = out / "kk" / "LC_MESSAGES" / "glossary.po"
    translate(path, {
        ("c-diplomatic-relations", "diplomatic relations"):
            ("дипломатиялық қарым-қатынастар", False),
        ("c-eeas", "European External Action Service"):
            ("Еуропалық сыртқы іс-қимыл қызметі", False),
        ("c-eu", "European Union"): ("Еуроодақ", True),  # still fuzzy: not finished, skipped
    })
    report = locales.import_edits(glossary.load(), locales.read_catalogs(out, ["kk"]))
    assert [(p.concept, p.term) for p in report.proposals] == [
        ("c-diplomatic-relations", "дипломатиялық қарым-қатынастар"),
        ("c-eeas", "Еуропалық сыртқы іс-қимыл қызметі")]
    assert report.conflicts == [
        f"{path}:{report.proposals[0].where.rsplit(':', 1)[1]}: c-diplomatic-relations [kk] "
        "translator proposes 'дипломатиялық қарым-қатынастар', the glossary has "
        "'дипломатиялық қатынастар' (approved, preferred)"]
    concepts = {c.id: c for c in report.concepts}
    new = concepts["c-diplomatic-relations"].section("kk").terms
    assert [(t.text, t.status.value, t.review) for t in new] == [
        ("дипломатиялық қатынастар", "preferred", Review.APPROVED),
        ("дипломатиялық қарым-қатынастар", "admitted", Review.PROPOSED)]
    assert new[1].sources == (Source(SourceKind.TRANSLATOR,
                                     "Айгерим Садыкова <aigerim@example.org>",
                                     report.proposals[0].where),)
    # a translator who unfuzzies the glossary's proposal confirms it; it stays proposed,
    # gains the translator as a source, and is never approved by an import
    eeas = concepts["c-eeas"].section("kk").terms[0]
    assert eeas.review is Review.PROPOSED
    assert eeas.sources[-1].kind is SourceKind.TRANSLATOR
    assert all(t.review is not Review.APPROVED or t.text == "дипломатиялық қатынастар"
               for t in new)


def test_import_of_untouched_catalogs_proposes_nothing(setup):
    glossary, out = setup
    report = locales.import_edits(glossary.load(),
                                  locales.read_catalogs(out, locales.BASE_TARGETS))
    assert report.proposals == [] and report.updated == [] and report.conflicts == []


def test_cli_import_saves_the_glossary_and_reports(setup):
    glossary, out = setup
    path = out / "ru" / "LC_MESSAGES" / "glossary.po"
    translate(path, {("c-eeas", "EEAS"): ("ЕСВС", False)}, translator="")
    before = glossary.path_of("c-eeas").read_bytes()
    result = CliRunner().invoke(cli, ["locales", "import", "--glossary", str(glossary.root),
                                      "--locales", str(out)])
    assert result.exit_code == 0, result.output
    line = next(e.msgstr_line for e in po.parse(path.read_bytes(), source="x").po
                if e.key == ("c-eeas", "EEAS"))
    assert result.output.splitlines() == [
        f"{path}:{line}: c-eeas [ru] proposed 'ЕСВС' by {path}",
        f"conflict: {path}:{line}: c-eeas [ru] translator proposes 'ЕСВС', the glossary has "
        "'Европейская служба внешних связей' (approved, preferred)",
        "1 proposals; updated 1 concepts"]
    saved = glossary.get("c-eeas").section("ru").terms
    assert [(t.text, t.review) for t in saved] == [
        ("Европейская служба внешних связей", Review.APPROVED), ("ЕСВС", Review.PROPOSED)]
    assert glossary.path_of("c-eeas").read_bytes() != before


def test_cli_import_of_a_hostile_file_changes_nothing(setup):
    glossary, out = setup
    shutil.copy(DATA / "bad_duplicate_entry.po", out / "ru" / "LC_MESSAGES" / "glossary.po")
    before = {p: p.read_bytes() for p in glossary.paths()}
    result = CliRunner().invoke(cli, ["locales", "import", "--glossary", str(glossary.root),
                                      "--locales", str(out)])
    assert result.exit_code == 2
    assert result.output == (f"Error: {out / 'ru' / 'LC_MESSAGES' / 'glossary.po'}:11: duplicate "
                             "entry (msgctxt 'c-eu', msgid 'European Union'); first defined at "
                             "line 7\n")
    assert {p: p.read_bytes() for p in glossary.paths()} == before
