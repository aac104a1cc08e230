#!/usr/bin/env bash
# Stops the servers scripts/start-cluster.sh started in a base dir: exactly the pids in its
# node*/pid files (checked to be our agents), SIGTERM first (a server keeps its seat, so the
# same base dir restarts the same cluster), SIGKILL after 30 s. Never kills by name.
#
#   scripts/stop-cluster.sh [--base-dir DIR]
set -euo pipefail

self=$(readlink -f "${BASH_SOURCE[0]}" 2>/dev/null || echo "${BASH_SOURCE[0]}")
root=$(cd "$(dirname "$self")/.." && pwd -P)
base_dir="$root/.cluster"
while [ $# -gt 0 ]; do
  case "$1" in
    --base-dir) base_dir=$2; shift 2 ;;
    --base-dir=*) base_dir=${1#*=}; shift ;;
    -h|--help) sed -n '2,6p' "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "stop-cluster: unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -d "$base_dir" ] || { echo "stop-cluster: no cluster in $base_dir" >&2; exit 1; }
base_dir=$(cd "$base_dir" && pwd -P)

pids=()
for dir in "$base_dir"/node*; do
  [ -f "$dir/pid" ] || continue
  pid=$(cat "$dir/pid")
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "-data-dir $dir/data"; then
    kill -TERM "$pid" 2>/dev/null || true
    pids+=("$pid")
    echo "stopping $(basename "$dir") (pid $pid)"
  fi
  rm -f "$dir/pid"
done
for pid in "${pids[@]}"; do
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "pid $pid ignored SIGTERM for 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
done
echo "stopped ${#pids[@]} server(s)"
