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
    assert result.output == f"Read 3 concepts from {first}: 3 added, 0 updated.\n"
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
    assert report["summary"] == {"read": 1, "added": 0, "updated": 1, "conflicts": 1}
    assert report["results"][0] == {"concept": "c-mazhilis", "action": "updated"}
    assert report["results"][1]["message"] == (
        "c-mazhilis [ru]: 'Меджлис' status: kept 'deprecated', ignored 'preferred'")


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
    for fmt in ("tbx", "tbx2", "omegat", "xlsx"):
        assert run("export", "--glossary", glossary_dir, "--format", fmt).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == [
        "termbank-martif.tbx", "termbank.en-kk-Latn.utf8", "termbank.en-kk.utf8",
        "termbank.en-ru.utf8", "termbank.tbx", "termbank.xlsx"]
    rows = (tmp_path / "exports" / "termbank.en-ru.utf8").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t")[:2] == ["Deputy Minister of Foreign Affairs",
                                       "заместитель министра иностранных дел"]
    mazhilis = [r.split("\t") for r in rows if r.startswith("Majilis\t")]
    assert mazhilis == [["Majilis", "Мажилис",
                         "candidate, not reviewed; do not use: Меджлис; Lower chamber of the "
                         "Parliament of the Republic of Kazakhstan.; c-mazhilis"]]
    assert not any("Меджлис" == r.split("\t")[1] for r in rows)


def test_export_of_a_missing_glossary_is_a_usage_error(tmp_path):
    out = tmp_path / "x.tbx"
    result = run("export", "--glossary", tmp_path / "glosary", "--out", out)
    assert result.exit_code == 2
    assert result.output == f"Error: {tmp_path / 'glosary'}: no such glossary folder (use --glossary DIR)\n"
    assert not out.exists()


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
    # the same message twice is one line that names both places
    assert len(lines) == 3 and lines[2].endswith(")")
    first = int(lines[2].split(":")[1])
    again = int(lines[2].rsplit("(also line ", 1)[1].rstrip(")"))
    text = bad.read_text(encoding="utf-8").splitlines()
    assert "initialism" in text[first - 1] and "initialism" in text[again - 1] and first < again


def test_validate_unreadable_file_exits_2(tmp_path):
    empty = tmp_path / "empty.tbx"
    empty.write_bytes(b"")
    result = run("validate", empty, "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["results"] == [
        {"file": str(empty), "dialect": None, "valid": False, "total": 1,
         "problems": [{"line": 1, "message": "empty file", "lines": [1]}]}]
    assert result.stderr == f"Error: {empty}:1: empty file\n"


def test_large_termbase_goes_into_a_store(tmp_path):
    db = tmp_path / "big.sqlite"
    result = run("import", DATA / "tbx" / "foreign_ltac_v3.tbx", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output == f"Loaded 4 concepts into {db} (16 terms).\n"
    out = tmp_path / "from-db.tbx"
    assert run("export", "--db", db, "--out", out).exit_code == 0
    assert "Средний коридор" in out.read_text(encoding="utf-8")


_REPEATED = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>an id given twice</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c-epca"><langSec xml:lang="en"><descrip type="definition">The 2015 agreement.</descrip>
<termSec><term>EPCA</term></termSec></langSec></conceptEntry>
<conceptEntry id="c-epca"><langSec xml:lang="en"><descrip type="definition">An agreement.</descrip>
<termSec><term>Enhanced Partnership and Cooperation Agreement</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""


def test_an_id_repeated_under_import_db_is_merged_and_nothing_is_dropped(tmp_path):
    from termbank.model import Alternative
    from termbank.store import open_store

    (tmp_path / "twice.tbx").write_text(_REPEATED, encoding="utf-8")
    db = tmp_path / "big.sqlite"
    result = run("import", tmp_path / "twice.tbx", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == [
        "  repeated id c-epca: merged into its first copy",
        "  conflict: c-epca [en]: definition: kept 'The 2015 agreement.', ignored "
        "'An agreement.' (kept in the concept's alternatives)"]
    with open_store(db) as store:
        concept = store.get("c-epca")
    assert [t.text for t in concept.section("en").terms] == [
        "EPCA", "Enhanced Partnership and Cooperation Agreement"]
    assert concept.alternatives == (
        Alternative("definition", "An agreement.", lang="en", source="import twice.tbx"),)
