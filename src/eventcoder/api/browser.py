"""Driving the web page in headless Chromium, for the page tests, the screenshot script and
the load benchmark: one launch, one in-process server, one "paste and code" step.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package (the
``test`` extra); nothing here runs when the API serves requests.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Any

__all__ = [
    "chromium_paths",
    "code_on_page",
    "free_port",
    "headless_chromium",
    "paste_text",
    "press_code",
    "serve_in_thread",
]

_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def chromium_paths() -> tuple[str, str] | None:
    """(chromium, chromedriver) when both are installed, else None."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


def headless_chromium(
    profile: str | Path, window: tuple[int, int] = (1400, 1000), console_log: bool = False
) -> Any:
    """A headless Chromium WebDriver with its profile in ``profile`` (a fresh folder), no
    background traffic of its own; ``console_log`` keeps the page's console messages."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    if paths is None:
        raise RuntimeError(
            "chromium and chromedriver are needed (Debian: chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for arg in (*_ARGS, f"--window-size={window[0]},{window[1]}", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    if console_log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(paths[1]), options=options)
    driver.set_page_load_timeout(60)
    return driver


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_in_thread(app: Any, timeout: float = 60.0) -> tuple[str, Any]:
    """Serve ``app`` with uvicorn on a free loopback port in a daemon thread; returns the
    base URL and the server (set ``should_exit`` to stop it)."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the page server did not start")
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def paste_text(driver: Any, base: str, text: str, date: str | None = None) -> None:
    """Open the page and fill in ``text`` and its publication ``date``, as a user pastes them."""
    driver.get(base + "/")
    driver.execute_script("document.getElementById('text').value = arguments[0]", text)
    if date:
        driver.execute_script("document.getElementById('date').value = arguments[0]", date)


def press_code(driver: Any, timeout: float = 120) -> list[Any]:
    """Press Code and wait for the highlighted event triggers, which are returned."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.find_element(By.ID, "code-btn").click()
    found: list[Any] = WebDriverWait(driver, timeout).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#doc .m-trigger")
    )
    return found


def code_on_page(
    driver: Any, base: str, text: str, date: str | None = None, timeout: float = 120
) -> list[Any]:
    """Paste ``text`` into the page and code it; the highlighted event triggers."""
    paste_text(driver, base, text, date)
    return press_code(driver, timeout)
