"""Real-browser tests: the dashboard on a free local port, Debian's Chromium via Playwright."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_dashboard(library: Path) -> tuple[str, subprocess.Popen]:
    """The dashboard started as `make run` starts it, on a free port; its URL and process."""
    if not CHROMIUM:
        pytest.skip("no Chromium on this machine (apt install chromium); `make test` installs it as root")
    port = _free_port()
    env = {**os.environ, "PRESSLENS_CORPUS": str(ROOT / "seeds"), "PRESSLENS_LIBRARY": str(library)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "presslens.serve",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("the dashboard did not start in 60 s:\n" + proc.stdout.read().decode()[-3000:])
    return url, proc


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    url, proc = start_dashboard(tmp_path_factory.mktemp("library"))
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, accept_downloads=True)
    pg = context.new_page()
    pg.goto(app_url + "/")  # the first session registers the pages with the server
    wait_ready(pg)
    yield pg
    context.close()


def wait_ready(page) -> None:
    """Until the script has run: a title is drawn and the running indicator is gone."""
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=90_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000)
    page.wait_for_timeout(800)


def screenshot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path
