# Sourced by run.sh, test.sh and bench/run.sh: finding tools and installing missing Debian packages.

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

find_tool() { # first of the names found on PATH or in the sbin folders
    local name dir
    for name in "$@"; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
        for dir in /usr/sbin /usr/local/sbin /usr/local/bin; do
            if [ -x "$dir/$name" ]; then echo "$dir/$name"; return 0; fi
        done
    done
    return 1
}

install_packages() { # apt-get install the given packages, if any
    [ "$#" -gt 0 ] || return 0
    echo "installing $*..." >&2
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() { # a free loopback port other than the ports given as arguments
    # Below the kernel's ephemeral range, so no outgoing connection (e.g. to MySQL) takes it before we listen on it.
    local candidate low
    read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || low=32768
    [ "$low" -gt 11000 ] || low=32768
    for _ in $(seq 1 100); do
        candidate=$((10000 + RANDOM % (low - 10000)))
        case " $* " in *" $candidate "*) continue ;; esac
        if ! port_in_use "$candidate"; then echo "$candidate"; return 0; fi
    done
    echo "no free port found" >&2
    return 1
}

start_throwaway_mariadb() { # dir port: (data, tmpdir, socket and logs all under dir) a MariaDB with durability defaults, started in the background
    # (its pid in MARIADB_PID), ready when this returns, with the anonymous accounts that would shadow
    # 'user'@'%' for local logins removed. Root has no password.
    local datadir="$1" port="$2" os_user admin
    os_user="$(id -un)"
    admin="$(find_tool mariadb-admin mysqladmin)"
    # Its own tmpdir: bootstraps sharing /tmp collide on temporary table names.
    mkdir -p "$datadir/data" "$datadir/tmp"
    "$(find_tool mariadb-install-db mysql_install_db)" --no-defaults --datadir="$datadir/data" --tmpdir="$datadir/tmp" --user="$os_user" \
        --auth-root-authentication-method=normal --skip-test-db >"$datadir/install.log" 2>&1 \
        || { cat "$datadir/install.log" >&2; return 1; }
    "$(find_tool mariadbd mysqld)" --no-defaults --datadir="$datadir/data" --tmpdir="$datadir/tmp" --socket="$datadir/sock" \
        --pid-file="$datadir/mariadbd.pid" --log-error="$datadir/mariadbd.err" \
        --port="$port" --bind-address=127.0.0.1 --user="$os_user" \
        --skip-log-bin --innodb-buffer-pool-size=256M --max-connections=2000 \
        >"$datadir/mariadbd.out" 2>&1 &
    MARIADB_PID=$!
    for _ in $(seq 1 600); do
        if ! kill -0 "$MARIADB_PID" 2>/dev/null; then break; fi
        if "$admin" --no-defaults --protocol=tcp -h127.0.0.1 -P"$port" -uroot --connect-timeout=2 ping >/dev/null 2>&1; then
            "$(find_tool mariadb mysql)" --no-defaults --protocol=tcp -h127.0.0.1 -P"$port" -uroot \
                -e "DELETE FROM mysql.global_priv WHERE User = ''; FLUSH PRIVILEGES;"
            return 0
        fi
        sleep 0.1
    done
    echo "MariaDB did not start; log tail:" >&2
    tail -n 40 "$datadir/mariadbd.err" >&2 2>/dev/null || true
    return 1
}
