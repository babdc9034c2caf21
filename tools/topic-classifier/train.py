#!/usr/bin/env python3
"""Trains newsflow's topic classifier: multinomial naive Bayes over hashed words (stop words left out),
mapped to IPTC Media Topics top-level labels, from two openly licensed labelled news sets (CC BY 4.0).

    python3 tools/topic-classifier/train.py HUFFPOST_CHECKOUT UCI_CHECKOUT

HUFFPOST_CHECKOUT: a git directory of github.com/Fred-Stock/Correlated-Topic-Modeling-In-Pytorch
  (commit 65ae8edd71e5cc0ba2d32f9d02be0520fe90b006), whose News_Category_Dataset_v3.json holds the
  first 10,000 records of Rishabh Misra's News Category Dataset v3 (HuffPost headlines and short
  descriptions, 2018-2022; CC BY 4.0; Misra 2022, arXiv:2209.11429).
UCI_CHECKOUT: a git directory of github.com/Lemond-sp/nlp100v20 (commit
  337acd8cd650fed82c3c23f7442ecba46f89fb4b), whose ch06/contents/{train,valid,test}.txt hold 13,340
  headlines of the UCI News Aggregator dataset (Gasparetti 2016; CC BY 4.0) from five publishers
  (Reuters, Huffington Post, Businessweek, Contactmusic.com, Daily Mail), label 0 business,
  1 science and technology, 2 entertainment, 3 health.

Both are read with `git show`, checked against the SHA-256 pinned below, split 80/20 by a hash of the
text (seed below), and the model is written to
enrich-service/src/main/resources/topic-classifier.tsv.gz; the held-out 20% goes to
enrich-service/src/test/resources/topics/heldout.tsv, which TopicClassifierTest scores. Deterministic:
the same inputs give the same bytes. Tokens and hashes are exactly WordHashes.java's (used by TopicClassifier and MinHash).
"""
import collections, gzip, hashlib, json, math, os, re, subprocess, sys

HUFFPOST = ("65ae8edd71e5cc0ba2d32f9d02be0520fe90b006", "News_Category_Dataset_v3.json",
            "c50f756e92f00cd22b96869a042dc4089752b3883d34dc946c8002791bc82472")
UCI = ("337acd8cd650fed82c3c23f7442ecba46f89fb4b", [
    ("ch06/contents/train.txt", "5aebe28d721b35a24094925271e74fb9a0f337688252426a88fcaee7004f3fbf"),
    ("ch06/contents/valid.txt", "498ae2c33c06c0d35f307ce710251be6e56f7663010270f6ab7f4ec1d8491f34"),
    ("ch06/contents/test.txt", "98136f09a61a7b6ab32aec20c2f06b868b4baf944d676dfa94c71fda04be9767")])
SEED = b"newsflow-topics-2026"
ALPHA = 0.1          # additive smoothing
MIN_COUNT = 2        # a feature must occur at least this often in the training split
STEP = 0.05          # the model stores each feature's log-probabilities minus the row's largest, in steps of this many nats,
FLOOR = -127         # as integers down to this (one byte each: the table stays small enough for the CPU's caches)
MIN_CLASS = 100      # a label needs this many training texts (education and religion have 12 and 33: left out)
ECON, ARTS, POL, SPORT, SCI = ("economy, business and finance", "arts, culture, entertainment and media", "politics", "sport",
                               "science and technology")
HUFFPOST_LABELS = {
    "POLITICS": POL, "ENTERTAINMENT": ARTS, "COMEDY": ARTS, "MEDIA": ARTS, "CULTURE & ARTS": ARTS, "ARTS": ARTS,
    "ARTS & CULTURE": ARTS, "SPORTS": SPORT, "BUSINESS": ECON, "MONEY": ECON, "TECH": SCI, "SCIENCE": SCI,
    "CRIME": "crime, law and justice", "ENVIRONMENT": "environment", "GREEN": "environment", "WELLNESS": "health",
    "HEALTHY LIVING": "health", "RELIGION": "religion", "EDUCATION": "education", "COLLEGE": "education",
    "TRAVEL": "lifestyle and leisure", "FOOD & DRINK": "lifestyle and leisure", "STYLE & BEAUTY": "lifestyle and leisure",
    "HOME & LIVING": "lifestyle and leisure", "STYLE": "lifestyle and leisure", "TASTE": "lifestyle and leisure",
}  # WORLD NEWS, U.S. NEWS, WEIRD NEWS, PARENTING, WOMEN, the VOICES desks, IMPACT...: desks, not topics; left out
UCI_LABELS = {"0": ECON, "1": SCI, "2": ARTS, "3": "health"}
M64 = (1 << 64) - 1
WORD = re.compile(r"[^\W_]+")


def mix(z):  # splitmix64's finaliser, as WordHashes.mix
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M64
    return z ^ (z >> 31)


def word_hash(word):  # FNV-1a over the lowercased code points
    h = 0xcbf29ce484222325
    for ch in word:
        h = ((h ^ ord(ch)) * 0x100000001b3) & M64
    return h


