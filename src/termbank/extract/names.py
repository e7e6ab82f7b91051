"""Capitalised names with their connectors: bodies, agreements, routes, titles, people.

A regular expression finds *runs*: capitalised words joined by spaces, small connectors
("of", "for the", "and", "von der") or dashes. Each run is then cut into names by what its
words are — title heads (Minister), other head words (Ministry, Agreement, Corridor),
places, acronyms, plain name words — so that "Deputy Minister of Foreign Affairs of
Kazakhstan Roman Vassilenko" gives a title, a jurisdiction and a holder, while "Kazakhstan
and the EU" gives two names. Runs are parsed once per distinct spelling (a cache), which
keeps the scan fast on large corpora.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace

from termbank.extract import lists
from termbank.extract.acronyms import spells
from termbank.lang import en

_UP = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper() and chr(c).isalpha())
#: A capitalised word: "U.S.", "RFE/RL", "Kazakhstan’s", "Co-rapporteur"; words longer than
#: 50 characters are not names (a run of garbage must not become one).
# a name may end in "+" ("Erasmus+") when no word character follows; a hyphen before a
# participle or another adjective-making word ends the word ("EU-funded", "Russia-led", "…
# Model-predicted", "FATF-style", "EU-wide"): the compound is an adjective, and what comes
# before the hyphen may still end a name
_ADJECTIVE_END = (r"-(?:[a-z]*(?:ed|built|made|run|born)|style|type|like|wide|specific)"
                  r"(?![\w’'\-])")
# an elided particle before a capital is part of the word: "d'Affaires", "d'Estaing"
_WORD = (rf"(?:(?:[{_UP}]\.){{2,}}|(?:d['’])?[{_UP}](?:[\w’'&./]|-(?!{_ADJECTIVE_END[1:]})){{0,48}}"
         rf"[\w’'](?:\+(?![\w+]))?|[{_UP}])(?![\w’'])")
_CONN = "(?:%s)" % "|".join(sorted(en.CONNECTORS | {"against", "through", "with"}))
#: (a dash before "The" or "A" opens a sentence: "ASTANA. KAZINFORM – The Aerospace …")
_SEP = (rf"(?:[ \t\xa0]+(?:{_CONN}[ \t\xa0]+)*"
        r"|(?:[ \t\xa0]*[–—][ \t\xa0]*|[ \t\xa0]+-[ \t\xa0]+)(?!(?:The|A|An)[ \t\xa0]))")
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t\xa0]+)?"
RUN = re.compile(rf"(?<![\w’'/.\-]){_HONORIFIC}{_WORD}(?:{_SEP}{_WORD})*")
_TOKEN = re.compile(_WORD)

#: Head words that name a kind only at the very end of a name, never inside one
#: ("Enhanced Partnership and Cooperation Agreement" is one agreement).
WEAK_HEADS = frozenset({"partnership", "policy", "plan", "group", "post", "times", "news",
                        "code", "concept", "format", "map", "week", "games", "board", "office",
                        "state", "service", "chamber", "centre", "center", "fund", "union"})

TITLE, MODIFIER, HEAD, PLACE, DEMONYM, ACRONYM, NAME, PARTY = (
    "T", "M", "H", "P", "D", "K", "N", "C")


@dataclass
class Unit:
    """One word of a run (or several, when the lists know the phrase), classified."""

    text: str
    start: int
    end: int
    cls: str
    kind: str = ""  # for HEAD / known names: the kind the head or the list gives
    shouted: bool = False  # written in capitals in the text: a dateline such as "ASTANA"


@dataclass
class Mention:
    """A name found in a run, with offsets relative to the text the run came from."""

    text: str
    start: int
    end: int
    kind: str
    person: bool = False  # evidence that this is a person (honorific, title before it)
    initial: bool = False  # the name opens a sentence
    title: str = ""  # for official titles: the title without jurisdiction and holder
    jurisdiction: str = ""
    holder: str = ""
    nested: bool = False


@dataclass
class _Entity:
    units: list[Unit] = field(default_factory=list)
    seps: list[str] = field(default_factory=list)  # seps[i] joins units[i] and units[i+1]
    person: bool = False
    jurisdiction: list[Unit] = field(default_factory=list)
    holder_of: _Entity | None = None

    @property
    def classes(self) -> list[str]:
        return [u.cls for u in self.units]

    def has(self, *classes: str) -> bool:
        return any(u.cls in classes for u in self.units)


def classify(word: str) -> tuple[str, str]:
    """The class of one capitalised word and, for heads, the kind it gives.

    >>> classify("Ministry"), classify("Minister"), classify("Kazakh"), classify("EPCA")
    (('H', 'institution/body'), ('T', ''), ('D', ''), ('K', ''))
    """
    lower = en.strip_possessive(word).lower()
    head = lists.heads().get(lower) or lists.heads().get(en.singular(lower))
    if head == "title":
        return TITLE, ""
    if head == "modifier":
        return MODIFIER, ""
    known = lists.institutions().get(lower)
    if known is not None and " " not in known.canonical:
        return (TITLE, "") if known.kind == "official title" else (HEAD, known.kind)
    if head:
        return HEAD, head
    if lower in lists.places():
        return PLACE, "place"
    if lower in lists.demonyms() or _adjective_of_place((lower,)):
        return DEMONYM, ""
    if "/" in word and word not in lists.acronyms():
        # two bodies, one of them known: "OECD/G20", "UNDP/GEF"; not "RFE/RL", one listed
        # acronym, nor "AML/CFT", one a text defines
        parts = [p for p in word.split("/") if p]
        if len(parts) > 1 and all(classify(p)[0] in (PLACE, ACRONYM, DEMONYM) for p in parts) \
                and any(p in lists.acronyms() or p.lower() in lists.places() for p in parts):
            return PARTY, ""
    if en.is_acronym(word) or word in lists.acronyms():  # "UNESCO": long, but no shouting
        return ACRONYM, ""
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        if len(parts) > 1 and all(classify(p)[0] in (PLACE, ACRONYM, DEMONYM) for p in parts):
            return PARTY, ""
    return NAME, ""


def _adjective_of_place(words: tuple[str, ...]) -> bool:
    """Lower-case words that are the adjective of a listed place: "central asian" (Central
    Asia), "caspian" (the Caspian Sea). An adjective is no concept of its own."""
    last = words[-1]
    if last.endswith("n") and len(last) > 3 and " ".join(words[:-1] + (last[:-1],)) \
            in lists.places():
        return True
    return len(words) == 1 and last.endswith(("ian", "ean")) and any(
        key[0] == last and lists.known_names()[key].kind == "place"
        for key in _multiword_places())


@functools.cache
def _multiword_places() -> tuple[tuple[str, ...], ...]:
    return tuple(k for k, v in lists.known_names().items() if v.kind == "place")


def _units(run: str, base: int) -> tuple[list[Unit], list[str]]:
    units, seps, last_end = [], [], None
    for match in _TOKEN.finditer(run):
        word = _unshout(match.group())
        if last_end is not None:
            seps.append(" ".join(run[last_end:match.start()].split()))
        cls, kind = classify(word)
        units.append(Unit(word, base + match.start(), base + match.end(), cls, kind,
                          word != match.group()))
        last_end = match.end()
    for k in range(1, len(units)):
        if units[k].cls != MODIFIER or seps[k - 1] or (
                k + 1 < len(units) and units[k + 1].cls in (TITLE, HEAD)):
            continue
        if lists.heads().get(f"{units[k - 1].text} {units[k].text}".lower()) == "title":
            units[k].cls = TITLE  # a two-word title head: "Chief Executive" (neither word alone)
    for k in range(len(units) - 1):
        if units[k].cls == TITLE and not seps[k] and units[k + 1].cls == HEAD \
                and units[k + 1].kind not in ("official title", "place"):
            units[k].cls = NAME  # a title word before a head names its kind: "Representative
            # List of the Intangible Cultural Heritage", "Representative Office"
    return _fuse_known(units, seps)


def _unshout(word: str) -> str:
    """A word in capitals as a name: long ones always ("BRUSSELS"), shorter ones when the
    place list knows them ("AKTAU, 4 June" is the dateline spelling of Aktau, not an
    acronym); a listed acronym never ("UNESCO", "UNICEF")."""
    if word in lists.acronyms():
        return word
    if len(word) >= 4 and word.isalpha() and word.isupper() and word.lower() in lists.places():
        return word.capitalize()
    return en.unshout(word)


def _fuse_known(units: list[Unit], seps: list[str]) -> tuple[list[Unit], list[str]]:
    """Join words the lists know as one name ("Republic of Kazakhstan") into one unit."""
    known = lists.known_names()
    if len(units) < 2:
        return units, seps
    i, out_units, out_seps = 0, [], []
    while i < len(units):
        best = None
        words: list[str] = [units[i].text.lower().replace("’", "'")]
        for j in range(i + 1, min(len(units), i + 8)):
            words.extend(w.lower() for w in seps[j - 1].split() if w not in "–—-")
            words.append(units[j].text.lower().replace("’", "'"))
            tail = words[:-1] + [en.strip_possessive(words[-1])]
            hit = known.get(tuple(words)) or known.get(tuple(tail))
            if hit is None and _adjective_of_place(tuple(words)):
                hit = lists.Known(" ".join(words), "demonym", "data/extract/places.tsv")
            if hit is not None:
                best = (j, hit)
        if best is None:
            if out_units:
                out_seps.append(seps[i - 1])
            out_units.append(units[i])
            i += 1
            continue
        j, hit = best
        text = units[i].text
        for k in range(i + 1, j + 1):
            text += (" " + seps[k - 1] + " " if seps[k - 1] else " ") + units[k].text
        cls = {"place": PLACE, "demonym": DEMONYM}.get(hit.kind, HEAD)
        if out_units:
            out_seps.append(seps[i - 1])
        out_units.append(Unit(text, units[i].start, units[j].end, cls, hit.kind))
        i = j + 1
    return out_units, out_seps


#: Units one name may have; the longest real ones have about ten.
MAX_ENTITY = 24
#: Units an atom is looked at: no name runs longer, and an unbounded run ("EU EU EU …",
#: 40,000 times) would make every join look at all the rest of the text.
MAX_ATOM = 16


def _atom(units: list[Unit], seps: list[str], j: int) -> list[Unit]:
    """The units joined by plain spaces from *j* on (at most :data:`MAX_ATOM`)."""
    atom = [units[j]]
    while j < len(seps) and seps[j] == "" and len(atom) < MAX_ATOM:
        j += 1
        atom.append(units[j])
    return atom


def _coordinated_end(units: list[Unit], seps: list[str], j: int) -> Unit:
    """The last unit of the words from *j* on joined by plain spaces and "and": "Central Asia
    High-Level Political and Security Dialogue" ends in "Dialogue"."""
    while j < len(seps) and seps[j] in ("", "and"):
        j += 1
    return units[j]


def _ends_in_head(atom: list[Unit]) -> bool:
    return atom[-1].cls == HEAD


def _is_title(entity: _Entity) -> bool:
    return entity.has(TITLE)


