#!/usr/bin/env python3
"""Checks the report as a reader's browser shows it, in headless Chromium at 1,400 and 800 pixels wide, opened
from disk with no network: no text drawn under 11 px (HTML text and the charts' SVG text, at the size the page
scales them to), nothing cut off (no text outside the window unless in a box that scrolls, no page wider than
the window), the answer (its table of shares and the seed case's waterfall) above the fold at 1,400 x 900, a French page free of the English
word file's sentences, the page laid out in under a second (printed, and a warning above it: a shared machine's
load can slow one run, so only ten seconds, a page that hangs, fails),
every study of every forest plot on its own row with its label, and no two labels of a gap waterfall overlapping
or touching. Writes a screenshot per width beside the page for a person to look at, and exits 1, listing the
problems, if any check fails.

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
HANGING_MS = 10000

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
  var answer = document.querySelector('#answer table'), seed = document.querySelector('#answer figure svg');
  if (width >= 1400 && (!answer || answer.getBoundingClientRect().bottom > 900)) {
    problems.push(answer ? 'the answer ends at ' + Math.round(answer.getBoundingClientRect().bottom)
        + ' px, below the fold (900 px)' : 'no answer (#answer table) on the page');
  }
  // ... and the seed case's waterfall beside it, whole.
  if (width >= 1400 && seed && seed.getBoundingClientRect().bottom > 900) {
    problems.push('the seed case\'s waterfall ends at ' + Math.round(seed.getBoundingClientRect().bottom)
        + ' px, below the fold (900 px)');
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


def probe(browser, page, html, width, script):
    """Runs a script in a copy of the page as Chromium lays it out at this width; returns the JSON it leaves in
    a <pre id="probe"> element, or None if it did not run."""
    path = os.path.join(os.path.dirname(page), "probe-charts-%d.html" % width)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html.replace("</body>", "<script>(function () {\n" + script + "\n"
                             "var out = document.createElement('pre'); out.id = 'probe';\n"
                             "out.textContent = JSON.stringify(result); document.body.appendChild(out);\n"
                             "})();</script></body>"))
    try:
        dom = run(browser, width, "--dump-dom", "file://" + path)
    finally:
        os.remove(path)
    found = re.search(r"<pre id=\"probe\">(.*?)</pre>", dom, re.S)
    if not found:
        return None
    return json.loads(found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                      .replace("&quot;", '"'))


# A forest plot is the chart whose right-hand column gives each row's estimate, interval and weight
# ("38.7% [36.8%, 40.7%]   16.9%", "38,7 % [36,8 % ; 40,7 %] 16,9 %"); its studies are its squares. Each square
# must sit on a row with a label on its left and its numbers on its right, no two squares on one row, and every
# row's numbers have their label.
FOREST_ROWS = r"""
var result = {forests: 0, problems: []};
var interval = /^\S+\s?%\s\[[^\]]+[,;]\s[^\]]+\]\s+\S+\s?%$/;
document.querySelectorAll('figure svg').forEach(function (svg, index) {
  var name = (svg.getAttribute('aria-label') || ('chart ' + (index + 1))).slice(0, 70);
  var texts = Array.prototype.slice.call(svg.querySelectorAll('text')).map(function (t) {
    var b = t.getBBox();
    return {text: t.textContent.trim(), x: b.x, right: b.x + b.width, y: b.y + b.height / 2};
  });
  var numbers = texts.filter(function (t) { return interval.test(t.text); });
  if (numbers.length === 0) return;
  result.forests++;
  var column = Math.min.apply(null, numbers.map(function (t) { return t.x; }));
  var squares = [];
  svg.querySelectorAll('path').forEach(function (p) {
    var b = p.getBBox();
    if (b.width >= 3.5 && b.width <= 14.5 && Math.abs(b.width - b.height) < 0.5) {
      var y = b.y + b.height / 2;
      if (!squares.some(function (s) { return Math.abs(s.y - y) < 0.5 && Math.abs(s.x - b.x) < 0.5; })) {
        squares.push({x: b.x, y: y});
      }
    }
  });
  function labelAt(y, right) {
    return texts.filter(function (t) {
      return Math.abs(t.y - y) < 4 && t.right < right && !interval.test(t.text) && t.text.length > 0;
    });
  }
  var plotLeft = Math.min.apply(null, squares.map(function (s) { return s.x; }).concat([column]));
  numbers.forEach(function (n) {
    if (labelAt(n.y, plotLeft).length === 0) result.problems.push(name + ': a row with no label: ' + n.text);
  });
  squares.forEach(function (s) {
    if (labelAt(s.y, s.x).length === 0 || !numbers.some(function (n) { return Math.abs(n.y - s.y) < 4; })) {
      result.problems.push(name + ': a study drawn off its row, ' + Math.round(s.y) + ' px down, with no label');
    }
    if (squares.some(function (o) { return o !== s && Math.abs(o.y - s.y) < 4; })) {
      result.problems.push(name + ': two studies on one row, ' + Math.round(s.y) + ' px down');
    }
  });
  if (squares.length === 0) result.problems.push(name + ': a forest plot with no study drawn');
});
"""


def forest_rows(browser, page, html, width):
    """Every forest plot draws each study on its own row with its label (issue 22: only the first study was
    labelled, the others' squares fell on the pooled row)."""
    result = probe(browser, page, html, width, FOREST_ROWS)
    if result is None:
        return ["forest plots: the probe did not run"]
    return result["problems"]


# A gap waterfall is the chart the report captions "figure → figure". No two of its texts may overlap or touch,
# by the boxes Chromium gives them (getBBox, in the chart's own units, so at any scale): words on one line need
# GAP px between them to read as two labels ("Sampling errorBpifrance" touched without overlapping).
WATERFALL_LABELS = r"""
var result = {waterfalls: 0, problems: []}, GAP = 3;
document.querySelectorAll('figure svg').forEach(function (svg, index) {
  var name = svg.getAttribute('aria-label') || '';
  if (name.indexOf('\u2192') < 0) return;
  result.waterfalls++;
  var boxes = Array.prototype.slice.call(svg.querySelectorAll('text')).filter(function (t) {
    return t.textContent.trim().length > 0;
  }).map(function (t) { var b = t.getBBox(); return {text: t.textContent.trim(), b: b}; });
  for (var i = 0; i < boxes.length; i++) {
    for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i].b, c = boxes[j].b;
      var w = Math.min(a.x + a.width, c.x + c.width) - Math.max(a.x, c.x);
      var h = Math.min(a.y + a.height, c.y + c.height) - Math.max(a.y, c.y);
      if (w > -GAP && h > 0.5) {
        result.problems.push(name.slice(0, 70) + ': "' + boxes[i].text + '" overlaps "' + boxes[j].text + '"');
      }
    }
  }
});
"""


def waterfall_labels(browser, page, html, width):
    """No two labels of a gap waterfall overlap (issue 22: "IndicatorNetwork", "Sampling errorBpifrance")."""
    result = probe(browser, page, html, width, WATERFALL_LABELS)
    if result is None:
        return ["waterfalls: the probe did not run"]
    return result["problems"]


ENGLISH_WORDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "examples", "src", "main",
                             "resources", "org", "smesurvey", "examples", "report", "words.properties")