# Function words and reporting verbs are left out of the model. The training texts are headlines (UCI: the economy,
# technology, health and most arts examples) and headlines with a sentence of description (HuffPost: all of politics),
# so prose words as such lean to the HuffPost desks: with them, the classifier named politics for 24 of 32 whole real
# articles (a development set of Readability's test pages, see README). Java needs no list: a word not in the
# model counts for nothing.
STOP = frozenset("""a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves said says say also one two new like get got us
mr mrs ms s t""".split())


def features(text):
    return [mix(word_hash(w)) for w in WORD.findall(text.lower()) if w not in STOP]


def quantize(row):
    top = max(row)
    return [max(FLOOR, round((w - top) / STEP)) for w in row]


def git_show(checkout, commit, path, sha):
    data = subprocess.run(["git", "--git-dir", checkout, "show", f"{commit}:{path}"], check=True, capture_output=True).stdout
    got = hashlib.sha256(data).hexdigest()
    if got != sha:
        sys.exit(f"{path} at {commit}: sha256 {got}, expected {sha}")
    return data.decode("utf-8")


def git_dir(path):
    return path if os.path.exists(os.path.join(path, "HEAD")) and not os.path.exists(os.path.join(path, ".git")) else os.path.join(path, ".git")


def load(huffpost, uci):
    rows = []
    for line in git_show(git_dir(huffpost), HUFFPOST[0], HUFFPOST[1], HUFFPOST[2]).splitlines():
        item = json.loads(line)
        label = HUFFPOST_LABELS.get(item["category"])
        if label:
            rows.append((label, (item["headline"] + ". " + item["short_description"]).strip(), "huffpost"))
    for path, sha in UCI[1]:
        for line in git_show(git_dir(uci), UCI[0], path, sha).splitlines():
            code, _, title = line.partition("\t")
            rows.append((UCI_LABELS[code], title.strip(), "uci"))
    return rows


def held_out(text):
    return hashlib.sha256(SEED + text.encode("utf-8")).digest()[0] < 52  # about 20%


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    rows = load(sys.argv[1], sys.argv[2])
    train = [r for r in rows if not held_out(r[1])]
    test = [r for r in rows if held_out(r[1])]
    per_label = collections.Counter(r[0] for r in train)
    train = [r for r in train if per_label[r[0]] >= MIN_CLASS]
    test = [r for r in test if per_label[r[0]] >= MIN_CLASS]
    labels = sorted({r[0] for r in train})
    index = {label: i for i, label in enumerate(labels)}
    counts = collections.defaultdict(lambda: [0] * len(labels))
    for label, text, _ in train:
        for f in features(text):
            counts[f][index[label]] += 1
    vocab = sorted(f for f, c in counts.items() if sum(c) >= MIN_COUNT)
    totals = [sum(counts[f][k] for f in vocab) for k in range(len(labels))]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    model = os.path.join(root, "enrich-service", "src", "main", "resources", "topic-classifier.tsv.gz")
    logp = {f: quantize([math.log((counts[f][k] + ALPHA) / (totals[k] + ALPHA * len(vocab))) for k in range(len(labels))])
            for f in vocab}
    lines = ["# newsflow topic classifier: multinomial naive Bayes, uniform priors, over hashed words (stop words left out)",
             "# made by tools/topic-classifier/train.py from the HuffPost News Category Dataset v3 (first 10,000 records; Misra 2022)",
             "# and the UCI News Aggregator dataset (13,340 headlines; Gasparetti 2016), both CC BY 4.0: see tools/topic-classifier/README.md",
             f"# alpha {ALPHA}, min count {MIN_COUNT}, {len(train)} training texts, {len(vocab)} features;",
             "# a row: the feature's hash, then log P(feature | label) minus the row's largest, in steps (nats per step below)",
             "labels\t" + "\t".join(labels),
             f"step\t{STEP}"]
    for f in vocab:
        lines.append(f"{f:016x}\t" + "\t".join(str(q) for q in logp[f]))
    with open(model, "wb") as out:
        with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
            gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    heldout = os.path.join(root, "enrich-service", "src", "test", "resources", "topics", "heldout.tsv")
    os.makedirs(os.path.dirname(heldout), exist_ok=True)
    with open(heldout, "w", encoding="utf-8") as out:
        out.write("# held-out 20% of tools/topic-classifier/train.py's data (CC BY 4.0: HuffPost News Category Dataset, Misra 2022;"
                  " UCI News Aggregator, Gasparetti 2016)\n# label<TAB>source<TAB>text\n")
        for label, text, source in test:
            out.write(f"{label}\t{source}\t{' '.join(text.split())}\n")
    # held-out accuracy of the model alone, as Java computes it (integer sums of the stored steps)
    right = collections.Counter()
    seen = collections.Counter()
    for label, text, _ in test:
        score = [0] * len(labels)
        for f in features(text):
            if f in logp:
                score = [s + w for s, w in zip(score, logp[f])]
        guess = labels[max(range(len(labels)), key=lambda k: score[k])]
        seen[label] += 1
        right[label] += guess == label
    print(f"{len(train)} training texts, {len(test)} held out, {len(vocab)} features, model {os.path.getsize(model):,} bytes")
    for label in labels:
        print(f"  {label:45s} {right[label]:5d} / {seen[label]:5d} = {right[label] / max(1, seen[label]):.3f}")
    print(f"held-out accuracy {sum(right.values()) / len(test):.3f}")


if __name__ == "__main__":
    main()
