"""A team termbase in PostgreSQL (the search test glossary), with a token per role."""

from __future__ import annotations

from pathlib import Path

import pytest

from termbank.glossary import Glossary
from termbank.store import open_store

SEARCH_GLOSSARY = Path(__file__).resolve().parents[1] / "data" / "search"


@pytest.fixture(scope="session")
def termbase_template(new_postgres_database):
    """A database holding the search glossary and three tokens, to copy for each test."""
    url = new_postgres_database("termbase")
    with open_store(url) as store:
        store.add(Glossary(SEARCH_GLOSSARY), actor="loader")
        tokens = {role: store.create_token(name, role) for name, role in
                  [("Dana", "reader"), ("Timur", "translator"), ("Aigul", "terminologist")]}
    return url, tokens


@pytest.fixture
def termbase(termbase_template, new_postgres_database, request):
    """(URL, {role: token}) of a fresh termbase holding the search glossary (version 1 of
    every concept, loaded by "loader")."""
    template, tokens = termbase_template
    return new_postgres_database(request.node.name, template=template), tokens


def _client(url: str, tokens: dict[str, str]):
    from starlette.testclient import TestClient

    from termbank.server.app import create_app

    test_client = TestClient(create_app(url), raise_server_exceptions=False)
    test_client.tokens = tokens
    return test_client


@pytest.fixture
def client(termbase):
    """A client of the API on a fresh termbase of its own."""
    with _client(*termbase) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def reading_client(termbase_template, new_postgres_database):
    """A client on a termbase shared by a module's tests that change nothing."""
    template, tokens = termbase_template
    with _client(new_postgres_database("reading", template=template), tokens) as test_client:
        yield test_client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
