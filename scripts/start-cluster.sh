#!/usr/bin/env bash
# Starts a local cluster of registry servers on 127.0.0.1 and waits until it works:
# a leader is elected and every server is an alive member. Prints a table and exits 0;
# on failure prints why and stops what it started.
#
#   scripts/start-cluster.sh [--servers 3] [--base-dir DIR] [--port-base P]
#
# Ports: server i (0-based) listens on HTTP 8500+10i, server RPC 8300+10i, Raft 8301+10i,
# DNS 8600+10i, public gRPC 8502+10i; with --port-base P on P+10i .. P+10i+4.
# Re-running with the same base dir
# restarts the same cluster with its data (ports and size come from DIR/cluster.env).
# scripts/stop-cluster.sh --base-dir DIR stops it.
set -euo pipefail

self=$(readlink -f "${BASH_SOURCE[0]}" 2>/dev/null || echo "${BASH_SOURCE[0]}")
root=$(cd "$(dirname "$self")/.." && pwd -P)

servers=3
base_dir="$root/.cluster"
port_base=""
wait_seconds=${REGISTRY_CLUSTER_WAIT:-120}

while [ $# -gt 0 ]; do
  case "$1" in
    --servers) servers=$2; shift 2 ;;
    --servers=*) servers=${1#*=}; shift ;;
    --base-dir) base_dir=$2; shift 2 ;;
    --base-dir=*) base_dir=${1#*=}; shift ;;
    --port-base) port_base=$2; shift 2 ;;
    --port-base=*) port_base=${1#*=}; shift ;;
    -h|--help) sed -n '2,12p' "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "start-cluster: unknown argument: $1" >&2; exit 2 ;;
  esac
done

mkdir -p "$base_dir"
base_dir=$(cd "$base_dir" && pwd -P)
env_file="$base_dir/cluster.env"
if [ -f "$env_file" ]; then
  # A cluster made here before: same size and ports, whatever the flags say now.
  . "$env_file"
else
  case "$servers" in ''|*[!0-9]*) echo "start-cluster: --servers needs a number" >&2; exit 2 ;; esac
  [ "$servers" -ge 1 ] || { echo "start-cluster: --servers must be at least 1" >&2; exit 2; }
  printf 'servers=%s\nport_base=%s\n' "$servers" "$port_base" > "$env_file"
fi

http_port() { if [ -n "$port_base" ]; then echo $((port_base + 10 * $1)); else echo $((8500 + 10 * $1)); fi; }
rpc_port() { if [ -n "$port_base" ]; then echo $((port_base + 10 * $1 + 1)); else echo $((8300 + 10 * $1)); fi; }
raft_port() { if [ -n "$port_base" ]; then echo $((port_base + 10 * $1 + 2)); else echo $((8301 + 10 * $1)); fi; }
dns_port() { if [ -n "$port_base" ]; then echo $((port_base + 10 * $1 + 3)); else echo $((8600 + 10 * $1)); fi; }
grpc_port() { if [ -n "$port_base" ]; then echo $((port_base + 10 * $1 + 4)); else echo $((8502 + 10 * $1)); fi; }

# Our process for node dir $1, or nothing: the pid file must name a live java process that
# runs the registry with this very data dir (a recycled pid is someone else's).
live_pid() {
  local pid
  pid=$(cat "$1/pid" 2>/dev/null || true)
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 0
  if tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "-data-dir $1/data"; then echo "$pid"; fi
}

# Build once up front (the launcher's staleness check), so the agents do not race to build.
if ! "$root/registry" version > /dev/null; then
  echo "start-cluster: build failed" >&2
  exit 1
fi

joins=()
for ((i = 0; i < servers; i++)); do joins+=(-retry-join "127.0.0.1:$(rpc_port "$i")"); done

started=()
stop_started() {
  for pid in "${started[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
fail() {
  echo "start-cluster: $*" >&2
  for ((i = 0; i < servers; i++)); do
    echo "--- last lines of $base_dir/node$((i + 1))/agent.log" >&2
    tail -n 15 "$base_dir/node$((i + 1))/agent.log" >&2 2>/dev/null || true
  done
  stop_started
  exit 1
}
trap 'fail "interrupted"' INT TERM

for ((i = 0; i < servers; i++)); do
  dir="$base_dir/node$((i + 1))"
  mkdir -p "$dir/data"
  if [ -n "$(live_pid "$dir")" ]; then
    continue # already running from an earlier start
  fi
  REGISTRY_SKIP_BUILD=1 nohup "$root/registry" agent -server -bootstrap-expect="$servers" \
    -node "node$((i + 1))" -data-dir "$dir/data" -bind 127.0.0.1 -client 127.0.0.1 \
    -http-port "$(http_port "$i")" -server-port "$(rpc_port "$i")" \
    -raft-port "$(raft_port "$i")" -dns-port "$(dns_port "$i")" -grpc-port "$(grpc_port "$i")" \
    "${joins[@]}" \
    >> "$dir/agent.log" 2>&1 < /dev/null &
  # The launcher execs java, so $! is the agent's own pid.
  echo $! > "$dir/pid"
  started+=($!)
done

http_get() { curl -fsS --max-time 2 "http://127.0.0.1:$1$2" 2>/dev/null || true; }

deadline=$((SECONDS + wait_seconds))
while :; do
  ready=1
  for ((i = 0; i < servers; i++)); do
    dir="$base_dir/node$((i + 1))"
    [ -n "$(live_pid "$dir")" ] || fail "node$((i + 1)) exited (see $dir/agent.log)"
    leader=$(http_get "$(http_port "$i")" /v1/status/leader)
    alive=$(http_get "$(http_port "$i")" /v1/agent/members | { grep -o '"Status":1' || true; } | wc -l)
    if [ -z "$leader" ] || [ "$leader" = '""' ] || [ "$alive" -lt "$servers" ]; then ready=0; fi
  done
  [ "$ready" = 1 ] && break
  [ "$SECONDS" -lt "$deadline" ] || fail "no leader with $servers alive members within ${wait_seconds}s"
  sleep 0.5
done
trap - INT TERM

leader=$(http_get "$(http_port 0)" /v1/status/leader | tr -d '"')
printf '%-8s %-9s %-16s %-8s %-s\n' NODE ROLE HTTP PID "LOG / DATA DIR"
for ((i = 0; i < servers; i++)); do
  dir="$base_dir/node$((i + 1))"
  role=follower
  [ "$leader" = "127.0.0.1:$(rpc_port "$i")" ] && role=leader
  printf '%-8s %-9s %-16s %-8s %s\n' "node$((i + 1))" "$role" "127.0.0.1:$(http_port "$i")" \
    "$(live_pid "$dir")" "$dir/agent.log  $dir/data"
done
