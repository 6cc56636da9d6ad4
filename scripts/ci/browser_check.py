#!/usr/bin/env python3
"""Real-browser check of Rapport's web UI, driven by headless Chromium through Selenium.

What it does, against a real `rapport serve` on 127.0.0.1:
  1. prepares a fresh data folder: `rapport migrate`, `rapport demo --people N`,
     `rapport user create --role administrator` (password given in RAPPORT_PASSWORD);
  2. starts `rapport serve` and waits for /ready (bounded), checks /health;
  3. in Chromium (1280x900): a wrong password shows an error and does not log in;
     the right one lands on the dashboard (/) with nav#main-nav;
  4. /customers lists people; the first one's surname is searched through
     form#customer-search and the person is among the results;
  5. the person's 360 page shows h1.person-name = the name, contact points, household,
     organisations, purchases and interactions sections, loads nothing from elsewhere;
  6. the same page at tablet width (820x1180): same content, no sideways scrolling;
     the same person is found again by full name, e-mail, phone and person ID;
  7. logging out through form#logout-form ends the session;
  8. with JavaScript off, logging in, searching and the 360 page still work.
Screenshots go to WORKDIR/screenshots (paths printed). Any failure exits 1 with a message,
the page's URL and text, and the tail of the server log. The server is stopped on exit.

Usage: browser_check.py --rapport PATH [--port N] [--people N] [--workdir DIR]
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager look for drivers online

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 20            # seconds for any element or navigation
PAGE_LOAD = 30       # seconds for a page load
READY_TIMEOUT = 60   # seconds for /ready after `rapport serve` starts
USERNAME = "ciadmin"


# Settings from the environment that would point rapport elsewhere than the flags say.
_OVERRIDES = ("RAPPORT_DATABASE_URL", "RAPPORT_DATA_DIR", "RAPPORT_HOST", "RAPPORT_PORT", "RAPPORT_PASSWORD")


def rapport_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in _OVERRIDES}
    env.update(extra)
    return env


class CheckFailed(Exception):
    pass


def say(msg: str) -> None:
    print(f"[browser-check {time.strftime('%H:%M:%S')}] {msg}", flush=True)


class Checks:
    def __init__(self) -> None:
        self.count = 0

    def ok(self, cond: bool, what: str, detail: str = "") -> None:
        if not cond:
            raise CheckFailed(what + (f": {detail}" if detail else ""))
        self.count += 1
        print(f"  [ok] {what}" + (f" ({detail})" if detail else ""), flush=True)


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def run_cli(args: list[str], timeout: int, env: dict | None = None) -> str:
    say("$ " + " ".join(args))
    t0 = time.monotonic()
    try:
        p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           timeout=timeout, env=env or rapport_env(), stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        out = e.stdout if isinstance(e.stdout, str) else (e.stdout or b"").decode("utf-8", "replace")
        print(tail(out, 40))
        raise CheckFailed(f"`{' '.join(args[1:3])}` did not finish within {timeout} s")
    out = p.stdout or ""
    print(tail(out, 25), flush=True)
    say(f"  exit {p.returncode} after {time.monotonic() - t0:.1f} s")
    if p.returncode != 0:
        raise CheckFailed(f"`{' '.join(args[1:3])}` exited with {p.returncode}")
    return out


def tail(text: str, n: int) -> str:
    lines = text.rstrip("\n").splitlines()
    if len(lines) > n:
        return f"    ... ({len(lines) - n} earlier lines)\n" + "\n".join("    " + ln for ln in lines[-n:])
    return "\n".join("    " + ln for ln in lines)


def http_get(url: str, timeout: float = 5) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read(4096).decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read(4096).decode("utf-8", "replace")


class Server:
    def __init__(self, rapport: str, data_dir: str, port: int, log_path: str) -> None:
        self.rapport, self.data_dir, self.port, self.log_path = rapport, data_dir, port, log_path
        self.proc: subprocess.Popen | None = None
        self.base = f"http://127.0.0.1:{port}"

    def start(self) -> None:
        args = [self.rapport, "serve", "--data-dir", self.data_dir, "--host", "127.0.0.1", "--port", str(self.port)]
        say("$ " + " ".join(args) + f"  (log: {self.log_path})")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, env=rapport_env(),
                                     stdin=subprocess.DEVNULL, start_new_session=True)

    def wait_ready(self, checks: Checks) -> None:
        t0 = time.monotonic()
        last = "no answer yet"
        while time.monotonic() - t0 < READY_TIMEOUT:
            if self.proc.poll() is not None:
                raise CheckFailed(f"`rapport serve` exited with {self.proc.returncode} before /ready answered")
            try:
                status, body = http_get(self.base + "/ready", timeout=2)
                last = f"HTTP {status}: {body[:100]!r}"
                if status == 200:
                    break
            except (urllib.error.URLError, OSError) as e:
                last = str(e)
            time.sleep(0.5)
        else:
            raise CheckFailed(f"/ready did not answer 200 within {READY_TIMEOUT} s (last: {last})")
        checks.ok(True, "/ready answers 200", f"after {time.monotonic() - t0:.1f} s")
        status, body = http_get(self.base + "/health")
        checks.ok(status == 200 and body.strip() == "ok", "/health answers 200 \"ok\"",
                  f"HTTP {status}, {body.strip()[:60]!r}")

    def stop(self) -> None:
        if not self.proc:
            return
        if self.proc.poll() is None:
            say(f"stopping the server (pid {self.proc.pid})")
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                say("server did not stop within 15 s of SIGTERM; killing it")
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        say(f"server exit status: {self.proc.returncode}")
        self.log.close()

    def log_excerpt(self, head: int = 40, last: int = 60) -> str:
        """The whole log if short; else its start (where a crash says why) and its end."""
        try:
            with open(self.log_path, "rb") as f:
                lines = f.read().decode("utf-8", "replace").rstrip("\n").splitlines()
        except OSError as e:
            return f"    (no server log: {e})"
        if len(lines) > head + last + 10:
            lines = lines[:head] + [f"... ({len(lines) - head - last} lines left out) ..."] + lines[-last:]
        return "\n".join("    " + ln for ln in lines)


def make_driver(workdir: str, chromium: str, chromedriver: str, javascript: bool = True) -> webdriver.Chrome:
    profile = "chromium-profile" if javascript else "chromium-profile-nojs"
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for a in [
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,900", "--lang=en-US", f"--user-data-dir={workdir}/{profile}",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-domain-reliability", "--no-pings",
        "--disable-client-side-phishing-detection", "--metrics-recording-only",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
        # Keep every request on this machine: names other than loopback do not resolve and
        # anything not on loopback goes to a dead local proxy.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
        "--proxy-server=http://127.0.0.1:9",
    ]:
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=chromedriver, log_output=os.path.join(workdir, f"chromedriver-{profile}.log"))
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(PAGE_LOAD)
    driver.set_script_timeout(10)
    return driver


class UI:
    def __init__(self, driver: webdriver.Chrome, base: str, shots: str, first: int = 0) -> None:
        self.d, self.base, self.shots = driver, base, shots
        self.n = first

    def get(self, path: str) -> None:
        self.d.get(self.base + path)

    def path(self) -> str:
        return urllib.parse.urlparse(self.d.current_url).path

    def wait_css(self, css: str, what: str, timeout: float = WAIT):
        try:
            return WebDriverWait(self.d, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))
        except TimeoutException:
            raise CheckFailed(f"{what}: no `{css}` within {timeout} s on {self.d.current_url}")

    def has(self, css: str) -> bool:
        return len(self.d.find_elements(By.CSS_SELECTOR, css)) > 0

    def wait_navigation_from(self, old_element, what: str) -> None:
        # An element of the old page is gone once the browser has navigated. Chromium reports
        # that as StaleElementReference, or, mid-navigation, as an "unhandled inspector error:
        # Node ... does not belong to the document" WebDriverException: both mean "navigated".
        def gone(_driver) -> bool:
            try:
                old_element.is_enabled()
                return False
            except WebDriverException:
                return True

        try:
            WebDriverWait(self.d, WAIT).until(gone)
        except TimeoutException:
            raise CheckFailed(f"{what}: the page did not change within {WAIT} s (still {self.d.current_url})")
        WebDriverWait(self.d, WAIT, ignored_exceptions=[WebDriverException]).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def screenshot(self, name: str, full_page: bool = False) -> str:
        self.n += 1
        path = os.path.join(self.shots, f"{self.n:02d}-{name}.png")
        done = False
        if full_page:
            try:
                m = self.d.execute_cdp_cmd("Page.getLayoutMetrics", {})
                size = m.get("cssContentSize") or m["contentSize"]
                w = min(int(size["width"]), 4000)
                h = min(int(size["height"]), 12000)
                shot = self.d.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": w, "height": h, "scale": 1}})
                with open(path, "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
                done = True
            except Exception as e:  # fall back to the viewport
                say(f"full-page screenshot failed ({e}); saving the viewport")
        if not done:
            self.d.save_screenshot(path)
        say(f"screenshot: {path}")
        return path

    def body_text(self, limit: int = 1500) -> str:
        try:
            return norm(self.d.find_element(By.TAG_NAME, "body").text)[:limit]
        except WebDriverException:
            return "(no body)"

    def foreign_resources(self) -> list[str]:
        names = self.d.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".concat(Array.from(document.querySelectorAll('[src],link[href]'))"
            ".map(e => e.src || e.href))") or []
        origin = self.base
        return sorted({n for n in names if n and not n.startswith((origin + "/", "data:", "blob:", "about:"))})

    def horizontal_overflow(self) -> tuple[int, int]:
        return tuple(self.d.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"))


ERROR_CSS = ("[role=alert], .error, .errors, .alert, .alert-error, .flash, .flash-error, "
             ".login-error, #login-error, .notice, .message.error, .form-error")
ERROR_WORDS = re.compile(r"invalid|incorrect|wrong|failed|not recogni[sz]ed|try again|does not match|"
                         r"unknown user|bad credentials|too many", re.I)


def login_form(ui: UI, user: str, password: str) -> None:
    ui.get("/login")
    u = ui.wait_css("input#username", "login page")
    p = ui.wait_css("input#password", "login page")
    btn = ui.wait_css("button#login-submit", "login page")
    u.clear()
    u.send_keys(user)
    p.clear()
    p.send_keys(password)
    btn.click()
    ui.wait_navigation_from(btn, "submitting the login form")


def check_not_logged_in(ui: UI, c: Checks, why: str) -> None:
    ui.get("/customers")
    WebDriverWait(ui.d, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
    c.ok(not ui.has("form#customer-search") and not ui.has("form#logout-form"),
         f"{why}: /customers is not shown", f"landed on {ui.path()}")
    c.ok(ui.has("input#username") and ui.has("input#password"),
         f"{why}: /customers leads to the login form", f"landed on {ui.path()}")


def browser_checks(ui: UI, c: Checks, password: str) -> str:
    """The main pass; returns the name of the customer it opened."""
    d = ui.d
    # --- a wrong password --------------------------------------------------------------
    say("wrong password")
    ui.get("/login")
    pw_input = ui.wait_css("input#password", "login page")
    c.ok(pw_input.get_attribute("type") == "password", "the password field is masked (type=password)")
    c.ok(ui.has("button#login-submit") and ui.has("input#username"), "login page has username, password and submit")
    ui.screenshot("login")
    login_form(ui, USERNAME, password + "-wrong")
    c.ok(not ui.has("form#logout-form"),
         "wrong password: not logged in (no logout form)", f"on {ui.path()}")
    c.ok(ui.path() != "/", "wrong password: not sent to the dashboard", f"on {ui.path()}")
    shown = [norm(e.text) for e in d.find_elements(By.CSS_SELECTOR, ERROR_CSS) if e.is_displayed() and norm(e.text)]
    text_hit = ERROR_WORDS.search(ui.body_text(5000))
    c.ok(bool(shown) or bool(text_hit), "wrong password: an error message is shown",
         repr(shown[0][:80]) if shown else (repr(text_hit.group(0)) if text_hit else f"page text: {ui.body_text(300)!r}"))
    c.ok(ui.has("input#username") and ui.has("input#password"), "wrong password: the login form is shown again")
    ui.screenshot("login-wrong-password")
    check_not_logged_in(ui, c, "after a wrong password")

    # --- logging in ----------------------------------------------------------------------
    say("logging in")
    login_form(ui, USERNAME, password)
    ui.wait_css("nav#main-nav", "dashboard after logging in")
    c.ok(ui.path() == "/", "login redirects to the dashboard /", f"on {ui.path()}")
    where = ("in nav#main-nav" if ui.has("nav#main-nav form#logout-form")
             else "in the page header" if ui.has("header form#logout-form") else "elsewhere on the page")
    c.ok(ui.has("form#logout-form"), "the dashboard has form#logout-form", where)
    ui.screenshot("dashboard")

    # --- customer search -------------------------------------------------------------
    say("customer search")
    ui.get("/customers")
    form = ui.wait_css("form#customer-search", "customer search page")
    q = ui.wait_css("form#customer-search input#search-q", "customer search page")
    c.ok(q.get_attribute("name") == "q", "the search box is named q", f"name={q.get_attribute('name')!r}")
    links = d.find_elements(By.CSS_SELECTOR, "a.customer-link")
    c.ok(len(links) >= 1, "with no query, /customers lists people", f"{len(links)} a.customer-link")
    name = norm(links[0].text) or norm(links[0].get_attribute("textContent"))
    c.ok(bool(name), "the first customer link has a name", repr(name))
    surname = name.split()[-1]
    ui.screenshot("customers")

    q.clear()
    q.send_keys(surname)
    q.send_keys(Keys.RETURN)
    ui.wait_navigation_from(form, f"searching for {surname!r}")
    ui.wait_css("form#customer-search", "search results page")
    results = d.find_elements(By.CSS_SELECTOR, "a.customer-link")
    names = [norm(a.text) or norm(a.get_attribute("textContent")) for a in results]
    qs = urllib.parse.parse_qs(urllib.parse.urlparse(d.current_url).query)
    if qs.get("q"):
        c.ok(qs["q"][0] == surname, "the search URL carries the query", d.current_url)
    c.ok(len(names) >= 1, f"searching {surname!r} finds someone", f"{len(names)} result(s)")
    ui.screenshot("customers-search")
    if name not in names and len(names) >= 20:
        # A common surname can fill a page of results; then the full name must find the person.
        say(f"{name!r} is not among the {len(names)} results shown for {surname!r}; searching the full name")
        form = ui.wait_css("form#customer-search", "search results page")
        q = ui.wait_css("form#customer-search input#search-q", "search results page")
        q.clear()
        q.send_keys(name)
        q.send_keys(Keys.RETURN)
        ui.wait_navigation_from(form, f"searching for {name!r}")
        ui.wait_css("form#customer-search", "search results page")
        results = d.find_elements(By.CSS_SELECTOR, "a.customer-link")
        names = [norm(a.text) or norm(a.get_attribute("textContent")) for a in results]
        surname = name
    c.ok(name in names, f"searching {surname!r} finds {name!r}",
         f"{len(names)} result(s): {names[:8]}")

    # --- customer 360 ----------------------------------------------------------------
    say("customer 360")
    link = results[names.index(name)]
    href = link.get_attribute("href")
    link.click()
    h1 = ui.wait_css("h1.person-name", f"customer 360 page of {name!r}")
    c.ok(re.fullmatch(r"/customers/[^/]+", ui.path()) is not None, "the link opens /customers/{personID}", ui.path())
    c.ok(urllib.parse.urlparse(href).path == ui.path(), "the page is the one the link named", href)
    check_360(ui, c, name, "1280x900")
    person_path = ui.path()
    contact_text = " | ".join(norm(e.text) for e in d.find_elements(By.CSS_SELECTOR, "section#contact-points .contact-point"))
    foreign = ui.foreign_resources()
    c.ok(not foreign, "the 360 page loads nothing from other origins", ", ".join(foreign[:5]))
    ui.screenshot("customer-360-1280", full_page=True)

    say("customer 360 at tablet width 820x1180")
    d.set_window_size(820, 1180)
    d.refresh()
    ui.wait_css("h1.person-name", "customer 360 page at tablet width")
    check_360(ui, c, name, "820x1180")
    sw, cw = ui.horizontal_overflow()
    c.ok(sw <= cw + 1, "820x1180: no sideways scrolling", f"content {sw}px wide in a {cw}px viewport")
    ui.screenshot("customer-360-820", full_page=True)
    d.set_window_size(1280, 900)

    logs = []
    try:
        logs = [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]
    except WebDriverException:
        pass
    for e in logs[:10]:
        say(f"warning: browser console: {e.get('message', '')[:200]}")

    # --- finding the same person by full name, e-mail, phone and ID -------------------
    say("searching by full name, e-mail, phone and person ID")
    terms = [("full name", name), ("person ID", person_path.rsplit("/", 1)[-1])]
    m = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", contact_text)
    if m:
        terms.append(("e-mail", m.group(0)))
    m = re.search(r"\+?\d[\d ()./-]{6,}\d", contact_text)
    if m:
        terms.append(("phone", m.group(0)))
    misses = []
    for kind, term in terms:
        found, shown = search_for(ui, term, person_path)
        if found:
            c.ok(True, f"searching the {kind} {term!r} finds the person", shown)
        else:
            say(f"  MISS: searching the {kind} {term!r} does not find {person_path}: {shown}")
            misses.append(f"{kind} {term!r}")
    c.ok(not misses, "the person is found by each of " + ", ".join(k for k, _ in terms),
         "not found by " + "; ".join(misses) if misses else "")

    check_value_pages(ui, c)

    # --- logging out -----------------------------------------------------------------
    say("logging out")
    form = ui.wait_css("form#logout-form", "logging out")
    c.ok((form.get_attribute("method") or "").lower() == "post", "form#logout-form posts",
         f"method={form.get_attribute('method')!r} action={form.get_attribute('action')!r}")
    buttons = form.find_elements(By.CSS_SELECTOR, "button, input[type=submit]")
    visible = [b for b in buttons if b.is_displayed()]
    if visible:
        visible[0].click()
    else:
        say("no visible submit button in form#logout-form; submitting the form")
        form.submit()
    ui.wait_navigation_from(form, "logging out")
    check_not_logged_in(ui, c, "after logging out")
    return name


def no_javascript_pass(ui: UI, c: Checks, password: str, name: str) -> None:
    """The UI is server-rendered: log in, search and the 360 page must work with JavaScript off."""
    d = ui.d
    say("JavaScript off: log in, search, open the customer 360 page")
    ui.get("/login")
    ui.wait_css("input#username", "login page without JavaScript")
    c.ok(d.execute_script("return 1") == 1 and not ui.has("html.js"), "JavaScript off: the login page renders")
    login_form(ui, USERNAME, password)
    ui.wait_css("nav#main-nav", "dashboard after logging in without JavaScript")
    c.ok(ui.path() == "/", "JavaScript off: login reaches the dashboard", f"on {ui.path()}")
    ui.get("/customers")
    form = ui.wait_css("form#customer-search", "customer search without JavaScript")
    q = ui.wait_css("form#customer-search input#search-q", "customer search without JavaScript")
    surname = name.split()[-1]
    q.send_keys(surname)
    q.send_keys(Keys.RETURN)
    ui.wait_navigation_from(form, f"searching for {surname!r} without JavaScript")
    ui.wait_css("form#customer-search", "search results without JavaScript")
    links = [a for a in d.find_elements(By.CSS_SELECTOR, "a.customer-link")
             if (norm(a.text) or norm(a.get_attribute("textContent"))) == name]
    c.ok(bool(links), f"JavaScript off: searching {surname!r} finds {name!r}")
    links[0].click()
    h1 = ui.wait_css("h1.person-name", "customer 360 page without JavaScript")
    c.ok(norm(h1.text) == name, "JavaScript off: the 360 page shows the person", repr(norm(h1.text)))
    ui.screenshot("customer-360-no-javascript")


def search_for(ui: UI, term: str, person_path: str) -> tuple[bool, str]:
    """Search through form#customer-search; is a link to person_path among the results?"""
    ui.get("/customers")
    form = ui.wait_css("form#customer-search", "customer search page")
    q = ui.wait_css("form#customer-search input#search-q", "customer search page")
    q.clear()
    q.send_keys(term)
    q.send_keys(Keys.RETURN)
    ui.wait_navigation_from(form, f"searching for {term!r}")
    ui.wait_css("form#customer-search", "search results page")
    links = ui.d.find_elements(By.CSS_SELECTOR, "a.customer-link")
    paths = [urllib.parse.urlparse(a.get_attribute("href") or "").path for a in links]
    shown = f"{len(links)} result(s) at {ui.d.current_url}"
    if not links:
        shown += f"; page says: {ui.body_text(400)!r}"
    return person_path in paths, shown


