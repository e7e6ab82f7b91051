"""Russian morphology for terms: lemmas, nominative forms, case agreement, surnames.

pymorphy3 (OpenCorpora dictionary) does the work for common words. It is loaded lazily, once.
Two of its weak spots are handled here by rule (see langtech.md §2):

* multiword terms need head-noun agreement, not per-word lemmas ("Среднего коридора" →
  "Средний коридор", not "среднее коридор");
* surnames missing from the dictionary are misread ("Токаев" as the plural genitive of
  "токай"). Person names get an explicit paradigm: masculine -ов/-ев/-ин/-ын take
  -а/-у/-а/-ым/-е, feminine -ова/-ева/-ина take -ой/-у, and -енко/-ко/-ых/-их or
  vowel-final foreign and Kazakh names (Василенко, Тлеуберди) do not decline.

Text in, text out. Cases may be given in pymorphy's names (``gent``) or short ones (``gen``).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Short case names (shared with termbank.lang.kk) → pymorphy3 grammemes.
CASES = {"nom": "nomn", "gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt",
         "loc": "loct"}
_GENDERS = {"masc": "masculine", "femn": "feminine", "neut": "neuter", "ms-f": "masculine"}
_MODIFIER_POS = {"ADJF", "PRTF", "NUMR"}

_MASC_SURNAME = re.compile(r"^(.+?(?:ов|ев|ёв|ин|ын))(а|у|ым|е)?$")
_FEM_SURNAME = re.compile(r"^(.+?(?:ов|ев|ёв|ин|ын))(а|ой|у)$")
_INDECLINABLE_SURNAME = re.compile(r"(?:енко|ко|ых|их|аго|яго)$")
_CYRILLIC_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")
_PARTICLES = {"фон", "дер", "де", "ван", "ди", "да", "ле", "ла", "дель", "эль", "аль", "ибн"}


@lru_cache(maxsize=1)
def _analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=2048)  # bounded: a bulk import parses ~100k distinct words once each
def _parses(word: str) -> tuple:
    return tuple(_analyzer().parse(word))


def _case(case: str) -> str:
    if case in CASES:
        return CASES[case]
    if case in CASES.values():
        return case
    raise ValueError(f"unknown case {case!r}; use one of {', '.join(CASES)}")


def _from_dictionary(parse) -> bool:
    """True when pymorphy found the word itself in its dictionary (no guessing)."""
    return all(type(step[0]).__name__ == "DictionaryAnalyzer" for step in parse.methods_stack)


# -- names ---------------------------------------------------------------------------------

def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _dictionary_common_nominative(word: str) -> bool:
    """The dictionary knows *word* as a nominative singular that is not a person name."""
    for p in _parses(word):
        tag = p.tag
        if (_from_dictionary(p) and tag.case == "nomn" and tag.number != "plur"
                and not ({"Surn", "Name", "Patr"} & tag.grammemes)):
            return True
    return False


def surname_lemma(word: str) -> str | None:
    """The nominative of a capitalised surname form, by the surname paradigm; else None.

    >>> surname_lemma("Токаеву"), surname_lemma("Токаев"), surname_lemma("Тлеуберди")
    ('Токаев', 'Токаев', 'Тлеуберди')
    >>> surname_lemma("Казахстан") is None
    True
    """
    if not _is_capitalised(word) or not _CYRILLIC_WORD.match(word):
        return None
    for p in _parses(word):
        if "Surn" in p.tag.grammemes and _from_dictionary(p):
            return _restore_case(p.normal_form, word)
    if _dictionary_common_nominative(word) or any(
            _from_dictionary(p) and ({"Name", "Geox", "Orgn"} & p.tag.grammemes)
            for p in _parses(word)):
        return None
    dictionary = [p for p in _parses(word) if _from_dictionary(p)]
    m = _MASC_SURNAME.match(word)
    if m:
        # "Министров" is the plural genitive of министр (its lemma is a prefix of the word);
        # "Токаев" is not the plural genitive of токай in running text.
        if any(word.lower().startswith(p.normal_form) for p in dictionary):
            return None
        return m.group(1)
    if not dictionary and (_INDECLINABLE_SURNAME.search(word) or word[-1] in "иуюэоеы"):
        return word
    return None


def _name_gender(tokens: list[str]) -> str:
    for token in tokens:
        last = token.split("-")[-1]
        if re.search(r"(?:ова|ева|ёва|ина|ына|ая|ская)$", last) and surname_lemma(last) != last:
            return "feminine"
    first = tokens[0].split("-")[-1] if tokens else ""
    for p in _parses(first):
        if "Name" in p.tag.grammemes and _from_dictionary(p) and p.tag.case == "nomn":
            return _GENDERS.get(_attr(p.tag.gender) or "masc", "masculine")
    return "masculine"


def inflect_name(name: str, case: str, *, gender: str | None = None) -> str:
    """A person's name in *case* by the name paradigms (not the dictionary).

    Only the last part of a hyphenated first name declines, as in the press.

    >>> inflect_name("Касым-Жомарт Токаев", "gen")
    'Касым-Жомарта Токаева'
    >>> inflect_name("Роман Василенко", "ins")
    'Романом Василенко'
    >>> inflect_name("Урсула фон дер Ляйен", "dat")
    'Урсуле фон дер Ляйен'
    """
    grammeme = _case(case)
    tokens = name.split()
    if grammeme == "nomn" or not tokens:
        return name
    gender = gender or _name_gender(tokens)
    out = []
    for token in tokens:
        if token.lower() in _PARTICLES or not _CYRILLIC_WORD.match(token):
            out.append(token)
            continue
        head, sep, last = token.rpartition("-")
        out.append(head + sep + _inflect_name_word(last, grammeme, gender))
    return " ".join(out)


_MASC_CONSONANT = {"gent": "а", "datv": "у", "accs": "а", "ablt": "ом", "loct": "е"}
_MASC_SOFT = {"gent": "я", "datv": "ю", "accs": "я", "ablt": "ем", "loct": "е"}
_MASC_OV = {"gent": "а", "datv": "у", "accs": "а", "ablt": "ым", "loct": "е"}
_FEM_OVA = {"gent": "ой", "datv": "ой", "accs": "у", "ablt": "ой", "loct": "ой"}
_A_STEM = {"gent": "ы", "datv": "е", "accs": "у", "ablt": "ой", "loct": "е"}
_YA_STEM = {"gent": "и", "datv": "е", "accs": "ю", "ablt": "ей", "loct": "е"}


def _inflect_name_word(word: str, case: str, gender: str) -> str:
    low = word.lower()
    if _INDECLINABLE_SURNAME.search(low):
        return word
    if gender == "feminine":
        if re.search(r"(?:ова|ева|ёва|ина|ына)$", low):
            return word[:-1] + _FEM_OVA[case]
        if low.endswith("ая"):
            return word[:-2] + {"accs": "ую"}.get(case, "ой")
    else:
        if re.search(r"(?:ов|ев|ёв|ин|ын)$", low):
            return word + _MASC_OV[case]
        if low[-1] in "йь":
            return word[:-1] + _MASC_SOFT[case]
        if low[-1] in "бвгджзклмнпрстфхцчшщ":
            ending = _MASC_CONSONANT[case]
            if case == "ablt" and low[-1] in "жшчщц":
                ending = "ем"
            return word + ending
    if low.endswith("я"):
        return word[:-1] + _YA_STEM[case]
    if low.endswith("а"):
        ending = _A_STEM[case]
        if case == "gent" and low[-2:-1] in tuple("гкхжшчщ"):
            ending = "и"
        return word[:-1] + ending
    return word  # vowel-final foreign and Kazakh names, feminine consonant-final names


# -- words ---------------------------------------------------------------------------------

def lemma(word: str) -> str:
    """The most likely dictionary form, in lower case; surnames by their own paradigm.

    >>> lemma("министра"), lemma("Мажилиса"), lemma("Токаеву")
    ('министр', 'мажилис', 'токаев')
    """
    surname = surname_lemma(word)
    if surname is not None:
        return surname.lower()
    parses = _parses(word)
    return _plain(parses[0].normal_form, word) if parses else word.lower()


def lemmas(word: str) -> set[str]:
    """Every plausible dictionary form (lower case), for matching inflected text to terms.

    >>> sorted(lemmas("Среднего"))
    ['среднее', 'средний']
    >>> {"токаев", "токаева"} <= lemmas("Токаева")
    True
    """
    out = {_plain(p.normal_form, word) for p in _parses(word)}
    surname = surname_lemma(word)
    if surname is not None:
        out.add(surname.lower())
    if _is_capitalised(word) and _FEM_SURNAME.match(word):
        out.add(word.lower())
    return out or {word.lower()}


def _plain(form: str, original: str) -> str:
    """pymorphy writes ё; keep е when the source text did."""
    return form if "ё" in original.lower() else form.replace("ё", "е")


def _restore_case(new: str, old: str) -> str:
    """Give *new* the capitalisation of *old*, hyphen part by hyphen part."""
    new = _plain(new, old)
    if len(old) > 1 and old.isupper():
        return new.upper()
    old_parts, new_parts = old.split("-"), new.split("-")
    if len(old_parts) != len(new_parts):
        return new[:1].upper() + new[1:] if old[:1].isupper() else new
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n
                    for o, n in zip(old_parts, new_parts))


# -- phrases -------------------------------------------------------------------------------

def _attr(value) -> str | None:
    """pymorphy's tag attributes compare only with known grammemes; use plain strings."""
    return str(value) if value else None


