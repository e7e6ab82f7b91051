"""The plain-data form of the model: dicts, lists, strings and numbers.

The glossary's YAML files, ``--json`` output and the SQLite store all hold concepts in this
one shape, so there is one place that knows how a concept is spelled out. Keys come in a
fixed order and empty fields are left out, so the same concept always gives the same data.
"""

from __future__ import annotations

from typing import Any

from termbank.model import (
    AdminStatus,
    Alternative,
    Concept,
    Context,
    Gender,
    LangSection,
    PartOfSpeech,
    Review,
    Source,
    SourceKind,
    Term,
    TermType,
    is_lang_tag,
    sort_sections,
    unwritable_char,
)


class RecordError(ValueError):
    """A record does not describe a valid concept; ``path`` says where inside it."""

    def __init__(self, reason: str, path: tuple[str | int, ...] = ()) -> None:
        self.reason, self.path = reason, path
        where = "/".join(str(p) for p in path)
        super().__init__(f"{where}: {reason}" if where else reason)


def concept_to_dict(concept: Concept) -> dict[str, Any]:
    out: dict[str, Any] = {"id": concept.id}
    _put(out, "kind", concept.kind)
    _put(out, "subject_field", concept.subject_field)
    _put(out, "definition", concept.definition)
    _put(out, "note", concept.note)
    if concept.sources:
        out["sources"] = list(concept.sources)
    if concept.related:
        out["related"] = list(concept.related)
    languages: dict[str, Any] = {}
    for section in concept.sections:
        sec: dict[str, Any] = {}
        _put(sec, "definition", section.definition)
        _put(sec, "note", section.note)
        sec["terms"] = [term_to_dict(t) for t in section.terms]
        languages[section.lang] = sec
    out["languages"] = languages
    if concept.alternatives:
        out["alternatives"] = [_alternative_to_dict(a) for a in concept.alternatives]
    return out


def _alternative_to_dict(alt: Alternative) -> dict[str, Any]:
    out: dict[str, Any] = {"field": alt.field, "value": alt.value}
    _put(out, "lang", alt.lang)
    _put(out, "term", alt.term)
    _put(out, "source", alt.source)
    return out


def term_to_dict(term: Term) -> dict[str, Any]:
    out: dict[str, Any] = {"text": term.text, "type": term.type.value, "status": term.status.value}
    _put(out, "pos", term.pos and term.pos.value)
    _put(out, "gender", term.gender and term.gender.value)
    out["review"] = term.review.value
    _put(out, "confidence", term.confidence)
    if term.sources:
        out["sources"] = [_source_to_dict(s) for s in term.sources]
    if term.contexts:
        out["contexts"] = [_put({"text": c.text}, "source", c.source) for c in term.contexts]
    _put(out, "note", term.note)
    return out


def _source_to_dict(source: Source) -> dict[str, Any]:
    return _put({"kind": source.kind.value, "ref": source.ref}, "detail", source.detail)


