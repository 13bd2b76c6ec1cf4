#!/usr/bin/env bash
# The one test command: installs what the tests need, builds once (Release), runs every test assembly,
# and ends with one line "N passed, N failed[, N skipped]" summed from the TRX result files.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_apt[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: ${need_apt[*]} missing and not root: install it first" >&2; exit 1
  fi
  installed=0
  for attempt in 1 2 3; do
    if apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null; then
      installed=1; break
    fi
    echo "test.sh: apt-get install attempt $attempt failed; retrying" >&2
    sleep $((attempt * 10))
  done
  [ "$installed" -eq 1 ] || { echo "test.sh: apt-get install ${need_apt[*]} failed" >&2; echo "0 passed, 1 failed"; exit 1; }
fi
if ! command -v kubectl >/dev/null 2>&1; then
  echo "test.sh: kubectl is required (kubectl kustomize renders k8s/ offline); it is not on PATH" >&2
  exit 1
fi

results=".test-results"
rm -rf "$results"; mkdir -p "$results"

# Restore on its own first, with a few tries: a package feed that hiccups once must not fail the whole run.
restored=0
for attempt in 1 2 3; do
  if dotnet restore Coordination.sln -nologo -v:q; then restored=1; break; fi
  echo "test.sh: restore attempt $attempt failed; retrying" >&2
  sleep $((attempt * 10))
done
if [ "$restored" -ne 1 ]; then
  echo "test.sh: dotnet restore failed three times"
  echo "0 passed, 1 failed"
  exit 1
fi

if ! dotnet build Coordination.sln -c Release -nologo --no-restore -clp:ErrorsOnly; then
  echo "test.sh: build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# One test assembly at a time: the cluster tests share 2 cores and are steadier without the others beside them.
dotnet test Coordination.sln -c Release --no-build -nologo -m:1 \
  --logger "trx;LogFilePrefix=results" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 8m -- RunConfiguration.TestSessionTimeout=1500000
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed || echo 0)))
  failed=$((failed + $(get failed || echo 0) + $(get error || echo 0) + $(get timeout || echo 0) + $(get aborted || echo 0)))
  skipped=$((skipped + $(get notExecuted || echo 0)))
done
projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$files" -lt "$projects" ]; then
  echo "test.sh: only $files of $projects test assemblies wrote results (a test host crashed?)"
  failed=$((failed + projects - files))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited $status"
  failed=1
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
