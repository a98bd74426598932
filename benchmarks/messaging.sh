#!/usr/bin/env sh
# Messaging benchmark (issue 15): Shop.Messaging end to end beside NATS.Net JetStream alone, one nats-server, one run.
set -eu
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project benchmarks/Messaging.Benchmarks/Messaging.Benchmarks.csproj -- "$@"
