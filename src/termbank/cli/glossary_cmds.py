"""Commands over the glossary as a whole: build, import, export, validate."""

from __future__ import annotations

from termbank.cli import cli, glossary_option, json_option, print_json  # noqa: F401
