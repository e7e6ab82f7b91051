"""Acronyms and their definitions in both orders, with a precision-first pairing.

"Enhanced Partnership and Cooperation Agreement (EPCA)" and "EPCA (Enhanced …)" are paired
only when the word-initial letters of the whole long form spell the acronym (connectors
may be skipped, hyphenated words may give one letter per part). Letters are never taken
from inside words, so "European External Action Service (EEAS)" cannot lose "European".
When the letters do not fit one-to-one (EAEU, CICA, RFE/RL), the curated list in
``data/extract/acronyms.tsv`` decides; when neither fits, no pair is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termbank.extract import lists
from termbank.lang import en


@dataclass(frozen=True)
class Definition:
    """An acronym defined in a text: both spans, and which rule paired them."""

    acronym: str
    expansion: str
    start: int  # span of the expansion
    end: int
    acronym_start: int
    acronym_end: int
    rule: str  # "initials" (letters of the text) or "list" (curated list)


_SHORT = r"[A-Z][A-Za-z0-9/&.\-]{1,9}\+?"  # "+" for a last word "Plus": "EFSD+"
#: in parentheses a short form may have two parts: "(DG AGRI)", "(EU ETS)"
_LONG_FIRST = re.compile(r"\((" + _SHORT + r"(?: [A-Z][A-Z0-9]{1,9}\+?)?)\)")
_SHORT_FIRST = re.compile(r"(?<![\w/])(" + _SHORT + r")\s*\(([^()\n]{3,160})\)")
_CUT = re.compile(r"[.;:!?,()\"“”\n]")
_TOKEN = re.compile(r"[^\s/]+")


def acronym_letters(acronym: str) -> str:
    """The letters an expansion must spell: "RFE/RL" → "RFERL", "U.S." → "US"; the "s" of
    a plural is no letter of the name ("SMEs", "MoUs").

    >>> acronym_letters("RFE/RL"), acronym_letters("U.S."), acronym_letters("GLOFs")
    ('RFERL', 'US', 'GLOF')
    """
    return "".join(c for c in en.acronym_singular(acronym) if c.isalnum())


def spells(acronym: str, words: list[str]) -> bool:
    """True when the word-initial letters of *words* spell *acronym* exactly.

    >>> spells("EEAS", "European External Action Service".split())
    True
    >>> spells("EEAS", "External Action Service".split())
    False
    >>> spells("OSCE", "Organization for Security and Co-operation in Europe".split())
    True
    >>> spells("EAEU", "Eurasian Economic Union".split())
    False
    """
    letters = acronym_letters(acronym).lower()
    if not words or not letters:
        return False
    if words[0].lower() in en.CONNECTORS and words[0].lower() != "the":
        return False
    words = [w for w in words if w]
    repeated = _REPEATED.sub(lambda m: m.group(1) * int(m.group(2)), letters)
    return _match(letters, 0, words, 0) or (repeated != letters and _match(repeated, 0, words, 0))


#: a letter and a count inside an acronym: "C3S" is three C's and an S ("Copernicus Climate
#: Change Service")
_REPEATED = re.compile(r"([a-z])([2-4])(?=[a-z])")


def _match(letters: str, j: int, words: list[str], i: int) -> bool:
    if i == len(words):
        return j == len(letters)
    word = words[i].strip("'’\"“”")
    lower = word.lower()
    if lower in en.CONNECTORS:
        if _match(letters, j, words, i + 1):
            return True
        return j < len(letters) and lower[0] == letters[j] and _match(letters, j + 1, words, i + 1)
    if j >= len(letters) or not lower or lower[0] != letters[j]:
        return False
    if _match(letters, j + 1, words, i + 1):
        return True
    if len(word) > 1 and word.isupper() and letters.startswith(lower, j) \
            and _match(letters, j + len(lower), words, i + 1):
        return True  # an acronym in the expansion gives all its letters: "EU ETS"
    parts = [p for p in re.split(r"-|(?<=[a-z])(?=[A-Z])", word) if p]  # Co-operation, KazMunayGas
    parts = [p.lower() for p in parts]
    if len(parts) > 1:
        initials = "".join(p[0] for p in parts)
        if letters.startswith(initials, j) and _match(letters, j + len(initials), words, i + 1):
            return True
    return False


def _known_expansion(acronym: str, words: list[str]) -> int:
    """How many trailing *words* make the listed expansion of *acronym* (0 if they do not)."""
    known = lists.acronyms().get(acronym)
    if known is None:
        return 0
    wanted = en.content_words(known.canonical)
    for size in range(1, min(len(words), 14) + 1):
        if en.content_words(" ".join(words[-size:])) == wanted:
            return size
    return 0


#: words a capitalised complement of place or scope may have, after its preposition
_MAX_COMPLEMENT = 6


def _with_complement(acronym: str, words: list[str]) -> int:
    """How many trailing *words* are a name whose opening words the acronym spells, before a
    capitalised complement of place or scope the letters leave out (0 if none): "National
    Nuclear Center of the Republic of Kazakhstan (NNC)", "Environmental Remediation Account
    for Central Asia (ERA)"; or before which the curated list's expansion stands ("National
    Institute of Statistics and Economic Studies of France (INSEE)").

    >>> _with_complement("ERA", "through the Environmental Remediation Account for Central "
    ...                  "Asia".split())
    6
    >>> _with_complement("ERA", "the Account for Environmental Remediation Asia".split())
    0
    """
    letters = acronym_letters(acronym)
    for k in range(len(words) - 1, max(0, len(words) - 1 - _MAX_COMPLEMENT), -1):
        if words[k] not in ("of", "for", "in"):
            continue
        complement = [w for w in words[k + 1:] if w.lower() not in en.CONNECTORS]
        if not complement or not all(w[:1].isupper() for w in complement):
            continue
        head = words[:k]
        listed = _known_expansion(acronym, head)  # "… Studies of France (INSEE)"
        for n in range(1, min(len(head), 2 * len(letters) + 4) + 1):
            if (spells(acronym, head[-n:]) or n == listed) and head[-n][0].isalnum():
                return n + len(words) - k
    return 0


def _document_of_topic(words: list[str], size: int) -> int:
    """How many words before an expansion of *size* trailing *words* name the document it is
    the topic of: an acronym of a convention's topic names the convention.

    >>> _document_of_topic("the Bonn Convention on the Conservation of Migratory Species"
    ...                    .split(), 4)
    4
    >>> _document_of_topic("the Head of the European Bank".split(), 2)
    0
    """
    before = words[:len(words) - size]
    n = 2 if before[-1:] == ["the"] else 1
    if len(before) <= n or before[-n] != "on":
        return 0
    head = before[-n - 1]
    if not head[:1].isupper() or lists.heads().get(head.lower()) != "agreement/document":
        return 0
    n += 1
    while n < len(before) and before[-n - 1][:1].isupper():
        n += 1  # the document's own modifiers: "Bonn Convention"
    return n


def _reordered_expansion(acronym: str, words: list[str]) -> int:
    """How many trailing *words* are a name whose capitalised words give the acronym's
    letters in another order (0 if none): an acronym kept from the name in another language,
    "Regional Environmental Centre for Central Asia (CAREC)".

    >>> _reordered_expansion("CAREC", "by the Regional Environmental Centre for Central Asia".split())
    6
    >>> _reordered_expansion("CAREC", "the Central Asia Regional Centre".split())
    0
    """
    letters = sorted(acronym_letters(acronym).upper())
    if len(letters) < 3:
        return 0
    for size in range(len(letters), min(len(words), 2 * len(letters)) + 1):
        name = words[-size:]
        content = [w for w in name if w.lower() not in en.CONNECTORS]
        if name[0] in content and all(w[:1].isupper() for w in content) \
                and sorted(w[0] for w in content) == letters:
            return size
    return 0


#: a short form of its words' first syllables, each capitalised: "SatCen", "EuroMed"
_SYLLABIC = re.compile(r"(?:[A-Z][a-z]{2,}){2,4}")  # (not "MoUs": a plural)


def _syllabic_expansion(acronym: str, words: list[str]) -> int:
    """How many trailing *words* are the name of a short form made of its words' first
    syllables, each part capitalised ("SatCen" of "Satellite Centre"), with the capitalised
    words of the name before them ("European Union Satellite Centre"); 0 if none.

    >>> _syllabic_expansion("SatCen", "the European Union Satellite Centre".split())
    4
    >>> _syllabic_expansion("SatCen", "the Satellite Central".split()), _syllabic_expansion(
    ...     "EUROCONTROL", "the European Organisation".split())
    (2, 0)
    """
    parts = re.findall(r"[A-Z][a-z]{2,}", acronym)
    if not _SYLLABIC.fullmatch(acronym) or len(parts) > len(words):
        return 0
    name = words[-len(parts):]
    if not all(w.lower().startswith(p.lower()) and w[:1].isupper() for w, p in zip(name, parts)):
        return 0
    size = len(parts)
    while size < len(words) and size < len(parts) + 3 and words[-size - 1][:1].isupper():
        size += 1
    return size


def _inner_letters_expansion(acronym: str, words: list[str]) -> int:
    """How many trailing *words* are the expansion when the acronym also takes letters from
    inside words (0 if none): the algorithm of Schwartz & Hearst (2003). The acronym's
    letters are found right to left, in order, the first at the start of a word, within
    min(|A| + 5, 2|A|) words: "Registered Exporter system (REX)", "dual energy X-ray
    absorptiometry (DXA)". At most one content word may give no letter ("system"), and at
    most half the letters may come from inside words: more means the letters were picked
    from a stretch of unrelated words ("Samruk Energy Holding (SKE)").

    >>> words = "must register in the Registered Exporter system".split()
    >>> _inner_letters_expansion("REX", words), _inner_letters_expansion("RXQ", words)
    (3, 0)
    >>> _inner_letters_expansion("CEPOL", "corruption for law enforcement agencies through "
    ...                          "the European Police College".split())
    0
    """
    letters = acronym_letters(acronym).lower()
    if len(letters) < 2:
        return 0
    cased = " ".join(words[-min(len(letters) + 5, 2 * len(letters)):])
    window = "".join(c.lower()[:1] for c in cased)  # (same length: "İ".lower() has two)

    def fits(k: int, at: int) -> bool:
        """The first letter opens a word; no letter ends a word in lower case ("Samru(k)")."""
        if window[at] != letters[k]:
            return False
        if at == 0 or not window[at - 1].isalnum():
            return True
        return k > 0 and not (cased[at].islower() and not window[at + 1:at + 2].isalnum())

    at = len(window) - 1
    matched = set()  # which words (counted from the window's end) gave a letter
    inside = 0  # letters found inside a word rather than at its start
    for k in range(len(letters) - 1, -1, -1):
        while at >= 0 and not fits(k, at):
            at -= 1
        if at < 0:
            return 0
        start = at
        while start > 0 and window[start - 1].isalnum():
            start -= 1
        if window[start] == letters[k]:
            at = start  # a word's first letter rather than one inside it: "(o)xygenation"
        matched.add(window.count(" ", at))
        inside += at > start
        at -= 1
    size = window[at + 1:].count(" ") + 1
    expansion = words[-size:]
    silent = [w for n, w in enumerate(reversed(expansion))
              if n not in matched and w.lower() not in en.GRAMMAR_WORDS]
    if expansion[0].lower() in en.CONNECTORS or len(silent) > 1 or 2 * inside > len(letters) \
            or len(" ".join(expansion)) <= len(acronym):
        return 0
    return size


def find_definitions(text: str) -> list[Definition]:
    """Every acronym definition in *text*, in both orders.

    >>> [(d.acronym, d.expansion, d.rule) for d in find_definitions(
    ...     "the European External Action Service (EEAS) and the EAEU (Eurasian Economic Union)")]
    [('EEAS', 'European External Action Service', 'initials'), ('EAEU', 'Eurasian Economic Union', 'list')]
    """
    found = []
    if "(" not in text:
        return found
    for match in _LONG_FIRST.finditer(text):
        acronym = match.group(1).rstrip(".-")
        syllabic = _SYLLABIC.fullmatch(acronym) is not None  # "SatCen": no letters to spell
        if not (syllabic or is_defined_acronym(acronym) or acronym in lists.acronyms()):
            continue  # (a listed short name may be a word: "Kazpatent")
        window_start = max(0, match.start() - 200)
        window = text[window_start:match.start()]
        cuts = list(_CUT.finditer(window))
        if cuts:
            window_start += cuts[-1].end()
            window = text[window_start:match.start()]
        tokens = list(_TOKEN.finditer(window))
        words = [t.group() for t in tokens]
        plus = acronym.endswith("+") and words[-1:] == ["Plus"]
        if plus:
            words.pop()  # the letters are spelled by the words before "Plus"
        size = 0
        for n in range(1, min(len(words), 2 * len(acronym_letters(acronym)) + 4) + 1):
            if not syllabic and spells(acronym, words[-n:]) and words[-n][0].isalnum():
                size = n
                break
        rule = "initials"
        listed = _known_expansion(acronym, words)
        if listed > size:  # the list's whole name: "Deutsche Gesellschaft für … (GIZ)"
            size, rule = listed, "list"
        if not size and syllabic:  # its words' syllables, and no other reading
            size, rule = _syllabic_expansion(acronym, words), "initials"
        elif not size:
            size, rule = _with_complement(acronym, words), "initials"
            if not size:
                size = _reordered_expansion(acronym, words)
            if not size and acronym not in lists.acronyms():  # (a listed one is not defined)
                size = _inner_letters_expansion(acronym, words)
        if not size and not syllabic and cuts and cuts[-1].group() == "," and not plus:
            # listed modifiers: "micro, small and medium-sized enterprises (MSMEs)"; only
            # the initials of every word may pair across a comma
            listed = _listed_expansion(acronym, text, window_start, match.start())
            if listed is not None:
                window_start, tokens, size = listed
        if size:
            size += plus + _document_of_topic(words, size)
            first = tokens[-size]
            start, end = window_start + first.start(), window_start + tokens[-1].end()
            while start < end and not text[start].isalnum():
                start += 1  # "[hazard ratio (HR)"
            found.append(Definition(acronym, _tidy(text[start:end]), start, end,
                                    match.start(1), match.start(1) + len(acronym), rule))
    for match in _SHORT_FIRST.finditer(text):
        acronym = match.group(1).rstrip(".-")
        if not en.is_acronym(acronym):
            continue
        inner = match.group(2)
        cut = _CUT.search(inner)
        inner = inner[:cut.start()] if cut else inner
        words = inner.split()
        rule = "initials" if spells(acronym, words) else (
            "list" if _known_expansion(acronym, words) == len(words) else "")
        if rule and words:
            start = match.start(2) + (len(inner) - len(inner.lstrip()))
            found.append(Definition(acronym, _tidy(inner), start, start + len(inner.strip()),
                                    match.start(1), match.start(1) + len(acronym), rule))
    return found


def _listed_expansion(acronym: str, text: str, after_comma: int, end: int):
    """(window start, tokens, size) of an expansion whose words the acronym's letters spell
    across commas, back to the last other cut; None when there is none."""
    start = max(0, end - 200)
    hard = [c for c in _CUT.finditer(text, start, after_comma) if c.group() != ","]
    if hard:
        start = hard[-1].end()
    tokens = list(_TOKEN.finditer(text[start:end]))  # (offsets from start, as the caller's)
    words = [t.group().rstrip(",") for t in tokens]
    for n in range(3, min(len(words), 2 * len(acronym_letters(acronym)) + 4) + 1):
        listed = [t.group() for t in tokens[-n:-1]]
        comma = next((k for k, w in enumerate(listed) if w.endswith(",")), None)
        if comma is not None and {"and", "or"} & set(listed[comma + 1:]) \
                and spells(acronym, words[-n:]) and words[-n][0].isalnum():
            return start, tokens, n  # a list closed by "and"/"or": "micro, small and …"
    return None


def is_defined_acronym(word: str) -> bool:
    """An acronym as a definition writes it, in parentheses: capitals even as long as a
    shouted word ("CARICC", "UNESCO"), and a "+" for a last word "Plus" ("EFSD+"). Its
    letters must still spell the words before it.

    >>> [is_defined_acronym(w) for w in ("EEAS", "CARICC", "EFSD+", "Erasmus+", "NATIONAL")]
    [True, True, True, False, True]
    """
    if " " in word:  # "DG AGRI", "EU ETS"
        return all(is_defined_acronym(part) for part in word.split())
    word = word.removesuffix("+")
    return en.is_acronym(word) or (en.is_shouted(word) and len(word) <= 10)


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text
