#!/usr/bin/env bash
# Benchmarks the proxy side by side with a real Redis and with the raw MariaDB underneath it, in one run:
#   bench/run.sh            full run (about 5 s per case; under 10 minutes on 2 cores, build included)
#   bench/run.sh --quick    smoke run (1 s per case)
# It installs what is missing with apt-get (mariadb-server redis-server redis-tools sysbench gnuplot-nox
# python3-redis), builds the solution in Release, starts a throwaway MariaDB, the proxy and a redis-server on free
# loopback ports, runs redis-benchmark against the proxy and Redis and sysbench against MariaDB, prints a table and
# writes docs/benchmarks.md with docs/benchmarks.png. Everything it starts or creates is removed when it exits.
#
# Environment:
#   BENCH_SECONDS     target duration of each case in seconds (default 5, --quick 1)
#   BENCH_REQUESTS    fixed redis-benchmark -n for every case instead of sizing each case to BENCH_SECONDS
#   BENCH_KEYSPACE    keys per benchmark: redis-benchmark -r and the sysbench table size (default 10000)
#   BENCH_REPORT_DIR  where benchmarks.md and benchmarks.png go (default docs/ in the repository)
#   BENCH_ZSET_MEMBERS members of the big sorted set and points of the big geo key (default 1000000, --quick 100000)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
DLL="$REPO/src/Kernel/bin/Release/net10.0/RedisOnMySql.Kernel.dll"

MODE=full
for arg in "$@"; do
    case "$arg" in
        --quick) MODE=quick ;;
        -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/run.sh: unknown argument '$arg' (use --quick or --help)" >&2; exit 2 ;;
    esac
done
if [ "$MODE" = quick ]; then SECONDS_PER_CASE="${BENCH_SECONDS:-1}"; else SECONDS_PER_CASE="${BENCH_SECONDS:-5}"; fi
KEYSPACE="${BENCH_KEYSPACE:-10000}"
REPORT_DIR="${BENCH_REPORT_DIR:-$REPO/docs}"
CLIENT_COUNTS=(1 50)
PIPELINES=(1 16)
# SET runs before GET so GET reads what SET wrote; the report lists them in its own order.
TESTS=(set get incr mset hset lpush rpush lpop rpop lrange_100 zadd zpopmin)
BIT_TESTS=(pfadd pfcount)
POOL_MAX=64

log() { echo "bench: $*" >&2; }
# shellcheck source=../scripts/shell-tools.sh
. "$REPO/scripts/shell-tools.sh"

# Debian's python3, the one python3-redis installs into (a python3 earlier on PATH, e.g. pyenv's, may lack it).
PUBSUB_PYTHON=/usr/bin/python3

install_missing() {
    local packages=()
    find_tool mariadbd >/dev/null && find_tool mariadb >/dev/null || packages+=(mariadb-server)
    find_tool redis-server >/dev/null || packages+=(redis-server)
    find_tool redis-cli >/dev/null && find_tool redis-benchmark >/dev/null || packages+=(redis-tools)
    find_tool sysbench >/dev/null || packages+=(sysbench)
    find_tool gnuplot >/dev/null || packages+=(gnuplot-nox)
    "$PUBSUB_PYTHON" -c 'import redis' 2>/dev/null || packages+=(python3-redis)
    install_packages "${packages[@]}"
}

install_missing
# 1,000 idle client connections (the memory case) need more descriptors than the usual soft limit of 1024.
[ "$(ulimit -n)" -ge 4096 ] || ulimit -n 4096 2>/dev/null || true
log "building the solution in Release..."
dotnet build "$REPO/RedisOnMySql.sln" -c Release -nologo -v q

CLIENT="$(find_tool mariadb mysql)"
REDIS_SERVER="$(find_tool redis-server)"

WORK=""
MARIADB_PID=""
PROXY_PID=""
PROXY2_PID=""
REDIS_PID=""

