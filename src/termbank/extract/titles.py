"""Official titles, separated from their holder and their jurisdiction.

"Deputy Minister of Foreign Affairs of Kazakhstan Roman Vassilenko" → the title "Deputy
Minister of Foreign Affairs", the jurisdiction "Kazakhstan", the holder "Roman Vassilenko".
"European Commission President" and "President of the European Commission" get the same
canonical title, so they group into one concept. Dashes join the parts of a compound
title ("Deputy Prime Minister – Foreign Minister").
"""

from __future__ import annotations

from termbank.extract import lists
from termbank.lang import en
from termbank.extract.names import (
    ACRONYM, DEMONYM, HEAD, MODIFIER, NAME, PLACE, TITLE, Mention, Unit, _clean, _Entity,
    _kind_of, _looks_personal, _nested, _text)


#: words before a title that say when its holder held it, no part of the title
WHEN_HELD = frozenset({"former", "then", "late", "outgoing", "incoming", "current", "previous",
                       "future", "newly"})


def place_of(unit: Unit) -> str:
    """The canonical place a place or demonym unit stands for ("Kazakh" → "Kazakhstan")."""
    lower = unit.text.lower().replace("’", "'")
    return lists.places().get(lower) or lists.demonyms().get(lower) or \
        lists.places().get(lower[:-1] if lower.endswith("n") else "") or unit.text


def split_title(entity: _Entity, initial: bool) -> list[Mention]:
    """Mentions for a run piece that holds an official title."""
    units, seps = list(entity.units), list(entity.seps)
    out: list[Mention] = []
    first = next(k for k, u in enumerate(units) if u.cls in (TITLE, MODIFIER))
    # plain words just before the head belong to the title ("UNDP Resident Representative")
    while first > 0 and units[first - 1].cls == NAME and seps[first - 1] == "" \
            and any(u.cls in (ACRONYM, HEAD, PLACE, DEMONYM) for u in units[:first - 1]):
        first -= 1
    if first == 1 and units[0].text.lower() in WHEN_HELD:
        units, seps, first = units[1:], seps[1:], 0  # "Former President": no org "Former"
    prefix, prefix_seps = units[:first], seps[:max(0, first - 1)]
    jurisdiction = [place_of(u) for u in entity.jurisdiction]
    org = ""
    if prefix and all(u.cls in (PLACE, DEMONYM) for u in prefix):
        jurisdiction = [place_of(u) for u in prefix] + jurisdiction
        surface_start = first
    elif prefix:
        org = _text(prefix, prefix_seps)
        surface_start = 0
        if len(prefix) > 1 or prefix[0].cls == ACRONYM:
            out.append(Mention(_clean(org), prefix[0].start, prefix[-1].end, _kind_of(prefix),
                               nested=True))
    else:
        surface_start = first
    # the title ends before its first jurisdiction ("of Kazakhstan", "to the Republic of …")
    stop = len(units)
    for k, unit in enumerate(units):
        if k > first and any(unit is j for j in entity.jurisdiction):
            stop = k
            break
    core, core_seps = units[first:stop], seps[first:stop - 1]
    # a holder glued to the last complement: "… for Human Rights Eamon Gilmore"
    holder = ""
    tail = _trailing_names(core, core_seps)
    if len(tail) >= 3 and any(core_seps) and stop == len(units) and _personal(tail[-2:]):
        person = tail[-2:]
        core, core_seps = core[:-2], core_seps[:-2]
        holder = _text(person, [""])
        out.append(Mention(holder, person[0].start, person[-1].end, "person", person=True,
                           nested=True))
    while core and core[-1].cls not in (TITLE, MODIFIER, HEAD, NAME, ACRONYM, PLACE):
        core, core_seps = core[:-1], core_seps[:-1]
    title = _clean(_text(core, core_seps))
    canonical = title
    if org and not any(core_seps):
        # a body named with its head takes the article ("European Commission President" →
        # "President of the European Commission"); a remit ("Energy Minister" → "Minister of
        # Energy"), a one-word name ("Director of Kazinform") and an acronym do not
        article = any(u.cls == HEAD for u in prefix) and prefix[0].cls != ACRONYM
        canonical = f"{title} of the {org}" if article else f"{title} of {org}"
    if org and any(core_seps):
        canonical = f"{org} {title}"
    surface_units = units[surface_start:first] + core
    surface = _clean(_text(surface_units, seps[surface_start:first] + core_seps)) \
        if surface_start < first else title
    end = core[-1].end
    if stop < len(units) and seps[stop - 1].split()[:1] == ["to"]:
        end = units[stop].end  # "… to Uzbekistan": the posting is written as part of it
    out.insert(0, Mention(surface, surface_units[0].start, end, "official title",
                          initial=initial and surface_start == 0, title=canonical,
                          jurisdiction=", ".join(dict.fromkeys(jurisdiction)), holder=holder))
    for unit in entity.jurisdiction:
        out.append(Mention(_clean(unit.text), unit.start, unit.end, "place", nested=True))
    for unit in prefix:
        if unit.cls == PLACE:
            out.append(Mention(_clean(unit.text), unit.start, unit.end, "place", nested=True))
    if len(core) > 1:
        out.extend(m for m in _nested(core, core_seps) if m.kind != "official title")
        owner = _owner(core, core_seps)
        if owner is not None:
            out.append(owner)
    return out


def _owner(core: list[Unit], seps: list[str]) -> Mention | None:
    """The company a board or office belongs to, named last: "Deputy Chairman of the
    Management Board of KazMunayGas" → KazMunayGas, an organisation."""
    k = len(seps) - 1
    while k >= 0 and seps[k] == "":
        k -= 1
    if k < 1 or seps[k].split()[0] != "of" or core[k].cls != HEAD:
        return None
    from termbank.extract.terms import zipf

    group = core[k + 1:]
    # "… of the Board of Directors": a common word is part of the title, not a company
    if any(zipf(u.text.lower()) >= 3.0 for u in group):
        return None
    if not all(u.cls == NAME for u in group) or len(group) > 3 or (
            len(group) > 1 and (group[0].text.lower() in lists.given_names()
                                or en.has_surname_ending(group[-1].text))):
        return None
    return Mention(_clean(_text(group, [""] * (len(group) - 1))), group[0].start,
                   group[-1].end, "organisation", nested=True)


def _personal(words: list[Unit]) -> bool:
    """Whether two words may be a person's name: they read as one (a listed given name, a
    surname's ending), or one of them is rare in general English ("Eamon Gilmore"; not
    "Support Team")."""
    from termbank.extract.terms import zipf

    return _looks_personal(words) or any(zipf(w.text.lower()) < 3.5 for w in words)


def _trailing_names(units: list[Unit], seps: list[str]) -> list[Unit]:
    tail = []
    for k in range(len(units) - 1, -1, -1):
        if units[k].cls != NAME:
            break
        tail.insert(0, units[k])
        if k > 0 and seps[k - 1] != "":
            break
    return tail


__all__ = ["split_title", "place_of"]
