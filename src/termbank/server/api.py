"""The JSON API of ``termbank serve``: each route a few lines over a library call."""

from __future__ import annotations

import io

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from termbank.model import is_lang_tag
from termbank.server import review
from termbank.server.app import (concept_or_404, etag, expected_version, file_response,
                                 json_body, query_text, reader, stores, writer)

EXPORTS = {"tbx": ("v3", "termbank.tbx"), "tbx2": ("2008", "termbank-martif.tbx"),
           "omegat": (None, "termbank.{pair}"), "tsv": (None, "termbank.{pair}"),
           "xlsx": (None, "termbank.xlsx")}


def lookup_results(store, query: str, *, lang: str | None = None, mode: str = "auto",
                   limit: int = 10) -> dict:
    """What ``termbank lookup --json`` prints for *query*: the same library calls, in the
    one JSON shape of every command (``{"results": [...], "summary": {...}}``)."""
    from termbank import search
    from termbank.render import hit_to_dict

    results = [hit_to_dict(h) for h in search.lookup(store, query, lang=lang, mode=mode,
                                                     limit=limit)]
    return {"results": results, "summary": {"found": len(results)}}


def lookup(request: Request) -> JSONResponse:
    reader(request)
    params = request.query_params
    lang = params.get("lang") or None
    if lang is not None and not is_lang_tag(lang):
        raise HTTPException(400, f"{lang!r} is not a language tag (en, kk, kk-Latn, ru)")
    mode = params.get("mode", "auto")
    from termbank.search import MODES

    if mode not in MODES:
        raise HTTPException(400, f"mode must be one of {', '.join(MODES)}")
    limit = _int_param(request, "limit", 10, 1, 100)
    return JSONResponse(lookup_results(stores(request).store(), query_text(request), lang=lang,
                                       mode=mode, limit=limit))


def whoami(request: Request) -> JSONResponse:
    user = reader(request)
    return JSONResponse({"name": user.name, "role": user.role or None})


async def concept(request: Request) -> JSONResponse:
    """GET a concept with its version (also as the ETag); PUT a whole concept (a
    terminologist's edit) based on the version in If-Match."""
    if request.method == "PUT":
        data = await json_body(request)
        return await run_in_threadpool(_edit, request, data)
    return await run_in_threadpool(_concept, request)


def _concept(request: Request) -> JSONResponse:
    reader(request)
    from termbank.records import concept_to_dict

    data, version = concept_or_404(request)
    headers = {"ETag": etag(version)} if version is not None else {}
    return JSONResponse({"concept": concept_to_dict(data), "version": version}, headers=headers)


def _edit(request: Request, data: dict) -> JSONResponse:
    from termbank.records import RecordError, concept_from_dict

    user = writer(request, "terminologist")
    version = expected_version(request)
    try:
        concept = concept_from_dict(data.get("concept", data))
    except RecordError as exc:
        raise HTTPException(400, f"not a concept record: {exc}") from None
    if concept.id != request.path_params["concept_id"]:
        raise HTTPException(400, f"the record's id {concept.id!r} is not the concept of the URL")
    new = review.edit_concept(stores(request).store(), concept, actor=user.name,
                              expected_version=version)
    return _changed(concept.id, new)


async def new_concept(request: Request) -> JSONResponse:
    data = await json_body(request)
    return await run_in_threadpool(_new_concept, request, data)


def _new_concept(request: Request, data: dict) -> JSONResponse:
    user = writer(request, "translator")
    concept_id, version = review.propose_concept(
        stores(request).store(), data.get("terms"), actor=user.name,
        concept_id=data.get("id"), definition=_text_or_none(data, "definition"))
    return JSONResponse({"concept": concept_id, "version": version}, status_code=201,
                        headers={"ETag": etag(version), "Location": f"/api/concepts/{concept_id}"})


async def propose(request: Request) -> JSONResponse:
    data = await json_body(request)
    return await run_in_threadpool(_propose, request, data)


def _propose(request: Request, data: dict) -> JSONResponse:
    user = writer(request, "translator")
    version = expected_version(request)
    concept_id = request.path_params["concept_id"]
    new = review.propose_term(stores(request).store(), concept_id, data.get("lang"),
                              data.get("text"), actor=user.name, expected_version=version,
                              note=_text_or_none(data, "note"),
                              context=_text_or_none(data, "context"))
    return _changed(concept_id, new, status=201)


async def review_term(request: Request) -> JSONResponse:
    data = await json_body(request)
    return await run_in_threadpool(_review_term, request, data)


