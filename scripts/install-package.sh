#!/usr/bin/env bash
# Install this checkout's package into .venv in editable mode, which makes the `etikkmonitor`
# command (.venv/bin/etikkmonitor) run this checkout's code. Skipped when it already does.
# Called by scripts/run.sh and scripts/test.sh after the requirements are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
here="$(pwd -P)"
# The venv's python by its real path: pip writes it as the command's #! line. (-I below: the
# checkout's own etikkmonitor.egg-info, in the current directory, is not the installed one.)
python="$(cd .venv/bin && pwd -P)/python"
if [ -x .venv/bin/etikkmonitor ] && "$python" -I - "$here" <<'PY' 2>/dev/null; then
import json
import sys
from importlib.metadata import distribution

url = json.loads(distribution("etikkmonitor").read_text("direct_url.json"))["url"]
sys.exit(0 if url == "file://" + sys.argv[1] else 1)
PY
  exit 0
fi
"$python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
