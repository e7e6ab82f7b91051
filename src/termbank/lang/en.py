"""English word knowledge for term extraction: text in, text out.

Plurals and possessives ("Maslikhats", "Ministry’s"), the small words that join the
parts of a name ("of", "for", "and"), words that are capitalised only because they open a
sentence, headline case, and a spelling key under which romanisation variants of Kazakh
names meet (Majilis / Mazhilis, Tileuberdi / Tleuberdi).
"""

from __future__ import annotations

import functools
import re
import unicodedata


#: Name particles: they join the parts of one name ("von der Leyen", "Kreditanstalt für
#: Wiederaufbau"), never two names.
NAME_PARTICLES = frozenset({"von", "der", "van", "de", "del", "da", "di", "al", "el", "du",
                            "la", "le", "bin", "ibn", "für", "den", "ter", "dos", "das", "zu"})

#: Small words that may join the capitalised parts of one name.
CONNECTORS = frozenset({"of", "for", "and", "on", "the", "to", "in"}) | NAME_PARTICLES

#: Small words that stand inside a name in lower case, beside the connectors: "Minnesota
#: Living with Heart Failure Questionnaire", "Group of States against Corruption".
GRAMMAR_WORDS = CONNECTORS | {"a", "an", "with", "by", "at", "from", "against"}


#: Honorifics and military or police ranks: they mark the next name as a person and are not
#: part of it ("Dr. Aida Karimova", "Professor Dilfuza Nurmatova", "Colonel Ermek Sultanaliev";
#: not "Professor of Economics …", a title). Ranks that are also words
#: of names or titles ("General Assembly", "Major Projects", "Lieutenant Governor") count
#: only in compounds ("Major General").
HONORIFIC = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?|Professor"
                       r"|(?:Police|Lieutenant|Major|Brigadier|Colonel)[ \t\xa0]+(?:Colonel|General)"
                       r"|Colonel|Captain|Sergeant|Admiral)[ \t\xa0]+(?=[A-Z])")

MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec"})

WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})

#: Words that are capitalised in running text only when they open a sentence or a
#: headline: function words, pronouns, sentence adverbs and common verbs of news prose.
SENTENCE_WORDS = frozenset("""
a an the this that these those there here it its he she we they i you our your his her their
them us my me who whom whose which what when where why how all any both each every few many
more most much no none not only other some such than too very so yet still also and or but
nor if then else as at by for from in into of off on onto out over per since through till to
toward towards under until up upon via with within without about above across after against
along amid among around before behind below beneath beside besides between beyond despite
during except inside like near outside past regarding concerning following according
however moreover furthermore meanwhile nevertheless therefore thus hence indeed instead
besides overall today yesterday tomorrow tonight now then later earlier currently recently
speaking concluding located while whereas although though because unless once whether
prior thanks given during read view tell share click see watch subscribe follow photo
video source sources related more latest top home news date print email comments
welcome welcomed noted said added stressed emphasized emphasised underlined highlighted
trade turnover total overall meeting talks visit during participants parties sides
first second third last next new old main key major several certain numerous
should could would might must shall can does did is are was were has have had
""".split())

#: words that say how many or which of a kind, never a name's first word: capitalised in a
#: title's headline case, "Amendments to Certain Legislative Acts" names no acts of its own
QUANTIFIERS = frozenset({"all", "any", "both", "each", "every", "few", "many", "more", "most",
                         "much", "no", "other", "some", "such", "several", "certain",
                         "numerous", "various", "these", "those"})

#: Plural-looking words that are not plurals of anything else.
PLURAL_ONLY = frozenset({"affairs", "d'affaires", "d’affaires", "rights", "states", "nations", "emirates", "materials",
                         "relations", "means", "news", "times", "sports", "arts", "sciences",
                         "forces", "services", "communications", "situations", "resources",
                         "emergencies", "statistics", "economics", "politics", "physics",
                         "logistics", "sales", "goods", "measures", "politics", "islands",
                         "netherlands", "philippines", "bahamas", "headquarters", "series",
                         "species", "works", "customs", "premises", "thanks", "olympics",
                         "games", "studies", "humanities", "works", "paralympics"})

_APOSTROPHES = "'’ʼ`´"
_POSSESSIVE = re.compile(r"[" + _APOSTROPHES + r"]s?$")


def strip_possessive(word: str) -> str:
    """Drop a possessive ending.

    >>> strip_possessive("Ministry’s"), strip_possessive("Kazakhstan's"), strip_possessive("States'")
    ('Ministry', 'Kazakhstan', 'States')
    """
    return _POSSESSIVE.sub("", word)


#: plurals of names' head words that keep their Latin or Greek form
LATIN_PLURALS = {"memoranda": "memorandum", "criteria": "criterion", "addenda": "addendum"}


