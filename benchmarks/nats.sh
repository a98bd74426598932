#!/usr/bin/env sh
# NATS client benchmark (issue 3): our .NET client against the official JavaScript client, one nats-server.
set -eu
cd "$(dirname "$0")/.."
[ -d benchmarks/nats-js/node_modules/nats ] || npm ci --prefix benchmarks/nats-js --no-audit --no-fund
exec dotnet run -c Release --project benchmarks/Nats.Benchmarks/Nats.Benchmarks.csproj -- "$@"