def _agrees(modifier, noun) -> bool:
    m, n = modifier.tag, noun.tag
    m_case, n_case = _attr(m.case), _attr(n.case)
    if m_case != n_case and not {m_case, n_case} <= {"gent", "gen2"}:
        return False
    if (_attr(m.number) or "sing") != (_attr(n.number) or "sing"):
        return False
    n_gender = _attr(n.gender)
    if (_attr(n.number) or "sing") == "sing" and m.gender and n_gender in ("masc", "femn", "neut"):
        return _attr(m.gender) == n_gender
    return True


def _analyse(tokens: list[str], *, nominative: bool):
    """Find the head noun: (head index, head parse, [(index, modifier parse)]) or None.

    The head is the last position such that every word before it can be an adjective (or
    participle, ordinal, "и") agreeing with it: "Среднего коридора" is adjective + noun even
    though "среднего" alone is also a noun. With *nominative*, only nominative readings count.
    """
    def readings(token: str) -> list:
        return [p for p in _parses(token) if not nominative or p.tag.case == "nomn"]

    best = None
    for h, token in enumerate(tokens):
        if not _CYRILLIC_WORD.match(token):
            break
        for noun in (p for p in readings(token) if p.tag.POS == "NOUN"):
            modifiers = []
            for i in range(h):
                if tokens[i].lower() == "и":
                    continue
                match = next((m for m in readings(tokens[i])
                              if m.tag.POS in _MODIFIER_POS and _agrees(m, noun)), None)
                if match is None:
                    break
                modifiers.append((i, match))
            else:
                best = (h, noun, modifiers)
                break
        can_modify = token.lower() == "и" or any(
            p.tag.POS in _MODIFIER_POS for p in readings(token))
        if not can_modify or h + 1 == len(tokens):
            break
    return best