def singular(word: str) -> str:
    """The singular of an English plural noun, keeping the word's case.

    >>> singular("Maslikhats"), singular("Ministries"), singular("Affairs"), singular("Bus")
    ('Maslikhat', 'Ministry', 'Affairs', 'Bus')
    >>> singular("Memoranda")
    'Memorandum'
    """
    lower = word.lower()
    if lower in LATIN_PLURALS:
        return word[:-len(lower) + 1] + LATIN_PLURALS[lower][1:]
    if len(lower) < 4 or lower in PLURAL_ONLY or not lower.endswith("s") or not word[-1].isalpha():
        return word
    if lower.endswith(("ss", "us", "is", "os", "as")):
        return word
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if lower.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


def is_plural(word: str) -> bool:
    """True when :func:`singular` would change the word.

    >>> is_plural("Maslikhats"), is_plural("Affairs")
    (True, False)
    """
    return singular(word) != word


def is_shouted(word: str) -> bool:
    """A word in capitals that is too long to be an acronym: a dateline such as "ASTANA".

    >>> is_shouted("BRUSSELS"), is_shouted("OSCE"), is_shouted("RFE/RL")
    (True, False, False)
    """
    return len(word) >= 6 and word.isalpha() and word.isupper()


def unshout(word: str) -> str:
    """"BRUSSELS" → "Brussels"; other words unchanged.

    >>> unshout("KAZINFORM"), unshout("EU")
    ('Kazinform', 'EU')
    """
    return word.capitalize() if is_shouted(word) else word


_ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})[a-d]?"
_ROMAN_NUMERAL = re.compile(rf"{_ROMAN}(?:[-–/]{_ROMAN})*")


def is_roman_numeral(word: str) -> bool:
    """A number in Roman numerals up to 39, with a sub-letter or as a range: "Title VI",
    "class IIIb", "NYHA I-II". It numbers a part or a grade; it abbreviates nothing.

    >>> [is_roman_numeral(w) for w in ("II", "IIIb", "I-III", "IV", "XXI", "IVC", "CI", "MI")]
    [True, True, True, True, True, False, False, False]
    """
    return _ROMAN_NUMERAL.fullmatch(word) is not None


def acronym_singular(word: str) -> str:
    """An acronym without a plural's "s": "NGOs" → "NGO", "MoUs" → "MoU"; "HFpEF" stays.

    >>> acronym_singular("NGOs"), acronym_singular("MoUs"), acronym_singular("HFpEF")
    ('NGO', 'MoU', 'HFpEF')
    """
    return word[:-1] if len(word) > 2 and word[-1] == "s" and word[-2].isupper() else word


@functools.lru_cache(maxsize=1 << 16)  # asked of every name, again and again
def is_acronym(word: str) -> bool:
    """Capital letters (with digits, "/", "&", ".") making a short form: EU, RFE/RL, U.S., G20.

    A plural's "s" does not count: "MoUs", "NGOs".

    >>> [is_acronym(w) for w in ("EU", "RFE/RL", "U.S.", "G20", "Kazakhstan", "I", "MoU", "MoUs",
    ...                          "ECB/2016/3")]
    [True, True, True, True, False, False, True, True, False]
    """
    word = acronym_singular(word)
    if "/" in word and any(c.isdigit() for c in word):
        return False  # a reference number: "ECB/2016/3", "C-11/00"
    letters = [c for c in word if c.isalpha()]
    if not letters or not word[0].isupper() or is_shouted(word) or is_roman_numeral(word):
        return False
    upper = sum(1 for c in letters if c.isupper())
    digits = sum(1 for c in word if c.isdigit())
    return (upper >= 2 or (upper == 1 and digits > 0)) and upper >= len(letters) - 1 \
        and len(word) <= 10


def is_two_part_acronym(text: str) -> bool:
    """Two acronyms written as one short form: "DG AGRI", "EU ETS".

    >>> [is_two_part_acronym(t) for t in ("DG AGRI", "EU ETS", "EU", "EU Council")]
    [True, True, False, False]
    """
    parts = text.split(" ")
    return len(parts) == 2 and all(is_acronym(p) for p in parts)


def is_abbreviation(word: str) -> bool:
    """An acronym ("HF", "LVADs", "AT1") or a short form with a lower-case prefix ("cAMP",
    "mRNA", "eGFR"), as technical texts write their abbreviations.

    >>> [is_abbreviation(w) for w in ("HF", "LVADs", "cAMP", "mRNA", "iPhone", "Heart", "I")]
    [True, True, True, True, False, False, False]
    """
    return is_acronym(word) or (len(word) > 2 and word[0].islower() and is_acronym(word[1:]))


