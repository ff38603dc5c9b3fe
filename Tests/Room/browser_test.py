#!/usr/bin/env python3
"""End-to-end test of room mode in a real browser: Debian's Chromium driven by Selenium.

Five phones (separate browser sessions: their own cookies and local storage, a phone's
window size) and the presenter view go through a whole decision of
`twofold facilitate retail-floor-walk --room`: join by the address with the code in
it, vote, change a vote, the presenter's live count, the reveal (bars, feedback,
questions), go, and the next decision arriving without a reload. Then a phone reloads
and keeps its identity, the facilitator's process is killed with SIGKILL and resumed,
and every page reconnects by itself to the same room; the session runs to its ending
and every page shows it. No page may log a Content-Security-Policy violation.

    Tests/Room/browser_test.py --twofold .build/debug/twofold [--screenshots DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent))
from roomclient import Facilitator, RoomError  # noqa: E402

NAMES = ["Ana", "Ben", "Chi", "Dee", "<script>alert('Eve')</script>"]
# The frozen copies of the library the end-to-end tests play, so content edits cannot break them.
LIBRARY = Path(__file__).resolve().parents[1] / "Fixtures" / "library"
WAIT = 20


def browser(size: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={size}", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.binary_location = os.environ.get("TWOFOLD_CHROMIUM", "/usr/bin/chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("TWOFOLD_CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def until(driver, condition, what: str, timeout: float = WAIT):
    try:
        # Pages re-render on every state, so an element found a moment ago may be gone.
        return WebDriverWait(driver, timeout, poll_frequency=0.1,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
                             ).until(lambda d: condition(d))
    except Exception as error:
        raise AssertionError(f"{what}: not within {timeout}s") from error


def text(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).text


def visible(driver, element_id: str) -> bool:
    return driver.find_element(By.ID, element_id).is_displayed()


def join(phone, url: str, name: str) -> None:
    phone.get(url)
    until(phone, lambda d: visible(d, "join"), "the join form")
    if visible(phone, "roster-name"):
        Select(phone.find_element(By.ID, "roster")).select_by_value(name)
    else:
        until(phone, lambda d: visible(d, "name"), "the name field")
        phone.find_element(By.ID, "name").send_keys(name)
    phone.find_element(By.ID, "join-button").click()
    until(phone, lambda d: visible(d, "decision"), f"{name}'s first decision")


def vote(phone, number: int) -> None:
    phone.find_element(By.CSS_SELECTOR, f'#choices button[data-number="{number}"]').click()
    until(phone, lambda d: d.find_element(By.CSS_SELECTOR, f'#choices button[data-number="{number}"]')
          .get_attribute("aria-pressed") == "true", f"vote {number} shown as chosen")


def csp_violations(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]


def run(args: argparse.Namespace) -> None:
    home = tempfile.mkdtemp(prefix="twofold-room-browser-")
    env = dict(os.environ, TWOFOLD_HOME=home, NO_COLOR="1", TWOFOLD_SCENARIOS=str(LIBRARY))
    argv = [args.twofold, "facilitate", args.scenario, "--room", "--bind", "127.0.0.1", "--port", "0"]
    room = Facilitator(argv, env=env)
    presenter = browser("1280,800")
    phones = [browser("390,844") for _ in NAMES]
    everyone = [presenter, *phones]
    try:
        presenter.get(room.presenter_url)
        until(presenter, lambda d: text(d, "join-code") == room.code, "the presenter view shows the code")
        assert room.join_url in text(presenter, "join-url")

        for phone, name in zip(phones, NAMES):
            join(phone, room.join_url, name)
            assert "?" not in phone.current_url, "the address keeps no code or token after joining"
            assert text(phone, "who") == "You are " + name, text(phone, "who")
        sources = [tag.get_attribute("src") for tag in phones[4].find_elements(By.TAG_NAME, "script")]
        assert [source.rsplit("/", 1)[-1] for source in sources] == ["live.js", "room.js"], f"a name is never markup: {sources}"
        until(presenter, lambda d: text(d, "votes").startswith(f"0 of {len(NAMES)} voted"), "0 of 5 on the projector")

        for index, phone in enumerate(phones):
            vote(phone, 1 if index < 3 else 2)
        until(presenter, lambda d: text(d, "votes").startswith(f"{len(NAMES)} of {len(NAMES)} voted"), "5 of 5 live")
        assert not presenter.find_elements(By.CSS_SELECTOR, ".bar"), "no split before the reveal"
        vote(phones[0], 2)                                   # Ana changes her mind
        assert "change it until the reveal" in text(phones[0], "status")

        for driver in everyone:
            driver.execute_script("window.twofoldNoReload = true")
        room.send("reveal")
        until(presenter, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#choices .bar")) > 0, "bars after the reveal")
        counts = [element.text for element in presenter.find_elements(By.CSS_SELECTOR, "#choices .bar-count")]
        assert counts[:2] == ["2 votes", "3 votes"], counts
        assert visible(presenter, "prompts"), "questions to discuss"
        assert "<script>alert('Eve')</script>" in presenter.find_element(By.ID, "choices").text, "names shown as text"
        for phone in phones:
            until(phone, lambda d: visible(d, "split") and visible(d, "feedback"), "the split and feedback on a phone")
            assert all(not button.is_enabled() for button in phone.find_elements(By.CSS_SELECTOR, "#choices button"))

        room.send("go")
        for driver in everyone:
            until(driver, lambda d: text(d, "number") == "2", "the next decision, live")
            assert driver.execute_script("return window.twofoldNoReload === true"), "arrived without a reload"
        assert not presenter.find_elements(By.CSS_SELECTOR, "#choices .bar")

        phones[1].refresh()
        until(phones[1], lambda d: visible(d, "decision") and text(d, "who") == "You are Ben", "identity after reload")
        vote(phones[1], 1)
        until(presenter, lambda d: text(d, "votes").startswith(f"1 of {len(NAMES)} voted"), "1 of 5")

        if args.shots:
            presenter.save_screenshot(str(Path(args.shots) / "presenter.png"))
            phones[0].save_screenshot(str(Path(args.shots) / "phone.png"))

        room.process.send_signal(signal.SIGKILL)
        room.process.wait()
        until(phones[0], lambda d: visible(d, "connection"), "the phone notices the room is gone")
        room = Facilitator([args.twofold, "resume"], env=env)
        assert room.join_url in text(presenter, "join-url"), "the same address and code after resume"
        until(presenter, lambda d: not visible(d, "connection") and text(d, "votes").startswith("1 of"),
              "the presenter view reconnects by itself", timeout=30)
        for phone in phones:
            until(phone, lambda d: not visible(d, "connection") and text(d, "number") == "2",
                  "a phone reconnects by itself", timeout=30)
        assert phones[1].find_element(By.CSS_SELECTOR, '#choices button[data-number="1"]').get_attribute("aria-pressed") == "true"

        while room.process.poll() is None:
            room.send("go 1")
            try:
                room.wait_for(re.compile(r"^(── Decision|── Ending|── Results)"), 20)
            except RoomError:
                break
            if any(line.startswith("── Results") for line in room.lines):
                break
        for driver in everyone:
            until(driver, lambda d: visible(d, "ended"), "every page shows the ending")
        status = room.close()
        assert status == 0, f"the facilitator's process exited {status}"
        for driver in everyone:
            problems = csp_violations(driver)
            assert not problems, problems
    finally:
        for driver in everyone:
            driver.quit()
        if room.process.poll() is None:
            room.process.kill()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--twofold", required=True, help="the twofold binary")
    parser.add_argument("--scenario", default="retail-floor-walk", help="scenario id or file (default retail-floor-walk)")
    parser.add_argument("--screenshots", dest="shots", metavar="DIR", help="save a presenter and a phone screenshot here")
    arguments = parser.parse_args()
    started = time.monotonic()
    try:
        run(arguments)
    except (AssertionError, RoomError) as failure:
        print(f"room browser: FAILED: {failure}")
        print("room browser: 0 passed, 1 failed")
        sys.exit(1)
    print(f"room browser: 5 phones and the presenter view through a whole session in {time.monotonic() - started:.0f}s")
    print("room browser: 1 passed, 0 failed")
