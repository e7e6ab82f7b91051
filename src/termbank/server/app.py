"""The ASGI app of ``termbank serve``: a JSON API and a few server-rendered pages.

Routes are thin: they read the request, call the same library functions as the CLI
(:func:`termbank.search.lookup` and :func:`termbank.render.hit_to_dict` for look-ups, the
formats' writers for exports, :mod:`termbank.server.review` for changes) and shape the answer.
Every request thread has its own store connection. Errors are 4xx answers with one clear
message (JSON under ``/api``, a page elsewhere), never a traceback.

Who may do what: a token (``Authorization: Bearer …``, or the ``termbank_token`` cookie for
reading pages) names a person and a role: reader, translator (may propose), terminologist
(may review and edit). Reads are open unless the app is made with ``open_reads=False``;
writes always need the role and come only with the header (a cookie alone writes nothing).
"""

from __future__ import annotations

import contextlib
import io
import json
import threading
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from termbank.errors import NotFound, StoreError, TermbankError
from termbank.server import review

HERE = Path(__file__).resolve().parent
RANK = {"reader": 1, "translator": 2, "terminologist": 3}
MAX_BODY = 1_000_000  # bytes of JSON a write may send
MAX_QUERY = 300


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str

    def may(self, role: str) -> bool:
        return RANK.get(self.role, 0) >= RANK[role]


ANONYMOUS = User("anonymous", "")


class Stores:
    """One store connection per worker thread (SQLite and psycopg connections stay in the
    thread that made them), opened on first use."""

    def __init__(self, target: str | Path, tm: Path | None = None) -> None:
        self.target, self.tm = target, tm
        self._local = threading.local()
        self._all: list = []
        self._lock = threading.Lock()

    def store(self):
        store = getattr(self._local, "store", None)
        if store is not None and getattr(store, "broken", False):  # the server restarted
            with self._lock:
                self._all.remove(store)
            store = None
        if store is None:
            from termbank.store import open_store

            store = self._local.store = open_store(self.target)
            with self._lock:
                self._all.append(store)
        return store

    def memory(self):
        if self.tm is None:
            raise HTTPException(404, "this server has no translation memory (start it with --tm)")
        memory = getattr(self._local, "memory", None)
        if memory is None:
            from termbank.tm.store import TranslationMemory

            memory = self._local.memory = TranslationMemory(self.tm)
            with self._lock:
                self._all.append(memory)
        return memory

    def close(self) -> None:
        with self._lock:
            for thing in self._all:
                try:
                    thing.close()
                except Exception:  # noqa: BLE001 - closing at shutdown; another thread's
                    pass
            self._all.clear()


