"""locales.update: PO catalogs written, then updated in place without losing translators' work."""

from __future__ import annotations

import gettext
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from termbank import locales
from termbank.errors import FormatError
from termbank.formats import po
from termbank.glossary import Glossary
from termbank.model import Review

DATA = Path(__file__).parent.parent / "data" / "locales"
MSGFMT = shutil.which("msgfmt")
DAY1 = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
DAY2 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
LANG_DIRS = {"kk": "kk", "kk-Latn": "kk@latin", "ru": "ru"}


@pytest.fixture
def glossary(tmp_path) -> Glossary:
    root = tmp_path / "glossary"
    shutil.copytree(DATA / "glossary", root)
    return Glossary(root)


def po_file(locales_dir: Path, lang: str) -> Path:
    return locales_dir / LANG_DIRS[lang] / "LC_MESSAGES" / "glossary.po"


def entry(path: Path, concept: str, msgid: str, *, obsolete: bool = False) -> po.Entry:
    catalog = po.parse(path.read_bytes(), source=path.name)
    found = [e for e in catalog.po if e.key == (concept, msgid) and e.obsolete == obsolete]
    assert len(found) == 1, (concept, msgid)
    return found[0]


def edit(path: Path, concept: str, msgid: str, translation: str) -> None:
    """What a translator does in Poedit: type a translation, which clears the fuzzy flag."""
    catalog = po.parse(path.read_bytes(), source=path.name)
    target = next(e for e in catalog.po if e.key == (concept, msgid))
    target.msgstr = translation
    target.fuzzy = False
    target.tcomment = "translator: checked against the 2016 ratification law"
    path.write_bytes(po.dumps(catalog.po))


def msgfmt_check(path: Path) -> str:
    if MSGFMT is None:
        pytest.skip("GNU gettext msgfmt is not installed (apt-get install gettext)")
    run = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stderr


def assert_readable_by_every_tool(path: Path) -> None:
    from babel.messages.pofile import read_po
    from translate.storage import po as ttk_po

    assert "warning" not in msgfmt_check(path)
    units = [u for u in ttk_po.pofile(path.read_bytes()).units if not u.isheader()]
    with path.open("rb") as f:
        babel_catalog = read_po(f)
    ours = [e for e in po.parse(path.read_bytes(), source=path.name).po if not e.obsolete]
    assert len([u for u in units if not u.isobsolete()]) == len(ours)
    assert len(babel_catalog) == len(ours)
    for e in ours:
        assert babel_catalog.get(e.msgid, context=e.msgctxt).string == e.msgstr


def test_first_update_writes_template_catalogs_and_mo(tmp_path, glossary):
    out = tmp_path / "locales"
    report = locales.update(glossary.load(), out, now=DAY1)
    assert [c.lang for c in report.catalogs] == ["kk", "kk-Latn", "ru"]
    assert (out / "glossary.pot").is_file()
    for lang in LANG_DIRS:
        path = po_file(out, lang)
        assert_readable_by_every_tool(path)
        assert path.with_suffix(".mo").is_file()
    kk = po.parse(po_file(out, "kk").read_bytes(), source="kk.po")
    assert kk.po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert kk.po.metadata["Language"] == "kk"
    assert kk.po.metadata["PO-Revision-Date"] == "2026-11-22 09:00+0000"
    latin = po.parse(po_file(out, "kk-Latn").read_bytes(), source="kk@latin.po")
    assert latin.po.metadata["Language"] == "kk@latin"
    assert latin.po.metadata["Plural-Forms"] == kk.po.metadata["Plural-Forms"]
    assert latin.po.metadata["Language-Team"] == "Kazakh (Latin)"
    ru = po.parse(po_file(out, "ru").read_bytes(), source="ru.po")
    assert ru.nplurals == 3
    # homonyms never collide: msgctxt is the concept id
    assert {e.msgctxt for e in ru.po} == {"c-almaty", "c-diplomatic-relations", "c-eeas",
                                          "c-epca", "c-eu"}
    msgfmt_check(out / "glossary.pot")


