#!/usr/bin/env bash
# Etikkmonitor as replicas behind HAProxy on this machine, in one command:
#   bash deploy/run.sh [--replicas 2] [--port 8501] [--db FILE] [--host 0.0.0.0]
# Installs Debian's haproxy when missing and what the dashboard needs into .venv, then starts
# one `streamlit run app.py` per replica and HAProxy in front (deploy/replicas.py). Ctrl-C
# stops them all. The first start builds data/etikkmonitor.duckdb from data/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v haproxy >/dev/null && [ ! -x /usr/sbin/haproxy ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq haproxy >/dev/null
fi
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m deploy.replicas "$@"
