#!/usr/bin/env bash
# Builds and runs the redis-on-mysql proxy in the foreground (default bind 0.0.0.0:6380).
# Without REDIS_MYSQL_ADDR it starts a throwaway MariaDB (installing mariadb-server with
# apt-get if needed), creates demo users tenantA:alice and tenantB:bob (password "password"),
# runs the migrations as root, and removes that MariaDB again when the proxy stops.
# With REDIS_MYSQL_ADDR set it uses that server and migrates only when
# REDIS_MYSQL_MIGRATE_USER (and optionally REDIS_MYSQL_MIGRATE_PASSWORD) is set.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"
DLL="$REPO/src/Kernel/bin/Release/net10.0/RedisOnMySql.Kernel.dll"
# shellcheck source=scripts/shell-tools.sh
. "$REPO/scripts/shell-tools.sh"

log() { echo "run.sh: $*" >&2; }

export REDIS_MYSQL_DATABASE="${REDIS_MYSQL_DATABASE:-redis}"
export REDIS_MYSQL_BIND="${REDIS_MYSQL_BIND:-0.0.0.0:6380}"

THROWAWAY=0
packages=()
if [ -z "${REDIS_MYSQL_ADDR:-}" ]; then
    THROWAWAY=1
    if ! find_tool mariadbd >/dev/null || ! find_tool mariadb >/dev/null; then packages+=(mariadb-server); fi
fi
# redis-cli is what the README connects with.
if ! find_tool redis-cli >/dev/null; then packages+=(redis-tools); fi
install_packages "${packages[@]}"

dotnet build "$REPO/RedisOnMySql.sln" -c Release

MARIADB_PID=""
DATADIR=""
PROXY_PID=""

cleanup() {
    local code=$?
    trap - EXIT INT TERM
    if [ -n "$PROXY_PID" ] && kill -0 "$PROXY_PID" 2>/dev/null; then
        kill -TERM "$PROXY_PID" 2>/dev/null || true
        wait "$PROXY_PID" 2>/dev/null || true
    fi
    if [ -n "$MARIADB_PID" ]; then
        log "stopping the throwaway MariaDB (pid $MARIADB_PID)"
        kill -TERM "$MARIADB_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$MARIADB_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$MARIADB_PID" 2>/dev/null || true
        wait "$MARIADB_PID" 2>/dev/null || true
    fi
    if [ -n "$DATADIR" ]; then rm -rf "$DATADIR"; fi
    exit "$code"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ "$THROWAWAY" -eq 1 ]; then
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    MARIADBD="$(find_tool mariadbd mysqld)"
    INSTALL_DB="$(find_tool mariadb-install-db mysql_install_db)"
    ADMIN="$(find_tool mariadb-admin mysqladmin)"
    CLIENT="$(find_tool mariadb mysql)"
    OS_USER="$(id -un)"

    DATADIR="$(mktemp -d "${TMPDIR:-/tmp}/rom-run-XXXXXX")"
    PORT=""
    for _ in $(seq 1 50); do
        candidate=$((20000 + RANDOM % 30000))
        if ! port_in_use "$candidate"; then PORT=$candidate; break; fi
    done
    [ -n "$PORT" ] || { log "no free port found"; exit 1; }

    log "initialising a throwaway MariaDB in $DATADIR"
    "$INSTALL_DB" --no-defaults --datadir="$DATADIR" --user="$OS_USER" \
        --auth-root-authentication-method=normal --skip-test-db >"$DATADIR/install.log" 2>&1 \
        || { cat "$DATADIR/install.log" >&2; exit 1; }

    "$MARIADBD" --no-defaults --datadir="$DATADIR" --socket="$DATADIR/sock" \
        --pid-file="$DATADIR/mariadbd.pid" --log-error="$DATADIR/mariadbd.err" \
        --port="$PORT" --bind-address=127.0.0.1 --user="$OS_USER" \
        --skip-log-bin --innodb-buffer-pool-size=256M --max-connections=2000 \
        >"$DATADIR/mariadbd.out" 2>&1 &
    MARIADB_PID=$!

    ready=0
    for _ in $(seq 1 600); do
        if ! kill -0 "$MARIADB_PID" 2>/dev/null; then break; fi
        if "$ADMIN" --no-defaults --protocol=tcp -h127.0.0.1 -P"$PORT" -uroot --connect-timeout=2 ping >/dev/null 2>&1; then
            ready=1; break
        fi
        sleep 0.1
    done
    if [ "$ready" -ne 1 ]; then
        log "MariaDB did not start; log tail:"
        tail -n 40 "$DATADIR/mariadbd.err" >&2 2>/dev/null || true
        exit 1
    fi

    db_ident="\`${REDIS_MYSQL_DATABASE//\`/\`\`}\`"
    "$CLIENT" --no-defaults --protocol=tcp -h127.0.0.1 -P"$PORT" -uroot <<SQL
DELETE FROM mysql.global_priv WHERE User = '';
FLUSH PRIVILEGES;
CREATE USER IF NOT EXISTS 'tenantA:alice'@'%' IDENTIFIED BY 'password';
CREATE USER IF NOT EXISTS 'tenantB:bob'@'%' IDENTIFIED BY 'password';
GRANT ALL PRIVILEGES ON $db_ident.* TO 'tenantA:alice'@'%';
GRANT ALL PRIVILEGES ON $db_ident.* TO 'tenantB:bob'@'%';
SQL

    export REDIS_MYSQL_ADDR="127.0.0.1:$PORT"
    log "throwaway MariaDB listening on $REDIS_MYSQL_ADDR (root, no password); data in $DATADIR"

    dotnet "$DLL" migrate --user root
else
    if [ -n "${REDIS_MYSQL_MIGRATE_USER:-}" ]; then
        migrate_args=(migrate --user "$REDIS_MYSQL_MIGRATE_USER")
        if [ -n "${REDIS_MYSQL_MIGRATE_PASSWORD:-}" ]; then
            migrate_args+=(--password "$REDIS_MYSQL_MIGRATE_PASSWORD")
        fi
        dotnet "$DLL" "${migrate_args[@]}"
    fi
fi

PROXY_PORT="${REDIS_MYSQL_BIND##*:}"
cat >&2 <<EOF2

redis-on-mysql proxy on $REDIS_MYSQL_BIND -> MySQL $REDIS_MYSQL_ADDR, database $REDIS_MYSQL_DATABASE
Connect with:
  redis-cli -p $PROXY_PORT
  AUTH tenantA:alice password
EOF2
if [ "$THROWAWAY" -eq 1 ]; then
    echo "  (or AUTH tenantB:bob password for a second tenant; Ctrl-C stops proxy and MariaDB)" >&2
fi
echo >&2

if [ "$THROWAWAY" -eq 1 ]; then
    dotnet "$DLL" &
    PROXY_PID=$!
    set +e
    wait "$PROXY_PID"
    code=$?
    set -e
    PROXY_PID=""
    exit "$code"
else
    exec dotnet "$DLL"
fi