def test_entries_carry_notes_and_unapproved_ones_are_fuzzy(tmp_path, glossary):
    out = tmp_path / "locales"
    locales.update(glossary.load(), out, now=DAY1)
    eeas = entry(po_file(out, "kk"), "c-eeas", "European External Action Service")
    assert eeas.msgstr == "Еуропалық сыртқы іс-қимыл қызметі"
    assert eeas.fuzzy  # proposed, not approved
    assert eeas.comment.splitlines() == [
        "Term: fullForm, preferred",
        "Source: seeds/000_859c6d19e13503bf.txt",
        "Glossary: Еуропалық сыртқы іс-қимыл қызметі [proposed]",
        "Glossary source: rule title-composition"]
    relations = entry(po_file(out, "ru"), "c-diplomatic-relations", "diplomatic relations")
    assert not relations.fuzzy
    assert "Context: Kazakhstan and the EU established diplomatic relations on February 2, " \
           "1993. (seeds/000_859c6d19e13503bf.txt)" in relations.comment.splitlines()
    acronym = entry(po_file(out, "ru"), "c-eu", "EU")
    assert acronym.msgstr == "ЕС"  # an acronym takes the acronym
    # the superseded English name is not offered for translation
    with pytest.raises(AssertionError):
        entry(po_file(out, "ru"), "c-almaty", "Alma-Ata")
    mo = gettext.GNUTranslations(po_file(out, "kk").with_suffix(".mo").open("rb"))
    assert mo.pgettext("c-eu", "European Union") == "Еуропалық Одақ"
    assert mo.pgettext("c-eeas", "European External Action Service") == \
        "European External Action Service"  # fuzzy: not compiled


def test_second_update_of_an_unchanged_glossary_writes_nothing(tmp_path, glossary):
    out = tmp_path / "locales"
    locales.update(glossary.load(), out, now=DAY1)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    report = locales.update(glossary.load(), out, now=DAY2)
    assert report.written == []
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_full_cycle_keeps_every_translator_edit(tmp_path, glossary):
    out = tmp_path / "locales"
    locales.update(glossary.load(), out, now=DAY1)
    kk_path = po_file(out, "kk")
    # a translator edits two entries
    edit(kk_path, "c-epca", "Enhanced Partnership and Cooperation Agreement",
         "Кеңейтілген әріптестік және ынтымақтастық туралы келісім (КӘЫК)")
    edit(kk_path, "c-diplomatic-relations", "diplomatic relations",
         "дипломатиялық қарым-қатынастар")
    # the glossary changes one English source and loses one concept
    concepts = {c.id: c for c in glossary.load()}
    relations = concepts["c-diplomatic-relations"]
    english = relations.section("en")
    renamed = replace(english, terms=(replace(english.terms[0],
                                              text="diplomatic relationship"),))
    concepts["c-diplomatic-relations"] = relations.with_section(renamed)
    del concepts["c-eeas"]
    glossary.save(concepts.values(), replace_all=True)

    report = locales.update(glossary.load(), out, now=DAY2)

    kk = next(c for c in report.catalogs if c.lang == "kk")
    assert kk.changed
    assert sorted((k.concept, k.translation) for k in kk.kept) == [
        ("c-diplomatic-relations", "дипломатиялық қарым-қатынастар"),
        ("c-epca", "Кеңейтілген әріптестік және ынтымақтастық туралы келісім (КӘЫК)")]
    assert [(f.concept, f.previous, f.msgid) for f in kk.fuzzy] == [
        ("c-diplomatic-relations", "diplomatic relations", "diplomatic relationship")]
    assert kk.obsolete == ["c-eeas: European External Action Service", "c-eeas: EEAS"]

    epca = entry(kk_path, "c-epca", "Enhanced Partnership and Cooperation Agreement")
    assert epca.msgstr == "Кеңейтілген әріптестік және ынтымақтастық туралы келісім (КӘЫК)"
    assert not epca.fuzzy
    assert epca.tcomment == "translator: checked against the 2016 ratification law"
    changed = entry(kk_path, "c-diplomatic-relations", "diplomatic relationship")
    assert changed.msgstr == "дипломатиялық қарым-қатынастар"
    assert changed.fuzzy and changed.previous_msgid == "diplomatic relations"
    assert "#| msgid \"diplomatic relations\"" in kk_path.read_text(encoding="utf-8")
    gone = entry(kk_path, "c-eeas", "European External Action Service", obsolete=True)
    assert gone.msgstr == "Еуропалық сыртқы іс-қимыл қызметі"
    assert "#~ msgctxt \"c-eeas\"" in kk_path.read_text(encoding="utf-8")
    # entries moved, but no msgstr we write changed: the revision date stays (as msgmerge's)
    assert po.parse(kk_path.read_bytes(), source="kk.po").po.metadata["PO-Revision-Date"] \
        == "2026-11-22 09:00+0000"
    for lang in LANG_DIRS:
        assert_readable_by_every_tool(po_file(out, lang))

    # and a third run changes nothing: kept edits stay kept, not re-applied or lost
    third = locales.update(glossary.load(), out, now=datetime(2026, 11, 24, tzinfo=timezone.utc))
    assert third.written == []


