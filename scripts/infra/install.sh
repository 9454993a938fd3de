#!/usr/bin/env bash
# Installs what the tests' real infrastructure needs, checking first so that a second run takes seconds:
#   Debian packages: PostgreSQL, kcat, a Java 17+ runtime, Maven, Python venv support (apt-get update only if one is missing)
#   Apache Kafka broker jars from Maven Central (pinned in kafka/pom.xml) into .cache/kafka/lib
#   Apache Kafka's command-line tools (kafka-tools/pom.xml) into .cache/kafka-tools/lib
#   Schemathesis from PyPI into .cache/venv
# then the code generators' tools (scripts/generate/install-tools.sh, owned by the generators) when that script exists.
set -euo pipefail
LOG_TAG=install
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
started_at=$SECONDS

java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
have_postgres_server() { command -v pg_ctlcluster >/dev/null && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; }
have_venv() { python3 -c 'import ensurepip, venv' >/dev/null 2>&1; }

missing=()
have_postgres_server || missing+=(postgresql)
command -v kcat >/dev/null || missing+=(kcat)
{ command -v java >/dev/null && [ "$(java_major)" -ge 17 ]; } || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v python3 >/dev/null || missing+=(python3)
have_venv || missing+=(python3-venv)

if [ ${#missing[@]} -eq 0 ]; then
  log "apt: postgresql, kcat, java $(java_major), maven, python3 venv already present"
else
  log "apt: installing ${missing[*]}"
  t0=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "apt: installed in $((SECONDS - t0))s"
fi

# maven_jars NAME POM LIB STAMP MARKER_GLOB: resolves POM's runtime dependencies into LIB, unless STAMP holds the
# pom's hash and LIB has a MARKER_GLOB jar; into LIB.tmp first, so an interrupted run leaves LIB as it was.
maven_jars() {
  local name=$1 pom=$2 lib=$3 stamp=$4 marker=$5
  local want; want="$(sha256sum "$pom" | cut -d' ' -f1)"
  # shellcheck disable=SC2086 # the marker is a glob
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -n "$(ls "$lib"/$marker 2>/dev/null)" ]; then
    log "$name: $(kafka_version) jars already in ${lib#"$REPO_ROOT"/}"
    return
  fi
  log "$name: resolving $(kafka_version) from Maven Central into ${lib#"$REPO_ROOT"/}"
  local t0=$SECONDS mvn_log; mvn_log="$(dirname "$lib")/mvn.log"
  mkdir -p "$(dirname "$lib")"
  rm -rf "$lib.tmp"
  mvn -B -Dstyle.color=never -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$lib.tmp" >"$mvn_log" 2>&1 || { tail -n 40 "$mvn_log" >&2; die "Maven could not resolve $name (log: $mvn_log)"; }
  rm -rf "$lib" && mv "$lib.tmp" "$lib"
  echo "$want" >"$stamp"
  log "$name: $(ls "$lib" | wc -l) jars, $(du -sh "$lib" | cut -f1) in $((SECONDS - t0))s"
}

schemathesis() {
  local bin="$VENV_DIR/bin/schemathesis"
  if [ -x "$bin" ] && "$VENV_DIR/bin/python" -c 'import sys, importlib.metadata as m; sys.exit(m.version("schemathesis") != sys.argv[1])' \
    "$SCHEMATHESIS_VERSION" 2>/dev/null; then
    log "schemathesis: $SCHEMATHESIS_VERSION already in ${VENV_DIR#"$REPO_ROOT"/}"
    return
  fi
  log "schemathesis: installing $SCHEMATHESIS_VERSION from PyPI into ${VENV_DIR#"$REPO_ROOT"/}"
  local t0=$SECONDS
  [ -x "$VENV_DIR/bin/python" ] || python3 -m venv "$VENV_DIR"
  "$VENV_DIR/bin/python" -m pip install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  log "schemathesis: installed in $((SECONDS - t0))s"
}

tools_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_TOOLS_POM")"
[ "$tools_version" = "$(kafka_version)" ] || die "kafka-tools/pom.xml pins Kafka $tools_version, kafka/pom.xml $(kafka_version): keep them equal"
maven_jars kafka "$KAFKA_POM" "$KAFKA_LIB" "$KAFKA_STAMP" 'kafka_2.13-*.jar'
maven_jars kafka-tools "$KAFKA_TOOLS_POM" "$KAFKA_TOOLS_LIB" "$KAFKA_TOOLS_STAMP" 'kafka-tools-[0-9]*.jar'
schemathesis

if [ -f scripts/generate/install-tools.sh ]; then
  log "generators: running scripts/generate/install-tools.sh"
  t0=$SECONDS
  bash scripts/generate/install-tools.sh
  log "generators: done in $((SECONDS - t0))s"
fi
log "done in $((SECONDS - started_at))s"
