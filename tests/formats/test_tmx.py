import io
import sys
from pathlib import Path

import pytest

from termbank.errors import FormatError
from termbank.formats import tmx
from termbank.formats.tmx import Unit, Variant

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "tm"
SHARED = ROOT / ".." / "shared"
DTD = SHARED / "schemas" / "tmx" / "tmx14.dtd"


def _units() -> list[Unit]:
    return [
        Unit((Variant("en", "Deputy Minister of Foreign Affairs"),
              Variant("ru", "Заместитель министра иностранных дел"),
              Variant("kk", "Сыртқы істер министрінің орынбасары")), "en",
             (("creationdate", "20250115T120000Z"), ("tuid", "1")), (("x-origin", "001.txt"),)),
        Unit((Variant("en", "Majilis & maslikhats < 2023"), Variant("kk", "Мәжіліс пен мәслихаттар")), "en",
             (("creationdate", "20250116T090000Z"),)),
    ]


def _written(units, **kw) -> bytes:
    out = io.BytesIO()
    tmx.write(out, units, tool_version="0.1.0", **kw)
    return out.getvalue()


def test_bilingual_export_skips_units_without_the_target():
    data = _written(_units(), srclang="en", tgtlang="ru")
    back = list(tmx.read(io.BytesIO(data), name="x.tmx"))
    assert len(back) == 1 and [v.lang for v in back[0].variants] == ["en", "ru"]
    assert back[0].props == (("x-origin", "001.txt"),) and ("tuid", "1") in back[0].attrs


def test_output_is_deterministic_and_escaped():
    assert _written(_units(), srclang="en", tgtlang="kk") == _written(_units(), srclang="en", tgtlang="kk")
    back = list(tmx.read(io.BytesIO(_written(_units(), srclang="en", tgtlang="kk")), name="x"))
    assert back[1].variant("en").text == "Majilis & maslikhats < 2023"


def test_written_tmx_validates_against_the_tmx14_dtd():
    if not DTD.is_file():
        pytest.skip(f"TMX DTD not found at {DTD} (the shared schemas folder is absent)")
    from lxml import etree

    dtd = etree.DTD(str(DTD))
    for tgt in ("ru", "kk"):
        doc = etree.fromstring(_written(_units(), srclang="en", tgtlang=tgt, created="20250116T090000Z"),
                               etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False))
        assert dtd.validate(doc), dtd.error_log
    # what we import from other tools keeps validating when written back
    units = list(tmx.read(DATA / "tmx_trados.tmx")) + list(tmx.read(DATA / "tmx_omegat.tmx"))
    doc = etree.fromstring(_written(units, srclang="en", tgtlang="ru"),
                           etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False))
    assert dtd.validate(doc), dtd.error_log


def test_shared_validator_accepts_our_file(tmp_path):
    if not (SHARED / "schemas" / "validate.py").is_file():
        pytest.skip("the shared schemas folder is absent")
    sys.path.insert(0, str((SHARED / "schemas").resolve()))
    try:
        from validate import validate
    finally:
        sys.path.pop(0)
    path = tmp_path / "en-ru.tmx"
    path.write_bytes(_written(_units(), srclang="en", tgtlang="ru"))
    assert validate(path) == []


def test_translate_toolkit_reads_our_file():
    from translate.storage import tmx as tt_tmx

    store = tt_tmx.tmxfile.parsestring(_written(_units(), srclang="en", tgtlang="kk"))
    pairs = [(u.source, u.target) for u in store.units]
    assert pairs == [("Deputy Minister of Foreign Affairs", "Сыртқы істер министрінің орынбасары"),
                     ("Majilis & maslikhats < 2023", "Мәжіліс пен мәслихаттар")]


@pytest.mark.parametrize("name,count", [("tmx_omegat.tmx", 3), ("tmx_memoq.tmx", 2), ("tmx_trados.tmx", 2)])
def test_other_tools_files_read_completely(name, count):
    units = list(tmx.read(DATA / name))
    assert len(units) == count
    assert all(len(u.variants) == 2 and all(v.text.strip() for v in u.variants) for u in units)


def test_inline_codes_kept_apart_from_text():
    unit = list(tmx.read(DATA / "tmx_omegat.tmx"))[1]
    en = unit.variant("en")
    assert en.lang == "EN-US" and en.text == "The EPCA covers 29 spheres of engagement."
    assert en.markup == 'The <bpt i="1" x="1">&lt;b0&gt;</bpt>EPCA<ept i="1">&lt;/b0&gt;</ept> covers 29 spheres of engagement.'
    memoq = list(tmx.read(DATA / "tmx_memoq.tmx"))
    assert memoq[0].variant("kk").lang == "kk-KZ" and ("x-document", "004_e506c08ab7124fe3.docx") in memoq[0].props
    # written back, the codes are the same elements again
    back = list(tmx.read(io.BytesIO(_written([unit], srclang="en", tgtlang="ru")), name="x"))
    assert back[0].variant("en").markup == en.markup


@pytest.mark.parametrize("name,line,reason", [
    ("tmx_broken_truncated.tmx", 10, "not well-formed XML"),
    ("tmx_broken_entity.tmx", 5, "the DOCTYPE before this element declares entities"),
    ("tmx_broken_nolang.tmx", 11, "<tuv> without xml:lang"),
    ("tmx_broken_encoding.tmx", 7, "not well-formed XML"),
])
def test_broken_files_name_file_and_line(name, line, reason):
    with pytest.raises(FormatError) as err:
        list(tmx.read(DATA / name))
    assert err.value.line == line and reason in err.value.reason
    assert str(err.value).startswith(f"{DATA / name}:{line}: ")


def test_not_a_tmx_root():
    with pytest.raises(FormatError, match="not <tmx>"):
        list(tmx.read(io.BytesIO(b"<martif/>"), name="x.tmx"))
