"""The web app in real Chromium against the real gateway, Rasa and action server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import shot
from tests.integration_servers import gateway_server

pytestmark = pytest.mark.browser
AXE = Path(__file__).with_name("axe.min.js").read_text(encoding="utf-8")


def start(page: Page, gateway: str, scenario: str = "chores_mental_load") -> None:
    page.goto(gateway + "/")
    page.locator(f'button[data-scenario="{scenario}"]').click()
    expect(page.locator(".msg.partner").first).to_be_visible(timeout=15000)


def say(page: Page, text: str) -> None:
    before = page.locator(".msg").count()
    page.get_by_label("Your reply").fill(text)
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".msg")).not_to_have_count(before, timeout=15000)


def test_a_full_rehearsal_to_its_debrief(page: Page, gateway: str) -> None:
    start(page, gateway)
    say(page, "That makes sense. I can see how much you've been carrying, and I'm sorry.")
    expect(page.locator(".msg.me mark.help").first).to_be_visible()
    say(page, "Whatever, you always exaggerate.")
    expect(page.locator(".msg.me mark.harm").first).to_be_visible()
    page.get_by_role("button", name="Show me a safer way").last.click()
    page.get_by_role("button", name="Use this").first.click()
    expect(page.get_by_label("Your reply")).not_to_have_value("")
    shot(page, "rehearse")
    page.get_by_role("button", name="End and debrief").click()
    expect(page.locator(".msg", has_text="Debrief")).to_be_visible(timeout=15000)


def test_draft_rewrite_and_copy(page: Page, gateway: str) -> None:
    page.goto(gateway + "/")
    page.get_by_role("button", name="Draft").click()
    page.get_by_label("Your message").fill("Just do the dishes, you lazy slob.")
    expect(page.locator("#draft-result mark.harm").first).to_be_visible(timeout=10000)
    page.get_by_role("button", name="Show me safer ways to say it").click()
    first = page.locator("#draft-suggestions li").first
    expect(first).to_be_visible(timeout=10000)
    first.get_by_role("button", name="Copy").click()
    expect(first.get_by_role("button", name="Copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied and copied in first.inner_text()
    shot(page, "draft")


def test_an_xss_attempt_is_shown_as_text(page: Page, gateway: str) -> None:
    start(page, gateway, "money")
    attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    say(page, attack)
    expect(page.locator(".msg.me").last).to_contain_text("<img src=x")
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".msg img, .msg script").count() == 0


def test_the_conversation_survives_a_reload(page: Page, gateway: str) -> None:
    start(page, gateway, "phones_at_dinner")
    say(page, "I hear you. What was dinner like for you last night?")
    page.reload()
    expect(page.locator(".msg.me", has_text="What was dinner like")).to_be_visible(timeout=10000)


def test_a_stopped_server_mid_chat_loses_nothing(page: Page, rasa_url: str, tmp_path: Path) -> None:
    # A gateway of its own, so it can really be stopped in the middle of a conversation.
    env = {"REHEARSE_RASA_URL": rasa_url, "REHEARSE_DATABASE_URL": f"sqlite:///{tmp_path}/stop.db"}
    with gateway_server(env) as url:
        start(page, url, "money")
        say(page, "I hear you. Can you tell me more?")
    page.get_by_label("Your reply").fill("I'm sorry, I should have told you first.")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#status")).to_contain_text("can't be reached")
    expect(page.get_by_label("Your reply")).to_have_value(
        "I'm sorry, I should have told you first."
    )
    expect(page.locator(".msg.me", has_text="Can you tell me more")).to_be_visible()


def test_progress_view_draws_a_chart(page: Page, gateway: str) -> None:
    start(page, gateway)
    say(page, "You never help with anything.")
    page.get_by_role("button", name="Progress").click()
    expect(page.locator("#streak")).to_contain_text("practice day", timeout=10000)
    assert page.evaluate("!!window.Chart && !!Chart.getChart(document.getElementById('chart'))")
    shot(page, "progress")


@pytest.mark.parametrize("width", [360, 1100])
def test_no_serious_accessibility_violations(browser: Browser, gateway: str, width: int) -> None:
    # The app's CSP rightly refuses injected scripts; the audit context sets it aside.
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    start(page, gateway, "money")
    say(page, "I hear you. That sounds really hard.")
    page.add_script_tag(content=AXE)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, json.dumps(
        [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious], indent=1
    )
    shot(page, f"a11y-{width}")
    context.close()


def test_tips_show_on_keyboard_focus(page: Page, gateway: str) -> None:
    start(page, gateway, "money")
    say(page, "You never tell me anything.")
    mark = page.locator(".msg.me mark.harm").first
    mark.focus()
    tip = mark.evaluate("m => getComputedStyle(m, '::after').content").replace("\\", "")
    title = mark.get_attribute("title")
    assert title and title in tip
