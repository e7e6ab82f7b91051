"""yaml_text.dump writes exactly what PyYAML writes, whatever the strings hold."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from termbank import yaml_text
from termbank.glossary import Glossary
from termbank.records import concept_to_dict

GLOSSARY = Path(__file__).resolve().parents[1] / "glossary"
NASTY = ["yes", "No", "null", "on", "OFF", "true", "1", "0x1f", "1e3", "2015-12-21", "1_000",
         ".5", "~", "=", "<<", "12:30", "-1", "+1", "0o7", "1.", "nan", ".inf", "- a", "? x",
         "---", "...", "a: b", "a #b", "a:", "a#b", "Côte d'Ivoire", "«Нұр Отан»", "“quoted”",
         "tab\there", "line\nbreak", "trailing ", " leading", "", "😀 emoji", "\ufeffbom",
         "no\xa0break", "x" * 1200, "Мәжіліс", "kk-Latn"]
CHARS = "aZ09 :#-'\",.[]{}?!&*|>%@`\ttäЖәң\u2028\n\x85~=<“\ufeff\x7f\U0001F600\xa0"


def test_every_concept_of_the_glossary_is_written_as_pyyaml_writes_it():
    for concept in Glossary(GLOSSARY).load():
        data = concept_to_dict(concept)
        assert yaml_text.dump(data) == yaml_text.dump_with_pyyaml(data), concept.id


@pytest.mark.parametrize("seed", range(3))
def test_odd_strings_and_numbers_are_written_as_pyyaml_writes_them(seed):
    rng = random.Random(seed)
    for i in range(2000):
        text = (rng.choice(NASTY) + rng.choice(["", " x", ":", " "]) if i % 2 else
                "".join(rng.choice(CHARS) for _ in range(rng.randint(1, 8))))
        data = {"id": "c-x", "note": text, "languages": {
            rng.choice(["en", "no", "kk-Latn", "on"]): {"terms": [
                {"text": text, "confidence": rng.choice([rng.random(), 1e-7, 0.5, 1.0])}],
                "note": [text] if i % 3 else []}}}
        assert yaml_text.dump(data) == yaml_text.dump_with_pyyaml(data), repr(text)
