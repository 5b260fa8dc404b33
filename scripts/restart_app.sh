#!/usr/bin/env bash
# Development helper: (re)start the dashboard on port ${PORT:-8599} in the background.
cd "$(dirname "$0")/.." || exit 1
pkill -f "streamlit run dashboard.py" 2>/dev/null; sleep 1
nohup .venv/bin/streamlit run dashboard.py --server.port "${PORT:-8599}" "$@" >/tmp/st.log 2>&1 &
for _ in $(seq 30); do curl -sf "localhost:${PORT:-8599}/_stcore/health" >/dev/null && exit 0; sleep 1; done
echo "dashboard did not start; see /tmp/st.log" >&2; exit 1
