#!/usr/bin/env bash
# Prints how right entity tags are: per type precision and recall at the document level, on the held-out test documents
# of the name recogniser's training data and on the project's own annotated articles, through the tagger as enrich runs
# it; then how often tags are right by origin and by score.
#
#   tools/ner-eval/evaluate.sh [--gazetteer-only]
#
# --gazetteer-only: the same without the name recogniser. Needs a JDK 17; the sets are in
# enrich-service/src/test/resources/names (README.md there and tools/ner/README.md say where they come from).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -q -B install -Dmaven.test.skip=true -pl model-training -am
./mvnw -q -B -pl model-training exec:java -Dexec.mainClass=io.newsflow.training.names.EvaluateNames \
  -Dexec.args="enrich-service/src/test/resources/names $*"
