"""The JSON API of `termbank serve` on a PostgreSQL termbase: look-up as the CLI, concepts with
versions, proposals and reviews by role, conflicts, exports, the TM, and clear 4xx errors."""

from __future__ import annotations

import io
import json
import threading

import pytest
from click.testing import CliRunner

from termbank.cli import cli
from termbank.formats import tbx
from termbank.store import open_store

from .conftest import bearer


def _hits(answer) -> list[dict]:
    """The results of a lookup answer (a list, or the {"results": …} of the JSON contract)."""
    data = answer.json()
    return data["results"] if isinstance(data, dict) else data


def _terms(client, concept_id: str, lang: str) -> list[dict]:
    return client.get(f"/api/concepts/{concept_id}").json()["concept"]["languages"][lang]["terms"]


def _as(client, role: str, version: int | None = None) -> dict[str, str]:
    headers = bearer(client.tokens[role])
    if version is not None:
        headers["If-Match"] = f'"{version}"'
    return headers


@pytest.mark.parametrize("query", ["мәслихаттарының", "Мажилиса", "EPCA", "Middel Coridor"])
def test_lookup_answers_what_the_cli_prints(reading_client, query):
    client = reading_client
    url = client.app.state.stores.target
    api = client.get("/api/lookup", params={"q": query})
    assert api.status_code == 200
    printed = CliRunner().invoke(cli, ["lookup", query, "--json", "--db", url])
    assert printed.exit_code == 0, printed.output
    assert api.json() == json.loads(printed.output)
    assert _hits(api)[0]["concept"]


def test_the_inflected_kazakh_query_finds_maslikhat_first(reading_client):
    hits = _hits(reading_client.get("/api/lookup", params={"q": "мәслихаттарының"}))
    assert hits[0]["concept"] == "c-maslikhat"
    assert "мәслихат" in json.dumps(hits[0], ensure_ascii=False)


def test_a_concept_comes_with_its_version_as_etag(reading_client):
    client = reading_client
    answer = client.get("/api/concepts/c-maslikhat")
    assert answer.status_code == 200
    assert answer.json()["version"] == 1 and answer.headers["etag"] == '"1"'
    assert answer.json()["concept"]["languages"]["kk"]["terms"][0]["text"] == "мәслихат"
    missing = client.get("/api/concepts/c-nothing-like-it")
    assert missing.status_code == 404 and "c-nothing-like-it" in missing.json()["error"]


def test_who_may_do_what(client):
    body = {"lang": "ru", "text": "маслихаты", "note": "plural in use"}
    path = "/api/concepts/c-maslikhat/terms"
    assert client.post(path, json=body, headers={"If-Match": '"1"'}).status_code == 401
    assert client.post(path, json=body, headers=_as(client, "reader", 1)).status_code == 403
    assert client.post(path, json=body, headers={**bearer("tb_forged"), "If-Match": '"1"'}
                       ).status_code == 401
    # a token in a cookie reads pages but writes nothing (no cross-site writes)
    client.cookies.set("termbank_token", client.tokens["terminologist"])
    assert client.post(path, json=body, headers={"If-Match": '"1"'}).status_code == 401
    client.cookies.clear()
    proposed = client.post(path, json=body, headers=_as(client, "translator", 1))
    assert proposed.status_code == 201 and proposed.json()["version"] == 2
    review = {"lang": "ru", "term": "маслихаты", "action": "approve"}
    assert client.post("/api/concepts/c-maslikhat/review", json=review,
                       headers=_as(client, "translator", 2)).status_code == 403
    approved = client.post("/api/concepts/c-maslikhat/review", json=review,
                           headers=_as(client, "terminologist", 2))
    assert approved.status_code == 200 and approved.headers["etag"] == '"3"'
    terms = client.get("/api/concepts/c-maslikhat").json()["concept"]["languages"]["ru"]["terms"]
    added = [t for t in terms if t["text"] == "маслихаты"][0]
    assert added["review"] == "approved" and added["note"] == "plural in use"
    assert added["sources"] == [{"kind": "translator", "ref": "Timur"}]


def test_an_edit_based_on_an_old_version_is_refused(client):
    path = "/api/concepts/c-maslikhat/review"
    review = {"lang": "kk-Latn", "term": "máslıhat", "action": "approve"}
    assert client.post(path, json=review, headers=_as(client, "terminologist", 1)).status_code == 200
    stale = client.post(path, json={**review, "action": "deprecate"},
                        headers=_as(client, "terminologist", 1))
    assert stale.status_code == 409
    assert "based on version 1" in stale.json()["error"] and stale.headers["etag"] == '"2"'
    missing = client.post(path, json=review, headers=_as(client, "terminologist"))
    assert missing.status_code == 428 and "If-Match" in missing.json()["error"]


