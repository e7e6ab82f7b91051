"""The HTML pages of ``termbank serve``: search, concept, review queue, sign-in.

Rendered on the server from the same library calls as the API; a little JavaScript
(``static/app.js``) sends the reviews and proposals to the JSON API with the person's token.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from termbank.model import LANGS, AdminStatus, Review, lang_order
from termbank.server.app import ANONYMOUS, HERE, MAX_QUERY, concept_or_404, reader, stores

templates = Jinja2Templates(directory=str(HERE / "templates"))
LANG_NAMES = {"en": "English", "kk": "Қазақша", "kk-Latn": "Qazaqşa (Latin)", "ru": "Русский"}


def _render(request: Request, name: str, user, status: int = 200, **context) -> HTMLResponse:
    context.update(user=user, lang_names=LANG_NAMES, review_role=user.may("terminologist"),
                   propose_role=user.may("translator"))
    return templates.TemplateResponse(request, name, context, status_code=status)


def search_page(request: Request) -> HTMLResponse:
    user = reader(request)
    query = " ".join(request.query_params.get("q", "").split())[:MAX_QUERY]
    hits, suggestions = [], []
    if query:
        from termbank import search

        store = stores(request).store()
        hits = search.lookup(store, query, limit=20)
        suggestions = [] if hits else search.suggest(store, query)
    return _render(request, "search.html", user, query=query,
                   results=[_hit_view(h) for h in hits], suggestions=suggestions)


def concept_page(request: Request) -> HTMLResponse:
    user = reader(request)
    concept, version = concept_or_404(request)
    store = stores(request).store()
    trail = store.history(concept.id) if hasattr(store, "history") else []
    return _render(request, "concept.html", user, concept=_concept_view(concept),
                   version=version, history=list(reversed(trail)), langs=LANGS,
                   versioned=version is not None)


def review_page(request: Request) -> HTMLResponse:
    user = reader(request)
    store = stores(request).store()
    if not hasattr(store, "proposed"):
        raise HTTPException(405, "this termbase keeps no review queue (serve a postgresql:// "
                                 "database)")
    groups: dict[str, dict] = {}
    for concept_id, lang, text in store.proposed(limit=200):
        if concept_id not in groups:
            found = store.get_versioned(concept_id)
            if found is None:
                continue
            groups[concept_id] = {"concept": _concept_view(found[0]), "version": found[1]}
    return _render(request, "review.html", user, groups=list(groups.values()))


def login_page(request: Request) -> HTMLResponse:
    return _render(request, "login.html", _safe_user(request))


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return _render(request, "error.html", _safe_user(request), status=status, code=status,
                   message=message)


def _safe_user(request: Request):
    """The signed-in person for the page frame; a bad cookie just shows as signed out."""
    from termbank.server.app import user_of

    try:
        return user_of(request)
    except Exception:  # noqa: BLE001 - the page that reports the error must still render
        return ANONYMOUS


# -- views: what the templates show -------------------------------------------------------------

def _hit_view(hit) -> dict:
    view = _concept_view(hit.concept) if hit.concept else {"id": hit.concept_id, "sections": []}
    view.update(score=hit.score, how=hit.how, matched_lang=hit.lang, matched=hit.term)
    return view


def _concept_view(concept) -> dict:
    from termbank.render import ordered_terms

    sections = []
    for section in sorted(concept.sections, key=lambda s: lang_order(s.lang)):
        terms = []
        for term in ordered_terms(concept, section.lang):
            terms.append({
                "text": term.text, "type": term.type.value, "status": term.status.value,
                "review": term.review.value, "confidence": term.confidence, "note": term.note,
                "waiting": term.review is not Review.APPROVED,
                "deprecated": term.status in (AdminStatus.DEPRECATED, AdminStatus.SUPERSEDED),
                "sources": [{"kind": s.kind.value, "ref": s.ref, "detail": s.detail,
                             "link": s.ref if s.ref.startswith(("https://", "http://")) else None}
                            for s in term.sources],
                "contexts": [{"text": c.text, "source": c.source,
                              "link": c.source if c.source and c.source.startswith(
                                  ("https://", "http://")) else None}
                             for c in term.contexts],
            })
        sections.append({"lang": section.lang, "definition": section.definition,
                         "note": section.note, "terms": terms})
    title = next((s["terms"][0]["text"] for s in sections if s["terms"]), concept.id)
    return {"id": concept.id, "title": title, "kind": concept.kind,
            "subject_field": concept.subject_field, "definition": concept.definition,
            "note": concept.note, "sources": list(concept.sources), "sections": sections}
