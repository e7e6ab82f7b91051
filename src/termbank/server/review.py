"""What a team does to a concept: propose a term or a concept, approve, reject or deprecate a
term, edit the whole concept. Each is one versioned write with an audit entry, on a store that
keeps versions (:class:`termbank.store.postgres.PostgresStore`); the server's routes and any
script call these same functions.

A rejected term leaves the concept, but its full record stays in the audit trail, so a person
can restore it; nothing here marks a term approved unless a terminologist said so.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from termbank.errors import NotFound, TermbankError
from termbank.model import (AdminStatus, Concept, Context, LangSection, Review, Source,
                            SourceKind, Term, is_concept_id, is_lang_tag, slug, sort_sections)
from termbank.records import term_to_dict
from termbank.search import term_key

Action = Literal["approve", "reject", "deprecate"]
ACTIONS = ("approve", "reject", "deprecate")
MAX_TERM = 300  # characters: a term, not a paragraph


class Refused(TermbankError):
    """A change that cannot be made as asked; ``status`` is the HTTP status that says why."""

    def __init__(self, reason: str, *, status: int = 400) -> None:
        self.status = status
        super().__init__(reason)


def versioned_store(store):
    """*store* itself when it keeps versions and an audit trail; otherwise :class:`Refused`."""
    if not hasattr(store, "save") or not hasattr(store, "get_versioned"):
        raise Refused("this termbase is read-only here: proposals and reviews need a store that "
                      "keeps versions (serve a postgresql:// database)", status=405)
    return store


def propose_term(store, concept_id: str, lang: str, text: str, *, actor: str,
                 expected_version: int, note: str | None = None,
                 context: str | None = None) -> int:
    """Add *text* to *concept_id* in *lang* as a proposed term by *actor*; the new version."""
    store = versioned_store(store)
    lang, text = _lang(lang), _term_text(text)
    concept, _ = _current(store, concept_id)
    section = concept.section(lang) or LangSection(lang)
    if any(term_key(t.text) == term_key(text) for t in section.terms):
        raise Refused(f"{concept_id} already has the {lang} term {text!r}", status=409)
    term = Term(text=text, status=AdminStatus.ADMITTED, review=Review.PROPOSED,
                sources=(Source(SourceKind.TRANSLATOR, actor),),
                contexts=(Context(context.strip()),) if context and context.strip() else (),
                note=note.strip() if note and note.strip() else None)
    updated = concept.with_section(replace(section, terms=(*section.terms, term)))
    return store.save(updated, expected_version=expected_version, actor=actor, action="propose",
                      detail={"lang": lang, "term": text, "after": term_to_dict(term)})


def propose_concept(store, terms: dict[str, str], *, actor: str, concept_id: str | None = None,
                    definition: str | None = None) -> tuple[str, int]:
    """A new concept named by *terms* (language → term), every term proposed by *actor*."""
    store = versioned_store(store)
    if not isinstance(terms, dict) or not terms:
        raise Refused("a new concept needs at least one term: {\"terms\": {\"en\": \"…\"}}")
    sections = []
    for lang, text in terms.items():
        term = Term(text=_term_text(text), status=AdminStatus.ADMITTED, review=Review.PROPOSED,
                    sources=(Source(SourceKind.TRANSLATOR, actor),))
        sections.append(LangSection(_lang(lang), (term,)))
    name = terms.get("en") or next(iter(terms.values()))
    concept_id = concept_id or slug(name)
    if not is_concept_id(concept_id):
        raise Refused(f"{concept_id!r} is not a concept id (letters, digits, '-', '_', '.')")
    concept = Concept(concept_id, sort_sections(sections),
                      definition=definition.strip() if definition and definition.strip() else None)
    from termbank.store.postgres import VersionConflict

    try:
        version = store.save(concept, expected_version=None, actor=actor, action="propose",
                             detail={"terms": terms})
    except VersionConflict:
        raise Refused(f"{concept_id} exists already: propose the terms on it, or choose "
                      f"another id", status=409) from None
    return concept_id, version


def review_term(store, concept_id: str, lang: str, text: str, action: Action, *, actor: str,
                expected_version: int, note: str | None = None) -> int:
    """A terminologist's decision on one term: approve it, reject it (it leaves the concept;
    the trail keeps it), or deprecate it (translators are told not to use it)."""
    store = versioned_store(store)
    if action not in ACTIONS:
        raise Refused(f"unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    lang = _lang(lang)
    concept, _ = _current(store, concept_id)
    section = concept.section(lang)
    found = [t for t in section.terms if t.text == text] if section else []
    if not found:
        raise Refused(f"{concept_id} has no {lang} term {text!r}", status=404)
    old = found[0]
    if action == "approve":
        new: Term | None = replace(old, review=Review.APPROVED)
    elif action == "deprecate":
        new = replace(old, status=AdminStatus.DEPRECATED, review=Review.APPROVED)
    else:
        if old.review is Review.APPROVED:
            raise Refused(f"{old.text!r} was approved: deprecate it, or edit the concept",
                          status=409)
        new = None
    if note and note.strip() and new is not None:
        new = replace(new, note=_join(new.note, note.strip()))
    terms = tuple(new if t is old else t for t in section.terms if t is not old or new)
    if terms:
        updated = concept.with_section(replace(section, terms=terms))
    else:
        updated = replace(concept, sections=tuple(s for s in concept.sections if s.lang != lang))
    detail = {"lang": lang, "term": text, "before": term_to_dict(old),
              "after": term_to_dict(new) if new else None}
    if note and note.strip():
        detail["note"] = note.strip()
    return store.save(updated, expected_version=expected_version, actor=actor, action=action,
                      detail=detail)


def edit_concept(store, concept: Concept, *, actor: str, expected_version: int) -> int:
    """Replace a concept as a whole (a terminologist's edit)."""
    store = versioned_store(store)
    _current(store, concept.id)
    return store.save(concept, expected_version=expected_version, actor=actor, action="edit")


def _current(store, concept_id: str) -> tuple[Concept, int]:
    found = store.get_versioned(concept_id)
    if found is None:
        raise NotFound(f"no concept {concept_id!r}")
    return found


def _lang(lang) -> str:
    if not isinstance(lang, str) or not is_lang_tag(lang):
        raise Refused(f"{lang!r} is not a language tag (en, kk, kk-Latn, ru)")
    return lang


def _term_text(text) -> str:
    if not isinstance(text, str) or not text.strip():
        raise Refused("the term is empty")
    text = " ".join(text.split())
    if len(text) > MAX_TERM:
        raise Refused(f"the term is {len(text)} characters long; at most {MAX_TERM}")
    return text


def _join(*parts: str | None) -> str | None:
    return "; ".join(p for p in parts if p) or None
