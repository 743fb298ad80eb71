#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on one machine, for trying the proxy on a distributed MySQL.
#
#   scripts/galera.sh start [DIR]       start nodes 1-3 (node 1 bootstraps), wait until all are Synced,
#                                       print REDIS_MYSQL_ADDR for the proxy; state in DIR (default: a temp dir)
#   scripts/galera.sh stop DIR          stop the nodes and remove DIR
#   scripts/galera.sh stop-node DIR N   kill -9 node N (a crash)
#   scripts/galera.sh start-node DIR N  start node N again, empty; it rejoins by a full state transfer (SST)
#   scripts/galera.sh status DIR        each node's cluster size and state
#
# Node N listens on 127.0.0.N: SQL on GALERA_SQL_PORT (default 3406), group communication on 4567, IST on 4568 and
# SST on 4444. Giving each node its own loopback address lets them share port numbers, and MySqlConnector (the proxy's
# driver) takes one port for all hosts of a list: REDIS_MYSQL_ADDR=127.0.0.1:3406,127.0.0.2:3406,127.0.0.3:3406.
# State transfer uses rsync (a joiner starts from an empty datadir). Root can log in over TCP with GALERA_ROOT_PASSWORD
# (default "galera"); database `redis` exists. Everything binds to 127.0.0.x only.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/shell-tools.sh
. "$REPO/scripts/shell-tools.sh"

SQL_PORT="${GALERA_SQL_PORT:-3406}"
ROOT_PASSWORD="${GALERA_ROOT_PASSWORD:-galera}"
PROVIDER="/usr/lib/galera/libgalera_smm.so"
NODES=(1 2 3)

log() { echo "galera.sh: $*" >&2; }

node_dir() { echo "$1/node$2"; }

write_config() {
    local dir="$1" n="$2" nd
    nd="$(node_dir "$dir" "$n")"
    mkdir -p "$nd/data" "$nd/tmp"
    # A joiner receives the state through an rsync daemon that MariaDB's SST script starts without a uid, so when the
    # nodes run as root it writes as "nobody": the datadir must let it (the nodes, as root, read what it writes).
    chmod 0777 "$nd/data"
    cat > "$nd/my.cnf" <<EOF
[mysqld]
user=root
datadir=$nd/data
tmpdir=$nd/tmp
socket=$nd/sock
pid-file=$nd/mariadbd.pid
log-error=$nd/mariadbd.err
port=$SQL_PORT
bind-address=127.0.0.$n
skip-name-resolve
max-connections=1000
innodb-buffer-pool-size=128M
# Galera replicates at commit; a node's own log need not be flushed per transaction.
innodb-flush-log-at-trx-commit=2
binlog-format=ROW
default-storage-engine=InnoDB
innodb-autoinc-lock-mode=2
wsrep-on=ON
wsrep-provider=$PROVIDER
wsrep-cluster-name=redis-on-mysql
wsrep-cluster-address=gcomm://127.0.0.1:4567,127.0.0.2:4567,127.0.0.3:4567
wsrep-node-name=node$n
wsrep-node-address=127.0.0.$n
wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.$n:4567;ist.recv_addr=127.0.0.$n:4568"
wsrep-sst-method=rsync
# Reads wait until the node has applied what other nodes committed before them: a GET through one proxy sees a SET
# acknowledged through another (without it, 97 of 2,000 such pairs read the old value).
wsrep-sync-wait=1
wsrep-sst-receive-address=127.0.0.$n:4444
EOF
}

sql() { # node, statement
    mariadb --protocol=socket -S "$(node_dir "$DIR" "$1")/sock" -uroot -N -B -e "$2" 2>/dev/null \
        || mariadb -h "127.0.0.$1" -P "$SQL_PORT" -uroot -p"$ROOT_PASSWORD" -N -B -e "$2" 2>/dev/null
}

status_of() { sql "$1" "SELECT CONCAT(VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = '$2'"; }

