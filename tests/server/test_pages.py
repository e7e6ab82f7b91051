"""The HTML pages without a browser: what each shows to whom."""

from __future__ import annotations


def test_the_search_page_shows_every_language_with_status_and_evidence(reading_client):
    page = reading_client.get("/", params={"q": "Мажилиса"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    first = page.text.split('<li class="result">')[1]
    assert 'href="/concepts/c-majilis"' in first
    for lang, term in [("kk", "Мәжіліс"), ("ru", "Мажилис"), ("kk-Latn", "Májilis")]:
        assert f'<span class="text" lang="{lang}">{term}</span>' in first
    assert "status-preferred" in first and '<a href="https://' in first


def test_nothing_found_suggests_and_a_missing_concept_is_a_404_page(reading_client):
    page = reading_client.get("/", params={"q": "Majilsi Palata"})
    assert page.status_code == 200
    missing = reading_client.get("/concepts/c-no-such-thing")
    assert missing.status_code == 404 and "no concept &#39;c-no-such-thing&#39;" in missing.text


def test_the_review_queue_offers_buttons_to_terminologists_only(reading_client):
    client = reading_client
    anonymous = client.get("/review")
    assert anonymous.status_code == 200 and 'data-action="approve"' not in anonymous.text
    assert "c-maslikhat" in anonymous.text  # máslıhat waits for review
    client.cookies.set("termbank_token", client.tokens["translator"])
    translator = client.get("/concepts/c-maslikhat").text
    assert 'id="propose"' in translator and 'data-action=' not in translator
    client.cookies.set("termbank_token", client.tokens["terminologist"])
    queue = client.get("/review").text
    assert ('data-action="approve" data-concept="c-maslikhat" data-lang="kk-Latn"\n'
            '                        data-term="máslıhat" data-version="1"') in queue
    client.cookies.set("termbank_token", "tb_forged")
    assert client.get("/review").status_code == 401
    client.cookies.clear()
