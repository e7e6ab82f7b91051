"""The hostile inputs of issue 12, one by one: each is refused with file and line, or read right.

Found by fuzzing and by hand: odd PO charsets, YAML tags, alias bombs and duplicate keys,
DOCTYPEs hidden after comments or in UTF-16, entity references that cut text, absurd
attribute counts and nesting, files in the wrong encoding.
"""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from termbank.cli import cli
from termbank.errors import FormatError
from termbank.formats import po, tbx, tmx
from termbank.glossary import Glossary, dump_concept, file_stem, parse_concept
from termbank.model import Concept, Context, LangSection, Term
from termbank.validate import validate

DATA = Path(__file__).resolve().parents[1] / "data"
EPCA = (DATA / "glossary" / "c-epca.yaml").read_bytes()


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


# -- PO ----------------------------------------------------------------------------------------

def _po(charset: str = "UTF-8", language: str = "ru", body: str = "") -> bytes:
    return (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n'
            f'"Language: {language}\\n"\n\nmsgctxt "c-epca"\nmsgid "EPCA"\nmsgstr "{body}"\n'
            ).encode()


@pytest.mark.parametrize("charset", ["rot-13", "zlib", "base64", "hex", "undefined", "idna"])
def test_po_charset_must_be_a_text_encoding(charset):
    with pytest.raises(FormatError) as err:
        po.parse(_po(charset), source="x.po")
    assert err.value.line == 3 and "not a text charset" in err.value.reason


def test_po_blank_translation_is_skipped_not_a_traceback(glossary_dir, tmp_path):
    path = tmp_path / "ru.po"
    path.write_bytes(_po(body="   "))
    result = run("locales", "import", path, "--glossary", glossary_dir)
    assert result.exit_code == 0, result.output
    assert "the translation is only blanks" in result.output


def test_po_import_refuses_a_language_that_is_no_tag(glossary_dir, tmp_path, snapshot):
    path = tmp_path / "ru.po"
    path.write_bytes(_po(language="x y!", body="СПС"))
    before = snapshot(glossary_dir)
    result = run("locales", "import", path, "--glossary", glossary_dir)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {path}:4: Language 'x y!' is not a language such as kk, " \
                            "kk@latin or ru\n"
    assert snapshot(glossary_dir) == before


def test_po_translator_with_a_control_character_is_refused(glossary_dir, tmp_path):
    path = tmp_path / "ru.po"
    path.write_bytes(_po(body="СПС").replace(b'"Language: ru\\n"',
                                             b'"Language: ru\\n"\n"Last-Translator: A\x01B\\n"'))
    result = run("locales", "import", path, "--glossary", glossary_dir)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {path}:5: Last-Translator holds the control character " \
                            "U+0001, which the glossary cannot keep\n"


def test_po_huge_plural_index_and_nplurals_are_refused():
    with pytest.raises(FormatError, match="bad Plural-Forms"):
        po.check_plural_forms("nplurals=" + "9" * 5000 + "; plural=0;", source="x.po", line=5)
    data = _po().replace(b'msgstr "', b'msgid_plural "x"\nmsgstr[' + b"9" * 5000 + b'] "', 1)
    data = data.replace(b'msgstr[', b'msgstr[', 1)
    with pytest.raises(FormatError) as err:
        po.parse(data.replace(b'msgid ""\nmsgstr ""', b'msgid ""\nmsgstr ""', 1), source="x.po")
    assert err.value.line is not None


def test_po_string_of_5_mb_reads_in_memory_near_its_size():
    data = _po() + b'\nmsgctxt "c-big"\nmsgid "' + b"x" * 5_000_000 + b'"\nmsgstr "y"\n'
    tracemalloc.start()
    try:
        catalog = po.parse(data, source="big.po")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(catalog.po[1].msgid) == 5_000_000
    assert peak < 60_000_000  # text and entries: a few copies of 5 MB, not 700 MB


# -- glossary YAML -------------------------------------------------------------------------------

