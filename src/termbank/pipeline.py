"""The jobs the CLI runs: import, export and the whole build, as library calls.

Each function takes paths or streams and returns a report; none prints. Long jobs take an
optional ``progress`` callback (called with a count) so the CLI can draw a bar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Literal

from termbank.errors import FormatError
from termbank.files import StagedFiles, write_atomic
from termbank.glossary import Glossary
from termbank.merge import Conflict, merge
from termbank.model import LANGS, Concept, SourceKind, Term

ExportFormat = Literal["tbx", "tbx2", "omegat", "xlsx"]
#: Default file names under exports/; ``{pair}`` is ``en-kk`` etc. (one file per target language).
EXPORT_NAMES = {"tbx": "termbank.tbx", "tbx2": "termbank-martif.tbx",
                "omegat": "termbank.{pair}.utf8", "xlsx": "termbank.xlsx"}
#: What the build writes, in this order.
BUILD_FORMATS: tuple[ExportFormat, ...] = ("tbx", "tbx2", "omegat", "xlsx")
Progress = Callable[[int], None]


@lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    from babel import localedata

    return frozenset(tag.split("_")[0] for tag in localedata.locale_identifiers())


def known_language(tag: str) -> bool:
    """True for a tag whose language subtag CLDR knows (``kk-Latn``, ``ru``, ``de-AT``)."""
    return tag.split("-")[0] in _known_languages()


def read_tbx(stream: BinaryIO, *, source: str) -> Iterator[Concept]:
    """The concepts of a TBX file (v3 or 2008); unknown language codes are errors."""
    from termbank.formats import tbx

    return tbx.read(stream, source=source, lang_check=known_language)


def read_termbase(stream: BinaryIO, *, source: str) -> Iterator[Concept]:
    """The concepts of a term base file: Excel (.xlsx, by name or zip signature) or TBX."""
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    if source.lower().endswith(".xlsx") or head.startswith(b"PK\x03\x04"):
        from termbank.formats import xlsx

        return xlsx.read(stream, source=source)
    return read_tbx(stream, source=source)


# -- import ----------------------------------------------------------------------------------

@dataclass
class ImportReport:
    read: int = 0
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: list = field(default_factory=list)


def import_into_glossary(stream: BinaryIO, glossary: Glossary, *, source: str,
                         progress: Progress | None = None) -> ImportReport:
    """Merge a TBX or XLSX file into the glossary. Nothing is written unless the whole file reads."""
    incoming = []
    for concept in read_termbase(stream, source=source):
        incoming.append(concept)
        if progress:
            progress(1)
    with glossary.writing():  # one writer at a time; all of the change or none of it
        result = merge(glossary.load(), incoming, source=f"import {Path(source).name}")
        changed = set(result.added) | set(result.updated)
        glossary.save(c for c in result.concepts if c.id in changed)
    return ImportReport(len(incoming), result.added, result.updated, result.conflicts,
                        result.duplicates)


def import_into_store(stream: BinaryIO, store, *, source: str,
                      progress: Progress | None = None,
                      repeated: Callable[[str, list[Conflict]], None] | None = None) -> int:
    """Stream a (large) TBX file into a store, one concept in memory at a time.

    The store is written in one transaction: a file that fails to read leaves it unchanged.
    An id the file repeats is merged into its first copy (see :mod:`termbank.merge`: values
    not taken are kept as alternatives), and *repeated* hears of it with the conflicts.
    """
    from termbank.merge import merge_concept

    label = f"import {Path(source).name}"

    def join(first: Concept, again: Concept) -> Concept:
        merged, conflicts = merge_concept(first, again, source=label)
        if repeated is not None:
            repeated(again.id, conflicts)
        return merged

    def counted() -> Iterator[Concept]:
        for concept in read_termbase(stream, source=source):
            yield concept
            if progress:
                progress(1)

    return store.add(counted(), on_repeat=join)


# -- export ----------------------------------------------------------------------------------

def export(concepts: Iterable[Concept], fmt: ExportFormat, out: Path, *,
           source_lang: str = "en", staged: StagedFiles | None = None) -> list[Path]:
    """Write *concepts* in *fmt* to *out* (a file; for omegat, a folder or a file pattern).

    omegat writes one tab-separated OmegaT glossary per target language
    (``termbank.en-kk.utf8`` …). Concepts are written in order of id, whatever order they
    come in, so the same glossary always gives the same bytes. Every file is written
    atomically, or staged in *staged* (a transaction) when given. Returns the files written.
    """
    from termbank.formats import tbx, tsv

    concepts = sorted(concepts, key=lambda c: c.id)

    def write_file(path: Path, write) -> None:
        if staged is None:
            write_atomic(path, write)
        else:
            staged.write(path, write)

    if fmt in ("tbx", "tbx2"):
        dialect = "v3" if fmt == "tbx" else "2008"
        write_file(out, lambda f: tbx.write(f, concepts, dialect=dialect, source_lang=source_lang))
        return [out]
    if fmt == "xlsx":
        from termbank.formats import xlsx

        write_file(out, lambda f: xlsx.write(f, concepts, source_lang=source_lang))
        return [out]
    if fmt != "omegat":
        raise ValueError(f"unknown export format {fmt!r}")
    folder, pattern = (out, EXPORT_NAMES["omegat"]) if out.suffix == "" else (out.parent, out.name)
    if "{pair}" not in pattern:
        pattern = out.stem + ".{pair}" + tsv.EXTENSION
    written = []
    targets = sorted({s.lang for c in concepts for s in c.sections if s.lang != source_lang},
                     key=lambda lang: (LANGS.index(lang) if lang in LANGS else len(LANGS), lang))
    for lang in targets:
        path = folder / pattern.format(pair=f"{source_lang}-{lang}")

        def write(f, lang=lang):
            import io

            text = io.StringIO()
            tsv.write(text, concepts, source_lang=source_lang, target_lang=lang)
            f.write(text.getvalue().encode("utf-8"))

        write_file(path, write)
        written.append(path)
    return written


def default_export_path(fmt: ExportFormat, exports: Path) -> Path:
    return exports if fmt == "omegat" else exports / EXPORT_NAMES[fmt]


def _merge_into(concepts: list[Concept], incoming: Iterable[Concept],
                report: BuildReport) -> list[Concept]:
    """One feeding step of the build: merge, keep the conflicts for the report."""
    result = merge(concepts, incoming)
    report.conflicts += result.conflicts
    return result.concepts


# -- where the equivalents came from ---------------------------------------------------------

ORIGINS = ("attested", "cldr", "official list", "acronym", "composed", "transliterated", "mined",
           "converted", "unattested", "other", "missing")


def origin(term: Term | None) -> str:
    """How a term was obtained, read off its first source: for reports and reviews."""
    if term is None:
        return "missing"
    for source in term.sources:
        if source.kind is SourceKind.REFERENCE:
            if source.ref.startswith("CLDR "):
                return "cldr"
            if source.ref.startswith("official list:"):
                return "official list"
            return "attested"
        if source.kind is SourceKind.PARALLEL:
            return "mined"
        if source.kind is SourceKind.RULE:
            if source.ref == "acronym-table":
                return "acronym"
            if source.ref in ("title-composer", "body-composer"):
                return "composed"
            if source.ref.startswith(("en-ru/", "en-kk/")):
                return "transliterated"
            if source.ref.startswith("kk-latin"):
                return "converted"
            if source.ref == "translator-judgement":
                return "unattested"
    return "other"


def origin_counts(concepts: Iterable[Concept], langs: Iterable[str] = ("kk", "kk-Latn", "ru")
                  ) -> dict[str, dict[str, int]]:
    """Per language: how many concepts have a preferred term of each origin (or none)."""
    counts = {lang: dict.fromkeys(ORIGINS, 0) for lang in langs}
    for concept in concepts:
        for lang, per in counts.items():
            per[origin(concept.preferred(lang))] += 1
    return counts


# -- build -----------------------------------------------------------------------------------

@dataclass
class BuildReport:
    documents: int = 0
    words: int = 0
    candidates: int = 0
    extracted: int = 0
    aligned: dict = field(default_factory=dict)
    mined: dict = field(default_factory=dict)
    concepts: int = 0
    terms: dict[str, int] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)


def build(seeds: Iterable[Path], glossary: Glossary, *, exports: Path, locales: Path | None,
          parallel: Path | None = None, min_score: float | None = None,
          stage: Callable[[str], None] | None = None) -> BuildReport:
    """The main job: extract → align → parallel texts → glossary → exports → locales.

    *parallel* is the folder whose ``kk/`` and ``ru/`` subfolders hold translations of the
    English texts under the same file names; their equivalents are proposed, never approved.

    Curated work is never lost: everything goes through :func:`termbank.merge.merge`.
    """
    from termbank import align, extract

    report = BuildReport()
    say = stage or (lambda name: None)

    say("read")
    documents = extract.read_documents(seeds)
    report.documents = len(documents)
    report.words = sum(len(d.text.split()) for d in documents)

    say("extract")
    candidates = extract.extract(documents)
    report.candidates = len(candidates)
    if min_score is not None:
        candidates = [c for c in candidates if c.score >= min_score]
    existing = glossary.load()
    from termbank.extract.known import mark_known
    mark_known(candidates, existing)
    found = extract.to_concepts(candidates)
    report.extracted = len(found)

    with glossary.writing() as staged:  # the glossary, exports and catalogs change together
        return _build_from(found, existing, glossary, staged, report, say, exports=exports,
                           locales=locales, parallel=parallel)


def _build_from(found: list[Concept], existing: list[Concept], glossary: Glossary,
                staged: StagedFiles,
                report: BuildReport, say: Callable[[str], None], *, exports: Path,
                locales: Path | None, parallel: Path | None) -> BuildReport:
    from termbank import align

    say("merge")
    concepts = _merge_into(existing, found, report)

    say("align")
    concepts = _merge_into(concepts, align.align(concepts).concepts, report)

    if parallel is not None and parallel.is_dir():
        say("parallel")
        from termbank.tm.terms import mine_parallel, to_concepts

        mined = mine_parallel(parallel, concepts)
        report.mined = {"proposed": len(mined.proposals), "agree": len(mined.agreements),
                        "disagree": len(mined.disagreements)}
        concepts = _merge_into(concepts, to_concepts(mined.proposals), report)
        # Kazakh terms found in parallel texts get their Latin-script twins too.
        latin = [replace(c, sections=(align.latin_section(c.section("kk")),))
                 for c in concepts if c.section("kk") is not None]
        concepts = _merge_into(concepts, latin, report)

    say("save")
    glossary.save(concepts)
    before = {c.id: c for c in existing}
    report.added = sorted(c.id for c in concepts if c.id not in before)
    report.updated = sorted(c.id for c in concepts if c.id in before and c != before[c.id])
    report.concepts = len(concepts)
    for c in concepts:
        for s in c.sections:
            report.terms[s.lang] = report.terms.get(s.lang, 0) + len(s.terms)
    report.aligned = origin_counts(concepts)

    say("export")
    for fmt in BUILD_FORMATS:
        report.files += export(concepts, fmt, default_export_path(fmt, exports), staged=staged)

    if locales is not None:
        say("locales")
        from termbank import locales as locale_files

        update = locale_files.update(concepts, locales, staged=staged)
        report.files += [Path(p) for p in update.written]
    return report
