#!/usr/bin/env python3
"""Fails on what an executed notebook should not show a reader: an error, anything written to stderr, a Java
object's identity (java.io.PrintStream@1b2c3d), a bare display id (a UUID) as a cell's result, the class-path
lines of %jar (its cell is tagged remove-output and its source hidden), a number with seven significant
decimals or more, or a chart drawn in the other language than the notebook's.

Usage: python3 examples/notebooks/check-outputs.py examples/target/notebooks/*.ipynb
"""
import json
import re
import sys

IDENTITY = re.compile(r"\b[a-z][\w$]*(\.[\w$]+)+@[0-9a-f]{4,}\b")
UUID = re.compile(r"^\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*$")
CLASS_PATH = re.compile(r"Found \d+ jar files|to classpath")
# Seven significant digits after the point or more: R's print stops at seven, a reader at four.
UNROUNDED = re.compile(r"(?<![\w.])\d+\.0*[1-9]\d{6,}")


def texts(output):
    if output["output_type"] == "stream":
        yield "".join(output["text"])
    for mime in ("text/plain", "text/html"):
        value = output.get("data", {}).get(mime)
        if value is not None:
            yield "".join(value) if isinstance(value, list) else value


def problems(path):
    notebook = json.load(open(path, encoding="utf-8"))
    # A notebook speaks one language, English unless its metadata says "smesurvey": {"language": "fr"}; a chart
    # drawn in the other one is a slip.
    language = notebook.get("metadata", {}).get("smesurvey", {}).get("language", "en")
    other = "Language.FRENCH" if language == "en" else "Language.ENGLISH"
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        where = "%s, cell %d" % (path, number)
        if other in "".join(cell["source"]):
            yield where + ": a chart in the other language (%s in a notebook in %s)" % (other, language)
        if "".join(cell["source"]).lstrip().startswith("%jar"):
            meta = cell.get("metadata", {})
            if "remove-output" not in meta.get("tags", []) or not meta.get("jupyter", {}).get("source_hidden"):
                yield where + ": the %jar cell is not hidden (tag remove-output, source_hidden)"
        for output in cell.get("outputs", []):
            if output["output_type"] == "error":
                yield where + ": error " + output.get("ename", "") + ": " + output.get("evalue", "")
            if output["output_type"] == "stream" and output.get("name") == "stderr":
                yield where + ": written to stderr: " + "".join(output["text"])[:200]
            for text in texts(output):
                for pattern, what in ((IDENTITY, "a Java object's identity"), (CLASS_PATH, "%jar's class path"),
                                      (UNROUNDED, "an unrounded number")):
                    found = pattern.search(text)
                    if found:
                        yield "%s: %s: %s" % (where, what, found.group(0))
                if output["output_type"] == "execute_result" and UUID.match(text):
                    yield where + ": a display id as the cell's result: " + text.strip()


def main():
    found = [p for path in sys.argv[1:] for p in problems(path)]
    for p in found:
        print(p)
    print("%d notebooks checked: %s" % (len(sys.argv) - 1, "no stray output" if not found
                                          else "%d stray outputs" % len(found)))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