def _join(entity: _Entity, sep: str, units: list[Unit], seps: list[str], j: int) -> str:
    """How unit *j* attaches to the entity being built: "join", "holder", "jurisdiction", ""."""
    left, right = entity.units[-1], units[j]
    atom = _atom(units, seps, j)
    if sep == "":
        if left.cls == TITLE and right.cls == NAME:
            return "holder"
        if left.cls == TITLE and right.cls == PLACE and len(atom) == 1:
            return "jurisdiction"
        if left.cls in (PLACE, NAME) and right.cls == NAME and not _is_title(entity) \
                and all(u.cls == NAME for u in atom) and _looks_personal(atom) \
                and (any(entity.seps) and _has_topic(entity)
                     or all(u.cls == PLACE for u in entity.units)):
            # a person after a body's complement or after a place: "… of the Republic of
            # Tajikistan Rustam Nazarzoda", "… and Central Asia Markus Lehner"
            return ""
        if left.cls == PLACE and right.cls == NAME and all(u.cls == NAME for u in atom):
            return "holder" if _is_title(entity) else "join"
        if left.cls == ACRONYM and right.cls == NAME and _is_title(entity) \
                and all(u.cls == NAME for u in atom) and _looks_personal(atom):
            return "holder"  # "Governor of the AIFC Arman Zhakupov"
        if left.cls == HEAD and right.cls == NAME and all(u.cls == NAME for u in atom):
            if _is_title(entity) and (len(atom) >= 2
                                      or atom[0].text.lower() in lists.given_names()):
                return "holder"  # (one plain word is more of the name: "… Service Affairs";
                # a given name opens a holder: "… Commission Ursula von der Leyen")
            if len(atom) >= 2 and (left.text.lower() not in WEAK_HEADS or _looks_personal(atom)):
                return ""  # a person after a body: "… Action Service Luc Devigne"
        if left.cls == NAME and right.cls in (TITLE, MODIFIER) and len(entity.units) >= 2 \
                and all(c == NAME for c in entity.classes) \
                and any(u.cls == TITLE for u in atom):
            return ""  # a title after a name; not "Lower Amu Darya State Biosphere Reserve"
        return "join"
    words = sep.split()
    if words[0] in en.NAME_PARTICLES:
        return "join" if left.cls == NAME and right.cls == NAME else ""
    if words[0] in ("–", "—", "-"):
        if _is_title(entity) and right.cls in (TITLE, MODIFIER):
            return "join"
        last = _coordinated_end(units, seps, j)
        if last.cls == HEAD and not entity.has(TITLE, HEAD) and len(entity.units) <= 3 \
                and last.kind != "" and not left.shouted and atom[0].text != "The":
            return "join"
        return ""
    first = words[0]
    if sep == "the" and _gerund_complement(entity) and atom[0].cls != TITLE \
            and atom[-1].kind not in ("institution/body", "organisation"):
        return "join"  # "International Fund for Saving the Aral Sea": the gerund's object
    if all(u.cls == NAME for u in entity.units) and not entity.person \
            and _topic_of_document(units, seps, j):
        return "join"  # "Worst Forms of Child Labour Convention": the head names the whole
    if sep == "and" and atom[0].cls == PLACE and _remit_of_places(entity) \
            and (len(atom) == 1 or _looks_personal(atom[1:])):
        return "join"  # "Country Office for Eastern Europe and Central Asia": its remit
    if first == "and":
        if entity.person or (len(atom) == 1 and atom[0].kind and " " in atom[0].text):
            return ""
        if words[1:2] == ["of"]:
            return ""  # "specialists of the Ministry of Emergency Situations and of Kazhydromet"
        if sep == "and the" and _ends_in_head(atom) and not _is_title(entity):
            return ""  # "… Development and the Agency for Plant Quarantine": a second body
        if entity.has(PLACE, ACRONYM, DEMONYM) and not _is_title(entity) \
                and not _led_by_party(entity) and not _in_complement(entity):
            return ""
        if _is_title(entity):
            tail = _tail(entity)
            if _coordinated_title(entity, atom, sep):
                return "join"  # "Director and Deputy Managing Director": one compound title
            if sep == "and" and any(entity.seps) and entity.seps[-len(tail)] == "of the" \
                    and atom[-1].text.lower() in WEAK_HEADS and _one_office(tail, atom):
                return "join"  # "Director of the ILO … Support Team and Country Office for …"
            if tail and all(u.cls in (NAME, MODIFIER) or _topic_document(entity, u)
                            for u in tail) \
                    and atom[0].cls not in (PLACE, ACRONYM, TITLE, MODIFIER):
                return "join"
            return ""
        if any(u.cls in (TITLE, PLACE, ACRONYM) for u in atom):
            return ""
        tail = _tail(entity)
        if len(tail) < len(entity.units) \
                and all(u.cls == NAME or _topic_document(entity, u) for u in tail) \
                and all(u.cls == NAME for u in atom) \
                and not _looks_personal(_before_person(atom)) \
                and _kind_of(entity.units, entity.seps) not in ("other", "place", "person"):
            return "join"  # "Agency for Strategic Planning and Reforms"
        return "join" if _one_office(tail, atom) else ""
    plain = all(u.cls == NAME or (u.cls == HEAD and " " not in u.text) for u in atom)
    if first in _TOPIC_GOES_ON:
        # "Convention against Torture", "Group of States against Corruption", "Commission
        # for Democracy through Law", "… Rights of Persons with Disabilities"; not "talks
        # with the European Union" nor "a meeting with Kazakhstan"
        return "join" if plain and _has_topic(_titled_body(entity) or entity) else ""
    if sep == "of the" and _in_complement(entity) and _has_topic(entity) \
            and _kind_of(entity.units, entity.seps) == "institution/body" \
            and _kind_of(atom) == "organisation" and atom[-1].cls == HEAD:
        return "join"  # "Court of Justice of the European Union": an organisation's own
        # body is named with it ("… of the Ministry of Energy" names an owner apart)
    if first in ("of", "in") and _in_complement(entity) and _has_topic(entity) \
            and atom[-1].kind not in ("institution/body", "organisation") \
            and not (first == "in" and len(atom) == 1 and _head(entity) in VENUE_HEADS) \
            and (plain or (
                first == "of" and all(u.cls in (NAME, TITLE, MODIFIER) for u in atom))):
        # "Bureau for Human Rights and Rule of Law", "Convention on Combating Bribery of
        # Foreign Public Officials in International Business Transactions", "Agreement on
        # Trade in Services"; not "… of the Ministry", "… on Water in Dushanbe", nor an event's
        # venue that no list knows ("Conference of the Parties in Cali")
        return "join"
    if sep == "for" and len(atom) == 1 and atom[0].text == "All" and not entity.person:
        return "join"  # "Education for All", "Early Warnings for All": "All" only in a name
    if first not in ("of", "for", "on", "to", "in"):
        return ""
    if _is_title(entity):
        if atom[0].cls == PLACE:
            body = next((u for u in atom[1:] if u.cls != NAME), None)
            if first != "in" and body is not None and body.cls == HEAD \
                    and body.kind not in ("place", "official title"):
                # "President of Azerbaijan Railways", "Chief Executive of the Astana
                # Financial Services Authority": a body named after a place, not a country
                return "join"
            if first == "of" and (_followed_by_place(units, seps, j, "to")
                                  or _accredited(entity) and _followed_by_body(units, seps, j)):
                return "join"  # "Ambassador of Japan to Kazakhstan": Japan is the sender
            if first == "in" and _tail(entity)[-1].text.lower() == "office":
                return "join"  # "Director of the UNESCO Office in Tashkent": its office's name
            if first == "in":  # a country is where the office is; a city where it met
                return "" if _is_city(atom[0]) else "jurisdiction"
            if first == "of" and _named_body(_tail(entity)):
                return "join"  # "Rector of the National University of Uzbekistan": its name
            if first == "of" and left.cls == HEAD and len(atom) == 1 \
                    and left.kind in ("institution/body", "organisation") \
                    and _part_of_a_country(atom[0].text):
                return "join"  # "Head of the … Office of the Council of Europe": a body named
                # by the region it serves, not a country's
            if first == "of" and _local_place(atom):
                return "join"  # "Mayor of Bishkek", "Akim of Mangystau Region": the city's
                # or region's own office, no country's post held there
            if first == "of" and _country_then_remit(entity, units, seps, j):
                return "join"  # "Deputy Chairperson of the Agency of the Republic of
                # Kazakhstan for Civil Service Affairs": the country is in the body's name
            # "Special Representative for Central Asia": "for" gives the remit, a part of
            # the title; "of" gives the country the office belongs to
            return "join" if first in ("on", "for") else "jurisdiction"
        if first == "in":
            return ""
        return "join"
    if left.cls == HEAD and left.kind not in ("place", "official title"):
        if sep == "of the" and left.kind == "agreement/document" and left.text.endswith("s") \
                and atom[-1].kind in ("institution/body", "organisation"):
            return ""  # a set of rules and the body that wrote it: "Green Bond Principles of
            # the …"; not a topic without an article ("Principles of Public Administration")
        if first == "for" or first == "of":
            return "join"
    if first == "for" and left.cls == PLACE and plain and len(entity.units) >= 2 \
            and _country_then_remit(_Entity(entity.units[:-1], entity.seps[:-1]), units, seps,
                                    j - 1):
        return "join"  # "Agency of the Republic of Kazakhstan for Civil Service Affairs"
    if left.cls == HEAD and left.kind == "place" and sep == "of" and len(entity.units) == 1 \
            and all(u.cls in (NAME, PLACE) for u in atom):
        return "join"  # "Republic of Karakalpakstan", "Mausoleum of Khoja Ahmed Yasawi"
    if sep == "to" and _donor_support(entity) and plain:
        return "join"  # "EU Support to Official Statistics": a donor's programme, by its topic
    if first == "to" and _accredited(entity) and atom[0].cls in (PLACE, HEAD, ACRONYM):
        return "join"  # "Delegation of the European Union to Kazakhstan": where it is posted
    if first == "to" and _ends_in_head(atom) and atom[-1].kind == "agreement/document" \
            and _head(entity) in _ADDING_HEADS:
        return "join"  # "Optional Protocol to the Convention against Torture": what it adds
        # to; not "(moved from) the Criminal Code to the Code of Administrative Offences"
    if sep == "to" and atom[0].cls == NAME and not _looks_personal(atom) \
            and _kind_of(entity.units, entity.seps) in _PURPOSEFUL:
        return "join"  # "Convention to Combat Desertification": the purpose it serves
    if first == "to" and left.cls == NAME and left.text.lower() in TOPICS_TAKING_TO \
            and _in_complement(entity) and _kind_of(entity.units, entity.seps) in (
                "agreement/document", "route/programme/event"):
        # "Treaty on Accession to the Eurasian Economic Union", "Law on Elections to the
        # Majlisi Oli": the topic's own complement; not "the Law on Education to the Majilis"
        return "join"
    if first == "in" and len(atom) == 1 and atom[0].cls == PLACE and _scoped(entity, atom[0]):
        return "join"  # "Initiative on Digital Connectivity in Central Asia": its scope
    if first == "on" and _kind_of(entity.units, entity.seps) in (
            "agreement/document", "route/programme/event", "institution/body",
            "organisation") and atom[0].cls != PLACE:
        return "join"
    if first == "for" and plain and atom[0].cls == NAME \
            and _kind_of(entity.units, entity.seps) == "agreement/document":
        return "join"  # "Code of Conduct for Responsible Fisheries": the document's scope
    return ""


_TOPIC_SEPS = frozenset({"", "and", "of", "of the", "in", "on", "for", "to"})


def _topic_of_document(units: list[Unit], seps: list[str], j: int) -> bool:
    """Whether the plain words from unit *j* run on to the end of the run and end in a
    document's or event's head: a title that names its topic first, as the ILO's do
    ("Safety and Health in Mines Convention", "Prevention of Major Industrial Accidents
    Convention"). No name runs longer than :data:`MAX_ENTITY` units, so no more are read."""
    for k in range(j, min(len(units), j + MAX_ENTITY)):
        if k > j and seps[k - 1] not in _TOPIC_SEPS:
            return False
        if units[k].cls != NAME:
            return k == len(units) - 1 and k > j and units[k].cls == HEAD \
                and units[k].kind in ("agreement/document", "route/programme/event")
    return False


def _remit_of_places(entity: _Entity) -> bool:
    """Whether the entity ends in "for" and a place: "Regional Office for Europe", "Country
    Office for Eastern Europe" (a list of places may go on)."""
    last = max((k for k, sep in enumerate(entity.seps) if sep), default=-1)
    return last >= 0 and entity.seps[last].split()[0] == "for" \
        and entity.units[-1].cls == PLACE and all(u.cls in (NAME, PLACE)
                                                  for u in entity.units[last + 1:])


def _has_topic(entity: _Entity) -> bool:
    """Whether the entity is a body, document or event whose topic a connector may go on
    with: not a title, a place, a person or words of no kind."""
    return not _is_title(entity) and _kind_of(entity.units, entity.seps) not in (
        "other", "place", "person")


def _local_place(atom: list[Unit]) -> bool:
    """Whether *atom* is one city or region of a country: a city of the place list, a place
    of Kazakhstan's official list, or a place named with its kind ("Samarkand Region")."""
    kind = 2 if len(atom) > 1 and atom[1].text.lower() in PLACE_TAILS else 1  # "… Region"
    if atom[0].cls != PLACE or len(atom) > kind and not _looks_personal(atom[kind:]):
        return False  # (the holder may follow: "Mayor of Bishkek Erlan Osmonaliev")
    if kind == 2:
        return _part_of_a_country(atom[0].text)
    text = atom[0].text
    canonical = lists.places().get(text.lower(), text)
    return canonical in lists.local_places() or text.rsplit(" ", 1)[-1].lower() in PLACE_TAILS


def _is_city(unit: Unit) -> bool:
    """Whether a place unit is a city (a venue), by the place list; an unlisted one counts."""
    known = lists.places().get(unit.text.lower())
    return known is None or known in lists.cities()


