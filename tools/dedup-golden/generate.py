#!/usr/bin/env python3
"""Writes the near-duplicate golden set: enrich-service/src/test/resources/dedup/NN-a.txt, NN-b.txt and
index.tsv (pair, duplicate yes/no, what differs). Raw article text in the scraped shape (noise lines and a
Topics footer allowed): the test cleans both sides as the topology does, then compares fingerprints.

Duplicates are copies of the HTML golden set's articles (tools/html-golden/articles.py, written for
newsflow) as syndication and re-scraping change them: a word edited, ad lines moved, whitespace and
line endings changed, another footer, a dateline added, the last paragraph cut, an extra sentence.
Not duplicates: different stories on the same subject (two match reports from one league, two
transport disputes, a story and its follow-up a day later), written here. Deterministic.

    python3 tools/dedup-golden/generate.py
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "html-golden"))
from articles import ARTICLES  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "enrich-service", "src", "test", "resources", "dedup")
BY = {a["slug"]: a for a in ARTICLES}


def body(slug):
    return [p.split(" ", 1)[1] if p.startswith(("## ", "- ", "> ")) else p for p in BY[slug]["paragraphs"]]


def text(lines, footer=None):
    return "\n".join(lines) + ("\n" + footer if footer else "") + "\n"


MATCH_A = ["Riverside United beat Harbour Town 2-1 at the Quay Stadium on Saturday to move three points clear at the top of the league.",
           "Harbour Town took the lead after twelve minutes when their captain headed in a corner at the near post.",
           "Riverside equalised before half-time through a low shot from the edge of the area and won it with a penalty in the 81st minute.",
           "The home manager said his side had shown character after a difficult start and deserved the three points.",
           "Harbour Town stay fourth and face the leaders again in the cup next month."]
MATCH_B = ["Northgate Athletic beat Westbridge 3-1 at Mill Lane on Saturday to climb to second place in the league.",
           "Westbridge took the lead after twenty minutes when their striker turned in a cross at the far post.",
           "Northgate equalised before half-time with a free kick and scored twice in the second half, the second a penalty.",
           "The visiting manager said his side had been punished for a poor second half and must improve quickly.",
           "Northgate travel to the leaders Riverside United next weekend."]
FOLLOW_UP = ["Repairs to the Weir Street bridge will take three months rather than six weeks, the city council said on Friday.",
             "Engineers who examined the cracked girders found corrosion in two more sections, which will also be replaced.",
             "The weight limit of 7.5 tonnes stays in place, and the council said it would review the diversion for lorries.",
             "Hauliers said the longer closure would add costs for firms on the industrial estate on the north bank."]


def pairs():
    out = []
    a = body("harbour-dredging")
    b = list(a)
    b[1] = b[1].replace("three metres", "four metres")
    out.append(("yes", "one word edited", text(a), text(b)))
    a = body("rail-timetable")
    out.append(("yes", "ad lines in other places, another footer", text(a[:2] + ["Advert"] + a[2:], "Topics: Rail, Transport"),
                text(a[:4] + ["ADVERTISEMENT"] + a[4:], "Tags: Trains")))
    a = body("school-heat-pumps")
    out.append(("yes", "whitespace, CRLF and blank lines", text(a), "\r\n\r\n".join("  " + line + "  " for line in a) + "\r\n"))
    a = body("library-hours")
    out.append(("yes", "a dateline before the first sentence", text(a), text(["NORTHBRIDGE (Valley Times) - " + a[0]] + a[1:])))
    a = body("flood-barrier")
    out.append(("yes", "last paragraph cut", text(a), text(a[:-1])))
    a = body("chess-prodigy")
    out.append(("yes", "one sentence added at the end", text(a), text(a + ["He will play in the national championship in March."])))
    a = body("bus-drivers-pay")
    b = [a[0].replace("six percent", "6%"), a[1], a[2].replace("recruit drivers", "hire drivers"), a[3]]
    out.append(("yes", "two small edits", text(a), text(b)))
    a = body("startup-funding")
    out.append(("yes", "identical text under another id", text(a), text(a)))
    a = body("de-klinik")
    b = list(a)
    b[2] = b[2].replace("immer wieder", "mehrfach")
    out.append(("yes", "German, one phrase edited", text(a, "Topics: Gesundheit"), text(b)))
    a = body("minister-resigns")
    out.append(("yes", "first paragraph rewritten", text(a), text(["The housing minister quit on Tuesday night after reports that he had stepped into a planning decision that "
                                                                  "involved a friend's company."] + a[1:])))
    out.append(("no", "two match reports from the same league", text(MATCH_A), text(MATCH_B)))
    out.append(("no", "a story and its follow-up a day later", text(body("bridge-inspection")), text(FOLLOW_UP)))
    out.append(("no", "two transport disputes", text(body("bus-drivers-pay")), text(body("rail-timetable"))))
    out.append(("no", "two sports results", text(body("marathon-record")), text(body("cricket-final"))))
    out.append(("no", "two household bills", text(body("water-bills")), text(body("council-tax"))))
    out.append(("no", "floods and drought", text(body("flood-barrier")), text(body("drought-restrictions"))))
    out.append(("no", "election and resignation", text(body("election-turnout")), text(body("minister-resigns"))))
    out.append(("no", "two tram stories, English and Polish", text(body("tram-extension")), text(body("pl-tramwaj"))))
    out.append(("no", "two Spanish stories", text(body("es-vivienda")), text(body("es-incendio"))))
    out.append(("no", "two French stories", text(body("fr-marche")), text(body("fr-greve"))))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    index = ["# pair\tduplicate\twhat differs"]
    for n, (dup, what, a, b) in enumerate(pairs(), start=1):
        for side, content in (("a", a), ("b", b)):
            with open(os.path.join(OUT, "%02d-%s.txt" % (n, side)), "w", encoding="utf-8", newline="") as f:
                f.write(content)
        index.append("%02d\t%s\t%s" % (n, dup, what))
    with open(os.path.join(OUT, "index.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(index) + "\n")
    print("wrote %d pairs to %s" % (len(index) - 1, os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