@pytest.mark.parametrize("change, line, reason", [
    ((b"confidence: 0.95", b"confidence: " + b"9" * 5000), 15, "a number of 5,000 characters"),
    ((b"confidence: 0.95", b"confidence: !!float x"), 15, "explicit YAML tags"),
    ((b"review: approved", b"review: !!int x"), 14, "explicit YAML tags"),
    ((b"review: approved", b"review: null"), 14, "review: missing"),
    ((b"status: preferred", b"status: ~"), 12, "status: missing"),
    ((b"type: acronym", b"type:"), 24, "type: missing"),
    ((b"kind: agreement/document", b"kind: a\nkind: b"), 3, "duplicate key 'kind'"),
    ((b"id: c-epca\n", b"id: c-epca\n# checked by A.B.\n"), 2, "put the remark under note:"),
    ((b"kind: agreement/document", b"kind: &k x"), 2, "YAML anchors (&k)"),
    ((b"id: c-epca", b'id: "c-epca\\n"'), 1, "concept id must be an XML NCName"),
])
def test_glossary_yaml_refusals_name_the_line(change, line, reason):
    old, new = change
    assert old in EPCA
    data = EPCA.replace(old, new, 1)
    with pytest.raises(FormatError) as err:
        parse_concept(data, source="c-epca.yaml")
    assert err.value.line == line, err.value
    assert reason in err.value.reason


def test_glossary_yaml_note_with_control_character_is_refused():
    data = EPCA.replace(b"review: approved", b'review: approved\n      note: "a\\x1bb"', 1)
    with pytest.raises(FormatError, match="U\\+001B is not allowed"):
        parse_concept(data, source="c-epca.yaml")


def test_alias_bomb_is_refused_at_its_first_anchor():
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
        b"%c: &%c [%s]\n" % (98 + i, 98 + i, b", ".join([b"*%c" % (97 + i)] * 9))
        for i in range(8))
    with pytest.raises(FormatError) as err:
        parse_concept(EPCA + b"x:\n  " + bomb.replace(b"\n", b"\n  "), source="c.yaml")
    assert "YAML anchors (&a)" in err.value.reason


def test_timestamps_and_numbers_in_text_fields_stay_what_the_model_wants():
    data = EPCA.replace(b"review: approved", b"review: approved\n      note: 2002-12-14", 1)
    concept = parse_concept(data, source="c-epca.yaml")
    assert concept.section("en").terms[0].note == "2002-12-14"
    with pytest.raises(FormatError, match="expected text, found int"):
        parse_concept(EPCA.replace(b"text: EPCA", b"text: 2030", 1), source="c-epca.yaml")


def test_every_glossary_file_of_the_project_loads_with_the_strict_reader():
    root = Path(__file__).resolve().parents[2]
    for path in sorted((root / "glossary").glob("*.yaml")) + sorted(DATA.rglob("c-*.yaml")):
        assert parse_concept(path.read_bytes(), source=str(path)).id == path.stem


# -- file names ----------------------------------------------------------------------------------

@pytest.mark.parametrize("cid", ["c-" + "x" * 250, "CON", "c-a..b", "c-a.", "c-Қазақстан-" * 20])
def test_ids_become_safe_file_names(cid, tmp_path):
    stem = file_stem(cid)
    assert len(stem.encode()) <= 150 and "/" not in stem and ".." not in stem
    concept = Concept(cid, (LangSection("en", (Term("x"),)),))
    glossary = Glossary(tmp_path)
    glossary.save([concept])
    assert [p.name for p in glossary.paths()] == [f"{stem}.yaml"]
    assert glossary.load() == [concept] and glossary.get(cid) == concept


def test_an_id_with_a_line_break_is_not_an_id():
    with pytest.raises(ValueError):
        Concept("c-a\n", (LangSection("en", (Term("x"),)),))


def test_two_long_ids_with_the_same_start_get_two_files(tmp_path):
    ids = ["c-" + "x" * 200 + "a", "c-" + "x" * 200 + "b"]
    Glossary(tmp_path).save([Concept(i, (LangSection("en", (Term("x"),)),)) for i in ids])
    assert sorted(c.id for c in Glossary(tmp_path).load()) == ids


# -- TBX ----------------------------------------------------------------------------------------

def _tbx_with_confidence(value: bytes) -> bytes:
    out = io.BytesIO()
    tbx.write(out, [parse_concept(EPCA, source="c-epca.yaml")])
    return out.getvalue().replace(b"confidence: 0.95", b"confidence: " + value, 1)


@pytest.mark.parametrize("value", [b"1.2.3", b"99", b"1" * 5000])
def test_tbx_confidence_out_of_range_is_a_format_error(value):
    data = _tbx_with_confidence(value)
    assert b"confidence: " + value in data
    with pytest.raises(FormatError) as err:
        list(tbx.read(io.BytesIO(data), source="x.tbx"))
    assert "confidence must be a number from 0 to 1" in err.value.reason and err.value.line


