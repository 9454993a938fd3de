#!/usr/bin/env bash
# Installs what `npm run generate` and the generated Go SDK's tests need, once; fast and silent on a second run:
#  - the OpenAPI Generator CLI jar from Maven Central at the pinned version, into .cache/jars/<version>.jar, where the
#    @openapitools/openapi-generator-cli wrapper finds it through scripts/generate/openapitools.json (so it never
#    downloads at generation time);
#  - the Go modules the generated SDK (generated/go-client) depends on.
# Called by scripts/infra/install.sh, and with `jar` (the jar only) by `npm run generate` when the jar is missing;
# safe to run by hand. A missing tool stops it with one line naming what to install.
set -euo pipefail
only="${1:-all}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="$(node -p "require('$root/scripts/generate/openapitools.json')['generator-cli'].version")"
jars="$root/.cache/jars"
jar="$jars/$version.jar"

command -v java >/dev/null || { echo "install-tools: Java is required to run the OpenAPI Generator (apt-get install -y openjdk-17-jre-headless)" >&2; exit 1; }
if [ ! -s "$jar" ]; then
  command -v mvn >/dev/null || { echo "install-tools: Maven is required to fetch the OpenAPI Generator jar (apt-get install -y maven)" >&2; exit 1; }
  mkdir -p "$jars"
  echo "install-tools: fetching org.openapitools:openapi-generator-cli:$version"
  mvn -q -B dependency:copy \
    -Dartifact="org.openapitools:openapi-generator-cli:$version:jar" \
    -DoutputDirectory="$jars" -Dmdep.stripVersion=true
  mv "$jars/openapi-generator-cli.jar" "$jar"
fi
[ "$only" = jar ] && exit 0

if [ -f "$root/generated/go-client/go.mod" ]; then
  command -v go >/dev/null || { echo "install-tools: go is required to build generated/go-client" >&2; exit 1; }
  (cd "$root/generated/go-client" && go mod download)
fi

# oasdiff (github.com/oasdiff/oasdiff, Apache-2.0) for `npm run spec:review`, pinned, from the Go module proxy into
# .cache/bin; rebuilt only when the pinned version changes.
oasdiff_version=v1.39.0
bin="$root/.cache/bin"
if [ "$("$bin/oasdiff" --version 2>/dev/null | awk '{print $NF}')" != "${oasdiff_version#v}" ]; then
  command -v go >/dev/null || { echo "install-tools: go is required to install oasdiff" >&2; exit 1; }
  echo "install-tools: installing github.com/oasdiff/oasdiff@$oasdiff_version into .cache/bin"
  mkdir -p "$bin"
  GOBIN="$bin" GOFLAGS=-buildvcs=false go install "github.com/oasdiff/oasdiff@$oasdiff_version"
fi