stop_process() { # pid: TERM, up to 10 s to exit, then KILL
    local pid="$1"
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local code=$?
    trap - EXIT INT TERM
    stop_process "$PROXY_PID"
    stop_process "$PROXY2_PID"
    stop_process "$REDIS_PID"
    stop_process "$MARIADB_PID"
    if [ -n "$WORK" ]; then rm -rf "$WORK"; fi
    exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

WORK="$(mktemp -d "${TMPDIR:-/tmp}/rom-bench-XXXXXX")"
RESULTS="$WORK/results.tsv"
: >"$RESULTS"

wait_until() { # description pid command...: polls the command for up to 60 s while pid lives
    local what="$1" pid="$2"
    shift 2
    for _ in $(seq 1 600); do
        kill -0 "$pid" 2>/dev/null || { log "$what exited during startup"; return 1; }
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    log "$what did not become ready"; return 1
}

redis_ping() { [ "$(redis-cli -h 127.0.0.1 -p "$1" PING 2>/dev/null)" = PONG ]; }

MARIADB_PORT="$(free_port)"
PROXY_PORT="$(free_port "$MARIADB_PORT")"
REDIS_PORT="$(free_port "$MARIADB_PORT" "$PROXY_PORT")"
PROXY2_PORT="$(free_port "$MARIADB_PORT" "$PROXY_PORT" "$REDIS_PORT")"

# --- MariaDB: a throwaway server with durability defaults, as the repository's run.sh starts it. ---
log "starting a throwaway MariaDB on 127.0.0.1:$MARIADB_PORT"
start_throwaway_mariadb "$WORK/mariadb" "$MARIADB_PORT"

mariadb_root() { "$CLIENT" --no-defaults --protocol=tcp -h127.0.0.1 -P"$MARIADB_PORT" -uroot "$@"; }
mariadb_root <<'SQL'
CREATE DATABASE IF NOT EXISTS redis;
CREATE DATABASE IF NOT EXISTS sbtest;
CREATE USER IF NOT EXISTS 'bench:user'@'%' IDENTIFIED BY 'bench';
GRANT ALL PRIVILEGES ON redis.* TO 'bench:user'@'%';
GRANT ALL PRIVILEGES ON sbtest.* TO 'bench:user'@'%';
SQL

# --- The proxy: Release build, every client logged in as bench:user without AUTH. ---
export REDIS_MYSQL_ADDR="127.0.0.1:$MARIADB_PORT"
export REDIS_MYSQL_DATABASE=redis
export REDIS_MYSQL_BIND="127.0.0.1:$PROXY_PORT"
export REDIS_MYSQL_DEFAULT_USER="bench:user"
export REDIS_MYSQL_DEFAULT_PASSWORD="bench"
export REDIS_MYSQL_POOL_MAX_CONNECTIONS="$POOL_MAX"
(cd "$REPO" && dotnet "$DLL" migrate --user root) >"$WORK/migrate.log" 2>&1 \
    || { cat "$WORK/migrate.log" >&2; exit 1; }
log "starting the proxy on 127.0.0.1:$PROXY_PORT"
(cd "$REPO" && exec dotnet "$DLL") >"$WORK/proxy.log" 2>&1 &
PROXY_PID=$!
wait_until proxy "$PROXY_PID" redis_ping "$PROXY_PORT" || { tail -n 40 "$WORK/proxy.log" >&2; exit 1; }
# A second proxy on the same database, for the wake-up of a client blocked on one proxy by a push through the other.
log "starting a second proxy on 127.0.0.1:$PROXY2_PORT"
(cd "$REPO" && REDIS_MYSQL_BIND="127.0.0.1:$PROXY2_PORT" exec dotnet "$DLL") >"$WORK/proxy2.log" 2>&1 &
PROXY2_PID=$!
wait_until proxy2 "$PROXY2_PID" redis_ping "$PROXY2_PORT" || { tail -n 40 "$WORK/proxy2.log" >&2; exit 1; }

# --- A real Redis for reference, without persistence. ---
log "starting redis-server on 127.0.0.1:$REDIS_PORT"
"$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" \
    >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
wait_until redis-server "$REDIS_PID" redis_ping "$REDIS_PORT" || { tail -n 40 "$WORK/redis.log" >&2; exit 1; }

# GET should find values, as sysbench's point selects find rows: load key:000000000000.. (the names
# redis-benchmark -r generates) with 3-byte values, its default size, 1000 keys per MSET.
prefill() { # port
    local first
    for ((first = 0; first < KEYSPACE; first += 1000)); do
        # shellcheck disable=SC2046 # one word per key and value
        redis-cli -h 127.0.0.1 -p "$1" MSET $(seq -f 'key:%012.0f xxx' "$first" "$((first + 999 < KEYSPACE - 1 ? first + 999 : KEYSPACE - 1))") >/dev/null
    done
}
log "loading $KEYSPACE keys into the proxy and into Redis"
prefill "$PROXY_PORT"
prefill "$REDIS_PORT"

# --- Memory: the proxy's resident size with 1,000 idle client connections (signed in as the default user), measured
# on the freshly loaded proxy, before the load cases grow its heap and pools. ---
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
connected_clients() {
    redis-cli -h 127.0.0.1 -p "$PROXY_PORT" INFO clients 2>/dev/null | awk -F: '/^connected_clients/ { print $2 + 0 }'
}
IDLE_CLIENTS=1000
RSS_BEFORE="$(rss_mb "$PROXY_PID")"
redis-benchmark -h 127.0.0.1 -p "$PROXY_PORT" -c "$IDLE_CLIENTS" -I >/dev/null 2>&1 &
IDLE_PID=$!
for _ in $(seq 1 300); do
    IDLE_CONNECTED="$(connected_clients)"
    [ "${IDLE_CONNECTED:-0}" -gt "$IDLE_CLIENTS" ] && break
    sleep 0.1
done
sleep 2 # let every session finish signing in
RSS_IDLE="$(rss_mb "$PROXY_PID")"
IDLE_CONNECTED="$(connected_clients)"
kill "$IDLE_PID" 2>/dev/null || true
wait "$IDLE_PID" 2>/dev/null || true
log "proxy RSS ${RSS_BEFORE} MB, ${RSS_IDLE} MB with $((IDLE_CONNECTED - 1)) idle connections"

# --- redis-benchmark ---

# Prints "rps p50 p99" for one redis-benchmark run, or fails (redis-benchmark 7 exits non-zero on an error reply,
# e.g. a command the proxy does not have yet).
redis_benchmark() { # port test clients pipeline requests
    local csv test=(-t "$2")
    local range="$KEYSPACE"
    # Custom commands: PUBLISH to a channel nobody subscribes to; HyperLogLog adds of a million distinct elements (past
    # the dense promotion) and counts. (SETBIT and GETBIT are timed by bench/bitmap_scale.py.)
    case "$2" in
        publish) test=(PUBLISH bench:channel hello) ;;
        pfadd) test=(PFADD bench:hll __rand_int__); range=1000000 ;;
        pfcount) test=(PFCOUNT bench:hll) ;;
    esac
    # redis-benchmark spins forever once its server is gone, so every run has a time limit.
    csv="$(timeout -k 5 "$CASE_TIME_LIMIT" redis-benchmark -h 127.0.0.1 -p "$1" -c "$3" -P "$4" -n "$5" \
        -r "$range" --csv "${test[@]}" 2>>"$WORK/redis-benchmark.err")" || return 1
    # The last row: LRANGE_100 is preceded by redis-benchmark's own "LPUSH (needed to benchmark LRANGE)" row.
    awk -F, 'NR > 1 && $2 != "" { gsub(/"/, ""); last = $2 " " $5 " " $7 } END { if (last == "") exit 1; print last }' <<<"$csv"
}

CASE_TIME_LIMIT=$((SECONDS_PER_CASE * 4 + 60))

