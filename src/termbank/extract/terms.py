"""The term track: the common (lower-case) terminology of a text, beside the name track.

Candidates are noun phrases found by spaCy's English tagger and lemmatiser: (ADJ|NOUN)*
NOUN, NOUN of (ADJ|NOUN)* NOUN, hyphenated compounds as one word, a short form first or
last ("acute HF"), an adverb of a relational adjective first ("politically exposed
persons"); and plain adjectives alone ("cardiac", part of speech adjective). Forms
group by lemma (plural, possessive, case, hyphen or space). Termhood is the textbook
C-value (Frantzi, Ananiadou & Mima 2000: nested terms keep the occurrences the longer ones
do not explain) times domain specificity (how much rarer the words are in general English,
from ``wordfreq``) times spread over documents. A phrase that lies inside a name the name track
found is not a loose occurrence: names win where both claim a span.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from termbank.extract import tagger
from termbank.extract.lists import demonyms, descriptors, given_names, places
from termbank.lang import en

MAX_WORDS = 6
MAX_OCCURRENCES = 20
#: heads that make a capitalised adjective part of a common term ("Eurasian continent")
GEOGRAPHIC_HEADS = frozenset({"continent", "subcontinent", "region", "peninsula", "steppe",
                              "basin", "plateau", "lowland", "highlands", "coast"})
#: pronouns that are only subjects: the word after one is a verb ("we co-finance")
SUBJECT_PRONOUNS = frozenset({"i", "we", "they", "he", "she"})
#: nouns of time measure: as the first word of a phrase they belong to an adverbial
#: ("last year visa requirements") or a measure ("a 10-year visa"), not to a term
TIME_UNITS = frozenset({"year", "month", "week", "day", "decade", "century", "hour", "minute"})
#: a span of time counted in a hyphenated modifier ("a two-day workshop", "a 10-year visa",
#: "a three-month-long course") measures an instance, as a time unit does
_TIME_SPAN = re.compile(r"(?:\d+|[a-z]+)-(?:%s)s?(?:-long|-old)?" % "|".join(sorted(TIME_UNITS)))
#: prepositions that join a term's head to its complement, "of" first: "rule of law",
#: "violence against women", "access to information"; a phrase with one must recur to be a
#: term (bar a kind of document's "X of Y"). Not "with": "patients with heart failure",
#: "treatment with ivabradine" describe cases more often than they name a concept
LINKS = ("of", "against", "to")
#: adverbs of time the tagger may read as nouns ("no country is on the list today")
TIME_DEICTICS = frozenset({"today", "yesterday", "tomorrow", "tonight"})
#: adverbials whose noun names nothing of the text: "for example joint landfills", "for the
#: first time municipalities …", "at the same time"; (last word, words before it)
ADVERBIAL_IDIOMS = {"example": (("for",),), "instance": (("for",),),
                    "time": (("for", "the", "first"), ("for", "the", "second"),
                             ("for", "the", "last"), ("at", "the", "same"))}
#: the first part of a hyphenated adjective that is graded: "best-known", "most-visited"
GRADED_PARTS = frozenset({"best", "worst", "most", "least", "better", "worse"})
#: general nouns (Halliday & Hasan 1976, Cohesion in English, §6.4; Schmid 2000, English
#: Abstract Nouns as Conceptual Shells): as the head of a phrase they name no kind of thing
#: of their own, so "administrative justice cases", "soft connectivity needs" are no terms
#: and leave their modifiers ("administrative justice") their occurrences. With them, the
#: shell nouns of aim and possibility, of attempt, and those that weigh or place a thing
#: ("joint efforts", "mutual importance", "global role"). Heads that are also technical
#: ("area", "field", "level", "point", "part") are not listed, nor those a domain's terms
#: have ("public interest", "financial benefit" in anti-corruption law).
GENERAL_HEADS = frozenset({"thing", "matter", "affair", "question", "issue", "case", "fact",
                           "idea", "aspect", "sphere", "need", "way", "kind", "sort", "manner",
                           "nature", "respect", "regard", "dimension", "situation", "context",
                           "aim", "goal", "purpose", "reason", "possibility", "ability",
                           "chance", "opportunity", "attempt", "effort", "importance",
                           "significance", "relevance", "role"})
#: termhood a candidate needs in a short text (up to SHORT_TEXT words) and in a long one (LONG_TEXT
#: words and more), log-linear in between: one sighting is all a short text can give, while a
#: long text shows its terms again and again. Set on the six development texts (600–1,800 words)
#: and on two corpora of the ACTER benchmark (corruption, heart failure; about 45,000 words each)
THRESHOLD_SHORT, THRESHOLD_LONG = 0.3, 1.0
SHORT_TEXT, LONG_TEXT = 2_000, 50_000


def threshold(words: int) -> float:
    """The termhood a candidate needs in a corpus of *words* running words.

    >>> threshold(1_800), threshold(50_000), round(threshold(10_000), 2)
    (0.3, 1.0, 0.65)
    """
    share = math.log(max(words, SHORT_TEXT) / SHORT_TEXT) / math.log(LONG_TEXT / SHORT_TEXT)
    return THRESHOLD_SHORT + (THRESHOLD_LONG - THRESHOLD_SHORT) * min(share, 1.0)


@functools.cache
def zipf(word: str) -> float:
    """General-English frequency on the Zipf scale (0 = unseen, 7 = 'the')."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@dataclass(slots=True)
class Unit:
    """One word for the patterns; a hyphenated compound is one unit."""

    text: str
    lemma: str
    pos: str  # NOUN, ADJ or "" (anything a term cannot contain)
    start: int
    end: int
    tag: str = ""


@dataclass(slots=True)
class TermRow:
    """Everything seen of one lemma key."""

    words: int
    forms: Counter = field(default_factory=Counter)
    documents: Counter = field(default_factory=Counter)
    occurrences: list = field(default_factory=list)
    contexts: list = field(default_factory=list)
    frequency: int = 0
    loose: int = 0  # occurrences outside every name
    error: int = 0  # how many occurrences it may have lost to pruning (lossy counting)
    short_forms: tuple[str, ...] = ()  # the short forms it holds, as written ("HF")
    part_of_speech: str = "noun"  # "adjective" for a word seen only as one ("cardiac")
    before_of: int = 0  # loose occurrences of a one-word phrase before "of" + a lower-case word
    coordinated: Counter | None = None  # loose occurrences after "X and": "X and <form>" → n
    coordinated_at: list | None = None  # and where they are, as ``occurrences``


