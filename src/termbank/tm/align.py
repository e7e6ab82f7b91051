"""Sentence alignment of a text with its translation: Gale–Church lengths plus anchors.

The base is Gale & Church (1993): a dynamic programme over *beads* (1-1, 1-2, 2-1, 1-0,
0-1 sentences) whose cost is the improbability of the length difference under a normal
model, plus the improbability of the bead type. Press releases in English, Kazakh and
Russian differ in length by a roughly constant factor, which we estimate from the two
texts themselves instead of assuming 1.

Lengths alone go wrong where neighbouring sentences have similar lengths, so beads that
share *anchors* get cheaper: the same numbers (``41.2`` = ``41,2``, ``3,000`` = ``3000``),
names whose consonant skeletons agree across scripts (``Vassilenko`` / ``Василенко``,
``Majilis`` / ``Мәжіліс``) and glossary term pairs passed in by the caller.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from termbank.lang import name_key
from termbank.model import Concept
from termbank.tm.segment import primary_lang, split_sentences

#: Prior probabilities of bead types (Gale & Church 1993, Table 5), (source, target) sizes.
BEAD_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2,
}
#: Variance per character of the length difference (Gale & Church's s²).
VARIANCE = 6.8
#: How much full anchor agreement lowers a bead's cost, and one unmatched number raises it.
ANCHOR_WEIGHT, NUMBER_PENALTY = 4.0, 1.0
#: Characters of a left-out sentence that cost as much as one unit of improbability.
DELETION_CHARS = 40.0


@dataclass(frozen=True, slots=True)
class Bead:
    """Source sentences ``src`` aligned with target sentences ``tgt`` (indices; either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    cost: float = 0.0


@dataclass(frozen=True, slots=True)
class SegmentPair:
    """One aligned pair of text segments, with the sentence indices it was made of."""

    source: str
    target: str
    src: tuple[int, ...]
    tgt: tuple[int, ...]


# -- anchors ------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+")
def numbers(text: str, lang: str) -> set[str]:
    """Numbers written the same way whatever the language's separators.

    >>> sorted(numbers("41.2 billion, 3,000 companies", "en")), sorted(numbers("41,2 млрд", "ru"))
    (['3000', '41.2'], ['41.2'])
    """
    out = set()
    for raw in _NUMBER.findall(text):
        if primary_lang(lang) == "en":
            raw = re.sub(r",(?=\d{3}\b)", "", raw)
        out.add(raw.replace(",", "."))
    return out


def names(text: str) -> set[str]:
    """Keys of the capitalised words (four letters or more) of *text*."""
    return {name_key(w) for w in _WORD.findall(text)
            if len(w) >= 4 and w[0].isupper() and not w.isupper()} - {""}


def _term_hits(text: str, phrases: Sequence[str]) -> set[int]:
    """Which of *phrases* occur in *text*: every word's first letters (stem) present, in order."""
    low = text.casefold()
    hits = set()
    for i, phrase in enumerate(phrases):
        stems = [w[:max(4, len(w) - 3)] if len(w) > 4 else w for w in _WORD.findall(phrase.casefold())]
        if stems and re.search(r"\b" + r"\w*\W+".join(map(re.escape, stems)), low):
            hits.add(i)
    return hits


@dataclass(frozen=True, slots=True)
class _Features:
    numbers: frozenset[str]
    names: frozenset[str]
    terms: frozenset[int]


def _features(sentences, lang, phrases) -> list[_Features]:
    return [_Features(frozenset(numbers(s, lang)), frozenset(names(s)),
                      frozenset(_term_hits(s, phrases))) for s in sentences]


def _anchor_cost(fs: list[_Features], ft: list[_Features]) -> float:
    """Cheaper beads whose sides share numbers, names and terms (Dice of the anchor sets).

    Using a ratio instead of a count keeps a sentence with anchors of its own from
    hitching a ride on its neighbour's shared anchors; numbers found on one side only
    cost a little more still.
    """
    if not fs or not ft:
        return 0.0
    a = _anchors(fs)
    b = _anchors(ft)
    if not a and not b:
        return 0.0
    dice = 2 * len(a & b) / (len(a) + len(b))
    lone_numbers = sum(1 for kind, _ in a ^ b if kind == "n")
    return -ANCHOR_WEIGHT * dice + NUMBER_PENALTY * lone_numbers


def _anchors(features: list[_Features]) -> set[tuple[str, object]]:
    out: set[tuple[str, object]] = set()
    for f in features:
        out.update(("n", x) for x in f.numbers)
        out.update(("w", x) for x in f.names)
        out.update(("t", x) for x in f.terms)
    return out


# -- the dynamic programme ----------------------------------------------------------------

def _length_cost(l1: int, l2: int, ratio: float) -> float:
    """-log P(length difference) for a bead of *l1* source and *l2* target characters."""
    if l1 == 0 or l2 == 0:
        # A left-out sentence: the normal model would price it by its whole length, which
        # makes merging a short dropped line (a date, a byline) into its neighbour cheaper
        # than dropping it; charge it gently per character instead.
        return (l1 + l2 / ratio) / DELETION_CHARS
    mean = (l1 + l2 / ratio) / 2
    delta = (l2 - l1 * ratio) / math.sqrt(max(mean, 1.0) * VARIANCE)
    p = math.erfc(abs(delta) / math.sqrt(2))  # two-sided tail of the standard normal
    return -math.log(max(p, 1e-300))


def glossary_pairs(concepts: Iterable[Concept], src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
    """The (source, target) preferred terms of every concept named in both languages: anchors
    for :func:`align_sentences`."""
    pairs = []
    for concept in concepts:
        src, tgt = concept.preferred(src_lang), concept.preferred(tgt_lang)
        if src and tgt:
            pairs.append((src.text, tgt.text))
    return pairs


def align_sentences(
    source: Sequence[str], target: Sequence[str], *, src_lang: str = "en", tgt_lang: str = "ru",
    term_pairs: Iterable[tuple[str, str]] = (),
) -> list[Bead]:
    """Align two lists of sentences; returns beads in text order covering every sentence once.

    *term_pairs* are (source phrase, target phrase) pairs, e.g. from the glossary.

    >>> [(b.src, b.tgt) for b in align_sentences(["One.", "Two is longer.", "3 here."],
    ...                                          ["Один.", "Два длиннее, и три здесь: 3."])]
    [((0,), (0,)), ((1, 2), (1,))]
    """
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    src_len = [len(s) for s in source]
    tgt_len = [len(t) for t in target]
    ratio = (sum(tgt_len) / sum(src_len)) if sum(src_len) else 1.0
    pairs = list(term_pairs)
    fs = _features(source, src_lang, [p[0] for p in pairs])
    ft = _features(target, tgt_lang, [p[1] for p in pairs])
    band = max(12, abs(n - m) + int(0.1 * max(n, m)))

    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m / n
        lo, hi = max(0, int(centre) - band), min(m, int(centre) + band)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, step = inf, None
            for (di, dj), prior in BEAD_PRIORS.items():
                if di > i or dj > j or cost[i - di][j - dj] == inf:
                    continue
                c = cost[i - di][j - dj] - math.log(prior)
                c += _length_cost(sum(src_len[i - di:i]), sum(tgt_len[j - dj:j]), ratio)
                c += _anchor_cost(fs[i - di:i], ft[j - dj:j])
                if c < best:
                    best, step = c, (di, dj)
            cost[i][j], back[i][j] = best, step
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)),
                          cost[i][j] - cost[i - di][j - dj]))
        i, j = i - di, j - dj
    return beads[::-1]


