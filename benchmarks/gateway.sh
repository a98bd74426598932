#!/usr/bin/env sh
# Gateway benchmark (issue 5): the same endpoint direct, through bare YARP 2.1.0, through our gateway anonymously and
# with a valid token. Options: --seconds N (per run, default 6), --connections N (default 32), --rounds N (default 7),
# --baseline-gateway PATH (the Shop.Gateway.dll of another Release build, e.g. main's, measured in the same rounds).
set -eu
cd "$(dirname "$0")/.."
for project in Gateway/Gateway.csproj benchmarks/BareProxy/BareProxy.csproj benchmarks/Gateway.Benchmarks/Gateway.Benchmarks.csproj; do
  dotnet build "$project" -c Release -v quiet -nologo -clp:NoSummary
done
exec dotnet benchmarks/Gateway.Benchmarks/bin/Release/net10.0/Shop.Gateway.Benchmarks.dll "$@"
