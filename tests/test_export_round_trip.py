"""One canonical order: export → import into an empty folder → export gives the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from termbank import pipeline
from termbank.glossary import Glossary

GLOSSARY = Path(__file__).resolve().parents[1] / "glossary"


def _export_all(glossary: Glossary, out: Path) -> dict[str, bytes]:
    written = []
    for fmt in pipeline.BUILD_FORMATS:
        written += pipeline.export(glossary, fmt, pipeline.default_export_path(fmt, out))
    return {p.name: p.read_bytes() for p in written}


@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
def test_export_import_export_is_byte_identical(tmp_path, fmt):
    first = _export_all(Glossary(GLOSSARY), tmp_path / "first")
    assert len(first) == 6  # v3, 2008, an OmegaT file for kk, kk-Latn and ru, the workbook
    name = pipeline.EXPORT_NAMES[fmt]
    with open(tmp_path / "first" / name, "rb") as f:
        pipeline.import_into_glossary(f, Glossary(tmp_path / "fresh"), source=name)
    assert _export_all(Glossary(tmp_path / "fresh"), tmp_path / "second") == first


def test_export_and_build_order_concepts_by_id_whatever_the_file_names(tmp_path):
    from termbank.model import Concept, LangSection, Term

    # "c-a-b" sorts before "c-a" as a file name ("c-a-b.yaml" < "c-a.yaml") but after it as an id
    concepts = [Concept(cid, (LangSection("en", (Term(cid),)), LangSection("ru", (Term("т"),))))
                for cid in ("c-a-b", "c-a")]
    Glossary(tmp_path / "g").save(concepts)
    from_files = _export_all(Glossary(tmp_path / "g"), tmp_path / "x")
    from_list = _export_all(concepts, tmp_path / "y")
    assert from_files == from_list
    tbx = from_files["termbank.tbx"].decode()
    assert tbx.index('id="c-a"') < tbx.index('id="c-a-b"')
