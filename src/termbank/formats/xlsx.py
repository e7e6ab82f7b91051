"""Spreadsheet term bases (.xlsx): one row per concept, one column per language.

Phrase TMS, memoQ and Smartcat import term bases from Excel files whose header row names the
languages (``en``, ``kk``, ``ru`` or ``English`` …) and the fields; each tool then maps the
columns in its import dialog. What we write (see :data:`FIELDS`) is that shape: a column per
language for the term to use, then that language's synonyms, the terms not to use
("forbidden", as Phrase and memoQ call deprecated terms; "superseded" apart, so nothing is
lost on the way back), the review state of the term (so nothing
unapproved passes for approved when read back) and a note; concept columns (ID, subject,
definition, note) come first.

The reader takes our layout and the layouts the tools export:

* term-level columns bound to the language column they follow, as Phrase (``CID``,
  ``concept_definition``, ``en``, ``Forbidden``, ``Preferred``, ``Status``, ``Note`` …; one row
  per term, rows sharing a ``CID`` are one concept) and memoQ (``Entry_ID``, ``Entry_Note``,
  ``English_Def``, ``English``, … a language column repeated for each further term) write them;
* language-prefixed columns (``en synonyms``, ``ru Forbidden``, ``Russian_Def``);
* a plain list of language columns with ``Definition`` / ``Comment`` columns (Smartcat).

Language codes with a region (``en-US``, ``EN_US``, ``kk-KZ``) are read as the bare language
the glossary uses; a Latin script stays (``kk-Latn``). Bad input raises
:class:`~termbank.errors.FormatError` with the row number.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import BinaryIO

from termbank.errors import FormatError
from termbank.model import (LANGS, AdminStatus, Concept, LangSection, Review, Source, SourceKind,
                            Term, lang_order, lang_subtags, slug, sort_sections)

#: Per-language columns we write, in order, after the language column itself.
FIELDS = ("synonyms", "forbidden", "superseded", "status", "note")
CONCEPT_COLUMNS = ("ID", "Subject", "Definition", "Note")
LIST_SEPARATOR = "; "
#: A fixed date for the file's metadata and zip entries, so that a rebuild changes no byte.
_FIXED_TIME = datetime(2020, 1, 1)
_FIXED_STAMP = b"2020-01-01T00:00:00Z"

_LANG_NAMES = {"english": "en", "kazakh": "kk", "russian": "ru"}
_SCRIPT_WORDS = {"latin": "Latn", "latn": "Latn", "cyrillic": None, "cyrl": None}
# Header words (lower case, spaces for _) → our field name.
_CONCEPT_FIELDS = {
    "id": "id", "cid": "id", "entry id": "id", "concept id": "id", "term id": "id",
    "subject": "subject", "entry subject": "subject", "domain": "subject",
    "entry domain": "subject", "concept domain": "subject",
    "definition": "definition", "concept definition": "definition",
    "note": "note", "concept note": "note", "entry note": "note", "comment": "note",
}
_TERM_FIELDS = {
    "synonyms": "synonyms", "synonym": "synonyms",
    "forbidden": "forbidden", "forbidden terms": "forbidden", "do not use": "forbidden",
    "superseded": "superseded",
    "preferred": "preferred",
    "status": "status", "review": "status",
    "note": "note", "term note": "note", "usage": "note", "comment": "note",
    "def": "definition", "definition": "definition",
}
_TRUE = {"true", "1", "yes", "y", "x", "wahr", "истина", "ақиқат"}
_FALSE = {"false", "0", "no", "n", "", "falsch", "ложь", "жалған"}
_REVIEW = {"approved": Review.APPROVED, "proposed": Review.PROPOSED, "new": Review.PROPOSED,
           "candidate": Review.CANDIDATE}


# -- writing -------------------------------------------------------------------------------

def write(stream: BinaryIO, concepts: Iterable[Concept], *, source_lang: str = "en",
          langs: Iterable[str] | None = None) -> int:
    """Write one row per concept to *stream* as an .xlsx workbook; return the rows written.

    The output is the same bytes for the same concepts (fixed dates in the metadata and zip).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    concepts = list(concepts)
    langs = sorted(set(langs) if langs is not None
                   else {s.lang for c in concepts for s in c.sections} | {source_lang},
                   key=lambda lang: (lang != source_lang, lang_order(lang)))
    book = Workbook()
    book.properties.created = book.properties.modified = _FIXED_TIME
    book.properties.creator = "termbank"
    sheet = book.active
    sheet.title = "Terms"
    header = list(CONCEPT_COLUMNS)
    for lang in langs:
        header += [lang] + [f"{lang} {name}" for name in FIELDS]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    rows = 0
    for concept in concepts:
        row = [concept.id, concept.subject_field, _definition(concept), concept.note]
        for lang in langs:
            row += _lang_cells(concept.section(lang))
        sheet.append([_safe(v) for v in row])
        rows += 1
    raw = io.BytesIO()
    book.save(raw)
    stream.write(_fixed_zip_times(raw.getvalue()))
    return rows