_LONG_RUN = re.compile(r"\S{65,}")
CHUNK = 50_000  # characters tagged at a time, cut at a line break or space


def chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of *text*, pieces of at most about CHUNK characters."""
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + CHUNK // 2, end)
            end = cut + 1 if cut != -1 else end
        yield start, text[start:end]
        start = end


def units_of(text: str) -> list[Unit]:
    """The tagged units of a whole text, offsets into *text*."""
    units: list[Unit] = []
    # a run of 65+ non-space characters is no word of a term, and spaCy's tokenizer is slow
    # on it: blank it out, keeping every offset
    text = _LONG_RUN.sub(lambda m: " " * len(m.group()), text)
    pieces = list(chunks(text))
    for (offset, piece), doc in zip(pieces, tagger.pipeline().pipe(p for _o, p in pieces)):
        units.extend(_units(doc, offset, piece))
    for k, unit in enumerate(units):  # "Waste collection fees …": the tagger read a name
        if unit.tag in ("NNP", "NNPS") and _common_noun_opening(units, k, text):
            units[k] = Unit(unit.text, unit.text.lower(), "NOUN", unit.start, unit.end, "NN")
    return units


def _units(doc, offset: int = 0, source: str | None = None) -> list[Unit]:
    # token attributes are read as one array: making a spaCy Token per attribute read cost
    # more than everything else the term track does
    from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LEMMA, LOWER, ORTH, POS, SPACY, TAG

    strings = doc.vocab.strings
    hyphen, vbn, verbal_pos, subject_pronouns, plurals, possessive = _ids(strings)
    aux = strings.add("AUX")
    columns = doc.to_array([ORTH, IDX, SPACY, POS, TAG, LEMMA, IS_ALPHA, IS_STOP, LOWER]).T
    orths, idxs, spaces, poss, tags, lemmas, alphas, stops, lowers = columns.tolist()
    if source is None:
        source = doc.text  # the text the doc was made from; doc.text joins every token
    units: list[Unit] = []
    n = len(orths)
    i = 0
    while i < n:
        j = i
        # a hyphenated compound: word-word(-word) with no spaces around the hyphens
        while (j + 2 < n and orths[j + 1] == hyphen and not spaces[j]
               and not spaces[j + 1] and alphas[j + 2]):
            j += 2
        if tags[i] in plurals and i + 1 < n and tags[i + 1] == possessive and not spaces[i] \
                and alphas[i] and strings[orths[i + 1]] in ("'s", "’s"):
            # the possessive of an irregular plural classifies the noun after it, as a noun
            # would: "women's representation", "children's rights". A singular owner names
            # one ("the country's schools"), and so, most often, does a regular plural's
            # ("workers' representatives", "taxpayers' money")
            j = i + 1
            start = idxs[i]
            end = idxs[j] + len(strings[orths[j]])
            text = source[start:end]
            lemma, pos, tag = strings[lemmas[i]].lower(), "NOUN", "POS"
        elif j == i:
            # a participle after an auxiliary, noun or pronoun is verbal ("had signed", "the
            # law signed"), before a noun it is an adjective ("forged passports"), and so it
            # is after a lexical verb ("used controlled deliveries"); the rest depends on the word
            verbal = tags[i] == vbn and i > 0 and (
                poss[i - 1] in verbal_pos  # ("have also paid": an auxiliary before adverbs)
                or (k := _before_adverbs(i, tags, strings)) >= 0 and poss[k] == aux)
            key = (orths[i], lemmas[i], poss[i], tags[i], verbal)
            word = _SINGLE.get(key)
            if word is None:
                word = _single(key, alphas[i], stops[i], lowers[i], strings)
            text, lemma, pos, tag = word
            start = idxs[i]
            end = start + len(text)
        else:
            last_text = strings[orths[j]]
            start, end = idxs[i], idxs[j] + len(last_text)
            text = source[start:end]
            lemma = (text[:len(text) - len(last_text)] + strings[lemmas[j]]).lower()
            pos = "NOUN" if strings[poss[j]] == "NOUN" else "ADJ"
            if not all(alphas[k] or orths[k] == hyphen for k in range(i, j + 1)) \
                    or _after_modal(i, lowers, tags, strings):
                pos = ""  # "will co-finance drip irrigation": a verb
            tag = strings[tags[j]]
        if i and lowers[i - 1] in subject_pronouns:
            pos = ""  # "we co-finance": after a subject pronoun comes a verb, not a noun
        units.append(Unit(text, lemma, pos, offset + start, offset + end, tag))
        i = j + 1
    return units


MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must"})


def _before_adverbs(i: int, tags: list[int], strings) -> int:
    """The token before token *i* and the adverbs right before it ("have also | paid"); -1
    when the text opens with them."""
    k = i - 1
    while k >= 0 and strings[tags[k]] == "RB":
        k -= 1
    return k


def _after_modal(i: int, lowers: list[int], tags: list[int], strings) -> bool:
    """Whether token *i* follows a modal verb, adverbs aside ("will also co-finance")."""
    k = _before_adverbs(i, tags, strings)
    return k >= 0 and strings[lowers[k]] in MODALS


@functools.cache
def _ids(strings) -> tuple[int, int, frozenset[int], frozenset[int], frozenset[int], int]:
    """Ids of the hyphen, the VBN tag, the parts of speech that make a participle verbal,
    the subject pronouns, the tags of a plural noun and that of a possessive ending."""
    from spacy.parts_of_speech import IDS

    return (strings.add("-"), strings.add("VBN"),
            frozenset(IDS[p] for p in ("AUX", "NOUN", "PROPN", "PRON")),
            frozenset(strings.add(p) for p in SUBJECT_PRONOUNS),
            frozenset((strings.add("NNS"), strings.add("NNPS"))), strings.add("POS"))


_SINGLE: dict[tuple, tuple[str, str, str, str]] = {}
_SINGLE_LIMIT = 500_000  # distinct (word, lemma, tag) seen; beyond it words are not cached


def _single(key: tuple, alpha: int, stop: int, lower: int, strings
            ) -> tuple[str, str, str, str]:
    """(text, lemma, pattern part of speech, tag) of a one-token unit, cached: words repeat.

    The key is (word, lemma, part of speech, tag, verbal); *alpha*, *stop* and *lower*
    are properties of the word itself, so they need no place in it."""
    orth, lemma_id, pos_id, tag_id, verbal = key
    text, lemma, tag = strings[orth], strings[lemma_id].lower(), strings[tag_id]
    pos = {"NOUN": "NOUN", "ADJ": "ADJ"}.get(strings[pos_id], "")
    if tag in ("VB", "VBP", "VBG") and alpha and lemma not in tagger.verbs() and text.islower():
        # no verb English knows: a noun misread ("to climate neutrality", "greenwashing")
        pos, lemma = "NOUN", text.lower()
    if en.is_abbreviation(text):
        # "acute HF", "LV hypertrophy", "cAMP signalling": a short form is a noun of a term;
        # which short forms may stay in one is decided once the names are known
        return _cached(key, (text, abbreviation_key(text), "NOUN", ABBREVIATION))
    if tag == "VBN":
        pos = "" if verbal else "ADJ"
        lemma = strings[lower]  # "enhanced" whether tagged JJ or VBN
    if tag in ("JJR", "JJS") or not alpha or stop or lemma in en.NUMBER_WORDS \
            or lemma in TIME_DEICTICS:
        pos = ""  # (a count is no word of a term: "… housing sector thousands of households")
    if pos == "ADJ" and (lemma in descriptors() or text.lower() in descriptors()):
        pos = ""  # "close cooperation": a descriptor describes, a term classifies
    if text.lower() in LINKS:
        pos = "OF"  # a term's head and its complement: "rule of law", "violence against women"
    if tag == "RB" and alpha and _relational_adverb(text.lower()):
        pos = "ADV"
    return _cached(key, (text, lemma, pos, tag))


def _relational_adverb(word: str) -> bool:
    """An adverb made from a relational adjective in "-al" ("politically", "criminally",
    "magnetically"): before an adjective it classifies, as its adjective would ("politically
    exposed persons", "criminally acquired assets"). Adverbs of degree, time or manner
    ("highly", "newly", "fully") and those of descriptors ("additionally") do not."""
    adjective = word[:-2]  # "politically" → "political"; "dramatically" → "dramatic(al)"
    return word.endswith("ally") and len(adjective) > 4 and adjective not in descriptors() \
        and not (adjective.endswith("ical") and adjective[:-2] in descriptors())


def _cached(key: tuple, word: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
    if len(_SINGLE) < _SINGLE_LIMIT:
        _SINGLE[key] = word
    return word


#: the tag of a unit that is a short form ("HF", "LVADs", "cAMP")
ABBREVIATION = "ABBR"


def abbreviation_key(word: str) -> str:
    """The lemma of a short form: lower case, a plural's "s" dropped ("LVADs" → "lvad")."""
    return en.acronym_singular(word).lower()


@functools.lru_cache(maxsize=1 << 16)
def _inner_capital(word: str) -> bool:
    return any(c.isupper() for c in word[1:])


_OPENING = frozenset(" \t\xa0\"“‘'(")


def _opens_sentence(text: str, start: int) -> bool:
    """After a full stop, colon, line break or a dateline's dash ("BISHKEK, 21 October 2025 –
    Border management …")."""
    k = start - 1  # back over spaces, quotes and brackets, without copying the text
    while k >= 0 and text[k] in _OPENING:
        k -= 1
    return k < 0 or text[k] in ".!?:\n–—"


#: tags of a finite verb: a clause has one
FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})
#: a verb agrees with the noun before it: "the agency alerts", "the Council of the EU screens"
_NUMBER_SWAP = {"NNS": ("NN", "NNP", ABBREVIATION), "NN": ("NNS",)}
_OBJECT_OPENERS = frozenset({"DT", "PDT", "PRP$", "CD", "JJ"})  # words that open an object
#: words that open a clause of its own after ", ": its verb is not the clause's before
_CLAUSE_JOINS = frozenset({"and", "but", "or", "while", "whereas"})
#: what opens a subordinate clause: its finite verb is not the main clause's
_SUBORDINATORS = frozenset({"who", "which", "that", "whose", "whom", "where", "when", "before",
                            "after", "because", "if", "while", "since", "although", "unless",
                            "until", "though", "whereas", "as"})


