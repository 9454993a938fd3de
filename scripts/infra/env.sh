#!/usr/bin/env bash
# Prints the `export` lines that point tests at the infrastructure these scripts install and start:
#   eval "$(bash scripts/infra/env.sh)"
set -euo pipefail
source "$(dirname "$0")/lib.sh"
printf 'export TEST_DATABASE_URL=%q\n' "postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_DATABASE"
printf 'export KAFKA_BROKERS=%q\n' "$KAFKA_HOST:$KAFKA_PORT"
printf 'export SCHEMATHESIS_BIN=%q\n' "$VENV_DIR/bin/schemathesis"
printf 'export KCAT_BIN=%q\n' "$(command -v kcat || echo kcat)"
