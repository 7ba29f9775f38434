"""A real headless Chromium (Debian's chromium + chromium-driver, driven by Selenium) against a live server.

Where the browser is missing the tests are skipped with the command that installs it, except under CI
(CI=true), where .ci/run installs it and a missing browser is a failure."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import load_articles
from tests.running_server import live_server

SCREENSHOTS = Path(__file__).parents[2] / "artifacts" / "screenshots"
INSTALL = "apt-get install -y chromium chromium-driver (Debian/Ubuntu), as .ci/run does"


def _binaries() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="session")
def chromium_paths() -> tuple[str, str]:
    found = _binaries()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"chromium and chromedriver are missing on CI; {INSTALL}")
        pytest.skip(f"no chromium/chromedriver here; {INSTALL}")
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service with the eval articles posted (offline engine)."""
    with live_server(tmp_path_factory.mktemp("site")) as base:
        r = httpx.post(base + "/summarize", json={"articles": load_articles()}, timeout=120)
        assert r.status_code == 200, r.text
        yield base


@pytest.fixture
def browser(chromium_paths: tuple[str, str]) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = chromium_paths
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=en-US", "--no-first-run", "--disable-extensions"):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def screenshot(driver: Any, name: str, *, full_page: bool = True) -> Path:
    """Save the page (its first 2,400 pixels, or only the window) under artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if not full_page:
        driver.save_screenshot(str(path))
        return path
    width = driver.execute_script("return document.documentElement.scrollWidth")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    size = driver.get_window_size()
    driver.set_window_size(max(width, 320), min(max(height, 600), 2400))
    driver.save_screenshot(str(path))
    driver.set_window_size(size["width"], size["height"])
    return path
