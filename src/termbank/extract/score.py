"""Ordering candidates: evidence that a name is a term a translator will meet again.

The score grows with frequency and, more, with the number of documents; names with a head
word, an acronym pairing, a curated entry or several words score higher; bare single
words of unknown kind score lower. It is squashed into 0..1 so that it can serve as the
confidence of a candidate term.
"""

from __future__ import annotations

import math

KIND_WEIGHT = {
    "institution/body": 1.5, "agreement/document": 1.5, "route/programme/event": 1.5,
    "official title": 1.5, "organisation": 1.2, "acronym": 1.0, "person": 0.8, "place": 0.6,
    "other": 0.0,
}


def raw_score(frequency: int, documents: int, kind: str, words: int, paired: bool,
              curated: bool, proper: bool = False) -> float:
    """An unbounded evidence score.

    >>> raw_score(4, 2, "agreement/document", 5, True, True) > raw_score(1, 1, "other", 1, False, False)
    True
    """
    score = math.log2(1 + frequency) + 1.5 * math.log2(1 + documents)
    score += KIND_WEIGHT.get(kind, 0.0)
    score += 0.5 * min(words - 1, 3)
    score += 1.0 if paired else 0.0
    score += 0.5 if curated else 0.0
    if kind == "other" and words == 1 and not proper:
        score -= 1.5  # a lone word of unknown kind, never seen inside a sentence
    return max(score, 0.0)


def squash(score: float) -> float:
    """0..1, monotone: 1 − e^(−score/6).

    >>> squash(0.0), round(squash(6.0), 3)
    (0.0, 0.632)
    """
    return 1.0 - math.exp(-score / 6.0)


def score_candidate(candidate, members) -> float:
    """The 0..1 score of a :class:`~termbank.extract.candidate.Candidate`."""
    curated = any(getattr(row, "role", "") == "list" for row in members)
    # a name written with a capital inside a sentence, not only where any word would have
    # one (sentence start, inside a longer name): "together with Chevron"
    proper = any(getattr(row, "frequency", 0) > getattr(row, "initial", 0)
                 + getattr(row, "nested", 0) for row in members)
    return squash(raw_score(candidate.frequency, candidate.document_count, candidate.kind,
                            len(candidate.preferred.split()), bool(candidate.pairs), curated,
                            proper))
