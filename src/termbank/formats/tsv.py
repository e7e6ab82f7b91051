"""Tab-separated bilingual glossaries in the shape OmegaT reads (``.utf8`` files).

OmegaT's glossary folder takes tab-separated files named ``*.utf8`` or ``*.txt`` (read as
UTF-8) or ``*.tab`` (read in the system encoding); a ``*.tsv`` file is ignored. The columns
are source term, target term, comment; there is no header row (it would become an entry).
A tab file carries no language codes, so one file holds one language pair and the user puts
only the right one into a project: Cyrillic and Latin-script Kazakh never share a file.

Every usable English term of a concept (preferred, acronym, variants) gets a row with the
target language's preferred term, so OmegaT recognises each of them in the source text.
Deprecated and superseded terms are never offered as suggestions; the target ones are named
in the comment after "do not use". The comment stays short: how far the equivalent was
reviewed (nothing unapproved passes for approved), the definition, the one most useful note;
the full evidence stays in the TBX v3 export.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from termbank.errors import FormatError
from termbank.model import AdminStatus, Concept, LangSection, Review, Term, TermType

COLUMNS = ("source", "target", "comment")
#: The extension OmegaT reads as UTF-8 tab-separated glossary.
EXTENSION = ".utf8"
#: Statuses a translator must not be offered as a suggestion.
DO_NOT_USE = (AdminStatus.DEPRECATED, AdminStatus.SUPERSEDED)
COMMENT_LIMIT = 240


def usable(term: Term) -> bool:
    return term.status not in DO_NOT_USE


def suggestion(section: LangSection | None) -> Term | None:
    """The term to offer: the preferred one, else the first that may be used; None if none."""
    if section is None:
        return None
    if section.preferred is not None and usable(section.preferred):
        return section.preferred
    return next((t for t in section.terms if usable(t)), None)


def write(stream: TextIO, concepts: Iterable[Concept], *, source_lang: str = "en",
          target_lang: str) -> int:
    """Write one row per usable source term of every concept with both languages; return rows."""
    rows = 0
    for concept in concepts:
        src, tgt = concept.section(source_lang), concept.section(target_lang)
        target = suggestion(tgt)
        if src is None or target is None:
            continue
        comment = _comment(concept, tgt, target)
        for term in src.terms:
            if not usable(term):
                continue
            stream.write(f"{_cell(term.text)}\t{_cell(target.text)}\t{_cell(comment)}\n")
            rows += 1
    return rows


def _comment(concept: Concept, section: LangSection, target: Term) -> str:
    """Review state, definition, then the one most useful note, clipped to a glance."""
    if target.review is Review.APPROVED:
        state = "approved"
    else:
        state = target.review.value
        if target.confidence is not None:
            state += f" {target.confidence:.0%}"
        state += ", not reviewed"
    head = [state]
    avoid = [t.text for t in section.terms if not usable(t)]
    if avoid:
        head.append("do not use: " + _clip(", ".join(avoid), 80))
    tail = []
    others = [t.text for t in section.terms if t is not target and usable(t)]
    if others:
        tail.append("also: " + _clip(", ".join(others), 60))
    elif target.note or section.note:
        tail.append(_clip(target.note or section.note, 80))
    elif target.sources:
        s = target.sources[0]
        tail.append(f"{s.kind.value}: {_clip(s.ref, 80)}")
    tail.append(concept.id)
    definition = concept.definition or next(
        (s.definition for s in concept.sections if s.definition), None)
    room = COMMENT_LIMIT - len("; ".join(head + tail)) - 2
    if definition and room >= 20:
        # the definition takes what room the rest leaves, so the concept id is never cut off
        head.append(_clip(definition, room))
    return "; ".join(_cell(p) for p in head + tail)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def read(stream: TextIO, *, source: str = "<stream>", source_lang: str = "en",
         target_lang: str) -> Iterator[Concept]:
    """Read an OmegaT-style glossary: every row becomes a concept with two candidate terms."""
    from termbank.model import LangSection, Source, SourceKind, slug, unwritable_char

    seen: dict[str, int] = {}
    for number, line in enumerate(stream, start=1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise FormatError("expected at least two tab-separated columns: source, target",
                              source=source, line=number)
        bad = unwritable_char(line)
        if bad:
            raise FormatError(f"control character {bad} in the row", source=source, line=number)
        origin = (Source(SourceKind.IMPORT, source.rsplit("/", 1)[-1], f"line {number}"),)
        src = Term(cells[0].strip(), TermType.FULL_FORM, AdminStatus.PREFERRED, sources=origin)
        tgt = Term(cells[1].strip(), TermType.FULL_FORM, AdminStatus.PREFERRED, sources=origin,
                   note=cells[2].strip() if len(cells) > 2 and cells[2].strip() else None)
        cid = slug(src.text)
        seen[cid] = seen.get(cid, 0) + 1
        if seen[cid] > 1:
            cid = f"{cid}-{seen[cid]}"
        yield Concept(cid, (LangSection(source_lang, (src,)), LangSection(target_lang, (tgt,))))