# redis-benchmark stops after -n requests, not after a time: a short run estimates the rate, growing tenfold
# until it lasts at least 0.2 s, and the real run gets rate x BENCH_SECONDS requests.
requests_for() { # port test clients pipeline
    if [ -n "${BENCH_REQUESTS:-}" ]; then echo "$BENCH_REQUESTS"; return 0; fi
    local n=$(($3 * $4 * 20)) rps
    [ "$n" -ge 1000 ] || n=1000
    for _ in 1 2 3 4; do
        read -r rps _ < <(redis_benchmark "$1" "$2" "$3" "$4" "$n") || return 1
        if awk -v n="$n" -v rps="$rps" 'BEGIN { exit !(rps > 0 && n / rps < 0.2) }'; then n=$((n * 10)); else break; fi
    done
    awk -v rps="$rps" -v s="$SECONDS_PER_CASE" -v min="$n" 'BEGIN { n = int(rps * s); print (n < min ? min : n) }'
}

server_alive() { # system: its process exists and is not a zombie awaiting wait
    local pid state
    if [ "$1" = proxy ]; then pid="$PROXY_PID"; else pid="$REDIS_PID"; fi
    read -r _ _ state _ <"/proc/$pid/stat" 2>/dev/null && [ "$state" != Z ]
}

DEAD_SERVERS=""
run_case() { # system port test clients pipeline
    local system="$1" port="$2" test="$3" clients="$4" pipeline="$5" requests figures
    if ! server_alive "$system"; then
        case "$DEAD_SERVERS" in
            *"$system"*) ;;
            *) DEAD_SERVERS+="$system "
               log "$system is no longer running; its remaining cases are n/a. Log tail:"
               tail -n 20 "$WORK/$system.log" >&2 ;;
        esac
        printf '%s\t%s\t%s\t%s\tn/a\tn/a\tn/a\n' "$system" "$test" "$clients" "$pipeline" >>"$RESULTS"
        return 0
    fi
    if requests="$(requests_for "$port" "$test" "$clients" "$pipeline")" \
        && figures="$(redis_benchmark "$port" "$test" "$clients" "$pipeline" "$requests")"; then
        read -r rps p50 p99 <<<"$figures"
        log "$(printf '%-7s %-4s c=%-2s P=%-2s %10s rps  p50 %s ms  p99 %s ms  (n=%s)' "$system" "$test" "$clients" "$pipeline" "$rps" "$p50" "$p99" "$requests")"
    else
        rps=n/a p50=n/a p99=n/a
        log "$(printf '%-7s %-4s c=%-2s P=%-2s n/a: %s' "$system" "$test" "$clients" "$pipeline" "$(tail -n 1 "$WORK/redis-benchmark.err" 2>/dev/null)")"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$system" "$test" "$clients" "$pipeline" "$rps" "$p50" "$p99" >>"$RESULTS"
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for system in proxy redis; do
    if [ "$system" = proxy ]; then port="$PROXY_PORT"; else port="$REDIS_PORT"; fi
    for test in "${TESTS[@]}"; do
        for clients in "${CLIENT_COUNTS[@]}"; do
            for pipeline in "${PIPELINES[@]}"; do
                run_case "$system" "$port" "$test" "$clients" "$pipeline"
            done
        done
    done
done
# HyperLogLog, unpipelined: PFADD first, then PFCOUNT of what it wrote.
for system in proxy redis; do
    if [ "$system" = proxy ]; then port="$PROXY_PORT"; else port="$REDIS_PORT"; fi
    for test in "${BIT_TESTS[@]}"; do
        for clients in "${CLIENT_COUNTS[@]}"; do run_case "$system" "$port" "$test" "$clients" 1; done
    done
done
RSS_AFTER_CASES="$(rss_mb "$PROXY_PID" 2>/dev/null || echo n/a)"

# --- Issue 8's list target, like for like: INCR, LPUSH, RPUSH, LPOP and RPOP at 50 clients with one request count,
# interleaved over LIST_ROUNDS rounds, compared by their medians. The pushes add 2n elements to the empty list and the
# pops take them all, so no pop finds the list empty (in the table above a pop case may drain it and then answer nil).
# One 5 s case varies by up to ±30% on a shared 2-core machine; interleaved rounds share that noise, and five rounds
# keep one slow round of INCR or of a list command from deciding the verdict (three did not). ---
LIST_ROUNDS=5; [ "$MODE" = quick ] && LIST_ROUNDS=1
LIST_TESTS=(incr lpush rpush lpop rpop)
LIST_ROUNDS_FILE="$WORK/list-rounds.tsv"
: >"$LIST_ROUNDS_FILE"
if server_alive proxy && LIST_REQUESTS="$(requests_for "$PROXY_PORT" incr 50 1)"; then
    redis-cli -h 127.0.0.1 -p "$PROXY_PORT" DEL mylist >/dev/null
    for round in $(seq 1 "$LIST_ROUNDS"); do
        for test in "${LIST_TESTS[@]}"; do
            if figures="$(redis_benchmark "$PROXY_PORT" "$test" 50 1 "$LIST_REQUESTS")"; then
                read -r rps _ <<<"$figures"
                printf '%s\t%s\n' "$test" "$rps" >>"$LIST_ROUNDS_FILE"
                log "$(printf 'list round %s: %-5s c=50 %10s rps (n=%s)' "$round" "$test" "$rps" "$LIST_REQUESTS")"
            fi
        done
    done
fi
list_median() { # test: median rps over the rounds, or n/a
    awk -F'\t' -v t="$1" '$1 == t { v[n++] = $2 } END {
        if (n == 0) { print "n/a"; exit }
        for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
        printf "%.0f", n % 2 ? v[int(n / 2)] : (v[n / 2 - 1] + v[n / 2]) / 2 }' "$LIST_ROUNDS_FILE"
}
list_targets() { # issue 8: each list command's median at least INCR's
    local incr test median verdict ratio
    incr="$(list_median incr)"
    for test in lpush rpush lpop rpop; do
        median="$(list_median "$test")"
        read -r ratio verdict < <(awk -v a="$median" -v b="$incr" 'BEGIN {
            if (a == "n/a" || b == "n/a" || b == 0) print "n/a not measured"
            else printf "%.2fx %s\n", a / b, (a / b >= 1.0 ? "met" : "missed") }')
        echo "- ${test^^} vs this proxy's INCR, medians of $LIST_ROUNDS interleaved rounds at 50 clients ($median vs $incr rps): $ratio (target ≥ 1.0x) — **$verdict**"
    done
}