@pytest.mark.parametrize("dialect", ["v3", "2008"])
def test_tbx_blank_context_is_dropped_so_the_concept_saves_and_loads(dialect):
    # found by the long fuzz run (tbx3:5251, seed 3): a context of spaces was accepted, and
    # the glossary file written for it did not load again
    term = Term("x", contexts=(Context("in use", "news.txt"),))
    concept = Concept("c-x", (LangSection("en", (term,)),))
    out = io.BytesIO()
    tbx.write(out, [concept], dialect=dialect)
    data = out.getvalue()
    assert b">in use<" in data
    read = list(tbx.read(io.BytesIO(data.replace(b">in use<", b">\n\n\t <")), source="x.tbx"))
    term = read[0].section("en").terms[0]
    assert term.contexts == ()
    assert parse_concept(dump_concept(read[0]), source="c-x.yaml") == read[0]


XXE = b'<!DOCTYPE tbx SYSTEM "x.dtd" [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


@pytest.mark.parametrize("where", ["after a comment", "after 64 KiB", "in UTF-16"])
def test_entity_declarations_are_refused_wherever_they_stand(where):
    body = _tbx_with_confidence(b"0.95").replace(b"<term>EPCA</term>", b"<term>&xxe;</term>", 1)
    head, rest = body.split(b"\n", 1)
    rest = rest.split(b"\n", 2)[2]  # drop the two xml-model instructions
    if where == "after a comment":
        data = head + b"\n<!-- exported -->\n" + XXE + rest
    elif where == "after 64 KiB":
        data = head + b"\n<!--" + b" " * 70_000 + b"-->\n" + XXE + rest
    else:
        text = (head + b"\n" + XXE + rest).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
        data = text.encode("utf-16-le")
    with pytest.raises(FormatError, match="DOCTYPE declares entities"):
        list(tbx.read(io.BytesIO(data), source="x.tbx"))
    report = validate(io.BytesIO(data), source="x.tbx")
    assert report.dialect is None and "DOCTYPE declares entities" in report.problems[0].message


def test_an_undeclared_entity_under_an_external_dtd_is_refused_not_stored():
    data = _tbx_with_confidence(b"0.95").replace(b"<term>EPCA</term>", b"<term>&xxe;</term>", 1)
    data = data.replace(b"<tbx ", b'<!DOCTYPE tbx SYSTEM "x.dtd">\n<tbx ', 1)
    with pytest.raises(FormatError, match="entity reference &xxe; is not allowed"):
        list(tbx.read(io.BytesIO(data), source="x.tbx"))


def test_validate_summarises_a_problem_repeated_hundreds_of_times(tmp_path):
    out = io.BytesIO()
    concept = parse_concept(EPCA, source="c-epca.yaml")
    tbx.write(out, [Concept(f"c-{i}", concept.sections) for i in range(300)], dialect="2008")
    path = tmp_path / "many.tbx"
    path.write_bytes(out.getvalue().replace(b"<termEntry ", b'<termEntry bad="1" '))
    result = run("validate", path)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{path}: INVALID (TBX 2008 (TBX-Basic), 300 problems)"
    assert len(lines) == 3, lines  # the first ten shown as one, then the rest counted
    assert lines[1].startswith(f"  {path}:13: No declaration for attribute bad of element "
                               "termEntry (also line ")
    assert lines[1].endswith(" and 4 more)")
    assert lines[2] == f"  {path}: 290 more like: No declaration for attribute bad of " \
                       "element termEntry"


def test_validate_refuses_an_element_with_thousands_of_attributes(tmp_path):
    data = _tbx_with_confidence(b"0.95")
    attrs = b"".join(b' a%d="v"' % i for i in range(5000))
    path = tmp_path / "crowded.tbx"
    path.write_bytes(data.replace(b"<conceptEntry ", b"<conceptEntry" + attrs + b" ", 1))
    result = run("validate", path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}:13: an element with 5,001 attributes")


# -- TMX ----------------------------------------------------------------------------------------

TMX_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            b'<tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" '
            b'segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>\n')


def _tmx(tu: bytes) -> bytes:
    return TMX_HEAD + tu + b"\n</body></tmx>\n"