#: prepositions that go on with a name's topic, never start one
_TOPIC_GOES_ON = ("against", "through", "with")
#: kinds of names that may say their purpose with "to" and a verb ("Global Fund to Fight
#: AIDS", "SAFE Framework of Standards to Secure and Facilitate Global Trade")
_PURPOSEFUL = ("agreement/document", "route/programme/event", "organisation",
               "institution/body")
#: heads of documents that add to another, named with "to" it: "Optional Protocol to the …"
_ADDING_HEADS = frozenset({"protocol", "annex", "amendment", "addendum", "appendix",
                           "supplement"})
#: nouns of a document's topic that take their complement with "to" ("Accession to the
#: WTO", "Amendments and Additions to the Constitution"): after any other topic, "to" starts
#: the sentence's own phrase ("submitted the Law on Education to the Majilis")
TOPICS_TAKING_TO = frozenset({"accession", "amendments", "amendment", "additions", "addition",
                              "changes", "access", "admission", "elections", "election",
                              "adherence", "supplements"})


def _unknown_word(word: str) -> bool:
    """A word general English hardly knows (Zipf < 2.5): "Micallef", "Zaharieva", "Ribera";
    not "Sport", "Affairs"."""
    from termbank.extract.terms import zipf

    return zipf(word.lower()) < 2.5


def _looks_personal(atom: list[Unit]) -> bool:
    """Two or three plain words that read as a person's name: a listed given name first or
    a Kazakh/Russian surname ending last ("… Finance Centre Aida Mukhamedova")."""
    return 2 <= len(atom) <= 3 and (atom[0].text.lower() in lists.given_names()
                                    or en.has_surname_ending(atom[-1].text))


def _before_person(atom: list[Unit]) -> list[Unit]:
    """The words of *atom* before a person's name that ends it: "Reforms" of "Reforms Aliya
    Sarsenova" (the atom whole when no listed given name follows its first word)."""
    if len(atom) == 3 and atom[0].text.lower() not in lists.given_names() \
            and atom[1].text.lower() in lists.given_names():
        return atom[:1]
    return atom


def _descriptive_genitive(word: str, sep: str, unit: Unit) -> bool:
    """A plural possessive before a head says what kind of event or body it is, not who
    owns it: "Rectors' Forum", "Young Leaders' Council" ("Commission's" owns what follows)."""
    return sep == "" and word.endswith(("s'", "s’")) and unit.cls == HEAD


def _owner_in_complement(entity: _Entity, sep: str, unit: Unit) -> bool:
    """Whether a possessive inside an event's complement goes on with a plain word: the
    "International Year of Glaciers'" is of their "Preservation"; "European Commission's"
    owns a name of its own ("Directorate-General")."""
    return sep == "" and unit.cls == NAME and _in_complement(entity) \
        and _kind_of(entity.units, entity.seps) == "route/programme/event"


def _gerund_complement(entity: _Entity) -> bool:
    """Whether the entity ends in a verb's -ing form right after "for|of|on", which takes
    an object: "International Fund for Saving" (the Aral Sea), "Centre for Preventing"."""
    last = entity.units[-1].text
    return len(entity.units) >= 2 and entity.units[-1].cls == NAME and entity.seps[-1] in (
        "for", "of", "on") and len(last) >= 6 and last.isalpha() and last.endswith("ing")


def _in_complement(entity: _Entity) -> bool:
    """Whether the entity ends in a complement of plain words after "on|for|of" that comes
    after its places and acronyms: "EU–Central Asia Conference on Water" may go on with "and
    Climate"; "the EU" or "Ministry of Energy of Kazakhstan" not. What a donor's "Support"
    is "to" is such a complement ("EU Support to Rule of Law")."""
    connectors = ("on", "for", "of", "to") if _donor_support(entity) else ("on", "for", "of")
    last = max((k for k, sep in enumerate(entity.seps)
                if sep and sep.split()[0] in connectors), default=-1)
    return last >= 0 and all(u.cls == NAME for u in entity.units[last + 1:])


def _led_by_party(entity: _Entity) -> bool:
    """A place, acronym or demonym opens the entity and plain words follow it: "European
    Border" may go on with "and Coast Guard Agency", as "EU–Central Asia High-Level
    Political" with "and Security Dialogue"; "Kazakhstan" and "EU Delegation" not."""
    units, seps = entity.units, entity.seps
    parties = 0  # parties joined by dashes open it as one: "EU–Central Asia"
    while parties < len(seps) and seps[parties] in ("–", "—", "-"):
        parties += 1
    rest = units[parties + 1:]
    return bool(rest) and units[-1].cls == NAME and not any(seps[parties:]) \
        and all(u.cls not in (PLACE, ACRONYM, DEMONYM) for u in rest)


def _followed_by_place(units: list[Unit], seps: list[str], j: int, connector: str) -> bool:
    k = j
    while k < len(seps) and seps[k] == "":
        k += 1
    return k < len(seps) and seps[k].split()[0] == connector and units[k + 1].cls == PLACE


def _followed_by_body(units: list[Unit], seps: list[str], j: int) -> bool:
    """Whether the atom at *j* is followed by "to" and a body or organisation: "(Permanent
    Representative of Kazakhstan) to the United Nations"."""
    k = j
    while k < len(seps) and seps[k] == "":
        k += 1
    if k >= len(seps) or seps[k].split()[0] != "to":
        return False
    after = units[k + 1]
    return after.cls == ACRONYM or (after.cls == HEAD and after.kind in (
        "institution/body", "organisation"))


#: heads of a posting accredited to a place or an organisation: "to <place>" completes the
#: name ("Delegation of the European Union to Kazakhstan", "Permanent Representative of
#: Kazakhstan to the United Nations"), where after another body it starts a new phrase
#: ("exports from the European Union to Kazakhstan")
ACCREDITED_HEADS = frozenset({"delegation", "embassy", "consulate", "mission", "ambassador",
                              "representative", "envoy", "consul"})


def _head(entity: _Entity) -> str:
    """The entity's head word, lower case and singular: its last head or title word before
    its first connector ("Initiative" of "Team Europe Initiative on Water"); "" if none."""
    head = ""
    for k, unit in enumerate(entity.units):
        if unit.cls in (HEAD, TITLE):
            head = unit.text
        if k < len(entity.seps) and entity.seps[k]:
            break
    return en.singular(head.lower())


def _accredited(entity: _Entity) -> bool:
    """Whether the entity's head names a posting."""
    return _head(entity) in ACCREDITED_HEADS


#: heads whose name may end in "in <place>", the place being what they cover: "Team Europe
#: Initiative on Digital Connectivity in Central Asia", "OSCE Programme Office in Astana"
SCOPED_HEADS = frozenset({"initiative", "programme", "program", "strategy", "project", "plan",
                          "office", "conference", "declaration", "roadmap", "dialogue",
                          "platform", "forum"})
#: of those, the events, whose "in <city>" is where they are held, not part of the name
VENUE_HEADS = frozenset({"conference", "forum"})


def _scoped(entity: _Entity, place: Unit) -> bool:
    """Whether "in *place*" ends the entity's name: its head takes a scope, and it ends in a
    complement of plain words ("… on Digital Connectivity") unless it is an office; an
    event's city is its venue ("Conference on Water in Dushanbe")."""
    head = _head(entity)
    if not head and _donor_support(entity):
        return True  # "EU Support to Official Statistics in Uzbekistan"
    if head not in SCOPED_HEADS:
        return False
    if head in VENUE_HEADS and _is_city(place):
        return False
    if head == "office":  # named with its city, unless its remit names the region it serves
        return not (_is_city(place) and any(sep.split()[:1] == ["for"] for sep in entity.seps))
    # a topic in plain words after "on|for|of": "EU Strategy for Central Asia in Kazakhstan"
    # has a place there, so "in Kazakhstan" is where it is carried out
    return _in_complement(entity)


def _donor_support(entity: _Entity) -> bool:
    """Whether the entity is a donor's "Support" and what it supports: "EU Support to Official
    Statistics", a programme's name (the donor an acronym, place or demonym)."""
    units, seps = entity.units, entity.seps
    k = next((i for i, u in enumerate(units) if u.text == "Support"), 0)
    return k > 0 and not any(seps[:k]) and (k + 1 == len(units) or seps[k] == "to") \
        and all(u.cls in (ACRONYM, PLACE, DEMONYM) for u in units[:k])


def kind_of_text(text: str) -> str:
    """The kind a name's words give, without context ("Ministry of Energy" → a body)."""
    units, seps = _units(text, 0)
    return _kind_of(units, seps) if units else "other"


def _coordinated_title(entity: _Entity, atom: list[Unit], sep: str) -> bool:
    """A bare title word joined by "and" to a longer title is one compound title held by
    one person ("Director and Deputy Managing Director", "Chairman and Chief Executive
    Officer"), not two concepts; so is a title of several title words joined by a bare "and"
    to another title ("Deputy Director General and Head of the Department of …", a title of
    two hats, as "Deputy Prime Minister – Minister of Foreign Affairs" is)."""
    if entity.person or any(u.cls not in (TITLE, MODIFIER) for u in entity.units[1:]) \
            or entity.units[0].cls not in (TITLE, MODIFIER, ACRONYM, PLACE, DEMONYM):
        return False  # (the body or country a title opens with: "IAEA Deputy Director …")
    words = 0
    while words < len(atom) and atom[words].cls in (TITLE, MODIFIER):
        words += 1  # the title part of the atom: "Deputy Managing Director" before "Russia"
    if not words or atom[words - 1].cls != TITLE:
        return False
    if len(entity.units) == 1:
        return entity.units[0].cls == TITLE and words > 1
    return sep == "and" and not any(entity.seps) and entity.has(TITLE)


def _named_body(tail: list[Unit]) -> bool:
    """A body with a name word before its head ("the National University", "the Eurasian
    Development Bank"): a place after it with "of" is part of its name, not a jurisdiction of
    the title before it ("Chairman of the Senate of Kazakhstan" keeps one)."""
    return len(tail) >= 2 and tail[-1].cls == HEAD and tail[-1].kind in (
        "institution/body", "organisation") and tail[-2].cls in (NAME, PLACE, DEMONYM)


def _country_then_remit(entity: _Entity, units: list[Unit], seps: list[str], j: int) -> bool:
    """Whether the place at *j*, after a body's head and "of", is followed by "for" and its
    remit in plain words: the body is named with its country in the middle, as Kazakhstan's
    agencies are ("Agency of the Republic of Kazakhstan for Financial Monitoring")."""
    head = entity.units[-1]
    return head.cls == HEAD and head.kind in ("institution/body", "organisation") \
        and units[j].cls == PLACE and j + 1 < len(units) and seps[j].split()[:1] == ["for"] \
        and units[j + 1].cls == NAME


def _topic_document(entity: _Entity, unit: Unit) -> bool:
    """A document's head word in the topic of a body after "for" or "on" names a field, not
    a document: the "Committee for Technical Regulation" goes on with "and Metrology"."""
    if unit.cls != HEAD or unit.kind != "agreement/document":
        return False
    k = entity.units.index(unit)
    topic = max((n for n in range(k) if entity.seps[n]), default=-1)
    return topic >= 0 and entity.seps[topic] in ("for", "on") and any(
        u.cls == HEAD and u.kind in ("institution/body", "organisation")
        for u in entity.units[:topic + 1])


def _one_office(tail: list[Unit], atom: list[Unit]) -> bool:
    """Whether a body whose name ends in *tail* goes on with "and" and *atom* as one office:
    two weak heads ("Decent Work Technical Support Team and Country Office")."""
    strong = [u for u in tail if u.cls == HEAD and u.text.lower() not in WEAK_HEADS]
    return not strong and _ends_in_head(atom) and atom[-1].kind != "place"


def _titled_body(entity: _Entity) -> _Entity | None:
    """The body a title names after its title words and a connector, with its own topic
    ("League of Women" of "Chairperson of the League of Women"); None if there is none."""
    last = max((k for k, u in enumerate(entity.units) if u.cls in (TITLE, MODIFIER)), default=-1)
    if last < 0 or last + 1 >= len(entity.units) or not entity.seps[last] \
            or not any(entity.seps[last + 1:]):
        return None
    return _Entity(entity.units[last + 1:], entity.seps[last + 1:])


def _tail(entity: _Entity) -> list[Unit]:
    """The units after the entity's last connector."""
    tail = [entity.units[-1]]
    for k in range(len(entity.seps) - 1, -1, -1):
        if entity.seps[k] != "":
            break
        tail.insert(0, entity.units[k])
    return tail


