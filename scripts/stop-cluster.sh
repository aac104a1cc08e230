#!/usr/bin/env bash
# Stops the agents scripts/start-cluster.sh started in a base dir: exactly the pids in its
# node*/pid and client*/pid files (checked to be our agents), never by name. SIGTERM first:
# a server keeps its Raft seat (Consul's servers skip leave on a signal), so the same base
# dir restarts the same cluster; a client agent stops the same way, keeping its local
# services for the next start. SIGKILL after 30 s. Clients stop before servers, so they
# never wait on servers already gone.
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
    -h|--help) sed -n '2,9p' "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "stop-cluster: unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -d "$base_dir" ] || { echo "stop-cluster: no cluster in $base_dir" >&2; exit 1; }
base_dir=$(cd "$base_dir" && pwd -P)

# Sends SIGTERM to the agents of the dirs given, waits for them (bounded), then SIGKILL.
stop_dirs() {
  local dir pid pids=()
  for dir in "$@"; do
    [ -f "$dir/pid" ] || continue
    pid=$(cat "$dir/pid")
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "-data-dir $dir/data"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      echo "stopping $(basename "$dir") (pid $pid)"
      stopped=$((stopped + 1))
    fi
    rm -f "$dir/pid"
  done
  for pid in ${pids[@]+"${pids[@]}"}; do
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "pid $pid ignored SIGTERM for 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

stopped=0
shopt -s nullglob
stop_dirs "$base_dir"/client*
stop_dirs "$base_dir"/node*
echo "stopped $stopped agent(s)"