def check_value_pages(ui: UI, c: Checks) -> None:
    """A demo segment's value and lifetime value, the default assumptions page, the holdout chart."""
    d = ui.d
    say("segment value, lifetime value and the holdout chart")
    ui.get("/segments/top-value")
    ui.wait_css("h1.segment-name", "the top-value demo segment")
    c.ok(ui.has("section#value table.historic-value"), "the segment page shows its historic value")
    npv_rows = d.find_elements(By.CSS_SELECTOR, "section#value table.npv tbody tr")
    c.ok(len(npv_rows) >= 1, "the segment page lays out the NPV year by year", f"{len(npv_rows)} rows")
    values = [norm(e.text) for e in d.find_elements(By.CSS_SELECTOR, "section#value .lifetime-value")]
    c.ok(any(re.search(r"\d", v) for v in values), "a lifetime value is shown", repr(values[:3]))
    c.ok(ui.has("form.assumptions"), "the administrator can edit the segment's assumptions")
    ui.screenshot("segment-value-1280", full_page=True)
    ui.get("/value")
    ui.wait_css(".value-card", "the lifetime value page")
    c.ok(len(d.find_elements(By.CSS_SELECTOR, ".value-card")) >= 1, "/value shows a card per currency")
    ui.get("/analytics")
    charts = d.find_elements(By.CSS_SELECTOR, "svg")
    c.ok(len(charts) >= 2, "the analytics page draws its charts", f"{len(charts)} svg")
    ui.screenshot("analytics-1280", full_page=True)


