#!/usr/bin/env bash
# The main job: ingest the seeds into the embedded database and print a report as known at the end of 2011.
# On a machine without PostgreSQL's server programs it installs them first, as CI does (Debian's postgresql package,
# when run as root with apt-get); elsewhere the ledger tool says how to get them.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "No PostgreSQL server programs found: installing the postgresql package." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q postgresql >&2
  fi
fi

exec dotnet run --project src/CooperationLedger.Cli -- report --ingest seeds --known-on 2011-12-31 "$@"