def _verbs_read_as_nouns(units: list[Unit], text: str) -> set[int]:
    """Units the tagger read as nouns that are their clause's verb ("An early warning system
    alerts villages …", "the main open questions concern traffic rights …", "The readmission
    agreement obliges each side …, who do not …"). Clauses end at a full stop or a
    semicolon, or before ", and|but|or"; a line that ends in none is a heading, whose verb
    is told apart only after the names of who acts ("Kazakhstan and EU sign memorandum on
    …")."""
    out: set[int] = set()
    start = 0
    for end, unit in enumerate(units):
        blank = "\n" in unit.text  # spaCy's token of a line break
        if blank or end > start and "\n" in text[units[end - 1].end:unit.start]:
            verb = _headline_verb(units, range(start, end))  # a line without a full stop:
            if verb is not None:                            # a heading, a byline
                out.add(verb)
            start = end + blank
            if blank:
                continue
        joined = unit.text in _CLAUSE_JOINS and end > start and units[end - 1].text == ","
        if unit.text not in (".", "!", "?", ";") and not joined:
            continue
        verb = _misread_verb(units, range(start, end - 1 if joined else end))
        if verb is None and unit.text == ".":
            verb = _attribution_verb(units, range(start, end))
        if verb is not None:
            out.add(verb)
        start = end + 1
    return out


#: verbs that attribute a news item to its source at a sentence's end
_REPORTING = frozenset({"report", "say", "write", "inform", "announce", "state", "note"})