def parse_run(text: str, start: int, end: int) -> list[Mention]:
    """The names in ``text[start:end]``, a run found by :data:`RUN`."""
    run = text[start:end]
    person = False
    honorific = en.HONORIFIC.match(run)
    if honorific and honorific.end() < len(run):
        person, start, run = True, start + honorific.end(), run[honorific.end():]
    initial = _opens_sentence(text, start)
    key = (run, initial, person)
    cached = _CACHE.get(key)
    if cached is None:
        cached = _parse(run, initial, person)
        if len(_CACHE) > 200_000:
            _CACHE.clear()
        _CACHE[key] = cached
    return [_shift(m, start) for m in cached]


_CACHE: dict[tuple[str, bool, bool], list[Mention]] = {}


def _shift(mention: Mention, by: int) -> Mention:
    return Mention(mention.text, mention.start + by, mention.end + by, mention.kind,
                   mention.person, mention.initial, mention.title, mention.jurisdiction,
                   mention.holder, mention.nested)


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] in "–—" or (text[i] == "-" and i > 0 and text[i - 1] == " "):
        return True  # after a dateline: "ALMATY, 12 May 2025 – The Ministry …"
    if text[i] in "!?":
        return True
    if text[i] == ".":
        before = text[max(0, i - 5):i]
        return not re.search(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|[A-Z])$", before)
    return False


def _parse(run: str, initial: bool, person: bool) -> list[Mention]:
    units, seps = _units(run, 0)
    # words that are capitalised only because they open a sentence, and calendar words
    while units and (units[0].cls == NAME and (initial and en.is_sentence_word(units[0].text))):
        units, seps = units[1:], seps[1:]
        initial = False
    if not units:
        return []
    if en.is_headline_case(u.text for u in units):
        return [Mention(u.text, u.start, u.end, _kind_of([u]), initial=initial and i == 0)
                for i, u in enumerate(units) if u.cls in (ACRONYM, PLACE)]
    entities: list[_Entity] = []
    current = _Entity([units[0]], [], person=person)
    for j in range(1, len(units)):
        unit, sep = units[j], seps[j - 1]
        left_text = current.units[-1].text
        if en.is_calendar_word(unit.text) or en.is_calendar_word(left_text) or (
                en.strip_possessive(left_text) != left_text
                and not _owner_in_complement(current, sep, unit)
                and not _descriptive_genitive(left_text, sep, unit)):
            how = ""  # "European Commission's Directorate-General": the owner ends a name
        elif len(current.units) == 1 and (en.is_roman_numeral(left_text)
                                          or en.is_number_word(left_text)):
            # "(class) III HF", "Sixteen New York Heart Association" (members): a grade or a
            # count opens no name; "World War II", "Group of Seven" end in one
            how = ""
        elif len(current.units) >= MAX_ENTITY:
            how = ""  # "Ministry of the Ministry of the …": each join looks at the whole entity
        else:
            how = _join(current, sep, units, seps, j)
        if how == "join":
            current.units.append(unit)
            current.seps.append(sep)
        elif how == "jurisdiction":
            current.jurisdiction.append(unit)
            current.units.append(unit)
            current.seps.append(sep)
        else:
            entities.append(current)
            current = _Entity([unit], [], person=how == "holder")
            if how == "holder":
                current.holder_of = entities[-1]
    entities.append(current)
    mentions: list[Mention] = []
    produced: dict[int, list[Mention]] = {}
    for n, entity in enumerate(entities):
        found = _mentions(entity, initial and n == 0)
        produced[id(entity)] = found
        if entity.holder_of is not None and found:
            for title in produced.get(id(entity.holder_of), []):
                if title.kind == "official title" and not title.nested and not title.holder:
                    title.holder = found[0].text
                    break
        mentions.extend(found)
    return mentions


def _text(units: list[Unit], seps: list[str]) -> str:
    out = units[0].text
    for sep, unit in zip(seps, units[1:]):
        out += f" {sep} {unit.text}" if sep else f" {unit.text}"
    return out


def _kind_of(units: list[Unit], seps: list[str] | None = None) -> str:
    """The kind a name's head gives: the last head word before its first "of/for/on/…"."""
    last = units[-1]
    if any(u.cls == TITLE for u in units):
        if _body_of_holders(units, seps):
            return units[0].kind
        return last.kind if _gathering_of_holders(units, seps) else "official title"
    if len(units) == 1 and last.cls == ACRONYM:
        known = lists.acronyms().get(last.text)
        return known.kind if known else "acronym"
    if seps is not None and _donor_support(_Entity(units, seps)):
        return "route/programme/event"
    if seps:
        for k, sep in enumerate(seps):
            if sep and sep.split()[0] in ("of", "for", "on", "to", "in", *_TOPIC_GOES_ON) \
                    and units[k].cls == HEAD and units[k].kind:
                return units[k].kind
    if last.cls == HEAD:
        return last.kind
    if last.cls == ACRONYM and all(u.cls in (DEMONYM, PLACE, ACRONYM) for u in units):
        return _kind_of([last])
    if last.cls == PLACE and all(u.cls in (PLACE, DEMONYM) for u in units):
        return "place"
    return "other"


def _gathering_of_holders(units: list[Unit], seps: list[str] | None) -> bool:
    """An event or body named by the holders it gathers, before its head: "Rectors' Forum",
    "EU Foreign Ministers Meeting" (not "Foreign Minister")."""
    if len(units) < 2 or units[-1].cls != HEAD or (seps and seps[-1]):
        return False
    holders = en.strip_possessive(units[-2].text)
    return units[-2].cls == TITLE and units[-1].kind in (
        "route/programme/event", "institution/body", "organisation") and en.is_plural(holders)


def _body_of_holders(units: list[Unit], seps: list[str] | None) -> bool:
    """A body named by the office it serves or the holders it gathers: "Office of the United
    Nations High Commissioner for Human Rights", "Cabinet of Ministers", "Committee of
    Permanent Representatives" are bodies, though a title is inside them."""
    return len(units) > 1 and bool(seps) and seps[0].split()[:1] == ["of"] \
        and units[0].cls == HEAD and units[0].kind in ("institution/body", "organisation")


def _mentions(entity: _Entity, initial: bool) -> list[Mention]:
    units, seps = entity.units, entity.seps
    if all(en.is_calendar_word(u.text) or en.is_roman_numeral(u.text) or en.is_number_word(u.text)
           for u in units):
        return []
    out: list[Mention] = []
    if _is_title(entity) and not _body_of_holders(units, seps) \
            and not _gathering_of_holders(units, seps):
        return _title_mentions(entity, initial)
    if len(units) == 1 and (units[0].cls in (PARTY, DEMONYM) or len(units[0].text) < 2
                            or (units[0].cls == NAME and en.is_sentence_word(units[0].text))):
        return _nested(units, seps)
    kind = _kind_of(units, seps)
    person = entity.person
    if kind == "other" and all(u.cls == NAME for u in units) and 2 <= len(units) <= 4:
        kind = "name"  # a person, unless its words are common words (decided on the corpus)
    if person and kind in ("other", "person", "name"):
        kind = "person"
    text = _text(units, seps)
    out.append(Mention(_clean(text), units[0].start, units[-1].end, kind, person=person,
                       initial=initial))
    if len(units) > 1:
        out.extend(_nested(units, seps))
    return out


def _clean(text: str) -> str:
    words = text.split(" ")
    words[-1] = en.strip_possessive(words[-1])
    return " ".join(words)


def _nested(units: list[Unit], seps: list[str]) -> list[Mention]:
    """Names inside a longer name: acronyms, places, and headed names after a connector."""
    out = []
    for k, unit in enumerate(units):
        if unit.cls in (ACRONYM, PLACE) or (unit.cls == HEAD and unit.kind and " " in unit.text):
            out.append(Mention(_clean(unit.text), unit.start, unit.end, _kind_of([unit]),
                               nested=True))
        elif unit.cls == PARTY:
            offset = unit.start
            for part in re.split(r"[-/]", unit.text):
                if part and classify(part)[0] != DEMONYM:
                    out.append(Mention(part, offset, offset + len(part), _kind_of(
                        [Unit(part, 0, 0, *classify(part))]), nested=True))
                offset += len(part) + 1
    # a headed name after a connector: "Coordination Platform for the Middle Corridor"
    k = 0
    while k < len(seps):
        if seps[k] and seps[k].split()[0] in ("of", "for", "on", "to"):
            group = [units[k + 1]]
            m = k + 1
            while m < len(seps) and seps[m] == "":
                m += 1
                group.append(units[m])
            # the whole's own head is no name inside it: "Worst Forms of Child Labour Convention"
            if m == len(units) - 1 and all(u.cls == NAME for u in units[:k + 1]):
                k = m
                continue
            # a weak head names a body with a topic of its own ("Republican Centre for
            # Psychiatry and Narcology"), not without one ("Project Office")
            topic = m < len(seps) and seps[m] in ("for", "on") and units[m + 1].cls == NAME
            if len(group) > 1 and group[-1].cls == HEAD \
                    and (en.singular(group[-1].text.lower()) not in WEAK_HEADS or topic) \
                    and group[0].text.lower() not in en.QUANTIFIERS:  # "to Certain … Acts"
                group_seps = [""] * (len(group) - 1)
                if m < len(seps) and seps[m] == "of" and units[m + 1].cls == PLACE \
                        and _named_body(group):  # "National University of Uzbekistan"
                    group, group_seps = group + [units[m + 1]], group_seps + ["of"]
                group, group_seps, m = _with_topic(units, seps, group, group_seps, m)
                out.append(Mention(_clean(_text(group, group_seps)), group[0].start,
                                   group[-1].end, _kind_of(group, group_seps), nested=True))
            elif len(group) == 1 and group[0].cls == HEAD and " " not in group[0].text:
                group, group_seps, m = _with_topic(units, seps, group, [], m)
                out.append(Mention(_clean(_text(group, group_seps)), group[0].start,
                                   group[-1].end, units[k + 1].kind, nested=True))
            k = m
        else:
            k += 1
    return out


def _with_topic(units: list[Unit], seps: list[str], group: list[Unit], group_seps: list[str],
                m: int) -> tuple[list[Unit], list[str], int]:
    """A nested body's name with its own topic in plain words: "State Committee for National
    Security", "Directorate-General for Health and Food Safety", "Agency for Protection and
    Development of Competition" (*m*: the group's last unit)."""
    while m < len(seps) and seps[m] in ("for", "on", "for the", "on the") \
            and units[m + 1].cls == NAME:
        group, group_seps = group + [units[m + 1]], group_seps + [seps[m]]
        m += 1
        while m < len(seps) and (seps[m] == "" and units[m + 1].cls in (NAME, HEAD)
                                 or seps[m] in ("and", "of") and units[m + 1].cls == NAME):
            group, group_seps = group + [units[m + 1]], group_seps + [seps[m]]
            m += 1
    return group, group_seps, m


def _title_mentions(entity: _Entity, initial: bool) -> list[Mention]:
    from termbank.extract.titles import split_title
    return split_title(entity, initial)


_OPEN_QUOTES, _CLOSE_QUOTES = "\"“‘«", "\"”’»"


def iter_mentions(text: str):
    """Every name in *text*, in order of position."""
    skip_until = 0
    for match in RUN.finditer(text):
        start, end = match.start(), match.end()
        if start < skip_until:
            # words a name before has taken (", Justice and Home Affairs"); the names after
            # them are read on their own ("… and Innovation of Uzbekistan Kongratbay Sharipov")
            capital = _CAPITAL.search(text, skip_until, end)
            if capital is not None:
                skip_until = yield from _plain_run(text, capital.start(), end, skip_until)
            continue
        if (place := _dateline(text, start, end)):
            yield Mention(place, start, end, "place", initial=True)
        elif (titled := _appositive_programme(text, start)) is not None:
            skip_until = titled.end
            yield from _with_parts(text, titled)
        elif 0 < start and end < len(text) and text[start - 1] in _OPEN_QUOTES \
                and text[end] in _CLOSE_QUOTES and (" " in match.group()):
            yield from _quoted(text, start, end)
        elif _ROUTE_HEAD.match(text, end) and _is_dashed_compound(_ARTICLE.sub("", match.group())):
            start += len(match.group()) - len(_ARTICLE.sub("", match.group()))
            yield from _route(text, start, end, _ROUTE_HEAD.match(text, end).end())
        elif (subject := _BRACKETED_SUBJECT.match(text, end)):
            start += len(match.group()) - len(_ARTICLE.sub("", match.group()))
            whole = Mention(" ".join(text[start:subject.end()].split()), start, subject.end(),
                            "agreement/document", initial=_opens_sentence(text, start))
            whole = _cited_act(text, whole) or whole
            skip_until = whole.end
            yield whole
        elif _TRANS.fullmatch(match.group()) and (head_end := _crossing_head(text, end)):
            yield Mention(" ".join(text[start:head_end].split()), start, head_end, "other",
                          initial=_opens_sentence(text, start))
        elif (head := _PROJECT_HEAD.match(text, end)) \
                and (part := _coordinated_plain(match.group())) >= 0:
            # "(Funding for the) Syr Darya Control and Northern Aral Sea project"
            cut = start + part
            before = _DANGLING.sub("", text[start:cut].rstrip())
            if before:
                for mention in parse_run(text, start, start + len(before)):
                    if not mention.nested:
                        _context_evidence(text, mention)
                    yield mention
            yield Mention(" ".join(text[cut:head.end()].split()), cut, head.end(),
                          lists.heads().get(head.group(1), "other"),
                          initial=_opens_sentence(text, cut))
        elif (head := _PROJECT_HEAD.match(text, end) or _PROGRAMME_AFTER.match(text, end)) \
                and (part := _titled_programme(match.group())) >= 0:
            # "the EU-funded Clean Air for Central Asian Cities project", "the EBRD's Women in
            # Business programme": a programme titled in plain words is named by its title
            cut = start + part
            if part:
                skip_until = yield from _plain_run(text, start, start + len(
                    _DANGLING.sub("", text[start:cut].rstrip().removesuffix("'s")
                                  .removesuffix("’s"))), skip_until)
            yield from _with_parts(text, Mention(
                " ".join(text[cut:end].split()), cut, end, "route/programme/event",
                initial=_opens_sentence(text, cut)))
        else:
            skip_until = yield from _plain_run(text, start, end, skip_until)


