"""Fuzzy match scores the way CAT tools show them, and the differences behind a score.

The score is a word-level edit distance turned into a percentage, as OmegaT and Trados
report it: ``100 * (1 - edits / max(len(a), len(b)))`` over word and punctuation tokens,
case-folded. Only an identical source scores 100; a match that differs only in case or
spacing gets 99.

>>> score("The EU is the main trade partner.", "The EU is the main trade partner.")
100
>>> score("The EU is the main trade partner.", "The EU is the main investment partner.")
87
>>> render_diff(diff("the main trade partner", "the main investment partner"))
'the main [-investment-] {+trade+} partner'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens(text: str) -> list[str]:
    """Words and punctuation marks, case-folded."""
    return _TOKEN.findall(text.casefold())


def score(query: str, candidate: str, *, query_tokens: list[str] | None = None) -> int:
    """Percentage (0–100) of how closely *candidate* matches *query*."""
    from rapidfuzz.distance import Levenshtein

    if query == candidate:
        return 100
    a = query_tokens if query_tokens is not None else tokens(query)
    b = tokens(candidate)
    if not a and not b:
        return 99
    similarity = Levenshtein.normalized_similarity(a, b)
    return min(99, int(similarity * 100 + 1e-9))


def diff(query: str, candidate: str) -> list[tuple[str, str]]:
    """What a translator must change in *candidate*'s source to get *query*.

    Pairs of (``equal`` | ``delete`` | ``insert``, text), where ``delete`` is text only in
    the candidate and ``insert`` text only in the query. Words keep their original case.
    """
    from rapidfuzz.distance import Levenshtein

    qa = _TOKEN.findall(query)
    ca = _TOKEN.findall(candidate)
    out: list[tuple[str, str]] = []
    for op in Levenshtein.opcodes([t.casefold() for t in ca], [t.casefold() for t in qa]):
        if op.tag == "equal":
            out.append(("equal", " ".join(ca[op.src_start:op.src_end])))
            continue
        if op.src_end > op.src_start:
            out.append(("delete", " ".join(ca[op.src_start:op.src_end])))
        if op.dest_end > op.dest_start:
            out.append(("insert", " ".join(qa[op.dest_start:op.dest_end])))
    return out


def render_diff(parts: Iterable[tuple[str, str]]) -> str:
    """Plain-text rendering: ``[-only in the memory-]`` and ``{+only in the query+}``."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return " ".join(marks[kind].format(text) for kind, text in parts)


def term_hits(text: str, terms: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (key, term) pairs whose term occurs in *text* as whole words, case-insensitively.

    >>> term_hits("Implementation of the EPCA.", [("c-epca", "EPCA"), ("c-eu", "EU")])
    [('c-epca', 'EPCA')]
    """
    folded = text.casefold()
    return [(key, term) for key, term in terms
            if re.search(r"(?<!\w)" + re.escape(term.casefold()) + r"(?!\w)", folded)]