# --- Blocking pops: push-to-reply latency of BLPOP on the same proxy, across the two proxies, and on Redis; and the
# event-feed polls a proxy sends with no blocked client and with 1,000 (bench/wake_latency.py). ---
WAKE_SAMPLES=200; [ "$MODE" = quick ] && WAKE_SAMPLES=40
POLL_SECONDS="$SECONDS_PER_CASE"
wake() { timeout -k 5 300 python3 "$BENCH/wake_latency.py" "$@" 2>>"$WORK/wake.err" || echo "n/a n/a n/a"; }
read -r WAKE_SAME_P50 WAKE_SAME_P99 WAKE_SAME_MAX <<<"$(wake latency "$PROXY_PORT" "$PROXY_PORT" "$WAKE_SAMPLES")"
read -r WAKE_CROSS_P50 WAKE_CROSS_P99 WAKE_CROSS_MAX <<<"$(wake latency "$PROXY_PORT" "$PROXY2_PORT" "$WAKE_SAMPLES")"
read -r WAKE_REDIS_P50 WAKE_REDIS_P99 WAKE_REDIS_MAX <<<"$(wake latency "$REDIS_PORT" "$REDIS_PORT" "$WAKE_SAMPLES")"
# Issue 10: BZPOPMIN woken by a ZADD, through the same kernel mechanism.
read -r ZWAKE_SAME_P50 ZWAKE_SAME_P99 ZWAKE_SAME_MAX <<<"$(wake zlatency "$PROXY_PORT" "$PROXY_PORT" "$WAKE_SAMPLES")"
read -r ZWAKE_CROSS_P50 ZWAKE_CROSS_P99 ZWAKE_CROSS_MAX <<<"$(wake zlatency "$PROXY_PORT" "$PROXY2_PORT" "$WAKE_SAMPLES")"
# A trailing _ takes the third n/a of a failed run: joined to the last figure, "n/a n/a" would pass at_most as 0.
read -r _ POLLS_IDLE _ <<<"$(wake polls "$PROXY2_PORT" "$POLL_SECONDS" 0)"
read -r POLLS_BLOCKED POLLS_BUSY _ <<<"$(wake polls "$PROXY2_PORT" "$POLL_SECONDS" 1000)"
POLL_MS=20
log "BLPOP wake-up p50/p99/max ms: same proxy $WAKE_SAME_P50/$WAKE_SAME_P99/$WAKE_SAME_MAX, across proxies $WAKE_CROSS_P50/$WAKE_CROSS_P99/$WAKE_CROSS_MAX, Redis $WAKE_REDIS_P50/$WAKE_REDIS_P99/$WAKE_REDIS_MAX"
log "event-feed polls per second: $POLLS_IDLE with no blocked client, $POLLS_BUSY with $POLLS_BLOCKED blocked clients (one per ${POLL_MS} ms = $((1000 / POLL_MS))/s at most)"

# --- Pub/Sub: publish-to-delivery latency on the same proxy, across the two proxies and on Redis; one channel fanned
# out to subscribers on both proxies (bench/pubsub_latency.py); and PUBLISH throughput, as rows of the table. ---
PUBSUB_SAMPLES=200; [ "$MODE" = quick ] && PUBSUB_SAMPLES=40
FANOUT_SUBSCRIBERS=100
FANOUT_MESSAGES=2000; [ "$MODE" = quick ] && FANOUT_MESSAGES=400
pubsub() { timeout -k 5 300 "$PUBSUB_PYTHON" "$BENCH/pubsub_latency.py" "$@" 2>>"$WORK/pubsub.err" || echo "n/a n/a n/a"; }
read -r PUBSUB_SAME_P50 PUBSUB_SAME_P99 PUBSUB_SAME_MAX <<<"$(pubsub latency "$PROXY_PORT" "$PROXY_PORT" "$PUBSUB_SAMPLES")"
read -r PUBSUB_CROSS_P50 PUBSUB_CROSS_P99 PUBSUB_CROSS_MAX <<<"$(pubsub latency "$PROXY_PORT" "$PROXY2_PORT" "$PUBSUB_SAMPLES")"
read -r PUBSUB_REDIS_P50 PUBSUB_REDIS_P99 PUBSUB_REDIS_MAX <<<"$(pubsub latency "$REDIS_PORT" "$REDIS_PORT" "$PUBSUB_SAMPLES")"
read -r FANOUT_MPS FANOUT_DPS _ <<<"$(pubsub fanout "$PROXY_PORT" "$PROXY2_PORT" "$FANOUT_SUBSCRIBERS" "$FANOUT_MESSAGES")"
log "Pub/Sub delivery p50/p99/max ms: same proxy $PUBSUB_SAME_P50/$PUBSUB_SAME_P99/$PUBSUB_SAME_MAX, across proxies $PUBSUB_CROSS_P50/$PUBSUB_CROSS_P99/$PUBSUB_CROSS_MAX, Redis $PUBSUB_REDIS_P50/$PUBSUB_REDIS_P99/$PUBSUB_REDIS_MAX"
log "Pub/Sub fan-out to $FANOUT_SUBSCRIBERS subscribers on both proxies: $FANOUT_MPS messages/s, $FANOUT_DPS deliveries/s"
if [ -s "$WORK/pubsub.err" ]; then log "bench/pubsub_latency.py failed:"; tail -n 5 "$WORK/pubsub.err" >&2; fi
for system in proxy redis; do
    if [ "$system" = proxy ]; then port="$PROXY_PORT"; else port="$REDIS_PORT"; fi
    for clients in "${CLIENT_COUNTS[@]}"; do run_case "$system" "$port" publish "$clients" 1; done
done

