"""The embeddable widget on a plain page of another origin."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser


def test_widget_chats_scores_and_keeps_its_conversation(page: Page, host_page: str) -> None:
    page.goto(host_page)
    launcher = page.locator("[data-rehearse-widget] >> .launch")
    expect(launcher).to_be_visible()
    # Isolated from the host page's styles: the page's red 40px buttons do not leak in.
    assert launcher.evaluate("b => getComputedStyle(b).fontSize") != "40px"
    launcher.click()
    panel = page.locator("[data-rehearse-widget] >> .panel")
    expect(panel.locator("li").first).to_be_visible(timeout=15000)
    panel.locator("textarea").fill("You never tell me anything about money.")
    panel.get_by_role("button", name="Send").click()
    expect(panel.locator("li.me mark.harm").first).to_be_visible(timeout=15000)
    expect(panel.locator(".meter").first).to_contain_text("unsafe")
    count = panel.locator("li").count()
    shot(page, "widget")
    page.reload()
    panel = page.locator("[data-rehearse-widget] >> .panel")
    expect(panel.locator("li")).to_have_count(count, timeout=10000)
    panel.get_by_role("button", name="Reset").click()
    expect(panel.locator("li.me")).to_have_count(1, timeout=15000)
