"""Scoring extraction against the hand-written gold lists in tests/data/extract/.

A concept counts as found when an extracted preferred term or variant equals the gold
preferred term or one of its variants (case-insensitive). Matching is strict: a candidate
claims at most one gold concept and a gold concept is claimed at most once, so a concept
split in two costs precision and two concepts merged into one cost recall. Candidates that
match only a phrase of the gold list's ``acceptable`` list are left out of both counts.
Names and terms (gold kind ``term``; candidate kind ``term``) are also scored apart.
"""

from __future__ import annotations

from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"


def key(text: str) -> str:
    """Case, apostrophes, dashes and the spaces around a dash do not matter."""
    text = " ".join(text.lower().replace("’", "'").replace("—", "–").replace(" - ", " – ")
                    .split())
    return text.replace(" – ", "–")


def names_of(entry) -> set[str]:
    return {key(entry["preferred"]), *(key(v) for v in entry.get("variants", []))}


def load(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def evaluate(candidates, gold) -> dict:
    """Precision and recall over all concepts, and over names and terms apart."""
    gold_concepts = gold["concepts"]
    gold_names = [names_of(g) for g in gold_concepts]
    acceptable = {key(a) for a in gold.get("acceptable", [])}
    claimed: dict[int, object] = {}
    judged = {"name": [0, 0], "term": [0, 0]}  # candidate side: [correct, all]
    extra, duplicates = [], []
    for candidate in candidates:
        names = {key(candidate.preferred), *map(key, candidate.variants)}
        side = "term" if candidate.kind == "term" else "name"
        hits = [i for i, g in enumerate(gold_names) if names & g]
        free = [i for i in hits if i not in claimed]
        if free:
            claimed[free[0]] = candidate
            judged[side][0] += 1
        elif hits:
            duplicates.append(candidate.preferred)
        elif names & acceptable:
            continue
        else:
            extra.append(candidate.preferred)
        judged[side][1] += 1

    def recall(is_term: bool) -> float:
        wanted = [i for i, g in enumerate(gold_concepts) if (g.get("kind") == "term") == is_term]
        return sum(i in claimed for i in wanted) / max(1, len(wanted))

    gold_pairs = {(key(a), key(e)) for a, e in gold.get("pairs", [])}
    found_pairs = {(key(p["acronym"]), key(p["expansion"])) for c in candidates
                   for p in c.pairs}
    correct = judged["name"][0] + judged["term"][0]
    return {
        "concept_precision": correct / max(1, judged["name"][1] + judged["term"][1]),
        "concept_recall": len(claimed) / max(1, len(gold_concepts)),
        "name_precision": judged["name"][0] / max(1, judged["name"][1]),
        "name_recall": recall(False),
        "term_precision": judged["term"][0] / max(1, judged["term"][1]),
        "term_recall": recall(True),
        "pair_precision": len(found_pairs & gold_pairs) / max(1, len(found_pairs)),
        "pair_recall": len(found_pairs & gold_pairs) / max(1, len(gold_pairs)),
        "missed": [g["preferred"] for i, g in enumerate(gold_concepts) if i not in claimed],
        "extra": extra,
        "duplicates": duplicates,
        "wrong_pairs": sorted(found_pairs - gold_pairs),
    }


def summary(name: str, scores: dict) -> str:
    return (f"{name}: all P={scores['concept_precision']:.3f} R={scores['concept_recall']:.3f}"
            f"; names P={scores['name_precision']:.3f} R={scores['name_recall']:.3f}"
            f"; terms P={scores['term_precision']:.3f} R={scores['term_recall']:.3f}"
            f"; pairs P={scores['pair_precision']:.3f} R={scores['pair_recall']:.3f}")
