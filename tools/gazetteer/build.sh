#!/usr/bin/env bash
# Regenerates enrich-service/src/main/resources/gazetteer.tsv with Wikidata ids.
#
#   tools/gazetteer/build.sh GIT_DIR...
#
# GIT_DIR: a clone (or bare mirror) of each repository named in wikidata-sources.tsv, e.g.
#   git clone --bare https://github.com/mariomastrandrea/WikiNER /tmp/wikiner
#   git clone --bare https://github.com/gparlakov/tinySearch /tmp/tinysearch
# Each table is read at its pinned commit and checked against its SHA-256, then build-gazetteer.mjs joins it with the
# packages and the curated lists here. Needs git, node and npm (npm install fetches the two pinned packages).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -ge 1 ]] || { sed -n '2,10p' "$0"; exit 64; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dirs=("$@")
source "$here/../lib/pinned.sh"
grep -v '^#' "$here/wikidata-sources.tsv" | while IFS=$'\t' read -r name repo commit path sha; do
  g=$(git_dir_with "$commit" "$repo") || exit 1
  git --git-dir="$g" show "$commit:$path" > "$work/$name"
  got=$(sha256sum < "$work/$name" | cut -d' ' -f1)
  require_sha "$got" "$sha" "$repo" "$path" "$commit"
done
cd "$here"
[[ -d node_modules ]] || npm install --no-audit --no-fund
node build-gazetteer.mjs --wikidata-labels "$work/labels" --wikidata-cities "$work/cities"
