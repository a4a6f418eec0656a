#!/usr/bin/env bash
# Builds the widget and serves the demo article on 127.0.0.1 (PORT, default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/build.sh --desk   # the data desk, at /desk/
port="${PORT:-8080}"
echo "[demo] open http://127.0.0.1:$port/ (the article) or http://127.0.0.1:$port/desk/ (the data desk); Ctrl-C stops the server"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