def test_glossary_change_reaches_an_entry_nobody_edited(tmp_path, glossary):
    out = tmp_path / "locales"
    locales.update(glossary.load(), out, now=DAY1)
    eeas = glossary.get("c-eeas")
    kk = eeas.section("kk")
    approved = replace(kk.terms[0], review=Review.APPROVED)
    glossary.save([eeas.with_section(replace(kk, terms=(approved,)))])
    report = locales.update(glossary.load(), out, now=DAY2)
    kk_report = next(c for c in report.catalogs if c.lang == "kk")
    assert kk_report.refreshed == ["c-eeas: European External Action Service", "c-eeas: EEAS"]
    assert kk_report.kept == []
    assert not entry(po_file(out, "kk"), "c-eeas", "European External Action Service").fuzzy


def test_removed_concept_comes_back_with_its_translation(tmp_path, glossary):
    out = tmp_path / "locales"
    locales.update(glossary.load(), out, now=DAY1)
    edit(po_file(out, "ru"), "c-eeas", "EEAS", "ЕСВС")
    everything = glossary.load()
    glossary.save([c for c in everything if c.id != "c-eeas"], replace_all=True)
    locales.update(glossary.load(), out, now=DAY2)
    assert entry(po_file(out, "ru"), "c-eeas", "EEAS", obsolete=True).msgstr == "ЕСВС"
    glossary.save(everything)
    report = locales.update(glossary.load(), out, now=DAY2)
    ru = next(c for c in report.catalogs if c.lang == "ru")
    assert ru.revived == ["c-eeas: European External Action Service", "c-eeas: EEAS"]
    assert entry(po_file(out, "ru"), "c-eeas", "EEAS").msgstr == "ЕСВС"
    assert_readable_by_every_tool(po_file(out, "ru"))


def test_wrong_but_valid_plural_forms_is_corrected_and_reported(tmp_path, glossary):
    out = tmp_path / "locales"
    locales.update(glossary.load(), out, now=DAY1)
    path = po_file(out, "kk")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "nplurals=2; plural=(n != 1);", "nplurals=1; plural=0;"), encoding="utf-8")
    report = locales.update(glossary.load(), out, now=DAY2)
    kk = next(c for c in report.catalogs if c.lang == "kk")
    assert kk.header_fixed == ["Plural-Forms: 'nplurals=1; plural=0;' → "
                               "'nplurals=2; plural=(n != 1);'"]
    assert "nplurals=2; plural=(n != 1);" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["bad_duplicate_entry.po", "bad_unterminated_string.po",
                                 "bad_plural_forms_syntax.po",
                                 "bad_charset_cp1251_declared_utf8.po"])