_CAPITAL = re.compile(r"(?<![\w'’\-])[A-Z]")


def _plain_run(text: str, start: int, end: int, skip_until: int):
    """The names of a run of capitalised words, with what the words after the run add (a
    lower-case tail, a number, comma-listed complements); returns where the words a name
    has taken end."""
    dated_until = -1  # the end of a name that runs on to its years or its eponym
    listed_to = -1  # where a title's listed complements end, when the run ended at its list
    for mention in parse_run(text, start, end):
        if _is_currency(text, mention):
            continue
        if mention.nested and mention.end == end and listed_to > end \
                and mention.kind in ("institution/body", "organisation"):
            # the body of a title whose list goes on: "Committee on Social Issues, Family and
            # Healthcare" of "Chairperson of the Committee on Social Issues, …"
            mention = replace(mention, end=listed_to,
                              text=" ".join(text[mention.start:listed_to].split()))
        if mention.end <= dated_until:  # the country in "… of the Republic of X until 2060"
            mention.nested = True
        if not mention.nested:
            _context_evidence(text, mention)
            if (tail := _name_tail(text, mention)) > end:
                whole = replace(mention, end=tail, text=" ".join(
                    text[mention.start:tail].split()))
                dated_until = skip_until = max(skip_until, whole.end)
                yield whole
                mention.nested = True  # without its years or eponym: a variant of the name
            elif (office := _owner_tail(text, mention)) and office[1] > end:
                office, owner = office  # the body with the office it answers to
                if mention.kind == "official title":  # the title's body answers to it
                    yield _body_of_title(text, mention, owner)
                    yield _body_of_title(text, mention, mention.end)  # and is named so too
                else:
                    yield replace(mention, end=owner,
                                  text=" ".join(text[mention.start:owner].split()))
                    mention.nested = True
                # the office is a name of its own when it is a body or a place ("Ministry of
                # Economy and Finance"), not when it is a head of state or government named
                # only as the office a body answers to ("… under the President of …")
                yield from (m for m in parse_run(text, office, owner)
                            if m.kind != "official title")
                skip_until = max(skip_until, owner)
            elif mention.end == end and mention.text.endswith(" No"):
                mention = _numbered(text, mention)
            elif mention.end == end and (cited := _cited_act(text, mention)
                                         or _cited_standard(text, mention)):
                mention = cited
                skip_until = max(skip_until, cited.end)  # "(EU)" is part of the number
            if mention.end == end and (title := _quoted_name(text, mention)):
                # a law named by its quoted title, a body by its quoted name, as the region
                # writes them: the Law "On Mass Media", the Public Association "Ishtirok"
                mention = replace(mention, end=title.end(),
                                  text=" ".join(text[mention.start:title.end()].split()))
                skip_until = max(skip_until, title.end())
            elif mention.kind == "agreement/document" and mention.end == end \
                    and (full := _with_tail(text, mention)) is not None:
                yield full
                mention.nested = True  # the head alone: a variant of the name
            elif mention.end == end and (feature := _named_feature(text, mention)):
                yield feature
                mention.nested = True  # "Medeu" alone: a variant of "Medeu dam"
            elif mention.end == end and (region := _feature_region(text, mention)):
                yield region  # and the sea itself, a concept of its own
            elif mention.end == end:
                listed = _listed_complements(text, mention)
                if listed is not None:
                    mention, after = listed  # the title's place and holder, if any
                    skip_until = max(m.end for m in (mention, *after))
                    listed_to = mention.end
                    yield mention
                    yield from after
                    continue
        yield mention
    return skip_until


#: the years a strategy, concept or programme runs for, which its name says: "Strategy for
#: Achieving Carbon Neutrality of the Republic of Kazakhstan until 2060", "State Programme
#: for Infrastructure Development for 2020–2025"; with the country it is of, if named between
YEARS_TAIL = re.compile(
    r"(?:[ \t\xa0]+of[ \t\xa0]+(?:the[ \t\xa0]+)?[A-Z][\w\-]*(?:[ \t\xa0]+(?:of[ \t\xa0]+)?"
    r"[A-Z][\w\-]*){0,3})?[ \t\xa0]+(?:(?:until|till|up[ \t\xa0]+to|through)[ \t\xa0]+"
    r"(?:19|20)\d\d|for[ \t\xa0]+(?:the[ \t\xa0]+period[ \t\xa0]+)?(?:19|20)\d\d[\-–—]"
    r"(?:19|20)?\d\d)(?![\w/%])")  # a single year after "for" is the next word's: "2024 talks"
#: the person a body or a place is named after, in lower case after its capitalised name:
#: "Karakalpakstan State Museum of Art named after I. V. Savitsky", "Kazakh National
#: University named after al-Farabi"
EPONYM_TAIL = re.compile(r"[ \t\xa0]+named[ \t\xa0]+after[ \t\xa0]+(?:[A-Z]\.[ \t\xa0]*)*"
                         r"(?:al-|el-|ibn[ \t\xa0]+)?[A-Z][\w'’\-]+(?:[ \t\xa0]+[A-Z][\w'’\-]+){0,3}")


#: the office a body answers to, in lower case after its capitalised name: "Statistics Agency
#: under the President of the Republic of Uzbekistan", "Committee for Religious Affairs under
#: the Government of the Republic of Tajikistan", "Treasury under the Ministry of Finance";
#: with the country it is of, if named (see :func:`_owner_tail`)
OWNER_TAIL = re.compile(
    r"[ \t\xa0]+under[ \t\xa0]+the[ \t\xa0]+(?P<office>President|Government|Prime[ \t\xa0]+"
    r"Minister|Cabinet[ \t\xa0]+of[ \t\xa0]+Ministers|(?:Ministry|Agency)[ \t\xa0]+(?:of|for)"
    r"[ \t\xa0]+[A-Z][\w\-]*(?:,?[ \t\xa0]+(?:and[ \t\xa0]+)?[A-Z][\w\-]*){0,3})(?![\w\-])")
_OF_COUNTRY = re.compile(r"[ \t\xa0]+of[ \t\xa0]+(?:the[ \t\xa0]+)?((?:[A-Z][\w\-]*|of)"
                         r"(?:[ \t\xa0]+(?:[A-Z][\w\-]*|of)){0,3})")


def _owner_tail(text: str, mention: Mention) -> tuple[int, int] | None:
    """Where the office a body answers to starts and ends (None if none follows), after the
    body or after a title of the body ("Director of the Department of Tourism under the
    Ministry of …"): its country is part of it when the words after "of" make a place ("…
    of the Republic of Uzbekistan"), never a holder after it ("… Aziz Karimov")."""
    owner = OWNER_TAIL.match(text, mention.end)
    if owner is None or mention.kind not in ("institution/body", "organisation") and not (
            mention.kind == "official title" and " of " in mention.text and not mention.holder):
        return None
    office = owner.start("office")
    country = _OF_COUNTRY.match(text, owner.end())
    if country is not None:
        words = list(re.finditer(r"\S+", country.group(1)))
        for n in range(len(words), 0, -1):
            place = " ".join(w.group() for w in words[:n])
            if words[n - 1].group() != "of" and place.lower() in lists.places():
                return office, country.start(1) + words[n - 1].end()
    return office, owner.end()


_TITLE_OF = re.compile(r"[ \t\xa0]+of[ \t\xa0]+(?:the[ \t\xa0]+)?")


def _body_of_title(text: str, title: Mention, end: int) -> Mention:
    """The body of *title* named on to *end* ("Department of Tourism under the Ministry of
    …" of "Director of the Department of Tourism"), a nested mention."""
    start = _TITLE_OF.search(text, title.start, title.end).end()
    return Mention(" ".join(text[start:end].split()), start, end, "institution/body",
                   nested=True)


def without_owner(name: str) -> str:
    """*name* without the office it answers to: "Statistics Agency" of "Statistics Agency
    under the President of the Republic of Uzbekistan"."""
    owner = OWNER_TAIL.search(name)
    return name[:owner.start()] if owner else name


def _name_tail(text: str, mention: Mention) -> int:
    """Where the years or the eponym that run on after a name end (0 if none does)."""
    tail = None
    if mention.kind in ("agreement/document", "route/programme/event"):
        tail = YEARS_TAIL.match(text, mention.end)
    elif mention.kind in ("institution/body", "organisation", "place"):
        tail = EPONYM_TAIL.match(text, mention.end)
    return tail.end() if tail else 0

_AMOUNT_AFTER = re.compile(r"[ \t\xa0]*\d")
_AMOUNT_BEFORE = re.compile(r"\d(?:[ \t\xa0]+(?:thousand|million|billion|trillion|mln|bn))?"
                            r"[ \t\xa0]+$")


def _is_currency(text: str, mention: Mention) -> bool:
    """A currency code by an amount is a unit, no name: "EUR 500 million", "5 billion KZT"."""
    if mention.text not in _currency_codes():
        return False
    return bool(_AMOUNT_AFTER.match(text, mention.end)
                or _AMOUNT_BEFORE.search(text, max(0, mention.start - 20), mention.start))


@functools.cache
def _currency_codes() -> frozenset[str]:
    """ISO 4217 codes, from Babel's CLDR data ("EUR", "KZT", "USD")."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


_NUMBER = re.compile(r"\.?[ \t\xa0]?(\d+(?:[/.\-]\d+)*)(?![\w/])")


def _numbered(text: str, mention: Mention) -> Mention:
    """A name ending in "No" with its number: "Protocol No. 12", "Written Declaration No.
    2/2010"; without a number, the name without "No"."""
    name = mention.text[:-3]
    kind = kind_of_text(name) if mention.kind == "other" else mention.kind
    number = _NUMBER.match(text, mention.end)
    if number is None:
        return replace(mention, text=name, end=mention.end - 3, kind=kind)
    return replace(mention, text=f"{mention.text}. {number.group(1)}", end=number.end(),
                   kind=kind)


#: the number an act is cited by after its head: an EU act's (Interinstitutional Style
#: Guide, "Citing acts": "Regulation (EU) 2023/1115", "Directive 2014/24/EU") or an ILO
#: instrument's year and number ("Domestic Workers Convention, 2011 (No. 189)")
_EU_NUMBER = re.compile(
    r"[ \t\xa0]+(?:\((?:EU|EC|EEC|Euratom|CFSP|EU,[ \t\xa0]+Euratom)\)[ \t\xa0]+"
    r"(?:No\.?[ \t\xa0]+)?\d{1,4}/\d{1,4}|\d{2,4}/\d{1,4}/(?:EU|EC|EEC|CFSP))(?![\w/])")
_ILO_NUMBER = re.compile(r",[ \t\xa0]+\d{4}[ \t\xa0]+\(No\.[ \t\xa0]*\d{1,4}\)"
                         r"|[ \t\xa0]+No\.[ \t\xa0]*\d{1,4}(?![\w/])")  # or "Convention No. 102"
_ACT_NUMBER = {"Regulation": _EU_NUMBER, "Directive": _EU_NUMBER, "Decision": _EU_NUMBER,
               "Convention": _ILO_NUMBER, "Recommendation": _ILO_NUMBER,
               "Protocol": _ILO_NUMBER}
