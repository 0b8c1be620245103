"""The web page end to end in headless Chromium (Debian's chromium and chromium-driver).

Paste a text, wait for the highlighted events, open an event's explanation, browse the
store (timeline, dyad series, map), open a stored document, and take screenshots. Skipped
only when Chromium is absent and CI is not set; in CI a missing browser fails the test.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from eventcoder.api.browser import chromium_paths, code_on_page, headless_chromium, serve_in_thread

pytestmark = pytest.mark.browser

TEXT = (
    "On Monday the European Union imposed new sanctions on Russia over the attack on Kyiv. "
    "The Ukrainian army said it had 4,000 troops in the city, while Moscow put the figure at "
    "10,000."
)

if chromium_paths() is None:
    if os.environ.get("CI"):
        pytest.fail(
            "chromium and chromedriver are needed in CI (apt-get install chromium chromium-driver)",
            pytrace=False,
        )
    pytest.skip("chromium or chromedriver not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def server(app):
    base, instance = serve_in_thread(app)
    yield base
    instance.should_exit = True


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = headless_chromium(tmp_path_factory.mktemp("chromium-profile"), console_log=True)
    yield driver
    driver.quit()


def _wait(driver, css: str, timeout: float = 90):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))


def _until(driver, check, timeout: float = 90):
    """Wait until ``check(driver)`` holds, re-reading the page each time.

    The page re-renders its tables while data arrive, so an element read a moment ago can go
    stale on a busy machine; a stale read is retried rather than failing the test.
    """
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(
        driver, timeout, ignored_exceptions=(StaleElementReferenceException,)
    ).until(check)


def _click(driver, css: str) -> bool:
    """Click the first element matching ``css`` (for ``_until``: False while there is none;
    a row re-rendered between finding and clicking goes stale and is retried)."""
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.CSS_SELECTOR, css)
    if not found:
        return False
    found[0].click()
    return True


def _shots() -> Path:
    folder = Path(os.environ.get("EVENTCODER_SCREENSHOTS", "") or "/nonexistent")
    return folder if folder.is_dir() else Path()


def test_paste_text_see_events_and_their_explanation(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    triggers = code_on_page(browser, server, TEXT, "2024-03-05", timeout=240)
    assert "imposed" in [t.text for t in triggers]
    assert any(
        a.text == "the European Union"
        for a in browser.find_elements(By.CSS_SELECTOR, "#doc .m-actor")
    )
    assert browser.find_elements(By.CSS_SELECTOR, "#doc .m-date")  # "Monday"
    assert browser.find_elements(By.CSS_SELECTOR, "#doc .m-figure")
    assert "events" in browser.find_element(By.ID, "status").text
    imposed = next(t for t in triggers if t.text == "imposed")
    imposed.click()
    explain = browser.find_element(By.ID, "explain").text
    assert "Why this event was coded" in explain
    assert "IGOEU" in explain and "163" in explain and "Monday" in explain and "rule" in explain
    shot = tmp_path / "code.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    if _shots() != Path():
        browser.save_screenshot(str(_shots() / "page-code.png"))


def test_empty_text_shows_a_clear_message(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    browser.find_element(By.ID, "code-btn").click()
    status = browser.find_element(By.ID, "status")
    assert "Paste some text" in status.text and "error" in status.get_attribute("class")


def test_browse_the_store(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    browser.find_element(By.ID, "tab-browse").click()
    _wait(browser, "#timeline-chart svg")
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline-chart .tl-point")
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline-chart .tl-band")
    _wait(browser, "#dyad-chart svg .dyad-bar")
    _wait(browser, "#map .leaflet-interactive")  # the world outline and the located event
    # the seeded event with coordinates, and events the page coded and stored on a map too
    _until(
        browser,
        lambda d: re.search(r"\b[1-9]\d* located events", d.find_element(By.ID, "map-note").text),
    )
    _until(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#docs-table tbody tr")) >= 2)
    _until(browser, lambda d: "Freedonian ministry" in d.find_element(By.ID, "conflicts").text)
    _until(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")) == 5)
    # filter: only material conflict
    browser.find_element(By.CSS_SELECTOR, "select[name=quad] option[value='4']").click()
    browser.find_element(By.ID, "filter-btn").click()
    _until(
        browser,
        lambda d: "(2 real-world events)" in d.find_element(By.ID, "events-count").text,
        timeout=60,
    )
    if _shots() != Path():
        browser.save_screenshot(str(_shots() / "page-browse.png"))
    # open a stored document: its text is rebuilt from its sentences, with marks
    _until(browser, lambda d: _click(d, "#docs-table tbody tr[data-doc='a']"))
    _until(
        browser,
        lambda d: (
            "protested" in [t.text for t in d.find_elements(By.CSS_SELECTOR, "#doc .m-trigger")]
        ),
    )
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
