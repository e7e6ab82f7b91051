"""A strict YAML reader for glossary files: plain data only, every refusal with its line.

Glossary files are edited by people and must load the same way everywhere, in bounded time
and memory. PyYAML's safe loader still expands aliases (a nine-level alias bomb takes
gigabytes), keeps the last of two equal keys (a reviewer's second ``note:`` vanishes), turns
``!!int x`` or a 5,000-digit number into a traceback and reads dates as dates. This reader
walks PyYAML's parse events (the C parser when there is one) and builds dicts, lists and
scalars itself, refusing what a concept file never needs:

* anchors, aliases and explicit tags (``&a``, ``*a``, ``!!int``);
* two equal keys in one mapping, and keys that are not plain text;
* ``# comments``: termbank rewrites glossary files in canonical form, so a comment would be
  lost; the error says to put the remark under ``note:``;
* numbers longer than 40 characters, scalars over 200,000 characters, nesting over 32 levels.

Plain scalars are resolved as in the YAML 1.2 core schema (null, true/false, decimal ints
and floats); anything else — dates included — stays text.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import yaml

from termbank.errors import FormatError

MAX_SCALAR = 200_000
MAX_NUMBER = 40
MAX_DEPTH = 32

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"),
                  ".nan": float("nan")}
_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#", re.M)


class Lines:
    """The line each value of the document starts on, by its path of keys and indexes."""

    def __init__(self) -> None:
        self.by_path: dict[tuple[str | int, ...], int] = {}

    def of(self, path: tuple[str | int, ...]) -> int | None:
        """The line of *path*, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.by_path.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def load(text: str, *, source: str) -> tuple[Any, Lines]:
    """Parse one YAML document of plain data.

    :raises FormatError: naming *source* and the line of the first problem.
    """
    lines = Lines()
    loader = _Loader(text)
    scalar_spans: list[tuple[int, int]] = []
    try:
        data = _build(loader, lines, scalar_spans, source)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = (exc.problem or exc.context or "YAML syntax error").strip()
        raise FormatError(f"YAML syntax error: {reason}", source=source,
                          line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise FormatError(f"YAML error: {exc}", source=source) from None
    finally:
        loader.dispose()
    _refuse_comments(text, scalar_spans, source)
    return data, lines


def _build(loader, lines: Lines, spans: list[tuple[int, int]], source: str) -> Any:
    """Dicts, lists and scalars from the event stream, iteratively (no recursion)."""
    # Each open collection: [container, path, pending key (mappings), key lines (mappings)]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    while True:
        event = loader.get_event()
        if event is None or isinstance(event, yaml.StreamEndEvent):
            break
        line = event.start_mark.line + 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise FormatError("a concept file holds one YAML document, found a second",
                                  source=source, line=line)
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent):
            raise FormatError(f"YAML aliases (*{event.anchor}) are not allowed in glossary "
                              "files: write the value out", source=source, line=line)
        if isinstance(event, (yaml.CollectionEndEvent,)):
            done = stack.pop()
            if isinstance(done[0], dict) and done[2] is not _NO_KEY:
                raise FormatError("a key without a value", source=source, line=line)
            value = done[0]
            if not stack:
                root = value
            continue
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise FormatError(f"YAML anchors (&{anchor}) are not allowed in glossary files",
                              source=source, line=line)
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise FormatError(f"explicit YAML tags ({tag}) are not allowed in glossary files: "
                              "write plain values", source=source, line=line)
        if isinstance(event, yaml.ScalarEvent):
            spans.append((event.start_mark.index, event.end_mark.index))
            value = _scalar(event, source, line)
        elif isinstance(event, yaml.MappingStartEvent):
            value = {}
        elif isinstance(event, yaml.SequenceStartEvent):
            value = []
        else:  # pragma: no cover - PyYAML has no other events
            raise FormatError(f"unexpected YAML event {type(event).__name__}", source=source,
                              line=line)
        is_collection = isinstance(value, (dict, list))
        if not stack:
            path: tuple[str | int, ...] = ()
            lines.by_path[path] = line
            if not is_collection:
                root = value
        else:
            top = stack[-1]
            container, parent_path = top[0], top[1]
            if isinstance(container, dict):
                if top[2] is _NO_KEY:  # this node is a key
                    if not isinstance(event, yaml.ScalarEvent) or not isinstance(value, str):
                        raise FormatError("keys must be plain text", source=source, line=line)
                    if value in container or value in top[3]:
                        first = top[3].get(value)
                        raise FormatError(
                            f"duplicate key {value!r} (first at line {first}): one of the two "
                            f"would be lost; join the two values under one {value!r}",
                            source=source, line=line)
                    top[2] = value
                    top[3][value] = line
                    continue
                key = top[2]
                top[2] = _NO_KEY
                path = (*parent_path, key)
                lines.by_path[path] = top[3][key]
                container[key] = value
            else:
                path = (*parent_path, len(container))
                lines.by_path[path] = line
                container.append(value)
        if is_collection:
            if len(stack) >= MAX_DEPTH:
                raise FormatError(f"nested more than {MAX_DEPTH} levels deep", source=source,
                                  line=line)
            stack.append([value, path, _NO_KEY, {}])
    return root


_NO_KEY = object()


def _scalar(event, source: str, line: int) -> Any:
    value = event.value
    if len(value) > MAX_SCALAR:
        raise FormatError(f"a value of {len(value):,} characters (at most {MAX_SCALAR:,})",
                          source=source, line=line)
    if event.style:  # quoted or block scalars are text (plain is None or "")
        return value
    if _NULL.fullmatch(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if value in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[value]
    number = _INT.fullmatch(value) or _FLOAT.fullmatch(value)
    if number:
        if len(value) > MAX_NUMBER:
            raise FormatError(f"a number of {len(value):,} characters (at most {MAX_NUMBER}); "
                              "quote it if it is text", source=source, line=line)
        return int(value) if _INT.fullmatch(value) else float(value)
    return value


def _refuse_comments(text: str, spans: list[tuple[int, int]], source: str) -> None:
    """A ``#`` at a line start or after a blank, outside every scalar, starts a comment."""
    if "#" not in text:
        return
    starts = [s for s, _ in spans]
    for match in _COMMENT.finditer(text):
        at = match.start()
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and spans[i][0] <= at < spans[i][1]:
            continue
        line = text.count("\n", 0, at) + 1
        raise FormatError("a # comment would be lost when termbank rewrites this file: put "
                          "the remark under note: (of the concept, a language or a term)",
                          source=source, line=line)
