"""Screenshot dashboard pages in headless Chromium: `python scripts/screenshot.py URL OUT.png [...]`.

For looking at the app as a user would; the e2e suite (tests/e2e) uses the same browser setup.
"""
from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def wait_ready(page) -> None:
    """Wait until the page's script has finished and its title is drawn."""
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=90_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000)
    page.wait_for_timeout(1500)


def main(pairs: list[str]) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 2200})
        for url, out in zip(pairs[::2], pairs[1::2]):
            page.goto(url)
            wait_ready(page)
            page.screenshot(path=out, full_page=True)
            print("saved", out)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
