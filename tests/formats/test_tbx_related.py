"""Cross-references between concepts survive TBX v3 and TBX 2008, and the glossary YAML."""

from __future__ import annotations

import io

import pytest

from termbank.formats import tbx
from termbank.glossary import dump_concept, parse_concept
from termbank.model import Concept, LangSection, Term

WHOLE = Concept("c-dpm-fm", (LangSection("en", (Term("Deputy Prime Minister – Foreign Minister"),)),),
                kind="official title", related=("c-deputy-prime-minister", "c-foreign-minister"))
HAT = Concept("c-foreign-minister", (LangSection("en", (Term("Foreign Minister"),)),),
              kind="official title", related=("c-dpm-fm",))


@pytest.mark.parametrize("version", ["v3", "2008"])
def test_cross_references_round_trip_through_tbx(version):
    out = io.BytesIO()
    tbx.write(out, [WHOLE, HAT], dialect=version)
    assert b'<ref type="crossReference" target="c-foreign-minister">' in out.getvalue()
    back = {c.id: c for c in tbx.read(io.BytesIO(out.getvalue()))}
    assert back["c-dpm-fm"].related == WHOLE.related
    assert back["c-foreign-minister"].related == ("c-dpm-fm",)


def test_cross_references_round_trip_through_the_glossary_file():
    assert parse_concept(dump_concept(WHOLE), source="x.yaml").related == WHOLE.related
