"""Screenshot of the web page for the README: paste an example article, open an event.

    python scripts/page_screenshot.py [--db eventcoder.duckdb] [--output docs/page.png]

Needs Debian's chromium and chromium-driver. The server runs in this process on a free port.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="eventcoder.duckdb")
    parser.add_argument("--article", type=Path, default=ROOT / "examples" / "sahel-transition.txt")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "page.png")
    args = parser.parse_args()

    from selenium.webdriver.common.by import By

    from eventcoder.api import create_app
    from eventcoder.api.browser import code_on_page, headless_chromium, serve_in_thread
    from eventcoder.store import open_store

    store = open_store(args.db)
    app = create_app(store)
    app.state.service.coder()  # load it now, so the page shows the coding time alone
    base, server = serve_in_thread(app)
    header, body = args.article.read_text(encoding="utf-8").split("\n\n", 1)
    date = next((line[6:] for line in header.splitlines() if line.startswith("Date: ")), "")
    profile = tempfile.mkdtemp(prefix="ec-shot-")
    driver = headless_chromium(profile, window=(1300, 900))
    try:
        code_on_page(driver, base, body, date)
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
