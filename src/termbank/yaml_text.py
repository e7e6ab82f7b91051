"""The YAML text of a concept record, byte for byte what PyYAML writes, several times faster.

PyYAML's representer spends most of a glossary save (0.4 ms a concept: 4 s of a 10,000-concept
import). Records (:mod:`termbank.records`) are simple: mappings, lists and scalars, in block
style. :func:`dump` writes those whose every scalar PyYAML would leave plain, and hands the rest
(quoted strings, empty containers, odd numbers) to PyYAML whole, so the text never differs.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
# Strings the fast path takes: a letter, digit or non-ASCII character first, then printable
# characters of the Basic Multilingual Plane (no break, tab, control, no-break space or BOM),
# no space at the end. PyYAML (libyaml) writes them plain, or in single quotes when plain text
# would read back as something else: ": ", " #" or ":" at the end, or a number, bool, date.
_BMP = "\xa1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
_TEXT = re.compile(f"[0-9A-Za-z{_BMP}][\x20-\x7e{_BMP}]{{0,999}}(?<! )", re.S)
_NEEDS_QUOTES = re.compile(": | #|:$", re.S)
_KEYS: dict[str, str] = {}  # field names and language tags seen, as written


class _NotPlain(Exception):
    pass


def dump(data: dict[str, Any]) -> str:
    """The text ``yaml.dump(data, allow_unicode=True, sort_keys=False, width=100000)`` gives."""
    try:
        lines: list[str] = []
        _mapping(data, 0, lines)
        return "\n".join(lines) + "\n"
    except _NotPlain:
        return dump_with_pyyaml(data)


def dump_with_pyyaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100_000, indent=2)


def _plain(value: Any) -> str:
    """The scalar as PyYAML writes it (plain or single-quoted), if that is sure."""
    if isinstance(value, str):
        if _TEXT.fullmatch(value):
            if not _NEEDS_QUOTES.search(value) and (
                    value[0] not in _RESOLVER.yaml_implicit_resolvers  # nothing but text
                    or _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG):
                return value
            return "'" + value.replace("'", "''") + "'"
    elif isinstance(value, float) and type(value) is float:
        text = repr(value)
        if "." in text and "e" not in text and "n" not in text:
            return text
    raise _NotPlain


def _mapping(data: dict, indent: int, lines: list[str]) -> None:
    if not data:
        raise _NotPlain
    pad = " " * indent
    for key, value in data.items():
        name = _KEYS.get(key) if isinstance(key, str) else None
        if name is None:
            name = _plain(key)
            if name.startswith("'"):
                raise _NotPlain  # a quoted key: leave it to PyYAML
            if len(_KEYS) < 1000:
                _KEYS[key] = name
        if isinstance(value, dict):
            lines.append(f"{pad}{name}:")
            _mapping(value, indent + 2, lines)
        elif isinstance(value, list):
            lines.append(f"{pad}{name}:")
            _sequence(value, indent, lines)  # PyYAML does not indent a list in a mapping
        else:
            lines.append(f"{pad}{name}: {_plain(value)}")


def _sequence(items: list, indent: int, lines: list[str]) -> None:
    if not items:
        raise _NotPlain
    pad = " " * indent
    for item in items:
        if isinstance(item, dict):
            start = len(lines)
            _mapping(item, indent + 2, lines)
            lines[start] = f"{pad}- {lines[start][indent + 2:]}"
        elif isinstance(item, list):
            raise _NotPlain
        else:
            lines.append(f"{pad}- {_plain(item)}")
