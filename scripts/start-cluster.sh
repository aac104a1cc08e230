#!/usr/bin/env bash
# Starts a local cluster on 127.0.0.1 and waits until it works: a leader is elected and every
# server and client agent is an alive member. Prints a table and exits 0; on failure prints
# why and stops what it started.
#
#   scripts/start-cluster.sh [--servers 3] [--clients 0] [--base-dir DIR] [--port-base P]
#
# Nodes are numbered i = 0, 1, ...: the servers first (node1..nodeS in DIR/node*), then the
# client agents (client1..clientC in DIR/client*, no -server, -retry-join every server).
# Node i gets HTTP 8500+10i, internal RPC 8300+10i, Raft 8301+10i, DNS 8600+10i, public
# gRPC 8502+10i (a client listens on HTTP, DNS and gRPC only); at most 10 nodes, or node
# 10's HTTP port would be node 0's DNS port;
# with --port-base P on P+10i .. P+10i+4 (HTTP, RPC, Raft, DNS, gRPC), any number of nodes.
# Re-running with the same base dir restarts the same cluster with its data (size and ports
# come from DIR/cluster.env; --clients given again changes the number of clients).
# scripts/stop-cluster.sh --base-dir DIR stops it.
set -euo pipefail

self=$(readlink -f "${BASH_SOURCE[0]}" 2>/dev/null || echo "${BASH_SOURCE[0]}")
root=$(cd "$(dirname "$self")/.." && pwd -P)

servers=3
clients=""
base_dir="$root/.cluster"
port_base=""
wait_seconds=${REGISTRY_CLUSTER_WAIT:-120}

while [ $# -gt 0 ]; do
  case "$1" in
    --servers) servers=$2; shift 2 ;;
    --servers=*) servers=${1#*=}; shift ;;
    --clients) clients=$2; shift 2 ;;
    --clients=*) clients=${1#*=}; shift ;;
    --base-dir) base_dir=$2; shift 2 ;;
    --base-dir=*) base_dir=${1#*=}; shift ;;
    --port-base) port_base=$2; shift 2 ;;
    --port-base=*) port_base=${1#*=}; shift ;;
    -h|--help) sed -n '2,16p' "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "start-cluster: unknown argument: $1" >&2; exit 2 ;;
  esac
done

number() {
  case "$2" in ''|*[!0-9]*) echo "start-cluster: $1 needs a number" >&2; exit 2 ;; esac
}
[ -z "$clients" ] || number --clients "$clients"

mkdir -p "$base_dir"
base_dir=$(cd "$base_dir" && pwd -P)
env_file="$base_dir/cluster.env"
if [ -f "$env_file" ]; then
  # A cluster made here before: same servers and ports, whatever the flags say now. Clients
  # hold no Raft seat, so their number may change between runs.
  wanted_clients=$clients
  clients=0
  . "$env_file"
  [ -z "$wanted_clients" ] || clients=$wanted_clients
else
  number --servers "$servers"
  [ "$servers" -ge 1 ] || { echo "start-cluster: --servers must be at least 1" >&2; exit 2; }
  clients=${clients:-0}
fi
nodes=$((servers + clients))
if [ -z "$port_base" ] && [ "$nodes" -gt 10 ]; then
  echo "start-cluster: more than 10 nodes need --port-base (default ports would collide)" >&2
  exit 2
fi
printf 'servers=%s\nclients=%s\nport_base=%s\n' "$servers" "$clients" "$port_base" > "$env_file"

http_port() { if [ -n "$port_base" ]; then echo $((port_base + 10 * $1)); else echo $((8500 + 10 * $1)); fi; }
rpc_port() { if [ -n "$port_base" ]; then echo $((port_base + 10 * $1 + 1)); else echo $((8300 + 10 * $1)); fi; }
raft_port() { if [ -n "$port_base" ]; then echo $((port_base + 10 * $1 + 2)); else echo $((8301 + 10 * $1)); fi; }
dns_port() { if [ -n "$port_base" ]; then echo $((port_base + 10 * $1 + 3)); else echo $((8600 + 10 * $1)); fi; }
grpc_port() { if [ -n "$port_base" ]; then echo $((port_base + 10 * $1 + 4)); else echo $((8502 + 10 * $1)); fi; }

