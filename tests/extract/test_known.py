"""A new text meets the glossary: known candidates keep their concept, new ones are new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termbank.cli import cli
from termbank.extract import extract, read_documents, to_concepts
from termbank.extract.known import fold, mark_known
from termbank.glossary import Glossary
from termbank.merge import merge

ROOT = Path(__file__).resolve().parents[2]
VISAS = ROOT / "tests" / "data" / "extract" / "fresh" / "visas.txt"


@pytest.fixture(scope="module")
def glossary():
    return Glossary(ROOT / "glossary").load()


@pytest.fixture(scope="module")
def visas(glossary):
    found = extract(read_documents([VISAS]))
    mark_known(found, glossary)
    return found


def _by_name(found, name):
    return next(c for c in found if c.preferred == name)


def test_folding_ignores_case_hyphens_dashes_possessives_and_the_last_plural():
    assert fold("People-to-People Ties") == fold("people to people tie")
    assert fold("the EU’s") == fold("the EU")
    assert fold("Value Chains") == fold("value chain")
    assert fold("visa requirements") != fold("visa requirement holders")


def test_a_title_written_another_way_is_the_existing_concept(visas):
    title = _by_name(visas, "Deputy Prime Minister – Minister of Foreign Affairs")
    assert title.known == "c-deputy-prime-minister-foreign-minister"
    assert _by_name(visas, "European Parliament").known == "c-european-parliament"
    assert _by_name(visas, "readmission").known == ""


def test_known_candidates_merge_into_their_concept_and_make_no_duplicate(visas, glossary):
    result = merge(glossary, to_concepts(visas))
    known_ids = {c.known for c in visas if c.known}
    assert known_ids and not known_ids & set(result.added)
    assert len(result.concepts) == len(glossary) + sum(1 for c in visas if not c.known)


def test_cli_says_new_or_known_in_text_and_json(tmp_path):
    runner = CliRunner()
    out = runner.invoke(cli, ["extract", str(VISAS), "--glossary", str(ROOT / "glossary"),
                              "--json"])
    assert out.exit_code == 0, out.output
    records = {r["preferred"]: r for r in json.loads(out.output)["results"]}
    assert records["European Parliament"]["glossary"] == "known"
    assert records["European Parliament"]["concept"] == "c-european-parliament"
    assert records["readmission"]["glossary"] == "new"
    assert records["readmission"]["part_of_speech"] == "noun"
    text = runner.invoke(cli, ["extract", str(VISAS), "--glossary", str(tmp_path / "none")])
    assert text.exit_code == 0 and "glossary" in text.output.splitlines()[0]
    assert "known" not in text.output  # no glossary: everything is new
