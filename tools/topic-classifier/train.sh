#!/usr/bin/env bash
# Regenerates the topic classifier, enrich-service/src/main/resources/topic-model.bin.gz, and the held-out samples
# enrich-service/src/test/resources/topics/heldout-<language>.tsv, from the pinned sources in sources.tsv.
#
#   tools/topic-classifier/train.sh GIT_DIR...
#
# GIT_DIR: a clone (or bare mirror) of each repository named in sources.tsv, in any order, e.g.
#   git clone --bare https://github.com/rntatsuya/UCI_News_Aggregator_Data_Set_Retriever /tmp/uci
#   ... the same for Fred-Stock/Correlated-Topic-Modeling-In-Pytorch, ws-jiang/MetaPrompter_public,
#   studio-ousia/ease and dadelani/sib-200
# Each file is read at its pinned commit with git and checked against its SHA-256 before training. Needs a JDK 17 and
# git; about 3 minutes on 2 cores. Deterministic: the same sources give the same bytes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[[ $# -ge 1 ]] || { sed -n '2,13p' "$0"; exit 64; }
work="$root/model-training/target/topic-data"
rm -rf "$work" && mkdir -p "$work"

dirs=("$@")
source "$here/../lib/pinned.sh"

grep -v '^#' "$here/sources.tsv" | while IFS=$'\t' read -r name repo commit path sha; do
  g=$(git_dir_with "$commit" "$repo") || exit 1
  mkdir -p "$work/$name"
  if [[ "$name" == uci ]]; then
    git --git-dir="$g" archive "$commit" "$path" | tar -x -C "$work/$name"
    got=$(cat "$work/$name/$path"/*.csv | sha256sum | cut -d' ' -f1)
  else
    out="$work/$name/$(echo "$path" | tr '/' '_')"
    git --git-dir="$g" show "$commit:$path" > "$out"
    got=$(sha256sum < "$out" | cut -d' ' -f1)
  fi
  require_sha "$got" "$sha" "$repo" "$path" "$commit"
done

cd "$root"
./mvnw -q -B install -Dmaven.test.skip=true -pl model-training -am
MAVEN_OPTS="-Xmx6g" ./mvnw -q -B -pl model-training exec:java -Dexec.mainClass=io.newsflow.training.topics.TrainTopics \
  -Dexec.args="$work $here enrich-service/src/main/resources/topic-model.bin.gz enrich-service/src/test/resources/topics"