def _inflect_modifier(parse, head, case: str, original: str) -> str:
    number = _attr(head.tag.number) or "sing"
    wanted = {case, number}
    if number == "sing":
        head_gender = _attr(head.tag.gender)
        wanted.add(head_gender if head_gender in ("masc", "femn", "neut") else "masc")
    if case == "accs" and (number == "plur" or "masc" in wanted):
        wanted.add(_attr(head.tag.animacy) or "inan")
    form = parse.inflect(wanted) or parse.inflect({case, number})
    return _restore_case(form.word, original) if form else original


def inflect_phrase(phrase: str, case: str) -> str:
    """Put a nominative noun phrase into *case*: the head and its adjectives change, the
    genitive chain and other dependents after the head stay as they are.

    >>> inflect_phrase("заместитель министра иностранных дел", "gen")
    'заместителя министра иностранных дел'
    >>> inflect_phrase("Европейский союз", "gen")
    'Европейского союза'
    >>> inflect_phrase("Транскаспийский международный транспортный маршрут", "loc")
    'Транскаспийском международном транспортном маршруте'
    """
    grammeme = _case(case)
    tokens = phrase.split()
    if grammeme == "nomn" or not tokens:
        return phrase
    found = _analyse(tokens, nominative=True)
    if found is None:
        return phrase
    index, head, modifiers = found
    out = list(tokens)
    number = _attr(head.tag.number) or "sing"
    form = head.inflect({grammeme, number}) or head.inflect({grammeme})
    if form is not None:
        out[index] = _restore_case(form.word, tokens[index])
    for i, parse in modifiers:
        out[i] = _inflect_modifier(parse, head, grammeme, tokens[i])
    return " ".join(out)