def _put(d: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    if value is not None and value != "":
        d[key] = value
    return d


# -- reading back ----------------------------------------------------------------------------

_CONCEPT_KEYS = {"id", "kind", "subject_field", "definition", "note", "sources", "related",
                 "languages", "alternatives"}
_ALTERNATIVE_KEYS = {"field", "value", "lang", "term", "source"}
_SECTION_KEYS = {"definition", "note", "terms"}
_TERM_KEYS = {"text", "type", "status", "pos", "gender", "review", "confidence", "sources",
              "contexts", "note"}


def concept_from_dict(data: Any) -> Concept:
    """Build a concept from its plain form.

    :raises RecordError: naming the path of the first bad field, e.g. ``languages/kk/terms/0/status``.
    """
    d = _mapping(data, (), _CONCEPT_KEYS)
    cid = _text(d.get("id"), ("id",), required=True)
    languages = _mapping(d.get("languages", {}), ("languages",), None)
    sections = []
    for lang, raw in languages.items():
        path: tuple[str | int, ...] = ("languages", lang)
        if not isinstance(lang, str) or not is_lang_tag(lang):
            raise RecordError(f"not a language tag (use hyphens, e.g. kk-Latn): {lang!r}", path)
        sec = _mapping(raw, path, _SECTION_KEYS)
        terms = _list(sec.get("terms", []), (*path, "terms"))
        sections.append(LangSection(
            lang=lang,
            terms=tuple(term_from_dict(t, (*path, "terms", i)) for i, t in enumerate(terms)),
            definition=_text(sec.get("definition"), (*path, "definition")),
            note=_text(sec.get("note"), (*path, "note")),
        ))
    sources = _list(d.get("sources", []), ("sources",))
    related = _list(d.get("related", []), ("related",))
    alternatives = _list(d.get("alternatives", []), ("alternatives",))
    try:
        return Concept(
            id=cid,
            sections=sort_sections(sections),
            kind=_text(d.get("kind"), ("kind",)),
            subject_field=_text(d.get("subject_field"), ("subject_field",)),
            definition=_text(d.get("definition"), ("definition",)),
            note=_text(d.get("note"), ("note",)),
            sources=tuple(_text(s, ("sources", i), required=True) for i, s in enumerate(sources)),
            related=tuple(_text(r, ("related", i), required=True) for i, r in enumerate(related)),
            alternatives=tuple(_alternative(a, ("alternatives", i))
                               for i, a in enumerate(alternatives)),
        )
    except ValueError as exc:
        if isinstance(exc, RecordError):
            raise
        raise RecordError(str(exc), ("id",)) from None


def term_from_dict(data: Any, path: tuple[str | int, ...] = ()) -> Term:
    d = _mapping(data, path, _TERM_KEYS)
    confidence = d.get("confidence")
    if confidence is not None and (isinstance(confidence, bool)
                                   or not isinstance(confidence, (int, float))
                                   or not 0 <= confidence <= 1):
        raise RecordError(f"confidence must be a number from 0 to 1, not {confidence!r}",
                          (*path, "confidence"))
    sources = _list(d.get("sources", []), (*path, "sources"))
    contexts = _list(d.get("contexts", []), (*path, "contexts"))
    text = _text(d.get("text"), (*path, "text"), required=True)
    if text != text.strip():
        raise RecordError("term text has leading or trailing blanks", (*path, "text"))
    return Term(
        text=text,
        type=_enum(TermType, d.get("type", "fullForm"), (*path, "type"), required=True),
        status=_enum(AdminStatus, d.get("status", "admitted"), (*path, "status"), required=True),
        pos=_enum(PartOfSpeech, d.get("pos"), (*path, "pos")),
        gender=_enum(Gender, d.get("gender"), (*path, "gender")),
        review=_enum(Review, d.get("review", "candidate"), (*path, "review"), required=True),
        confidence=None if confidence is None else float(confidence),
        sources=tuple(_source(s, (*path, "sources", i)) for i, s in enumerate(sources)),
        contexts=tuple(_context(c, (*path, "contexts", i)) for i, c in enumerate(contexts)),
        note=_text(d.get("note"), (*path, "note")),
    )


def _alternative(data: Any, path: tuple[str | int, ...]) -> Alternative:
    d = _mapping(data, path, _ALTERNATIVE_KEYS)
    return Alternative(field=_text(d.get("field"), (*path, "field"), required=True),
                       value=_text(d.get("value"), (*path, "value"), required=True),
                       lang=_text(d.get("lang"), (*path, "lang")),
                       term=_text(d.get("term"), (*path, "term")),
                       source=_text(d.get("source"), (*path, "source")))


def _source(data: Any, path: tuple[str | int, ...]) -> Source:
    d = _mapping(data, path, {"kind", "ref", "detail"})
    return Source(
        kind=_enum(SourceKind, d.get("kind"), (*path, "kind"), required=True),
        ref=_text(d.get("ref"), (*path, "ref"), required=True),
        detail=_text(d.get("detail"), (*path, "detail")),
    )


def _context(data: Any, path: tuple[str | int, ...]) -> Context:
    d = _mapping(data, path, {"text", "source"})
    return Context(text=_text(d.get("text"), (*path, "text"), required=True),
                   source=_text(d.get("source"), (*path, "source")))


def _mapping(data: Any, path: tuple[str | int, ...], keys: set[str] | None) -> dict:
    if not isinstance(data, dict):
        raise RecordError(f"expected a mapping, found {_kind(data)}", path)
    if keys is not None:
        for key in data:
            if key not in keys:
                raise RecordError(f"unknown field {key!r} (known: {', '.join(sorted(keys))})",
                                  (*path, key))
    return data


def _list(data: Any, path: tuple[str | int, ...]) -> list:
    if not isinstance(data, list):
        raise RecordError(f"expected a list, found {_kind(data)}", path)
    return data


def _text(data: Any, path: tuple[str | int, ...], *, required: bool = False) -> str | None:
    if data is None:
        if required:
            raise RecordError("missing", path)
        return None
    if not isinstance(data, str):
        raise RecordError(f"expected text, found {_kind(data)}", path)
    if required and not data.strip():
        raise RecordError("must not be empty", path)
    bad = unwritable_char(data)
    if bad:
        raise RecordError(f"character {bad} is not allowed (TBX, TMX and PO files cannot hold "
                          "it)", path)
    return data


def _enum(enum, data: Any, path: tuple[str | int, ...], *, required: bool = False):
    if data is None:
        if required:
            raise RecordError("missing", path)
        return None
    try:
        return enum(data)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise RecordError(f"{data!r} is not one of: {allowed}", path) from None


def _kind(data: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}.get(
        type(data), type(data).__name__)
