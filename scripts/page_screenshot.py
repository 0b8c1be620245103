"""Screenshot of the web page for the README: paste an example article, open an event.

    python scripts/page_screenshot.py [--db eventcoder.duckdb] [--output docs/page.png]

Needs Debian's chromium and chromium-driver. The server runs in this process on a free port.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="eventcoder.duckdb")
    parser.add_argument("--article", type=Path, default=ROOT / "examples" / "sahel-transition.txt")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "page.png")
    args = parser.parse_args()

    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from eventcoder.api import create_app
    from eventcoder.store import open_store

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = open_store(args.db)
    app = create_app(store)
    app.state.service.coder()  # load it now, so the page shows the coding time alone
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    header, body = args.article.read_text(encoding="utf-8").split("\n\n", 1)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    profile = tempfile.mkdtemp(prefix="ec-shot-")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1300,900",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.get(f"http://127.0.0.1:{port}/")
        driver.execute_script("document.getElementById('text').value = arguments[0]", body)
        date = next((line[6:] for line in header.splitlines() if line.startswith("Date: ")), "")
        driver.execute_script("document.getElementById('date').value = arguments[0]", date)
        driver.find_element(By.ID, "code-btn").click()
        WebDriverWait(driver, 120).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#doc .m-trigger")
        )
        events = driver.find_elements(By.CSS_SELECTOR, "#records .rec-event")
        both = [e for e in events if "→ ?" not in e.text and not e.text.startswith("?")]
        target = (both or events)[0]
        target.click()
        driver.execute_script("window.scrollTo(0, 0)")
        args.output.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(args.output))
    finally:
        driver.quit()
        server.should_exit = True
        store.close()
        shutil.rmtree(profile, ignore_errors=True)
    print(args.output)


if __name__ == "__main__":
    main()