# --- Sorted sets and Geo at scale: one sorted set and one geo key of ZSET_MEMBERS each, loaded through the proxy and
# into Redis, then single commands timed from one client (bench/zset_scale.py). ---
ZSET_MEMBERS="${BENCH_ZSET_MEMBERS:-1000000}"; [ "$MODE" = quick ] && ZSET_MEMBERS="${BENCH_ZSET_MEMBERS:-100000}"
ZSET_FILE="$WORK/zset-scale.tsv"
: >"$ZSET_FILE"
for system in proxy redis; do
    if [ "$system" = proxy ]; then port="$PROXY_PORT"; else port="$REDIS_PORT"; fi
    log "loading $ZSET_MEMBERS sorted-set members and $ZSET_MEMBERS geo points into $system..."
    if timeout -k 5 1800 "$PUBSUB_PYTHON" "$BENCH/zset_scale.py" "$port" "$ZSET_MEMBERS" >"$WORK/zset-$system.txt" 2>>"$WORK/zset.err"; then
        awk -v s="$system" '{ print s "\t" $1 "\t" $2 "\t" $3 "\t" $4 }' "$WORK/zset-$system.txt" >>"$ZSET_FILE"
        log "$system at scale: $(tr '\n' ';' <"$WORK/zset-$system.txt")"
    else
        log "bench/zset_scale.py failed on $system:"; tail -n 5 "$WORK/zset.err" >&2
    fi
done
# --- Bitmaps at scale: SETBIT on a 64 MB bitmap against a 1 KB one, BITCOUNT of 16 and 64 MB with the server's
# memory (bench/bitmap_scale.py). ---
BITMAP_FILE="$WORK/bitmap-scale.tsv"
: >"$BITMAP_FILE"
for system in proxy redis; do
    if [ "$system" = proxy ]; then port="$PROXY_PORT" pid="$PROXY_PID"; else port="$REDIS_PORT" pid="$REDIS_PID"; fi
    log "timing bitmaps of 1 KB, 16 MB and 64 MB on $system..."
    if timeout -k 5 1800 "$PUBSUB_PYTHON" "$BENCH/bitmap_scale.py" "$port" "$pid" >"$WORK/bitmap-$system.txt" 2>>"$WORK/bitmap.err"; then
        awk -v s="$system" '{ print s "\t" $1 "\t" $2 "\t" $3 "\t" $4 }' "$WORK/bitmap-$system.txt" >>"$BITMAP_FILE"
        log "$system bitmaps: $(tr '\n' ';' <"$WORK/bitmap-$system.txt")"
    else
        log "bench/bitmap_scale.py failed on $system:"; tail -n 5 "$WORK/bitmap.err" >&2
    fi
done
stop_process "$REDIS_PID"; REDIS_PID=""
stop_process "$PROXY_PID"; PROXY_PID=""
stop_process "$PROXY2_PID"; PROXY2_PID=""

# --- sysbench against the same MariaDB, over TCP, one statement per transaction ---
SYSBENCH_ARGS=(--db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$MARIADB_PORT" --mysql-user=bench:user
    --mysql-password=bench --mysql-db=sbtest --tables=1 --table-size="$KEYSPACE" --rand-type=uniform)
for workload in oltp_point_select oltp_update_non_index; do
    sysbench "$workload" "${SYSBENCH_ARGS[@]}" prepare >"$WORK/sysbench-prepare.log" 2>&1 \
        || { cat "$WORK/sysbench-prepare.log" >&2; exit 1; }
    for clients in "${CLIENT_COUNTS[@]}"; do
        # --percentile=99 gives p99 directly; p50 comes from the --histogram sysbench prints after the run.
        if sysbench "$workload" "${SYSBENCH_ARGS[@]}" --threads="$clients" --time="$SECONDS_PER_CASE" \
            --percentile=99 --histogram=on run >"$WORK/sysbench.log" 2>&1 \
            && figures="$(awk -f "$BENCH/sysbench-result.awk" "$WORK/sysbench.log")"; then
            read -r rps p50 p99 <<<"$figures"
        else
            rps=n/a p50=n/a p99=n/a
            tail -n 5 "$WORK/sysbench.log" >&2
        fi
        log "$(printf '%-7s %-21s c=%-2s %10s rps  p50 %s ms  p99 %s ms' mariadb "$workload" "$clients" "$rps" "$p50" "$p99")"
        printf 'mariadb\t%s\t%s\t1\t%s\t%s\t%s\n' "${workload#oltp_}" "$clients" "$rps" "$p50" "$p99" >>"$RESULTS"
    done
    sysbench "$workload" "${SYSBENCH_ARGS[@]}" cleanup >/dev/null 2>&1
done

load_remark() { # only when the 1-minute load exceeded the cores
    awk -v one_minute="${LOAD_BEFORE%% *}" -v cores="$(nproc)" \
        'BEGIN { if (one_minute > cores) printf " (above %d: other work was competing for the CPU)", cores }'
}

memory_verdict() {
    if [ "$((IDLE_CONNECTED - 1))" -lt "$IDLE_CLIENTS" ]; then echo "**not measured** (only $((IDLE_CONNECTED - 1)) connected)"
    elif [ "$RSS_IDLE" -le 150 ]; then echo "**met**"
    else echo "**missed**"
    fi
}

at_most() { # value limit: met / missed / not measured
    awk -v v="$1" -v l="$2" 'BEGIN { if (v == "n/a" || v == "") print "not measured"; else if (v + 0 <= l + 0) print "met"; else print "missed" }'
}