def _lang_cells(section: LangSection | None) -> list[str | None]:
    if section is None or not section.terms:
        return [None] * (1 + len(FIELDS))
    usable = [t for t in section.terms
              if t.status not in (AdminStatus.DEPRECATED, AdminStatus.SUPERSEDED)]
    main = section.preferred if section.preferred in usable else (usable[0] if usable else None)
    synonyms = [t.text for t in usable if t is not main]
    note = (main.note if main else None) or section.note

    def listed(status: AdminStatus) -> str | None:
        return LIST_SEPARATOR.join(t.text for t in section.terms if t.status is status) or None

    return [main.text if main else None, LIST_SEPARATOR.join(synonyms) or None,
            listed(AdminStatus.DEPRECATED), listed(AdminStatus.SUPERSEDED),
            main.review.value if main else None, note]


def _definition(concept: Concept) -> str | None:
    return concept.definition or next((s.definition for s in concept.sections if s.definition),
                                      None)


def _safe(value):
    """Cells never start with '=' (a spreadsheet would run it as a formula)."""
    if isinstance(value, str) and value.startswith(("=", "+", "@")):
        return "'" + value
    return value


def _fixed_zip_times(data: bytes) -> bytes:
    """The same workbook with every zip entry dated :data:`_FIXED_TIME`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + _FIXED_STAMP, data)
            dst.writestr(fixed, data)
    return out.getvalue()


# -- reading -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """What one header cell means: a concept field, or a field of one language's terms."""

    field: str  # id, subject, definition, note, term, synonyms, forbidden, preferred, status
    lang: str | None = None


@dataclass
class _Entry:
    cid: str | None
    row: int
    fields: dict[str, str] = field(default_factory=dict)
    terms: dict[str, list[Term]] = field(default_factory=dict)
    lang_notes: dict[str, str] = field(default_factory=dict)
    lang_definitions: dict[str, str] = field(default_factory=dict)


def parse_header(cells: list) -> list[Column | None]:
    """Map header cells to columns; a term-level field binds to the language before it.

    >>> [c and (c.field, c.lang) for c in parse_header(
    ...     ["CID", "concept_definition", "en", "Forbidden", "kk-KZ", "Status", "Russian_Def"])]
    [('id', None), ('definition', None), ('term', 'en'), ('forbidden', 'en'), ('term', 'kk'), ('status', 'kk'), ('definition', 'ru')]
    """
    columns: list[Column | None] = []
    current: str | None = None
    for cell in cells:
        text = "" if cell is None else str(cell).strip()
        words = re.sub(r"[_:()\s]+", " ", text).strip()
        lang = language_of(text)
        if lang:
            columns.append(Column("term", lang))
            current = lang
            continue
        prefixed = _prefixed(words)
        if prefixed:
            columns.append(prefixed)
            continue
        key = words.lower()
        if current is not None and key in _TERM_FIELDS and key != "comment":
            # "Comment" alone is the entry's (Smartcat, spreadsheets); "ru Comment" is a term's.
            columns.append(Column(_TERM_FIELDS[key], current))
        elif key in _CONCEPT_FIELDS:
            columns.append(Column(_CONCEPT_FIELDS[key]))
        else:
            columns.append(None)  # a column we do not use (TID, dates, creator …)
    return columns


def _prefixed(words: str) -> Column | None:
    """``en synonyms``, ``English Def``, ``kk-Latn forbidden`` → a term-level column."""
    parts = words.split(" ")
    # a field name has at most _FIELD_WORDS words: trying every cut of a 3,000-word header
    # cell was n² (8 s for one cell)
    for cut in range(len(parts) - 1, max(0, len(parts) - 1 - _FIELD_WORDS), -1):
        lang = language_of(" ".join(parts[:cut]))
        name = " ".join(parts[cut:]).lower()
        if lang and name in _TERM_FIELDS:
            return Column(_TERM_FIELDS[name], lang)
    return None


_FIELD_WORDS = max(len(name.split()) for name in _TERM_FIELDS)


