"""Tab-separated bilingual glossaries, the shape OmegaT and spreadsheets read.

OmegaT reads three tab-separated columns: source term, target term, comment. It has no
header row (a header would become a glossary entry), so there is none. One file holds one
language pair; every English term of a concept (preferred term, acronym, variants) gets a
row with the target language's preferred term, so that OmegaT recognises each of them in
the source text. The comment says which concept, how far the equivalent was reviewed, where
it came from, and the other admitted target terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from termbank.errors import FormatError
from termbank.model import AdminStatus, Concept, LangSection, Review, Term, TermType

COLUMNS = ("source", "target", "comment")


def write(stream: TextIO, concepts: Iterable[Concept], *, source_lang: str = "en",
          target_lang: str) -> int:
    """Write one row per source term of every concept that has both languages; return rows."""
    rows = 0
    for concept in concepts:
        src, tgt = concept.section(source_lang), concept.section(target_lang)
        if src is None or tgt is None or tgt.preferred is None:
            continue
        target = tgt.preferred
        comment = _comment(concept, tgt, target)
        for term in src.terms:
            if term.status is AdminStatus.DEPRECATED:
                continue
            stream.write(f"{_cell(term.text)}\t{_cell(target.text)}\t{_cell(comment)}\n")
            rows += 1
    return rows


def _comment(concept: Concept, section: LangSection, target: Term) -> str:
    parts = [concept.id, target.review.value]
    if target.review is not Review.APPROVED and target.confidence is not None:
        parts[-1] += f" ({target.confidence:.0%})"
    if target.sources:
        s = target.sources[0]
        parts.append(f"{s.kind.value}: {s.ref}")
    others = [t.text for t in section.terms if t is not target and t.status is not AdminStatus.DEPRECATED]
    if others:
        parts.append("also: " + ", ".join(others))
    avoid = [t.text for t in section.terms if t.status is AdminStatus.DEPRECATED]
    if avoid:
        parts.append("avoid: " + ", ".join(avoid))
    return "; ".join(parts)


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
