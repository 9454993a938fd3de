#!/usr/bin/env bash
# The project's test command (the README's second command, and what .ci/run calls).
# Brings the pinned Node, installs and starts the real infrastructure the tests need (PostgreSQL, Apache Kafka, kcat,
# Go modules), runs every vitest project, prints `N passed, N failed`, and stops what it started.
set -uo pipefail
cd "$(dirname "$0")/.."
# The tests run on the pinned newest LTS (.node-version, docs/decisions/0011), whichever Node started this script:
# first on PATH, so vitest, its forks, tsx and every tool they start use it.
node_bin="$(bash scripts/runtime/node.sh bin)" || { echo "the test runtime, Node $(cat .node-version), is not available"; exit 1; }
export PATH="$node_bin:$PATH"
echo "test runtime: Node $(node -p process.version) (${node_bin#"$PWD"/})"
bash scripts/infra/install.sh || { echo "infrastructure install failed"; exit 1; }
started=()
cleanup() { for s in "${started[@]}"; do bash "scripts/infra/$s.sh" stop >/dev/null 2>&1 || true; done; }
trap cleanup EXIT
for s in postgres kafka; do
  # What was already running (a developer's own start, another checkout's) is left running after the tests.
  was_running=false
  bash "scripts/infra/$s.sh" status >/dev/null 2>&1 && was_running=true
  bash "scripts/infra/$s.sh" start || { echo "$s failed to start"; exit 1; }
  $was_running || started+=("$s")
done
eval "$(bash scripts/infra/env.sh)"
report=.cache/vitest-report.json
mkdir -p .cache
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?
node scripts/print-counts.mjs "$report" || status=1
exit $status
