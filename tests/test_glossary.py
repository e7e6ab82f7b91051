"""The glossary folder: deterministic, atomic, and precise about malformed files."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from termbank import files
from termbank.errors import FormatError
from termbank.glossary import Glossary, dump_concept
from termbank.model import AdminStatus, Concept, LangSection, Term


def test_loading_and_saving_an_unchanged_glossary_changes_no_byte(glossary_dir, snapshot):
    before = snapshot(glossary_dir)
    g = Glossary(glossary_dir)
    summary = g.save(g.load())
    assert summary.written == () and summary.unchanged == 3
    assert snapshot(glossary_dir) == before


def test_hand_written_files_are_in_canonical_form(glossary_dir):
    for path in Glossary(glossary_dir).paths():
        concept = Glossary(glossary_dir).get(path.stem)
        assert dump_concept(concept) == path.read_bytes(), path.name


def test_save_writes_only_what_changed(glossary_dir, snapshot):
    g = Glossary(glossary_dir)
    concepts = {c.id: c for c in g.load()}
    before = snapshot(glossary_dir)
    concepts["c-mazhilis"] = replace(concepts["c-mazhilis"], note="Checked by the editor.")
    summary = g.save(concepts.values())
    assert summary.written == ("c-mazhilis",)
    after = snapshot(glossary_dir)
    assert {k for k in after if after[k] != before[k]} == {"c-mazhilis.yaml"}
    assert "note: Checked by the editor." in after["c-mazhilis.yaml"].decode()


def test_a_failed_save_changes_nothing(glossary_dir, monkeypatch, snapshot):
    g = Glossary(glossary_dir)
    concepts = [replace(c, note="new") for c in g.load()]
    before = snapshot(glossary_dir)
    calls = []
    real_replace = os.replace
    real_create = files._create

    def failing_create(path):  # the disk fills up while the second file is written
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_create(path)

    monkeypatch.setattr(files, "_create", failing_create)
    with pytest.raises(OSError):
        g.save(concepts)
    assert snapshot(glossary_dir) == before
    assert os.replace is real_replace
    assert not [p for p in glossary_dir.iterdir() if p.name.endswith(".tmp")]


def test_replace_all_removes_concepts_not_given(glossary_dir):
    g = Glossary(glossary_dir)
    keep = [c for c in g.load() if c.id != "c-mazhilis"]
    summary = g.save(keep, replace_all=True)
    assert summary.removed == ("c-mazhilis",)
    assert [p.stem for p in g.paths()] == ["c-deputy-minister-of-foreign-affairs", "c-epca"]


def test_fingerprint_follows_file_changes(glossary_dir):
    g = Glossary(glossary_dir)
    first = g.fingerprint()
    assert g.fingerprint() == first
    path = g.path_of("c-mazhilis")
    path.write_bytes(path.read_bytes() + b"note: x\n")
    assert g.fingerprint() != first


BAD = [
    ("id: c-x\nlanguages:\n  en:\n    terms:\n    - text: [broken\n",
     "c-x.yaml:6: YAML syntax error: did not find expected ',' or ']'"),
    ("id: c-x\nlanguages:\n  en:\n    terms:\n    - text: X\n      status: best\n",
     "c-x.yaml:6: languages/en/terms/0/status: 'best' is not one of: preferred, admitted, "
     "deprecated, superseded"),
    ("id: c-x\nlanguages:\n  kk_KZ:\n    terms:\n    - text: X\n",
     "c-x.yaml:3: languages/kk_KZ: not a language tag (use hyphens, e.g. kk-Latn): 'kk_KZ'"),
    ("id: c-x\nlanguages:\n  en:\n    terms:\n    - text: X\n      confidence: 2\n",
     "c-x.yaml:6: languages/en/terms/0/confidence: confidence must be a number from 0 to 1, not 2"),
    ("id: c-x\nlanguages:\n  en:\n    terms:\n    - type: acronym\n",
     "c-x.yaml:5: languages/en/terms/0/text: missing"),
    ("id: c-x\ncolour: blue\n",
     "c-x.yaml:2: colour: unknown field 'colour' (known: alternatives, definition, id, kind, "
     "languages, note, related, sources, subject_field)"),
    ("id: c-y\n", "c-x.yaml:1: id 'c-y' does not match the file name (expected 'c-x')"),
    ("", "c-x.yaml:1: empty file: a concept file holds one concept"),
    ("- just\n- a list\n", "c-x.yaml:1: expected a mapping, found a list"),
]


@pytest.mark.parametrize("text, message", BAD, ids=[m.split(": ", 1)[1][:40] for _, m in BAD])
def test_malformed_file_is_reported_with_file_and_line(tmp_path, text, message):
    (tmp_path / "c-x.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as err:
        Glossary(tmp_path).load()
    assert str(err.value) == str(tmp_path / message)


def test_file_that_is_not_utf8_is_reported(tmp_path):
    (tmp_path / "c-x.yaml").write_bytes("id: c-x\nnote: Мажилис\n".encode("cp1251"))
    with pytest.raises(FormatError) as err:
        Glossary(tmp_path).load()
    assert str(err.value) == f"{tmp_path / 'c-x.yaml'}:2: not UTF-8 text"


def test_a_new_glossary_folder_is_created_on_first_save(tmp_path):
    g = Glossary(tmp_path / "new")
    assert g.load() == []
    concept = Concept("c-eu", (LangSection("en", (Term("European Union", status=AdminStatus.PREFERRED),)),))
    g.save([concept])
    assert g.load() == [concept]
    assert (tmp_path / "new" / "c-eu.yaml").read_text(encoding="utf-8") == (
        "id: c-eu\nlanguages:\n  en:\n    terms:\n    - text: European Union\n      type: fullForm\n"
        "      status: preferred\n      review: candidate\n")
