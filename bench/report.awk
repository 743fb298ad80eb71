# Turns bench/run.sh's results (tab-separated: system, test, clients, pipeline, rps, p50 ms, p99 ms; "n/a" where a
# case could not run) into the report. Set `mode`:
#   text      the table for the terminal
#   markdown  the same table in Markdown
#   chart     gnuplot data: one row per case at 50 clients with proxy, redis and mariadb rps ("-" = none) and
#             whether the proxy ran it ("ok" or "n/a")
#   targets   issue 4's targets at 50 clients, measured against this run (issue 8's list targets: run.sh's list rounds)

BEGIN {
    FS = "\t"
    split("get set incr mset hset lpush rpush lpop rpop lrange_100 zadd zpopmin pfadd pfcount publish", tests, " ")
    split("1 50", clientCounts, " ")
    split("1 16", pipelines, " ")
    title["get"] = "GET"; title["set"] = "SET"; title["incr"] = "INCR"; title["mset"] = "MSET"; title["hset"] = "HSET"
    title["lpush"] = "LPUSH"; title["rpush"] = "RPUSH"; title["lpop"] = "LPOP"; title["rpop"] = "RPOP"
    title["lrange_100"] = "LRANGE_100"; title["zadd"] = "ZADD"; title["zpopmin"] = "ZPOPMIN"; title["publish"] = "PUBLISH"
    title["pfadd"] = "PFADD"; title["pfcount"] = "PFCOUNT"
    # Cases run without pipelining only.
    unpipelined["publish"] = 1; unpipelined["pfadd"] = 1; unpipelined["pfcount"] = 1
    # The sysbench workload doing the same work as a command with one SQL statement per request.
    sqlTwin["get"] = "point_select"; sqlTwin["set"] = "update_non_index"
}

{ rps[$1, $2, $3, $4] = $5; p50[$1, $2, $3, $4] = $6; p99[$1, $2, $3, $4] = $7 }

function known(x) { return x != "" && x != "n/a" }

function grouped(x,    whole, text) {
    if (!known(x)) return "n/a"
    whole = sprintf("%d", x + 0.5)
    text = ""
    while (length(whole) > 3) {
        text = "," substr(whole, length(whole) - 2) text
        whole = substr(whole, 1, length(whole) - 3)
    }
    return whole text
}

function ratio(a, b) {
    if (!known(a) || !known(b) || b <= 0) return "n/a"
    # Two significant digits also for the small ratios against Redis.
    return sprintf(a / b < 0.1 ? "%.3fx" : "%.2fx", a / b)
}

function latency(key) { return known(p50[key]) ? sprintf("%s / %s", p50[key], p99[key]) : "n/a" }

# Sets proxyKey, redisKey and mariadbKey ("" when MariaDB has no comparable run) for one row.
function keys(test, clients, pipeline) {
    proxyKey = "proxy" SUBSEP test SUBSEP clients SUBSEP pipeline
    redisKey = "redis" SUBSEP test SUBSEP clients SUBSEP pipeline
    mariadbKey = (test in sqlTwin) && pipeline == 1 ? "mariadb" SUBSEP sqlTwin[test] SUBSEP clients SUBSEP 1 : ""
}

function eachRow(    t, c, p, test) {
    for (t = 1; t in tests; t++)
        for (c = 1; c in clientCounts; c++)
            for (p = 1; p in pipelines; p++) {
                test = tests[t]
                if (test in unpipelined && pipelines[p] > 1) continue
                keys(test, clientCounts[c], pipelines[p])
                row(test, clientCounts[c], pipelines[p])
            }
}

function row(test, clients, pipeline,    mariadbName, mariadbRps, mariadbLatency) {
    mariadbName = mariadbKey == "" ? "" : sqlTwin[test]
    mariadbRps = mariadbKey == "" ? "" : grouped(rps[mariadbKey])
    mariadbLatency = mariadbKey == "" ? "" : latency(mariadbKey)
    if (mode == "text") {
        printf "%-10s %7s %8s | %10s %17s | %10s %17s | %-16s %10s %17s | %11s %13s\n", \
            title[test], clients, pipeline, grouped(rps[proxyKey]), latency(proxyKey), grouped(rps[redisKey]), \
            latency(redisKey), mariadbName, mariadbRps, mariadbLatency, ratio(rps[proxyKey], rps[redisKey]), \
            mariadbKey == "" ? "" : ratio(rps[proxyKey], rps[mariadbKey])
    } else if (mode == "markdown") {
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", \
            title[test], clients, pipeline, grouped(rps[proxyKey]), latency(proxyKey), grouped(rps[redisKey]), \
            latency(redisKey), mariadbKey == "" ? "" : mariadbRps " (" mariadbName ")", mariadbLatency, \
            ratio(rps[proxyKey], rps[redisKey]), mariadbKey == "" ? "" : ratio(rps[proxyKey], rps[mariadbKey])
    } else if (mode == "chart" && clients == 50) {
        printf "\"%s\" %s %s %s %s\n", title[test] (pipeline > 1 ? " -P" pipeline : ""), \
            chartValue(rps[proxyKey]), chartValue(rps[redisKey]), mariadbKey == "" ? "-" : chartValue(rps[mariadbKey]), \
            known(rps[proxyKey]) ? "ok" : "n/a"
    }
}

function chartValue(x) { return known(x) ? x : "-" }

function target(label, actual, wanted) {
    printf "- %s: %s (target ≥ %.1fx) — **%s**\n", label, actual, wanted, \
        actual == "n/a" ? "not measured" : (actual + 0 >= wanted ? "met" : "missed")
}

END {
    if (mode == "text") {
        printf "%-10s %7s %8s | %10s %17s | %10s %17s | %-16s %10s %17s | %11s %13s\n", \
            "case", "clients", "pipeline", "proxy rps", "p50/p99 ms", "redis rps", "p50/p99 ms", \
            "mariadb", "rps", "p50/p99 ms", "proxy/redis", "proxy/mariadb"
    } else if (mode == "markdown") {
        print "| Case | Clients | Pipeline | Proxy rps | Proxy p50 / p99 ms | Redis rps | Redis p50 / p99 ms | MariaDB rps | MariaDB p50 / p99 ms | Proxy / Redis | Proxy / MariaDB |"
        print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    } else if (mode == "targets") {
        target("GET vs raw MariaDB point_select", \
            ratio(rps["proxy", "get", 50, 1], rps["mariadb", "point_select", 50, 1]), 1.0)
        target("SET vs raw MariaDB update_non_index", \
            ratio(rps["proxy", "set", 50, 1], rps["mariadb", "update_non_index", 50, 1]), 1.0)
        target("GET with -P 16 vs unpipelined GET", ratio(rps["proxy", "get", 50, 16], rps["proxy", "get", 50, 1]), 3.0)
        exit
    }
    eachRow()
}
