# Reads the output of `sysbench ... --percentile=99 --histogram=on run` and prints "rps p50 p99" (latencies in ms).
# Each transaction of oltp_point_select / oltp_update_non_index is one statement, so transactions/s = requests/s.
# p50 is the first histogram bucket at which the cumulative count reaches half of all events.

/^[[:space:]]+[0-9.]+[[:space:]]+\|/ {
    bucket[++buckets] = $1
    count[buckets] = $NF
    events += $NF
}

/^[[:space:]]+transactions:/ {
    rate = $0
    sub(/.*\(/, "", rate)
    sub(/ per sec.*/, "", rate)
}

/^[[:space:]]+99th percentile:/ { p99 = $3 }

END {
    if (rate == "" || p99 == "" || events == 0) exit 1
    for (i = 1; i <= buckets; i++) {
        seen += count[i]
        if (seen * 2 >= events) { p50 = bucket[i]; break }
    }
    printf "%.2f %s %s\n", rate, p50, p99
}