wait_synced() { # node
    local n="$1"
    for _ in $(seq 1 240); do
        if [ "$(status_of "$n" wsrep_local_state_comment || true)" = "Synced" ]; then return 0; fi
        sleep 0.5
    done
    log "node $n did not reach Synced; its log:"
    tail -30 "$(node_dir "$DIR" "$n")/mariadbd.err" >&2 || true
    return 1
}

start_node() { # node, extra args...
    local n="$1" nd
    shift
    nd="$(node_dir "$DIR" "$n")"
    setsid mariadbd --defaults-file="$nd/my.cnf" "$@" > "$nd/stdout.log" 2>&1 < /dev/null &
    echo $! > "$nd/launcher.pid"
}

cmd_start() {
    DIR="${1:-$(mktemp -d /tmp/rom-galera-XXXXXX)}"
    mkdir -p "$DIR"
    DIR="$(cd "$DIR" && pwd)"
    local packages=()
    find_tool mariadbd >/dev/null || packages+=(mariadb-server)
    [ -f "$PROVIDER" ] || packages+=(galera-4)
    command -v rsync >/dev/null || packages+=(rsync)
    install_packages "${packages[@]}"
    trap 'log "start failed; stopping what started"; cmd_stop "$DIR" keep' ERR
    local began=$SECONDS
    for n in "${NODES[@]}"; do write_config "$DIR" "$n"; done
    mariadb-install-db --defaults-file="$(node_dir "$DIR" 1)/my.cnf" --auth-root-authentication-method=socket > "$DIR/install.log" 2>&1
    start_node 1 --wsrep-new-cluster
    wait_synced 1
    sql 1 "CREATE USER IF NOT EXISTS 'root'@'127.0.0.%' IDENTIFIED BY '$ROOT_PASSWORD';
           GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.%' WITH GRANT OPTION;
           CREATE DATABASE IF NOT EXISTS redis;" >/dev/null
    for n in 2 3; do
        start_node "$n"
        wait_synced "$n"
    done
    trap - ERR
    log "3 nodes Synced in $((SECONDS - began)) s (cluster size $(status_of 1 wsrep_cluster_size)); state in $DIR"
    local addr="127.0.0.1:$SQL_PORT,127.0.0.2:$SQL_PORT,127.0.0.3:$SQL_PORT"
    printf 'GALERA_DIR=%s\nREDIS_MYSQL_ADDR=%s\nREDIS_MYSQL_MIGRATE_USER=root\nREDIS_MYSQL_MIGRATE_PASSWORD=%s\n' \
        "$DIR" "$addr" "$ROOT_PASSWORD" > "$DIR/cluster.env"
    echo "$addr"
}

cmd_stop_node() { # dir, node
    DIR="$1"
    local pid
    pid="$(cat "$(node_dir "$DIR" "$2")/mariadbd.pid" 2>/dev/null || true)"
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    rm -f "$(node_dir "$DIR" "$2")/mariadbd.pid"
    log "node $2 killed"
}

cmd_start_node() { # dir, node
    DIR="$1"
    local began=$SECONDS
    # The rsync daemon writing as "nobody" cannot replace files the node wrote as root, so the node comes back empty
    # and takes a full state transfer (seconds for a test database).
    find "$(node_dir "$DIR" "$2")/data" -mindepth 1 -delete
    start_node "$2"
    wait_synced "$2"
    log "node $2 Synced again in $((SECONDS - began)) s"
}

cmd_status() {
    DIR="$1"
    for n in "${NODES[@]}"; do
        echo "node $n (127.0.0.$n:$SQL_PORT): size $(status_of "$n" wsrep_cluster_size || echo -), $(status_of "$n" wsrep_local_state_comment || echo down)"
    done
}

cmd_stop() { # dir [keep]
    DIR="$1"
    for n in 3 2 1; do
        local pid
        pid="$(cat "$(node_dir "$DIR" "$n")/mariadbd.pid" 2>/dev/null || true)"
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    if [ "${2:-}" != keep ]; then rm -rf "$DIR"; fi
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    stop) cmd_stop "$2" ;;
    stop-node) cmd_stop_node "$2" "$3" ;;
    start-node) cmd_start_node "$2" "$3" ;;
    status) cmd_status "$2" ;;
    *) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
