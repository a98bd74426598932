#!/usr/bin/env bash
# Smoke test of an installed Shop release through its gateway (the only public entry point).
# Usage: smoke-test.sh <namespace>. Port-forwards the gateway Service, checks three routes, stops the forward.
set -euo pipefail

namespace="$1"
local_port=18080

kubectl -n "$namespace" port-forward svc/gateway "$local_port:http" >/dev/null &
forward_pid=$!
trap 'kill "$forward_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 30); do
  curl -s -o /dev/null "http://127.0.0.1:$local_port/" && break
  sleep 1
done

expect() {
  local path="$1" wanted="$2" status
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$local_port$path")
  if [[ "$status" != "$wanted" ]]; then
    echo "GET $path: expected $wanted, got $status" >&2
    return 1
  fi
  echo "GET $path: $status"
}

expect /product 200
expect /.well-known/jwks.json 200
expect /cart 401
