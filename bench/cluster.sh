#!/usr/bin/env bash
# GET and SET throughput of the proxies as a cluster (issue 13), in three setups measured in one run:
#   1. one proxy on one MariaDB                  redis-benchmark against it
#   2. three proxies (cluster family) on that one MariaDB         redis-benchmark --cluster
#   3. three proxies on a 3-node Galera cluster, each proxy first  redis-benchmark --cluster
#      attached to a different node (scripts/galera.sh)
#   bench/cluster.sh            about 3 minutes on 2 cores, build and Galera start included
# It installs what is missing with apt-get, builds in Release, prints a markdown table and writes it to
# docs/cluster-benchmarks.md (BENCH_REPORT_DIR to change). Everything it starts is stopped when it exits.
#
# Environment:
#   BENCH_REQUESTS   requests per test (default 20000)
#   BENCH_CLIENTS    redis-benchmark -c (default 50)
#   BENCH_KEYSPACE   redis-benchmark -r (default 10000)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
DLL="$REPO/src/Kernel/bin/Release/net10.0/RedisOnMySql.Kernel.dll"
REQUESTS="${BENCH_REQUESTS:-20000}"
CLIENTS="${BENCH_CLIENTS:-50}"
KEYSPACE="${BENCH_KEYSPACE:-10000}"
REPORT_DIR="${BENCH_REPORT_DIR:-$REPO/docs}"

log() { echo "bench/cluster: $*" >&2; }
# shellcheck source=../scripts/shell-tools.sh
. "$REPO/scripts/shell-tools.sh"

packages=()
find_tool mariadbd >/dev/null || packages+=(mariadb-server)
find_tool redis-benchmark >/dev/null || packages+=(redis-tools)
[ -f /usr/lib/galera/libgalera_smm.so ] || packages+=(galera-4)
command -v rsync >/dev/null || packages+=(rsync)
install_packages "${packages[@]}"
log "building the solution in Release..."
dotnet build "$REPO/RedisOnMySql.sln" -c Release -nologo -v q

WORK="$(mktemp -d "${TMPDIR:-/tmp}/rom-cluster-bench-XXXXXX")"
MARIADB_PID=""
PROXY_PIDS=()
GALERA_DIR=""

stop_proxies() {
    local pid
    for pid in "${PROXY_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PROXY_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PROXY_PIDS=()
}

