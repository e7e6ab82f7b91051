"""The house rules that keep rooms apart: dependencies point inward."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "termbank"


def termbank_rooms(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    mods = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    mods |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    return {m.split(".")[1] for m in mods if m.startswith("termbank.")}


def test_model_imports_nothing_of_ours():
    assert termbank_rooms(SRC / "model.py") == set()


@pytest.mark.parametrize("path", sorted((SRC / "lang").glob("*.py")), ids=lambda p: p.name)
def test_language_modules_know_no_model_format_or_store(path):
    assert termbank_rooms(path) <= {"lang"}


@pytest.mark.parametrize("path", sorted((SRC / "formats").glob("*.py")), ids=lambda p: p.name)
def test_formats_know_the_model_not_each_other(path):
    assert termbank_rooms(path) <= {"model", "errors"}


@pytest.mark.parametrize("path", sorted(p for p in SRC.rglob("*.py") if "cli" not in p.parts),
                         ids=lambda p: str(p.relative_to(SRC)))
def test_nothing_imports_the_cli_and_the_library_never_prints(path):
    assert "cli" not in termbank_rooms(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert "print" not in calls, f"{path.name} prints; only the CLI talks to the terminal"


def test_importing_termbank_stays_cheap():
    import subprocess
    import sys

    code = ("import sys, termbank; heavy = {'lxml', 'pymorphy3', 'rapidfuzz', 'yaml', 'babel', 'polib'}; "
            "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