def is_calendar_word(word: str) -> bool:
    """Months and weekdays, also in ranges: "January-October", "Feb".

    >>> is_calendar_word("January-October"), is_calendar_word("Feb"), is_calendar_word("Forum")
    (True, True, False)
    """
    parts = [p for p in re.split(r"[-–—/]", word.lower().rstrip(".")) if p]
    return bool(parts) and all(p in MONTHS or p in WEEKDAYS for p in parts)


NUMBER_WORDS = frozenset("""two three four five six seven eight nine ten eleven twelve
    thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
    sixty seventy eighty ninety hundred thousand million billion""".split())


def is_number_word(word: str) -> bool:
    """A number in words, alone or opening a compound: "Sixteen", "Sixty-one", "Three-year";
    not "one", which opens names ("One Belt, One Road", "One Health").

    >>> is_number_word("Sixty-one"), is_number_word("Three-year"), is_number_word("Tenge")
    (True, True, False)
    """
    return word.split("-")[0].lower() in NUMBER_WORDS


def is_sentence_word(word: str) -> bool:
    """A word capitalised only because it opens a sentence ("The", "During", "Moreover").

    >>> is_sentence_word("During"), is_sentence_word("Majilis")
    (True, False)
    """
    return word.lower() in SENTENCE_WORDS


_HEADLINE_SMALL = frozenset({"Of", "And", "For", "The", "To", "In", "On", "With", "At", "By",
                             "A", "An", "From", "As", "Into", "Over", "Is", "Are"})


def is_headline_case(words) -> bool:
    """Words in headline case: small words capitalised inside a run of capitals.

    >>> is_headline_case("Kazakhstan And EU Mark Anniversary Of Relations".split())
    True
    >>> is_headline_case("Ministry of Foreign Affairs".split())
    False
    """
    return any(w in _HEADLINE_SMALL for w in list(words)[1:])