def _attribution_verb(units: list[Unit], sentence: range) -> int | None:
    """The verb of a source named after a comma and an article at a sentence's end, read as
    a plural noun (", a Kazinform correspondent reports.", ", the ministry's press service
    informs."); None if the sentence does not end so."""
    k = sentence.stop - 1
    if k - 1 <= sentence.start or units[k].tag != "NNS" or units[k].lemma not in _REPORTING \
            or units[k - 1].pos != "NOUN":
        return None
    comma = next((n for n in range(k - 1, max(sentence.start, k - 8) - 1, -1)
                  if units[n].text == ","), None)
    # the source opens with an article: a list's last item does not ("…, risk management
    # plans and periodic safety update reports.")
    if comma is None or units[comma + 1].tag not in ("DT", "PRP$") \
            or any(units[n].tag in FINITE for n in range(comma + 1, k)):
        return None
    return k


def _headline_verb(units: list[Unit], line: range) -> int | None:
    """The verb of a headline that opens with who acts, places, acronyms and names joined by
    "and" ("Kazakhstan and EU sign memorandum …", "EU, Uzbekistan launch project …", "EU and
    UN Tourism launch programme …"): its first lower-case word, when English has it as a
    verb; None otherwise."""
    k = line.start
    while k < line.stop and (units[k].tag == ABBREVIATION or units[k].text in ("and", ",")
                             or units[k].text.lower() in places()
                             or units[k].tag in ("NNP", "NNPS")):
        k += 1
    if k == line.start or k + 1 >= line.stop or units[k - 1].text in ("and", ",") \
            or not any(units[n].text in ("and", ",") for n in range(line.start, k)):
        return None  # (two who act: "EU and UN Tourism launch …", not "Tourism Committee …")
    unit = units[k]
    return k if unit.text.islower() and unit.pos == "NOUN" and unit.lemma in tagger.verbs() \
        else None


def _misread_verb(units: list[Unit], clause: range) -> int | None:
    """The one misread verb of a main clause with an article and no finite verb before its
    first subordinate clause: the first noun that is also an English verb, right after a noun
    of the number its verb form agrees with, and before what opens its object; None if
    none. (Before a preposition, a conjunction or a participle it is a noun after all, of a
    list joined by ", and": "…, and the requirements for bioequivalence studies and …")"""
    main = next((range(clause.start, k) for k in clause
                 if units[k].text.lower() in _SUBORDINATORS), clause)
    if any(units[k].tag in FINITE and units[k - 1].text != "and" for k in main):
        return None  # (a verb after "and" shares the subject: "… screens X and updates Y")
    article = False
    for k in main:
        unit, before = units[k], units[k - 1]
        article = article or unit.tag == "DT"
        if article and k > main.start and k + 1 < len(units) and unit.pos == "NOUN" \
                and unit.text.islower() and (before.pos == "NOUN" or before.tag == "NNP") \
                and before.tag in _NUMBER_SWAP.get(unit.tag, ()) \
                and unit.lemma in tagger.verbs() and (units[k + 1].pos in ("NOUN", "ADJ")
                                                      or units[k + 1].tag in _OBJECT_OPENERS):
            return k
    return None


def _allowed(units: list[Unit], text: str) -> list[bool]:
    """Which units may stand in a term: lower case, or capitalised only for a reason."""
    out = []
    verbs = _verbs_read_as_nouns(units, text)
    for k, unit in enumerate(units):
        if k in verbs:
            out.append(False)
            continue
        if unit.tag == ABBREVIATION:
            out.append(True)
            continue
        ok = bool(unit.pos) and not _inner_capital(unit.text)  # "fromTCA"
        if ok and _in_reduplication(units, k):
            ok = False  # "open market access step by step", "case by case": an adverbial
        if ok and k and units[k - 1].lemma == "help" and units[k - 1].tag.startswith("VB") \
                and unit.tag in ("NN", "VB") and unit.lemma in tagger.verbs():
            ok = False  # "will help design contribution schemes": a bare infinitive
        if ok and k and units[k - 1].text in ("per", "Per"):
            ok = False  # "a 90 per cent reduction", "per capita income": a Latin unit
        if ok and "-" in unit.text and (unit.text.lower() in descriptors()
                                        or unit.text.lower().split("-")[0] in GRADED_PARTS):
            ok = False  # "large-scale", "forward-looking", "best-known": descriptors too
        if ok and unit.lemma in ADVERBIAL_IDIOMS and _in_idiom(units, k):
            ok = False  # "for example", "for the first time": an adverbial
        if ok and unit.pos == "ADJ" and k > 1 and units[k - 1].tag in ("RBR", "RBS") \
                and units[k - 2].tag in ("DT", "PRP$", "POS"):
            ok = False  # "the most harmful form", "a more credible budget": an adjective that
            # is graded describes, a term's adjective classifies; ("most renewable energy
            # projects": "most" says how many)
        if ok and unit.pos != "OF" and unit.text[:1].isupper():
            if unit.tag in ("NNP", "NNPS") or any(c.isupper() for c in unit.text[1:]):
                ok = False
            elif _opens_sentence(text, unit.start) and unit.text.lower() not in demonyms():
                ok = True  # (not "Uzbek cherries": a demonym is capitalised anywhere)
            else:
                following = units[k + 1] if k + 1 < len(units) else None
                ok = (unit.pos == "ADJ" and following is not None
                      and following.lemma in GEOGRAPHIC_HEADS)
        out.append(ok)
    return out


#: a capitalised word opening a sentence is a common noun the tagger read as a name when it
#: is this common in general English (Zipf) in lower case: "Waste collection fees …" after a
#: heading ("waste" 4.6)
COMMON_OPENING_ZIPF = 4.0
_CLOSING = (".", "!", "?", "\"", "”", "’")
HEADING_LENGTH = 300  # characters: a line longer than this is running text, not a heading


def _common_noun_opening(units: list[Unit], k: int, text: str) -> bool:
    """Whether unit *k*, tagged a proper noun, opens a sentence as a common noun before a
    lower-case noun: "Waste collection fees in Dushanbe …"; not a place, a person's name or a
    demonym ("Brussels officials", "Kazakh exports"), nor a word of a heading."""
    word = units[k].text
    following = units[k + 1] if k + 1 < len(units) else None
    if following is None or following.pos != "NOUN" or not following.text[:1].islower() \
            or not word[:1].isupper() or not word[1:].islower() \
            or not _opens_sentence(text, units[k].start):
        return False
    end = text.find("\n", units[k].start, units[k].start + HEADING_LENGTH)
    if end >= 0 and not text[units[k].start:end].rstrip().endswith(_CLOSING):
        return False  # a heading ("Press release of the Delegation …"): no sentence
    lower = word.lower()
    return zipf(lower) >= COMMON_OPENING_ZIPF and lower not in places() \
        and lower not in demonyms() and lower not in given_names()


