#!/usr/bin/env bash
# Runs every test of the solution (unit + integration against a throwaway MariaDB the tests
# start themselves) in Release and prints one final line "N passed, N failed[, N skipped]".
# Installs mariadb-server, redis-server, redis-tools, galera-4, rsync and python3-redis with apt-get when missing.
# Exit code: non-zero if any test failed, dotnet test failed, or no test ran.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"

# shellcheck source=scripts/shell-tools.sh
. "$REPO/scripts/shell-tools.sh"
packages=()
find_tool mariadbd >/dev/null && find_tool mariadb >/dev/null || packages+=(mariadb-server)
find_tool redis-server >/dev/null || packages+=(redis-server)
find_tool redis-cli >/dev/null || packages+=(redis-tools)
# The Galera tests start a 3-node cluster with scripts/galera.sh (rsync carries the state transfer).
[ -f /usr/lib/galera/libgalera_smm.so ] || packages+=(galera-4)
command -v rsync >/dev/null || packages+=(rsync)
# The cluster tests run redis-py's RedisCluster with Debian's python3.
/usr/bin/python3 -c 'import redis' 2>/dev/null || packages+=(python3-redis)
install_packages "${packages[@]}"

RESULTS="$REPO/TestResults"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

LOG="$RESULTS/dotnet-test.log"
set +e
# The whole solution is built first: the proxy that integration tests start loads plugins no test project
# references, and `dotnet test` alone would build them in parallel with tests already running.
# Each test project writes its .trx into TestResults/<project>/ (tests/TestProject.targets).
{ dotnet build RedisOnMySql.sln -c Release && dotnet test RedisOnMySql.sln -c Release --no-build --logger "trx;LogFilePrefix=r"; } 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
set -e

total=0 passed=0 failed=0 skipped=0
shopt -s nullglob
trx_files=("$RESULTS"/*/*.trx)
for trx in "${trx_files[@]}"; do
    # <Counters total="3" executed="3" passed="3" failed="0" error="0" ... notExecuted="0" .../>
    counters="$(tr '\n' ' ' < "$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
    [ -n "$counters" ] || continue
    attr() { printf '%s\n' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    t="$(attr total)"; ex="$(attr executed)"; p="$(attr passed)"; f="$(attr failed)"; e="$(attr error)"
    x="$(attr timeout)"; a="$(attr aborted)"; n="$(attr notExecuted)"
    total=$((total + ${t:-0}))
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0} + ${x:-0} + ${a:-0}))
    # Skipped tests are counted as total - executed (notExecuted stays 0 for xunit skips).
    s=$(( ${t:-0} - ${ex:-0} )); if [ "${n:-0}" -gt "$s" ]; then s=${n:-0}; fi
    skipped=$((skipped + s))
done

summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then summary="$summary, $skipped skipped"; fi

rc=0
if [ "$status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then rc=1; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "dotnet test exited with code $status" >&2
fi
if [ "$passed" -eq 0 ]; then
    echo "no tests ran (${#trx_files[@]} result files)" >&2
fi
echo "$summary"
exit "$rc"
