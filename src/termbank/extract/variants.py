"""The candidate table, and the grouping of its designations into concepts.

While documents stream past, :class:`Table` keeps one row per surface name (counts, the
documents it occurs in, a few occurrences and contexts) — nothing that grows with the
corpus except the table itself. :meth:`Table.candidates` then groups rows that designate
one concept:

- the same words up to case, connectors, plural and possessive ("Maslikhats");
- acronym and expansion, from the text ("… Agreement (EPCA)") or the curated list;
- a party prefix before a known name ("EU-Kazakhstan Enhanced …", "Kazakh Foreign Ministry");
- a surname alone and the full name; romanisation variants (Tileuberdi / Tleuberdi);
- a title and its short form when only one longer title fits ("Deputy Minister");
- lower-case spellings of a known name ("enhanced partnership cooperation agreement").
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass, field

from termbank.extract import lists
from termbank.extract.acronyms import Definition
from termbank.extract.candidate import Candidate
from termbank.extract.names import (
    ACRONYM, DEMONYM, EPONYM_TAIL, HEAD, NAME, OWNER_TAIL, PARTY, PLACE, YEARS_TAIL, Mention,
    act_number, classify, kind_of_text)
from termbank.extract.score import score_candidate
from termbank.extract.text import sentence_at
from termbank.lang import en

MAX_OCCURRENCES = 20
MAX_CONTEXTS = 2


@dataclass(slots=True)
class Row:
    """Everything known about one surface name."""

    text: str
    forms: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    frequency: int = 0
    initial: int = 0
    nested: int = 0
    person: int = 0
    docs: array = field(default_factory=lambda: array("I"))  # increasing document numbers
    occurrences: list = field(default_factory=list)
    contexts: list = field(default_factory=list)
    jurisdictions: Counter = field(default_factory=Counter)
    holders: Counter = field(default_factory=Counter)
    role: str = "full"  # full / acronym / lower / list
    source: str = ""  # for rows taken from a curated list


_LOWER_WORD = re.compile(r"(?<![\w’'])[a-z]{3,}(?![\w’'])")
_LOWER_WORDS = re.compile(r"(?<![\w’'])(?:[a-z][a-z\-]*[ \t]+){0,6}$")


class Table:
    """Candidate rows gathered over a stream of documents."""

    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}
        self.documents: list[str] = []
        self.definitions: Counter = Counter()  # (acronym, expansion, rule) → count
        self.lower: dict[str, Row] = {}
        self.vocabulary: set[str] = set()  # lower-case words seen: "Global" is not a name
        self.aliases: set[tuple[str, str]] = set()  # (name, alias): ", known as Frontex"
        heads = [h for h, k in lists.heads().items() if k not in ("title", "modifier")
                 and " " not in h]
        institutions = [f for f, k in lists.institutions().items() if " " not in f]
        words = sorted(set(heads) | set(institutions), key=len, reverse=True)
        self._lower_heads = re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, words))
                                       + r")s?(?![\w\-])")

    # -- gathering -----------------------------------------------------------------------

    def add_document(self, name: str, text: str, mentions, definitions: list[Definition]):
        doc = len(self.documents)
        self.documents.append(name)
        for mention in mentions:
            self._add(mention, doc, name, text)
        for definition in definitions:
            self.definitions[(definition.acronym, definition.expansion, definition.rule)] += 1
        self._add_lower(doc, name, text)
        self.vocabulary.update(_LOWER_WORD.findall(text))

    def _add(self, mention: Mention, doc: int, name: str, text: str) -> None:
        key = mention.title or mention.text
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = Row(key)
            if mention.kind == "acronym" or (en.is_acronym(key) and " " not in key) \
                    or en.is_two_part_acronym(key):
                row.role = "acronym"
        form = " ".join(text[mention.start:mention.end].split())  # exactly as written
        self._count(row, form, mention.kind, doc, name, text, mention.start, mention.end)
        row.initial += mention.initial
        row.nested += mention.nested
        row.person += mention.person
        if mention.jurisdiction:
            row.jurisdictions[mention.jurisdiction] += 1
        if mention.holder:
            row.holders[mention.holder] += 1

    def _count(self, row: Row, form: str, kind: str, doc: int, name: str, text: str,
               start: int, end: int) -> None:
        row.frequency += 1
        row.forms[form] += 1
        row.kinds[kind] += 1
        if not row.docs or row.docs[-1] != doc:
            row.docs.append(doc)
        if len(row.occurrences) < MAX_OCCURRENCES:
            row.occurrences.append((name, start, end, form))
        if len(row.contexts) < MAX_CONTEXTS:
            sentence = sentence_at(text, start, end)
            if sentence and all(c["text"] != sentence for c in row.contexts):
                row.contexts.append({"text": sentence, "document": name})

    def _add_lower(self, doc: int, name: str, text: str) -> None:
        """Lower-case phrases ending in a head word, kept aside until a name claims them."""
        institutions = lists.institutions()
        for match in self._lower_heads.finditer(text):
            head = match.group()
            known = institutions.get(head)
            if known is not None:  # "akim", "maslikhats": terms even in lower case
                row = self.rows.get(known.canonical)
                if row is None:
                    row = self.rows[known.canonical] = Row(known.canonical)
                self._count(row, head, known.kind, doc, name, text, match.start(), match.end())
                continue
            before = _LOWER_WORDS.search(text, max(0, match.start() - 80), match.start())
            if before is None or before.start() == match.start():
                continue
            phrase = " ".join(text[before.start():match.end()].split())
            row = self.lower.get(phrase)
            if row is None:
                if len(self.lower) > 100_000:
                    continue
                row = self.lower[phrase] = Row(phrase, role="lower")
            self._count(row, phrase, "other", doc, name, text, before.start(), match.end())

    # -- grouping ------------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        for row in self.rows.values():
            if "name" in row.kinds:
                person = bool(row.person) or (_looks_personal(row.text) and not any(
                    w.lower() in self.vocabulary for w in re.split(r"[\s\-]+", row.text)))
                row.kinds["person" if person else "other"] += row.kinds.pop("name")
        rows = {k: r for k, r in self.rows.items() if not _is_junk(r)
                and not self._is_adjective_of_place(r) and not self._is_common_word(r)}
        groups = _Groups(rows)
        groups.link_same_words()
        groups.link_acronyms(self.definitions)
        groups.link_institutions()
        groups.link_places()
        groups.link_prefixed()
        groups.link_act_numbers()
        groups.link_named_documents()
        groups.link_surnames()
        groups.link_spellings()
        groups.link_short_titles()
        groups.link_tails()
        groups.link_short_names()
        groups.link_aliases(self.aliases)
        groups.claim_lower(self.lower)
        out = [self._candidate(members, groups) for members in groups.groups()]
        out = [c for c in out if c is not None]
        out.sort(key=lambda c: (-c.score, c.preferred.lower()))
        return out

    def _is_common_word(self, row: Row) -> bool:
        """A plain word that the texts also write in lower case, capitalised only by where
        it stands: alone ("Definitions", "Ratification" in headings), or opening every
        sentence it is seen in before short forms ("Acute HF", "Severe LV"). No name."""
        first, *rest = row.text.split()
        if row.person or row.role in ("acronym", "list") or _row_kind(row) != "other":
            return False
        if not (first.isalpha() and first[1:].islower() and first.lower() in self.vocabulary):
            return False
        return not rest or (row.initial == row.frequency and all(map(en.is_acronym, rest)))

    def _is_adjective_of_place(self, row: Row) -> bool:
        """"South Asian" where "South Asia" is a place of the texts: an adjective, no name."""
        place = self.rows.get(row.text[:-1]) if row.text.endswith("n") else None
        return place is not None and _row_kind(place) in ("place", "other") and \
            _row_kind(row) == "other" and not row.person and not place.person

    def _candidate(self, members: list[Row], groups: _Groups) -> Candidate | None:
        real = [r for r in members if r.frequency]
        if not real:
            return None
        kind = _group_kind(members)
        preferred = _preferred(members, kind, groups)
        if kind == "other" and " " in preferred \
                and preferred.rsplit(" ", 1)[1].lower() in en.NATURAL_FEATURES:
            kind = "place"  # "Aral Sea", "Syr Darya"
        part_of_speech = ""
        if kind == "acronym" and " " in preferred and not any(c.isupper() for c in preferred):
            # "heart failure (HF)": a lower-case phrase written out beside its abbreviation is
            # domain terminology, not a name; the abbreviation is its variant
            kind, part_of_speech = "term", "noun"
        forms: Counter = Counter()
        docs: set = set()
        occurrences, contexts = [], []
        holders, jurisdictions = Counter(), Counter()
        for row in sorted(real, key=lambda r: (r.text != preferred, -r.frequency)):
            forms.update(row.forms)
            docs.update(row.docs)
            occurrences.extend(row.occurrences)
            for context in row.contexts:
                if len(contexts) < MAX_CONTEXTS and context not in contexts:
                    contexts.append(context)
            holders.update(row.holders)
            jurisdictions.update(row.jurisdictions)
        seen = {_norm(preferred)}
        variants, sources = [], {}
        for row in sorted(members, key=lambda r: (-r.frequency, r.text)):
            texts = [row.text] if row.role != "lower" else list(row.forms)
            if _row_kind(row) == "official title":
                texts += sorted(row.forms)
            for text in texts:
                if _norm(text) not in seen:
                    seen.add(_norm(text))
                    variants.append(text)
                    if row.source:
                        sources[text] = row.source
        pairs = groups.pairs_of(members)
        occurrences.sort(key=lambda o: (self.documents.index(o[0]) if len(self.documents) < 500
                                        else 0, o[1]))
        candidate = Candidate(
            preferred=preferred, variants=variants, forms=dict(forms.most_common()), kind=kind,
            frequency=sum(forms.values()),
            documents=[self.documents[d] for d in sorted(docs)][:50], contexts=contexts,
            occurrences=occurrences[:MAX_OCCURRENCES * 2], pairs=pairs,
            jurisdiction=[j for j, _ in jurisdictions.most_common()],
            holders=[h for h, _ in holders.most_common()], variant_sources=sources,
            document_count=len(docs), part_of_speech=part_of_speech)
        candidate.score = score_candidate(candidate, members)
        return candidate


def _norm(text: str) -> str:
    """Case, possessive and plural do not make a new designation; missing words do."""
    if en.is_acronym(text):
        return text
    words = [en.strip_possessive(w) for w in text.lower().replace("’", "'").split()]
    if words:
        words[-1] = en.singular(words[-1])
    return " ".join(words)


def _looks_personal(name: str) -> bool:
    """A name of plain words is a person's only with evidence in its words: a known given
    name first or a Kazakh/Russian surname ending last ("Global Gateway" has neither).

    >>> _looks_personal("Timur Zhaksylykov"), _looks_personal("Luc Devigne"), _looks_personal("Global Gateway")
    (True, True, False)
    """
    words = name.split()
    return words[0].lower() in lists.given_names() or en.has_surname_ending(words[-1])


def _is_junk(row: Row) -> bool:
    if not row.frequency:
        return False
    words = row.text.split()
    if row.nested == row.frequency and (_row_kind(row) in ("place", "acronym") or (
            _row_kind(row) == "organisation" and len(words) > 1)):
        # a place or an organisation's name of several words named only inside other names
        # ("Bishkek Polytechnic Institute", "United Nations Development Programme"; one word,
        # "IAEA", "KazMunayGas", names the owner of a body or a title), or an acronym that
        # no text defines nor list knows ("EU P2P Export Control Programme")
        return True
    if len(words) == 1 and row.role != "acronym":
        word = words[0]
        if en.is_sentence_word(word) or en.is_calendar_word(word) or len(word) < 2:
            return True
        kind = row.kinds.most_common(1)[0][0]
        if kind == "other" and row.initial == row.frequency and not row.person \
                and word.isalpha() and not any(c.isupper() for c in word[1:]):
            return True  # a plain word seen only opening sentences; "Erasmus+" is no plain word
        if not any(c.isalpha() for c in word):
            return True
    return False


class _Groups:
    """Union–find over rows, keyed by row text."""

    def __init__(self, rows: dict[str, Row]) -> None:
        self.rows = rows
        self.parent = {k: k for k in rows}
        self.secondary: set[str] = set()  # forms never preferred over a full name
        self.pairs: list[tuple[str, str, str]] = []
        self.by_words: dict[tuple[str, ...], str] = {}
        for key in rows:
            self.by_words.setdefault(tuple(_words(key)), key)

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def add_row(self, row: Row) -> str:
        if row.text not in self.rows:
            self.rows[row.text] = row
            self.parent[row.text] = row.text
            self.by_words.setdefault(tuple(_words(row.text)), row.text)
        return row.text

    def lookup(self, text: str) -> str | None:
        return self.by_words.get(tuple(_words(text)))

    def groups(self) -> list[list[Row]]:
        out: dict[str, list[Row]] = {}
        for key in self.rows:
            out.setdefault(self.find(key), []).append(self.rows[key])
        return list(out.values())

    def pairs_of(self, members: list[Row]) -> list[dict[str, str]]:
        texts = {r.text for r in members}
        out, seen = [], set()
        for acronym, expansion, rule in self.pairs:
            if acronym in texts and (acronym, expansion) not in seen:
                seen.add((acronym, expansion))
                out.append({"acronym": acronym, "expansion": expansion, "rule": rule})
        return out

    # -- the linking rules ---------------------------------------------------------------

    def link_same_words(self) -> None:
        seen: dict[tuple[str, ...], str] = {}
        for key in list(self.rows):
            words = tuple(_words(key))
            if en.is_acronym(key):
                words = (en.acronym_singular(key),)  # "SMEs" and "SME" are one acronym
            if words in seen:
                self.union(seen[words], key)
            else:
                seen[words] = key

    def link_acronyms(self, definitions: Counter) -> None:
        """Acronym ↔ expansion: pairs defined in the text first, then the curated list."""
        defined: dict[str, tuple[str, str]] = {}
        for (acronym, expansion, rule), _count in definitions.most_common():
            defined.setdefault(acronym, (expansion, rule))
        known = lists.acronyms()
        for key in list(self.rows):
            row = self.rows[key]
            if row.role != "acronym" and not (en.is_acronym(key) and " " not in key) \
                    and key not in defined:  # (a short form of syllables: "SatCen")
                continue
            if key in defined:
                row.role = "acronym"  # never preferred over what it stands for
                expansion, rule = defined[key]
                source = ""
                if key in known and _words(known[key].canonical) != _words(expansion):
                    # the text's CAREC is another body than the list's: not the list's kind
                    row.kinds = Counter({kind_of_text(expansion): row.kinds.total()})
            elif key in known:
                expansion, rule, source = known[key].canonical, "list", known[key].source
            else:
                continue
            target = self.lookup(expansion)
            if target is None:
                target = self.add_row(Row(expansion, role="list",
                                          source=source or "acronym defined in the text",
                                          kinds=Counter({known[key].kind if key in known
                                                         else kind_of_text(expansion): 1})))
            self.union(target, key)
            self.pairs.append((key, expansion, "initials" if rule == "initials" else "list"))
        self._link_spelled_out({a: e for a, (e, _rule) in defined.items()})

    def _link_spelled_out(self, defined: dict[str, str]) -> None:
        """A name that writes part of another as its defined acronym is that name: "LEU
        Bank" → "IAEA Low Enriched Uranium Bank" when the text defines "low enriched uranium
        (LEU)" (the one name of its kind that ends so)."""
        shortened = [k for k, row in self.rows.items() if " " in k and row.role != "acronym"
                     and any(w in defined for w in k.split())]
        if not shortened:
            return
        by_ending: dict[str, set[str]] = {}
        for key in self.rows:
            words = key.lower().split()
            for k in range(len(words)):
                by_ending.setdefault(" ".join(words[k:]), set()).add(key)
        for key in shortened:
            spelled = " ".join(defined.get(w, w) for w in key.split()).lower()
            kind = _row_kind(self.rows[key])
            owners = {self.find(k) for k in by_ending.get(spelled, ())
                      if _row_kind(self.rows[k]) == kind} - {self.find(key)}
            if len(owners) == 1:
                self.union(owners.pop(), key)
                self.secondary.add(key)

    def link_institutions(self) -> None:
        """Kazakh institutions: lemma, listed spelling variants, "Majilis of the Parliament"."""
        table = lists.institutions()
        for key in list(self.rows):
            words = key.split()
            known = table.get(key.lower()) or table.get(en.singular(key).lower())
            if known is None and len(words) > 2 and words[1] == "of":
                known = table.get(words[0].lower())
                if known is not None and (" " in known.canonical
                                          or known.kind == "official title"):
                    known = None  # (a title of a place is that place's office: "Akim of
                    # Almaty" is no more the same post as "Akim of Shymkent" than "Akim")
            if known is None:
                continue
            lemma = known.canonical if known.canonical in self.rows else self.add_row(
                Row(known.canonical, role="list", source=known.source,
                    kinds=Counter({known.kind: 1})))
            self.union(lemma, key)
            for variant, other in table.items():
                if other is known and variant != known.canonical.lower() \
                        and not en.is_plural(variant) and variant not in (k.lower() for k in self.rows):
                    spelled = " ".join(w.capitalize() if w not in en.CONNECTORS else w
                                       for w in variant.split())
                    self.union(lemma, self.add_row(Row(spelled, role="variant",
                                                       source=known.source,
                                                       kinds=Counter({known.kind: 1}))))

    def link_places(self) -> None:
        """"Republic of Kazakhstan", "Russian Federation" → the short place name."""
        places = lists.places()
        for key in list(self.rows):
            name = places.get(key.lower().replace("’", "'"))
            if name is None or name == key:
                continue
            target = self.lookup(name) or self.add_row(
                Row(name, role="list", source="data/extract/places.tsv",
                    kinds=Counter({"place": 1})))
            self.union(target, key)

    def link_prefixed(self) -> None:
        """"EU-Kazakhstan Enhanced …", "Kazakh Foreign Ministry", "EU – Central Asia Energy
        Dialogue" → the name without the party; "EU Civil Protection Mechanism" → "Union
        Civil Protection Mechanism", as EU law writes it."""
        for key in list(self.rows):
            rest = _without_dashed_parties(key)
            if rest:
                target = self.lookup(rest)
                if target is not None and target != key and \
                        _row_kind(self.rows[target]) == _row_kind(self.rows[key]):
                    self.union(target, key)
                    self.secondary.add(key)
                    continue
            words = key.split()
            if len(words) < 2 or en.is_two_part_acronym(key):
                continue  # "DG AGRI" is no "AGRI" with a party before it
            cls = classify(words[0])[0]
            if cls not in (PLACE, DEMONYM, PARTY, ACRONYM):
                continue
            rest = " ".join(words[1:])
            if len(words) < 3 and not en.is_acronym(rest):
                continue
            target = self.lookup(rest)
            if target is None and words[0] == "EU":  # EU law's own wording: "Union
                target = self.lookup(f"Union {rest}")  # Civil Protection Mechanism"
            if target is not None and target != key and (
                    not self.rows[target].frequency
                    or _row_kind(self.rows[target]) == _row_kind(self.rows[key])):
                self.union(target, key)
                self.secondary.add(key)

    def link_act_numbers(self) -> None:
        """One EU act, cited with or without the institution that adopted it: "Council
        Regulation (EC) No 1073/1999" is "Regulation (EC) No 1073/1999"; one ILO instrument,
        with or without its subject: "Convention No. 102" is "Social Security (Minimum
        Standards) Convention No. 102"."""
        fullest: dict[str, str] = {}
        for key in sorted(self.rows, key=len, reverse=True):
            number = act_number(key)
            if number is None:
                continue
            if number in fullest:
                self.union(fullest[number], key)
                self.secondary.add(key)
            else:
                fullest[number] = key

    def link_named_documents(self) -> None:
        """An acronym alone names the one document written as it and its head, when it is
        spelt out nowhere: "NIS2" is the "NIS2 Directive" (an acronym spelt out names a body
        of its own: "EU" of "EU Directive")."""
        spelt = {self.find(k) for k, row in self.rows.items() if row.role != "acronym"}
        documents: dict[str, set[str]] = {}
        for key, row in self.rows.items():
            words = key.split()
            if len(words) == 2 and en.is_acronym(words[0]) \
                    and _row_kind(row) == "agreement/document":
                documents.setdefault(words[0], set()).add(self.find(key))
        for acronym, owners in documents.items():
            row = self.rows.get(acronym)
            modifier = re.compile(rf"(?<![\w\-]){re.escape(acronym)} [a-z]")
            if row is not None and len(owners) == 1 and _row_kind(row) == "acronym" \
                    and self.find(acronym) not in spelt \
                    and not any(modifier.search(c["text"]) for c in row.contexts):
                # (not an acronym of a term's words: "IUU" of "(IUU fishing)")
                self.union(owners.pop(), acronym)
                self.secondary.add(acronym)

    def link_surnames(self) -> None:
        """A surname alone joins the one person of the texts it ends. A full name of unknown
        kind is that person when its surname alone is one ("Pierre Lambert" … "Lambert
        said")."""
        speakers = {key.lower() for key, row in self.rows.items() if row.person
                    and all(w[:1].isupper() or w in en.NAME_PARTICLES for w in key.split())}
        full_names: dict[str, list[str]] = {}
        for key, row in self.rows.items():
            words = key.split()
            if 2 <= len(words) <= 4 and _row_kind(row) in ("other", "name") \
                    and words[0][:1].isupper() and words[-1][:1].isupper() \
                    and all(w[:1].isupper() or w in en.NAME_PARTICLES for w in words) \
                    and any(" ".join(words[k:]).lower() in speakers
                            for k in range(1, len(words))):
                row.person += 1  # ("Pieter van den Berg" … "Van den Berg said")
            if len(words) >= 2 and _row_kind(row) == "person":
                full_names.setdefault(words[-1].lower(), []).append(key)
        by_key: dict[str, list[str]] = {}
        for surname in full_names:
            by_key.setdefault(en.spelling_key(surname), []).append(surname)
        for key, row in list(self.rows.items()):
            if " " in key or row.role == "acronym":
                continue
            surnames = [s for s in by_key.get(en.spelling_key(key), [])
                        if en.is_spelling_variant(s, key)]
            owners = {self.find(k) for s in surnames for k in full_names[s]}
            if len(owners) == 1:
                self.union(owners.pop(), key)
        # a surname of two words or more: "Ruiz Santos" of "Marta Ruiz Santos"
        endings: dict[str, set[str]] = {}
        for full in (k for keys in full_names.values() for k in keys):
            words = full.split()
            for k in range(1, len(words) - 1):
                endings.setdefault(" ".join(words[k:]).lower(), set()).add(self.find(full))
        for key, row in list(self.rows.items()):
            owners = endings.get(key.lower(), set())
            if len(owners) == 1 and row.role != "acronym" \
                    and _row_kind(row) in ("other", "name", "person"):
                self.union(next(iter(owners)), key)

    def link_spellings(self) -> None:
        buckets: dict[tuple[str, ...], list[tuple[str, list[str]]]] = {}
        for key, row in self.rows.items():
            if row.role in ("acronym", "lower") or _row_kind(row) in ("official title",):
                continue
            words = re.split(r"[\s\-]+", key)
            buckets.setdefault(tuple(en.spelling_key(w) for w in words), []).append((key, words))
        for keys in buckets.values():
            for i, (a, wa) in enumerate(keys):
                for b, wb in keys[i + 1:]:
                    if all(en.is_spelling_variant(x, y) for x, y in zip(wa, wb)):
                        self.union(a, b)

    def link_short_titles(self) -> None:
        titles = [k for k, r in self.rows.items() if _row_kind(r) == "official title"]
        for short in titles:
            row = self.rows[short]
            if row.jurisdictions:
                continue
            longer = [t for t in titles if t != short and t.startswith(
                (short + " of ", short + " for ", short + " on "))]
            roots = {self.find(t) for t in longer}
            if len(roots) != 1:
                continue
            holders = set(row.holders)
            known = {h for t in longer for h in self.rows[t].holders}
            # a holder named by surname alone ("Commissioner Jørgensen") is the same person
            if holders and not all(h in known or any(k.endswith(" " + h) for k in known)
                                   for h in holders):
                continue
            self.union(roots.pop(), short)

    def link_aliases(self, aliases: set[tuple[str, str]]) -> None:
        """A name and the alias it is "known as" are one concept; the name stays preferred."""
        for name, alias in sorted(aliases):
            if name in self.rows and alias in self.rows and self.find(name) != self.find(alias):
                self.union(name, alias)
                if self.rows[alias].role == "full":
                    self.rows[alias].role = "alias"

    def link_tails(self) -> None:
        """A capitalised head joins its full name when only one full name with a lower-case
        tail, or with the years it runs for, has that head ("Memorandum of Understanding on …
        value chains", "Medeu dam", "Concept of Legal Policy until 2030", "… Museum of Art
        named after I. V. Savitsky", "Statistics Agency under the President of …"). The name
        with its years is never preferred over the name without them: the years date one
        edition; nor is a body's name with the office it answers to, as with its owner."""
        fulls: dict[str, list[str]] = {}
        for key in self.rows:
            match = YEARS_TAIL.search(key) or OWNER_TAIL.search(key)
            if match:
                self.secondary.add(key)
                years = _YEARS_ONLY.search(key)  # "… Role of Women for 2021–2030": "of Women"
                if years and years.start() > match.start() and key[:1].isupper():
                    fulls.setdefault(key[:years.start()], []).append(key)  # is the topic's
            else:
                match = _LOWER_TAIL.search(key) or EPONYM_TAIL.search(key)
            if match and match.start() > 0 and key[:1].isupper():
                fulls.setdefault(key[:match.start()], []).append(key)
            elif match := _LOWER_HEAD.fullmatch(key):
                fulls.setdefault(match.group(1), []).append(key)
        for short, keys in fulls.items():
            target = self.lookup(short)
            if target is not None and len({self.find(k) for k in keys}) == 1:
                self.union(keys[0], target)

    def link_short_names(self) -> None:
        """A proper name's short form joins the one full name that goes on with its topic:
        "Sendai Framework" → "Sendai Framework for Disaster Risk Reduction". The short form
        must open with a proper word and end in a head, so "European Commission" never joins
        "European Commission for Democracy through Law". A name that only adds where it
        works, or the country it is of, needs neither a proper word nor a head at its end:
        "Border Management Programme" → "… in Central Asia", "National Institute of Statistics
        and Economic Studies" → "… of France"."""
        fulls: dict[str, set[str]] = {}
        scoped: set[str] = set()  # short forms whose full names only add a place
        countries: dict[str, set[str]] = {}  # group → the places its names end in
        for key in self.rows:
            match = _TOPIC.search(key)
            if match and match.start() > 0:
                fulls.setdefault(key[:match.start()], set()).add(self.find(key))
            for match in _SCOPE.finditer(key):
                place = lists.places().get(key[match.end() - 1:].lower())
                if match.start() > 0 and place is not None:
                    fulls.setdefault(key[:match.start()], set()).add(self.find(key))
                    scoped.add(key[:match.start()])
                    countries.setdefault(self.find(key), set()).add(place)
        for short, owners in fulls.items():
            words = short.split()
            target = self.lookup(short)
            proper = classify(words[0])[0] in (NAME, PLACE) and classify(words[-1])[0] == HEAD
            if target is None or len(owners) != 1 or len(words) < 2 \
                    or not (proper or short in scoped):
                continue
            owner = next(iter(owners))
            if len(countries.get(owner, set()) | countries.get(self.find(target), set())) > 1:
                continue  # "State Customs Service of Turkmenistan" and "… of the Kyrgyz
                # Republic" (joined with the short form already): two countries, two bodies
            if _row_kind(self.rows[target]) == _row_kind(self.rows[owner]):
                self.union(owner, target)
                self.secondary.add(target)

    def claim_lower(self, lower: dict[str, Row]) -> None:
        """Lower-case phrases join the name whose words they repeat (two words or more)."""
        targets = {}
        for key, row in self.rows.items():
            words = tuple(_words(key))
            if len(words) >= 2 and row.role != "acronym":
                targets.setdefault(words, key)
        for phrase, row in lower.items():
            words = _words(phrase)
            for size in range(len(words), 1, -1):
                target = targets.get(tuple(words[-size:]))
                if target is not None:
                    text = " ".join(phrase.split()[-_surface_size(phrase, size):])
                    claimed = Row(text, role="lower", kinds=Counter({"other": row.frequency}))
                    claimed.frequency = row.frequency
                    claimed.forms = Counter({text: row.frequency})
                    claimed.docs = array("I", row.docs)
                    claimed.occurrences = [(d, e - len(text), e, text)
                                           for d, _s, e, _f in row.occurrences]
                    claimed.contexts = list(row.contexts)
                    self.union(target, self.add_row(claimed))
                    break


