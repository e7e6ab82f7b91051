"""A candidate concept: what extraction proposes to a terminologist."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("acronym", "institution/body", "agreement/document", "route/programme/event",
         "official title", "person", "place", "organisation", "term", "other")


@dataclass
class Candidate:
    """One proposed concept with its English designations and the evidence for them."""

    preferred: str
    variants: list[str]
    forms: dict[str, int]
    kind: str
    frequency: int
    documents: list[str]
    contexts: list[dict[str, str]]
    occurrences: list[tuple[str, int, int, str]] = field(default_factory=list)
    score: float = 0.0
    #: acronym–expansion pairs: {"acronym", "expansion", "rule"} (rule: initials / list)
    pairs: list[dict[str, str]] = field(default_factory=list)
    jurisdiction: list[str] = field(default_factory=list)
    holders: list[str] = field(default_factory=list)
    #: where each variant that is not in the texts comes from (a curated list)
    variant_sources: dict[str, str] = field(default_factory=dict)
    document_count: int = 0
    #: for term-track candidates: the part of speech of the term ("noun")
    part_of_speech: str = ""
    #: the id of the glossary concept this candidate already is ("" = new); see known.py
    known: str = ""
    #: preferred terms of linked candidates: a two-hat title and each of its hats
    related: list[str] = field(default_factory=list)

    def absorb(self, names, forms: dict[str, int], frequency: int, occurrences,
               documents) -> None:
        """Take in the names and sightings of another designation of this concept: the
        singular of an acronym's expansion, a body named with its owner."""
        for name in names:
            name = " ".join(name.split())
            if name.lower() not in {v.lower() for v in (self.preferred, *self.variants)}:
                self.variants.append(name)
        for form, count in forms.items():
            self.forms[form] = self.forms.get(form, 0) + count
        self.frequency += frequency
        self.occurrences.extend(occurrences)
        new = [d for d in documents if d not in self.documents]
        self.document_count = (self.document_count or len(self.documents)) + len(new)
        self.documents.extend(new)

    def as_dict(self) -> dict:
        """The ``--json`` record."""
        record = {
            "preferred": self.preferred,
            "variants": list(self.variants),
            "forms": dict(self.forms),
            "kind": self.kind,
            "frequency": self.frequency,
            "documents": list(self.documents),
            "document_count": self.document_count or len(self.documents),
            "contexts": [dict(c) for c in self.contexts],
            "score": round(self.score, 4),
            "occurrences": [{"document": d, "start": s, "end": e, "form": f}
                            for d, s, e, f in self.occurrences],
        }
        record["glossary"] = "known" if self.known else "new"  # held by the glossary already?
        if self.related:
            record["related"] = list(self.related)
        if self.part_of_speech:
            record["part_of_speech"] = self.part_of_speech
        if self.pairs:
            record["pairs"] = [dict(p) for p in self.pairs]
        if self.variant_sources:
            record["variant_sources"] = dict(self.variant_sources)
        if self.kind == "official title":
            record["jurisdiction"] = list(self.jurisdiction)
            record["holders"] = list(self.holders)
        return record