#: an ILO instrument's subject in brackets before its head: "Social Security (Minimum
#: Standards) Convention", "Occupational Safety and Health (Agriculture) Convention"
_BRACKETED_SUBJECT = re.compile(
    rf"[ \t\xa0]+\({_WORD}(?:[ \t\xa0]+(?:and[ \t\xa0]+)?{_WORD}){{0,3}}\)[ \t\xa0]+"
    r"(?:Convention|Recommendation|Protocol)(?![\w\-])")


_ACT_CITED = re.compile(r"(Regulation|Directive|Decision)[ ]+(?:\([^)]*\)[ ]+)?(?:No\.?[ ]+)?"
                        r"(\d{1,4}/\d{1,4}(?:/[A-Z]+)?)$")
#: an ILO instrument cited by its number, with or without its year: "… Convention, 1999
#: (No. 182)", "Convention No. 102"
_ILO_CITED = re.compile(r"(Convention|Recommendation|Protocol)(?:,[ ]+\d{4}[ ]+\()?[ ]*No\.[ ]*"
                        r"(\d{1,4})\)?$")


#: a document's quoted title after its head, as laws of the region are cited (Law "On Mass
#: Media", Code “On Health of the People and the Healthcare System”), and a body's quoted name
#: after its kind (League of Women with Disabilities "Ishtirok")
_QUOTED_TITLE = re.compile(r"[ \t\xa0]+[\"“«]On[ \t\xa0][^\"”»\n]{2,200}[\"”»]")
_QUOTED_BODY = re.compile(r"[ \t\xa0]+[\"“«][A-Z][\w\-’']*(?:[ \t\xa0]+[\w\-’']+){0,4}[\"”»]")
_QUOTED_NAME = {"agreement/document": _QUOTED_TITLE, "institution/body": _QUOTED_BODY,
                "organisation": _QUOTED_BODY}


def _quoted_name(text: str, mention: Mention):
    """The quoted title or name right after a document's or a body's head, if any."""
    pattern = _QUOTED_NAME.get(mention.kind)
    return pattern.match(text, mention.end) if pattern else None


#: bodies whose standards are cited by number: "ISO 9001:2015", "ISO/IEC 17025", "EN 60204-1"
_STANDARD_BODIES = frozenset({"ISO", "IEC", "ISO/IEC", "ISO/TS", "EN", "EN ISO", "ETSI", "GOST",
                              "IEEE", "ASTM", "ANSI", "BS", "DIN", "ST RK"})
_STANDARD_NUMBER = re.compile(r"[ \t\xa0]+\d{2,5}(?:[-.]\d{1,3})*(?::(?:19|20)\d\d)?(?![\w/])")


def _cited_standard(text: str, mention: Mention) -> Mention | None:
    """A standard named by its body and number ("ISO/IEC 17025", "ISO 9001:2015"): a
    document of its own, not the body's acronym."""
    if mention.text not in _STANDARD_BODIES:
        return None
    number = _STANDARD_NUMBER.match(text, mention.end)
    if number is None:
        return None
    return replace(mention, text=text[mention.start:number.end()].replace("\xa0", " "),
                   end=number.end(), kind="agreement/document")


def act_number(name: str) -> str | None:
    """Which EU act or ILO instrument a name cites by number, whichever institution it names
    as adopting it, whether it names the subject and year.

    >>> act_number("Council Regulation (EC) No 1073/1999"), act_number("Directive 2004/17/EC")
    ('Regulation 1073/1999', 'Directive 2004/17/EC')
    >>> act_number("Worst Forms of Child Labour Convention, 1999 (No. 182)")
    'Convention 182'
    """
    found = _ACT_CITED.search(name) or _ILO_CITED.search(name)
    return f"{found.group(1)} {found.group(2)}" if found else None


def _cited_act(text: str, mention: Mention) -> Mention | None:
    """The name of an act with the number it is cited by, when one follows its head."""
    number = _ACT_NUMBER.get(mention.text.rsplit(" ", 1)[-1])
    found = number.match(text, mention.end) if number else None
    if found is None:
        return None
    return replace(mention, text=" ".join(text[mention.start:found.end()].split()),
                   end=found.end(), kind="agreement/document")


_DATE_AFTER = re.compile(r",[ \t\xa0]+(?:\d{1,2}[ \t\xa0]+([A-Z][a-z]+)|([A-Z][a-z]+)\.?[ \t\xa0]+\d)")


def _dateline(text: str, start: int, end: int) -> str:
    """The place of a dateline, capitals opening a line before a date ("NUKUS, 18 September
    2025 – …"), as a name ("Nukus"); "" for any other run."""
    run = text[start:end]
    if (start and text[start - 1] != "\n") or not run.isupper() \
            or not run.replace("-", "").replace(" ", "").isalpha() or run in lists.acronyms() \
            or (len(run) < 4 and run.lower() not in lists.places()):
        return ""  # "EU, 5 May": an acronym
    date = _DATE_AFTER.match(text, end)
    if date is None or not en.is_calendar_word(date.group(1) or date.group(2)):
        return ""
    return re.sub(r"[A-Z]+", lambda m: m.group().capitalize(), run)


_PLAIN = rf"{_WORD}(?:[ \t\xa0]+{_WORD}){{0,2}}"
#: "and", and an article a listed title may write in lower case: "… and a Competitive
#: Circular Economy"
_AND = r"and[ \t\xa0]+(?:(?:a|an|the)[ \t\xa0]+)?"
_LAST_AND = rf"[ \t\xa0]+{_AND}"
#: items a name's list of complements may have before its last: no name lists more, and an
#: unbounded list ("Kazakhstan, Kazakhstan, …" a thousand times) would make every name before
#: it read all the rest
MAX_LISTED = 12
#: ", Justice and Home Affairs": more complements of a body's name, listed with commas
_COMPLEMENT_LIST = re.compile(rf"(?:,[ \t\xa0]+{_PLAIN}){{1,{MAX_LISTED}}},?{_LAST_AND}{_PLAIN}"
                              r"(?![\w’'\-])(?![ \t\xa0]+[A-Z])")
#: the same list whose last item runs on into the holder's name: "… and Tourism Aida Balayeva"
_HELD_LIST = re.compile(rf"(?:,[ \t\xa0]+{_PLAIN}){{1,{MAX_LISTED}}},?{_LAST_AND}"
                        rf"{_WORD}(?:[ \t\xa0]+{_WORD}){{2,5}}(?![\w’'\-])(?![ \t\xa0]+[A-Z])")
_ITEM = re.compile(_PLAIN)  # one item of a list
_LISTED_KINDS = ("institution/body", "organisation", "official title", "route/programme/event",
                 "agreement/document")


def _listed_complements(text: str, mention: Mention) -> tuple[Mention, list[Mention]] | None:
    """The name with its comma-listed complements, and the place and holder after a title's
    list (nested mentions)."""
    held = _held_list(text, mention) if mention.kind == "official title" else None
    after: list[Mention] = []
    if held is not None:
        end, holder = held
        after.append(holder)
    else:
        listed = _COMPLEMENT_LIST.match(text, mention.end)
        if not listed or not _is_complement_list(mention, listed.group()):
            return None
        end = _list_goes_on(text, listed.end())
        if mention.kind == "official title":
            after = _place_and_holder(text, end) or _holder_at(text, end)
    jurisdiction = next((lists.places().get(m.text.lower(), m.text) for m in after
                         if m.kind == "place"), mention.jurisdiction)  # "Kyrgyz Republic" → …
    holder = next((m.text for m in after if m.person), "")
    text_of = " ".join(text[mention.start:end].split())
    whole = Mention(text_of, mention.start, end, mention.kind, initial=mention.initial,
                    title=text_of if mention.kind == "official title" else "",
                    jurisdiction=jurisdiction, holder=holder)
    if PLACE in _complement_classes(mention):  # the places and bodies of a title's remit
        after += [replace(m, nested=True) for item in _ITEM.finditer(text, mention.end, end)
                  for m in parse_run(text, item.start(), item.end())
                  if not m.nested and m.kind not in ("name", "other")]
    return whole, after


_OF_PLACE_HOLDER = re.compile(
    rf"[ \t\xa0]+of[ \t\xa0]+(?:the[ \t\xa0]+)?"
    rf"({_WORD}(?:[ \t\xa0]+(?:of[ \t\xa0]+)?{_WORD}){{0,2}}?)"  # the place, lazily
    rf"[ \t\xa0]+({_WORD}[ \t\xa0]+{_WORD})(?![\w'’\-]|[ \t\xa0]+[A-Z])")  # the holder


def _place_and_holder(text: str, end: int) -> list[Mention]:
    """The country and the holder after a title's comma-listed complements, as nested
    mentions: "Minister of Higher Education, Science and Innovation of Uzbekistan
    Kongratbay Sharipov", "… of the Kyrgyz Republic Bakyt Osmonov" (none when the words
    there are not a place and a person)."""
    found = _OF_PLACE_HOLDER.match(text, end)
    if found is None or (classify(found.group(1))[0] != PLACE
                         and " ".join(found.group(1).split()).lower() not in lists.places()):
        return []  # (a country in several words: "the Kyrgyz Republic", "the Republic of …")
    person = _person_at(text, found.start(2), found.end(2), rare_surname=True)
    if person is None:
        return []
    return [Mention(found.group(1), found.start(1), found.end(1), "place", nested=True), person]


def _person_at(text: str, start: int, end: int, *, rare_surname: bool = False
               ) -> Mention | None:
    """The words of ``text[start:end]`` as a holder's name, a nested mention; None when they
    do not read as a person's (see :func:`_looks_personal`; with *rare_surname*, a last word
    general English hardly knows will do)."""
    person = [Unit(w.group(), w.start(), w.end(), *classify(w.group()))
              for w in _TOKEN.finditer(text, start, end)]
    if not all(u.cls == NAME for u in person) or not (
            _looks_personal(person) or rare_surname and _unknown_word(person[-1].text)):
        return None
    return Mention(" ".join(text[start:end].split()), start, end, "person", person=True,
                   nested=True)


_LIST_OF = re.compile(rf"[ \t\xa0]+of[ \t\xa0]+(?:the[ \t\xa0]+)?({_WORD})(?![\w’'\-])")
_HOLDER_AT = re.compile(rf"[ \t\xa0]+({_WORD}[ \t\xa0]+{_WORD})(?![\w’'\-]|[ \t\xa0]+[A-Z])")


#: a list's last item that is itself two coordinated words: "… Construction and Housing and
#: Communal Services" (one or two plain words, and the name ends there)
_LIST_AND = re.compile(rf"[ \t\xa0]+and[ \t\xa0]+({_WORD}(?:[ \t\xa0]+{_WORD})?)"
                       rf"(?![\w’'\-])(?![ \t\xa0]+[A-Z])")


def _list_goes_on(text: str, end: int) -> int:
    """Where a list of complements ends when its last item goes on with "of" and a common
    word: "Ministry of Labour, Migration and Employment of Population" (not "… of
    Tajikistan", a country, nor a person's name), or with "and" and plain words ending in a
    common one: "State Agency for Architecture, Construction and Housing and Communal
    Services" (not "… and Tourism Aida Balayeva", nor "… and Kazakhstan")."""
    from termbank.extract.terms import zipf

    found = _LIST_OF.match(text, end)
    if found is not None:
        word = found.group(1)
        return found.end() if classify(word)[0] == NAME and zipf(word.lower()) >= 3.5 else end
    found = _LIST_AND.match(text, end)
    if found is not None:
        words = found.group(1).split()
        if all(classify(w)[0] == NAME and w.lower() not in lists.given_names() for w in words) \
                and zipf(words[-1].lower()) >= 3.5:
            return found.end()
    return end


def _holder_at(text: str, end: int) -> list[Mention]:
    """The holder right after a title's list, as a nested mention ("… of Population Shahlo
    Rahimzoda"); none when the two words there are no person's name."""
    found = _HOLDER_AT.match(text, end)
    person = found and _person_at(text, found.start(1), found.end(1))
    return [person] if person else []


def _held_list(text: str, mention: Mention) -> tuple[int, Mention] | None:
    """Where a title's comma-listed complements end, and the holder after them: "…, Youth,
    Culture and Sport Glenn Micallef" (None when no person follows the list)."""
    held = _HELD_LIST.match(text, mention.end)
    if held is None:
        return None
    words = list(_TOKEN.finditer(text, held.start(), held.end()))
    # words of the last item and the holder: "… and a Competitive Circular Economy
    # Jessika Roswall" has five, so the last two are a name even when no list knows it; in
    # "… and Sport Glenn Micallef" (three) a surname no English word list knows says so
    last_item = re.search(rf"{_AND}{_WORD}(?:[ \t\xa0]+{_WORD})*$", held.group())
    last = len(_TOKEN.findall(text, held.start() + last_item.start(), held.end()))
    for size in (2, 3):
        person = words[-size:]
        units = [Unit(w.group(), w.start(), w.end(), *classify(w.group())) for w in person]
        if len(words) - size >= 2 and all(u.cls == NAME for u in units) \
                and (_looks_personal(units) or size == 2 and (
                    last >= 4 or last == 3 and _unknown_word(units[-1].text))) \
                and _is_complement_list(mention, text[held.start():words[-size - 1].end()]):
            break
    else:
        return None
    holder = Mention(" ".join(text[person[0].start():person[-1].end()].split()),
                     person[0].start(), person[-1].end(), "person", person=True, nested=True)
    return words[-size - 1].end(), holder


