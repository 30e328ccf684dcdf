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
exec .venv/bin/python -m streamlit run app.py "$@"