def lemmatize_phrase(text: str) -> str:
    """The citation (nominative) form of an inflected noun phrase or person's name.

    >>> lemmatize_phrase("Среднего коридора")
    'Средний коридор'
    >>> lemmatize_phrase("заместителю министра иностранных дел")
    'заместитель министра иностранных дел'
    >>> lemmatize_phrase("Касым-Жомарта Токаева")
    'Касым-Жомарт Токаев'
    """
    tokens = text.split()
    if not tokens:
        return text
    if _looks_like_name(tokens):
        return " ".join(_name_token_lemma(t) for t in tokens)
    found = _analyse(tokens, nominative=False)
    if found is None:
        return text
    index, head, modifiers = found
    out = list(tokens)
    number = "plur" if _attr(head.tag.number) == "plur" and "Pltm" not in head.tag.grammemes else "sing"
    form = head.inflect({"nomn", number}) or head.inflect({"nomn"})
    if form is not None:
        out[index] = _restore_case(form.word, tokens[index])
        head = form
    for i, parse in modifiers:
        out[i] = _inflect_modifier(parse, head, "nomn", tokens[i])
    return " ".join(out)


def _looks_like_name(tokens: list[str]) -> bool:
    """Two or more capitalised words, each a known name or unknown to the dictionary."""
    words = [t for t in tokens if t.lower() not in _PARTICLES]
    if len(words) < 2 or not all(_is_capitalised(t) and _CYRILLIC_WORD.match(t) for t in words):
        return False
    for word in words:
        parses = _parses(word.split("-")[-1])
        if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses):
            continue
        if any(_from_dictionary(p) for p in parses):
            return False
    return True


def _name_token_lemma(token: str) -> str:
    if token.lower() in _PARTICLES:
        return token
    head, sep, last = token.rpartition("-")
    surname = surname_lemma(last)
    if surname is not None:
        return head + sep + surname
    names = sorted((p for p in _parses(last) if "Name" in p.tag.grammemes and _from_dictionary(p)),
                   key=lambda p: _attr(p.tag.gender) != "masc")
    if names:
        return head + sep + _restore_case(names[0].normal_form, last)
    low = last.lower()
    for ending in ("ом", "ем", "а", "у", "е", "я", "ю"):
        base = last[: -len(ending)]
        if low.endswith(ending) and len(base) > 1:
            if ending in ("а", "у", "ом") and base[-1].lower() in "бвгджзклмнпрстфхцчшщ":
                return head + sep + base
            if ending in ("я", "ю", "ем", "е"):
                guesses = {p.normal_form for p in _parses(last)}
                soft = base + ("й" if (base + "й").lower() in guesses else "ь")
                return head + sep + soft
    return token


def gender(noun_phrase: str) -> str | None:
    """Grammatical gender of the head of a nominative phrase (or of a person's name).

    >>> gender("заместитель министра иностранных дел"), gender("Республика Казахстан")
    ('masculine', 'feminine')
    >>> gender("Соглашение о расширенном партнёрстве и сотрудничестве")
    'neuter'
    """
    tokens = noun_phrase.split()
    if not tokens:
        return None
    if _looks_like_name(tokens):
        return _name_gender(tokens)
    found = _analyse(tokens, nominative=True) or _analyse(tokens, nominative=False)
    if found is None:
        return None
    head = found[1]
    return _GENDERS.get(_attr(head.tag.gender) or "")