PLACEHOLDER = re.compile(r"%[-#+ 0,(]*\d*(?:\.\d+)?[a-zA-Z%]")


def english_sentences(html):
    """On a French page, every run of four words or more of the English word file found in its text, charts and
    hover texts: a sentence left untranslated."""
    if not re.search(r"<html lang='fr'", html):
        return []
    import html as entities
    text = entities.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<style>.*?</style>", " ", html)))
    text = re.sub(r"\s+", " ", text)
    found = []
    with open(ENGLISH_WORDS, encoding="utf-8") as f:
        for line in f:
            if "=" not in line or line.startswith("#"):
                continue
            key, value = line.rstrip("\n").split("=", 1)
            for run in PLACEHOLDER.split(value):
                words = run.strip()
                if len(words.split()) >= 4 and words in text:
                    found.append("English in the French page (%s): %s" % (key, words[:60]))
    return found


def main():
    page = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else "target/report/index.html")
    with open(page, encoding="utf-8") as f:
        html = f.read()
    browser = chromium()
    failed = False
    for problem in english_sentences(html):
        print(problem)
        failed = True
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
        problems += forest_rows(browser, page, html, width)
        problems += waterfall_labels(browser, page, html, width)
        if result["ms"] > HANGING_MS:
            problems.append("laid out in %.0f ms, more than %d: the page hangs" % (result["ms"], HANGING_MS))
        elif result["ms"] > OPENING_MS:
            print("%d px: warning: laid out in %.0f ms, more than the %d ms aimed at (a loaded machine?)" % (
                width, result["ms"], OPENING_MS))
        print("%d px: %d texts, the smallest %.1f px, laid out in %.0f ms; %s" % (
            width, result["texts"], result["smallest"], result["ms"], "no problem" if not problems
            else "%d problems" % len(problems)))
        for p in problems[:40]:
            print("  " + p)
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
