#!/usr/bin/env bash
# kafka.sh start|stop|status — the tests' Apache Kafka: one KRaft broker+controller on 127.0.0.1:9092 (PLAINTEXT),
# controller on 127.0.0.1:9093, data and logs under .cache/kafka-run. Jars come from install.sh.
# start formats the storage on first use and waits until the broker answers a metadata request;
# stop sends SIGTERM, waits for a clean shutdown, and kills only after a deadline.
set -euo pipefail
LOG_TAG=kafka
source "$(dirname "$0")/lib.sh"

PID_FILE="$KAFKA_RUN/kafka.pid"
DATA_DIR="$KAFKA_RUN/data"
CONFIG="$KAFKA_RUN/server.properties"
LOG_FILE="$KAFKA_RUN/kafka.log"
BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"

# The pid of the broker this script started, if it still runs (a reused pid of another process does not count).
running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && is_broker "$pid" && echo "$pid"
}

# True while PID is a live broker JVM (a zombie's cmdline is empty, so an exited broker is not alive).
is_broker() { grep -qa 'kafka\.Kafka' "/proc/$1/cmdline" 2>/dev/null; }
is_gone() { ! is_broker "$1"; }

answers_metadata() { port_in_use "$KAFKA_PORT" && kcat -L -b "$BOOTSTRAP" -m 2 -q >/dev/null 2>&1; }
port_in_use() { (exec 3<>"/dev/tcp/$KAFKA_HOST/$1") 2>/dev/null; }

write_config() {
  sed -e "s|@DATA_DIR@|$DATA_DIR|" -e "s|@PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    "$INFRA_DIR/kafka/server.properties" >"$CONFIG"
}

# The JVM options shared by the storage tool and the broker. C1 only (TieredStopAtLevel=1) halves the start time on a
# busy 2-core machine and is plenty for tests; a benchmark may set KAFKA_JVM_PERFORMANCE_OPTS="-XX:+UseG1GC".
KAFKA_JVM_PERFORMANCE_OPTS="${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:TieredStopAtLevel=1}"
# shellcheck disable=SC2206 # both variables hold several options
JAVA_ARGS=($KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS -Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$INFRA_DIR/kafka/log4j2.yaml" -cp "$KAFKA_LIB/*")

# Class-data sharing (AppCDS): the first broker writes an archive of its loaded classes when it stops cleanly, and
# later starts map it instead of loading and verifying them again (start ~3 s instead of ~6-8 s). The archive is keyed
# by the JDK and the jars; the JVM ignores one that does not match (-Xshare:auto), so it can only make a start faster.
# Writing it makes that first stop take ~5 s longer.
cds_option() {
  # CI starts a broker once from a fresh clone, where writing the archive would only slow the stop down.
  [ "${CI:-}" = true ] && { echo "-Xshare:auto"; return; }
  local key; key="$({ java -version 2>&1; cat "$KAFKA_STAMP"; } | sha256sum | cut -c1-12)"
  local archive="$CACHE_DIR/kafka/broker-$key.jsa"
  if [ -s "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive"
  else
    rm -f "$CACHE_DIR"/kafka/broker-*.jsa
    echo "-XX:ArchiveClassesAtExit=$archive"
  fi
}

# Formats the storage once per data directory, and again (after wiping test data) when the pinned version changed.
format_storage() {
  local version; version="$(kafka_version)"
  if [ -f "$DATA_DIR/meta.properties" ] && [ "$(cat "$KAFKA_RUN/formatted-version" 2>/dev/null)" = "$version" ]; then return; fi
  rm -rf "$DATA_DIR" && mkdir -p "$DATA_DIR"
  local id; id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' | sed 's/^-/A/')"
  log "formatting storage (cluster id $id, Kafka $version)"
  java "${JAVA_ARGS[@]}" kafka.tools.StorageTool format -t "$id" -c "$CONFIG" >"$KAFKA_RUN/format.log" 2>&1 \
    || { cat "$KAFKA_RUN/format.log" >&2; die "storage format failed"; }
  echo "$version" >"$KAFKA_RUN/formatted-version"
}

start() {
  if pid="$(running_pid)"; then
    answers_metadata || wait_until 60 "broker $BOOTSTRAP" answers_metadata || die "broker (pid $pid) does not answer; see $LOG_FILE"
    log "already running (pid $pid) on $BOOTSTRAP"
    return
  fi
  command -v kcat >/dev/null && [ -n "$(ls "$KAFKA_LIB"/kafka_2.13-*.jar 2>/dev/null)" ] || die "missing kcat or Kafka jars: run scripts/infra/install.sh"
  # a broker started elsewhere (another checkout of this project, a developer's own) that answers on the port is
  # used as it is, as postgres.sh uses a running cluster; `stop` leaves it alone, since this script did not start it
  if port_in_use "$KAFKA_PORT" && answers_metadata; then
    log "a broker not started by this script already answers on $BOOTSTRAP: using it (stop leaves it running)"
    return
  fi
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    port_in_use "$port" && die "something else already listens on $KAFKA_HOST:$port (not started by this script)"
  done
  local t0=$SECONDS
  mkdir -p "$KAFKA_RUN"
  write_config
  format_storage
  # setsid: the broker outlives the shell that started it (and its process group); the inner shell writes its own
  # pid, which exec hands to java, so the pid file is right even when setsid has to fork.
  rm -f "$PID_FILE"
  setsid bash -c 'echo $$ >"$0" && exec "$@"' "$PID_FILE" java "$(cds_option)" -Xlog:cds=off -Xlog:cds+dynamic=off \
    "${JAVA_ARGS[@]}" kafka.Kafka "$CONFIG" \
    >"$LOG_FILE" 2>&1 </dev/null 9>&- &
  wait_until 10 "the broker's pid file" test -s "$PID_FILE" || die "broker did not start"
  local pid; pid="$(cat "$PID_FILE")"
  local deadline=$((SECONDS + 90))
  until answers_metadata; do
    if is_gone "$pid"; then
      rm -f "$PID_FILE"; tail -n 30 "$LOG_FILE" >&2; die "broker exited during start-up (log: $LOG_FILE)"
    fi
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 30 "$LOG_FILE" >&2; stop; die "broker not ready after 90s"; }
    sleep 0.2
  done
  log "started Kafka $(kafka_version) (pid $pid) on $BOOTSTRAP in $((SECONDS - t0))s"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    log "not running (nothing started by this script)"
    return
  fi
  kill -TERM "$pid"
  if wait_until 30 "broker pid $pid to exit" is_gone "$pid"; then
    log "stopped (pid $pid)"
  else
    kill -KILL "$pid" 2>/dev/null || true
    log "killed (pid $pid) after 30s without a clean shutdown"
  fi
  rm -f "$PID_FILE"
}

status() {
  if pid="$(running_pid)"; then
    if answers_metadata; then log "running (pid $pid) on $BOOTSTRAP"; else log "process $pid runs but $BOOTSTRAP does not answer"; return 1; fi
  else
    log "not running"; return 3
  fi
}

case "${1:-}" in
  start | stop)
    # One start or stop at a time, so that two callers never launch two brokers.
    mkdir -p "$KAFKA_RUN" && exec 9>"$KAFKA_RUN/.lock" && flock -w 150 9 || die "another kafka.sh start/stop holds the lock"
    "$1" ;;
  status) "$1" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