cleanup() {
    local code=$?
    trap - EXIT INT TERM
    stop_proxies
    [ -z "$MARIADB_PID" ] || { kill -TERM "$MARIADB_PID" 2>/dev/null; wait "$MARIADB_PID" 2>/dev/null || true; }
    [ -z "$GALERA_DIR" ] || "$REPO/scripts/galera.sh" stop "$GALERA_DIR" >/dev/null 2>&1 || true
    rm -rf "$WORK"
    exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

CLIENT="$(find_tool mariadb mysql)"

start_proxy() { # name addr port: a proxy with the cluster family on, every client logged in as bench:user
    local name="$1" addr="$2" port="$3"
    (cd "$REPO" && REDIS_MYSQL_ADDR="$addr" REDIS_MYSQL_BIND="127.0.0.1:$port" REDIS_MYSQL_DATABASE=redis \
        REDIS_MYSQL_DEFAULT_USER="bench:user" REDIS_MYSQL_DEFAULT_PASSWORD=bench REDIS_MYSQL_POOL_MAX_CONNECTIONS=64 \
        REDIS_MYSQL_FAMILIES_ENABLED=cluster exec dotnet "$DLL") >"$WORK/$name.log" 2>&1 &
    PROXY_PIDS+=($!)
    for _ in $(seq 1 600); do
        [ "$(redis-cli -p "$port" PING 2>/dev/null)" = PONG ] && return 0
        kill -0 "${PROXY_PIDS[-1]}" 2>/dev/null || break
        sleep 0.1
    done
    tail -n 40 "$WORK/$name.log" >&2
    return 1
}

wait_for_nodes() { # port count
    for _ in $(seq 1 300); do
        [ "$(redis-cli -p "$1" CLUSTER NODES 2>/dev/null | grep -c master)" -eq "$2" ] && return 0
        sleep 0.1
    done
    log "the map of :$1 never held $2 nodes"; return 1
}

measure() { # label port [--cluster]: "label<TAB>set rps<TAB>get rps"
    local label="$1" port="$2"
    shift 2
    local csv set get
    csv="$(redis-benchmark -p "$port" "$@" -t set,get -n "$REQUESTS" -c "$CLIENTS" -r "$KEYSPACE" --csv 2>/dev/null)"
    set="$(echo "$csv" | awk -F'"' '$2 == "SET" { printf "%d", $4 }')"
    get="$(echo "$csv" | awk -F'"' '$2 == "GET" { printf "%d", $4 }')"
    log "$label: SET $set/s, GET $get/s"
    printf '%s\t%s\t%s\n' "$label" "$set" "$get" >>"$WORK/results.tsv"
}

grant_bench_user() { # mariadb client arguments...
    "$CLIENT" --no-defaults "$@" <<'SQL'
CREATE DATABASE IF NOT EXISTS redis;
CREATE USER IF NOT EXISTS 'bench:user'@'%' IDENTIFIED BY 'bench';
GRANT ALL PRIVILEGES ON redis.* TO 'bench:user'@'%';
SQL
}

PORTS=()
for _ in 1 2 3 4; do PORTS+=("$(free_port "${PORTS[@]}")"); done

# --- 1 and 2: one MariaDB ---
log "starting a throwaway MariaDB on 127.0.0.1:${PORTS[0]}"
start_throwaway_mariadb "$WORK/mariadb" "${PORTS[0]}"
grant_bench_user --protocol=tcp -h127.0.0.1 -P"${PORTS[0]}" -uroot
single="127.0.0.1:${PORTS[0]}"
(cd "$REPO" && REDIS_MYSQL_ADDR="$single" REDIS_MYSQL_DATABASE=redis dotnet "$DLL" migrate --user root) >"$WORK/migrate.log" 2>&1 \
    || { cat "$WORK/migrate.log" >&2; exit 1; }
start_proxy p1 "$single" "${PORTS[1]}"
measure "1 proxy, 1 MariaDB" "${PORTS[1]}"
start_proxy p2 "$single" "${PORTS[2]}"
start_proxy p3 "$single" "${PORTS[3]}"
wait_for_nodes "${PORTS[1]}" 3
measure "3 proxies (cluster), 1 MariaDB" "${PORTS[1]}" --cluster
stop_proxies
kill -TERM "$MARIADB_PID"; wait "$MARIADB_PID" 2>/dev/null || true
MARIADB_PID=""

# --- 3: Galera ---
GALERA_DIR="$WORK/galera"
mkdir -p "$GALERA_DIR"
log "starting a 3-node Galera cluster"
"$REPO/scripts/galera.sh" start "$GALERA_DIR" >/dev/null
# shellcheck disable=SC1091
. "$GALERA_DIR/cluster.env"
IFS=, read -r n1 n2 n3 <<<"$REDIS_MYSQL_ADDR"
grant_bench_user --protocol=tcp -h"${n1%:*}" -P"${n1##*:}" -uroot -p"$REDIS_MYSQL_MIGRATE_PASSWORD"
(cd "$REPO" && REDIS_MYSQL_ADDR="$REDIS_MYSQL_ADDR" REDIS_MYSQL_DATABASE=redis dotnet "$DLL" migrate --user root --password "$REDIS_MYSQL_MIGRATE_PASSWORD") \
    >"$WORK/migrate-galera.log" 2>&1 || { cat "$WORK/migrate-galera.log" >&2; exit 1; }
# Each proxy first tries a different node, and fails over to the others in order.
start_proxy g1 "$n1,$n2,$n3" "${PORTS[1]}"
start_proxy g2 "$n2,$n3,$n1" "${PORTS[2]}"
start_proxy g3 "$n3,$n1,$n2" "${PORTS[3]}"
wait_for_nodes "${PORTS[1]}" 3
measure "3 proxies (cluster), 3-node Galera" "${PORTS[1]}" --cluster

mkdir -p "$REPORT_DIR"
{
    echo "# Cluster benchmarks"
    echo
    echo "Written by \`bench/cluster.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB;"
    echo "everything, the benchmark included, on this one machine): redis-benchmark, $REQUESTS requests per test,"
    echo "$CLIENTS clients, $KEYSPACE random keys, no pipelining. \`--cluster\` makes redis-benchmark read the map and send"
    echo "each key to the proxy that owns its slot."
    echo
    echo "| setup | SET/s | GET/s |"
    echo "|---|---:|---:|"
    awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }' "$WORK/results.tsv"
} | tee "$REPORT_DIR/cluster-benchmarks.md"