def test_two_reviewers_at_once_one_wins_one_gets_a_conflict(client):
    """Both saw version 1; their requests reach the database together."""
    path = "/api/concepts/c-maslikhat/review"
    decisions = [{"lang": "kk-Latn", "term": "máslıhat", "action": "approve"},
                 {"lang": "kk-Latn", "term": "máslıhat", "action": "reject"}]
    start, answers = threading.Barrier(2), []

    def decide(body):
        start.wait()
        answers.append(client.post(path, json=body, headers=_as(client, "terminologist", 1)))

    threads = [threading.Thread(target=decide, args=(d,)) for d in decisions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a.status_code for a in answers) == [200, 409]
    history = client.get("/api/concepts/c-maslikhat/history").json()
    assert [e["version"] for e in history] == [1, 2]


def test_two_whole_concept_edits_at_once_one_gets_a_conflict(client):
    record = client.get("/api/concepts/c-enhanced-partnership-and-cooperation-agreement").json()["concept"]
    edits = [dict(record, note="first"), dict(record, note="second")]
    start, answers = threading.Barrier(2), []

    def put(body):
        start.wait()
        answers.append(client.put("/api/concepts/c-enhanced-partnership-and-cooperation-agreement", json={"concept": body},
                                  headers=_as(client, "terminologist", 1)))

    threads = [threading.Thread(target=put, args=(e,)) for e in edits]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a.status_code for a in answers) == [200, 409]
    winner = [e for e, a in zip(edits, answers) if a.status_code == 200]
    assert client.get("/api/concepts/c-enhanced-partnership-and-cooperation-agreement").json()["concept"]["note"] in {"first", "second"}
    assert len(winner) == 1


def test_a_rejected_term_leaves_the_concept_and_stays_in_the_trail(client, termbase):
    url, _ = termbase
    path = "/api/concepts/c-maslikhat/review"
    rejected = client.post(path, json={"lang": "kk-Latn", "term": "máslıhat", "action": "reject",
                                       "note": "the 2021 alphabet is in force"},
                           headers=_as(client, "terminologist", 1))
    assert rejected.status_code == 200
    concept = client.get("/api/concepts/c-maslikhat").json()["concept"]
    assert [t["text"] for t in concept["languages"]["kk-Latn"]["terms"]] == ["mäslihat"]
    last = client.get("/api/concepts/c-maslikhat/history").json()[-1]
    assert (last["actor"], last["action"], last["detail"]["before"]["text"]) == (
        "Aigul", "reject", "máslıhat")
    assert last["detail"]["before"]["sources"][0]["ref"] == "kk.to_latin (2018 alphabet)"
    # an approved term is deprecated, not rejected
    approved = client.post(path, json={"lang": "kk", "term": "мәслихат", "action": "reject"},
                           headers=_as(client, "terminologist", 2))
    assert approved.status_code == 409 and "deprecate" in approved.json()["error"]
    deprecated = client.post(path, json={"lang": "ru", "term": "маслихат", "action": "deprecate"},
                             headers=_as(client, "terminologist", 2))
    assert deprecated.status_code == 200
    printed = CliRunner().invoke(cli, ["history", "c-maslikhat", "--db", url])
    assert printed.exit_code == 0
    lines = printed.output.splitlines()
    assert len(lines) == 3 and "loader" in lines[0] and "import" in lines[0]
    assert "Aigul" in lines[1] and "reject máslıhat (kk-Latn) — the 2021 alphabet is in force" in lines[1]
    assert "deprecate маслихат (ru)" in lines[2]


def test_a_translator_proposes_a_new_concept(client):
    created = client.post("/api/concepts", json={"terms": {"en": "akimat", "kk": "әкімдік",
                                                            "ru": "акимат"}},
                          headers=_as(client, "translator"))
    assert created.status_code == 201 and created.json() == {"concept": "c-akimat", "version": 1}
    hits = _hits(client.get("/api/lookup", params={"q": "әкімдіктің"}))
    assert hits[0]["concept"] == "c-akimat"
    assert _terms(client, "c-akimat", "kk")[0]["review"] == "proposed"
    again = client.post("/api/concepts", json={"terms": {"en": "Senate"}},  # c-senate exists
                        headers=_as(client, "translator"))
    assert again.status_code == 409 and "exists already" in again.json()["error"]
    queue = client.get("/api/review").json()
    assert {"concept": "c-akimat", "lang": "kk", "term": "әкімдік"} in queue


