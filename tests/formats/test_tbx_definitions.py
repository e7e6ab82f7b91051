"""An entry with two definitions keeps both: the first as the definition, the other as a note."""

from __future__ import annotations

import io

from termbank.formats import tbx

TWO = b"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c-a"><descrip type="definition">First.</descrip>
<descrip type="definition">Second.</descrip>
<langSec xml:lang="en"><descrip type="definition">One.</descrip>
<descripGrp><descrip type="definition">Two.</descrip></descripGrp>
<termSec><term>A</term></termSec></langSec>
<langSec xml:lang="en"><descrip type="definition">Three.</descrip><termSec><term>B</term></termSec>
</langSec></conceptEntry>
</body></text></tbx>
"""


def test_a_second_definition_is_kept_as_a_note():
    (concept,) = tbx.read(io.BytesIO(TWO), source="two.tbx")
    assert (concept.definition, concept.note) == ("First.", "definition: Second.")
    (en,) = concept.sections
    assert en.definition == "One."
    assert en.note is not None and en.note.splitlines() == ["definition: Two.", "definition: Three."]