def _review_term(request: Request, data: dict) -> JSONResponse:
    user = writer(request, "terminologist")
    version = expected_version(request)
    concept_id = request.path_params["concept_id"]
    term = data.get("term")
    if not isinstance(term, str) or not term:
        raise HTTPException(400, "say which term: {\"lang\": \"kk\", \"term\": \"…\", "
                                 "\"action\": \"approve\"}")
    new = review.review_term(stores(request).store(), concept_id, data.get("lang"), term,
                             data.get("action"), actor=user.name, expected_version=version,
                             note=_text_or_none(data, "note"))
    return _changed(concept_id, new)


def history(request: Request) -> JSONResponse:
    reader(request)
    concept_id = request.path_params["concept_id"]
    store = review.versioned_store(stores(request).store())
    entries = store.history(concept_id)
    if not entries and store.get(concept_id) is None:
        raise HTTPException(404, f"no concept {concept_id!r}")
    return JSONResponse([e.to_dict() for e in entries])


def review_queue(request: Request) -> JSONResponse:
    reader(request)
    store = review.versioned_store(stores(request).store())
    limit = _int_param(request, "limit", 200, 1, 1000)
    return JSONResponse([{"concept": cid, "lang": lang, "term": text}
                         for cid, lang, text in store.proposed(limit=limit)])


def export(request: Request):
    """The current state as TBX v3 (``format=tbx``), TBX 2008 (``tbx2``), an OmegaT
    tab-separated glossary (``omegat`` or ``tsv``, with ``target=kk`` …) or a workbook
    (``xlsx``, where termbank has the XLSX format); the same writers as ``termbank export``."""
    reader(request)
    params = request.query_params
    fmt = params.get("format", "tbx")
    if fmt not in EXPORTS:
        raise HTTPException(400, f"format must be one of {', '.join(EXPORTS)}")
    source = params.get("source", "en")
    store = stores(request).store()
    dialect, name = EXPORTS[fmt]
    if not is_lang_tag(source):
        raise HTTPException(400, f"source {source!r} is not a language tag")
    if fmt == "xlsx":
        try:
            from termbank.formats import xlsx
        except ImportError:
            raise HTTPException(400, "this termbank has no XLSX writer; use tbx, tbx2 or tsv"
                                ) from None
        return file_response(lambda f: xlsx.write(f, store.concepts(), source_lang=source),
                             media_type="application/vnd.openxmlformats-officedocument."
                                        "spreadsheetml.sheet", filename=name)
    if fmt in ("tbx", "tbx2"):
        from termbank.formats import tbx

        return file_response(lambda f: tbx.write(f, store.concepts(), dialect=dialect,
                                                 source_lang=source),
                             media_type="application/x-tbx+xml", filename=name)
    target = params.get("target")
    if not target or not is_lang_tag(target):
        raise HTTPException(400, "a tab-separated glossary is for one language pair: add "
                                 "&target=kk (and &source=, default en)")
    from termbank.formats import tsv

    def write(f):
        text = io.StringIO()
        tsv.write(text, store.concepts(), source_lang=source, target_lang=target)
        f.write(text.getvalue().encode("utf-8"))

    return file_response(write, media_type="text/tab-separated-values; charset=utf-8",
                         filename=name.format(pair=f"{source}-{target}")
                         + getattr(tsv, "EXTENSION", ".tsv"))


def tm_search(request: Request) -> JSONResponse:
    """Fuzzy matches from the translation memory given to ``termbank serve --tm``."""
    reader(request)
    query = query_text(request)
    params = request.query_params
    src, tgt = params.get("src", "en"), params.get("tgt") or None
    for tag in (src, tgt):
        if tag is not None and not is_lang_tag(tag):
            raise HTTPException(400, f"{tag!r} is not a language tag")
    min_score = _int_param(request, "min_score", 70, 1, 100)
    limit = _int_param(request, "limit", 5, 1, 50)
    matches = stores(request).memory().search(query, src_lang=src, tgt_lang=tgt,
                                              min_score=min_score, limit=limit)
    return JSONResponse({"matches": [m.to_dict() for m in matches]})


def _changed(concept_id: str, version: int, *, status: int = 200) -> JSONResponse:
    return JSONResponse({"concept": concept_id, "version": version}, status_code=status,
                        headers={"ETag": etag(version)})


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise HTTPException(400, f"{name} must be a whole number from {low} to {high}")
    return int(raw)


def _text_or_none(data: dict, key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise HTTPException(400, f"{key} must be text")
    return value
