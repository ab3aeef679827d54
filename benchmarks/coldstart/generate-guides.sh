#!/usr/bin/env bash
# generate-guides.sh SRC_CONTENT DEST_CONTENT COUNT
# Copies a content folder and adds COUNT valid guides (docs/CONTENT.md): each is one of the real
# guides' bodies under a new id and title, so sizes, sections and links are realistic.
set -euo pipefail
src="$1"; dest="$2"; count="${3:-1000}"
rm -rf "$dest"; mkdir -p "$dest"; cp -r "$src"/. "$dest"/
mapfile -t originals < <(ls "$src/guides"/*.md | sort)
[ "${#originals[@]}" -gt 0 ] || { echo "no guides in $src/guides" >&2; exit 1; }
for ((i = 1; i <= count; i++)); do
  orig="${originals[$(( (i - 1) % ${#originals[@]} ))]}"
  id="$(printf 'generated-guide-%04d' "$i")"
  awk -v id="$id" -v n="$i" '
    NR == 1 && $0 == "---" { fm = 1; print; next }
    fm && $0 == "---" { fm = 0; print; next }
    fm && /^id:/ { print "id: " id; next }
    fm && /^title:/ { sub(/^title: */, ""); print "title: " $0 " (copy " n ")"; next }
    { print }
  ' "$orig" >"$dest/guides/$id.md"
done
echo "$dest: $(ls "$dest/guides" | wc -l) guides" >&2