def test_reads_can_require_a_token(termbase):
    from starlette.testclient import TestClient

    from termbank.server.app import create_app

    url, tokens = termbase
    with TestClient(create_app(url, open_reads=False)) as closed:
        refused = closed.get("/api/lookup", params={"q": "Majilis"})
        assert refused.status_code == 401 and "token" in refused.json()["error"]
        assert closed.get("/?q=Majilis").status_code == 401
        allowed = closed.get("/api/lookup", params={"q": "Majilis"},
                             headers=bearer(tokens["reader"]))
        assert allowed.status_code == 200 and _hits(allowed)[0]["concept"] == "c-majilis"
        closed.cookies.set("termbank_token", tokens["reader"])
        assert closed.get("/?q=Majilis").status_code == 200


BAD_REQUESTS = [
    ("GET", "/api/lookup", {}, None, 400),
    ("GET", "/api/lookup?q=%20%20", {}, None, 400),
    ("GET", "/api/lookup?q=x&limit=ten", {}, None, 400),
    ("GET", "/api/lookup?q=x&lang=kk_KZ", {}, None, 400),
    ("GET", "/api/lookup?q=x&mode=wild", {}, None, 400),
    ("GET", "/api/lookup?q=" + "x" * 400, {}, None, 400),
    ("GET", "/api/export?format=docx", {}, None, 400),
    ("GET", "/api/export?format=tsv", {}, None, 400),
    ("GET", "/api/tm?q=hello", {}, None, 404),
    ("GET", "/api/concepts/c-maslikhat/history/extra", {}, None, 404),
    ("POST", "/api/concepts/c-maslikhat/terms", {"If-Match": '"1"'}, b"{not json", 400),
    ("POST", "/api/concepts/c-maslikhat/terms", {"If-Match": '"1"'}, b"[1, 2]", 400),
    ("POST", "/api/concepts/c-maslikhat/terms", {"If-Match": "yesterday"}, b"{}", 400),
    ("POST", "/api/concepts/c-maslikhat/terms", {"If-Match": '"1"'}, b'{"lang": "kk"}', 400),
    ("POST", "/api/concepts/c-maslikhat/terms", {"If-Match": '"1"'},
     '{"lang": "qq-!", "text": "x"}'.encode(), 400),
    ("POST", "/api/concepts/c-maslikhat/terms", {"If-Match": '"1"'},
     '{"lang": "kk", "text": "мәслихат"}'.encode(), 409),
    ("POST", "/api/concepts/c-nope/terms", {"If-Match": '"1"'},
     b'{"lang": "kk", "text": "x"}', 404),
    ("POST", "/api/concepts", {}, b'{"terms": {}}', 400),
    ("POST", "/api/concepts", {}, b'{"terms": {"en": "x"}, "id": "1 bad id"}', 400),
    ("POST", "/api/concepts", {}, b'{"terms": {"en": 5}}', 400),
    ("POST", "/api/concepts/c-maslikhat/review", {"If-Match": '"1"'},
     b'{"lang": "kk", "term": "nothing", "action": "approve"}', 404),
    ("POST", "/api/concepts/c-maslikhat/review", {"If-Match": '"1"'},
     b'{"lang": "kk", "term": "\\u043c\\u04d9\\u0441\\u043b\\u0438\\u0445\\u0430\\u0442", '
     b'"action": "bless"}', 400),
    ("PUT", "/api/concepts/c-maslikhat", {"If-Match": '"1"'}, b'{"concept": {"id": 5}}', 400),
    ("PUT", "/api/concepts/c-maslikhat", {"If-Match": '"1"'},
     b'{"concept": {"id": "c-epca", "languages": {}}}', 400),
    ("DELETE", "/api/concepts/c-maslikhat", {}, None, 405),
]


@pytest.mark.parametrize(("method", "path", "headers", "body", "status"), BAD_REQUESTS,
                         ids=[f"{m} {p[:40]} {b[:30] if b else ''}" for m, p, _, b, _ in
                              BAD_REQUESTS])
def test_bad_requests_get_a_clear_4xx(reading_client, method, path, headers, body, status):
    """(None of them changes anything, so they share one termbase.)"""
    client = reading_client
    answer = client.request(method, path, content=body,
                            headers={**headers, **bearer(client.tokens["terminologist"])})
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    message = answer.json()["error"]
    assert message and "Traceback" not in message


def test_exports_are_the_current_state(client):
    client.post("/api/concepts/c-maslikhat/review",
                json={"lang": "kk-Latn", "term": "máslıhat", "action": "approve"},
                headers=_as(client, "terminologist", 1))
    answer = client.get("/api/export", params={"format": "tbx"})
    assert answer.status_code == 200 and 'filename="termbank.tbx"' in answer.headers[
        "content-disposition"]
    concepts = {c.id: c for c in tbx.read(io.BytesIO(answer.content))}
    assert concepts["c-maslikhat"].section("kk-Latn").terms[0].review.value == "approved"
    assert len(concepts) == len(client.get("/api/export?format=tbx2").content.split(
        b"<termEntry")) - 1
    tsv = client.get("/api/export", params={"format": "omegat", "target": "kk"})
    assert tsv.status_code == 200 and "termbank.en-kk." in tsv.headers["content-disposition"]
    rows = [r.split("\t") for r in tsv.content.decode("utf-8").splitlines()]
    assert [r[:2] for r in rows if r[-1].endswith("c-maslikhat")] == [["maslikhat", "мәслихат"]]


