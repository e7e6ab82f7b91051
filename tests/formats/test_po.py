"""formats/po.py: strict reading, canonical writing, languages and plural rules."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import polib
import pytest

from termbank.errors import FormatError
from termbank.formats import po

DATA = Path(__file__).parent.parent / "data" / "locales"

BAD = {
    "bad_unterminated_string.po": '9: broken quoting: the string has no closing "',
    "bad_unescaped_quote.po": '7: broken quoting: a " inside the string is not escaped as \\"',
    "bad_unknown_escape.po": "7: unknown escape sequence \\q in a string",
    "bad_duplicate_entry.po": "11: duplicate entry (msgctxt 'c-eu', msgid 'European Union'); "
                              "first defined at line 7",
    "bad_missing_msgstr.po": "7: entry has no msgstr",
    "bad_plural_forms_syntax.po": "5: bad Plural-Forms: 'plural=(n != 1' is not a C expression "
                                  "in n (unbalanced parenthesis in plural form)",
    "bad_plural_forms_range.po": "5: bad Plural-Forms: 'plural=(n%10==1 ? 0 : 3)' gives form 3 "
                                 "for n=0, but nplurals=3",
    "bad_plural_forms_count.po": "7: the entry has 2 plural forms but Plural-Forms says "
                                 "nplurals=1",
    "bad_undeclared_charset.po": '6: the header declares no charset but the file is not ASCII; '
                                 'add "Content-Type: text/plain; charset=UTF-8\\n" to the header',
    "bad_charset_cp1251_declared_utf8.po": "7: text is not UTF-8 as the header declares (line "
                                           "4); convert the file or correct the charset",
    "bad_charset_declared_koi8_but_utf8.po": "7: the header declares charset KOI8-R but the "
                                             "text is UTF-8; correct the charset to UTF-8",
}


def test_every_bad_fixture_has_its_expected_error():
    assert sorted(p.name for p in DATA.glob("bad_*.po")) == sorted(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_hostile_po_names_file_and_line(name):
    with pytest.raises(FormatError) as err:
        po.parse((DATA / name).read_bytes(), source=name)
    assert str(err.value) == f"{name}:{BAD[name]}"


def test_polib_alone_accepts_all_but_one_of_them():
    """Why the strict reader exists: polib 1.2 reads ten of the eleven without a word."""
    rejected = []
    for name in sorted(BAD):
        try:
            polib.pofile((DATA / name).read_bytes().decode("utf-8", "replace"))
        except OSError:
            rejected.append(name)
    assert rejected == ["bad_unescaped_quote.po"]


def test_canonical_catalog_round_trips_byte_for_byte():
    data = (DATA / "ok_catalog_ru.po").read_bytes()
    assert po.dumps(po.parse(data, source="ok_catalog_ru.po").po) == data


def test_parse_reads_what_polib_reads_and_more():
    data = (DATA / "ok_catalog_ru.po").read_bytes()
    catalog = po.parse(data, source="ok_catalog_ru.po")
    reference = polib.pofile(data.decode("utf-8"))
    assert [(e.msgctxt, e.msgid, e.msgstr, e.msgstr_plural, e.flags, e.comment, e.tcomment,
             e.occurrences, e.previous_msgid, e.obsolete) for e in catalog.po] == \
        [(e.msgctxt, e.msgid, e.msgstr, e.msgstr_plural, e.flags, e.comment, e.tcomment,
          e.occurrences, e.previous_msgid, e.obsolete) for e in reference]
    assert catalog.po.metadata == reference.metadata
    assert catalog.language == "ru" and catalog.nplurals == 3
    assert catalog.line_of("Plural-Forms") == 16
    epca = catalog.po[0]
    assert (epca.linenum, epca.msgid_line, epca.msgstr_line) == (19, 23, 24)
    assert epca.tcomment == "checked with the EU delegation's site"
    assert catalog.po[-1].obsolete and catalog.po[-1].msgstr == "Алма-Ата"


def test_escapes_are_read_and_written_back():
    catalog = po.parse((DATA / "ok_catalog_ru.po").read_bytes(), source="x")
    entry = next(e for e in catalog.po if e.msgid.startswith("Say"))
    assert entry.msgid == 'Say "hello"\tto\\them'
    assert entry.msgstr == 'Скажите "привет"\tим\\'


def test_mo_holds_translated_entries_only():
    catalog = po.parse((DATA / "ok_catalog_ru.po").read_bytes(), source="x")
    translations = gettext.GNUTranslations(io.BytesIO(po.compile_mo(catalog.po)))
    assert translations.pgettext("c-epca", "Enhanced Partnership and Cooperation Agreement") \
        == "Соглашение о расширенном партнерстве и сотрудничестве"
    assert translations.pgettext("status", "Open") == "Открыт"
    assert translations.ngettext("%(count)d term", "%(count)d terms", 5) == "%(count)d терминов"
    # fuzzy and obsolete entries stay out, as with msgfmt
    assert translations.gettext("First Deputy Minister of Foreign Affairs") == \
        "First Deputy Minister of Foreign Affairs"
    assert translations.pgettext("c-old", "Alma-Ata") == "Alma-Ata"


def test_locale_names_follow_gettext():
    assert [po.gettext_locale(t) for t in ("kk", "kk-Latn", "ru")] == ["kk", "kk@latin", "ru"]
    assert [po.glossary_lang(n) for n in ("kk", "kk@latin", "ru_RU", "kk_KZ", "de_AT")] == \
        ["kk", "kk-Latn", "ru", "kk", "de-AT"]


def test_plural_forms_come_from_our_table_and_agree_with_cldr():
    # the text is gettext's canonical form whatever Babel version is installed ...
    assert po.plural_forms("ru") == ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 "
                                     "&& n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
    assert po.plural_forms("kk") == po.plural_forms("kk-Latn") == "nplurals=2; plural=(n != 1);"
    # ... and it picks the same form as the installed Babel's CLDR rule for every number
    import gettext

    from babel.messages.plurals import get_plural

    for lang in ("ru", "kk", "en"):
        ours = gettext.c2py(po.plural_forms(lang).split("plural=", 1)[1].rstrip(";"))
        cldr = gettext.c2py(str(get_plural(lang)).split("plural=", 1)[1].rstrip(";"))
        assert [ours(n) for n in range(2000)] == [cldr(n) for n in range(2000)], lang
    # a language outside the table still gets CLDR's rule
    assert po.plural_forms("de").startswith("nplurals=2;")


def test_glossary_note_survives_a_round_trip():
    entry = po.Entry(msgctxt="c-eu", msgid="European Union", msgstr="Еуропалық Одақ",
                     comment="Term: fullForm, preferred\nGlossary: Еуропалық Одақ [approved]")
    catalog = po.new_catalog({"Language": "kk", "Content-Type": "text/plain; charset=UTF-8"})
    catalog.append(entry)
    again = po.parse(po.dumps(catalog), source="x").po[0]
    assert po.glossary_note(again) == ("Еуропалық Одақ", "approved")


def test_long_strings_wrap_like_gettext_and_read_back():
    text = "Соглашение о расширенном партнерстве и сотрудничестве между Европейским союзом и " \
           "его государствами-членами, с одной стороны, и Республикой Казахстан"
    catalog = po.new_catalog({"Content-Type": "text/plain; charset=UTF-8"})
    catalog.append(po.Entry(msgid="EPCA", msgstr=text))
    data = po.dumps(catalog)
    assert max(len(line) for line in data.decode().splitlines()) <= po.WRAP_WIDTH
    assert po.parse(data, source="x").po[0].msgstr == text


def test_mo_is_byte_for_byte_polibs():
    catalog = po.parse((DATA / "ok_catalog_ru.po").read_bytes(), source="x")
    assert po.compile_mo(catalog.po) == catalog.po.to_binary()


def _streamed_cases():
    full = po.parse((DATA / "ok_catalog_ru.po").read_bytes(), source="x").po
    with_obsolete = po.parse((DATA / "ok_catalog_ru.po").read_bytes(), source="x").po
    with_obsolete[0].obsolete = True  # obsolete entries are written last
    empty = po.new_catalog({"Content-Type": "text/plain; charset=UTF-8"})  # header alone
    return [full, with_obsolete, empty]


@pytest.mark.parametrize("catalog", _streamed_cases(), ids=["full", "obsolete", "empty"])
def test_streamed_text_and_mo_are_byte_for_byte_the_whole_ones(catalog):
    assert b"".join(po.render_chunks(catalog)) == po.dumps(catalog)
    assert b"".join(po.mo_chunks(catalog)) == po.compile_mo(catalog) == catalog.to_binary()


def test_parse_file_reads_like_parse(tmp_path):
    path = DATA / "ok_catalog_ru.po"
    by_file = po.parse_file(path)
    by_bytes = po.parse(path.read_bytes(), source=str(path))
    assert by_file.source == str(path)
    assert po.dumps(by_file.po) == po.dumps(by_bytes.po)
    assert [e.msgstr_line for e in by_file.po] == [e.msgstr_line for e in by_bytes.po]
    with pytest.raises(FormatError) as err:
        po.parse_file(DATA / "bad_unterminated_string.po", source="ru.po")
    assert str(err.value).startswith("ru.po:9: ")