def _without_dashed_parties(name: str) -> str:
    """The name after parties joined by dashes ("EU – Central Asia Energy Dialogue" →
    "Energy Dialogue"), or "" when it has no such prefix or too little is left."""
    head, dash, after = name.rpartition("–")
    if not dash:
        head, dash, after = name.rpartition("—")
    if not dash or not head.strip():
        return ""
    parties = [p.strip() for p in re.split(r"[–—]", head)]
    words = after.split()
    for size in (2, 1):
        last, rest = " ".join(words[:size]), words[size:]
        if len(rest) >= 2 and all(_is_party(p) for p in (*parties, last)):
            return " ".join(rest)
    return ""


def _is_party(text: str) -> bool:
    return text.lower() in lists.places() or (
        " " not in text and classify(text)[0] in (PLACE, DEMONYM, PARTY, ACRONYM))


_YEARS_ONLY = re.compile(r" (?:until|till|up to|through|for(?: the period)?) (?:19|20)\d\d"
                         r"(?:[\-–—](?:19|20)?\d\d)?$")
_LOWER_TAIL = re.compile(r" (?:on|for|of) (?:(?:a|an|the) )?[a-z]")
_LOWER_HEAD = re.compile(r"([A-Z][^\s]*) [a-z][a-z ]*")  # "Medeu dam", "Kashagan oil field"
_TOPIC = re.compile(r" (?:on|for|of) (?:the )?[A-Z]")
_SCOPE = re.compile(r" (?:in|of) (?:the )?[A-Z]")  # "… in Central Asia", "… of France"


