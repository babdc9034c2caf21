#!/usr/bin/env bash
# Regenerates the name recogniser, enrich-service/src/main/resources/name-model.bin.gz, and the held-out documents
# enrich-service/src/test/resources/names/heldout-<language>.bio, from the pinned sources in sources.tsv.
#
#   tools/ner/train.sh GIT_DIR...
#
# GIT_DIR: a clone (or bare mirror) of each repository named in sources.tsv, in any order, e.g.
#   git clone --bare https://github.com/caurdy/LGP-NER-RegEx /tmp/wikigold
#   ... the same for amir-zeldes/gum, LSX-UniWue/SuperGLEBer, EuropeanaNewspapers/ner-corpora and
#   GateNLP/broad_twitter_corpus
# Each file is read at its pinned commit with git and checked against its SHA-256; GUM's mentions become name tags by
# gum_names.py. Needs a JDK 17, git and python3. Deterministic: the same sources give the same bytes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[[ $# -ge 1 ]] || { sed -n '2,12p' "$0"; exit 64; }
work="$root/model-training/target/name-data"
rm -rf "$work" && mkdir -p "$work"
dirs=("$@")
source "$here/../lib/pinned.sh"

grep -v '^#' "$here/sources.tsv" | while IFS=$'\t' read -r name repo commit path sha; do
  g=$(git_dir_with "$commit" "$repo") || exit 1
  mkdir -p "$work/$name"
  if [[ "$name" == gum ]]; then
    files=$(git --git-dir="$g" ls-tree --name-only "$commit" "$(dirname "$path")/" | grep -E "^$path$" | sort)
    for f in $files; do git --git-dir="$g" show "$commit:$f" > "$work/gum/$(basename "$f")"; done
    got=$(for f in $files; do cat "$work/gum/$(basename "$f")"; done | sha256sum | cut -d' ' -f1)
    python3 "$here/gum_names.py" "$work/gum.bio" $(for f in $files; do echo "$work/gum/$(basename "$f")"; done)
  else
    out="$work/$name/$(basename "$path")"
    git --git-dir="$g" show "$commit:$path" > "$out"
    got=$(sha256sum < "$out" | cut -d' ' -f1)
  fi
  require_sha "$got" "$sha" "$repo" "$path" "$commit"
done

cd "$root"
./mvnw -q -B install -Dmaven.test.skip=true -pl model-training -am
MAVEN_OPTS="-Xmx6g" ./mvnw -q -B -pl model-training exec:java -Dexec.mainClass=io.newsflow.training.names.TrainNames \
  -Dexec.args="$work enrich-service/src/main/resources/name-model.bin.gz enrich-service/src/test/resources/names"