def test_nothing_is_written_when_one_catalog_is_bad(tmp_path, glossary, bad):
    out = tmp_path / "locales"
    locales.update(glossary.load(), out, now=DAY1)
    shutil.copy(DATA / bad, po_file(out, "ru"))
    glossary.save([c for c in glossary.load() if c.id != "c-eu"], replace_all=True)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with pytest.raises(FormatError) as err:
        locales.update(glossary.load(), out, now=DAY2)
    assert err.value.source == str(po_file(out, "ru"))
    assert err.value.line is not None
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_catalog_of_another_language_in_the_folder_is_refused(tmp_path, glossary):
    out = tmp_path / "locales"
    locales.update(glossary.load(), out, now=DAY1)
    shutil.copy(po_file(out, "ru"), po_file(out, "kk"))
    with pytest.raises(FormatError) as err:
        locales.update(glossary.load(), out, now=DAY2)
    assert str(err.value) == f"{po_file(out, 'kk')}:12: Language is 'ru' but this is the " \
                             "catalog of 'kk'"


def test_target_languages_always_include_kk_latin_and_ru():
    assert locales.target_langs([]) == ["kk", "kk-Latn", "ru"]


def test_cli_update_reports_each_catalog(tmp_path, glossary):
    from click.testing import CliRunner

    from termbank.cli import cli

    out = tmp_path / "locales"
    args = ["locales", "update", "--glossary", str(glossary.root), "--locales", str(out)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert first.output.splitlines()[2] == (
        f"{po_file(out, 'ru')}: created, 8 entries; 8 added, 0 refreshed, 0 fuzzy (English "
        "changed), 0 obsolete, 0 translator edits kept")
    edit(po_file(out, "ru"), "c-eu", "EU", "Евросоюз")
    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0
    line = entry(po_file(out, "ru"), "c-eu", "EU").msgstr_line
    assert second.output.splitlines()[2:4] == [
        f"{po_file(out, 'ru')}: unchanged, 8 entries; 0 added, 0 refreshed, 0 fuzzy (English "
        "changed), 0 obsolete, 1 translator edits kept",
        f"  {po_file(out, 'ru')}:{line}: c-eu: kept 'Евросоюз' (glossary: 'ЕС')"]
    # the translator's edit reaches the compiled catalog
    mo = gettext.GNUTranslations(po_file(out, "ru").with_suffix(".mo").open("rb"))
    assert mo.pgettext("c-eu", "EU") == "Евросоюз"


def test_a_failure_while_writing_leaves_every_file_as_it_was(tmp_path, glossary, monkeypatch):
    """Files are staged one by one beside their targets; an error after some of them are
    staged renames none and leaves no temporary file behind."""
    out = tmp_path / "locales"
    locales.update(glossary.load(), out, now=DAY1)
    glossary.save([c for c in glossary.load() if c.id != "c-eu"], replace_all=True)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    compile_mo = po.mo_chunks
    calls = []

    def failing_on_the_last(catalog):
        calls.append(catalog)
        if len(calls) == 3:  # kk, kk-Latn staged already; ru fails
            raise OSError("disk full")
        return compile_mo(catalog)

    monkeypatch.setattr(po, "mo_chunks", failing_on_the_last)
    with pytest.raises(OSError, match="disk full"):
        locales.update(glossary.load(), out, now=DAY2)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    monkeypatch.setattr(po, "mo_chunks", compile_mo)
    report = locales.update(glossary.load(), out, now=DAY2)
    assert report.template_changed and all(c.changed for c in report.catalogs)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} != before
    assert not [p for p in out.rglob("*.tmp")]