def _in_idiom(units: list[Unit], k: int) -> bool:
    """Whether unit *k* ends one of the :data:`ADVERBIAL_IDIOMS`."""
    return any(k >= len(before) and tuple(u.text.lower() for u in units[k - len(before):k])
               == before for before in ADVERBIAL_IDIOMS[units[k].lemma])


def _in_reduplication(units: list[Unit], k: int) -> bool:
    """Whether unit *k* is a noun repeated around "by" ("step by step", "year by year")."""
    lemma = units[k].lemma
    return (k + 2 < len(units) and units[k + 1].text == "by" and units[k + 2].lemma == lemma) \
        or (k >= 2 and units[k - 1].text == "by" and units[k - 2].lemma == lemma)


def find_phrases(units: list[Unit], text: str, allowed: list[bool] | None = None
                 ) -> Iterator[tuple[int, int]]:
    """(first, last) unit indexes of every pattern match, nested ones included."""
    if allowed is None:
        allowed = _allowed(units, text)
    n = len(units)
    for i in range(n):
        if not allowed[i] or units[i].pos not in ("ADJ", "NOUN", "ADV") \
                or units[i].lemma in TIME_UNITS or _is_time_span(units[i].text):
            continue  # "last year visa requirements": a time unit opens an adverbial
        if _lone_adjective(units[i]):
            yield i, i
        seen_of = False
        for j in range(i, min(n, i + MAX_WORDS)):
            if not allowed[j] or (j > i and units[j].start - units[j - 1].end > 1):
                break
            if units[j].pos == "ADV":  # only first, and only before an adjective
                if j > i or j + 1 == n or units[j + 1].pos != "ADJ":
                    break
                continue
            if units[j].pos == "OF":
                if seen_of or j == i or units[j - 1].pos != "NOUN":
                    break
                seen_of = True
                continue
            if seen_of and units[j].pos != "NOUN":
                break  # "rule of law", not "anniversary of diplomatic relations"
            if units[j].pos == "NOUN" and not _attributive(units, j, allowed) and \
                    _short_forms_fit(units, i, j, seen_of):
                yield i, j


def _is_time_span(word: str) -> bool:
    """"two-day", "10-year", "one-year", "six-month-long"; not "day-to-day" or "year-round"."""
    count = word.split("-")[0].lower()
    return _TIME_SPAN.fullmatch(word.lower()) is not None \
        and (count.isdigit() or count == "one" or count in en.NUMBER_WORDS)


def _coordinated_with(units: list[Unit], i: int, allowed: list[bool]) -> bool:
    """Whether the phrase opening at unit *i* follows one singular word of its first word's
    part of speech and "and", which share the rest of it: "needle and syringe programmes",
    "sanitary and phytosanitary measures"; not "farmers and food processors", "business and
    people-to-people ties" nor "trade routes and energy links" (a word before the other one:
    a list of phrases)."""
    if i < 2 or units[i - 1].text != "and":
        return False
    first, other = units[i], units[i - 2]
    if other.pos != first.pos or not allowed[i - 2] or other.tag not in ("NN", "JJ") \
            or not other.text.islower() or "-" in other.text or "-" in first.text:
        return False  # (a plural or a compound before "and" is an item of a list)
    before = i - 3
    return before < 0 or not allowed[before] or units[before].pos == "OF"


def _coordination_start(units: list[Unit], i: int, allowed: list[bool]) -> int:
    """The first word of a coordination whose last member opens the phrase at *i*, with the
    members listed before "and": "illegal, unreported and unregulated fishing"."""
    k = i - 2
    while k >= 2 and units[k - 1].text == "," and units[k - 2].pos == units[i].pos \
            and allowed[k - 2] and units[k - 2].tag in ("NN", "JJ") \
            and units[k - 2].text.islower() and "-" not in units[k - 2].text \
            and (k < 3 or not allowed[k - 3] or units[k - 3].text == ","):
        k -= 2
    return k


def _lone_adjective(unit: Unit) -> bool:
    """An adjective that may be a term on its own: a plain one (tag JJ), written in lower
    case, not hyphenated ("cardiac", "phytosanitary", "statutory"); whether it is one is
    left to the one-word gate, as for nouns. Participles ("assessed", "ratified") and
    adjectives in "-ed" ("initialed", "detailed") are not."""
    return unit.pos == "ADJ" and unit.tag == "JJ" and unit.text[:1].islower() \
        and "-" not in unit.text and not unit.text.endswith("ed")


def _short_forms_fit(units: list[Unit], i: int, j: int, seen_of: bool) -> bool:
    """A short form stands first or last in a term of plain words, and not in an "X of Y"
    ("acute HF", "LV hypertrophy"; not "HF", "CF LVAD", "increased HF hospitalization",
    "treatment of HF")."""
    short = [k for k in range(i, j + 1) if units[k].tag == ABBREVIATION]
    return not short or (len(short) < j - i + 1 and not seen_of
                         and all(k in (i, j) for k in short))


def _attributive(units: list[Unit], j: int, allowed: list[bool]) -> bool:
    """A hyphenated compound right before an adjective is one of a row of adjectives
    ("large-scale political reforms"): no phrase ends there. Before a noun it may be a noun
    itself ("e-government portal")."""
    following = j + 1
    return ("-" in units[j].text and following < len(units) and allowed[following]
            and units[following].pos == "ADJ"
            and units[following].start - units[j].end <= 1)


def _short_forms(units: list[Unit], i: int, j: int) -> tuple[str, ...]:
    return tuple(u.text for u in units[i:j + 1] if u.tag == ABBREVIATION)


def key_of(units: list[Unit]) -> tuple[str, ...]:
    """Lemma key: plural, possessive, case and hyphen-or-space do not matter."""
    if len(units) == 1:
        return _lemma_words(units[0].lemma)
    return tuple(w for unit in units for w in _lemma_words(unit.lemma))


