"""A new text meets the glossary: which candidates are concepts the glossary already has.

A candidate is known when any of its English designations (preferred term or variant)
equals, after folding, any English term of a glossary concept (preferred, admitted or
deprecated). Folding ignores case, dashes and hyphens against spaces, a possessive ending
and the plural of the last word, so "people to people ties" meets "people-to-people tie".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from termbank.lang import en
from termbank.model import AdminStatus, Concept

_SEPARATORS = re.compile(r"[\s\-‐‑–—]+")


def fold(text: str) -> str:
    """The comparison key of an English designation.

    >>> fold("People-to-People Ties") == fold("people to people tie")
    True
    >>> fold("Deputy Prime Minister – Foreign Minister") == fold("Deputy Prime Minister - Foreign Minister")
    True
    """
    words = _SEPARATORS.split(en.strip_possessive(text.replace("’", "'").strip()).casefold())
    words = [w for w in words if w]
    if words and len(words[-1]) > 3 and words[-1] not in en.PLURAL_ONLY:
        words[-1] = en.singular(words[-1])
    return " ".join(words)


def index(concepts: Iterable[Concept]) -> dict[str, str]:
    """Folded English term → concept id: the concept where it is the preferred term, else
    the first concept that holds it (a two-hat title's whole may list a hat as a variant)."""
    table: dict[str, str] = {}
    preferred: dict[str, str] = {}
    for concept in concepts:
        section = concept.section("en")
        if section is None:
            continue
        for term in section.terms:
            table.setdefault(fold(term.text), concept.id)
            if term.status is AdminStatus.PREFERRED:
                preferred.setdefault(fold(term.text), concept.id)
    table.update(preferred)
    return table


def mark_known(candidates: Iterable, concepts: Iterable[Concept]) -> None:
    """Set ``candidate.known`` to the id of the glossary concept it already is, if any."""
    table = index(concepts)
    candidates = list(candidates)
    for candidate in candidates:
        for name in (candidate.preferred, *candidate.variants):
            hit = table.get(fold(name))
            if hit is not None:
                candidate.known = hit
                break
    # a hat of a two-hat title that the glossary lists under the whole is its own concept
    known_as = {c.preferred: c.known for c in candidates}
    for candidate in candidates:
        if candidate.known and any(known_as.get(r) == candidate.known and r != candidate.preferred
                                   for r in candidate.related):
            candidate.known = ""