def language_of(header: str) -> str | None:
    """The glossary language a header names: ``en-US`` → en, ``Kazakh (Latin)`` → kk-Latn."""
    text = header.strip()
    if not text:
        return None
    words = re.sub(r"[_()\s]+", " ", text).strip().lower().split(" ")
    if words[0] in _LANG_NAMES:
        if any(w not in _SCRIPT_WORDS and not w.isalpha() for w in words[1:]):
            return None
        script = next((_SCRIPT_WORDS[w] for w in words[1:] if w in _SCRIPT_WORDS), None)
        if len(words) > 1 and not all(w in _SCRIPT_WORDS or _is_region_word(w) for w in words[1:]):
            return None
        return _LANG_NAMES[words[0]] + (f"-{script}" if script else "")
    if " " in text:
        return None
    tags = lang_subtags(text)
    if tags is None:
        return None
    language, script, _region = tags
    known = {tag.split("-")[0] for tag in LANGS}
    if language not in known or len(text.replace("_", "-").split("-")[0]) != len(language):
        return None
    if script == "Cyrl":
        script = None
    return language + (f"-{script}" if script else "")


def _is_region_word(word: str) -> bool:
    return word in {"kazakhstan", "russia", "russian", "federation", "united", "states",
                    "kingdom", "us", "uk", "gb", "kz", "ru"}


def read(stream: BinaryIO, *, source: str = "<stream>") -> Iterator[Concept]:
    """The concepts of a term-base workbook (first sheet); see the module doc for layouts."""
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook

    data = stream.read()
    _refuse_declarations(data, source)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ParseError, EOFError,
            TypeError, AttributeError, IndexError) as exc:
        raise FormatError(f"not an Excel .xlsx workbook ({exc})", source=source) from None
    try:
        yield from _read_book(book, source)
    except (ParseError, KeyError, ValueError, TypeError, zipfile.BadZipFile, EOFError,
            OSError) as exc:  # openpyxl parses the sheet lazily, row by row
        raise FormatError(f"not an Excel .xlsx workbook ({type(exc).__name__}: {exc})",
                          source=source) from None
    finally:
        book.close()