def strip_accents(text: str) -> str:
    """Latin letters without their diacritics ("Simkić" → "Simkic")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ROMAN_FOLDS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("q", "k"), ("yo", "o"), ("ya", "a"),
                ("yu", "u"), ("ye", "e"), ("w", "v"), ("ck", "k"))
_VOWELS = re.compile(r"(?<=.)[aeiouy]+")
_DOUBLES = re.compile(r"(.)\1+")


def spelling_key(word: str) -> str:
    """A key under which romanisation variants of one Kazakh or Russian name meet.

    Folds the digraphs that romanisations disagree on (zh/j, kh/h), then keeps the
    consonant skeleton. It is only a first filter: callers also compare the words.

    >>> spelling_key("Majilis") == spelling_key("Mazhilis")
    True
    >>> spelling_key("Tileuberdi") == spelling_key("Tleuberdi")
    True
    >>> spelling_key("Senate") == spelling_key("Majilis")
    False
    >>> spelling_key("X1") == spelling_key("X2")
    False
    """
    text = strip_accents(word).lower()
    for old, new in _ROMAN_FOLDS:
        text = text.replace(old, new)
    text = re.sub(r"[^a-z0-9]", "", text)  # (a number is no spelling: "X1" is not "X2")
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", text))


def similarity(a: str, b: str) -> float:
    """Edit similarity 0..1 of two words (1 − Levenshtein distance / longer length).

    >>> round(similarity("Majilis", "Mazhilis"), 2), round(similarity("Senate", "Sanity"), 2)
    (0.75, 0.5)
    """
    a, b = a.lower(), b.lower()
    if a == b:
        return 1.0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return 1.0 - previous[-1] / max(len(a), len(b))


def is_spelling_variant(a: str, b: str) -> bool:
    """Two spellings of one name: same key, and close as strings.

    >>> is_spelling_variant("Majilis", "Mazhilis"), is_spelling_variant("Tileuberdi", "Tleuberdi")
    (True, True)
    >>> is_spelling_variant("Michel", "Mitchell"), is_spelling_variant("EU", "EEU")
    (False, False)

    Numbers are no spelling: "2004/17/EC" and "2004/18/EC" are two directives.

    >>> is_spelling_variant("2004/17/EC", "2004/18/EC")
    False
    """
    if a.lower() == b.lower():
        return True
    if is_acronym(a) or is_acronym(b) or len(a) < 4 or len(b) < 4 \
            or any(c.isdigit() for c in a + b):
        return False
    return spelling_key(a) == spelling_key(b) and similarity(a, b) >= 0.7


_WORD_SPLIT = re.compile(r"[\s\-–—/]+")


def content_words(text: str) -> list[str]:
    """The words of a name that carry meaning, lower-cased, possessives and plurals reduced.

    Connectors, hyphens and dashes are ignored, so differently joined spellings of one
    name give the same words.

    >>> content_words("Enhanced Partnership and Cooperation Agreement")
    ['enhanced', 'partnership', 'cooperation', 'agreement']
    >>> content_words("enhanced partnership cooperation agreement")
    ['enhanced', 'partnership', 'cooperation', 'agreement']
    >>> content_words("Foreign Ministry’s"), content_words("Maslikhats")
    (['foreign', 'ministry'], ['maslikhat'])

    The head before "of|for|on" is reduced too: "Members of the European Parliament" is
    the "Member of the European Parliament" in the plural.

    >>> content_words("Members of the European Parliament")
    ['member', 'european', 'parliament']
    """
    words = [strip_possessive(w.strip(".,;:\"“”()")) for w in _WORD_SPLIT.split(text)]
    words = [w for w in words if w and w.lower() not in CONNECTORS or w in _COMPLEMENT_OPENERS]
    head = _head_index(words)
    last = max((k for k, w in enumerate(words) if w not in _COMPLEMENT_OPENERS), default=None)
    out = []
    for k, word in enumerate(words):
        if word in _COMPLEMENT_OPENERS:
            continue
        if k in (head, last) and not is_acronym(word):
            word = singular(word)
        out.append(word.lower())
    return out


def _head_index(words: list[str]) -> int | None:
    """Where the head is among a name's words (connectors other than "of|for|on" left out):
    before the first "of|for|on", else none."""
    return next((k - 1 for k, w in enumerate(words) if k and w in _COMPLEMENT_OPENERS), None)


def has_plural_head(name: str) -> bool:
    """Whether a name's head is plural: "Members of the European Parliament", "Member States".

    >>> has_plural_head("Members of the European Parliament"), has_plural_head("Member State")
    (True, False)
    """
    words = [w for w in name.split() if w.lower() not in CONNECTORS or w in _COMPLEMENT_OPENERS]
    head = _head_index(words)
    return bool(words) and is_plural(words[-1 if head is None else head])


#: connectors after which a name's complement comes: the word before the first is its head
_COMPLEMENT_OPENERS = frozenset({"of", "for", "on"})


#: Verbs of saying: a name right before one ("Dana Zhunus said") is a speaker, a person.
SAYING_VERBS = frozenset({
    "said", "says", "told", "tells", "noted", "notes", "stressed", "stresses", "added",
    "adds", "stated", "states", "emphasised", "emphasized", "underlined", "remarked",
    "explained", "recalled", "insisted", "commented", "replied", "answered", "urged",
    "warned", "announced", "declared", "thanked"})

#: Heads of the names of natural features: a name ending in one names a place ("Aral Sea",
#: "Amu Darya", "Fedchenko Glacier"); "darya" is the Turkic and Persian word for a river.
NATURAL_FEATURES = frozenset({
    "sea", "lake", "river", "glacier", "mountains", "valley", "desert", "gulf", "bay",
    "peninsula", "delta", "plateau", "steppe", "darya"})

#: Words after a single name that mark a news outlet: ", Kazinform reports."
MEDIA_WORDS = frozenset({"reports", "cites", "correspondent", "quotes"})

#: Endings of Kazakh and Russian surnames in English romanisation, longest first.
SURNAME_ENDINGS = ("bayev", "bayeva", "kyzy", "enko", "ova", "eva", "uly", "ina", "ov", "ev",
                   "in", "zoda", "uulu")  # Tajik "-zoda" (Nazarzoda), Kyrgyz "uulu"


def has_surname_ending(word: str) -> bool:
    """Whether *word* ends like a Central Asian or Russian surname (Tokayev, Karin,
    Nazarzoda; Tileuberdi no).

    Short words ("Bin", "Dev") and common English words are not surnames by their ending.

    >>> has_surname_ending("Zhaksylykov"), has_surname_ending("Nazarbayeva"), has_surname_ending("Gateway")
    (True, True, False)
    >>> has_surname_ending("Berlin"), has_surname_ending("Kassymuly")
    (True, True)
    """
    lower = strip_possessive(word).lower()
    return len(lower) >= 5 and lower.isalpha() and lower.endswith(SURNAME_ENDINGS)


#: Nouns that make an adverbial phrase after a preposition, not the subject of a document:
#: "signed the Agreement on the sidelines of …", "… for the first time", "on behalf of".
ADVERBIAL_NOUNS = frozenset({
    "sidelines", "margins", "margin", "behalf", "occasion", "eve", "basis", "time", "times",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "morning", "evening",
    "afternoon", "night", "way", "part", "top", "account", "course", "hand", "whole",
    "instance", "example", "average", "sake", "purpose", "purposes", "moment", "date",
    "period", "occasions", "side", "spot", "record", "agenda", "table"})


def is_adverbial_noun(word: str) -> bool:
    """Whether *word* heads an adverbial phrase rather than what a document is about.

    >>> is_adverbial_noun("sidelines"), is_adverbial_noun("materials")
    (True, False)
    """
    return word.lower() in ADVERBIAL_NOUNS
