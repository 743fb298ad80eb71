#!/usr/bin/env python3
"""Sorted sets and Geo at scale: loads one big sorted set and one big geo key, then times single commands on them.

  zset_scale.py PORT MEMBERS   prints one line per case: "name p50_ms p99_ms samples"

The sorted set bench:zset gets MEMBERS members m0000000... with random scores in [0, 1e6); the geo key bench:geo gets
MEMBERS points spread uniformly over lon -10..30, lat 35..60 (about 8 million km2, so a 10 km circle holds about 40 of
them at 1,000,000). Both load in ZADD/GEOADD commands of 1,000 members, the two keys side by side on two connections.
Random draws are seeded, so the proxy and Redis get the same data and the same commands. Each case runs alone from
one client, one command at a time; slow cases (ranks from the middle) take fewer samples. Uses redis-py (python3-redis);
clients need no AUTH (the bench proxy has a default user).
"""
import random
import sys
import threading
import time

import redis

BATCH = 1000
ZSET, GEO = "bench:zset", "bench:geo"


def member(i):
    return "m%07d" % i


def load_zset(port, members):
    r = redis.Redis(port=port)
    rng = random.Random(1)
    r.delete(ZSET)
    for start in range(0, members, BATCH):
        r.zadd(ZSET, {member(i): rng.uniform(0, 1e6) for i in range(start, min(start + BATCH, members))})


def load_geo(port, members):
    r = redis.Redis(port=port)
    rng = random.Random(2)
    r.delete(GEO)
    for start in range(0, members, BATCH):
        values = []
        for i in range(start, min(start + BATCH, members)):
            values += [rng.uniform(-10, 30), rng.uniform(35, 60), member(i)]
        r.execute_command("GEOADD", GEO, *values)


def timed(r, samples, command):
    """command(rng) -> argument list; returns sorted latencies in ms."""
    rng = random.Random(3)
    latencies = []
    for _ in range(samples):
        args = command(rng)
        start = time.perf_counter()
        r.execute_command(*args)
        latencies.append((time.perf_counter() - start) * 1000)
    return sorted(latencies)


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p))]


def main():
    port, members = int(sys.argv[1]), int(sys.argv[2])
    loaders = [threading.Thread(target=f, args=(port, members)) for f in (load_zset, load_geo)]
    start = time.perf_counter()
    for t in loaders:
        t.start()
    for t in loaders:
        t.join()
    load_seconds = time.perf_counter() - start
    r = redis.Redis(port=port)
    # Raw replies: redis-py's own GEOSEARCH parser wants the options of its geosearch() method.
    r.response_callbacks.pop("GEOSEARCH", None)
    if r.zcard(ZSET) != members or r.zcard(GEO) != members:
        raise SystemExit("the keys did not load: ZCARD %s, %s" % (r.zcard(ZSET), r.zcard(GEO)))
    # Scores of members at known ranks, for ZRANK at a chosen depth.
    ranked = lambda rank: r.zrange(ZSET, rank, rank)[0]
    near_top = [ranked(rank) for rank in (10, 500, 990)]
    middle = ranked(members // 2)
    quarter = ranked(members // 4)
    some = lambda rng: member(rng.randrange(members))
    cases = [
        ("zcard", 200, lambda rng: ["ZCARD", ZSET]),
        ("zscore", 200, lambda rng: ["ZSCORE", ZSET, some(rng)]),
        ("zadd_existing", 200, lambda rng: ["ZADD", ZSET, rng.uniform(0, 1e6), some(rng)]),
        ("zincrby", 200, lambda rng: ["ZINCRBY", ZSET, 1, some(rng)]),
        ("zrange_top10", 200, lambda rng: ["ZRANGE", ZSET, 0, 9]),
        ("zrevrange_top10_withscores", 200, lambda rng: ["ZREVRANGE", ZSET, 0, 9, "WITHSCORES"]),
        ("zrangebyscore_limit10", 200, lambda rng: ["ZRANGEBYSCORE", ZSET, rng.uniform(0, 1e6), "+inf", "LIMIT", 0, 10]),
        ("zrank_top1000", 200, lambda rng: ["ZRANK", ZSET, rng.choice(near_top)]),
        ("zrank_quarter", 10, lambda rng: ["ZRANK", ZSET, quarter]),
        ("zrank_middle", 10, lambda rng: ["ZRANK", ZSET, middle]),
        ("zrank_random", 20, lambda rng: ["ZRANK", ZSET, some(rng)]),
        ("zcount_1pct", 50, lambda rng: ["ZCOUNT", ZSET, 500000, 510000]),
        ("zcount_half", 10, lambda rng: ["ZCOUNT", ZSET, 250000, 750000]),
        ("geosearch_10km", 200, lambda rng: ["GEOSEARCH", GEO, "FROMLONLAT", rng.uniform(-9, 29), rng.uniform(36, 59),
                                             "BYRADIUS", 10, "km", "ASC"]),
        ("geosearch_10km_count10_withdist", 200, lambda rng: ["GEOSEARCH", GEO, "FROMLONLAT", rng.uniform(-9, 29),
                                                              rng.uniform(36, 59), "BYRADIUS", 10, "km", "ASC",
                                                              "COUNT", 10, "WITHDIST"]),
    ]
    print("load %.1f 0 %d" % (load_seconds * 1000, 2 * members))
    for name, samples, command in cases:
        latencies = timed(r, samples, command)
        print("%s %.3f %.3f %d" % (name, percentile(latencies, 0.5), percentile(latencies, 0.99), samples))
    found = [len(r.execute_command("GEOSEARCH", GEO, "FROMLONLAT", lon, lat, "BYRADIUS", 10, "km"))
             for lon, lat in ((0, 40), (10, 50), (20, 45))]
    print("geosearch_10km_found %.1f 0 3" % (sum(found) / len(found)))


if __name__ == "__main__":
    main()
