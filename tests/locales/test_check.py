"""locales.check_* and ``termbank check``: translations that do not use the glossary's terms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termbank import locales
from termbank.cli import cli
from termbank.errors import FormatError
from termbank.formats import po
from termbank.glossary import Glossary

DATA = Path(__file__).parent.parent / "data" / "locales"
CONCEPTS = Glossary(DATA / "glossary").load()


def text_problems(lang: str, target: str) -> list[str]:
    report = locales.check_text(CONCEPTS, (DATA / "check_en.txt").read_text(encoding="utf-8"),
                                (DATA / target).read_text(encoding="utf-8"), lang=lang,
                                source_name="check_en.txt", target_name=target)
    assert report.checked == 4
    return [str(p) for p in report.problems]


def test_russian_inflected_terms_pass_and_wrong_or_superseded_ones_are_found():
    # "Европейской службы внешних связей", "Европейского союза", "ЕС" are glossary terms in
    # other cases; the shortened agreement name and the old city name are not
    assert text_problems("ru", "check_ru.txt") == [
        "check_ru.txt:2: term 'Enhanced Partnership and Cooperation Agreement' → use "
        "'Соглашение о расширенном партнерстве и сотрудничестве'",
        "check_ru.txt:3: term 'Alma-Ata': 'Алма-Ата' is superseded → use 'Алматы'"]


def test_kazakh_suffixed_terms_pass_and_a_deprecated_one_is_found():
    # келісімге, қызметінің, Алматыда, ЕО pass through the suffix stripper; Европа Одағының
    # is the deprecated name in the genitive
    assert text_problems("kk", "check_kk.txt") == [
        "check_kk.txt:5: term 'European Union': 'Европа Одағы' is deprecated → use "
        "'Еуропалық Одақ'"]


def test_unreviewed_suggestions_say_so():
    report = locales.check_text(CONCEPTS, "The EEAS statement", "Мәлімдеме", lang="kk",
                                source_name="en", target_name="kk")
    assert [str(p) for p in report.problems] == [
        "kk:1: term 'EEAS' → use 'Еуропалық сыртқы іс-қимыл қызметі' (proposed)"]


def test_machine_candidates_are_not_enforced():
    # the only kk-Latn term (Almaty) is a candidate from a transliteration rule
    report = locales.check_text(CONCEPTS, "Almaty", "Alma-Ata qalasy", lang="kk-Latn",
                                source_name="en", target_name="kk-Latn")
    assert report.problems == [] and report.checked == 1


def test_misaligned_texts_are_refused():
    with pytest.raises(FormatError) as err:
        locales.check_text(CONCEPTS, "a\nb\nc\n", "а\nб\n", lang="ru", source_name="en.txt",
                           target_name="ru.txt")
    assert str(err.value) == "ru.txt:3: 2 lines, but en.txt has 3: source and translation " \
                             "must be aligned line by line"


def test_po_catalog_is_checked_entry_by_entry():
    catalog = po.parse((DATA / "ok_catalog_ru.po").read_bytes(), source="ok_catalog_ru.po")
    report = locales.check_catalogs(CONCEPTS, [catalog])
    assert report.lang is None and report.checked == 9  # 7 entries, one with 3 plural forms
    # every term in the catalog is translated with the glossary's term: no problem,
    # the fuzzy entry and the obsolete one are not checked
    assert report.problems == []


def test_po_catalog_problem_points_at_the_msgstr_line(tmp_path):
    catalog = po.parse((DATA / "ok_catalog_ru.po").read_bytes(), source="ok_catalog_ru.po")
    epca = catalog.po[0]
    epca.msgstr = "Соглашение о партнерстве"
    path = tmp_path / "ru.po"
    path.write_bytes(po.dumps(catalog.po))
    result = CliRunner().invoke(cli, ["check", str(path), "--glossary", str(DATA / "glossary")])
    assert result.exit_code == 1
    assert result.stdout == (f"{path}:24: term 'Enhanced Partnership and Cooperation Agreement' "
                             "→ use 'Соглашение о расширенном партнерстве и сотрудничестве'\n")


def test_cli_plain_text_output_is_aligned_and_exit_code_1():
    result = CliRunner().invoke(cli, [
        "check", "--glossary", str(DATA / "glossary"), "--source", str(DATA / "check_en.txt"),
        "--target", str(DATA / "check_ru.txt"), "--lang", "ru"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].index(" term ") == lines[1].index(" term ")
    assert result.stderr == "4 translations checked, 2 problems\n"


def test_cli_json_and_clean_input_exit_0():
    result = CliRunner().invoke(cli, [
        "check", "--glossary", str(DATA / "glossary"), "--json", str(DATA / "ok_catalog_ru.po")])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"results": [], "summary": {"checked": 9, "problems": 0}}


def test_cli_bad_arguments_and_bad_files_exit_2():
    runner = CliRunner()
    assert runner.invoke(cli, ["check", "--glossary", str(DATA / "glossary")]).exit_code == 2
    result = runner.invoke(cli, ["check", "--glossary", str(DATA / "glossary"),
                                 str(DATA / "bad_unterminated_string.po")])
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {DATA / 'bad_unterminated_string.po'}:9: broken quoting: "
                             "the string has no closing \"\n")
