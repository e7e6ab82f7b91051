"""The align stage: give concepts found in English their Kazakh, Kazakh-Latin and Russian terms.

For each concept, in order of trust:

1. reference data (``data/reference/*.yaml``): matched by any English term, case-insensitively;
   its kk/ru sections (attested, with sources) and its English variants are taken over;
2. official titles missing from the reference: composed from parts (:mod:`termbank.align.titles`),
   review "proposed";
3. persons missing from the reference: transliterated (:mod:`termbank.lang.translit`), review
   "candidate" with a low confidence;
4. every Kazakh term gets a ``kk-Latn`` twin by the official alphabet (2021 by default), never
   reviewed beyond "proposed": a machine conversion of an approved term is still machine output.

The result goes through :func:`termbank.merge.merge`, which never overwrites approved data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources

import yaml

from termbank.errors import FormatError
from termbank.model import (
    AdminStatus,
    Concept,
    Gender,
    LangSection,
    PartOfSpeech,
    Review,
    Source,
    SourceKind,
    Term,
)
from termbank.records import RecordError, concept_from_dict

#: Confidence given to machine-made terms (attested terms keep their own).
COMPOSED_CONFIDENCE = 0.6
TRANSLITERATED_CONFIDENCE = {"ru": 0.45, "kk": 0.35}
LATIN_FACTOR = 0.95
_NOT_CONCEPTS = {"attested_titles.yaml"}
_RANK = {Review.CANDIDATE: 0, Review.PROPOSED: 1, Review.APPROVED: 2}
STAT_LANGS = ("kk", "kk-Latn", "ru")
STAT_KINDS = ("attested", "composed", "transliterated", "converted", "missing")


@dataclass
class AlignResult:
    concepts: list[Concept]
    #: per language: how many concepts got their preferred term from which origin
    stats: dict[str, dict[str, int]] = field(default_factory=dict)


def load_yaml(text: str, *, source: str):
    """The plain data of a reference YAML file.

    :raises FormatError: naming *source* and the line of a syntax error.
    """
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise FormatError(f"YAML syntax error: {getattr(exc, 'problem', None) or exc}",
                          source=source, line=mark.line + 1 if mark else None) from None


def parse_reference(text: str, *, source: str) -> list[Concept]:
    """Concepts from one reference file (a YAML list of concept records)."""
    data = load_yaml(text, source=source)
    if data is None:
        return []
    if not isinstance(data, list):
        raise FormatError("expected a list of concept records", source=source, line=1)
    concepts = []
    for i, record in enumerate(data):
        try:
            concepts.append(concept_from_dict(record))
        except RecordError as exc:
            raise FormatError(f"record {i}: {exc}", source=source) from None
    return concepts


def load_reference() -> list[Concept]:
    """Every reference concept shipped with termbank, file by file in name order."""
    folder = resources.files("termbank").joinpath("data/reference")
    concepts: list[Concept] = []
    if not folder.is_dir():
        return concepts
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml") and entry.name not in _NOT_CONCEPTS:
            concepts += parse_reference(entry.read_text("utf-8"),
                                        source=f"termbank/data/reference/{entry.name}")
    return concepts


def _index(reference: Iterable[Concept]) -> dict[str, Concept]:
    index: dict[str, Concept] = {}
    for concept in reference:
        section = concept.section("en")
        for term in section.terms if section else ():
            index.setdefault(term.text.casefold(), concept)
    return index


def _find(concept: Concept, index: dict[str, Concept]) -> Concept | None:
    section = concept.section("en")
    for term in section.terms if section else ():
        hit = index.get(term.text.casefold())
        if hit is not None:
            return hit
    return None


def _composed(concept: Concept, title: str) -> Concept | None:
    from termbank.align import titles
    from termbank.lang import ru

    result = titles.compose(title)
    if result is None:
        return None
    source = Source(SourceKind.RULE, titles.RULE, result.detail)
    gender = {"masculine": Gender.MASCULINE, "feminine": Gender.FEMININE,
              "neuter": Gender.NEUTER}.get(ru.gender(result.ru) or "")
    for lang, text in (("ru", result.ru), ("kk", result.kk)):
        term = Term(text, status=AdminStatus.PREFERRED, pos=PartOfSpeech.NOUN,
                    gender=gender if lang == "ru" else None, review=Review.PROPOSED,
                    confidence=COMPOSED_CONFIDENCE, sources=(source,))
        concept = concept.with_section(LangSection(lang, (term,)))
    return concept


def _transliterated(concept: Concept, name: str) -> Concept:
    from termbank.lang import ru, translit

    for lang, result in (("ru", translit.to_russian(name)), ("kk", translit.to_kazakh(name))):
        gender = ru.gender(result.text) if lang == "ru" else None
        term = Term(result.text, status=AdminStatus.PREFERRED, pos=PartOfSpeech.PROPER_NOUN,
                    gender={"masculine": Gender.MASCULINE, "feminine": Gender.FEMININE}.get(
                        gender or ""),
                    review=Review.CANDIDATE, confidence=TRANSLITERATED_CONFIDENCE[lang],
                    sources=(Source(SourceKind.RULE, result.rule),))
        concept = concept.with_section(LangSection(lang, (term,)))
    return concept


def latin_section(section: LangSection, *, alphabet: str = "2021") -> LangSection:
    """The kk-Latn twin of a Kazakh section, term by term."""
    from termbank.lang import kk

    terms = []
    for term in section.terms:
        review = term.review if _RANK[term.review] <= _RANK[Review.PROPOSED] else Review.PROPOSED
        confidence = None if term.confidence is None else round(term.confidence * LATIN_FACTOR, 3)
        terms.append(Term(kk.to_latin(term.text, alphabet=alphabet), type=term.type,
                          status=term.status, pos=term.pos, review=review,
                          confidence=confidence or 0.9,
                          sources=(Source(SourceKind.RULE, f"kk-latin-{alphabet}", term.text),)))
    unique = {t.text: t for t in reversed(terms)}
    return LangSection("kk-Latn", tuple(t for t in terms if unique[t.text] is t))


def _from_reference(concept: Concept, ref: Concept) -> Concept:
    for section in ref.sections:
        if section.lang == "kk-Latn":
            continue
        current = concept.section(section.lang)
        if current is None:
            concept = concept.with_section(section)
        elif section.lang == "en":
            attested = {t.text: t for t in section.terms}
            known = {t.text for t in current.terms}
            extra = tuple(replace(t, status=AdminStatus.ADMITTED)
                          if t.status is AdminStatus.PREFERRED else t
                          for t in section.terms if t.text not in known)
            # An English term found in the texts that the reference attests is as sure as
            # the reference: it takes the reference's review and sources (its status stays).
            confirmed = tuple(_confirmed(t, attested[t.text]) if t.text in attested else t
                              for t in current.terms)
            concept = concept.with_section(replace(current, terms=confirmed + extra,
                                                   definition=current.definition
                                                   or section.definition))
        elif not current.terms:
            concept = concept.with_section(section)
    return replace(concept, kind=concept.kind or ref.kind,
                   subject_field=concept.subject_field or ref.subject_field,
                   definition=concept.definition or ref.definition)


def _confirmed(found: Term, attested: Term) -> Term:
    if _RANK[attested.review] <= _RANK[found.review]:
        return found
    sources = found.sources + tuple(x for x in attested.sources if x not in found.sources)
    confidence = max(found.confidence or 0.0, attested.confidence or 0.0) or None
    return replace(found, review=attested.review, sources=sources, confidence=confidence,
                   pos=found.pos or attested.pos)


def align(concepts: Iterable[Concept], *, reference: Iterable[Concept] | None = None,
          alphabet: str = "2021") -> AlignResult:
    """Fill kk, kk-Latn and ru sections; see the module's docstring for the order of trust."""
    index = _index(load_reference() if reference is None else reference)
    stats = {lang: dict.fromkeys(STAT_KINDS, 0) for lang in STAT_LANGS}
    out = []
    for concept in concepts:
        origin = {}
        had = {lang for lang in ("kk", "ru") if concept.preferred(lang) is not None}
        for lang in had:
            origin[lang] = "attested"
        ref = _find(concept, index)
        if ref is not None:
            concept = _from_reference(concept, ref)
            for lang in ("kk", "ru"):
                if lang not in origin and concept.preferred(lang) is not None:
                    origin[lang] = "attested"
        english = concept.preferred("en")
        if english is not None and not {"kk", "ru"} <= origin.keys():
            made = None
            if concept.kind == "official title":
                made, how = _composed(concept, english.text), "composed"
            elif concept.kind == "person":
                made, how = _transliterated(concept, english.text), "transliterated"
            if made is not None:
                for lang in ("kk", "ru"):
                    if lang not in origin:
                        concept = concept.with_section(made.section(lang))
                        origin[lang] = how
        kk_section = concept.section("kk")
        if kk_section is not None and kk_section.terms and concept.section("kk-Latn") is None:
            concept = concept.with_section(latin_section(kk_section, alphabet=alphabet))
            origin["kk-Latn"] = "converted"
        elif concept.section("kk-Latn") is not None:
            origin["kk-Latn"] = "attested"
        for lang in STAT_LANGS:
            stats[lang][origin.get(lang, "missing")] += 1
        out.append(concept)
    return AlignResult(out, stats)


@dataclass
class GlossaryAlignReport:
    stats: dict[str, dict[str, int]]
    added: list[str]
    updated: list[str]
    conflicts: list


def align_glossary(root, *, alphabet: str = "2021",
                   reference: Iterable[Concept] | None = None) -> GlossaryAlignReport:
    """Load the glossary at *root*, align it, merge the result in and save."""
    from termbank.glossary import Glossary
    from termbank.merge import merge

    glossary = Glossary(root)
    with glossary.writing():
        existing = glossary.load()
        result = align(existing, reference=reference, alphabet=alphabet)
        merged = merge(existing, result.concepts)
        glossary.save(merged.concepts)
    return GlossaryAlignReport(result.stats, merged.added, merged.updated, merged.conflicts)
