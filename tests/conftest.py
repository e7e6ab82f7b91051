"""Shared fixtures: test data folders, the official schemas beside the project, a glossary copy."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"
SHARED = (ROOT / ".." / "shared").resolve()


@pytest.fixture
def glossary_dir(tmp_path: Path) -> Path:
    """A copy of the hand-written test glossary (three concepts in en, kk, kk-Latn, ru)."""
    target = tmp_path / "glossary"
    shutil.copytree(DATA / "glossary", target)
    return target


@pytest.fixture(scope="session")
def official_validate():
    """``validate(path) -> list of problems`` from the official schemas in ../shared/schemas."""
    schemas = SHARED / "schemas"
    if not (schemas / "validate.py").is_file():
        pytest.skip("../shared/schemas is not beside the project: official schema checks skipped")
    sys.path.insert(0, str(schemas))
    try:
        from validate import validate
    finally:
        sys.path.remove(str(schemas))
    return validate


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; lock files (``*.lock``, which hold their holder's pid) aside."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix != ".lock"}


@pytest.fixture
def snapshot():
    """``snapshot(folder)``: every file under *folder* with its bytes, to show nothing changed."""
    return _snapshot