def create_app(target: str | Path, *, open_reads: bool = True, tm: Path | None = None) -> Starlette:
    """The app serving the store *target* (a postgresql:// URL or an SQLite file)."""
    from termbank.store import open_store

    open_store(target).close()  # fail at start-up, not on the first request
    stores = Stores(target, tm)
    from termbank.server import api, pages

    routes = [
        Route("/api/lookup", api.lookup),
        Route("/api/whoami", api.whoami),
        Route("/api/review", api.review_queue),
        Route("/api/export", api.export),
        Route("/api/tm", api.tm_search),
        Route("/api/concepts", api.new_concept, methods=["POST"]),
        Route("/api/concepts/{concept_id}", api.concept, methods=["GET", "PUT"]),
        Route("/api/concepts/{concept_id}/terms", api.propose, methods=["POST"]),
        Route("/api/concepts/{concept_id}/review", api.review_term, methods=["POST"]),
        Route("/api/concepts/{concept_id}/history", api.history),
        Route("/", pages.search_page),
        Route("/concepts/{concept_id}", pages.concept_page),
        Route("/review", pages.review_page),
        Route("/login", pages.login_page),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        stores.close()

    app = Starlette(routes=routes, exception_handlers={
        HTTPException: _http_error, TermbankError: _termbank_error, ValueError: _bad_value,
        Exception: _unexpected}, lifespan=lifespan)
    app.state.stores = stores
    app.state.open_reads = open_reads
    return app


# -- who is asking ---------------------------------------------------------------------------

def user_of(request: Request, *, header_only: bool = False) -> User:
    """The owner of the request's token, or :data:`ANONYMOUS`; a token nobody has is a 401."""
    token = None
    auth = request.headers.get("authorization", "")
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise HTTPException(401, "the Authorization header must be 'Bearer <token>'")
        token = value.strip()
    elif not header_only:
        token = request.cookies.get("termbank_token") or None
    if token is None:
        return ANONYMOUS
    store = stores(request).store()
    if not hasattr(store, "token_owner"):
        raise HTTPException(401, "this store keeps no tokens (serve a postgresql:// database)")
    owner = store.token_owner(token)
    if owner is None:
        raise HTTPException(401, "unknown token")
    return User(*owner)


def reader(request: Request) -> User:
    user = user_of(request)
    if not request.app.state.open_reads and not user.may("reader"):
        raise HTTPException(401, "this termbase is read with a token: "
                                 "send 'Authorization: Bearer <token>'")
    return user


def writer(request: Request, role: str) -> User:
    """The user of a write request, who must hold *role* (with the token in the header)."""
    user = user_of(request, header_only=True)
    if user is ANONYMOUS:
        raise HTTPException(401, f"this needs a {role}'s token: "
                                 "send 'Authorization: Bearer <token>'")
    if not user.may(role):
        raise HTTPException(403, f"{user.name} is a {user.role}; this needs a {role}")
    return user


def stores(request: Request) -> Stores:
    return request.app.state.stores


def concept_or_404(request: Request):
    """The concept named in the path and its version (``None`` for a store without versions),
    or a 404."""
    concept_id = request.path_params["concept_id"]
    store = stores(request).store()
    if hasattr(store, "get_versioned"):
        found = store.get_versioned(concept_id)
    else:
        got = store.get(concept_id)
        found = (got, None) if got else None
    if found is None:
        raise HTTPException(404, f"no concept {concept_id!r}")
    return found


def expected_version(request: Request) -> int:
    """The version an edit is based on, from ``If-Match`` (an ETag of :func:`etag`)."""
    raw = request.headers.get("if-match")
    if raw is None:
        raise HTTPException(428, "send the version your change is based on: If-Match: \"<version>\" "
                                 "(the ETag of GET /api/concepts/{id})")
    value = raw.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise HTTPException(400, f"If-Match must be a version number in quotes, not {raw!r}")
    return int(value)


def etag(version: int) -> str:
    return f'"{version}"'


async def json_body(request: Request) -> dict:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise HTTPException(413, f"the request body is over {MAX_BODY:,} bytes")
    try:
        data = json.loads(body or b"null")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"the body is not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise HTTPException(400, "the body must be a JSON object")
    return data


def query_text(request: Request, name: str = "q") -> str:
    text = " ".join(request.query_params.get(name, "").split())
    if not text:
        raise HTTPException(400, f"the query is empty: add ?{name}=…")
    if len(text) > MAX_QUERY:
        raise HTTPException(400, f"the query is over {MAX_QUERY} characters")
    return text


# -- errors ----------------------------------------------------------------------------------

def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    from termbank.server.pages import error_page

    return error_page(request, status, message)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    return error_response(request, exc.status_code, exc.detail)


async def _termbank_error(request: Request, exc: TermbankError) -> Response:
    from termbank.store.postgres import VersionConflict

    if isinstance(exc, VersionConflict):
        response = error_response(request, 409, str(exc))
        if exc.current is not None:
            response.headers["ETag"] = etag(exc.current)
        return response
    if isinstance(exc, review.Refused):
        return error_response(request, exc.status, str(exc))
    if isinstance(exc, NotFound):
        return error_response(request, 404, str(exc))
    if isinstance(exc, StoreError):
        return error_response(request, 503, f"the termbase cannot be reached: {exc}")
    return error_response(request, 400, str(exc))


async def _bad_value(request: Request, exc: ValueError) -> Response:
    """A value the model refused (a bad concept id, a term with stray spaces, a bad record)."""
    return error_response(request, 400, str(exc))


async def _unexpected(request: Request, exc: Exception) -> Response:
    """A bug of ours: one line for the client, the traceback only in the server's log."""
    import logging

    if _lost_connection(exc):
        return error_response(request, 503, "the database cannot be reached; try again")
    logging.getLogger("termbank.server").exception("unexpected error on %s", request.url.path)
    return error_response(request, 500, f"internal error ({type(exc).__name__}); "
                                        "the server's log has the details")


def _lost_connection(exc: Exception) -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    return isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError))


def file_response(write, *, media_type: str, filename: str) -> Response:
    """Run a format writer into memory and send the bytes as a download."""
    buffer = io.BytesIO()
    write(buffer)
    return Response(buffer.getvalue(), media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
