#!/usr/bin/env bash
# Re-vendor Omzien's third-party front-end assets into src/omzien/web/static/vendor/.
#
# Run by a developer by hand when an asset is upgraded; never at build or run time.
# It fetches the pinned npm tarballs with `npm pack` into a temporary folder (no
# node_modules, nothing installed, no package scripts run), copies only the files
# Omzien serves plus each package's licence, and rewrites vendor/README.md.
# Review `git diff` afterwards and commit the result.
#
#   scripts/vendor-static.sh
#
# To upgrade: change a version below, run the script, check the pages, commit.
set -euo pipefail

UTRECHT_CSS=9.0.4    # @utrecht/component-library-css               EUPL-1.2
VOORBEELD=7.4.1      # @nl-design-system-unstable/voorbeeld-design-tokens EUPL-1.2
HTMX=2.0.11          # htmx.org (2.x line; 4.x changes attribute inheritance and events) 0BSD
LEAFLET=1.9.4        # leaflet                                       BSD-2-Clause

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest="$root/src/omzien/web/static/vendor"
work=$(mktemp -d /tmp/omzien-vendor.XXXXXX)
trap 'rm -rf "$work"' EXIT

command -v npm >/dev/null || { echo "npm is needed (Node 20 or newer)" >&2; exit 1; }

rows=()

# fetch SPEC DIR: unpack the npm tarball of SPEC into $work/DIR/package
fetch() {
  local spec=$1 dir=$2 json integrity
  mkdir -p "$work/$dir"
  json=$(cd "$work/$dir" && npm pack --ignore-scripts --json "$spec" 2>/dev/null)
  integrity=$(printf '%s' "$json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].integrity))')
  tar -xzf "$work/$dir"/*.tgz -C "$work/$dir"
  echo "$integrity"
}

# place SPEC LICENCE TARGET FILE...: copy FILEs (relative to the package) into vendor/TARGET
place() {
  local spec=$1 licence=$2 target=$3 integrity pkg files=()
  shift 3
  integrity=$(fetch "$spec" "$target")
  pkg="$work/$target/package"
  rm -rf "${dest:?}/$target"
  mkdir -p "$dest/$target"
  for f in "$@"; do
    if [ -d "$pkg/$f" ]; then
      cp -R "$pkg/$f" "$dest/$target/"
      files+=("$(basename "$f")/")
    else
      cp "$pkg/$f" "$dest/$target/"
      files+=("$(basename "$f")")
    fi
  done
  for lic in LICENSE LICENSE.md LICENCE LICENCE.md; do
    [ -f "$pkg/$lic" ] && cp "$pkg/$lic" "$dest/$target/" && files+=("$lic")
  done
  local version
  version=$(node -p "require('$pkg/package.json').version")
  rows+=("| \`${spec%@*}\` | $version | $licence | \`vendor/$target/\`: $(printf '%s, ' "${files[@]}" | sed 's/, $//') | \`$integrity\` |")
  echo "vendored $spec -> vendor/$target/"
}

mkdir -p "$dest"
place "@utrecht/component-library-css@$UTRECHT_CSS" EUPL-1.2 utrecht-component-library-css \
  dist/index.css
place "@nl-design-system-unstable/voorbeeld-design-tokens@$VOORBEELD" EUPL-1.2 voorbeeld-design-tokens \
  dist/theme.css
place "htmx.org@$HTMX" 0BSD htmx.org \
  dist/htmx.min.js
place "leaflet@$LEAFLET" BSD-2-Clause leaflet \
  dist/leaflet.js dist/leaflet.js.map dist/leaflet.css dist/images

{
  cat <<'EOF'
# Vendored front-end assets

Written by `scripts/vendor-static.sh`; do not edit by hand. Every file here is an
unmodified copy from the package's npm tarball, with the package's licence beside it.
Nothing is loaded from a CDN: Django serves these with `{% static %}`.

| npm package | version | licence | files | tarball integrity |
| --- | --- | --- | --- | --- |
EOF
  printf '%s\n' "${rows[@]}"
  cat <<'EOF'

Notes:

- `utrecht-component-library-css/index.css` is the NL Design System community
  component CSS (white-label). It has no colours or fonts of its own: it reads
  design tokens (CSS custom properties) that `omzien/theme.css` sets.
  Pages load `subset.css` beside it instead: only the rules for the classes the
  templates, scripts and forms use (about a quarter of the size), written by
  `omzien build_utrecht_css` from `index.css`. A test fails when it is stale:
  run the command after using a new Utrecht class or upgrading the package.
- `voorbeeld-design-tokens/theme.css` is the NL Design System's example theme,
  scoped to `.voorbeeld-theme`. Omzien does not load it; it is here as a ready
  alternative (load it and put `voorbeeld-theme` on `<body>` instead of
  `omzien-theme`) and as a reference for the token names.
- `htmx.org/htmx.min.js` is loaded with `defer` by `web/base.html`.
- `leaflet/` is for maps; `leaflet.css` refers to `images/` relatively, and
  `leaflet.js.map` is kept because `leaflet.js` names it (the manifest static
  storage would fail on a missing source map).
EOF
} > "$dest/README.md"
echo "wrote vendor/README.md"

# The pages load only the Utrecht classes Omzien uses; the folder was just replaced.
"$root/.venv/bin/omzien" build_utrecht_css
