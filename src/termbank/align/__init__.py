"""The align stage: give concepts found in English their Kazakh, Kazakh-Latin and Russian terms.

For each concept, in order of trust; each step labels the terms it makes (their first
source says which step) and none but the first approves anything:

1. reference data (``data/reference/*.yaml``): matched by any English term, case-insensitively;
   its kk/ru sections (attested, with sources) and its English variants are taken over;
2. CLDR through Babel (:mod:`termbank.align.cldr`): country, territory, language and
   currency names, review "proposed";
3. the official list of Kazakhstan's regions, cities and ports (:mod:`termbank.lang.places`),
   review "proposed";
4. acronyms as Russian and Kazakh write them, from the table in ``data/titles/bodies.yaml``
   (EBRD → ЕБРР, ЕҚДБ), each with its page, review "proposed";
5. composition from attested parts: official titles (:mod:`termbank.align.titles`), bodies,
   agreements and platforms (:mod:`termbank.align.bodies`), review "proposed";
6. transliteration of people's and places' names by rule (:mod:`termbank.lang.translit`),
   review "candidate" with a low confidence;
7. every Kazakh term gets a ``kk-Latn`` twin by the official alphabet (2021 by default), never
   reviewed beyond "proposed": a machine conversion of an approved term is still machine output.

Mining parallel texts comes after, in the build (:mod:`termbank.tm.terms`, behind its precision
gate). What is still missing is reported with the reason (:func:`report`).

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
    TermType,
)
from termbank.records import RecordError, concept_from_dict

#: Confidence given to machine-made terms (attested terms keep their own).
COMPOSED_CONFIDENCE = 0.6
TRANSLITERATED_CONFIDENCE = {"ru": 0.45, "kk": 0.35}
LATIN_FACTOR = 0.95
_NOT_CONCEPTS = {"attested_titles.yaml"}
_RANK = {Review.CANDIDATE: 0, Review.PROPOSED: 1, Review.APPROVED: 2}
STAT_LANGS = ("kk", "kk-Latn", "ru")
STAT_KINDS = ("attested", "cldr", "official list", "acronym", "composed", "transliterated",
              "converted", "missing")
CLDR_CONFIDENCE = 0.9
OFFICIAL_LIST_CONFIDENCE = 0.9
ACRONYM_CONFIDENCE = 0.8
OFFICIAL_LIST_REF = "official list: termbank/data/places/kz_official.tsv"
ACRONYM_RULE = "acronym-table"
#: Kinds of concept named by bodies, agreements, programmes (composition applies).
BODY_KINDS = frozenset({"organisation", "institution/body", "agreement/document",
                        "route/programme/event"})
_NOT_NAMES = frozenset({"person", "official title"})
#: English words that make a place name descriptive: such names are translated, never
#: transliterated ("Caspian Sea" is «Каспийское море», not «Каспиан Сеа»).
DESCRIPTIVE_PLACE_WORDS = frozenset("""sea ocean lake river gulf bay strait mountains mountain
    island islands peninsula desert valley north south east west northern southern eastern
    western central upper lower port region province district city""".split())


def _descriptive(name: str) -> bool:
    return any(w.casefold().strip(".,") in DESCRIPTIVE_PLACE_WORDS for w in name.split())


@dataclass
class AlignResult:
    concepts: list[Concept]
    #: per language: how many concepts got their preferred term from which origin
    stats: dict[str, dict[str, int]] = field(default_factory=dict)
    #: concept id → language → why no step gave a term
    missing: dict[str, dict[str, str]] = field(default_factory=dict)


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


def _url_and_words(cited: str) -> tuple[str, str | None]:
    """Split ``"https://…: the words"`` into the URL and the words."""
    if cited.startswith("http"):
        url, sep, words = cited.partition(": ")
        return url, (words or None) if sep else None
    return cited, None


def _section(lang: str, terms: list[Term]) -> LangSection:
    return LangSection(lang, tuple(terms))


def _gender(text: str) -> Gender | None:
    from termbank.lang import ru

    return {"masculine": Gender.MASCULINE, "feminine": Gender.FEMININE,
            "neuter": Gender.NEUTER}.get(ru.gender(text) or "")


def _from_cldr(english: list[str], kind: str | None) -> dict[str, LangSection]:
    from termbank.align import cldr

    if kind in _NOT_NAMES:
        return {}
    for text in english:
        hit = cldr.lookup(text)
        if hit is None:
            continue
        out = {}
        for lang, name, note in (("kk", hit.kk, None), ("ru", hit.ru, hit.ru_note)):
            pos = PartOfSpeech.PROPER_NOUN if hit.key.startswith("territory/") else PartOfSpeech.NOUN
            out[lang] = _section(lang, [Term(
                name, status=AdminStatus.PREFERRED, pos=pos,
                gender=_gender(name) if lang == "ru" else None, review=Review.PROPOSED,
                confidence=CLDR_CONFIDENCE,
                sources=(Source(SourceKind.REFERENCE, cldr.version(), f"{hit.key} = {text}"),),
                note=note)])
        return out
    return {}


def _from_official_list(english: list[str], kind: str | None) -> dict[str, LangSection]:
    from termbank.lang import places

    if kind in _NOT_NAMES:
        return {}
    for text in english:
        hit = places.lookup(text)
        if hit is None:
            continue
        return {lang: _section(lang, [Term(
            name, status=AdminStatus.PREFERRED, pos=PartOfSpeech.PROPER_NOUN,
            gender=_gender(name) if lang == "ru" else None, review=Review.PROPOSED,
            confidence=OFFICIAL_LIST_CONFIDENCE,
            sources=(Source(SourceKind.REFERENCE, OFFICIAL_LIST_REF, f"{hit.kind}: {hit.source}"),))])
            for lang, name in (("kk", hit.kk), ("ru", hit.ru))}
    return {}


def _from_acronyms(concept: Concept) -> dict[str, LangSection]:
    from termbank.align import bodies

    section = concept.section("en")
    out: dict[str, LangSection] = {}
    for term in section.terms if section else ():
        for hit in bodies.acronyms(term.text):
            if hit.lang in out:
                continue
            url, words = _url_and_words(hit.source)
            sources = (Source(SourceKind.RULE, ACRONYM_RULE, term.text),
                       Source(SourceKind.REFERENCE, url, words))
            terms = []
            if hit.full:
                terms.append(Term(hit.full, status=AdminStatus.PREFERRED, pos=PartOfSpeech.PROPER_NOUN,
                                  gender=_gender(hit.full) if hit.lang == "ru" else None,
                                  review=Review.PROPOSED, confidence=ACRONYM_CONFIDENCE,
                                  sources=sources))
            terms.append(Term(hit.acronym, type=TermType.ACRONYM,
                              status=AdminStatus.ADMITTED if terms else AdminStatus.PREFERRED,
                              pos=PartOfSpeech.PROPER_NOUN, review=Review.PROPOSED,
                              confidence=ACRONYM_CONFIDENCE, sources=sources))
            out[hit.lang] = _section(hit.lang, terms)
    return out


def _composed_body(english: list[str]) -> dict[str, LangSection]:
    from termbank.align import bodies

    for text in english:
        made = bodies.compose(text)
        if made is None:
            continue
        source = Source(SourceKind.RULE, bodies.RULE, made.detail)
        return {lang: _section(lang, [Term(
            name, status=AdminStatus.PREFERRED, pos=PartOfSpeech.PROPER_NOUN,
            gender=_gender(name) if lang == "ru" else None, review=Review.PROPOSED,
            confidence=COMPOSED_CONFIDENCE, sources=(source,))])
            for lang, name in (("ru", made.ru), ("kk", made.kk))}
    return {}


def _why_missing(concept: Concept, lang: str) -> str:
    """Why no step of the chain gave *concept* a term in *lang*."""
    kind = concept.kind or "unknown kind"
    english = concept.preferred("en")
    name = english.text if english else "?"
    if english is None:
        return "no English term to start from"
    if kind == "person":
        return f"person {name!r}: not in the reference data and the name could not be transliterated"
    if kind == "official title":
        return f"title {name!r}: not in the reference data and the title composer has no parts for it"
    if kind in BODY_KINDS:
        return (f"{kind} {name!r}: not in the reference data, CLDR, the official list or the acronym "
                f"table, and no composition pattern (X Agreement, X Council, X Platform) with known "
                f"parts fits; keep the English name or add an attested equivalent")
    if kind == "place":
        return (f"place {name!r}: not in the reference data, CLDR or the official list, and a "
                f"descriptive name (sea, region, port, south …) is translated, not transliterated")
    return (f"{kind} {name!r}: no attested equivalent in the reference data and no rule applies to a "
            f"common term; mining parallel texts found none that passed the precision gate")


def _fallback(concept: Concept, origin: dict[str, str]) -> Concept:
    english_term = concept.preferred("en")
    section = concept.section("en")
    english = [english_term.text] + [t.text for t in section.terms if t is not english_term] \
        if english_term and section else []
    steps = (
        ("cldr", lambda: _from_cldr(english, concept.kind)),
        ("official list", lambda: _from_official_list(english, concept.kind)),
        ("acronym", lambda: _from_acronyms(concept)),
        ("composed", lambda: {lang: made.section(lang) for lang in ("kk", "ru")}
            if concept.kind == "official title" and english_term
            and (made := _composed(concept, english_term.text)) is not None
            else _composed_body(english) if concept.kind in BODY_KINDS else {}),
        ("transliterated", lambda: {lang: made.section(lang) for lang in ("kk", "ru")}
            if english_term and (concept.kind == "person" or concept.kind == "place"
                                 and not _descriptive(english_term.text))
            and (made := _transliterated(concept, english_term.text)) else {}),
    )
    for label, step in steps:
        if {"kk", "ru"} <= origin.keys():
            break
        made = step()
        for lang in ("kk", "ru"):
            if lang not in origin and made.get(lang) is not None and made[lang].terms:
                current = concept.section(lang)
                extra = tuple(current.terms) if current else ()
                concept = concept.with_section(replace(made[lang],
                                                       terms=made[lang].terms + extra))
                origin[lang] = label
    return concept


def align(concepts: Iterable[Concept], *, reference: Iterable[Concept] | None = None,
          alphabet: str = "2021") -> AlignResult:
    """Fill kk, kk-Latn and ru sections; see the module's docstring for the order of trust."""
    index = _index(load_reference() if reference is None else reference)
    stats = {lang: dict.fromkeys(STAT_KINDS, 0) for lang in STAT_LANGS}
    missing: dict[str, dict[str, str]] = {}
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
        if not {"kk", "ru"} <= origin.keys():
            concept = _fallback(concept, origin)
        for lang in ("kk", "ru"):
            if lang not in origin:
                missing.setdefault(concept.id, {})[lang] = _why_missing(concept, lang)
        kk_section = concept.section("kk")
        if kk_section is not None and kk_section.terms and concept.section("kk-Latn") is None:
            concept = concept.with_section(latin_section(kk_section, alphabet=alphabet))
            origin["kk-Latn"] = "converted"
        elif concept.section("kk-Latn") is not None:
            origin["kk-Latn"] = "attested"
        for lang in STAT_LANGS:
            stats[lang][origin.get(lang, "missing")] += 1
        out.append(concept)
    return AlignResult(out, stats, missing)


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


REPORT_COLUMNS = ("concept", "kind", "english", "lang", "term", "origin", "review", "reason")


def report(concepts: Iterable[Concept], *, langs: tuple[str, ...] = ("kk", "ru")) -> list[dict]:
    """Per concept and language: the preferred term, its origin, its review, or why it is missing.

    The origin is read off the term's first source (:func:`termbank.pipeline.origin`): attested,
    cldr, official list, acronym, composed, transliterated, mined, unattested (a translator's
    proposal in the reference data), missing.
    """
    from termbank.pipeline import origin

    rows = []
    for concept in sorted(concepts, key=lambda c: c.id):
        english = concept.preferred("en")
        for lang in langs:
            term = concept.preferred(lang)
            rows.append({"concept": concept.id, "kind": concept.kind or "",
                         "english": english.text if english else "", "lang": lang,
                         "term": term.text if term else "", "origin": origin(term),
                         "review": term.review.value if term else "",
                         "reason": "" if term else _why_missing(concept, lang)})
    return rows


def report_glossary(root) -> list[dict]:
    """:func:`report` over the glossary at *root*."""
    from termbank.glossary import Glossary

    return report(Glossary(root).load())
