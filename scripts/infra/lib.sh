# Shared settings and helpers for scripts/infra/*.sh (sourced, never run).
# shellcheck disable=SC2034 # the settings are read by the scripts that source this file
# Everything a test run creates lives under the repo's ignored .cache/ folder, except the Debian PostgreSQL cluster.

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/../.." && pwd)"
CACHE_DIR="$REPO_ROOT/.cache"

# PostgreSQL (Debian's cluster manager; see README.md for why not a private initdb).
# A second cluster beside the default one (e.g. one the load test may restart) gets its own name and port:
#   PG_CLUSTER=fault PG_PORT=5433 bash scripts/infra/postgres.sh start|restart|stop
PG_CLUSTER="${PG_CLUSTER:-}"   # empty: the default cluster (the one on $PG_PORT, or a new main/socialnet)
PG_HOST=127.0.0.1
PG_PORT="${PG_PORT:-5432}"
PG_USER=postgres
PG_PASSWORD=socialnet-test   # test-only, loopback-only
PG_DATABASE=socialnet_test
PG_MARKER="$CACHE_DIR/infra/postgres${PG_CLUSTER:+-$PG_CLUSTER}.started"   # present only while this script has a cluster it started

# Apache Kafka (jars resolved from Maven Central by install.sh).
KAFKA_POM="$INFRA_DIR/kafka/pom.xml"
KAFKA_LIB="$CACHE_DIR/kafka/lib"
KAFKA_STAMP="$CACHE_DIR/kafka/pom.sha256"
# Apache Kafka's command-line tools (kafka-topics, kafka-configs, ...), in a folder of their own so that resolving
# them never touches the jars a running broker uses; the embedded broker's tests run them (broker/test/kafka-tools.ts).
KAFKA_TOOLS_POM="$INFRA_DIR/kafka-tools/pom.xml"
KAFKA_TOOLS_LIB="$CACHE_DIR/kafka-tools/lib"
KAFKA_TOOLS_STAMP="$CACHE_DIR/kafka-tools/pom.sha256"
# A second broker beside the default one (e.g. for a benchmark) can get its own ports and folder:
#   INFRA_KAFKA_PORT=19092 INFRA_KAFKA_CONTROLLER_PORT=19093 INFRA_KAFKA_RUN_DIR=/tmp/k2 bash scripts/infra/kafka.sh start
KAFKA_RUN="${INFRA_KAFKA_RUN_DIR:-$CACHE_DIR/kafka-run}"
KAFKA_HOST=127.0.0.1
KAFKA_PORT="${INFRA_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${INFRA_KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"

# Schemathesis (PyPI) in a private virtualenv.
SCHEMATHESIS_VERSION=4.32.5
VENV_DIR="$CACHE_DIR/venv"

log() { printf '[%s] %s\n' "${LOG_TAG:-infra}" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

# Runs a command as the postgres OS user (the owner of Debian's clusters).
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
  else sudo -n -u postgres "$@"; fi
}

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.2 s until it succeeds or the deadline passes.
wait_until() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then log "gave up waiting ${seconds}s for $what"; return 1; fi
    sleep 0.2
  done
}

# The Kafka version pinned in the pom (one place to change it).
kafka_version() { sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_POM"; }
