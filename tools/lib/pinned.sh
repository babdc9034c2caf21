# Sourced by the scripts that read pinned sources (tools/ner/train.sh, tools/topic-classifier/train.sh,
# tools/gazetteer/build.sh): the git directories given on the command line are in the array "dirs".

# The git dir among "dirs" (a clone or a bare mirror) that holds commit $1 of repository $2; fails, naming them, when
# none does.
git_dir_with() {
  local commit=$1 dir
  for dir in "${dirs[@]}"; do
    local g="$dir"; [[ -d "$dir/.git" ]] && g="$dir/.git"
    if git --git-dir="$g" cat-file -e "$commit^{commit}" 2>/dev/null; then echo "$g"; return 0; fi
  done
  echo "$(basename "$0"): no git dir given holds $2 at $commit" >&2
  return 1
}

# Exits, naming the source, unless the SHA-256 read ($1) is the pinned one ($2); $3: repository, $4: path, $5: commit.
require_sha() {
  [[ "$1" == "$2" ]] || { echo "$(basename "$0"): $3 $4 at $5 has SHA-256 $1, expected $2" >&2; exit 1; }
}