#: Uncompressed bytes a workbook may hold in all (a zip bomb is refused before it is opened).
MAX_UNZIPPED = 1 << 30
_DECLARATIONS = [mark.encode(codec) for mark in ("<!DOCTYPE", "<!ENTITY")
                 for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def _refuse_declarations(data: bytes, source: str) -> None:
    """No part of a workbook may declare a DTD or entities: checked on every XML part, whole,
    so a declaration after a long comment or in UTF-16 is found too."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FormatError(f"not an Excel .xlsx workbook ({exc})", source=source) from None
    with archive:
        infos = archive.infolist()
        if sum(i.file_size for i in infos) > MAX_UNZIPPED:
            raise FormatError(f"the workbook unpacks to more than {MAX_UNZIPPED >> 20} MB",
                              source=source)
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(info) as part:
                    tail = b""
                    while chunk := part.read(1 << 20):
                        window = tail + chunk
                        if any(mark in window for mark in _DECLARATIONS):
                            raise FormatError(f"{info.filename} declares a DTD or entities; "
                                              "termbank reads no declarations", source=source)
                        tail = window[-32:]
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                raise FormatError(f"not an Excel .xlsx workbook ({exc})",
                                  source=source) from None


def _read_book(book, source: str) -> Iterator[Concept]:
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header, number = None, 0
    for number, cells in enumerate(rows, start=1):
        if any(c not in (None, "") for c in cells):
            header = list(cells)
            break
    if header is None:
        raise FormatError("the first sheet is empty", source=source)
    columns = parse_header(header)
    if not any(c and c.field == "term" for c in columns):
        raise FormatError("no language column in the header row (expected en, kk, ru, "
                          "English …)", source=source, line=number)
    origin = source.replace("\\", "/").rsplit("/", 1)[-1]
    entry: _Entry | None = None
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows, start=number + 1):
        if not any(c not in (None, "") for c in cells):
            continue
        values = {}
        row_terms: list[tuple[str, Term]] = []
        _read_row(list(cells), columns, number, origin, source, values, row_terms)
        cid = values.get("id")
        if entry is not None and cid and cid == entry.cid:
            _add(entry, values, row_terms)
            continue
        if entry is not None:
            yield _concept(entry, seen, source)
        entry = _Entry(cid, number)
        _add(entry, values, row_terms)
    if entry is not None:
        yield _concept(entry, seen, source)


def _read_row(cells, columns, number, origin, source, values, row_terms) -> None:
    """Fill *values* (concept and language fields) and *row_terms* from one row."""
    pending: dict[str, dict] = {}
    order: list[tuple[str, dict]] = []
    where = Source(SourceKind.IMPORT, origin, f"row {number}")
    for column, cell in zip(columns, cells):
        if column is None or cell is None:
            continue
        text = cell if isinstance(cell, bool) else " ".join(str(cell).split())
        if text == "":
            continue
        if column.lang is None:
            values[column.field] = text
            continue
        if column.field == "term":
            term = {"text": str(text)}
            pending[column.lang] = term
            order.append((column.lang, term))
            continue
        current = pending.get(column.lang)
        is_flag = isinstance(text, bool) or str(text).lower() in _TRUE | _FALSE
        if column.field == "forbidden" and current is not None and is_flag:
            # Phrase and memoQ: a TRUE/FALSE flag on the term column before it.
            if _flag(text, number, source):
                current["status"] = AdminStatus.DEPRECATED
        elif column.field in ("synonyms", "forbidden", "superseded"):
            # Our layout: a list of further terms, usable (synonyms) or not (the others).
            status = {"synonyms": AdminStatus.ADMITTED, "forbidden": AdminStatus.DEPRECATED,
                      "superseded": AdminStatus.SUPERSEDED}[column.field]
            for part in re.split(r"\s*[;|]\s*", str(text)):
                if part:
                    order.append((column.lang, {"text": part, "status": status}))
        elif column.field == "definition":
            values[f"definition:{column.lang}"] = str(text)
        elif current is None:
            if column.field == "note":
                values[f"note:{column.lang}"] = str(text)
        elif column.field == "preferred":
            if _flag(text, number, source):
                current["status"] = AdminStatus.PREFERRED
        elif column.field == "status":
            review = _REVIEW.get(str(text).lower())
            if review is None:
                raise FormatError(f"unknown status {text!r} (approved, proposed, new, candidate)",
                                  source=source, line=number)
            current["review"] = review
        elif column.field == "note":
            current["note"] = str(text)
    for lang, spec in order:
        status = spec.get("status")
        if status is None:
            status = AdminStatus.ADMITTED
        row_terms.append((lang, Term(spec["text"], status=status,
                                     review=spec.get("review", Review.CANDIDATE),
                                     note=spec.get("note"), sources=(where,))))


def _flag(value, number: int, source: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise FormatError(f"expected TRUE or FALSE, got {value!r}", source=source, line=number)


def _add(entry: _Entry, values: dict, row_terms: list[tuple[str, Term]]) -> None:
    for key, value in values.items():
        if key.startswith("note:"):
            entry.lang_notes.setdefault(key[5:], value)
        elif key.startswith("definition:"):
            entry.lang_definitions.setdefault(key[11:], value)
        else:
            entry.fields.setdefault(key, value)
    for lang, term in row_terms:
        terms = entry.terms.setdefault(lang, [])
        if all(t.text != term.text for t in terms):
            terms.append(term)


def _concept(entry: _Entry, seen: dict[str, int], source: str) -> Concept:
    if not entry.terms:
        raise FormatError("a row with no term in any language column", source=source,
                          line=entry.row)
    first = next(iter(entry.terms.values()))[0].text
    cid = entry.cid or ""
    if not re.fullmatch(r"[A-Za-z_][\w.\-]*", cid):
        cid = slug(cid if cid and not cid.isdigit() else first)
    seen[cid] = seen.get(cid, 0) + 1
    if seen[cid] > 1:
        cid = f"{cid}-{seen[cid]}"
    sections = []
    for lang, terms in entry.terms.items():
        if not any(t.status is AdminStatus.PREFERRED for t in terms):
            first_usable = next((i for i, t in enumerate(terms)
                                 if t.status is AdminStatus.ADMITTED), None)
            if first_usable is not None:
                terms[first_usable] = replace(terms[first_usable], status=AdminStatus.PREFERRED)
        preferred = [t for t in terms if t.status is AdminStatus.PREFERRED]
        rest = [t for t in terms if t.status is not AdminStatus.PREFERRED]
        sections.append(LangSection(lang, tuple(preferred[:1] + preferred[1:] + rest),
                                    definition=entry.lang_definitions.get(lang),
                                    note=entry.lang_notes.get(lang)))
    return Concept(cid, sort_sections(sections), subject_field=entry.fields.get("subject"),
                   definition=entry.fields.get("definition"), note=entry.fields.get("note"))