def _is_complement_list(mention: Mention, listed: str) -> bool:
    """Whether *listed* (", Justice and Home Affairs") goes on the complements of the name
    before it ("Committee on Civil Liberties"): words of the classes the name's last
    complement allows (see :func:`_complement_classes`), and no person."""
    plain = _complement_classes(mention)
    if not plain:
        return False
    items = [i.strip() for i in re.split(rf",|[ \t\xa0]{_AND}", listed) if i.strip()]
    for item in items:
        item_units, _ = _units(item, 0)
        # (a document's head in a remit names a field: "… Sports and Youth Policy")
        if not item_units or any(u.cls not in plain and not (
                u.cls == HEAD and u.kind == "agreement/document") for u in item_units) \
                or _looks_personal(item_units):
            return False
    return True


def _complement_classes(mention: Mention) -> tuple[str, ...]:
    """The classes of word a list may add to *mention*'s last complement (none: no list).

    A name's last complement must be plain words ("Committee on Civil Liberties, Justice and
    Home Affairs"; after a purpose's verb, short forms too: "Global Fund to Fight AIDS,
    Tuberculosis and Malaria"); a title's remit after "for" may list places and bodies too
    ("Deputy Managing Director for Russia, Eastern Partnership, Central Asia and OSCE").
    """
    if mention.kind not in _LISTED_KINDS or mention.holder:
        return ()
    units, seps = _units(mention.text, 0)
    k = max((i for i, sep in enumerate(seps)
             if sep.split()[:1] in (["on"], ["for"], ["of"], ["to"])), default=-1)
    if k < 0:
        return ()
    if mention.kind == "official title" and seps[k].split()[0] == "for":
        plain: tuple[str, ...] = (NAME, PLACE, ACRONYM, HEAD, DEMONYM, MODIFIER, PARTY)
    elif seps[k] == "to":  # a purpose's object may be short forms: "… to Fight AIDS"
        plain = (NAME, ACRONYM)
    else:
        plain = (NAME,)
    return plain if all(u.cls in plain for u in units[k + 1:]) else ()


#: lower-case words that complete a name, and the kind they give it: "the Schengen area",
#: "the Bologna process"
NAME_TAILS = {"area": "place", "zone": "place", "process": "route/programme/event"}
#: lower-case words that a place's name is written with: "Samarkand region", "Osh oblast"
PLACE_TAILS = frozenset({"region", "oblast", "province", "district"})
_PLACE_OF = re.compile(r"(?<![\w\-])(?:port|city|town|village|region|province|oblast|district)"
                      r"[ \t\xa0]+of[ \t\xa0]+$")
_COORDINATED = re.compile(rf"[ \t\xa0]+and[ \t\xa0]+({_WORD})(?:[ \t\xa0]+([a-z][a-z\-]*))?")
_NEXT_WORD = re.compile(r"[ \t\xa0]+([a-z][a-z\-]*)")
_PREVIOUS_WORD = re.compile(r"(?<![\w\-])([a-z][a-z\-]*)[ \t\xa0]+$")


def _context_evidence(text: str, mention: Mention) -> None:
    """What the words around a name without a head tell about it.

    A lower-case head word after it gives its kind ("the Global Gateway initiative", "the
    Kashagan field"), and so does one right before a single name ("the national company
    Kazatomprom"); a verb of saying after it marks a speaker ("Dana Zhunus said"); a news
    word after a single name marks an outlet (", Interfax reports").
    """
    if mention.kind == "place":
        after = _NEXT_WORD.match(text, mention.end, mention.end + 40)
        if after and after.group(1) in PLACE_TAILS and _part_of_a_country(mention.text):
            # "Samarkand region" as written; "Samarkand" alone elsewhere is the same place
            mention.end = after.end()
            mention.text = f"{mention.text} {after.group(1)}"
        return
    if mention.kind not in ("name", "other"):
        return
    after = _NEXT_WORD.match(text, mention.end, mention.end + 40)
    word = after.group(1) if after else ""
    if word in NAME_TAILS and not mention.person:
        # "the Schengen area", "the Khorgos zone": the lower-case word completes the name
        mention.end = after.end()
        mention.text = f"{mention.text} {word}"
        mention.kind = NAME_TAILS[word]
        return
    head = lists.heads().get(word) or lists.heads().get(en.singular(word))
    if head and head not in ("title", "modifier") \
            and not (en.is_plural(word) and text[mention.end - 1] in "'’"):
        mention.kind = head  # (not "Homeowners' associations": a kind, its members' name)
        return
    single = " " not in mention.text
    if single:
        before = _PREVIOUS_WORD.search(text[max(0, mention.start - 40):mention.start])
        previous = before.group(1) if before else ""
        head = lists.heads().get(previous)
        if head and head not in ("title", "modifier", "place"):
            mention.kind = head
            return
        if previous == "of" and _PLACE_OF.search(text, max(0, mention.start - 40),
                                                 mention.start):
            mention.kind = "place"  # "the port of Novorossiysk"
            return
        partner = _COORDINATED.match(text, mention.end, mention.end + 60)
        if partner:
            cls, kind = classify(partner.group(1))
            word = partner.group(2) or ""
            head = lists.heads().get(word) or lists.heads().get(en.singular(word))
            if head and head not in ("title", "modifier"):
                mention.kind = head  # "Mangystau and Atyrau regions"
                return
            if cls == PLACE:
                mention.kind = "place"  # "between Khorgos and Aktau"
                return
        if word in en.MEDIA_WORDS:
            mention.kind = "organisation"
            return
    if word in en.SAYING_VERBS and (mention.kind == "name" or (
            mention.kind == "other" and not en.is_plural(mention.text))):
        mention.person = True  # "Kaja Kallas said", "Lambert said"; not "Observers noted"


#: lower-case heads that make a dashed compound of places one name: "Dostyk–Moyinty railway"
_ROUTE_HEAD = re.compile(r"[ \t\xa0]+(?:railway|railroad|rail line|road|highway|motorway|"
                         r"pipeline|gas pipeline|oil pipeline|corridor|route|line|canal|"
                         r"power line|transmission line|interconnector)(?![\w\-])")
_ARTICLE = re.compile(r"^(?:The|A|An|This|That)[ \t\xa0]+")
#: lower-case heads that make two coordinated runs of plain capitalised words one name:
#: "the Syr Darya Control and Northern Aral Sea project"
_PROJECT_HEAD = re.compile(r"[ \t\xa0]+(project|programme|program|cable|pipeline)(?![\w\-])")
#: a programme's title with its kind in apposition after it: "Public Administration Reform for
#: Better Services, a 20 million euro budget support programme"
_PROGRAMME_AFTER = re.compile(r",[ \t\xa0]+(?:a|an|the)[ \t\xa0]+(?:[\w\-–]+[ \t\xa0]+){0,6}?"
                              r"(project|programme|program|initiative)(?![\w\-])")


#: a line named by what it crosses: "Trans-Caspian", "Trans-Afghan"
_TRANS = re.compile(r"Trans-[A-Z][a-z]+")
#: its lower-case modifiers and an infrastructure head: "… fibre-optic cable"
_CROSSING_HEAD = re.compile(r"((?:[ \t\xa0]+[a-z][a-z\-]*){0,2}?)[ \t\xa0]+"
                            r"(?:cable|pipeline|railway|highway|power line|network)(?![\w\-])")
_NOT_MODIFIERS = en.CONNECTORS | {"a", "an", "or", "with", "is", "are", "was", "were", "will",
                                  "has", "have", "its", "their", "by", "at", "as", "from"}


def _crossing_head(text: str, end: int) -> int:
    """Where "Trans-Caspian fibre-optic cable" ends, the run being "Trans-Caspian"; 0 when
    no infrastructure head follows within two lower-case modifiers."""
    head = _CROSSING_HEAD.match(text, end)
    if head is None or any(w in _NOT_MODIFIERS for w in head.group(1).split()):
        return 0
    return head.end()


#: connectors left at the end of a run's first part when its last part is cut off
_DANGLING = re.compile(rf"(?:[ \t\xa0]+{_CONN})+$")


def _coordinated_plain(run: str) -> int:
    """Where the run's last part starts when that part is two groups of plain capitalised
    words joined by "and", three words or more, with no place, body, title or person among
    them ("Funding for the Syr Darya Control and Northern Aral Sea" → 20); -1 otherwise.
    The part is what the run ends in after its last other connector."""
    units, seps = _units(run, 0)
    k = len(units) - 1
    while k > 0 and seps[k - 1] in ("", "and"):
        k -= 1
    while k < len(units) - 1 and seps[k] == "" and en.is_sentence_word(units[k].text):
        k += 1  # "The Syr Darya …"
    units, seps = units[k:], seps[k:]
    if len(units) < 3 or seps.count("and") != 1:
        return -1
    if any(u.cls != NAME or en.is_sentence_word(u.text) for u in units):
        return -1
    k = seps.index("and")
    if _looks_personal(units[:k + 1]) or _looks_personal(units[k + 1:]):
        return -1
    return units[0].start


#: a programme named in apposition after its kind: "a new UNDP project, Nature-based
#: Solutions for a Resilient Aral Sea Region." (up to the next comma, stop or bracket)
_PROGRAMME_BEFORE = re.compile(r"(?<![\w\-])(?:project|programme|program|initiative|campaign),"
                               r"[ \t\xa0]+$")
_APPOSITIVE_TITLE = re.compile(  # (each word atomic: "Abc-def" is read one way only)
    rf"(?>{_WORD}(?:-[a-z]+)?)(?:[ \t\xa0]+(?:(?:{_CONN}|a|an)[ \t\xa0]+)*"
    rf"(?>{_WORD}(?:-[a-z]+)?))*(?=[ \t\xa0]*[,.;(\n]|$)")


def _with_parts(text: str, whole: Mention) -> list[Mention]:
    """A name found whole, and the places, acronyms and bodies named inside it."""
    return [whole, *_nested(*_units(text[whole.start:whole.end], whole.start))]


def _appositive_programme(text: str, start: int) -> Mention | None:
    """A programme's title in apposition after "project, " or "programme, ", up to the next
    comma, stop or bracket: plain capitalised words with a connector ("Protecting Rights
    and Improving Skills of Migrant Workers in Central Asia"); not a place, a body, a person
    (nor words joined only by name particles: "Pieter van den Berg") or words a verb follows
    ("the project, Kazakhstan said, …")."""
    if not _PROGRAMME_BEFORE.search(text, max(0, start - 20), start):
        return None
    title = _APPOSITIVE_TITLE.match(text, start)
    if title is None or " " not in title.group():
        return None
    units, seps = _units(title.group(), 0)
    if not any(sep.split()[0] not in en.NAME_PARTICLES for sep in seps if sep) \
            or units[0].cls != NAME or en.is_sentence_word(units[0].text) \
            or any(u.cls == TITLE or u.cls == HEAD and u.kind != "place" for u in units) \
            or _looks_personal(units) \
            or all(u.cls in (PLACE, DEMONYM, ACRONYM, PARTY) for u in units[1:]):
        return None
    return Mention(" ".join(title.group().split()), start, title.end(), "route/programme/event")


_PREPOSITIONS = (["for"], ["of"], ["in"], ["on"], ["to"])


def _titled_programme(run: str) -> int:
    """Where a programme's title starts in a run that a lower-case "project" or "programme"
    follows: plain capitalised words with a preposition, after an owner's possessive if any
    ("EBRD's Women in Business" → 7, "Clean Air for Central Asian Cities" → 0); -1 when the
    run has a head, a title, an acronym or a person of its own, or no connector."""
    units, seps = _units(run, 0)
    k = max((n + 1 for n, u in enumerate(units) if u.text.endswith(("'s", "’s"))), default=0)
    while k < len(units) - 1 and seps[k] == "" and en.is_sentence_word(units[k].text):
        k += 1  # "The …"
    units, seps = units[k:], seps[k:]
    topic = next((n + 1 for n, sep in enumerate(seps) if sep.split()[:1] in _PREPOSITIONS), 0)
    if len(units) < 2 or units[0].cls != NAME or en.is_sentence_word(units[0].text) \
            or not topic or _looks_personal(units) \
            or units[topic - 1].cls not in (NAME, DEMONYM, PLACE) \
            or any(u.cls not in (NAME, DEMONYM, PLACE, HEAD) for u in units):
        return -1  # (not "the Water and Energy project": two names of their own)
    # a head inside it names no body of its own: "Public Administration Reform for Better
    # Services"; the words before the preposition end in a plain word
    return units[0].start


