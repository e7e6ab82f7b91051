"""TBX v3 and TBX 2008: schema validity, byte-exact round trips, other tools' files, hostile input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from termbank.errors import FormatError
from termbank.formats import tbx
from termbank.glossary import Glossary
from termbank.model import PartOfSpeech, Review
from termbank.pipeline import read_tbx

DATA = Path(__file__).resolve().parents[1] / "data"
DIALECTS = ["v3", "2008"]


def written(concepts, dialect: str) -> bytes:
    out = io.BytesIO()
    tbx.write(out, concepts, dialect=dialect)
    return out.getvalue()


@pytest.fixture
def concepts():
    return Glossary(DATA / "glossary").load()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_export_is_valid_against_the_official_schemas(dialect, concepts, official_validate, tmp_path):
    path = tmp_path / f"out-{dialect}.tbx"
    path.write_bytes(written(concepts, dialect))
    assert official_validate(path) == []


@pytest.mark.parametrize("dialect", DIALECTS)
def test_export_import_export_is_byte_identical(dialect, concepts):
    first = written(concepts, dialect)
    back = list(tbx.read(io.BytesIO(first), source="first.tbx"))
    assert back == concepts
    assert written(back, dialect) == first


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_model_field_survives_export(dialect, concepts):
    back = {c.id: c for c in tbx.read(io.BytesIO(written(concepts, dialect)))}
    epca = back["c-epca"]
    assert epca.kind == "agreement/document"
    assert epca.subject_field == "international relations"
    assert [s.lang for s in epca.sections] == ["en", "kk", "kk-Latn", "ru"]
    ru = epca.section("ru").terms
    assert [t.text for t in ru] == ["Соглашение о расширенном партнерстве и сотрудничестве", "РАСПС"]
    assert ru[0].review is Review.PROPOSED and ru[0].confidence == 0.6
    assert ru[0].sources[0].ref == "translator-judgement"
    en = epca.section("en").terms[0]
    assert en.contexts[0].source == "seeds/003_3cc5635f49195e34.txt"
    assert en.sources[0].detail == "203-249"
    # proper nouns exist only in TBX 2008; v3 writes noun + a note and reads it back
    assert back["c-mazhilis"].section("en").terms[0].pos is PartOfSpeech.PROPER_NOUN


def test_v3_has_no_proper_noun_value(concepts):
    text = written(concepts, "v3").decode()
    assert "properNoun" not in text
    assert '<termNote type="partOfSpeech">noun</termNote>' in text
    assert "properNoun" in written(concepts, "2008").decode()


def test_language_sections_use_bcp47_tags(concepts):
    text = written(concepts, "v3").decode()
    for tag in ("en", "kk", "kk-Latn", "ru"):
        assert f'<langSec xml:lang="{tag}">' in text


def test_translate_toolkit_reads_every_term_of_our_martif(concepts, tmp_path):
    ttk_tbx = pytest.importorskip("translate.storage.tbx")
    path = tmp_path / "martif.tbx"
    path.write_bytes(written(concepts, "2008"))
    store = ttk_tbx.tbxfile.parsefile(str(path))
    units = {u.getid(): u for u in store.units}
    assert set(units) == {c.id for c in concepts}
    for concept in concepts:
        unit = units[concept.id]
        for section in concept.sections:
            got = [t.text for t in unit.get_target_terms(section.lang)]
            assert got == [t.text for t in section.terms], (concept.id, section.lang)


def test_deprecated_status_is_seen_by_translate_toolkit(concepts, tmp_path):
    ttk_tbx = pytest.importorskip("translate.storage.tbx")
    path = tmp_path / "martif.tbx"
    path.write_bytes(written(concepts, "2008"))
    unit = next(u for u in ttk_tbx.tbxfile.parsefile(str(path)).units if u.getid() == "c-mazhilis")
    flags = {t.text: t.deprecated for t in unit.get_target_terms("ru")}
    assert flags == {"Мажилис": False, "Меджлис": True}


# -- hostile and broken input ------------------------------------------------------------------

V3_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def read_all(data: bytes) -> list:
    return list(read_tbx(io.BytesIO(data), source="bad.tbx"))


@pytest.mark.parametrize("data, message", [
    (b"", "bad.tbx:1: empty file"),
    (b"   \n", "bad.tbx:1: empty file"),
    (V3_HEAD + b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca">\n<text><body>\n'
     b'<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>EU</term>',
     "bad.tbx:4: not well-formed XML: Premature end of data in tag termSec line 4"),
    (V3_HEAD + b'<!DOCTYPE tbx [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<tbx>&x;</tbx>',
     "bad.tbx:3: the DOCTYPE declares entities; termbank never expands entities "
     "(external entities and entity-expansion bombs are refused)"),
    (V3_HEAD + b'<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n'
     b'<tbx>&lol2;</tbx>',
     "bad.tbx:3: the DOCTYPE declares entities; termbank never expands entities "
     "(external entities and entity-expansion bombs are refused)"),
    (V3_HEAD + b'<html><body/></html>',
     "bad.tbx:2: not a TBX file: root element is <html>, expected <tbx> (TBX v3) or <martif> (TBX 2008)"),
    (V3_HEAD + b'<martif type="TBX"><text><body>\n<termEntry id="c1">\n<langSet xml:lang="tlh-KL">'
     b'<tig><term>x</term></tig></langSet></termEntry></body></text></martif>',
     "bad.tbx:4: unknown language code 'tlh-KL' in xml:lang"),
    (V3_HEAD + b'<martif type="TBX"><text><body>\n<termEntry id="c1">\n<langSet xml:lang="en_GB!">'
     b'<tig><term>x</term></tig></langSet></termEntry></body></text></martif>',
     "bad.tbx:4: unknown language code 'en_GB!' in xml:lang"),
    (V3_HEAD + b'<martif type="TBX"><text><body>\n<termEntry id="c1">\n<langSet>'
     b'<tig><term>x</term></tig></langSet></termEntry></body></text></martif>',
     "bad.tbx:4: <langSet> has no xml:lang"),
])
def test_broken_input_names_file_and_line(data, message):
    with pytest.raises(FormatError) as err:
        read_all(data)
    assert str(err.value) == message


def test_wrong_encoding_is_reported_with_its_line():
    data = V3_HEAD + ('<martif type="TBX"><text><body>\n<termEntry id="c1"><langSet xml:lang="ru">'
                      '<tig><term>Мажилис</term></tig></langSet></termEntry></body></text></martif>'
                      ).encode("cp1251")
    with pytest.raises(FormatError) as err:
        read_all(data)
    assert str(err.value) == "bad.tbx:3: not well-formed XML: Invalid bytes in character encoding"


def test_declared_legacy_encoding_is_read():
    data = ('<?xml version="1.0" encoding="windows-1251"?>\n<martif type="TBX"><text><body>'
            '<termEntry id="c1"><langSet xml:lang="ru"><tig><term>Мажилис</term></tig></langSet>'
            '</termEntry></body></text></martif>').encode("cp1251")
    [concept] = read_all(data)
    assert concept.section("ru").terms[0].text == "Мажилис"


def test_reader_never_touches_the_network_or_loads_a_dtd():
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "http://example.invalid/x.dtd">\n'
            b'<martif type="TBX"><text><body><termEntry id="c1"><langSet xml:lang="en"><tig>'
            b'<term>EU</term></tig></langSet></termEntry></body></text></martif>')
    [concept] = read_all(data)
    assert concept.section("en").terms[0].text == "EU"


def test_on_error_skips_bad_entries_and_reports_them():
    data = (b'<martif type="TBX"><text><body>\n<termEntry id="c1"><langSet xml:lang="en"><tig>'
            b'<term>EU</term></tig></langSet></termEntry>\n<termEntry id="c2"><langSet xml:lang="en">'
            b'</langSet></termEntry>\n</body></text></martif>')
    errors = []
    got = list(tbx.read(io.BytesIO(data), source="x.tbx", on_error=errors.append))
    assert [c.id for c in got] == ["c1"]
    assert [str(e) for e in errors] == ["x.tbx:3: <langSet xml:lang='en'> holds no term"]


def test_ids_other_tools_write_become_ncnames():
    data = (b'<martif type="TBX"><text><body><termEntry id="1"><langSet xml:lang="EN-US"><ntig>'
            b'<termGrp><term>Middle Corridor</term></termGrp></ntig></langSet></termEntry>'
            b'<termEntry><langSet xml:lang="ru-RU"><tig><term>\xd0\x95\xd0\xa1</term></tig></langSet>'
            b'</termEntry></body></text></martif>')
    got = read_all(data)
    assert [c.id for c in got] == ["c-middle-corridor", "c-2"]
    assert got[0].langs == ("en",) and got[1].langs == ("ru",)
