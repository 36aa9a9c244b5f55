#!/usr/bin/env python3
"""Checks the report as a reader's browser shows it, in headless Chromium at 1,400 and 800 pixels wide, opened
from disk with no network: no text drawn under 11 px (HTML text and the charts' SVG text, at the size the page
scales them to), nothing cut off (no text outside the window unless in a box that scrolls, no page wider than
the window), the answer (its table of shares) above the fold at 1,400 x 900, and the page laid out in under a second. Writes a screenshot per width beside the page for a person
to look at, and exits 1, listing the problems, if any check fails.

Usage: python3 tools/check-report.py [target/report/index.html]
Needs Chromium (Debian: apt-get install chromium).
"""
import json
import os
import re
import shutil
import subprocess
import sys

WIDTHS = (1400, 800)
SMALLEST = 11.0
OPENING_MS = 1000

# Added before </body> of a copy of the page: it measures what Chromium laid out and writes it into the DOM,
# which --dump-dom prints.
PROBE = r"""
<script>
(function () {
  var problems = [], sizes = 0, smallest = 1e9, width = document.documentElement.clientWidth;
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), node;
  while ((node = walker.nextNode())) {
    var text = node.textContent.trim(), el = node.parentElement;
    if (!text || !el || el.closest('title') || el.closest('script') || el.closest('style')) continue;
    var size = parseFloat(getComputedStyle(el).fontSize);
    if (el.closest('svg') && el.getScreenCTM) {
      var m = el.getScreenCTM();
      if (m) size *= Math.hypot(m.a, m.b);
    }
    sizes++;
    smallest = Math.min(smallest, size);
    if (size < %(smallest)s - 0.01) problems.push('text of ' + size.toFixed(1) + ' px: ' + text.slice(0, 60));
    var r = el.getBoundingClientRect();
    if (!el.closest('.scroll') && r.width > 0 && (r.right > width + 1 || r.left < -1)) {
      problems.push('cut off (' + Math.round(r.left) + ' to ' + Math.round(r.right) + ' px): ' + text.slice(0, 60));
    }
  }
  // The answer first: at 1,400 x 900 the reader's question is answered (its table of shares whole) before any
  // scrolling.
  var answer = document.querySelector('#answer table');
  if (width >= 1400 && (!answer || answer.getBoundingClientRect().bottom > 900)) {
    problems.push(answer ? 'the answer ends at ' + Math.round(answer.getBoundingClientRect().bottom)
        + ' px, below the fold (900 px)' : 'no answer (#answer table) on the page');
  }
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + width + ' px window');
  }
  var out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify({texts: sizes, smallest: smallest, ms: performance.now(), problems: problems});
  document.body.appendChild(out);
})();
</script>
""" % {"smallest": SMALLEST}


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    sys.exit("Chromium not found: apt-get install chromium")


def run(browser, width, *arguments):
    return subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--window-size=%d,1000" % width, *arguments], capture_output=True, text=True,
                          timeout=120, check=True).stdout


def main():
    page = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else "target/report/index.html")
    with open(page, encoding="utf-8") as f:
        html = f.read()
    browser = chromium()
    failed = False
    for width in WIDTHS:
        probe = os.path.join(os.path.dirname(page), "probe-%d.html" % width)
        with open(probe, "w", encoding="utf-8") as f:
            f.write(html.replace("</body>", PROBE + "</body>"))
        dom = run(browser, width, "--dump-dom", "file://" + probe)
        os.remove(probe)
        found = re.search(r"<pre id=\"probe\">(.*?)</pre>", dom, re.S)
        if not found:
            print("%d px: the probe did not run" % width)
            failed = True
            continue
        result = json.loads(found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                            .replace("&quot;", '"'))
        shot = os.path.join(os.path.dirname(page), "screenshot-%d.png" % width)
        run(browser, width, "--screenshot=" + shot, "file://" + page)
        problems = result["problems"]
        if result["ms"] > OPENING_MS:
            problems.append("laid out in %.0f ms, more than %d" % (result["ms"], OPENING_MS))
        print("%d px: %d texts, the smallest %.1f px, laid out in %.0f ms; %s" % (
            width, result["texts"], result["smallest"], result["ms"], "no problem" if not problems
            else "%d problems" % len(problems)))
        for p in problems[:40]:
            print("  " + p)
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
