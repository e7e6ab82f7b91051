"""TBX written the way other tools write it (tests/data/tbx/README.md) imports without loss."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from termbank.formats.tbx import normalise_lang
from termbank.model import Concept
from termbank.pipeline import read_tbx

TBX = Path(__file__).resolve().parents[1] / "data" / "tbx"
EXPECTED = yaml.safe_load((TBX / "foreign_expected.yaml").read_text(encoding="utf-8"))


def load(name: str) -> list[Concept]:
    with open(TBX / name, "rb") as f:
        return list(read_tbx(f, source=name))


def find(concepts: list[Concept], key: str, position: int) -> Concept:
    """By the file's id, by the first term where the file had no id, else by position
    (ids such as memoQ's ``1`` are not NCNames and are replaced by one made from the term)."""
    for c in concepts:
        if c.id == key:
            return c
    for c in concepts:
        first = next((s.terms[0].text for s in c.sections if s.terms), None)
        if first == key:
            return c
    if not key[:1].isalpha() and key[:1] != "_":
        return concepts[position]
    raise AssertionError(f"no concept {key!r} among {[c.id for c in concepts]}")


def all_notes(c: Concept) -> str:
    parts = [c.note or "", c.definition or ""]
    for s in c.sections:
        parts += [s.note or "", s.definition or ""]
        parts += [t.note or "" for t in s.terms]
    return "\n".join(parts)


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_foreign_file_imports_without_loss(name):
    concepts = load(name)
    expected = EXPECTED[name]["concepts"]
    assert len(concepts) == len(expected)
    for position, (key, want) in enumerate(expected.items()):
        concept = find(concepts, str(key), position)
        for raw_lang, terms in want["terms"].items():
            section = concept.section(normalise_lang(raw_lang))
            assert section is not None, (key, raw_lang)
            assert [t.text for t in section.terms] == [t["text"] for t in terms], (key, raw_lang)
            for got, term in zip(section.terms, terms):
                if "status" in term:
                    assert got.status.value == term["status"], (key, got.text)
                if "pos" in term:
                    assert got.pos is not None and got.pos.value == term["pos"], (key, got.text)
                if "term_type" in term:
                    assert got.type.value == term["term_type"], (key, got.text)
        if "pos" in want:
            assert all(t.pos is not None and t.pos.value == want["pos"]
                       for s in concept.sections for t in s.terms), key
        text = all_notes(concept)
        for definition in want.get("definitions", []):
            assert definition in (concept.definition or "") or any(
                definition == s.definition for s in concept.sections), (key, definition)
        for note in want.get("notes", []):
            assert note in text, (key, note)
        if "subject_field" in want:
            assert concept.subject_field == want["subject_field"]
        contexts = [x.text for s in concept.sections for t in s.terms for x in t.contexts]
        for context in want.get("contexts", []):
            assert context in contexts, (key, context)
        refs = list(concept.sources) + [src.ref for s in concept.sections for t in s.terms
                                        for src in t.sources]
        refs += [x.source for s in concept.sections for t in s.terms for x in t.contexts]
        for source in want.get("sources", []) + want.get("external_refs", []):
            assert source in refs, (key, source)


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=str)
def test_foreign_terms_remember_the_import(name):
    """Terms without a source of their own are marked as imported from the file and line."""
    concepts = load(name)
    for c in concepts:
        for s in c.sections:
            for t in s.terms:
                assert t.sources, (c.id, t.text)