# Node i's name; its files live in $base_dir/<name>.
node_name() { if [ "$1" -lt "$servers" ]; then echo "node$(($1 + 1))"; else echo "client$(($1 - servers + 1))"; fi; }

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
  for ((i = 0; i < nodes; i++)); do
    echo "--- last lines of $base_dir/$(node_name "$i")/agent.log" >&2
    tail -n 15 "$base_dir/$(node_name "$i")/agent.log" >&2 2>/dev/null || true
  done
  stop_started
  exit 1
}
trap 'fail "interrupted"' INT TERM

for ((i = 0; i < nodes; i++)); do
  name=$(node_name "$i")
  dir="$base_dir/$name"
  mkdir -p "$dir/data"
  if [ -n "$(live_pid "$dir")" ]; then
    continue # already running from an earlier start
  fi
  role=()
  [ "$i" -lt "$servers" ] && role=(-server -bootstrap-expect="$servers")
  REGISTRY_SKIP_BUILD=1 nohup "$root/registry" agent ${role[@]+"${role[@]}"} \
    -node "$name" -data-dir "$dir/data" -bind 127.0.0.1 -client 127.0.0.1 \
    -http-port "$(http_port "$i")" -server-port "$(rpc_port "$i")" \
    -raft-port "$(raft_port "$i")" -dns-port "$(dns_port "$i")" -grpc-port "$(grpc_port "$i")" \
    "${joins[@]}" \
    >> "$dir/agent.log" 2>&1 < /dev/null &
  # The launcher execs java, so $! is the agent's own pid.
  echo $! > "$dir/pid"
  started+=($!)
done

# Whether pid $1 runs (a zombie does not). For pids started by this run: right after the
# fork their cmdline is still this script's, so live_pid would not know them yet.
running() {
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
  [ -n "$state" ] && [ "$state" != Z ]
}

http_get() { curl -fsS --max-time 2 "http://127.0.0.1:$1$2" 2>/dev/null || true; }

# The member rows of /v1/agent/members (on stdin) that are alive, one "Name" per line.
alive_names() {
  sed 's/},{/}\n{/g' | grep '"Status":1[,}]' | sed -n 's/.*"Name":"\([^"]*\)".*/\1/p' || true
}

deadline=$((SECONDS + wait_seconds))
while :; do
  ready=1
  for ((i = 0; i < nodes; i++)); do
    dir="$base_dir/$(node_name "$i")"
    running "$(cat "$dir/pid")" || fail "$(node_name "$i") exited (see $dir/agent.log)"
    # A client proxies both to a server, so this also proves it can reach one.
    leader=$(http_get "$(http_port "$i")" /v1/status/leader)
    alive=$(http_get "$(http_port "$i")" /v1/agent/members | alive_names)
    if [ -z "$leader" ] || [ "$leader" = '""' ]; then ready=0; fi
    for ((k = 0; k < nodes; k++)); do
      grep -qx "$(node_name "$k")" <<< "$alive" || ready=0
    done
  done
  [ "$ready" = 1 ] && break
  [ "$SECONDS" -lt "$deadline" ] \
    || fail "no leader with $servers servers and $clients clients alive within ${wait_seconds}s"
  sleep 0.5
done
trap - INT TERM

leader=$(http_get "$(http_port 0)" /v1/status/leader | tr -d '"')
printf '%-8s %-9s %-16s %-8s %-s\n' NODE ROLE HTTP PID "LOG / DATA DIR"
for ((i = 0; i < nodes; i++)); do
  name=$(node_name "$i")
  dir="$base_dir/$name"
  role=client
  if [ "$i" -lt "$servers" ]; then
    role=follower
    [ "$leader" = "127.0.0.1:$(rpc_port "$i")" ] && role=leader
  fi
  printf '%-8s %-9s %-16s %-8s %s\n' "$name" "$role" "127.0.0.1:$(http_port "$i")" \
    "$(live_pid "$dir")" "$dir/agent.log  $dir/data"
done
