"""Every ``--json`` command prints the one documented shape (README, "JSON output").

``{"results": [ {...}, ... ], "summary": {...}}``: ``results`` a list of objects, ``summary``
an object (left out when empty); shared names mean the same everywhere (``concept``, ``lang``,
``term``, ``status``, ``review``, ``score`` 0–100, ``file``, ``line``, ``message``); a result
appears once.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from termbank.cli import cli
from termbank.model import LANGS, AdminStatus, Review

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NAME = "004_e506c08ab7124fe3.txt"

FIELD_CHECKS = {
    "concept": lambda v: isinstance(v, str) and v.startswith("c-"),
    "lang": lambda v: v is None or v in LANGS,
    "target_lang": lambda v: v in LANGS,
    "term": lambda v: v is None or (isinstance(v, str) and v == v.strip() and v != ""),
    "status": lambda v: v is None or v in {s.value for s in AdminStatus},
    "review": lambda v: v in {r.value for r in Review},
    "score": lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 100,
    "file": lambda v: isinstance(v, str) and v != "",
    "line": lambda v: v is None or (isinstance(v, int) and v >= 1),
    "message": lambda v: isinstance(v, str) and v != "",
}


def check_shape(output: str, command: str) -> dict:
    data = json.loads(output)
    assert isinstance(data, dict) and set(data) <= {"results", "summary"}, command
    assert isinstance(data["results"], list), command
    assert isinstance(data.get("summary", {}), dict), command
    seen = set()
    for item in data["results"]:
        assert isinstance(item, dict) and item, (command, item)
        for name, ok in FIELD_CHECKS.items():
            if name in item:
                assert ok(item[name]), (command, name, item[name])
        for term in item.get("terms", []) if isinstance(item.get("terms"), list) else []:
            for name in ("lang", "term", "status", "review"):
                assert FIELD_CHECKS[name](term[name]), (command, name, term)
        key = json.dumps(item, sort_keys=True, ensure_ascii=False)
        assert key not in seen, (command, "duplicate result", item)
        seen.add(key)
    return data


def json_commands(group: click.Group, prefix: str = "") -> set[str]:
    found = set()
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found |= json_commands(command, f"{prefix}{name} ")
        elif any(p.name == "as_json" for p in command.params):
            found.add(prefix + name)
    return found


def test_every_json_command_prints_the_documented_shape(tmp_path, monkeypatch, request):
    monkeypatch.chdir(tmp_path)
    seeds = tmp_path / "seeds"
    for sub in ("", "kk", "ru"):
        (seeds / sub).mkdir(parents=True, exist_ok=True)
        shutil.copy(SEEDS / sub / NAME, seeds / sub / NAME)
    english, russian, kazakh = seeds / NAME, seeds / "ru" / NAME, seeds / "kk" / NAME
    sentence = "More than 3,000 companies with European capital operate in Kazakhstan."
    g, e, memory = tmp_path / "glossary", tmp_path / "exports", tmp_path / "tm.sqlite"
    runs = {
        "build": ["build", "--seeds", seeds, "--glossary", g, "--exports", e, "--locales",
                  tmp_path / "locales"],
        "export": ["export", "--glossary", g, "--out", e / "x.tbx"],
        "import": ["import", e / "x.tbx", "--glossary", tmp_path / "other"],
        "validate": ["validate", e / "x.tbx"],
        "align": ["align", "--glossary", g],
        "extract": ["extract", english],
        "lookup": ["lookup", "European Union", "--glossary", g],
        "locales update": ["locales", "update", "--glossary", g, "--locales", tmp_path / "locales"],
        "check": ["check", "--glossary", g, tmp_path / "locales/ru/LC_MESSAGES/glossary.po"],
        "locales import": ["locales", "import", "--glossary", g, "--locales", tmp_path / "locales",
                           "--dry-run"],
        "tm align": ["tm", "align", english, russian, kazakh, "--tm", memory, "--glossary", g],
        "tm search": ["tm", "search", sentence, "--lang-pair", "en-ru", "--tm", memory,
                      "--glossary", g],
        "tm concordance": ["tm", "concordance", "Kazakhstan", "--tm", memory],
        "tm export": ["tm", "export", "--out", e / "m.tmx", "--tm", memory],
        "tm import": ["tm", "import", e / "m.en-ru.tmx", "--tm", tmp_path / "tm2.sqlite"],
        "tm terms": ["tm", "terms", "--glossary", g, "--seeds", seeds],
    }
    # history reads a team termbase (PostgreSQL): checked below when one can be started
    assert set(runs) | {"history"} == json_commands(cli)  # a new --json command must be added here
    outputs = {}
    for command, args in runs.items():
        result = CliRunner().invoke(cli, [str(a) for a in args] + ["--json"])
        assert result.exit_code in (0, 1), (command, result.output)
        outputs[command] = check_shape(result.stdout, command)
    assert outputs["lookup"]["results"][0]["concept"] == "c-european-union"
    assert outputs["tm search"]["results"][0]["score"] == 100
    assert all(r["concept"].startswith("c-") for r in outputs["extract"]["results"])
    assert outputs["build"]["summary"]["documents"] == 1
    try:
        db = request.getfixturevalue("postgres_url")
    except pytest.skip.Exception:
        return
    assert CliRunner().invoke(cli, ["import", str(g), "--db", db]).exit_code == 0
    history = CliRunner().invoke(cli, ["history", "c-european-union", "--db", db, "--json"])
    assert history.exit_code == 0, history.output
    trail = check_shape(history.stdout, "history")
    assert trail["results"][0]["concept"] == "c-european-union"
    assert trail["results"][0]["action"] == "import"


def test_unknown_language_or_pair_is_a_usage_error(tmp_path, glossary_dir):
    runner = CliRunner()
    lookup = runner.invoke(cli, ["lookup", "EU", "--lang", "de", "--glossary", str(glossary_dir)])
    assert lookup.exit_code == 2 and lookup.output.startswith("Error: --lang de:")
    search = runner.invoke(cli, ["tm", "search", "EU", "--lang-pair", "en-de", "--tm",
                                 str(tmp_path / "m.sqlite")])
    assert search.exit_code == 2 and "unknown language 'de'" in search.output
    none = runner.invoke(cli, ["tm", "search", "EU", "--lang-pair", "en-ru", "--tm",
                               str(tmp_path / "m.sqlite")])
    assert none.exit_code == 1  # ran, found nothing


def test_missing_glossary_folder_is_exit_2_for_read_only_commands(tmp_path):
    typo = str(tmp_path / "glosary")
    for args in (["export", "--out", str(tmp_path / "x.tbx")], ["lookup", "EU"],
                 ["locales", "update", "--locales", str(tmp_path / "l")], ["align"],
                 ["check", "--source", __file__, "--target", __file__, "--lang", "ru"],
                 ["locales", "import"], ["tm", "search", "EU"], ["tm", "concordance", "EU"],
                 ["tm", "export", "--out", str(tmp_path / "m.tmx")], ["tm", "terms"]):
        result = CliRunner().invoke(cli, [*args, "--glossary", typo])
        assert result.exit_code == 2, (args, result.output)
        assert "no such glossary folder" in result.output
    assert not (tmp_path / "glosary").exists()