def test_tm_search_through_the_api(termbase, tmp_path):
    from starlette.testclient import TestClient

    from termbank.server.app import create_app
    from termbank.tm.store import TranslationMemory

    url, _ = termbase
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add_pairs([("The Majilis adopted the law on maslikhats.",
                           "Мәжіліс мәслихаттар туралы заңды қабылдады.")],
                         src_lang="en", tgt_lang="kk", stamp="20250101T000000Z")
    with TestClient(create_app(url, tm=tmp_path / "tm.sqlite")) as tm_client:
        found = tm_client.get("/api/tm", params={"q": "The Majilis adopted the law on maslikhat.",
                                                 "tgt": "kk"})
    assert found.status_code == 200
    match = found.json()["matches"][0]
    assert match["target"] == "Мәжіліс мәслихаттар туралы заңды қабылдады." and match["score"] >= 80


def test_an_sqlite_termbase_is_served_read_only(glossary_dir, tmp_path):
    from starlette.testclient import TestClient

    from termbank.glossary import Glossary
    from termbank.server.app import create_app

    with open_store(tmp_path / "s.sqlite") as store:
        store.add(Glossary(glossary_dir))
    with TestClient(create_app(tmp_path / "s.sqlite")) as ro:
        assert _hits(ro.get("/api/lookup", params={"q": "Мажилиса"}))[0]["concept"] == "c-mazhilis"
        assert ro.get("/concepts/c-mazhilis").status_code == 200
        refused = ro.post("/api/concepts/c-mazhilis/terms", json={"lang": "kk", "text": "x"},
                          headers={"If-Match": '"1"', **bearer("tb_x")})
        assert refused.status_code == 401 and "postgresql" in refused.json()["error"]


def test_token_command_makes_a_working_token(termbase, client):
    url, _ = termbase
    made = CliRunner().invoke(cli, ["token", "create", "Erlan", "--role", "translator",
                                    "--db", url])
    assert made.exit_code == 0
    token = made.output.strip()
    assert client.get("/api/whoami", headers=bearer(token)).json() == {"name": "Erlan",
                                                                       "role": "translator"}
    bad = CliRunner().invoke(cli, ["history", "c-maslikhat", "--db", "missing.sqlite"])
    assert bad.exit_code == 2 and "no such store" in bad.output


def test_a_lost_database_connection_is_a_503_then_the_server_reconnects(client, termbase):
    import psycopg

    url, _ = termbase
    assert client.get("/api/concepts/c-majilis").status_code == 200
    with psycopg.connect(url, autocommit=True) as admin:  # the server's sessions are cut
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    # each worker thread finds its connection cut once (a 503), then opens a new one; the
    # thread pool is bounded (40), so within as many requests every thread has reconnected
    answers = []
    while len(answers) < 60 and (not answers or answers[-1].status_code != 200):
        answers.append(client.get("/api/concepts/c-majilis"))
    assert answers[-1].status_code == 200
    assert {a.status_code for a in answers} <= {200, 503}
    for a in answers:
        if a.status_code == 503:
            assert a.json()["error"] == "the database cannot be reached; try again"


def test_what_people_type_is_shown_as_text_on_the_pages(client):
    script = "<script>alert(1)</script>"
    proposed = client.post("/api/concepts/c-majilis/terms", json={"lang": "en", "text": script},
                           headers=_as(client, "translator", 1))
    assert proposed.status_code == 201
    page = client.get("/concepts/c-majilis").text
    assert script not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    results = client.get("/", params={"q": script}).text
    assert script not in results


def test_the_xlsx_export_reads_back_where_termbank_has_the_format(reading_client):
    try:
        from termbank.formats import xlsx
    except ImportError:
        answer = reading_client.get("/api/export", params={"format": "xlsx"})
        assert answer.status_code == 400 and "no XLSX writer" in answer.json()["error"]
        pytest.skip("this termbank has no XLSX format (termbank.formats.xlsx)")
    answer = reading_client.get("/api/export", params={"format": "xlsx"})
    assert answer.status_code == 200
    concepts = {c.id: c for c in xlsx.read(io.BytesIO(answer.content))}
    assert concepts["c-maslikhat"].preferred("kk").text == "мәслихат"
