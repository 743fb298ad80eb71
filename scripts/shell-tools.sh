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
