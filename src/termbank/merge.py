"""Merging incoming concepts into curated ones without losing anybody's work.

Every stage that feeds the glossary (extraction, alignment, TBX import, PO import, term mining
from parallel text) goes through :func:`merge`. Its rules:

* An incoming concept joins an existing one with the same id. Failing that, it joins one
  that has the same preferred term in the same language (case-insensitively) only when that
  is unambiguous: exactly one such concept, no other incoming concept joined it already, no
  different subject field and no different definition. Otherwise it is added as a concept of
  its own and reported as a :class:`PossibleDuplicate`. Incoming concepts with different ids
  never join each other.
* Terms are matched by their exact text within a language. Sources and contexts are united.
* An empty field is filled. A field that already holds a different value is kept, and the
  disagreement is reported as a :class:`Conflict`, unless the incoming term has been reviewed
  further (e.g. a reviewer's approved import over a machine candidate): then the incoming
  value wins and the change is reported too. Approved data is never replaced by anything
  less reviewed.
* A section keeps one preferred term: an incoming preferred term that is not better reviewed
  than the current one is added as admitted, and the clash is reported.
* Nothing is lost: every value not taken (the offered one, or the one replaced) is kept in
  the concept's ``alternatives`` with its source, so a person can restore it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace

from termbank.model import AdminStatus, Alternative, Concept, LangSection, Review, Term

_RANK = {Review.CANDIDATE: 0, Review.PROPOSED: 1, Review.APPROVED: 2}
_TERM_FIELDS = ("type", "status", "pos", "gender", "note")
_CONCEPT_FIELDS = ("kind", "subject_field", "definition", "note")
_DEFAULTS = {f.name: f.default for f in fields(Term) if f.name in ("type", "status")}


@dataclass(frozen=True)
class Conflict:
    """Incoming data that disagrees with what the glossary holds."""

    concept: str
    field: str
    kept: str
    offered: str
    lang: str | None = None
    term: str | None = None
    applied: bool = False  # True when the better-reviewed incoming value replaced the old one

    def __str__(self) -> str:
        where = self.concept + (f" [{self.lang}]" if self.lang else "")
        what = f"{self.term!r} {self.field}" if self.term else self.field
        verb = "replaced" if self.applied else "kept"
        old, new = (self.offered, self.kept) if self.applied else (self.kept, self.offered)
        return f"{where}: {what}: {verb} {old!r}, " + (
            f"was {new!r}" if self.applied else f"ignored {new!r}")


@dataclass(frozen=True)
class PossibleDuplicate:
    """An incoming concept added beside existing ones that share its preferred term."""

    concept: str
    existing: tuple[str, ...]
    reason: str

    def __str__(self) -> str:
        return (f"{self.concept}: added as a concept of its own, possibly the same as "
                f"{', '.join(self.existing)} ({self.reason})")


@dataclass
class MergeResult:
    concepts: list[Concept]
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: list[PossibleDuplicate] = field(default_factory=list)


def merge(existing: Iterable[Concept], incoming: Iterable[Concept], *,
          source: str | None = None) -> MergeResult:
    """Merge *incoming* into *existing*; return every concept, sorted by id, and a report.

    *source* (e.g. ``import terms.tbx``) labels the values kept as alternatives; without it
    an incoming concept's own sources do.
    """
    by_id: dict[str, Concept] = {c.id: c for c in existing}
    by_term: dict[tuple[str, str], list[str]] = {}
    for concept in by_id.values():
        _index(concept, by_term)
    result = MergeResult(concepts=[])
    added, updated = set(), set()
    joined: dict[str, str] = {}  # existing id -> the incoming id that joined it by its term
    for new in incoming:
        if new.id in by_id:
            target = new.id
        else:
            target = _find_by_term(new, by_term, by_id, joined, result.duplicates)
        if target is None:
            by_id[new.id] = _normalise(new)
            added.add(new.id)  # not indexed: other incoming concepts never join it by term
            continue
        if target != new.id:
            joined[target] = new.id
        label = source or ", ".join(new.sources) or None
        merged = _merge_concept(by_id[target], new, result.conflicts, label)
        if merged != by_id[target]:
            by_id[target] = merged
            if target not in added:
                _index(merged, by_term)
                updated.add(target)
    result.concepts = [by_id[k] for k in sorted(by_id)]
    result.added, result.updated = sorted(added), sorted(updated)
    return result


def merge_concept(old: Concept, new: Concept, *, source: str | None = None
                  ) -> tuple[Concept, list[Conflict]]:
    """Merge one concept into another of the same id (e.g. an id repeated in one file)."""
    conflicts: list[Conflict] = []
    return _merge_concept(old, new, conflicts, source), conflicts


def _index(concept: Concept, by_term: dict[tuple[str, str], list[str]]) -> None:
    for section in concept.sections:
        if section.preferred is not None:
            ids = by_term.setdefault((section.lang, section.preferred.text.casefold()), [])
            if concept.id not in ids:
                ids.append(concept.id)


def _find_by_term(concept: Concept, by_term: dict[tuple[str, str], list[str]],
                  by_id: dict[str, Concept], joined: dict[str, str],
                  duplicates: list[PossibleDuplicate]) -> str | None:
    """The one existing concept *concept* may join by its preferred terms, or None."""
    hits: list[str] = []
    for section in concept.sections:
        if section.preferred is not None:
            for cid in by_term.get((section.lang, section.preferred.text.casefold()), ()):
                if cid not in hits:
                    hits.append(cid)
    if not hits:
        return None
    reason = None
    if len(hits) > 1:
        reason = "its preferred terms name several concepts"
    else:
        other = by_id[hits[0]]
        if joined.get(other.id, concept.id) != concept.id:
            reason = f"{joined[other.id]} of the same input already joined it"
        else:
            reason = _disagreement(other, concept)
    if reason is None:
        return hits[0]
    duplicates.append(PossibleDuplicate(concept.id, tuple(hits), reason))
    return None


def _disagreement(old: Concept, new: Concept) -> str | None:
    """Why two concepts sharing a preferred term may still be different ones, or None."""
    if old.subject_field and new.subject_field and old.subject_field != new.subject_field:
        return f"subject field {new.subject_field!r}, not {old.subject_field!r}"
    if old.definition and new.definition and old.definition != new.definition:
        return "a different definition"
    for section in new.sections:
        current = old.section(section.lang)
        if current and current.definition and section.definition \
                and current.definition != section.definition:
            return f"a different {section.lang} definition"
    return None


def _merge_concept(old: Concept, new: Concept, conflicts: list[Conflict],
                   source: str | None) -> Concept:
    changes = {}
    alternatives: list[Alternative] = list(new.alternatives)
    for name in _CONCEPT_FIELDS:
        kept, offered = getattr(old, name), getattr(new, name)
        if offered is None or offered == kept:
            continue
        if kept is None:
            changes[name] = offered
        else:
            conflicts.append(Conflict(old.id, name, str(kept), str(offered)))
            alternatives.append(Alternative(name, str(offered), source=source))
    sources = _union(old.sources, new.sources)
    if sources != old.sources:
        changes["sources"] = sources
    related = _union(old.related, new.related)
    if related != old.related:
        changes["related"] = related
    concept = replace(old, **changes) if changes else old
    for section in new.sections:
        current = concept.section(section.lang)
        if current is None:
            concept = concept.with_section(_normalise_section(section))
        else:
            concept = concept.with_section(_merge_section(concept.id, current, section, conflicts,
                                                          alternatives, source))
    return _keep_alternatives(concept, alternatives)


def _keep_alternatives(concept: Concept, alternatives: list[Alternative]) -> Concept:
    """Add the alternatives the concept does not hold yet (so a repeated merge adds none)."""
    known = {(a.field, a.value, a.lang, a.term) for a in concept.alternatives}
    fresh = []
    for alt in alternatives:
        key = (alt.field, alt.value, alt.lang, alt.term)
        if key not in known:
            known.add(key)
            fresh.append(alt)
    if not fresh:
        return concept
    return replace(concept, alternatives=concept.alternatives + tuple(fresh))


def _merge_section(cid: str, old: LangSection, new: LangSection, conflicts: list[Conflict],
                   alternatives: list[Alternative], source: str | None) -> LangSection:
    terms = list(old.terms)
    for name in ("definition", "note"):
        kept, offered = getattr(old, name), getattr(new, name)
        if offered is not None and kept is not None and offered != kept:
            conflicts.append(Conflict(cid, name, kept, offered, lang=old.lang))
            alternatives.append(Alternative(name, offered, lang=old.lang, source=source))
    start = len(conflicts)
    for incoming in new.terms:
        pos = next((i for i, t in enumerate(terms) if t.text == incoming.text), None)
        if pos is None:
            terms.append(incoming)
        else:
            terms[pos] = _merge_term(cid, old.lang, terms[pos], incoming, conflicts)
    terms = _one_preferred(cid, old.lang, terms, conflicts, first_new=len(old.terms))
    for conflict in conflicts[start:]:
        # ``offered`` is the value that lost: the one offered, or the old one that a
        # better-reviewed value replaced
        if conflict.term is None:  # a preferred-term clash: the demoted term was preferred
            alternatives.append(Alternative("status", AdminStatus.PREFERRED.value, lang=old.lang,
                                            term=conflict.offered, source=source))
        else:
            alternatives.append(Alternative(conflict.field, conflict.offered, lang=old.lang,
                                            term=conflict.term, source=source))
    return replace(old, terms=tuple(terms),
                   definition=old.definition or new.definition, note=old.note or new.note)


def _merge_term(cid: str, lang: str, old: Term, new: Term, conflicts: list[Conflict]) -> Term:
    better = _RANK[new.review] > _RANK[old.review]
    changes: dict = {}
    for name in _TERM_FIELDS:
        kept, offered = getattr(old, name), getattr(new, name)
        if offered is None or offered == kept or _is_default(name, offered):
            continue
        if kept is None:
            changes[name] = offered
        elif better:
            changes[name] = offered
            conflicts.append(Conflict(cid, name, _show(offered), _show(kept), lang=lang,
                                      term=old.text, applied=True))
        else:
            conflicts.append(Conflict(cid, name, _show(kept), _show(offered), lang=lang,
                                      term=old.text))
    if better:
        changes["review"] = new.review
    if new.confidence is not None and (old.confidence is None or new.confidence > old.confidence):
        changes["confidence"] = new.confidence
    sources, contexts = _union(old.sources, new.sources), _union(old.contexts, new.contexts)
    if sources != old.sources:
        changes["sources"] = sources
    if contexts != old.contexts:
        changes["contexts"] = contexts
    return replace(old, **changes) if changes else old


def _is_default(name: str, value) -> bool:
    """Values a reader fills in when a file says nothing; they never override real data."""
    return name in _DEFAULTS and _DEFAULTS[name] == value


def _one_preferred(cid: str, lang: str, terms: list[Term], conflicts: list[Conflict],
                   *, first_new: int) -> list[Term]:
    preferred = [i for i, t in enumerate(terms) if t.status is AdminStatus.PREFERRED]
    if len(preferred) > 1:
        keep = preferred[0]
        for i in preferred[1:]:
            if i >= first_new and _RANK[terms[i].review] > _RANK[terms[keep].review]:
                keep = i
        for i in preferred:
            if i == keep:
                continue
            conflicts.append(Conflict(cid, "preferred term (the other one is kept as admitted)",
                                      terms[keep].text, terms[i].text,
                                      lang=lang))
            terms[i] = replace(terms[i], status=AdminStatus.ADMITTED)
    return _preferred_first(terms)


def _preferred_first(terms: list[Term]) -> list[Term]:
    return sorted(terms, key=lambda t: t.status is not AdminStatus.PREFERRED)


def _normalise(concept: Concept) -> Concept:
    return replace(concept, sections=tuple(_normalise_section(s) for s in concept.sections))


def _normalise_section(section: LangSection) -> LangSection:
    return replace(section, terms=tuple(_preferred_first(list(section.terms))))


def _union(old: tuple, new: tuple) -> tuple:
    return old + tuple(x for x in new if x not in old)


def _show(value) -> str:
    return getattr(value, "value", str(value))
