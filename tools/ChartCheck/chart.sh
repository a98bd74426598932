#!/usr/bin/env bash
# ./shop chart: proves Shop's Helm chart on this machine, printing each step (docs/operations.md, "How the chart
# is made"). The manifest, Aspirate's chart, fix, check, helm lint --strict, helm template with install-time values
# (and with each example values file), then every rendered object parsed strictly and held to the invariants.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
FIXTURE=$ROOT/tests/ChartCheck.Tests/Fixtures/aspirate-9.1.0
WORK=${SHOP_STATE_DIR:-$ROOT/.shop}/chart
CONFIGURATION=${SHOP_CONFIGURATION:-Debug}
step() { printf 'chart: %s\n' "$*"; }

rm -rf "$WORK"
mkdir -p "$WORK"
chartcheck() { dotnet "$ROOT/tools/ChartCheck/bin/$CONFIGURATION/net10.0/ChartCheck.dll" "$@"; }
step "building ChartCheck"
dotnet build "$ROOT/tools/ChartCheck/ChartCheck.csproj" -c "$CONFIGURATION" -v quiet -nologo -clp:NoSummary -warnaserror >/dev/null

# 1. The AppHost's manifest, and whether the fixture still matches it.
current_manifest=""
if grep -q '^ *manifest)' "$ROOT/shop"; then
  step "1. manifest: ./shop manifest $WORK/aspire-manifest.json"
  "$ROOT/shop" manifest "$WORK/aspire-manifest.json"
  current_manifest=$WORK/aspire-manifest.json
  step "   drift: the AppHost's manifest against the fixture's"
  chartcheck drift "$current_manifest" "$FIXTURE/aspire-manifest.json"
else
  step "1. manifest: ./shop has no 'manifest' command yet (the AppHost branch adds it): using the fixture's manifest, $FIXTURE/aspire-manifest.json"
fi

# 2. Aspirate's chart: generated where the tool is installed, else the measured fixture (with the manifest it came from).
# Aspirate is the repository's local dotnet tool (.config/dotnet-tools.json); it targets net9.0, hence the roll-forward.
export DOTNET_ROLL_FORWARD=Major
if [ -n "$current_manifest" ] && (cd "$ROOT" && dotnet tool run aspirate --version) >/dev/null 2>&1; then
  step "2. chart: dotnet aspirate generate (the tool is installed) from $current_manifest"
  parameters=()
  for name in $(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["resources"]; print(" ".join(k for k,v in r.items() if v.get("type")=="parameter.v0"))' "$current_manifest"); do
    parameters+=("$name=$(openssl rand -hex 24)")
  done
  printf '%s\n' "${parameters[@]}" >"$WORK/parameters.env"
  (cd "$WORK" && dotnet tool run aspirate generate --project-path "$ROOT/AppHost" --aspire-manifest "$current_manifest" --non-interactive \
    --output-format helm --output-path "$WORK/aspirate-output" --skip-build --container-registry ghcr.io \
    --container-repository-prefix example-org --container-image-tag local --image-pull-policy IfNotPresent \
    --include-dashboard false --disable-secrets --disable-state $(printf -- '--parameter %s ' "${parameters[@]}") >&2)
  rm -f "$WORK/aspirate-state.json"
  cp -r "$WORK/aspirate-output/Chart" "$WORK/chart"
  chart_manifest=$current_manifest
else
  step "2. chart: Aspirate is not installed here (NuGet does not serve it): using Aspirate 9.1.0's real output, $FIXTURE/chart"
  cp -r "$FIXTURE/chart" "$WORK/chart"
  cp "$FIXTURE/parameters.env" "$WORK/parameters.env"
  chart_manifest=$FIXTURE/aspire-manifest.json
fi

fix_parameters=()
while IFS= read -r pair; do [ -n "$pair" ] && fix_parameters+=(--parameter "$pair"); done <"$WORK/parameters.env"
step "3. ChartCheck fix"
chartcheck fix "$WORK/chart" --manifest "$chart_manifest" "${fix_parameters[@]}" | grep -v '^fixed ' || true
step "4. ChartCheck check"
chartcheck check "$WORK/chart" --manifest "$chart_manifest"

# Install-time secrets as an operator would pass them (made up here, never kept).
install_values=$WORK/install-secrets.yaml
(umask 077 && python3 - "$install_values" "$chart_manifest" <<'PY'
import json, secrets, sys
resources = json.load(open(sys.argv[2]))["resources"]
names = [name for name, resource in resources.items() if resource.get("type") == "parameter.v0"]
key = lambda name: name.split("-")[0] + "".join(word.capitalize() for word in name.split("-")[1:])
with open(sys.argv[1], "w") as values:
    values.write("secrets:\n" + "".join(f"  {key(name)}: {secrets.token_hex(24)}\n" for name in names))
PY
)

HELM=$("$ROOT/tools/ChartCheck/helm/install.sh")
step "5. helm lint --strict ($("$HELM" version --short))"
"$HELM" lint --strict "$WORK/chart" -f "$install_values"
for example in "" "$ROOT"/tools/ChartCheck/values/*.yaml; do
  name=${example:+$(basename "$example" .yaml)}
  rendered=$WORK/rendered${name:+-$name}.yaml
  step "6. helm template with install-time values${example:+ and ${example#"$ROOT"/}}"
  "$HELM" template shop "$WORK/chart" --namespace shop -f "$install_values" ${example:+-f "$example"} >"$rendered"
  step "7. parse every rendered object strictly (KubernetesClient) and check the invariants"
  chartcheck verify "$rendered" --values "$install_values"
done
step "passed: the chart in $WORK/chart installs as far as this machine can tell (no cluster here)"
