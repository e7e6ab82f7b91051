"""People's names from English spelling to Russian and Kazakh Cyrillic, by rule.

Names in English news come in two kinds:

* post-Soviet names romanised from Russian or Kazakh (Kassym-Jomart Tokayev, Mukhtar
  Tileuberdi, Roman Vassilenko): the romanisation is undone letter group by letter group
  (zh → ж, kh → х, ss → с, y between consonants → ы, -yev → -ев …); for Kazakh names the
  Kazakh letters are reconstructed where the spelling is regular (k before a back vowel → қ,
  u → ұ/ү by vowel harmony, i → і in front syllables: Tileuberdi → Тілеуберді);
* foreign names, written in Russian by practical transcription, which follows the
  spelling rules of the name's own language (French Charles Michel → Шарль Мишель, German
  Juncker → Юнкер, Catalan Josep → Жозеп, Lithuanian Andrius → Андрюс). The language is
  guessed from the spelling. Kazakh texts write foreign names as Russian ones do.

Each result says which rule produced it. These are guesses: published spellings in the
reference data override them (Tileuberdi is Тлеуберди in Russian, not the regular
Тилеуберди). Text in, text out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Transliteration:
    """A name in Cyrillic and the rule that produced it (e.g. ``en-ru/post-soviet``)."""

    text: str
    rule: str


# -- recognising the kind of name ----------------------------------------------------------

_POST_SOVIET = re.compile(
    r"(?:zh|kh|yev$|ayev|[^aeiou]y[^aeiouy]|ssy|(?:ov|ev|in|yn|ova|eva|ina|enko|uly|kyzy|"
    r"bek|bay|bai|bekov|berdi|khan|ey|iy|ich)$|^(?:nur|zhan|kassym|yer|ser|mukh|alik|asan|"
    r"aid|dar|dau|kair|bol|nurs|kan|ar|as|bak|bauyr|ye))")
_FOREIGN = re.compile(r"(?:[^aeiou\W]?c(?!h)|w|x|ph|th|ou|eau|ee|oo|ck|gn|ll$|ie|ue$|[^\x00-\x7f])")
_PARTICLES = {"von": "фон", "van": "ван", "der": "дер", "de": "де", "da": "да", "di": "ди",
              "del": "дель", "la": "ла", "le": "ле", "den": "ден", "bin": "бин", "al": "аль"}

#: Common Russian given names and endings: in Kazakh texts these stay as in Russian.
_SLAVIC = re.compile(r"(?:enko|ko|sky|skiy|ski|ich|vich|ova|uk|chuk)$|^(?:roman|sergey|sergei|"
                     r"alexander|aleksandr|vladimir|dmitry|andrey|igor|oleg|pavel|nikolai|viktor|"
                     r"yuri|anna|olga|elena|irina|natalia|tatiana|mikhail|ivan|pyotr|boris|"
                     r"konstantin|evgeny|yevgeny|vassilenko|vasilenko)$")


def _words(name: str) -> list[str]:
    return name.split()


def _plain(word: str) -> str:
    return word.lower()


def is_post_soviet(name: str) -> bool:
    """Whether *name* looks romanised from Russian or Kazakh Cyrillic.

    >>> is_post_soviet("Kassym-Jomart Tokayev"), is_post_soviet("Charles Michel")
    (True, False)
    """
    words = [w.lower() for w in re.split(r"[\s\-]+", name) if w]
    if any(_FOREIGN.search(w) for w in words if w not in _PARTICLES):
        return any(_POST_SOVIET.search(w) and not _FOREIGN.search(w) for w in words[-1:])
    return any(_POST_SOVIET.search(w) for w in words)


# -- post-Soviet romanisations ---------------------------------------------------------------

_VOWELS = "aeiouy"
_BACK = set("aouy")


def _post_soviet_to_russian(word: str) -> str:
    w = word.lower()
    w = re.sub(r"ss", "s", w)
    w = re.sub(r"(?<=[aeiou])y(?=e)", "", w)           # Tokayev → tokaev
    w = re.sub(r"(?<=[ae])i(?=[^aeiouy])", "y", w)     # Kairat, Beibit: a diphthong
    out, i = [], 0
    pairs = {"zh": "ж", "kh": "х", "sh": "ш", "ch": "ч", "ts": "ц", "yu": "ю", "ya": "я",
             "yo": "ё", "ye": "е", "iy": "ий", "gh": "г"}
    single = {"a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "j": "ж", "z": "з",
              "i": "и", "k": "к", "q": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п",
              "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "c": "к", "w": "в",
              "x": "кс"}
    while i < len(w):
        two = w[i:i + 2]
        if two in pairs and not (two == "ye" and 0 < i and w[i - 1] not in _VOWELS and two):
            out.append(pairs[two])
            i += 2
            continue
        ch = w[i]
        if ch == "y":
            prev = w[i - 1] if i else ""
            nxt = w[i + 1] if i + 1 < len(w) else ""
            if prev and prev in _VOWELS:
                out.append("й")
            elif nxt == "e":
                out.append("е")
            else:
                out.append("ы")
        elif ch == "e" and i == 0:
            out.append("е")
        else:
            out.append(single.get(ch, ch))
        i += 1
    return _cap("".join(out).replace("ё", "е"), word)


def _post_soviet_to_kazakh(word: str) -> str:
    """Kazakh letters for a regular Kazakh name: harmony decides қ/к, ғ/г, ұ/ү, о/ө, ы/і."""
    w = word.lower()
    m = re.match(r"^(.*?)(a?y?eva|a?y?ev|ova|ov|ina|in)$", w) if len(w) > 5 else None
    stem, suffix = (m.group(1), m.group(2)) if m else (w, "")
    if stem.endswith("a") and suffix.startswith("y"):
        stem, suffix = stem[:-1], "a" + suffix
    w = re.sub(r"ss", "s", stem)
    w = re.sub(r"^ye", "e", w)
    w = re.sub(r"(?<=[ae])i(?=[^aeiouy])", "y", w)
    # vowel positions and their harmony; u after a vowel is the glide у, not a vowel
    vowels = []
    for i, ch in enumerate(w):
        if ch in "aeiouy" and not (ch == "u" and i and w[i - 1] in "aeio"):
            if ch == "y" and ((i and w[i - 1] in "aeiou") or w[i + 1:i + 2] in ("a", "e", "o", "u")):
                continue
            vowels.append((i, "back" if ch in _BACK else "front"))

    def harmony_at(pos: int) -> str:
        following = [h for i, h in vowels if i > pos]
        preceding = [h for i, h in vowels if i < pos]
        for h in following[:1] + preceding[-1:]:
            return h
        return "back"

    def own(pos: int) -> str:
        near = [h for i, h in vowels if i != pos]
        if not near:
            return "back"
        nearest = min(((abs(i - pos), h) for i, h in vowels if i != pos and w[i] != "i"),
                      default=None)
        return nearest[1] if nearest else "front"

    out, i = [], 0
    while i < len(w):
        two = w[i:i + 2]
        if two in ("zh", "kh", "sh", "ch", "gh", "yu", "ya"):
            out.append({"zh": "ж", "kh": "х", "sh": "ш", "ch": "ч", "gh": "ғ", "yu": "ю",
                        "ya": "я"}[two])
            i += 2
            continue
        if two == "ng" and i + 2 == len(w):
            out.append("ң")
            i += 2
            continue
        ch = w[i]
        if ch in "kq":
            out.append("қ" if ch == "q" or harmony_at(i) == "back" else "к")
        elif ch == "g":
            out.append("ғ" if harmony_at(i) == "back" else "г")
        elif ch == "u":
            if i and w[i - 1] in "aeio":
                out.append("у")
            else:
                out.append("ұ" if own(i) == "back" else "ү")
        elif ch == "o":
            out.append("о" if own(i) == "back" else "ө")
        elif ch == "i":
            out.append("і" if own(i) == "front" else "и")
        elif ch == "y":
            prev = w[i - 1] if i else ""
            nxt = w[i + 1] if i + 1 < len(w) else ""
            out.append("й" if prev in "aeiou" and prev else "е" if nxt == "e" else "ы")
        else:
            out.append({"a": "а", "b": "б", "v": "в", "d": "д", "e": "е", "j": "ж", "z": "з",
                        "l": "л", "m": "м", "n": "н", "p": "п", "r": "р", "s": "с", "t": "т",
                        "f": "ф", "h": "һ", "w": "у", "c": "к"}.get(ch, ch))
        i += 1
    ending = {"ayev": "аев", "yev": "ев", "ev": "ев", "aev": "аев", "ov": "ов", "ova": "ова",
              "eva": "ева", "ayeva": "аева", "yeva": "ева", "aeva": "аева", "in": "ин",
              "ina": "ина"}.get(suffix, suffix)
    if suffix and not ending:
        ending = _post_soviet_to_russian(suffix).lower()
    # қ and ғ stand before back vowels only: Kosherbayev → Көшербаев, not Қөшербаев
    text = re.sub("қ(?=[әөүіе])", "к", re.sub("ғ(?=[әөүіе])", "г", "".join(out) + ending))
    return _cap(text, word)


# -- foreign names: practical transcription by the name's language --------------------------

_LANG_HINTS = [
    ("french", re.compile(r"(?:^jean|^luc$|^charles$|^claude$|gne$|eau|^michel$|ain$|oi|é|è|"
                          r"^jacques$|^pierre$|^emmanuel$|^macron$|^françois)")),
    ("german", re.compile(r"(?:ck|sch|^von$|^der$|ei|eu|^ursula$|ey|tz|mann$|er$)")),
    ("lithuanian", re.compile(r"(?:ius$|ienė$|aitis$|^andrius$)")),
    ("czech-slovak", re.compile(r"(?:[íáéýřěůňťď]|^jozef$|^josef$)")),
    ("south-slavic", re.compile(r"[šćčžđ]")),
    ("catalan-spanish", re.compile(r"(?:ez$|^josep$|^josé$|^jose$|ll$|^nacho$|ñ|^amor$|rr)")),
    ("irish-english", re.compile(r"(?:^ea|ore$|^eamon|^sean)")),
    ("estonian-finnish", re.compile(r"(?:^kaja$|^kaia$|õ|ää|öö|nen$)")),
]

_COMMON = [
    ("sch", "ш"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("ph", "ф"), ("th", "т"),
    ("ck", "к"), ("qu", "кв"), ("x", "кс"), ("w", "в"), ("y", "и"), ("j", "дж"),
]
_RULES: dict[str, list[tuple[str, str]]] = {
    "french": [(r"ean$", "ан"), (r"^jean", "жан"), (r"eau", "о"), (r"au", "о"), (r"ou", "у"),
               (r"oi", "уа"), (r"gne$", "нь"), (r"gn", "нь"), (r"les$", "ль"), (r"el$", "ель"),
               (r"ch", "ш"), (r"j", "ж"), (r"g(?=[eiy])", "ж"), (r"c(?=[eiy])", "с"), (r"c", "к"),
               (r"qu", "к"), (r"lu", "лю"), (r"es$", ""), (r"(?<=[aeiou])[sdtx]$", ""), (r"e$", ""),
               (r"u", "ю"), (r"é|è", "е")],
    "german": [(r"^ju", "ю"), (r"ju", "ю"), (r"(?<=l)ey", "яй"), (r"ey", "ай"), (r"ei", "ай"), (r"eu", "ой"),
               (r"ie", "и"), (r"sch", "ш"), (r"tz", "ц"), (r"z", "ц"), (r"ck", "к"), (r"j", "й"),
               (r"(?<=l)e", "е"), (r"^e", "э"), (r"v", "ф"), (r"w", "в")],
    "lithuanian": [(r"ius$", "юс"), (r"iu", "ю"), (r"j", "й"), (r"y", "и"), (r"ė", "е"),
                   (r"š", "ш"), (r"ž", "ж"), (r"č", "ч")],
    "south-slavic": [(r"lj", "ль"), (r"nj", "нь"), (r"š", "ш"), (r"ć|č", "ч"), (r"ž", "ж"),
                     (r"đ|dž", "дж"), (r"j", "й"), (r"c", "ц"), (r"(?<=l)e", "е")],
    "catalan-spanish": [(r"ll$", "ль"), (r"ll", "ль"), (r"^jos", "жоз"), (r"ch", "ч"),
                        (r"ez$", "ес"), (r"z", "с"), (r"ñ", "нь"), (r"j", "х"), (r"qu", "к"),
                        (r"c(?=[ei])", "с"), (r"c", "к"), (r"h", ""), (r"(?<=[aeiou])s(?=[aeiou])", "з")],
    "irish-english": [(r"^eamon", "имон"), (r"^ea", "и"), (r"ore$", "ор"), (r"e$", ""),
                      (r"ee", "и")],
    "english": [(r"e$", ""), (r"ee", "и"), (r"oo", "у")],
    "czech-slovak": [(r"ch", "х"), (r"ř", "рж"), (r"ě", "е"), (r"ů", "у"), (r"ú", "у"),
                     (r"í", "и"), (r"á", "а"), (r"é", "е"), (r"ý", "ы"), (r"ó", "о"), (r"š", "ш"),
                     (r"č", "ч"), (r"ž", "ж"), (r"ň", "нь"), (r"ť", "ть"), (r"ď", "дь"),
                     (r"j", "й"), (r"c", "ц"), (r"(?<=l)e", "е")],
    # j is й; after a vowel ja/ju/je are я/ю/е (Kaja → Кая, as Russian media write it)
    "estonian-finnish": [(r"(?<=[aeiouäöü])ja", "я"), (r"(?<=[aeiouäöü])ju", "ю"),
                         (r"(?<=[aeiouäöü])je", "е"), (r"j", "й"), (r"ää", "я"), (r"ä", "я"),
                         (r"õ", "ы"), (r"ö", "ё"), (r"ü", "ю")],
}
_LETTERS = {"a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х",
            "i": "и", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к",
            "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "z": "з"}


def _guess_language(word: str) -> str:
    w = word.lower()
    for lang, pattern in _LANG_HINTS:
        if pattern.search(w):
            return lang
    return "english"


def _foreign_to_russian(word: str, lang: str) -> str:
    w = unicodedata.normalize("NFC", word.lower())
    for pattern, repl in _RULES.get(lang, []) + [(re.escape(a), b) for a, b in _COMMON]:
        w = re.sub(pattern, repl, w)
    w = re.sub(r"(?<=[бвгдзклмнпрстфхцчшщ])е", "е", w)
    w = re.sub(r"^е", "э", w)
    w = "".join(_LETTERS.get(ch, ch) for ch in w)
    w = "".join(ch for ch in unicodedata.normalize("NFD", w) if unicodedata.category(ch) != "Mn"
                or ch == "\u0306")  # keep й
    return _cap(unicodedata.normalize("NFC", w), word)


# -- public API ------------------------------------------------------------------------------

def _cap(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _map_name(name: str, convert) -> str:
    out = []
    for word in _words(name):
        if word.lower() in _PARTICLES:
            out.append(_PARTICLES[word.lower()])
            continue
        out.append("-".join(convert(part) for part in word.split("-")))
    return " ".join(out)


def to_russian(name: str) -> Transliteration:
    """The Russian spelling of a name written in English, by rule.

    Each part is read as post-Soviet or foreign on its own (Sergey Kwan); a foreign part
    without a language hint follows the language of the name's other parts.

    >>> to_russian("Kassym-Jomart Tokayev")
    Transliteration(text='Касым-Жомарт Токаев', rule='en-ru/post-soviet')
    >>> to_russian("Charles Michel").text, to_russian("Josep Borrell").text
    ('Шарль Мишель', 'Жозеп Боррель')
    """
    post_soviet = is_post_soviet(name)
    parts = [p for w in _words(name) if w.lower() not in _PARTICLES for p in w.split("-")]
    guesses = {p: _guess_language(p) for p in parts
               if _FOREIGN.search(p.lower()) or not (_POST_SOVIET.search(p.lower()) or post_soviet)}
    hinted = [lang for lang in guesses.values() if lang != "english"]
    fallback = hinted[-1] if hinted else "english"
    kinds: set[str] = set()

    def convert(part: str) -> str:
        low = part.lower()
        if not _FOREIGN.search(low) and (_POST_SOVIET.search(low) or post_soviet):
            kinds.add("post-soviet")
            return _post_soviet_to_russian(part)
        lang = guesses.get(part, "english")
        lang = fallback if lang == "english" else lang
        kinds.add(f"foreign:{lang}")
        return _foreign_to_russian(part, lang)

    text = _map_name(name, convert)
    return Transliteration(text, "en-ru/" + "+".join(sorted(kinds) or ["foreign:english"]))


def to_kazakh(name: str) -> Transliteration:
    """The Kazakh Cyrillic spelling of a name written in English, by rule.

    Kazakh names get Kazakh letters where the romanisation is regular; Russian names and
    foreign names are written as in Russian, which is what Kazakh publications do.

    >>> to_kazakh("Kassym-Jomart Tokayev")
    Transliteration(text='Қасым-Жомарт Тоқаев', rule='en-kk/kazakh')
    >>> to_kazakh("Roman Vassilenko").text
    'Роман Василенко'
    """
    if not is_post_soviet(name):
        russian = to_russian(name)
        return Transliteration(russian.text, "en-kk/as-russian:" + russian.rule)
    if not any(_POST_SOVIET.search(p.lower()) and not _FOREIGN.search(p.lower())
               and not _SLAVIC.search(p.lower())
               for w in _words(name) for p in w.split("-")):
        russian = to_russian(name)
        return Transliteration(russian.text, "en-kk/as-russian:" + russian.rule)
    parts = [part for word in _words(name) for part in word.split("-")]
    if all(_SLAVIC.search(p.lower()) for p in parts):
        return Transliteration(to_russian(name).text, "en-kk/as-russian:en-ru/post-soviet")

    def convert(part: str) -> str:
        low = part.lower()
        if _SLAVIC.search(low):
            return _post_soviet_to_russian(part)
        if _FOREIGN.search(low):
            return _foreign_to_russian(part, _guess_language(part))
        return _post_soviet_to_kazakh(part)

    return Transliteration(_map_name(name, convert), "en-kk/kazakh")