zset_figure() { # system case column (3 p50, 4 p99, 5 samples): the figure or n/a
    awk -F'\t' -v s="$1" -v c="$2" -v col="$3" '$1 == s && $2 == c { v = $col } END { print (v == "" ? "n/a" : v) }' "$ZSET_FILE"
}
zset_command() { # case name: the command it times
    case "$1" in
        zcard) echo "ZCARD" ;;
        zscore) echo "ZSCORE <random member>" ;;
        zadd_existing) echo "ZADD <new score> <random member>" ;;
        zincrby) echo "ZINCRBY 1 <random member>" ;;
        zrange_top10) echo "ZRANGE 0 9" ;;
        zrevrange_top10_withscores) echo "ZREVRANGE 0 9 WITHSCORES" ;;
        zrangebyscore_limit10) echo "ZRANGEBYSCORE <random> +inf LIMIT 0 10" ;;
        zrank_top1000) echo "ZRANK <member at rank 10, 500 or 990>" ;;
        zrank_quarter) echo "ZRANK <member at rank n/4>" ;;
        zrank_middle) echo "ZRANK <member at rank n/2>" ;;
        zrank_random) echo "ZRANK <random member>" ;;
        zcount_1pct) echo "ZCOUNT 500000 510000 (1% of the members)" ;;
        zcount_half) echo "ZCOUNT 250000 750000 (half of the members)" ;;
        geosearch_10km) echo "GEOSEARCH FROMLONLAT <random> BYRADIUS 10 km ASC" ;;
        geosearch_10km_count10_withdist) echo "GEOSEARCH FROMLONLAT <random> BYRADIUS 10 km ASC COUNT 10 WITHDIST" ;;
        *) echo "$1" ;;
    esac
}
zset_table() { # every timed scale case, the proxy next to Redis
    local name
    echo "| command | proxy p50 | proxy p99 | Redis p50 | Redis p99 | samples |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    for name in $(awk -F'\t' '$2 != "load" && $2 !~ /_found$/ && !seen[$2]++ { print $2 }' "$ZSET_FILE"); do
        echo "| \`$(zset_command "$name")\` | $(zset_figure proxy "$name" 3) | $(zset_figure proxy "$name" 4) | $(zset_figure redis "$name" 3) | $(zset_figure redis "$name" 4) | $(zset_figure proxy "$name" 5) |"
    done
}
bitmap_figure() { # system case column (3 p50 or value, 4 p99, 5 samples): the figure or n/a
    awk -F'\t' -v s="$1" -v c="$2" -v col="$3" '$1 == s && $2 == c { v = $col } END { print (v == "" ? "n/a" : v) }' "$BITMAP_FILE"
}
bitmap_table() {
    local name
    echo "| case | proxy p50 | proxy p99 | Redis p50 | Redis p99 | samples |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    for name in setbit_1kb setbit_64mb getbit_64mb bitcount_16mb bitcount_64mb; do
        echo "| \`$name\` | $(bitmap_figure proxy "$name" 3) | $(bitmap_figure proxy "$name" 4) | $(bitmap_figure redis "$name" 3) | $(bitmap_figure redis "$name" 4) | $(bitmap_figure proxy "$name" 5) |"
    done
}
bitmap_summary() { # issue 11's targets
    local ratio before peak
    ratio="$(bitmap_figure proxy setbit_total_ratio 3)"
    before="$(bitmap_figure proxy rss_before_bitcount_mb 3)"; peak="$(bitmap_figure proxy rss_peak_during_bitcount_mb 3)"
    echo "- SETBIT at random offsets of a 16 MB bitmap, 50 clients: $(bitmap_figure proxy setbit_16mb_50clients_rps 3) requests/s (Redis $(bitmap_figure redis setbit_16mb_50clients_rps 3)); GETBIT: $(bitmap_figure proxy getbit_16mb_50clients_rps 3) (Redis $(bitmap_figure redis getbit_16mb_50clients_rps 3)); measured by bench/bitmap_scale.py with 50 redis-py connections, whose own speed caps the Redis figures"
    echo "- 1,000 SETBITs on a 64 MB bitmap took $ratio× the time of 1,000 on a 1 KB one (target ≤ 2×) — **$(at_most "$ratio" 2)**; Redis: $(bitmap_figure redis setbit_total_ratio 3)×"
    echo "- Proxy memory while BITCOUNT read the 64 MB bitmap: $before MB before, at most $peak MB during (a whole copy would add 64 MB) — **$(awk -v b="$before" -v p="$peak" 'BEGIN { if (b == "n/a" || p == "n/a") print "not measured"; else if (p - b < 32) print "flat"; else print "grew" }')**"
}
zset_summary() {
    echo "- Sorted sets and Geo at $ZSET_MEMBERS members (issue 10; one client, p50 ms, Redis in brackets): ZRANGE top-10 $(zset_figure proxy zrange_top10 3) ($(zset_figure redis zrange_top10 3)), ZRANK of a random member $(zset_figure proxy zrank_random 3) ($(zset_figure redis zrank_random 3)), of the middle one $(zset_figure proxy zrank_middle 3) ($(zset_figure redis zrank_middle 3)), GEOSEARCH within 10 km $(zset_figure proxy geosearch_10km 3) ($(zset_figure redis geosearch_10km 3)); loading both keys took $(awk -F'\t' '$1 == "proxy" && $2 == "load" { printf "%.0f", $3 / 1000 }' "$ZSET_FILE") s through the proxy"
}

wake_targets() { # issue 8's blocking-pop targets, default config (events.poll_ms 20)
    echo "- BLPOP woken by a push through the same proxy: p50 $WAKE_SAME_P50 ms (target ≤ 5 ms) — **$(at_most "$WAKE_SAME_P50" 5)**; p99 $WAKE_SAME_P99 ms, max $WAKE_SAME_MAX ms"
    echo "- BLPOP woken by a push through the other proxy: p50 $WAKE_CROSS_P50 ms (target ≤ 50 ms) — **$(at_most "$WAKE_CROSS_P50" 50)**; p99 $WAKE_CROSS_P99 ms (target ≤ 200 ms) — **$(at_most "$WAKE_CROSS_P99" 200)**; max $WAKE_CROSS_MAX ms"
    echo "- Event-feed polls of a proxy with no blocked client: $POLLS_IDLE per second (target 0) — **$(at_most "$POLLS_IDLE" 0)**"
    echo "- Event-feed polls of a proxy with $POLLS_BLOCKED blocked clients: $POLLS_BUSY per second (target ≤ one per events.poll_ms, $((1000 / POLL_MS))/s) — **$(at_most "$POLLS_BUSY" "$((1000 / POLL_MS))")**"
    echo "- BZPOPMIN woken by a ZADD through the same proxy: p50 $ZWAKE_SAME_P50 ms (target ≤ 5 ms) — **$(at_most "$ZWAKE_SAME_P50" 5)**; through the other proxy: p50 $ZWAKE_CROSS_P50 ms (target ≤ 50 ms) — **$(at_most "$ZWAKE_CROSS_P50" 50)**, p99 $ZWAKE_CROSS_P99 ms (target ≤ 200 ms) — **$(at_most "$ZWAKE_CROSS_P99" 200)**; max $ZWAKE_SAME_MAX / $ZWAKE_CROSS_MAX ms"
    echo "- Redis itself for reference: BLPOP woken p50 $WAKE_REDIS_P50 ms, p99 $WAKE_REDIS_P99 ms"
}

