"""Lookup results for people (a block of text per concept) and for scripts (plain data).

Text in the terminal is read at a glance: the concept, what matched and how, then one line
per language with the preferred term first and the others marked by type and status, then the
definition (or a context) and where the terms come from.
"""

from __future__ import annotations

from typing import Any

from termbank.model import LANGS, AdminStatus, Concept, Term, TermType, lang_order

_TYPE_MARK = {TermType.ACRONYM: "acronym", TermType.ABBREVIATION: "abbrev.",
              TermType.SHORT_FORM: "short", TermType.VARIANT: "variant",
              TermType.PHRASE: "phrase"}


def ordered_terms(concept: Concept, lang: str) -> list[Term]:
    """The terms of one language, preferred first, deprecated and superseded last."""
    section = concept.section(lang)
    if section is None:
        return []
    preferred = section.preferred
    rank = {AdminStatus.PREFERRED: 0, AdminStatus.ADMITTED: 1}
    return sorted(section.terms, key=lambda t: (t is not preferred, rank.get(t.status, 2)))


def hit_to_dict(hit) -> dict[str, Any]:
    """The JSON form of a :class:`termbank.search.Hit`.

    ``lang``/``term`` say what matched; ``terms`` lists every term of the concept once, each
    with its language, status (``deprecated`` and ``superseded`` terms are marked so, never
    mixed in as plain equivalents), review and distinct sources. Scores are 0–100.
    """
    concept = hit.concept
    out: dict[str, Any] = {"concept": hit.concept_id, "score": round(float(hit.score), 1),
                           "how": hit.how, "lang": hit.lang, "term": hit.term}
    if concept is None:
        return out
    out["terms"] = [term_dict(lang, t) for lang in sorted(concept.langs, key=lang_order)
                    for t in ordered_terms(concept, lang)]
    if concept.kind:
        out["kind"] = concept.kind
    definition = _definition(concept)
    if definition:
        out["definition"] = definition
    return out


def term_dict(lang: str, term: Term) -> dict[str, Any]:
    """One term in the shared JSON field names; sources without repeats."""
    return {"lang": lang, "term": term.text, "type": term.type.value,
            "status": term.status.value, "review": term.review.value,
            "sources": list(dict.fromkeys(s.ref for s in term.sources))}


def format_hit(hit, *, width: int = 100) -> str:
    """A block of lines for one hit."""
    concept = hit.concept
    title = hit.term
    if concept is not None:
        first = next((concept.preferred(lang) for lang in LANGS if concept.preferred(lang)), None)
        title = first.text if first else hit.term
    lines = [f"{title}  [{hit.concept_id}]  {hit.how} {hit.score:g}, matched {hit.lang} "
             f"\u201c{hit.term}\u201d"]
    if concept is None:
        return "\n".join(lines)
    langs = sorted(concept.langs, key=lang_order)
    pad = max((len(lang) for lang in langs), default=2)
    for lang in langs:
        parts = [_term_label(t) for t in ordered_terms(concept, lang)]
        lines.append(f"  {lang:<{pad}}  " + " \u00b7 ".join(parts))
    definition = _definition(concept)
    if definition:
        lines.append("  definition: " + _clip(definition, width))
    else:
        context = _context(concept)
        if context:
            lines.append("  context: " + _clip(context, width))
    sources = _sources(concept)
    if sources:
        lines.append("  sources: " + _clip("; ".join(sources), width))
    return "\n".join(lines)


def _term_label(term: Term) -> str:
    marks = []
    if term.type in _TYPE_MARK:
        marks.append(_TYPE_MARK[term.type])
    if term.status is not AdminStatus.PREFERRED:
        marks.append(term.status.value)
    if term.review.value != "approved":
        marks.append(term.review.value)
    return term.text + (f" ({', '.join(marks)})" if marks else "")


def _definition(concept: Concept) -> str | None:
    if concept.definition:
        return concept.definition
    return next((s.definition for s in concept.sections if s.definition), None)


def _context(concept: Concept) -> str | None:
    for section in concept.sections:
        for term in section.terms:
            if term.contexts:
                return term.contexts[0].text
    return None


def _sources(concept: Concept) -> list[str]:
    """Distinct references, concept-level first, then by language; rule names say 'rule'."""
    seen: dict[str, None] = dict.fromkeys(concept.sources)
    for section in concept.sections:
        for term in section.terms:
            for source in term.sources:
                label = source.ref if source.kind.value != "rule" else f"rule {source.ref}"
                seen.setdefault(f"{section.lang}: {label}", None)
    return list(seen)[:4] + ([f"\u2026 {len(seen) - 4} more"] if len(seen) > 4 else [])


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
