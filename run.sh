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

if [ "$THROWAWAY" -eq 1 ]; then
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    CLIENT="$(find_tool mariadb mysql)"
    DATADIR="$(mktemp -d "${TMPDIR:-/tmp}/rom-run-XXXXXX")"
    PORT="$(free_port)"
    log "starting a throwaway MariaDB in $DATADIR"
    start_throwaway_mariadb "$DATADIR" "$PORT"

    db_ident="\`${REDIS_MYSQL_DATABASE//\`/\`\`}\`"
    "$CLIENT" --no-defaults --protocol=tcp -h127.0.0.1 -P"$PORT" -uroot <<SQL
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
