#!/usr/bin/env bash
# Prints how right newsflow's best topic is, set by set: accuracy, how often a topic is given, calibration, per-label
# precision and recall, and a confusion matrix (model-training's EvaluateTopics). Every text goes through the enrich text
# chain as in the pipeline (language detected, then tagged).
#
#   tools/topic-eval/evaluate.sh [--pages readability=GIT_DIR] [--pages postlight=GIT_DIR] [--sib WORK_DIR]
#
# Always: the held-out samples of each language (by shape) and the golden corpus. With --pages: real news pages labelled
# by hand in SET-pages.tsv here, read at a pinned commit from a clone of github.com/mozilla/readability or
# github.com/postlight/parser (nothing of them is shipped). With --sib: SIB-200's test sentences, from the work folder
# tools/topic-classifier/train.sh fills (model-training/target/topic-data). The page sets and the golden corpus were
# used while designing the tagger: development sets, whose figures are optimistic.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -q -B install -Dmaven.test.skip=true -pl model-training -am
./mvnw -q -B -pl model-training exec:java -Dexec.mainClass=io.newsflow.training.topics.EvaluateTopics -Dexec.args="$root $*"