pubsub_targets() { # issue 9's Pub/Sub targets, default config (events.poll_ms 20)
    echo "- Pub/Sub message through the same proxy: p50 $PUBSUB_SAME_P50 ms (target ≤ 5 ms) — **$(at_most "$PUBSUB_SAME_P50" 5)**; p99 $PUBSUB_SAME_P99 ms, max $PUBSUB_SAME_MAX ms"
    echo "- Pub/Sub message through the other proxy: p50 $PUBSUB_CROSS_P50 ms (target ≤ 50 ms) — **$(at_most "$PUBSUB_CROSS_P50" 50)**; p99 $PUBSUB_CROSS_P99 ms (target ≤ 200 ms) — **$(at_most "$PUBSUB_CROSS_P99" 200)**; max $PUBSUB_CROSS_MAX ms"
    echo "- Pub/Sub fan-out of one channel to $FANOUT_SUBSCRIBERS subscribers on both proxies, $FANOUT_MESSAGES messages from one publisher: $FANOUT_MPS messages/s, $FANOUT_DPS deliveries/s (no target)"
    echo "- Redis itself for reference: Pub/Sub message p50 $PUBSUB_REDIS_P50 ms, p99 $PUBSUB_REDIS_P99 ms"
}

# --- Report ---
MARIADB_VERSION="$(mariadb_root -N -e 'SELECT VERSION()')"
mkdir -p "$REPORT_DIR"
awk -v mode=chart -f "$BENCH/report.awk" "$RESULTS" >"$WORK/chart.dat"
gnuplot -e "datafile='$WORK/chart.dat'; outfile='$REPORT_DIR/benchmarks.png'" "$BENCH/chart.gp"

if [ -n "${BENCH_REQUESTS:-}" ]; then sizing="$BENCH_REQUESTS requests per redis-benchmark case"; else sizing="About $SECONDS_PER_CASE s per case"; fi
warning=""
if [ -n "$DEAD_SERVERS" ]; then warning="**Warning: ${DEAD_SERVERS}exited during the run; its cases after that are n/a.**"$'\n\n'; fi
commit="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
    cat <<EOF
# Benchmarks