def check_360(ui: UI, c: Checks, name: str, size: str) -> None:
    d = ui.d
    h1 = d.find_element(By.CSS_SELECTOR, "h1.person-name")
    c.ok(norm(h1.text) == name, f"{size}: h1.person-name is the name", repr(norm(h1.text)))
    c.ok(h1.is_displayed(), f"{size}: the name is visible")
    for sid in ("contact-points", "household", "organisations", "purchases", "interactions"):
        c.ok(ui.has(f"section#{sid}"), f"{size}: section#{sid} is there")
    cps = d.find_elements(By.CSS_SELECTOR, "section#contact-points .contact-point")
    c.ok(len(cps) >= 1, f"{size}: at least one .contact-point",
         f"{len(cps)}, first: {norm(cps[0].text)[:60]!r}" if cps else "none")
    purchases = len(d.find_elements(By.CSS_SELECTOR, "section#purchases tr.purchase"))
    interactions = len(d.find_elements(By.CSS_SELECTOR, "section#interactions tr.interaction"))
    say(f"  {size}: {purchases} tr.purchase, {interactions} tr.interaction shown")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rapport", required=True, help="path of the rapport executable")
    ap.add_argument("--port", type=int, default=0, help="port for rapport serve (default: a free one)")
    ap.add_argument("--people", type=int, default=300)
    ap.add_argument("--workdir", help="scratch folder (default: a new temp folder)")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = ap.parse_args()

    for path, what in ((args.rapport, "rapport"), (args.chromium, "chromium"), (args.chromedriver, "chromedriver")):
        if not os.access(path, os.X_OK):
            print(f"BROWSER CHECK FAILED: {what} not found or not executable at {path}", file=sys.stderr)
            return 1

    workdir = args.workdir or tempfile.mkdtemp(prefix="rapport-browser-")
    os.makedirs(workdir, exist_ok=True)
    data_dir = os.path.join(workdir, "data")
    shots = os.path.join(workdir, "screenshots")
    os.makedirs(shots, exist_ok=True)
    port = args.port or free_port()
    if port_in_use(port):
        print(f"BROWSER CHECK FAILED: port {port} on 127.0.0.1 is already in use", file=sys.stderr)
        return 1
    password = "Ci-" + secrets.token_urlsafe(12) + "-7xQ!"

    # SIGTERM (from `timeout`) ends us like Ctrl-C so that the server gets stopped.
    def on_term(*_):
        raise KeyboardInterrupt()
    signal.signal(signal.SIGTERM, on_term)

    c = Checks()
    server = Server(args.rapport, data_dir, port, os.path.join(workdir, "server.log"))
    driver = None
    ui = None
    t_start = time.monotonic()
    failure = None
    driver_glitch = False
    try:
        say(f"workdir {workdir}")
        run_cli([args.rapport, "migrate", "--data-dir", data_dir], timeout=180)
        run_cli([args.rapport, "demo", "--data-dir", data_dir, "--people", str(args.people)], timeout=600)
        env = rapport_env(RAPPORT_PASSWORD=password)
        run_cli([args.rapport, "user", "create", "--data-dir", data_dir, "--username", USERNAME,
                 "--role", "administrator"], timeout=180, env=env)
        server.start()
        server.wait_ready(c)

        say("starting headless Chromium")
        driver = make_driver(workdir, args.chromium, args.chromedriver)
        say(f"Chromium {driver.capabilities.get('browserVersion')}, "
            f"chromedriver {driver.capabilities.get('chrome', {}).get('chromedriverVersion', '?').split(' ')[0]}")
        ui = UI(driver, server.base, shots)
        name = browser_checks(ui, c, password)
        driver.quit()
        driver = None
        say("starting headless Chromium with JavaScript off")
        driver = make_driver(workdir, args.chromium, args.chromedriver, javascript=False)
        ui = UI(driver, server.base, shots, first=ui.n)
        no_javascript_pass(ui, c, password, name)
    except CheckFailed as e:
        failure = str(e)
    except (WebDriverException, TimeoutException) as e:
        failure = f"browser error: {type(e).__name__}: {norm(getattr(e, 'msg', None) or str(e))[:500]}"
        driver_glitch = isinstance(e, WebDriverException) and not isinstance(e, TimeoutException)
    except KeyboardInterrupt:
        failure = "interrupted (time limit?)"
    except Exception as e:  # a bug here or an unexpected page: still report clearly
        failure = f"unexpected {type(e).__name__}: {e}"

    if failure and ui is not None:
        try:
            say(f"at {driver.current_url} (title {driver.title!r})")
            say(f"page text: {ui.body_text()}")
            with open(os.path.join(shots, "failure.html"), "w", encoding="utf-8") as f:
                f.write(driver.page_source)
            ui.screenshot("failure")
        except Exception as e:
            say(f"(could not capture the failing page: {e})")
    if driver is not None:
        try:
            driver.quit()
        except Exception:
            pass
    server.stop()

    shots_list = sorted(os.path.join(shots, f) for f in os.listdir(shots))
    if shots_list:
        say("screenshots:\n" + "\n".join("    " + s for s in shots_list))
    if failure:
        print(f"\n--- server log ({server.log_path}) ---", flush=True)
        print(server.log_excerpt())
        print(f"\nBROWSER CHECK FAILED: {failure}", flush=True)
        print(f"(after {c.count} checks that held; workdir {workdir})", flush=True)
        # 3: the driver itself failed (not a check): browser-check.sh tries once more.
        return 3 if driver_glitch else 1
    print(f"\nbrowser check OK: all {c.count} checks held in {time.monotonic() - t_start:.0f} s "
          f"(screenshots in {shots})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
