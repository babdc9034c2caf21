#!/usr/bin/env python3
"""Scores `newsflow extract` on Mozilla Readability's test pages: a development yardstick of real pages.

Readability (https://github.com/mozilla/readability, Apache License 2.0) ships ~130 real web pages in
test/test-pages/<case>/source.html, each with expected.html: the text Readability.js extracts. That is
not a human-labelled ground truth (Readability keeps image captions, which newsflow drops, and its
mistakes count as "expected"), so read the score as agreement with a well-known extractor on real
markup, not as accuracy. Nothing from Readability is shipped with newsflow; this script reads a
checkout you make:

    git clone https://github.com/mozilla/readability /tmp/readability
    git -C /tmp/readability checkout ab4027a8b37669745016869a37a504727992b2ba   # the commit the README figure used
    python3 tools/extract-eval/readability_pages.py /tmp/readability

Score: word tokens (letters and digits, lowercased) as a bag; precision, recall and F1 per page, the
same measure as ExtractionGoldenTest's TextOverlap; prints the mean and the worst pages.
"""
import collections
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "section", "article", "br",
          "ul", "ol", "table", "figcaption", "dd", "dt"}
WORD = re.compile(r"[^\W_]+", re.UNICODE)


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        if tag in BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")
        if tag in BLOCKS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def text_of(html_text):
    parser = Text()
    parser.feed(html_text)
    return "".join(parser.out)


def bag(text):
    return collections.Counter(WORD.findall(text.lower()))


def score(extracted, expected):
    got, want = bag(extracted), bag(expected)
    shared = sum((got & want).values())
    p = shared / sum(got.values()) if got else (1.0 if not want else 0.0)
    r = shared / sum(want.values()) if want else 1.0
    return p, r, (0.0 if p + r == 0 else 2 * p * r / (p + r))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pages_dir = os.path.join(sys.argv[1], "test", "test-pages")
    newsflow = os.path.join(os.path.dirname(__file__), "..", "..", "newsflow")
    work = tempfile.mkdtemp(prefix="newsflow-readability-")
    try:
        cases = sorted(c for c in os.listdir(pages_dir) if os.path.exists(os.path.join(pages_dir, c, "expected.html")))
        for case in cases:
            shutil.copy(os.path.join(pages_dir, case, "source.html"), os.path.join(work, case + ".html"))
        # some of the pages are over the 1 MiB article limit; the extractor is what is measured here
        run = subprocess.run([newsflow, "extract", work], capture_output=True, text=True)
        if run.returncode not in (0, 2):
            sys.exit("newsflow extract failed (exit %d): %s" % (run.returncode, run.stderr.strip()))
        bodies = {}
        for line in run.stdout.splitlines():
            page = json.loads(line)
            bodies[os.path.basename(page["file"])[:-5]] = page["body"]
        rows = []
        for case in cases:
            with open(os.path.join(pages_dir, case, "expected.html"), encoding="utf-8") as f:
                expected = text_of(f.read())
            rows.append(score(bodies.get(case, ""), expected) + (case,))
    finally:
        shutil.rmtree(work)
    n = len(rows)
    print("newsflow extract vs Readability.js expected output, %d pages (token bag P/R/F1)" % n)
    print("mean precision %.3f  recall %.3f  F1 %.3f  median F1 %.3f" % (
        sum(r[0] for r in rows) / n, sum(r[1] for r in rows) / n, sum(r[2] for r in rows) / n, sorted(r[2] for r in rows)[n // 2]))
    print("pages with F1 >= 0.9: %d of %d" % (sum(1 for r in rows if r[2] >= 0.9), n))
    print("lowest ten:")
    for p, r, f, case in sorted(rows, key=lambda row: row[2])[:10]:
        print("  %-40s P %.3f R %.3f F1 %.3f" % (case, p, r, f))


if __name__ == "__main__":
    main()
