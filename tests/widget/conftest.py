"""Fixtures of the widget tests: Debian's Chromium driven by Playwright (the fake bot serving the real widget,
`fake_bot`, is in tests/servers.py)."""
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
PHONE = {"viewport": {"width": 375, "height": 667}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Per module: Playwright's sync API keeps an event loop running, which would stop the asyncio tests of the
    modules after it (`pytest tests/widget tests/wechat`)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test-deps` (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def page_on(browser: Browser, device: dict[str, Any]) -> Iterator[Page]:
    """A page in a fresh context (its own localStorage); an alert() or a page error fails the test."""
    context = browser.new_context(locale="zh-CN", **device)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.on("dialog", lambda dialog: dialog.dismiss())
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def phone(browser: Browser):
    yield from page_on(browser, PHONE)


@pytest.fixture
def desktop(browser: Browser):
    yield from page_on(browser, DESKTOP)