Generated by \`bench/run.sh$([ "$MODE" = quick ] && echo " --quick")\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$commit\`$([ "$MODE" = quick ] && echo ' — **a quick smoke run: too short for conclusions**').
Rerun it to refresh this page: it starts everything it needs and leaves nothing behind.

## Machine

| | |
| --- | --- |
| CPU | $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo) |
| Memory | $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) |
| OS, kernel | $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r) |
| MariaDB | $MARIADB_VERSION (throwaway server, durability defaults: \`innodb_flush_log_at_trx_commit=1\`, binary log off, 256 MB buffer pool) |
| Redis | $("$REDIS_SERVER" --version | awk '{ print $3 }' | sed 's/^v=//') (\`--save '' --appendonly no\`) |
| .NET | SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }') |
| Load average (1/5/15 min) | $LOAD_BEFORE just before the cases$(load_remark) |
| Tools | $(redis-benchmark --version | awk '{ print "redis-benchmark " $2 }'), $(sysbench --version) |

## Results

${warning}$sizing, $KEYSPACE keys. Everything on one machine over loopback TCP; the load generators share the 2 cores
with the servers. Latencies in milliseconds. The MariaDB column is raw MariaDB doing the same work with one SQL
statement per request: GET ↔ \`oltp_point_select\`, SET ↔ \`oltp_update_non_index\` (sysbench does not pipeline,
so it is compared with unpipelined runs only).

EOF
    awk -v mode=markdown -f "$BENCH/report.awk" "$RESULTS"
    cat <<EOF

![Requests per second with 50 clients, log scale](benchmarks.png)

### Targets (issues 4, 8 and 9; load cases at 50 clients)

EOF
    awk -v mode=targets -f "$BENCH/report.awk" "$RESULTS"
    list_targets
    wake_targets
    pubsub_targets
    zset_summary
    bitmap_summary
    echo "- $IDLE_CLIENTS idle client connections: proxy resident size $RSS_IDLE MB in total, $RSS_BEFORE MB before they connected (target ≤ 150 MB) — $(memory_verdict). After all the load cases the proxy was $RSS_AFTER_CASES MB: its heap and buffer pools grow with the load, not with idle connections."
    cat <<EOF

### Sorted sets and Geo at $ZSET_MEMBERS members

\`bench/zset_scale.py\` loads one sorted set of $ZSET_MEMBERS members (random scores in [0, 1e6)) and one geo key of
$ZSET_MEMBERS points (uniform over lon -10..30, lat 35..60; a 10 km circle holds about $(zset_figure proxy geosearch_10km_found 3) of them), in commands of
1,000 members, the two keys side by side; then each command runs alone from one client, one at a time. Milliseconds.

EOF
    zset_table
    cat <<EOF

### Bitmaps at scale

\`bench/bitmap_scale.py\` fills a 1 KB, a 16 MB and a 64 MB bitmap with random bytes (SETRANGE of 1 MB pieces), then
times, one command at a time from one client, 1,000 SETBITs at random offsets of the 1 KB one and of the 64 MB one,
GETBITs of the 64 MB one, and BITCOUNT of the 16 MB and 64 MB ones, while it samples the server's resident memory.
Milliseconds.

EOF
    bitmap_table
    cat <<EOF

## Method

- **Proxy**: the Release build of the kernel with its plugins, bound to 127.0.0.1, \`REDIS_MYSQL_DEFAULT_USER=bench:user\`
  (so clients need no AUTH) and \`REDIS_MYSQL_POOL_MAX_CONNECTIONS=$POOL_MAX\`, on the same MariaDB as sysbench.
- **redis-benchmark**: \`redis-benchmark -t <test> -c <clients> -P <pipeline> -n <requests> -r $KEYSPACE --csv\`, one
  run per row, against the proxy and against Redis. \`-n\` is sized per case from a short calibration run so each
  case lasts about the target time (\`BENCH_REQUESTS\` fixes it instead). Before the runs, keys
  \`key:000000000000\`… are loaded with 3-byte values, the size redis-benchmark writes, so GET finds values as point selects
  find rows. GET, SET and MSET use \`key:<random>\`, INCR \`counter:<random>\`, HSET one hash \`myhash\` (a hot key).
  p50 and p99 are redis-benchmark's per-request latencies. A case whose command answers an error (a command the
  proxy does not have yet) is shown as n/a.
- **sysbench** 1.0: \`oltp_point_select\` and \`oltp_update_non_index\` with \`--tables=1 --table-size=$KEYSPACE
  --rand-type=uniform\`, \`--threads=1|50 --time=$SECONDS_PER_CASE\`, in schema \`sbtest\` over TCP as the same MySQL user. Each
  sysbench transaction is one statement in autocommit (prepared statements). p99 is sysbench's \`--percentile=99\`; sysbench reports
  one percentile per run, so p50 is read off the latency histogram of the same run (\`--histogram=on\`): the
  first bucket where the cumulative count reaches half the events.
- **Lists**: redis-benchmark's LPUSH, RPUSH, LPOP and RPOP all work on one list \`mylist\` (a hot key, like HSET's
  hash); LRANGE_100 reads its first 100 elements after redis-benchmark's own LPUSH fills it. Their target: at least
  this proxy's INCR at 50 clients in the same run (each is a one-row read-modify-write batched like INCR), checked
  like for like after the table's cases: INCR, LPUSH, RPUSH, LPOP, RPOP with one request count n, $LIST_ROUNDS
  interleaved rounds, medians compared (2n pushed then 2n popped, so no pop finds the list empty).
- **Blocking pops** (\`bench/wake_latency.py\`): a client runs \`BLPOP key 10\`; once \`INFO clients\` shows it blocked,
  another client runs \`LPUSH key x\`, through the same proxy, through a second proxy on the same database, or on
  Redis; and the same with \`BZPOPMIN key 10\` woken by \`ZADD key 1 x\` on the proxies. The time is from just before the LPUSH is sent to the arrival of the BLPOP reply, $WAKE_SAMPLES samples each.
  Then the second proxy's \`event_feed_polls\` (INFO stats) is read over $POLL_SECONDS s with no blocked client, and
  with 1,000 connections each blocked on its own key. Default config: \`events.poll_ms\` 20.
- **Pub/Sub** (\`bench/pubsub_latency.py\`, redis-py): a client subscribes to a channel of its own; once that is
  confirmed, another client publishes a timestamp to it, through the same proxy, through the second proxy, or on Redis,
  $PUBSUB_SAMPLES times about 5 ms apart (every third or so up to 20 ms later, so the samples do not keep one phase to
  the event-feed polls). The time is from just before the PUBLISH is sent to the message's arrival on the subscriber's
  connection; the PUBLISH reply is read after it. Fan-out: $FANOUT_SUBSCRIBERS connections, half on each proxy, subscribe
  to one channel; one client on the first proxy, in a process of its own, publishes $FANOUT_MESSAGES messages back to
  back, each after the previous reply. Its figures are n/a unless every PUBLISH answers $FANOUT_SUBSCRIBERS and every
  subscriber receives every message once and in order; messages/s and deliveries/s (messages × subscribers) are over
  the time from the first PUBLISH to the last delivery, and include one Python thread reading all $FANOUT_SUBSCRIBERS
  connections on the same cores (about 10 µs per delivery, so about 100,000 deliveries/s at most). The
  table's PUBLISH rows: \`redis-benchmark -c 1|50 -n <requests> PUBLISH bench:channel hello\`, unpipelined, to a
  channel nobody subscribes to: on the proxy one insert into the event feed and one query counting the receivers on
  live proxies. Default config: \`events.poll_ms\` 20.
- **Memory**: \`VmRSS\` of the proxy process once the keys are loaded, then with $IDLE_CLIENTS connections held open by
  \`redis-benchmark -I\` (idle mode), each signed in as the default user, read once \`INFO clients\` counts them all;
  and again after all the load cases.
- Chart: requests per second with 50 clients, log scale; the MariaDB (sysbench) bar stands next to GET and SET
  without pipelining; n/a marks a case the proxy could not run.

## Micro-benchmarks

\`bench/Micro\` (BenchmarkDotNet, not part of the solution) measures time and allocations of the per-command path
without any network or SQL: \`RespRequestParser.TryParse\` on one buffer holding 16 pipelined GETs, and \`RespWriter\`
writing 16 bulk (3 B and 1 KiB) and null replies; figures are per request.

    dotnet run -c Release --project bench/Micro -- --filter '*'               # full BenchmarkDotNet job, several minutes
    dotnet run -c Release --project bench/Micro -- --filter '*' --job short   # about a minute, rougher figures

Results are printed and written under \`bench/Micro/bin/Release/net10.0/BenchmarkDotNet.Artifacts/\`.
EOF
} >"$REPORT_DIR/benchmarks.md"

echo
awk -v mode=text -f "$BENCH/report.awk" "$RESULTS"
echo "$IDLE_CLIENTS idle connections: proxy RSS $RSS_IDLE MB (target ≤ 150 MB) — $(memory_verdict | tr -d '*')"
echo
awk -v mode=targets -f "$BENCH/report.awk" "$RESULTS" | sed 's/\*\*//g; s/^- //'
list_targets | sed 's/\*\*//g; s/^- //'
wake_targets | sed 's/\*\*//g; s/^- //'
zset_summary | sed 's/^- //'
pubsub_targets | sed 's/\*\*//g; s/^- //'
echo
if [ -n "$DEAD_SERVERS" ]; then log "WARNING: ${DEAD_SERVERS}exited during the run"; fi
log "report written to $REPORT_DIR/benchmarks.md (chart $REPORT_DIR/benchmarks.png)"