def _surface_size(phrase: str, content_size: int) -> int:
    """How many surface words hold the last *content_size* content words of *phrase*."""
    words = phrase.split()
    count = 0
    for n in range(1, len(words) + 1):
        if words[-n].lower() not in en.CONNECTORS:
            count += 1
        if count == content_size:
            return n
    return len(words)


def _words(text: str) -> list[str]:
    return en.content_words(text)


def _row_kind(row: Row) -> str:
    kinds = row.kinds
    if not kinds:
        return "other"
    if row.person and kinds.most_common(1)[0][0] in ("other", "person"):
        return "person"
    return kinds.most_common(1)[0][0]


_KIND_ORDER = ("official title", "institution/body", "agreement/document",
               "route/programme/event", "organisation", "place", "person", "acronym", "other")


def _group_kind(members: list[Row]) -> str:
    votes: Counter = Counter()
    for row in members:
        kind = _row_kind(row)
        if row.role == "lower":
            continue
        votes[kind] += row.frequency + (2 if row.role == "list" else 0)
    if votes.get("official title"):
        return "official title"
    specific = [(n, k) for k, n in votes.items() if k not in ("other", "acronym")]
    if specific:
        return max(specific, key=lambda nk: (nk[0], -_KIND_ORDER.index(nk[1])))[1]
    if votes.get("acronym"):
        return "acronym"
    return "other"


def _preferred(members: list[Row], kind: str, groups: _Groups) -> str:
    """The canonical English term of a group."""
    def rank(row: Row):
        role = {"full": 0, "list": 1, "lower": 3, "acronym": 2, "alias": 2,
                "variant": 4}[row.role]
        if row.text in groups.secondary:
            role = 1.5
        if row.role == "list" and row.source.startswith("data/extract/institutions"):
            role = -1  # the curated lemma: "Maslikhat" for "Maslikhats"
        # a form seen only inside a longer name of the group ("Memorandum of Understanding"
        # inside "Memorandum of Understanding on …") is not the one to prefer
        inside = bool(row.frequency) and row.nested == row.frequency
        return (role, inside, -(len(row.text.split()) if kind == "person" else 0), -row.frequency,
                len(row.text), row.text)
    if kind == "official title":
        titles = [r for r in members if r.frequency and _row_kind(r) == "official title"]
        if titles:
            return max(titles, key=lambda r: (not en.has_plural_head(r.text), r.frequency,
                                              len(r.text.split()), r.text)).text
    return min(members, key=rank).text