@pytest.mark.parametrize("inner", [b'<prop type="x">before&a;after</prop>',
                                   b"<note>before&a;after</note>"])
def test_tmx_entity_in_prop_or_note_is_refused_not_cut(inner):
    data = _tmx(b'<tu>' + inner + b'<tuv xml:lang="en"><seg>x</seg></tuv></tu>')
    with pytest.raises(FormatError) as err:
        list(tmx.read(io.BytesIO(data), name="x.tmx"))
    assert err.value.line == 4 and "entity reference &a; is not allowed" in err.value.reason


def test_tmx_deep_inline_nesting_is_refused_without_recursion_error():
    seg = b"<hi>" * 1000 + b"x" + b"</hi>" * 1000
    data = _tmx(b'<tu><tuv xml:lang="en"><seg>' + seg + b"</seg></tuv></tu>")
    with pytest.raises(FormatError, match="nested more than 64 deep"):
        list(tmx.read(io.BytesIO(data), name="x.tmx"))


def test_tmx_inline_nesting_within_the_limit_keeps_all_text():
    seg = b"a" + b"<hi>b" * 10 + b"c" + b"</hi>d" * 10
    data = _tmx(b'<tu><tuv xml:lang="en"><seg>' + seg + b"</seg></tuv></tu>")
    [unit] = tmx.read(io.BytesIO(data), name="x.tmx")
    assert unit.variant("en").text == "a" + "b" * 10 + "c" + "d" * 10


def test_tmx_thousands_of_attributes_are_refused():
    attrs = b"".join(b' a%d="v"' % i for i in range(5000))
    data = _tmx(b"<tu" + attrs + b'><tuv xml:lang="en"><seg>x</seg></tuv></tu>')
    with pytest.raises(FormatError, match="has 5,000 attributes"):
        list(tmx.read(io.BytesIO(data), name="x.tmx"))


# -- plain text ---------------------------------------------------------------------------------

def test_tm_align_and_check_refuse_text_that_is_not_utf8(glossary_dir, tmp_path):
    source = tmp_path / "en.txt"
    source.write_bytes("EPCA talks.\n".encode())
    target = tmp_path / "ru.txt"
    target.write_bytes("Переговоры по СПС.\n".encode("cp1251"))
    result = run("tm", "align", source, target, "--tm", tmp_path / "tm.sqlite",
                 "--glossary", glossary_dir)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {target}:1: not UTF-8 text (byte 0xcf at offset 0)\n"
    result = run("check", "--source", source, "--target", target, "--lang", "ru",
                 "--glossary", glossary_dir)
    assert result.exit_code == 2 and result.stderr.startswith(f"Error: {target}:1: not UTF-8")


def test_dump_of_every_test_concept_reads_back():
    for path in sorted((DATA / "glossary").glob("*.yaml")):
        concept = parse_concept(path.read_bytes(), source=path.name)
        assert parse_concept(dump_concept(concept), source=path.name) == concept


# -- XLSX ---------------------------------------------------------------------------------------

def _workbook_with_sheet(change) -> bytes:
    import zipfile

    from termbank.formats import xlsx

    out = io.BytesIO()
    xlsx.write(out, [parse_concept(p.read_bytes(), source=p.name)
                     for p in sorted((DATA / "glossary").glob("*.yaml"))])
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = change(parts["xl/worksheets/sheet1.xml"])
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return packed.getvalue()


@pytest.mark.parametrize("change", [
    lambda sheet: b'<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>' + sheet,
    lambda sheet: b"<!--" + b" " * 70_000 + b'--><!DOCTYPE w [<!ENTITY a "b">]>' + sheet,
], ids=["external entity", "after a long comment"])
def test_xlsx_with_declarations_is_refused(change):
    from termbank.formats import xlsx

    with pytest.raises(FormatError, match="declares a DTD or entities"):
        list(xlsx.read(io.BytesIO(_workbook_with_sheet(change)), source="x.xlsx"))


def test_xlsx_with_broken_sheet_xml_is_a_format_error():
    from termbank.formats import xlsx

    data = _workbook_with_sheet(lambda sheet: sheet.replace(b"</row>", b"</rox>", 2))
    with pytest.raises(FormatError, match="not an Excel .xlsx workbook"):
        list(xlsx.read(io.BytesIO(data), source="x.xlsx"))
