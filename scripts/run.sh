#!/usr/bin/env bash
# Install what the dashboard needs into .venv and start it on the demo data.
# The first start builds data/etikkmonitor.duckdb from data/demo/ by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
bash scripts/install-package.sh  # the `etikkmonitor` command
# Sign-in fails closed: refuse to start when [access] names users but [auth] is missing or
# broken, or when without sign-in the server would listen beyond 127.0.0.1 (the app checks the
# same again on every page).
.venv/bin/python -m etikkmonitor check-setup -- "$@"
exec .venv/bin/python -m streamlit run app.py "$@"
