#!/usr/bin/env bash
# Accepts changed SQL snapshots: every *.received.sql left by a failing snapshot test replaces its
# *.approved.sql. Review `git diff` afterwards; snapshots are committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
found=0
while IFS= read -r -d '' received; do
    mv -f "$received" "${received%.received.sql}.approved.sql"
    echo "accepted ${received%.received.sql}.approved.sql"
    found=1
done < <(find tests -name '*.received.sql' -print0)
[ "$found" -eq 1 ] || echo "no received snapshots to accept"
