"""The timeline page and the docs in a real headless Chromium: pick a region, switch language, read a
quote highlighted in its article, summarize from the form, a phone's width, /docs with no network."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import screenshot

WAIT = 20


def wait_for(driver: Any, css: str) -> Any:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(ec.visibility_of_element_located((By.CSS_SELECTOR, css)))


def wait_until(driver: Any, condition: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition)


def only_local_requests(driver: Any, base: str) -> list[str]:
    """Every resource the page loaded that did not come from the service itself."""
    names: list[str] = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    return [n for n in names if not n.startswith(base) and not n.startswith("data:")]


def test_pick_region_switch_language_and_read_a_quote_in_its_article(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(site + "/")
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ar"
    Select(browser.find_element(By.CSS_SELECTOR, "[data-region-select]")).select_by_value("aleppo")
    wait_until(browser, lambda d: "region=aleppo" in d.current_url)
    events = browser.find_elements(By.CSS_SELECTOR, "[data-event]")
    assert events and {e.get_attribute("data-region") for e in events} == {"aleppo"}
    assert browser.find_element(By.CSS_SELECTOR, '[data-map-region="aleppo"]').get_attribute("aria-current") == "true"
    assert only_local_requests(browser, site) == []
    screenshot(browser, "timeline-ar-aleppo")

    browser.find_element(By.CSS_SELECTOR, '[data-lang-switch="en"]').click()
    wait_until(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "ltr"
    assert "region=aleppo" in browser.current_url  # the choice survives the switch
    screenshot(browser, "timeline-en-aleppo")

    # an event with a figure history: open its evidence and read the first quote in its article
    event = next(e for e in browser.find_elements(By.CSS_SELECTOR, "[data-event]")
                 if e.find_elements(By.CSS_SELECTOR, "[data-figures]"))  # fmt: skip
    event.find_element(By.CSS_SELECTOR, "[data-evidence-list] summary").click()
    button = event.find_element(By.CSS_SELECTOR, "[data-evidence]")
    quote = button.get_attribute("data-quote")
    button.click()
    mark = wait_for(browser, "[data-article-panel] mark[data-quote-highlight]")
    assert mark.text.split() == quote.split()
    article_text = browser.find_element(By.CSS_SELECTOR, "[data-article-text]").text
    assert " ".join(quote.split()) in " ".join(article_text.split()) and len(article_text) > len(quote)
    # the highlighted quote is scrolled into view inside the panel
    visible = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", mark
    )
    assert visible
    screenshot(browser, "evidence-en-highlighted", full_page=False)
    browser.find_element(By.CSS_SELECTOR, "[data-article-close]").click()
    wait_until(browser, lambda d: not d.find_element(By.CSS_SELECTOR, "[data-article-panel]").is_displayed())


def test_arabic_quote_highlighted_and_disputes_stand_out(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(site + "/?lang=ar&status=disputed")
    disputed = browser.find_elements(By.CSS_SELECTOR, '[data-event][data-status="disputed"]')
    assert disputed
    badge = disputed[0].find_element(By.CSS_SELECTOR, "[data-disputed]")
    assert badge.is_displayed()
    colour = browser.execute_script("return getComputedStyle(arguments[0]).borderInlineStartColor", disputed[0])
    assert colour == "rgb(179, 38, 30)"  # the disputed red, not the default blue
    disputed[0].find_element(By.CSS_SELECTOR, "[data-evidence-list] summary").click()
    button = disputed[0].find_element(By.CSS_SELECTOR, "[data-evidence]")
    quote = button.get_attribute("data-quote")
    button.click()
    mark = wait_for(browser, "mark[data-quote-highlight]")
    assert mark.text.split() == quote.split()
    assert browser.find_element(By.CSS_SELECTOR, "[data-article-text]").get_attribute("dir") in ("rtl", "ltr")
    screenshot(browser, "evidence-ar-disputed", full_page=False)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_phone_width_has_no_sideways_scroll(browser: Any, site: str, lang: str) -> None:
    browser.set_window_size(390, 844)
    browser.get(f"{site}/?lang={lang}&region=idlib")
    wait_for(browser, "[data-map]")
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # the map sits above the events, each full width, on a phone
    map_box = browser.execute_script("return document.querySelector('.map').getBoundingClientRect().toJSON()")
    events_box = browser.execute_script("return document.querySelector('.events').getBoundingClientRect().toJSON()")
    assert map_box["bottom"] <= events_box["top"] + 1
    screenshot(browser, f"timeline-{lang}-phone")


def test_summarize_form_shows_the_summary(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(site + "/?lang=en")
    text = browser.find_element(By.CSS_SELECTOR, "[data-summarize-text]")
    text.send_keys(
        "Civil defence teams said three civilians were killed and seven injured when shells hit a market "
        "in the town of Saraqib in Idlib province on Monday morning."
    )
    browser.find_element(By.CSS_SELECTOR, "[data-summarize-published]").send_keys("2024-12-02T11:00:00+03:00")
    browser.find_element(By.CSS_SELECTOR, "[data-summarize-send]").click()
    wait_until(browser, lambda d: d.find_element(By.CSS_SELECTOR, "[data-summarize-result]")
               .get_attribute("data-state") in ("done", "error"))  # fmt: skip
    result = browser.find_element(By.CSS_SELECTOR, "[data-summarize-result]")
    assert result.get_attribute("data-state") == "done", result.text
    assert "Saraqib" in result.text
    screenshot(browser, "summarize-en")
    # an error comes back as the service's message, not a blank
    browser.find_element(By.CSS_SELECTOR, "[data-summarize-published]").clear()
    browser.find_element(By.CSS_SELECTOR, "[data-summarize-published]").send_keys("yesterday")
    browser.find_element(By.CSS_SELECTOR, "[data-summarize-send]").click()
    wait_until(browser, lambda d: d.find_element(By.CSS_SELECTOR, "[data-summarize-result]")
               .get_attribute("data-state") == "error")  # fmt: skip
    assert "422" in browser.find_element(By.CSS_SELECTOR, "[data-summarize-result]").text


@pytest.mark.parametrize(("path", "ready"), [("/docs", ".swagger-ui .info .title"), ("/redoc", ".api-info h1")])
def test_docs_render_with_no_network(browser: Any, site: str, path: str, ready: str) -> None:
    browser.get(site + path)
    title = wait_for(browser, ready)
    assert "summarizer" in title.text
    assert only_local_requests(browser, site) == []
    screenshot(browser, "docs" if path == "/docs" else "redoc")
