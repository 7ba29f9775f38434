"""The timeline page at /, parsed without a browser: languages, filters, map, events, evidence hooks."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from fastapi.testclient import TestClient

from summarizer.api.routes.pages import asset_url
from summarizer.reading import places


def page(client: TestClient, **params: Any) -> tuple[int, BeautifulSoup]:
    r = client.get("/", params=params)
    assert r.headers["content-type"].startswith("text/html")
    return r.status_code, BeautifulSoup(r.text, "html.parser")


def tag(found: object) -> Tag:
    assert isinstance(found, Tag), found
    return found


@pytest.fixture
def filled(client: TestClient, all_articles: list[dict[str, Any]]) -> TestClient:
    assert client.post("/summarize", json={"articles": all_articles}).status_code == 200
    return client


def test_empty_store_page_says_how_to_fill_it(client: TestClient) -> None:
    status, soup = page(client)
    assert status == 200
    assert soup.select_one("[data-empty]") is not None
    assert not soup.select("[data-event]")
    assert tag(soup.select_one("[data-event-count]"))["data-event-count"] == "0"


def test_arabic_by_default_right_to_left_and_english_on_request(filled: TestClient) -> None:
    _, ar = page(filled)
    html = tag(ar.html)
    assert html["lang"] == "ar" and html["dir"] == "rtl"
    assert "الخط الزمني" in tag(ar.title).text
    switch = tag(ar.select_one("[data-lang-switch]"))
    assert switch["data-lang-switch"] == "en" and "lang=en" in str(switch["href"])
    _, en = page(filled, lang="en")
    assert tag(en.html)["lang"] == "en" and tag(en.html)["dir"] == "ltr"
    assert tag(en.select_one("[data-lang-switch]"))["data-lang-switch"] == "ar"
    # an English page shows English descriptions where the event has them
    descs = [d for d in en.select("[data-event] .desc")]
    assert descs and sum(d["lang"] == "en" for d in descs) > len(descs) / 2


def test_region_filter_keeps_only_that_governorate(filled: TestClient) -> None:
    api = filled.get("/timeline", params={"region": "aleppo", "limit": 1000}).json()["events"]
    _, soup = page(filled, region="حلب", lang="en")
    events = soup.select("[data-event]")
    assert [e["data-event"] for e in events] == [e["id"] for e in api]
    assert events and {e["data-region"] for e in events} == {"aleppo"}
    selected = tag(soup.select_one("[data-region-select] option[selected]"))
    assert selected["value"] == "aleppo"
    assert tag(soup.select_one('[data-map-region="aleppo"]'))["aria-current"] == "true"


def test_type_status_and_dates_filter_like_the_api(filled: TestClient) -> None:
    params = [("type", "strike"), ("type", "clash"), ("from", "2024-11-28"), ("to", "2024-11-30")]
    api = filled.get("/timeline", params=[*params, ("limit", "1000")]).json()["events"]
    r = filled.get("/", params=params)
    soup = BeautifulSoup(r.text, "html.parser")
    events = soup.select("[data-event]")
    assert [e["data-event"] for e in events] == [e["id"] for e in api] and events
    assert {e["data-type"] for e in events} <= {"strike", "clash"}
    checked = {str(i["value"]) for i in soup.select('input[name="type"][checked]')}
    assert checked == {"strike", "clash"}
    _, disputed = page(filled, status="disputed")
    rows = disputed.select("[data-event]")
    assert rows and all(e["data-status"] == "disputed" for e in rows)
    assert all(e.select_one("[data-disputed]") is not None for e in rows)  # disputes stand out
    assert all(e.select_one('[data-stance="denies"]') for e in rows)


def test_bad_filters_are_said_not_crashed(filled: TestClient) -> None:
    status, soup = page(filled, region="atlantis", type="meteor", **{"from": "30/11/2024"})
    assert status == 422
    problems = tag(soup.select_one("[data-problems]")).text
    assert "atlantis" in problems and "meteor" in problems and "30/11/2024" in problems
    assert soup.select("[data-event]")  # the rest of the page still works


def test_each_event_shows_date_precision_place_figures_attribution_and_evidence(filled: TestClient) -> None:
    api = {e["id"]: e for e in filled.get("/timeline", params={"limit": 1000}).json()["events"]}
    _, soup = page(filled, lang="en")
    with_figures = 0
    for li in soup.select("[data-event]"):
        e = api[str(li["data-event"])]
        assert tag(li.select_one("[data-date]"))["datetime"] == e["date"]
        assert tag(li.select_one("[data-precision]"))["data-precision"] == e["date_precision"]
        assert [b["data-quote"] for b in li.select("[data-evidence]")] == [q["quote"] for q in e["evidence"]]
        assert [b["data-article-id"] for b in li.select("[data-evidence]")] == [q["article_id"] for q in e["evidence"]]
        assert [s["data-stance"] for s in li.select("[data-stance]")] == [a["stance"] for a in e["attribution"]]
        if e["figures"]:
            with_figures += 1
            history = li.select("[data-figures] li")
            assert len(history) == len(e["figures"])
            assert all((f["source"] or "") in h.text for f, h in zip(e["figures"], history, strict=True))
        if e["region"]:
            assert tag(li.select_one("[data-place] a"))["href"].__contains__(f"region={e['region']}")
    assert with_figures


def test_map_has_a_dot_per_governorate_sized_by_events(filled: TestClient) -> None:
    _, soup = page(filled)
    dots = {str(a["data-map-region"]): a for a in soup.select("[data-map-region]")}
    assert len(dots) == 14
    counts = {k: int(str(a["data-count"])) for k, a in dots.items()}
    api = filled.get("/timeline", params={"limit": 1000}).json()["events"]
    assert counts["aleppo"] == sum(e["region"] == "aleppo" for e in api) > 0
    radius = {k: float(str(tag(a.select_one("circle"))["r"])) for k, a in dots.items()}
    assert radius["aleppo"] == max(radius.values()) > radius["quneitra"]
    # every dot lies inside the drawing
    width, height = (float(v) for v in str(tag(soup.select_one("[data-map]"))["viewbox"]).split()[2:])
    for a in dots.values():
        c = tag(a.select_one("circle"))
        assert 0 < float(str(c["cx"])) < width and 0 < float(str(c["cy"])) < height
    # west to east and north to south as on a map: Latakia left of Deir ez-Zor, Aleppo above Daraa
    cx = {k: float(str(tag(a.select_one("circle"))["cx"])) for k, a in dots.items()}
    cy = {k: float(str(tag(a.select_one("circle"))["cy"])) for k, a in dots.items()}
    assert cx["latakia"] < cx["deir-ez-zor"] and cy["aleppo"] < cy["daraa"]


def test_exports_link_with_the_same_filters(filled: TestClient) -> None:
    _, soup = page(filled, region="hama", type="strike")
    for fmt in ("csv", "geojson", "acled"):
        href = str(tag(soup.select_one(f'[data-export="{fmt}"]'))["href"])
        assert href.startswith("/timeline?") and "region=hama" in href and "type=strike" in href
        assert filled.get(href).status_code == 200


def test_assets_are_local_and_served(client: TestClient) -> None:
    _, soup = page(client)
    urls = [str(t.get("src") or t.get("href")) for t in soup.select("script[src], link[href]")]
    assert urls and all(u.startswith("/") for u in urls)  # nothing from a CDN
    for u in urls:
        r = client.get(u)
        assert r.status_code == 200 and r.content
    assert client.get("/static/../pages.py").status_code == 404


def test_page_text_is_escaped(client: TestClient) -> None:
    evil = {"text": "قتل 3 مدنيين في قصف على مدينة إدلب <script>alert(1)</script> وفق الدفاع المدني.",
            "published_at": "2024-12-01T10:00:00+03:00", "source": "<img src=x onerror=alert(1)>"}  # fmt: skip
    assert client.post("/summarize", json={"articles": [evil]}).status_code == 200
    html = client.get("/").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert re.search(r"&lt;(script|img)", html)


def test_summarize_form_and_article_panel_hooks(client: TestClient) -> None:
    _, soup = page(client)
    form = tag(soup.select_one("[data-summarize-form]"))
    assert form.select_one("[data-summarize-text]") and form.select_one("[data-summarize-published]")
    assert tag(form.select_one("[data-summarize-key]"))["type"] == "password"
    assert soup.select_one("dialog[data-article-panel] [data-article-text]") is not None


def test_article_endpoint_returns_stored_text(filled: TestClient, all_articles: list[dict[str, Any]]) -> None:
    first = all_articles[0]
    r = filled.get(f"/articles/{first['id']}")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == first["id"] and body["text"] == first["text"] and body["language"] in ("ar", "en")
    missing = filled.get("/articles/nope")
    assert missing.status_code == 404 and missing.json()["error"]["fields"][0]["field"] == "article_id"
    # every quote on the timeline is inside its article's stored text
    for e in filled.get("/timeline", params={"limit": 1000}).json()["events"]:
        for q in e["evidence"]:
            assert q["quote"] in filled.get(f"/articles/{q['article_id']}").json()["text"]


def test_with_keys_the_page_and_articles_need_a_read_key(make_client: Any, tmp_path: Path) -> None:
    from summarizer.keys import KeyRing, parse_scopes

    path = tmp_path / "keys.json"
    ring = KeyRing.load(path)
    read, write = ring.add(path, parse_scopes("read")), ring.add(path, parse_scopes("write"))
    client = make_client(keys_file=path)
    assert client.get("/").status_code == 401
    assert client.get("/articles/a1").status_code == 401
    assert client.get("/articles/a1", headers={"Authorization": f"Bearer {write}"}).status_code == 403
    assert client.get("/articles/a1", headers={"Authorization": f"Bearer {read}"}).status_code == 404
    page = client.get("/", headers={"Authorization": f"Bearer {read}"})
    assert page.status_code == 200 and "data-summarize-key" in page.text
    # what the page needs to work offline stays open: its assets, the docs and /metrics
    assert client.get(asset_url("app.js")).status_code == 200
    assert client.get("/docs").status_code == 200 and client.get("/metrics").status_code == 200


def test_map_shows_the_selected_regions_country(client: TestClient) -> None:
    body = {
        "articles": [
            {
                "id": "map-gaza-1",
                "source": "Test Wire",
                "published_at": "2024-08-10T09:00:00+03:00",
                "text": "قتل 12 فلسطينيا على الأقل فجر اليوم السبت في غارة إسرائيلية على منزل في مخيم النصيرات "
                "وسط قطاع غزة، بحسب الدفاع المدني في غزة.",
            }
        ]
    }
    assert client.post("/summarize", json=body).status_code == 200
    _, soup = page(client, region="PS-DEB")
    dots = {str(a["data-map-region"]): a for a in soup.select("[data-map-region]")}
    assert dots and all(places.resolve_region(k).country == "PS" for k in dots)  # type: ignore[union-attr]
    assert not soup.select(".map-outline")  # Syria's outline is not drawn under another country
    width, height = (float(v) for v in str(tag(soup.select_one("[data-map]"))["viewbox"]).split()[2:])
    for a in dots.values():
        c = tag(a.select_one("circle"))
        assert 0 < float(str(c["cx"])) < width and 0 < float(str(c["cy"])) < height
    # with no region picked, the map follows the events: here they are all in Palestine
    _, soup = page(client)
    assert {places.resolve_region(str(a["data-map-region"])).country for a in soup.select("[data-map-region]")} == {"PS"}  # type: ignore[union-attr]


def test_with_keys_a_browser_gives_its_key_once_and_reads_with_a_cookie(make_client: Any, tmp_path: Path) -> None:
    from summarizer.keys import KeyRing, parse_scopes

    path = tmp_path / "keys.json"
    ring = KeyRing.load(path)
    read, write = ring.add(path, parse_scopes("read")), ring.add(path, parse_scopes("write"))
    client = make_client(keys_file=path)
    asked = client.get("/?lang=en")
    assert asked.status_code == 401 and "data-key-form" in asked.text and "summarizer_key" not in asked.headers.get(
        "set-cookie", ""
    )
    wrong = client.post("/session", data={"key": write, "lang": "en"}, follow_redirects=False)
    assert wrong.status_code == 401 and "data-key-wrong" in wrong.text and "set-cookie" not in wrong.headers
    ok = client.post("/session", data={"key": read, "lang": "en"}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/?lang=en"
    cookie = ok.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    page = client.get("/?lang=en")  # the client keeps the cookie, as a browser does
    assert page.status_code == 200 and "data-summarize-key" in page.text
    assert client.get("/timeline").status_code == 200  # reads go with the cookie ...
    body = {"articles": [{"text": "Shelling hit Idlib city on Friday.", "published_at": "2024-11-29T10:00:00Z"}]}
    assert client.post("/summarize", json=body).status_code == 401  # ... writes never do
    forgot = client.post("/session", data={"key": ""}, follow_redirects=False)
    assert forgot.status_code == 303
    client.cookies.clear()
    assert client.get("/").status_code == 401
