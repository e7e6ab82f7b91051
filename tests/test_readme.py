"""The README stays true: every command is documented, and its set-up commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termbank.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_and_is_documented(name):
    assert cli.commands[name].help, f"{name} has no help text"
    assert f"termbank {name}" in README


def test_make_targets_named_in_the_readme_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", README, flags=re.M):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target


def test_ci_runs_the_readme_test_command():
    assert "make test" in README
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", run, flags=re.M)
    # and checks that the main job on a fresh clone leaves the committed output as it is
    assert re.search(r"^make build$", run, flags=re.M) and "git status --porcelain" in run


def test_readme_names_no_path_of_this_machine():
    assert not re.search(r"/(work|tmp|root|home)/", README)
