"""termbank import / export / validate from the command line: exit codes, output, no data lost."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from termbank.cli import cli

DATA = Path(__file__).resolve().parents[1] / "data"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_export_import_export_round_trip(glossary_dir, tmp_path):
    first = tmp_path / "first.tbx"
    result = run("export", "--glossary", glossary_dir, "--format", "tbx", "--out", first)
    assert result.exit_code == 0 and result.output == f"Wrote {first}\n"
    fresh = tmp_path / "fresh"
    result = run("import", first, "--glossary", fresh)
    assert result.exit_code == 0, result.output
    assert result.output == f"Read 3 concepts from {first}: 3 added, 0 merged into existing ones.\n"
    second = tmp_path / "second.tbx"
    run("export", "--glossary", fresh, "--format", "tbx", "--out", second)
    assert second.read_bytes() == first.read_bytes()
    assert sorted(p.name for p in fresh.glob("*.yaml")) == sorted(p.name for p in glossary_dir.glob("*.yaml"))


def test_import_reports_conflicts_with_exit_code_1(glossary_dir, tmp_path):
    tbx = tmp_path / "other.tbx"
    tbx.write_text(
        '<martif type="TBX"><text><body><termEntry id="c-mazhilis"><langSet xml:lang="ru"><tig>'
        '<term>Меджлис</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
        '</tig></langSet></termEntry></body></text></martif>', encoding="utf-8")
    result = run("import", tbx, "--glossary", glossary_dir, "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["updated"] == ["c-mazhilis"]
    assert report["conflicts"] == ["c-mazhilis [ru]: 'Меджлис' status: kept 'deprecated', ignored 'preferred'"]


def test_broken_input_leaves_the_glossary_unchanged(glossary_dir, tmp_path, snapshot):
    before = snapshot(glossary_dir)
    bad = tmp_path / "bad.tbx"
    good = (DATA / "tbx" / "foreign_memoq.tbx").read_bytes()
    bad.write_bytes(good[: len(good) * 2 // 3])  # cut off mid-file, after several entries
    result = run("import", bad, "--glossary", glossary_dir)
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {bad}:")
    assert "not well-formed XML" in result.output and result.output.count("\n") == 1
    assert snapshot(glossary_dir) == before


def test_export_formats_write_under_exports(glossary_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for fmt in ("tbx", "tbx2", "csv"):
        assert run("export", "--glossary", glossary_dir, "--format", fmt).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == [
        "termbank-martif.tbx", "termbank.en-kk-Latn.tsv", "termbank.en-kk.tsv", "termbank.en-ru.tsv",
        "termbank.tbx"]
    rows = (tmp_path / "exports" / "termbank.en-ru.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t")[:2] == ["Deputy Minister of Foreign Affairs",
                                       "заместитель министра иностранных дел"]
    assert "Majilis\tМажилис\tc-mazhilis; candidate; avoid: Меджлис" in rows


def test_validate_lists_problems_with_lines(glossary_dir, tmp_path):
    good = tmp_path / "good.tbx"
    run("export", "--glossary", glossary_dir, "--out", good)
    bad = tmp_path / "bad.tbx"
    bad.write_text(good.read_text(encoding="utf-8").replace(
        '<termNote type="termType">acronym</termNote>', '<termNote type="termType">initialism</termNote>'),
        encoding="utf-8")
    result = run("validate", good, bad)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{good}: valid TBX v3 (TBX-Basic, DCA)"
    assert lines[1] == f"{bad}: INVALID (TBX v3 (TBX-Basic, DCA), 2 problems)"  # EPCA and РАСПС
    problem_lines = [int(line.split(":")[1]) for line in lines[2:]]
    text = bad.read_text(encoding="utf-8").splitlines()
    assert all("initialism" in text[n - 1] for n in problem_lines) and len(problem_lines) == 2


def test_validate_unreadable_file_exits_2(tmp_path):
    empty = tmp_path / "empty.tbx"
    empty.write_bytes(b"")
    result = run("validate", empty, "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout) == [{"file": str(empty), "dialect": None, "valid": False,
                                          "total": 1,
                                          "problems": [{"line": 1, "message": "empty file"}]}]
    assert result.stderr == f"Error: {empty}:1: empty file\n"


def test_large_termbase_goes_into_a_store(tmp_path):
    db = tmp_path / "big.sqlite"
    result = run("import", DATA / "tbx" / "foreign_ltac_v3.tbx", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output == f"Loaded 4 concepts into {db} (16 terms).\n"
    out = tmp_path / "from-db.tbx"
    assert run("export", "--db", db, "--out", out).exit_code == 0
    assert "Средний коридор" in out.read_text(encoding="utf-8")
