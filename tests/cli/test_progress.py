"""Progress bars: on a terminal's stderr only; nothing in pipes or with --json."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import termbank.cli
from termbank.cli import cli

TMX = Path(__file__).resolve().parents[1] / "data" / "tm"


def tmx_file() -> Path:
    return next(p for p in sorted(TMX.glob("*.tmx")) if "broken" not in p.name)


@pytest.mark.parametrize("tty, as_json, shown", [(True, False, True), (True, True, False),
                                                 (False, False, False)])
def test_bar_only_on_a_terminal_and_never_with_json(tmp_path, monkeypatch, tty, as_json, shown):
    # what a terminal on stderr would make show_progress answer
    monkeypatch.setattr(termbank.cli, "show_progress", lambda quiet=False: tty and not quiet)
    args = ["tm", "import", str(tmx_file()), "--tm", str(tmp_path / "m.sqlite")]
    result = CliRunner().invoke(cli, args + (["--json"] if as_json else []))
    assert result.exit_code == 0, result.output
    assert ("Importing" in result.stderr) is shown
    updated = CliRunner().invoke(cli, ["locales", "update", "--glossary",
                                       str(Path(__file__).resolve().parents[1] / "data" / "glossary"),
                                       "--locales", str(tmp_path / "l")]
                                 + (["--json"] if as_json else []))
    assert updated.exit_code == 0, updated.output
    assert ("Updating catalogs" in updated.stderr) is shown
