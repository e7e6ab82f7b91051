"""``termbank lookup``: exit codes, the readable layout and the --json shape."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termbank.cli import cli
from termbank.glossary import Glossary
from termbank.store import open_store

DATA = Path(__file__).resolve().parents[1] / "data" / "search"


@pytest.fixture(scope="module")
def glossary(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("lookup") / "glossary"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns(".*"))
    return folder


def run(*args: str):
    return CliRunner().invoke(cli, ["lookup", *args])


def test_a_hit_prints_the_whole_concept_and_exits_0(glossary):
    result = run("Мажилиса", "--glossary", str(glossary), "--limit", "1")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Majilis  [c-majilis]  lemma")
    assert "matched ru \u201cМажилис\u201d" in lines[0]
    by_lang = {line.split()[0]: line for line in lines[1:] if line.startswith("  ")}
    assert by_lang["en"].split(None, 1)[1].startswith("Majilis \u00b7")
    assert "Мәжіліс" in by_lang["kk"] and "Мажилис" in by_lang["ru"]
    assert "Májilis (proposed)" in by_lang["kk-Latn"]
    assert any(line.startswith("  definition: Lower chamber") for line in lines)
    assert any(line.startswith("  sources: ") for line in lines)


def test_json_lists_results_best_first(glossary):
    result = run("Middle Corridor", "--glossary", str(glossary), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)["results"]
    assert [d["concept"] for d in data[:2]] == ["c-middle-corridor",
                                                "c-coordination-platform-for-the-middle-corridor"]
    first = data[0]
    assert (first["lang"], first["term"]) == ("en", "Middle Corridor")
    assert first["score"] == 100 and first["how"] == "exact"
    ru = [t for t in first["terms"] if t["lang"] == "ru"]
    assert [t["term"] for t in ru] == ["Средний коридор", "Срединный коридор"]
    assert [t["term"] for t in first["terms"] if t["lang"] == "kk"] == ["Орта дәліз"]
    assert {t["lang"] for t in first["terms"]} == {"en", "kk", "kk-Latn", "ru"}
    for term in first["terms"]:  # each term once, each source once
        assert len(term["sources"]) == len(set(term["sources"]))
    assert len({(t["lang"], t["term"]) for t in first["terms"]}) == len(first["terms"])
    assert data[0]["score"] > data[1]["score"]


def test_no_hit_exits_1_and_suggests(glossary):
    result = run("Parlament of Kazakstan Republik", "--glossary", str(glossary), "--exact")
    assert result.exit_code == 1
    assert "No term matches" in result.output
    assert "Parliament of the Republic of Kazakhstan" in result.output


def test_no_hit_in_json_is_an_empty_list(glossary):
    result = run("Бхщз", "--glossary", str(glossary), "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {"results": [], "summary": {"found": 0}}


def test_lang_limits_the_matched_language(glossary):
    result = run("Majilis", "--glossary", str(glossary), "--lang", "ru", "--json")
    assert json.loads(result.output)["results"][0]["lang"] == "ru"


def test_db_store_is_searched_the_same_way(tmp_path):
    db = tmp_path / "terms.sqlite"
    with open_store(db) as store:
        store.add(Glossary(DATA).load())
    result = run("мәслихаттарының", "--db", str(db), "--json", "--limit", "1")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"][0]["concept"] == "c-maslikhat"


@pytest.mark.parametrize("args", [
    ("EU", "--lang", "kk_KZ"),
    ("EU", "--limit", "0"),
    ("   ",),
    ("EU", "--db", "no-such-store.sqlite"),
    ("EU", "--glossary", "no-such-folder"),
])
def test_bad_usage_exits_2(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_a_file_that_is_not_a_store_exits_2(tmp_path):
    bad = tmp_path / "x.sqlite"
    bad.write_bytes(b"not a database" * 200)
    result = run("EU", "--db", str(bad))
    assert result.exit_code == 2
    assert "not a termbank store" in result.output