_DASH = re.compile(r"[ \t\xa0]*[–—][ \t\xa0]*|(?<=\w)-(?=[A-Z])")


def _is_dashed_compound(run: str) -> bool:
    """Two or more places (or plain names) joined by dashes: "Baku–Tbilisi–Kars"."""
    parts = _DASH.split(run)
    return len(parts) >= 2 and all(
        _TOKEN.fullmatch(p) or p.lower() in lists.places() for p in parts)


def _route(text: str, start: int, run_end: int, end: int) -> list[Mention]:
    """A route named by its ends: the whole is the name, the places in it are nested."""
    out = [Mention(" ".join(text[start:end].split()), start, end, "route/programme/event")]
    offset = start
    for part in _DASH.split(text[start:run_end]):
        offset = text.index(part, offset)
        if classify(part)[0] == PLACE:
            out.append(Mention(part, offset, offset + len(part), "place", nested=True))
        offset += len(part)
    return out


#: a lower-case feature or work named by the one proper word before it: "the Medeu dam",
#: "the Bartang valley" (not a compound head such as "hydropower plant", a term of its own:
#: "the Kambarata-1 hydropower plant")
_FEATURE_HEAD = re.compile(r"[ \t\xa0]+(?:dam|reservoir|tailings|valley|gorge|glacier|lake|river|"
                           r"basin|delta|plateau|desert|steppe|deposit|oilfield|mine)(?![\w\-])")


def _named_feature(text: str, mention: Mention) -> Mention | None:
    """A single unknown proper word and the feature word after it are one name: "the
    Sardoba reservoir" is a work of its own, as "Kokaral dam" is; the word alone is
    its variant. Listed places and common words keep to themselves ("Almaty river")."""
    head = _FEATURE_HEAD.match(text, mention.end)
    if head is None or mention.kind != "other" or " " in mention.text or mention.person \
            or classify(mention.text)[0] != NAME or not _unknown_word(mention.text):
        return None
    return Mention(" ".join(text[mention.start:head.end()].split()), mention.start,
                   head.end(), "other", initial=mention.initial)


_REGION = re.compile(r"[ \t\xa0]+region(?![\w\-])")


def _part_of_a_country(place: str) -> bool:
    """A city or region, not a country ("the Kazakhstan region" names none) nor a sea, lake
    or river (the region around one is a place of its own: "the Caspian Sea region")."""
    canonical = lists.places().get(place.lower(), place)
    return canonical not in lists.cldr_countries() \
        and place.rsplit(" ", 1)[-1].lower() not in en.NATURAL_FEATURES


def _feature_region(text: str, mention: Mention) -> Mention | None:
    """The region around a sea, lake or river is a place of its own: "the Aral Sea region"
    (Russian «Приаралье»), "the Caspian Sea region"."""
    head = _REGION.match(text, mention.end)
    if head is None or mention.kind != "place" \
            or mention.text.rsplit(" ", 1)[-1].lower() not in en.NATURAL_FEATURES:
        return None
    return Mention(" ".join(text[mention.start:head.end()].split()), mention.start,
                   head.end(), "place", initial=mention.initial)


def _with_tail(text: str, mention: Mention) -> Mention | None:
    """The full name when a document's name runs on in lower case (see tails.py); a head
    word alone that opens a sentence is capitalised for that ("Plan of action was …")."""
    from termbank.extract.tails import tail_end

    if mention.initial and " " not in mention.text:
        return None
    end = tail_end(text, mention.start, mention.end)
    if end == mention.end:
        return None
    return Mention(" ".join(text[mention.start:end].split()), mention.start, end,
                   mention.kind, initial=mention.initial)


def join_defined(source: str, mentions: list[Mention], definitions) -> list[Mention]:
    """A capitalised expansion an acronym defines is one name, even where the chunker cut it
    ("European Travel Information and Authorisation System (ETIAS)": the letters say so),
    and so is one that opens with a name and runs on in lower case ("Registered Exporter
    system (REX)"). A word in capitals that a definition spells is its acronym, however long
    ("(CARICC)" is no shouted "Caricc"). A title cut inside such a name runs on to its end,
    and a person named after the acronym holds the title."""
    shouted = {d.acronym for d in definitions if en.is_shouted(d.acronym.removesuffix("+"))}
    out = sorted((replace(m, text=source[m.start:m.end], kind="acronym")
                  if shouted and source[m.start:m.end] in shouted else m for m in mentions),
                 key=lambda m: m.start)
    starts = [m.start for m in out]  # kept in step with *out*: each definition looks only
    for definition in definitions:  # at the mentions near it
        start, end, text = definition.start, definition.end, definition.expansion
        near = range(bisect.bisect_left(starts, start - _LONGEST_MENTION),
                     bisect.bisect_left(starts, end))
        for k in near:
            m = out[k]
            if not m.nested and m.start < start < m.end < end \
                    and (m.kind == "official title" or _owner_before(source, m, start)):
                out[k] = _to_defined_end(source, m, end)
        words = text.split()
        capitalised = [w[:1].isupper() or w.isdigit() or w in en.GRAMMAR_WORDS for w in words]
        head = capitalised.index(False) if False in capitalised else len(words)
        if not head or any(capitalised[head:]):
            continue  # capitals ("Import Control System 2 (ICS2)"), then only lower case
        inside = [k for k in near if not out[k].nested and start <= out[k].start
                  and out[k].end <= end]
        if not inside or (len(inside) == 1
                          and out[inside[0]].end - out[inside[0]].start == end - start):
            continue
        inside_k, inside = inside, [out[k] for k in inside]
        start = source.find(words[0], start, end)
        if head < len(words) and (head < 2 or inside[0].start != start):
            continue  # a tail joins only a name of two words or more that opens the expansion
            # ("Heart failure with … (HFpEF)" opening a sentence is no name)
        if any(m.kind == "official title" or m.person for m in inside):
            continue
        whole = Mention(text, start, end, kind_of_text(text),
                        initial=inside[0].initial and inside[0].start == start)
        for k in reversed(inside_k):
            del out[k], starts[k]
        at = bisect.bisect_right(starts, whole.start)
        out.insert(at, whole)
        starts.insert(at, whole.start)
    _holders_after_acronyms(source, out, definitions)
    out.sort(key=lambda m: (m.start, m.nested))
    return out


#: no mention starts further than this before a definition it runs into (a bound on the
#: longest name: MAX_ENTITY units and MAX_LISTED complements)
_LONGEST_MENTION = 2000
_CLOSING_BRACKET = re.compile(r"\)[ \t\xa0]+")


def _holders_after_acronyms(source: str, mentions: list[Mention], definitions) -> None:
    """A person's name right after the acronym of a title's body holds the title: "Deputy
    Secretary-General for Political Affairs of the European External Action Service (EEAS)
    Marek Novotný"."""
    starting = {m.start: m for m in mentions if not m.nested}
    ending = {m.end: m for m in mentions if m.kind == "official title" and not m.nested}
    for definition in definitions:
        gap = _CLOSING_BRACKET.match(source, definition.acronym_end)
        person = starting.get(gap.end()) if gap else None
        title = ending.get(definition.end)
        if person is None or person.kind not in ("name", "other", "person") \
                or title is None or title.holder:
            continue
        units, _ = _units(person.text, 0)
        if all(u.cls == NAME for u in units) and (_looks_personal(units) or (
                len(units) in (2, 3) and _unknown_word(units[-1].text))):
            title.holder = person.text
            person.kind, person.person = "person", True


def _to_defined_end(source: str, mention: Mention, end: int) -> Mention:
    """A title cut inside the body an acronym defines, running on to the body's end:
    "Chairwoman of the Agency for Regulation and Development of the Financial Market
    (ARDFM)" (the chunker stopped at "and"); so too a name whose owner stands before the
    defined words ("ICAO Standards and Recommended Practices (SARPs)")."""
    text = " ".join(source[mention.start:end].split())
    return replace(mention, text=text, end=end,
                   title=text if mention.kind == "official title" else mention.title)


def _owner_before(source: str, mention: Mention, start: int) -> bool:
    """Whether the words of *mention* before *start* are one acronym, place or demonym: the
    owner of what the acronym defines ("ICAO" of "ICAO Standards and …")."""
    before = source[mention.start:start].split()
    return len(before) == 1 and classify(before[0])[0] in (ACRONYM, PLACE, DEMONYM)


_KNOWN_AS = re.compile(r",?[ \t\xa0]+(?:\(|also[ \t\xa0]+|better[ \t\xa0]+|commonly[ \t\xa0]+)?"
                       r"(?:known|referred[ \t\xa0]+to)[ \t\xa0]+as[ \t\xa0]+(?:the[ \t\xa0]+)?"
                       r"[\"“]?$")  # (", known as the Budapest Convention")


def aliases(text: str, mentions: list[Mention]):
    """(name, alias) where a name is followed by ", known as" another ("the European
    Border and Coast Guard Agency, known as Frontex") or by its numbered code in brackets
    ("the UN Climate Change Conference (COP30)"). Both designate one concept."""
    named = [m for m in mentions if not m.nested]
    for first, second in zip(named, named[1:]):
        between = text[first.end:second.start]
        if len(between) < 40 and _KNOWN_AS.fullmatch(between) \
                and first.kind not in ("person", "place"):
            yield (first.title or first.text), (second.title or second.text)
        elif between == " (" and text[second.end:second.end + 1] == ")" \
                and _NUMBERED_CODE.fullmatch(second.text) and " " in first.text \
                and first.kind not in ("person", "place", "official title"):
            yield first.text, second.text  # "UN Climate Change Conference (COP30)"
        elif between == " (" and text[second.end:second.end + 1] == ")" and (
                first.kind == "route/programme/event" and _short_title(second.text, first.text)
                or first.kind == "agreement/document"
                and _short_document(second.text, first.text)):
            # "Protecting Rights … in Central Asia (PRISM)", "Agreement on Technical Barriers
            # to Trade (TBT Agreement)"
            yield first.text, second.text


def _short_document(short: str, name: str) -> bool:
    """Whether *short* is a document's head after the acronym of its topic: "TBT Agreement"
    of "WTO Agreement on Technical Barriers to Trade" (the topic's first word or two may be
    left out: "the Application of …")."""
    parts = short.split()
    if len(parts) != 2 or not en.is_acronym(parts[0]) or classify(parts[1])[0] != HEAD:
        return False
    topic = re.search(rf"\b{re.escape(parts[1])} (?:on|of|for) (?:the )?(.+)$", name)
    if topic is None:
        return False
    words = topic.group(1).split()
    return any(spells(parts[0], words[k:]) for k in range(min(3, len(words))))


def _short_title(short: str, title: str) -> bool:
    """Whether *short* is a programme's short title made of its title's initials in order,
    some skipped, its first with the title's first word or the word after an owner's
    acronym: "PRISM" of "Protecting Rights and Improving Skills of Migrant Workers in
    Central Asia", "QI4Trade" of "Quality Infrastructure for Trade in Central Asia", "CADAP"
    of "EU Central Asia Drug Action Programme"."""
    capitals = [c for c in short if c.isupper()]
    initials = [w[0] for w in title.replace("-", " ").split() if w.lower() not in en.CONNECTORS]
    if " " in short or len(capitals) < 2 or not initials:
        return False
    for skip in (0, 1) if classify(title.split()[0])[0] in (ACRONYM, PLACE, PARTY) else (0,):
        rest = iter(initials[skip:])
        if capitals[0] == initials[skip] and all(c in rest for c in capitals):
            return True
    return False


#: a numbered short name in capitals, which spells no words: "COP30", "MC13", "EXPO-2017"
_NUMBERED_CODE = re.compile(r"[A-Z]{2,}[\-\u2013]?\d{1,4}")


def _quoted(text: str, start: int, end: int) -> list[Mention]:
    """A quoted run of capitals is one name: “Just and Fair Kazakhstan”."""
    units, seps = _units(text[start:end], start)
    kind = _kind_of(units, seps)
    if kind in ("other", "place"):
        kind = "route/programme/event" if len(units) > 1 else kind
    return [Mention(_text(units, seps), start, end, kind), *_nested(units, seps)]

