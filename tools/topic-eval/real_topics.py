#!/usr/bin/env python3
"""Scores newsflow's best topic on whole real news articles: English news pages among the test pages of two HTML
extractors, labelled by desk by hand in SET-pages.tsv (next to this script).

    git clone https://github.com/mozilla/readability /tmp/readability
    python3 tools/topic-eval/real_topics.py readability /tmp/readability   # 32 pages, no sport among them
    git clone https://github.com/postlight/parser /tmp/postlight
    python3 tools/topic-eval/real_topics.py postlight /tmp/postlight       # 88 pages, 8 of them sport

Mozilla Readability (Apache License 2.0) and the Postlight Parser (MIT or Apache 2.0) ship real web pages as test
cases; nothing of them is shipped with newsflow: the script reads each page at the pinned commit with `git show`,
runs `./newsflow tag` on them (the enrich topology's own text steps: extract-html, strip-noise, extract-footer,
tag-entities), and counts a page right when its first MODEL topic is one of the labels its row accepts. The
Readability set is a development set (designs were chosen on it), so its figure is an optimistic one; the project's
outside measurement on held-out news is the one to trust.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

# set -> (commit, path of a case's page in that repository)
SETS = {
    "readability": ("ab4027a8b37669745016869a37a504727992b2ba", "test/test-pages/{case}/source.html"),
    "postlight": ("e8ba7ece291efa4d915d50dd4deeec17d54359f2", "fixtures/{case}.html"),
}


def git_dir(path):
    return path if os.path.exists(os.path.join(path, "HEAD")) and not os.path.exists(os.path.join(path, ".git")) else os.path.join(path, ".git")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SETS:
        sys.exit(__doc__)
    name, checkout = sys.argv[1], sys.argv[2]
    commit, path = SETS[name]
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    with open(os.path.join(here, name + "-pages.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                case, labels, headline = line.rstrip("\n").split("\t")
                rows.append((case, set(labels.split("|")), headline))
    work = tempfile.mkdtemp(prefix="newsflow-topics-")
    try:
        for case, _, _ in rows:
            page = subprocess.run(["git", "--git-dir", git_dir(checkout), "show", commit + ":" + path.format(case=case)],
                                  check=True, capture_output=True).stdout
            with open(os.path.join(work, case + ".html"), "wb") as out:
                out.write(page)
        newsflow = os.path.join(here, "..", "..", "newsflow")
        run = subprocess.run([newsflow, "tag", "--max-bytes", "20000000"] + [os.path.join(work, c + ".html") for c, _, _ in rows],
                             capture_output=True, text=True)
        if run.returncode not in (0, 2):
            sys.exit("newsflow tag failed (exit %d): %s" % (run.returncode, run.stderr.strip()))
        best = {}
        for line in run.stdout.splitlines():
            article = json.loads(line)
            best[os.path.basename(article["file"])[:-5]] = (article["topics"] or ["(none)"])[0]
    finally:
        shutil.rmtree(work)
    right = 0
    for case, labels, headline in rows:
        ok = best.get(case) in labels
        right += ok
        print("%s %-30s %-40s %s" % ("ok  " if ok else "MISS", case[:30], best.get(case, "(not tagged)")[:40], headline[:60]))
    print("best topic right for %d of %d real news articles (%.2f)" % (right, len(rows), right / len(rows)))
    by_label = {}
    for case, labels, _ in rows:
        for label in labels:
            seen, hit = by_label.get(label, (0, 0))
            by_label[label] = (seen + 1, hit + (best.get(case) in labels))
    for label, (seen, hit) in sorted(by_label.items()):
        print("  pages accepting %-40s %2d of %2d right" % (label, hit, seen))


if __name__ == "__main__":
    main()