@functools.lru_cache(maxsize=1 << 16)
def _lemma_words(lemma: str) -> tuple[str, ...]:
    return tuple(lemma.replace("-", " ").split())


#: every PRUNE_WORDS running words the term table forgets the phrases too rare to matter
#: (lossy counting, Manku & Motwani 2002): a phrase is dropped when its count, plus what it
#: may have lost before it was first seen, is no more than the number of such periods. The
#: table then stays bounded as the corpus grows, and any count is at most
#: words / PRUNE_WORDS short. Corpora under PRUNE_WORDS words are counted exactly.
PRUNE_WORDS = 200_000


class TermTable:
    """Term candidates of a stream of documents, with counts bounded per candidate."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, ...], TermRow] = {}
        self.documents: list[str] = []
        self.words = 0  # running words (tagged units) of every document
        self.periods = 0  # PRUNE_WORDS periods completed, and pruned
        self.expanded: dict[tuple[str, ...], str] = {}  # key → an acronym's expansion it is

    def add_document(self, name: str, text: str, name_spans: list[tuple[int, int]],
                     expansions: list[tuple[int, int]] = ()):
        """Count the phrases of one document. A phrase that meets a name's span, or lies
        within an acronym's expansion ("medium-sized enterprises" in "small and medium-sized
        enterprises (SMEs)"), is no loose occurrence; one that holds an expansion is
        ("myocardial diastolic dysfunction (DD)")."""
        self.documents.append(name)
        units = units_of(text)
        self.words += len(units)
        starts, ends = _merged(name_spans)
        expansion_starts, expansion_ends = _merged(list(expansions))
        exact = set(expansions)
        sentences: dict[tuple[int, int], str] = {}  # one string per sentence, not per row
        allowed = _allowed(units, text)
        for i, j in find_phrases(units, text, allowed):
            start, end = units[i].start, units[j].end
            key = key_of(units[i:j + 1])
            row = self.rows.get(key)
            if row is None:
                row = self.rows[key] = TermRow(words=len(key), error=self.periods,
                                               short_forms=_short_forms(units, i, j))
                if units[j].pos == "ADJ":
                    row.part_of_speech = "adjective"
            elif units[j].pos == "NOUN":
                row.part_of_speech = "noun"  # "diuretic": a noun as well
            form = text[start:end]
            if (start, end) in exact:
                self.expanded[key] = form
            row.frequency += 1
            row.documents[name] += 1
            k = bisect.bisect_left(ends, start + 1)  # first claimed span ending after start
            inside = k < len(starts) and starts[k] < end
            if not inside and expansion_starts:
                e = bisect.bisect_right(expansion_starts, start) - 1  # last one opening before
                inside = e >= 0 and end <= expansion_ends[e]
            if not inside:
                row.loose += 1
                if i == j and j + 2 < len(units) and units[j + 1].text == "of" \
                        and units[j + 2].text[:1].islower():
                    row.before_of += 1
                row.forms[form] += 1
                if j > i and _coordinated_with(units, i, allowed):
                    if row.coordinated is None:
                        row.coordinated, row.coordinated_at = Counter(), []
                    first = units[_coordination_start(units, i, allowed)].start
                    whole = text[first:end]
                    row.coordinated[whole] += 1
                    if len(row.coordinated_at) < MAX_OCCURRENCES:
                        row.coordinated_at.append((name, first, end, whole))
                if len(row.occurrences) < MAX_OCCURRENCES:
                    row.occurrences.append((name, start, end, form))
                if len(row.contexts) < 2:
                    bounds = _sentence_bounds(text, start, end)
                    sentence = sentences.get(bounds)
                    if sentence is None:
                        sentence = sentences[bounds] = " ".join(text[bounds[0]:bounds[1]].split())
                    row.contexts.append({"document": name, "text": sentence})
        if self.words // PRUNE_WORDS > self.periods:
            self.periods = self.words // PRUNE_WORDS
            self.rows = {key: row for key, row in self.rows.items()
                         if row.frequency + row.error > self.periods}

    def scored(self, names: frozenset[str] = frozenset(),
               abbreviation_ok=lambda word: True
               ) -> list[tuple[float, tuple[str, ...], TermRow]]:
        """(termhood, key, row) for every candidate that is not one of *names*, best first.

        *names* are lower-case forms the name track holds ("enhanced partnership cooperation
        agreement" written in lower case is still the EPCA): such a phrase is no term, and
        it explains the phrases nested in it as a term would. A phrase holding a short form
        that is not *abbreviation_ok* counts as never seen ("GRECO budget" leaves "budget"
        its occurrences).
        """
        rows = {key: row for key, row in self.rows.items()
                if all(abbreviation_ok(w) for w in row.short_forms)}
        named = {key for key, row in rows.items() if " ".join(key) in names
                 or any(" ".join(f.lower().split()) in names for f in row.forms)}
        containers = _containers(rows, named)
        # a container explains its parts only with occurrences of its own: "renewable hydrogen
        # value" lies wholly inside "renewable hydrogen value chains" and explains nothing
        own = {key: rows[key].frequency - _mean(rows[c].frequency for c in cs)
               for key, cs in containers.items()}
        longer = {key: [rows[c].frequency for c in cs if own.get(c, 1) > 0]
                  for key, cs in containers.items()}  # (a container nested in none has its own)
        out = []
        for key, row in rows.items():
            if not row.loose or key in named:
                continue
            out.append((termhood(key, row, longer.get(key, [])), key, row))
        out.sort(key=lambda t: (-t[0], t[1]))
        return out



def _containers(rows: dict, named: set) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """For each nested candidate, the longer candidates that explain its occurrences.

    A container that is itself no term explains none of its parts, nor does a compound
    of two terms explain its halves: in "renewable hydrogen value chains" both
    "renewable hydrogen" and "value chains" are terms of their own (terms rarely run to
    four words; a longer phrase is most often two terms joined). A name explains all.
    """
    containers: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for key, row in rows.items():
        if not _shape_ok(key, row) and key not in named:
            continue
        halves = set() if key in named else _halves(rows, key, row)
        for a in range(len(key)):
            for b in range(a + 1, len(key) + 1):
                part = key[a:b]
                if (a, b) != (0, len(key)) and part in rows and part not in halves:
                    containers[part].append(key)
    return containers


def _halves(rows: dict, key: tuple[str, ...], row: TermRow) -> set[tuple[str, ...]]:
    """The two halves of a four-word compound of two two-word terms, if the text says so.

    "renewable hydrogen value chains", seen twice, is [renewable hydrogen][value chains]
    when no phrase across the cut ("hydrogen value", "renewable hydrogen value") is seen
    outside it; "integrated water resources management" is not, when "water resources"
    stands alone elsewhere (the bracketing test of Lauer 1995, on the text's own counts).
    """
    if len(key) != 4 or "of" in key or row.frequency < 2:
        return set()  # one sighting says nothing of how a compound brackets
    across = (key[1:3], key[:3], key[1:])
    if any(rows[p].frequency > row.frequency for p in across if p in rows):
        return set()
    return {key[:2], key[2:]}


def _mean(values: Iterable[int]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, non-overlapping (starts, ends) covering *spans*."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def c_value(words: int, frequency: int, longer: list[int]) -> float:
    """C-value with log2(1 + |a|), so that one-word terms score too, and the occurrences
    inside longer candidates counted as at least the commonest container's.

    The textbook subtracts the containers' mean frequency, so a phrase seen only inside one
    frequent container ("chronic heart" in "chronic heart failure", 32 times) keeps most of
    its count when a few rare containers pull the mean down; every occurrence of a container
    holds one of the phrase, so the commonest container is a floor on what is nested.

    >>> c_value(2, 3, []), c_value(2, 3, [2]), c_value(2, 32, [32, 1, 1])
    (4.754887502163468, 1.584962500721156, 0.0)
    """
    nested = frequency - (max(longer) if longer else 0)
    return math.log2(1 + words) * max(nested, 0)


def specificity(key: tuple[str, ...]) -> float:
    """How much rarer than everyday English the phrase's words are, 0..1 (mean per word).

    *key* holds the words as written (lower case): a lemma can be another word's form
    ("rights" → "right", "data" → "datum") and have another frequency.
    """
    words = [w for w in key if w not in LINKS]
    return sum(max(0.0, 6.0 - zipf(w)) / 6.0 for w in words) / max(1, len(words))


#: a one-word term must be rarer than this in general English (Zipf): "digitalization" 2.1,
#: "hydropower" 2.9 pass; "cooperation" 4.3, "trade" 5.1 do not
ONE_WORD_ZIPF = 3.0
#: ... or, seen ONE_WORD_REPEATS times, rarer than this ("corruption" 4.3, "heart" 4.9 do not
#: pass; "laundering" 3.5, "turbine" 3.6 do)
ONE_WORD_ZIPF_REPEATED, ONE_WORD_REPEATS = 4.0, 5
#: ... or, seen ONE_WORD_FREQUENT times, rarer than this: a word the text keeps coming back to
#: ("census" 4.19, "unemployment" 4.22 pass; "cooperation" 4.30, "corruption" 4.35 do not)
ONE_WORD_ZIPF_FREQUENT, ONE_WORD_FREQUENT = 4.25, 10


#: ordinal words: opening a phrase they number an instance ("the second meeting", "the tenth
#: phase"); the lexicalised ones recur ("second reading"). ("first" and "third" are spaCy
#: stop words, which open no phrase anyway.)
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                      "eighth", "ninth", "tenth", "eleventh", "twelfth"})
#: ... and those made regularly: "seventeenth", "twentieth", "twenty-fifth", "hundredth"
_ORDINAL = re.compile(r"(?:\w+-)?(?:%s|\w+teenth|\w+tieth|hundredth|thousandth)"
                      % "|".join(sorted(ORDINALS)))


def is_ordinal(word: str) -> bool:
    """Whether *word* is an ordinal number.

    >>> [is_ordinal(w) for w in ("seventeenth", "twenty-fifth", "second", "growth")]
    [True, True, True, False]
    """
    return _ORDINAL.fullmatch(word.lower()) is not None


#: endings of nouns made from verbs: such a noun names a process of its own even when every
#: sighting has an object after "of" ("digitalisation of transport", "afforestation of …")
DEVERBAL_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ing", "ure", "al")


def _shape_ok(key: tuple[str, ...], row: TermRow) -> bool:
    """Shapes that are rarely terms on one sighting: a common single word, a lone X of Y (but
    a kind of document's) or X against|to Y, a lone phrase opened by an ordinal; and never: a
    phrase headed by a general noun, nor a single noun other than a verb's that is only ever
    seen as the head of an "X of Y" ("memoranda" of "memoranda of understanding", which must
    recur to be a term)."""
    written = row.forms.most_common(1)[0][0] if row.forms else key[0]
    # (a preposition inside a hyphenated word links nothing: "people-to-people ties")
    linked = next((w for w in written.lower().split() if w in LINKS[1:] and w in key), None)
    link = "of" if "of" in key else linked
    head = key[key.index(link) - 1] if link else key[-1]
    if head in GENERAL_HEADS and len(key) > 1:
        return False  # "soft connectivity needs", "issues of mutual interest"
    if len(key) > 1 and is_ordinal(written.split()[0]) and row.loose < 2:
        return False  # (not "second-tier banks": a hyphenated compound is a word of its own)
    if len(key) == 1:
        if row.before_of == row.loose and not key[0].endswith(DEVERBAL_ENDINGS):
            return False  # "memoranda (of understanding)": the head of an "X of Y" alone
        surface = {f.lower() for f in row.forms} or {key[0]}
        commonest = max(zipf(w) for w in surface | {key[0]})
        return commonest < ONE_WORD_ZIPF \
            or commonest < ONE_WORD_ZIPF_REPEATED and row.frequency >= ONE_WORD_REPEATS \
            or commonest < ONE_WORD_ZIPF_FREQUENT and row.frequency >= ONE_WORD_FREQUENT
    return not link or row.loose >= 2 or link == "of" and key[0] == head \
        and en.singular(head) in _document_heads()


@functools.cache
def _document_heads() -> frozenset[str]:
    """Heads that name a kind of document ("memorandum", "code", "declaration", in
    ``heads.tsv``), in the singular: its "X of Y" is the name of a kind of document, a term
    on one sighting ("memorandum of understanding", "code of conduct", "rule of origin")."""
    from termbank.extract.lists import heads

    return frozenset(en.singular(h) for h, kind in heads().items() if kind == "agreement/document")


def termhood(key: tuple[str, ...], row: TermRow, longer: list[int]) -> float:
    """C-value × specificity × spread; 0 for shapes that are rarely terms on one sighting."""
    if not _shape_ok(key, row):
        return 0.0
    spread = 1.0 + math.log2(len(row.documents))
    written = tuple(re.findall(r"[^\W\d_]+", row.forms.most_common(1)[0][0].lower())
                    if row.forms else key)
    return c_value(len(key), row.frequency, longer) * specificity(written) * spread * 2.0


def name_spans(mentions) -> list[tuple[int, int]]:
    """Spans the name track claims. A lone capitalised word opening a sentence claims none,
    nor does a lone short form: a term may hold one ("acute HF"), and whether it may hold
    this one is decided once the names are known (:func:`candidates`)."""
    return [(m.start, m.end) for m in mentions
            if " " in m.text.strip() or not (m.initial or en.is_abbreviation(m.text.strip()))]


def _term_abbreviation(names: list):
    """Which short forms may stand in a term: those the texts define with a lower-case
    expansion ("heart failure (HF)", "left ventricular (LV)"), and those written with a
    lower-case letter inside ("cAMP", "HFpEF") that no name of a body, place or person
    holds. An undefined acronym in capitals is most often a body's ("GRECO budget", "OLAF
    investigations", "EU funding" are no terms)."""
    defined, named = set(), set()
    for c in names:
        keys = {abbreviation_key(f) for f in (c.preferred, *c.variants) if en.is_abbreviation(f)}
        if any(p["expansion"][:1].islower() for p in c.pairs):
            defined |= keys
        elif c.kind != "acronym":
            named |= keys

    def allowed(word: str) -> bool:
        key = abbreviation_key(word)
        lower_inside = any(c.islower() for c in en.acronym_singular(word))  # "cAMP", "HFpEF"
        return key in defined or (key not in named and lower_inside)
    return allowed


def candidates(table: TermTable, names: Iterable) -> list:
    """Term-track :class:`Candidate` objects above the threshold, minus what names hold."""
    from termbank.extract.candidate import Candidate
    from termbank.extract.score import squash

    names = list(names)
    owner = {" ".join(n.lower().split()): c for c in names for n in (c.preferred, *c.variants)}
    taken = set(owner)
    merged = _merge_expansions(table, owner)
    out, keys = [], []
    needed = threshold(table.words)
    for value, key, row in table.scored(frozenset(taken), _term_abbreviation(names)):
        if value < needed:
            break
        if key in merged:
            continue
        coordinated = row.coordinated if row.coordinated \
            and len({" ".join(f.lower().split()) for f in row.coordinated}) == 1 \
            and sum(row.coordinated.values()) == row.loose else None
        # seen only after one "X and": "syringe programmes" is the tail of "needle and
        # syringe programmes", which is the term; the tail stays a variant, as one may look
        # it up ("detection and" and "investigation and prosecution": two terms, neither)
        forms = [f for f, _ in (coordinated or Counter()).most_common()] + \
            [f for f, _ in row.forms.most_common()]
        preferred = next((f for f in forms if f[:1].islower()), forms[0])
        if preferred[:1].isupper() and key[-1] not in GEOGRAPHIC_HEADS and \
                not en.is_abbreviation(preferred.split()[0]):
            preferred = preferred[0].lower() + preferred[1:]
        preferred = " ".join(preferred.split())
        variants = []
        for form in forms:
            form = " ".join(form.split())
            if form.lower() != preferred.lower() and form.lower() not in \
                    {v.lower() for v in variants}:
                variants.append(form)
        if {preferred.lower(), *(v.lower() for v in variants)} & taken:
            continue
        out.append(Candidate(
            preferred=preferred, variants=variants, forms=dict(row.forms), kind="term",
            frequency=row.loose, documents=list(row.documents), contexts=list(row.contexts),
            occurrences=(row.coordinated_at if coordinated else []) + row.occurrences,
            score=squash(value),
            document_count=len(row.documents), part_of_speech=row.part_of_speech))
        keys.append(key)
    return _join_permutations(out, keys)


def _join_permutations(found: list, keys: list[tuple[str, ...]]) -> list:
    """"X of Y" and "Y X" are one term ("regulation of medicines", "medicines regulation"):
    the one seen more often is preferred, the other is its variant."""
    at = {key: n for n, key in enumerate(keys)}
    gone: set[int] = set()
    for n, key in enumerate(keys):
        if key.count("of") != 1 or key[0] == "of" or key[-1] == "of":
            continue
        k = key.index("of")
        m = at.get(key[k + 1:] + key[:k])
        if m is None or m in gone or n in gone:
            continue
        keep, drop = (found[m], found[n]) if found[m].frequency >= found[n].frequency \
            else (found[n], found[m])
        keep.absorb((drop.preferred, *drop.variants), drop.forms, drop.frequency,
                    drop.occurrences, drop.documents)
        gone.add(n if drop is found[n] else m)
    return [c for n, c in enumerate(found) if n not in gone]


def _merge_expansions(table: TermTable, owner: dict) -> set[tuple[str, ...]]:
    """Fold the loose sightings of an acronym's lower-case expansion, in any inflection,
    into the name candidate that pairs them: "a glacial lake outburst flood" joins "glacial
    lake outburst floods (GLOFs)". Returns the keys folded."""
    merged = set()
    for key, expansion in table.expanded.items():
        candidate = owner.get(" ".join(expansion.lower().split()))
        row = table.rows.get(key)
        if candidate is None or row is None or not row.loose or not expansion[:1].islower():
            continue
        merged.add(key)
        candidate.absorb(row.forms, {" ".join(f.split()): n for f, n in row.forms.items()},
                         row.loose, row.occurrences, row.documents)
    return merged


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or line) around ``text[start:end]`` begins and ends."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [p for p in (text.find(". ", end), text.find("\n", end)) if p != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return left + 1, right + 1

