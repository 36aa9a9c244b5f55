#!/usr/bin/env python3
"""Checks the documentation site (./mvnw -q -Psite -pl site -am package -DskipTests writes it to target/site) as
a reader's browser shows it, as tools/check-report.py checks the report: every page of the site opens in headless
Chromium at 1,400 and 800 pixels wide with no page wider than the window, no text cut off outside a box that
scrolls (wide tables and code scroll in their own box), its navigation bar and every image loaded; every link and
image between the site's files points to a file that is there, and a link to an anchor to an element with that id
(the API's Javadoc pages are not walked, but every link into them is checked). Writes a screenshot per page and
width into target/site-check for a person to look at, and exits 1, listing the problems, if any check fails.

Usage: python3 tools/check-site.py [target/site]
Needs Chromium (Debian: apt-get install chromium).
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

WIDTHS = (1400, 800)

# Run in each page once Chromium has laid it out at the window's width; returns the problems it sees.
PROBE = r"""
(function () {
  var problems = [], width = document.documentElement.clientWidth;
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), node;
  while ((node = walker.nextNode())) {
    var text = node.textContent.trim(), el = node.parentElement;
    if (!text || !el || el.closest('script') || el.closest('.scroll') || el.closest('pre')) continue;
    var r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
      problems.push('cut off (' + Math.round(r.left) + ' to ' + Math.round(r.right) + ' px): ' + text.slice(0, 60));
    }
  }
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + width + ' px window');
  }
  if (!document.querySelector('header nav a[aria-current="page"]')) problems.push('no navigation bar');
  document.querySelectorAll('img').forEach(function (img) {
    if (!img.complete || img.naturalWidth === 0) problems.push('an image that does not load: ' + img.src);
  });
  return JSON.stringify(problems);
})()
"""


class Links(html.parser.HTMLParser):
    """The links, image sources and element ids of a page."""

    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name"):
            if attrs.get(name) and (name == "id" or tag == "a"):
                self.ids.add(attrs[name])
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.links.append(attrs[name])


def parse(path, cache={}):
    if path not in cache:
        parser = Links()
        with open(path, encoding="utf-8") as f:
            parser.feed(f.read())
        cache[path] = parser
    return cache[path]


def broken_links(site, page):
    """Every link of the page to a file of the site that is not there, or to an anchor no element has."""
    problems = []
    for link in parse(page).links:
        if re.match(r"^[a-zA-Z][a-zA-Z+.-]*:", link):
            continue  # http(s), mailto: outside the site
        address, _, fragment = link.partition("#")
        target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(address))) \
            if address else page
        if not target.startswith(site + os.sep) and target != site:
            problems.append("a link out of the site: " + link)
        elif not os.path.isfile(target):
            problems.append("a link to a missing file: " + link)
        elif fragment and target.endswith(".html") and urllib.parse.unquote(fragment) not in parse(target).ids:
            problems.append("a link to a missing anchor: " + link)
    return problems


class Browser:
    """One headless Chromium for every page, driven through the DevTools protocol on a pipe (messages of JSON
    ended by a NUL byte on file descriptors 3 and 4): starting Chromium once per page and width took four
    minutes for the site on a loaded machine."""

    def __init__(self):
        name = next((n for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
        if name is None:
            sys.exit("Chromium not found: apt-get install chromium")
        to_browser, self.output = os.pipe()
        self.input, from_browser = os.pipe()

        def descriptors():
            # In Chromium's process: its pipe ends on 3 and 4, nothing else of ours open.
            os.dup2(to_browser, 100)
            os.dup2(from_browser, 101)
            os.dup2(100, 3)
            os.dup2(101, 4)
            for fd in {100, 101, to_browser, from_browser, self.output, self.input} - {3, 4}:
                os.close(fd)
        self.process = subprocess.Popen(
            [name, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-pipe", "about:blank"],
            close_fds=False, preexec_fn=descriptors,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self.reader = os.fdopen(self.input, "rb")
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=self.session)

    def receive(self):
        data = bytearray()
        while True:
            byte = self.reader.read(1)
            if not byte:
                raise RuntimeError("Chromium closed its pipe")
            if byte == b"\0":
                return json.loads(data.decode("utf-8"))
            data += byte

    def call(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.output, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            answer = self.receive()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError("%s: %s" % (method, answer["error"]))
                return answer.get("result", {})
            self.events.append(answer)

    def open(self, url, width):
        """Opens the page in a window of this width and waits until it has loaded."""
        self.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": 1000, "deviceScaleFactor": 1,
                                                         "mobile": False}, self.session)
        self.events = []
        self.call("Page.navigate", {"url": url}, self.session)
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self.receive())

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                         self.session)["result"]["value"]

    def screenshot(self, path):
        import base64
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"}, self.session)["data"]))

    def close(self):
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        self.process.wait(timeout=30)


def main():
    site = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else "target/site")
    pages = sorted(os.path.join(site, name) for name in os.listdir(site) if name.endswith(".html"))
    if not pages or os.path.join(site, "index.html") not in pages:
        sys.exit("no site in %s: build it with ./mvnw -q -Psite -pl site -am package -DskipTests" % site)
    shots = os.path.join(os.path.dirname(site), "site-check")
    os.makedirs(shots, exist_ok=True)
    browser = Browser()
    failed = False
    for page in pages:
        name = os.path.basename(page)
        problems = broken_links(site, page)
        for width in WIDTHS:
            browser.open("file://" + page, width)
            problems += ["%d px: %s" % (width, p) for p in json.loads(browser.evaluate(PROBE))]
            browser.screenshot(os.path.join(shots, "%s-%d.png" % (name[:-5], width)))
        print("%s: %d links, %s" % (name, len(parse(page).links), "no problem" if not problems
                                    else "%d problems" % len(problems)))
        for p in problems[:40]:
            print("  " + p)
        failed = failed or bool(problems)
    browser.close()
    print("screenshots in " + shots)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
