"""Term extraction from English text: acronyms, bodies, agreements, routes, titles, people.

``read_documents`` reads files, ``extract`` finds candidate concepts (best first), and
``to_concepts`` turns them into :class:`termbank.model.Concept` objects with an English
section, every term carrying its documents, contexts and a candidate review status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from termbank.extract.acronyms import find_definitions
from termbank.extract.candidate import KINDS, Candidate
from termbank.extract import lists, terms as terms_track
from termbank.extract.names import (
    ACRONYM, HEAD, MODIFIER, TITLE, WEAK_HEADS, aliases, classify, iter_mentions, join_defined,
    kind_of_text, without_owner)
from termbank.extract.text import Document, read_documents
from termbank.extract.variants import Table
from termbank.lang import en
from termbank.model import (
    AdminStatus, Concept, Context, LangSection, PartOfSpeech, Review, Source, SourceKind, Term,
    TermType, slug)

__all__ = ["Document", "Candidate", "KINDS", "read_documents", "extract", "to_concepts"]


def extract(documents: Iterable[Document], *, terms: bool = True) -> list[Candidate]:
    """Candidate concepts found in *documents*, best first.

    Documents are read one at a time, so a generator keeps memory to the candidate tables.
    With *terms*, the term track (tagger, C-value, specificity) adds lower-case domain terms
    of kind ``term``; names win where both claim a span.

    >>> found = extract([Document("a", "The Enhanced Partnership and Cooperation Agreement "
    ...                  "(EPCA) was signed. The EPCA covers 29 areas.")])
    >>> found[0].preferred, found[0].variants, found[0].kind
    ('Enhanced Partnership and Cooperation Agreement', ['EPCA'], 'agreement/document')
    """
    table = Table()
    also_called: set[tuple[str, str]] = set()
    term_table = terms_track.TermTable() if terms else None
    for document in documents:
        text = quiet_headings(document.text)
        definitions = find_definitions(text)
        mentions = join_defined(text, list(iter_mentions(text)), definitions)
        table.add_document(document.name, text, mentions, definitions)
        table.aliases.update(aliases(text, mentions))
        also_called.update(parenthesised_names(text, mentions))
        if term_table is not None:
            term_table.add_document(document.name, text, terms_track.name_spans(mentions),
                                    [(d.start, d.end) for d in definitions])
    found = [c for c in table.candidates() if not is_generic_word(c) and not is_group_of_holders(c)]
    found = join_short_bodies(split_parts(found))
    link_names(found, also_called)
    if term_table is not None:
        found += terms_track.candidates(term_table, found)
        found.sort(key=lambda c: (-c.score, c.preferred.lower()))
    return found


_LETTER_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_CAPITAL_WORD = re.compile(r"(?<![A-Za-z'’\-])[A-Z][A-Z'’\-]*(?![A-Za-z'’\-])")  # as isupper()
#: grammar words that only a passage in capitals writes in capitals
_SHOUTED_GRAMMAR = frozenset("""THE OF AND TO FROM ON IN FOR WITH BY AT AN A OR AS INTO ITS THIS
    THAT THESE THOSE HAS HAVE HAD IS ARE WAS WERE BE BEEN SHALL WILL NOT ALL OUR THEIR
    WHICH""".split())
#: a word this common in general English (Zipf) is no name: "KEY POINTS" is a heading
COMMON_ZIPF = 4.5
#: punctuation that ends a run of words in capitals ("… of OLAF, HAS ADOPTED THIS DECISION")
_RUN_BREAK = re.compile(r"[,;:.!?\"“”]")


def _run_broken(gap: str) -> bool:
    """Whether *gap* parts two words in capitals: punctuation, a word in lower case, or no
    space at all ("SCN5A")."""
    return _RUN_BREAK.search(gap) is not None or not any(c.isspace() for c in gap) or \
        any(c.islower() for c in gap)


def quiet_headings(text: str) -> str:
    """Blank the capitalised words of passages written in capitals, offsets kept.

    Shouted are: a line of three or more words, at least 60 % of them in capitals (a
    heading or a byline); a line of two words in capitals, one a common English word ("KEY
    POINTS", not a signature such as "M. ALLIOT-MARIE"); and, inside a line, a run of words
    in capitals with a grammar word among them and no comma, colon or full stop between
    them ("REPORT FROM THE COMMISSION TO THE COUNCIL on …"). Their words are blanked unless
    they are listed acronyms or written in capitals outside such passages too, so "THE",
    "OF", "FINAL OF" do not become acronyms while "OLAF" in a shouted passage still counts.
    """
    from termbank.extract import lists

    capitals = list(_CAPITAL_WORD.finditer(text))
    lines: dict[int, list] = {}  # line start → its words in capitals
    start = searched = 0
    for word in capitals:
        newline = text.rfind("\n", searched, word.start())
        start, searched = (newline + 1 if newline != -1 else start), word.start()
        lines.setdefault(start, []).append(word)
    shouted: list = []  # the words in capitals to blank
    for start, caps in lines.items():
        if len(caps) < 2:
            continue  # only a line with two words in capitals can shout
        end = text.find("\n", start)
        if _heading(text[start:end if end != -1 else len(text)], caps):
            shouted += caps
        else:
            shouted += _shouted_runs(text, start, caps)
    if not shouted:
        return text
    inside = {w.start() for w in shouted}
    keep = set(lists.acronyms()) | {w.group() for w in capitals if w.start() not in inside}
    chars = list(text)
    for word in shouted:
        if word.group() not in keep:
            chars[word.start():word.end()] = " " * (word.end() - word.start())
    return "".join(chars)


def _heading(line: str, caps: list) -> bool:
    """A heading or byline: three or more words in capitals making 60 % of the line, or two
    words in capitals alone on it, one of them common English ("KEY POINTS")."""
    long_caps = [w.group() for w in caps if len(w.group()) > 1]
    if len(long_caps) >= 3:
        return _words_at_most(line, len(caps) / 0.6)
    return len(long_caps) == 2 and _words_at_most(line, 2) and any(
        terms_track.zipf(w.lower()) >= COMMON_ZIPF for w in long_caps)


def _shouted_runs(text: str, line_start: int, caps: list) -> list:
    """The words of *caps* (the words in capitals of the line at *line_start*, in order) in
    runs with no comma, colon, full stop or word in lower case between them, and either a
    grammar word among them or, opening the line, a colon after them: the run-in heading of
    a structured abstract ("DATA SOURCES: We searched …")."""
    out: list = []
    run: list = []
    for word in caps + [None]:
        if word is not None and run and not _run_broken(text[run[-1].end():word.start()]):
            run.append(word)
            continue
        if len(run) >= 2 and (any(w.group() in _SHOUTED_GRAMMAR for w in run) or (
                not text[line_start:run[0].start()].strip()
                and text[run[-1].end():run[-1].end() + 2].lstrip().startswith(":"))):
            out += run
        run = [word]
    return out


def _words_at_most(line: str, limit: float) -> bool:
    """Whether *line* has no more than *limit* words (stops counting past it)."""
    for count, _ in enumerate(_LETTER_WORD.finditer(line), 1):
        if count > limit:
            return False
    return True


#: a lone capitalised word this common in general English (Zipf) is a generic noun from a
#: heading or a short reference ("the Union", "the Council", "Batteries"), not a name
GENERIC_ZIPF = 4.0
_NAMED_KINDS = ("person", "place", "official title", "acronym", "term")


def is_generic_word(candidate: Candidate) -> bool:
    """One common word with no variant, pairing or curated entry: not a concept alone."""
    from termbank.extract import lists
    from termbank.extract.terms import zipf

    word = candidate.preferred
    if " " in word or candidate.variants or candidate.pairs:
        return False
    if candidate.kind in _NAMED_KINDS and not (
            candidate.kind == "place" and word.lower() not in lists.places()):
        return False  # (a place's head word alone is no place: "Port", "Region")
    if en.is_acronym(word) or word.lower() in lists.institutions():
        return False
    if "-" in word and all(part[:1].isupper() for part in word.split("-")):
        return False  # "X-Road", "Nur-Sultan": capitals after the hyphen write a name
    return zipf(word.lower()) >= GENERIC_ZIPF


def is_group_of_holders(candidate: Candidate) -> bool:
    """A title seen only with a plural head and no holder names people of a kind, not an
    office: "Ministers", "Members of the NPM", "EU Heads of State" (the singular, when the
    text has it, is the concept and these its variants)."""
    from termbank.extract import lists

    return candidate.kind == "official title" and not candidate.holders and all(
        en.has_plural_head(name) and name.lower() not in lists.institutions()
        for name in (candidate.preferred, *candidate.variants))


def parenthesised_names(text: str, mentions) -> Iterator[tuple[str, str]]:
    """(name, other name) where a name of two words or more is followed by another in
    brackets: "Trans-Caspian International Transport Route (Middle Corridor)"."""
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        if text[m.end:m.end + 2] != " (" or " " not in m.text:
            continue
        inner = by_start.get(m.end + 2)
        if inner is not None and text[inner.end:inner.end + 1] == ")" and " " in inner.text:
            yield (m.title or m.text), (inner.title or inner.text)


def link_names(found: list[Candidate], pairs: set[tuple[str, str]]) -> None:
    """Cross-reference the candidates of each pair of names given for one thing."""
    by_name = {n: c for c in found for n in (c.preferred, *c.variants, *c.forms)}
    for a, b in sorted(pairs):
        first, second = by_name.get(a), by_name.get(b)
        if first is None or second is None or first is second:
            continue
        if second.preferred not in first.related:
            first.related.append(second.preferred)
        if first.preferred not in second.related:
            second.related.append(first.preferred)


_HAT_DASH = re.compile(r"\s+[–—-]\s+")
_HAT_AND = re.compile(r" and (?=[A-Z])")
_OF = re.compile(r" of (?:the )?")
_POSTED = re.compile(r" (?:to|in) ")
_CONNECTOR = re.compile(r" (?:of|for|on|to|in|and|against|through|with) ")
#: a topic of its own after a head: " for Combating Drug Trafficking", " on Narcotic Drugs"
_TOPIC = re.compile(r" (?:for|on) [A-Z]")


def split_parts(found: list[Candidate]) -> list[Candidate]:
    """*found* with the parts of its compound names that are concepts of their own, linked
    both ways to the whole: each hat of a two-hat title ("Deputy Prime Minister – Foreign
    Minister") and the body a title or a body belongs to ("Chairman of the Committee for
    Environmental Protection", "State Revenue Committee of the Ministry of Finance"). A part
    already found is linked, not added; a part added is split in turn. A body named with
    its owner is the body named without it: "State Revenue Committee of the Ministry of
    Finance" joins "State Revenue Committee" when the texts name that too, and so does its
    head's title ("Chairman of the State Revenue Committee")."""
    by_name = {n.casefold(): c for c in found for n in (c.preferred, *c.variants)}
    posted: dict[str, Candidate | None] = {}  # a body without where it is posted → the body
    for c in found:
        for n in {n.split(" to ")[0].casefold() for n in (c.preferred, *c.variants)
                  if c.kind in _BODIES and " to " in n}:
            posted[n] = c if posted.get(n, c) is c else None  # two postings: which one?
    out = list(found)
    merged: dict[str, Candidate] = {}  # preferred of a body joined to its short name → that
    queue = list(found)
    while queue:
        whole = queue.pop(0)
        if whole.preferred in merged:
            continue
        for part, kind, role in _parts(whole, by_name):
            # "Delegation of the European Union" of a title is the one Delegation named with
            # where it is posted ("… to Uzbekistan"), when the texts name only one
            other = by_name.get(part.casefold()) or posted.get(part.casefold())
            if role == "front":  # the body without its owner: the same concept
                if other is None:
                    whole.variants.append(part)
                    whole.variant_sources[part] = "the body's name without its owner"
                    by_name[part.casefold()] = whole
                elif other is not whole:  # the same body, named with its owner
                    other.absorb((whole.preferred, *whole.variants), whole.forms,
                                 whole.frequency, whole.occurrences, whole.documents)
                    other.related.extend(r for r in whole.related if r not in other.related)
                    merged[whole.preferred] = other
                    for name in (whole.preferred, *whole.variants):
                        by_name[name.casefold()] = other
                continue
            if other is None:
                spans = [(d, s + f.index(part), s + f.index(part) + len(part), part)
                         for d, s, _e, f in whole.occurrences if part in f]
                posting = _posting(whole, part) if role == "owner" else ""
                other = Candidate(
                    preferred=part + posting, variants=[part] if posting else [],
                    forms={part: len(spans)}, kind=kind,
                    frequency=len(spans) or whole.frequency, documents=list(whole.documents),
                    contexts=list(whole.contexts), occurrences=spans, score=whole.score * 0.9,
                    document_count=whole.document_count)
                by_name[part.casefold()] = other
                out.append(other)
                queue.append(other)
            if other is whole:
                continue
            if whole.preferred not in other.related:
                other.related.append(whole.preferred)
            if other.preferred not in whole.related:
                whole.related.append(other.preferred)
    out = [c for c in out if c.preferred not in merged]
    for candidate in out:  # links to a joined body go to the body it joined
        targets = (merged[r].preferred if r in merged else r for r in candidate.related)
        candidate.related = [r for r in dict.fromkeys(targets) if r != candidate.preferred]
    return out


_BODY_OF = re.compile(r"([A-Z][\w\-]*) of (?:the )?(.+?)(?: to .+)?")


def join_short_bodies(found: list[Candidate]) -> list[Candidate]:
    """A body's head alone ("the Delegation") or after its owner's acronym ("the EU
    Delegation") names the body when only one body found has that head and owner: "Delegation
    of the European Union to Kazakhstan", which may come from a title alone (see
    :func:`split_parts`, after which the grouping of names has run)."""
    acronym_of = {k.canonical.casefold(): a for a, k in lists.acronyms().items()}
    bodies: dict[str, list[Candidate]] = {}
    for c in found:
        named = _BODY_OF.fullmatch(c.preferred) if c.kind in _BODIES else None
        if named is not None:
            head, owner = named.groups()
            for short in {head, f"{acronym_of.get(owner.casefold())} {head}"}:
                bodies.setdefault(short.casefold(), []).append(c)
    joined: dict[str, Candidate] = {}  # preferred of a short name → the body it names
    for c in found:
        targets = bodies.get(c.preferred.casefold(), [])
        if c.kind in _BODIES and len(targets) == 1 and targets[0] is not c:
            body = targets[0]
            body.absorb((c.preferred, *c.variants), c.forms, c.frequency, c.occurrences,
                        c.documents)
            joined[c.preferred] = body
    for c in found:
        c.related = [r for r in dict.fromkeys(joined[r].preferred if r in joined else r
                                              for r in c.related) if r != c.preferred]
    return [c for c in found if c.preferred not in joined]


def _posting(title: Candidate, body: str) -> str:
    """Where the body that ends *title* is posted, as the title's full form says (" to
    Kazakhstan" of "Head of the Delegation of the European Union to Kazakhstan"); "" if
    it says none. The body is named with it, as the texts name such a body alone."""
    if title.kind != "official title" or not title.preferred.endswith(body):
        return ""
    return next((v[len(title.preferred):] for v in title.variants
                 if v.startswith(title.preferred + " to ")), "")


_BODIES = ("institution/body", "organisation")
#: what a body may belong to: another body, or a programme or treaty it serves ("Steering
#: Committee of the Border Management Programme", "Secretariat of the Energy Charter Treaty")
_OWNERS = (*_BODIES, "route/programme/event", "agreement/document")


def _parts(whole: Candidate, known: dict[str, Candidate]) -> list[tuple[str, str, str]]:
    """(part, kind, role) of a title's hats ("hat"), of the body a title or a body is "of"
    ("owner": a body found elsewhere, or a name with a body's head) and of the same body or
    title named without that owner ("front")."""
    out = []
    name = whole.preferred
    if whole.kind == "official title":
        hats = _HAT_DASH.split(name)
        if len(hats) != 2:  # "Deputy Director General and Head of the Department of …"
            hats = next(([name[:m.start()], name[m.end():]] for m in _HAT_AND.finditer(name)
                         if _opens_title(name[m.end():])), [])
        if len(hats) == 2 and all(h[:1].isupper() and " " in h for h in hats):
            out += [(hat, "official title", "hat") for hat in hats]
    elif whole.kind in _BODIES:  # the name that says its owner, if any of its names does
        name = next((n for n in (name, *whole.variants) if _OF.search(without_owner(n))), name)
        name = without_owner(name)  # (an office it answers to is no owner it is "of")
    else:
        return out
    owned = _owned(name, known)
    if owned is None:
        return out
    front, owner, kind = owned
    out.append((owner, kind, "owner"))
    if whole.kind in _BODIES and _headed_body(front):
        out.append((front, kind_of_text(front), "front"))
    inner = _owned(owner, known)
    if whole.kind == "official title" and inner and _headed_body(inner[0]):
        # the title named without its body's owner: "Chairman of the State Revenue
        # Committee" of "… Committee of the Ministry of Finance"
        out.append((name[:name.index(owner)] + inner[0], whole.kind, "front"))
    return out


def _owned(name: str, known: dict[str, Candidate]) -> tuple[str, str, str] | None:
    """(front, owner, the owner's kind) of a name that says whose it is: the first "of" that
    an owner follows, found elsewhere or named with a body's head ("Department of Biodiversity
    Conservation" | "Ministry of Natural Resources …"); None when no owner follows one."""
    for of in _OF.finditer(name):
        owner = _POSTED.split(name[of.end():])[0]  # "… to Kazakhstan": where it is posted
        if owner.endswith(" Office") and name[of.end() + len(owner):].startswith(" in "):
            owner = name[of.end():]  # an office is named with its city: "… Office in Tashkent"
        found = known.get(owner.casefold())
        if found is not None and found.kind in _OWNERS:
            return name[:of.start()], owner, found.kind
        if _headed_body(owner):
            return name[:of.start()], owner, kind_of_text(owner)
    return None


def _opens_title(name: str) -> bool:
    """Whether *name* opens with a title's words ending in a title's head: "Head of …",
    "Deputy Head of …"; not "State Property"."""
    words = name.split()
    k = 0
    while k < len(words) and classify(words[k])[0] in (TITLE, MODIFIER):
        k += 1
    return k > 0 and classify(words[k - 1])[0] == TITLE


def _headed_body(name: str) -> bool:
    """A name of two words or more whose words before its first connector end in a body's
    head that names a kind on its own: "Ministry of Finance", "State Revenue Committee";
    not "Management Board" (of KazMunayGas) nor "Export Control". A weak head names one
    after three words or more, after an organisation's acronym, or before a topic of its
    own: "IOM Sub-Regional Coordination Office for Central Asia", "UNESCO Office in
    Tashkent", "Service for Combating Drug Trafficking"."""
    words = _CONNECTOR.split(name)[0].split()
    if len(words) == 1 and " and " in name:  # "Forestry and Wildlife Committee"
        words = _CONNECTOR.split(name.replace(" and ", " "))[0].split()
    if len(name.split()) < 2 or not words:
        return False
    cls, kind = classify(words[-1])
    return cls == HEAD and kind in _BODIES and (
        len(words) >= 3 or en.singular(words[-1].lower()) not in WEAK_HEADS
        or classify(words[0])[0] == ACRONYM  # "UNESCO Office (in Tashkent)"
        or _TOPIC.match(name, len(" ".join(words))) is not None)  # "Service for Combating …"


SOURCES_PER_TERM = 3


def to_concepts(candidates: Iterable[Candidate]) -> list[Concept]:
    """Concepts with an English section: the preferred term and its variants, as candidates.

    Every term keeps where it was found (document and character span) or, for a variant
    taken from a curated list, the list as a rule source; nothing is marked approved.
    """
    candidates = list(candidates)
    concepts, used, ids = [], set(), {}
    for candidate in candidates:
        # a candidate the glossary already holds keeps that concept's id (known.py), so the
        # merge joins it instead of making a duplicate
        concept_id = candidate.known or _concept_id(candidate, used)
        used.add(concept_id)
        terms = [_term(candidate, candidate.preferred, AdminStatus.PREFERRED)]
        terms += [_term(candidate, v, AdminStatus.ADMITTED) for v in candidate.variants]
        note = None
        if candidate.kind == "official title" and (candidate.jurisdiction or candidate.holders):
            parts = []
            if candidate.jurisdiction:
                parts.append("jurisdiction: " + "; ".join(candidate.jurisdiction))
            if candidate.holders:
                parts.append("holders: " + "; ".join(candidate.holders))
            note = ", ".join(parts)
        section = LangSection("en", tuple(terms))
        concepts.append(Concept(concept_id, (section,), kind=candidate.kind, note=note,
                                sources=tuple(dict.fromkeys(candidate.documents))))
        ids[candidate.preferred] = concept_id
    # cross-references by concept id, once every candidate has its id
    return [replace(concept, related=tuple(dict.fromkeys(
                ids[r] for r in candidate.related if r in ids and ids[r] != concept.id)))
            if candidate.related else concept
            for concept, candidate in zip(concepts, candidates)]


#: characters of a concept id's body, cut at a word: long enough that the id of a
#: two-hat title differs from that of its first hat
LONGEST_ID = 110


def _concept_id(candidate: Candidate, used: set[str]) -> str:
    base_text = candidate.preferred
    if en.is_acronym(base_text):
        expansion = next((p["expansion"] for p in candidate.pairs
                          if p["acronym"] == base_text), None)
        base_text = expansion or base_text
    base = slug(base_text, words_up_to=LONGEST_ID)
    concept_id, n = base, 2
    while concept_id in used:
        concept_id, n = f"{base}-{n}", n + 1
    return concept_id


def _term(candidate: Candidate, text: str, status: AdminStatus) -> Term:
    text = " ".join(text.split())
    if status is AdminStatus.PREFERRED:
        kind = TermType.ACRONYM if en.is_acronym(text) else TermType.FULL_FORM
    elif en.is_acronym(text):
        kind = TermType.ACRONYM
    elif len(en.content_words(text)) < len(en.content_words(candidate.preferred)) and \
            _is_part_of(text, candidate.preferred):
        kind = TermType.SHORT_FORM
    elif len(en.content_words(text)) > len(en.content_words(candidate.preferred)) and \
            _is_part_of(candidate.preferred, text):
        kind = TermType.FULL_FORM  # "… to the Republic of Kazakhstan", "… for 2025-2026"
    else:
        kind = TermType.VARIANT
    if text in candidate.variant_sources:
        sources = (Source(SourceKind.RULE, candidate.variant_sources[text]),)
        contexts: tuple[Context, ...] = ()
    else:
        spans = [o for o in candidate.occurrences if o[3] == text] or (
            candidate.occurrences if status is AdminStatus.PREFERRED else [])
        sources = tuple(Source(SourceKind.DOCUMENT, d, f"{s}-{e}")
                        for d, s, e, _f in spans[:SOURCES_PER_TERM])
        contexts = tuple(Context(c["text"], c["document"]) for c in candidate.contexts[:2]) \
            if status is AdminStatus.PREFERRED else ()
    pos = PartOfSpeech(candidate.part_of_speech) if candidate.part_of_speech else None
    return Term(text, type=kind, status=status, pos=pos, review=Review.CANDIDATE,
                confidence=round(candidate.score, 3), sources=sources, contexts=contexts)


def _is_part_of(short: str, long: str) -> bool:
    words = set(w.lower() for w in long.split())
    return all(w.lower() in words for w in short.split())