def align_texts(
    source_text: str, target_text: str, *, src_lang: str, tgt_lang: str,
    term_pairs: Iterable[tuple[str, str]] = (),
) -> list[SegmentPair]:
    """Split both texts into sentences and align them; beads with an empty side are dropped."""
    src = split_sentences(source_text, src_lang)
    tgt = split_sentences(target_text, tgt_lang)
    beads = align_sentences(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, term_pairs=term_pairs)
    return [SegmentPair(" ".join(src[i] for i in b.src), " ".join(tgt[j] for j in b.tgt), b.src, b.tgt)
            for b in beads if b.src and b.tgt]


def link_scores(predicted: Iterable[tuple[Sequence[int], Sequence[int]]],
                reference: Iterable[tuple[Sequence[int], Sequence[int]]]) -> tuple[float, float]:
    """Precision and recall of predicted beads against reference beads (exact bead match).

    >>> link_scores([([0], [0]), ([1], [1]), ([2], [])], [([0], [0]), ([1, 2], [1])])
    (0.3333333333333333, 0.5)
    """
    pred = {(tuple(s), tuple(t)) for s, t in predicted}
    ref = {(tuple(s), tuple(t)) for s, t in reference}
    hit = len(pred & ref)
    return (hit / len(pred) if pred else 0.0, hit / len(ref) if ref else 0.0)
