"""A real browser for the page tests: Playwright driving Debian's Chromium (headless).

    pytestmark = needs_chromium
    async with chromium_page(viewport=(1280, 720), timezone_id="America/New_York") as page: ...

Every Playwright wait (expect, page waits) gets the suite's reply deadline, scaled
(tests/deadlines.py): a passing check returns at once. `layout(page, selectors)` reads the
bounding boxes of what a test compares, `overlaps` and `outside` say what is wrong with them.
"""
from __future__ import annotations

import os
import shutil
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from tests.deadlines import REPLY, scaled

CHROMIUM = os.environ.get("PUSQUE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def skip_reason() -> str | None:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (requirements-dev.txt)"
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM}: run scripts/ci-system-deps.sh as root (apt install chromium)"
    return None


needs_chromium = pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")


@asynccontextmanager
async def chromium_page(viewport: tuple[int, int] | None = None, **context_options):
    """A new page in a fresh browser context (its own localStorage); closed afterwards."""
    from playwright.async_api import async_playwright, expect

    expect.set_options(timeout=scaled(REPLY) * 1000)  # ms
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            if viewport:
                context_options["viewport"] = {"width": viewport[0], "height": viewport[1]}
            context = await browser.new_context(**context_options)
            page = await context.new_page()
            page.set_default_timeout(scaled(REPLY) * 1000)
            yield page
        finally:
            await browser.close()


async def layout(page, selector: str) -> list[dict]:
    """Bounding boxes (x, y, width, height, right, bottom) of every element matching `selector`,
    with a short name for messages."""
    return await page.eval_on_selector_all(selector, """els => els.map(e => {
        const r = e.getBoundingClientRect();
        const name = e.id ? '#' + e.id : (e.dataset.channel || e.dataset.phase || e.className) + ' ' +
                     (e.textContent || '').trim().slice(0, 30);
        return {name, x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom};
    })""")


def outside(boxes: list[dict], width: int, height: int) -> list[str]:
    """Boxes not wholly inside the viewport (or of no size: not shown)."""
    bad = []
    for b in boxes:
        if b["width"] < 1 or b["height"] < 1:
            bad.append(f"{b['name']!r} not shown")
        elif b["x"] < -0.5 or b["y"] < -0.5 or b["right"] > width + 0.5 or b["bottom"] > height + 0.5:
            bad.append(f"{b['name']!r} at x {b['x']:.0f}-{b['right']:.0f}, y {b['y']:.0f}-{b['bottom']:.0f}")
    return bad


def overlaps(first: list[dict], second: list[dict]) -> list[str]:
    """Pairs (one box from each list, two different boxes) whose areas intersect."""
    bad = []
    for a in first:
        for b in second:
            if a is b or a == b:
                continue
            w = min(a["right"], b["right"]) - max(a["x"], b["x"])
            h = min(a["bottom"], b["bottom"]) - max(a["y"], b["y"])
            if w > 0.5 and h > 0.5:
                bad.append(f"{a['name']!r} and {b['name']!r}")
    return bad


async def screenshot(page, folder: Path, name: str) -> Path:
    """Keep what the browser showed in the test's tmp folder (look at it when a check fails)."""
    path = folder / f"{name}.png"
    await page.screenshot(path=str(path))
    return path
