#!/usr/bin/env python3
"""Bitmaps at scale: SETBIT on a 64 MB bitmap against a 1 KB one, and BITCOUNT over 16 and 64 MB with the server's memory.

  bitmap_scale.py PORT [PID]   prints one line per case: "name p50_ms p99_ms samples" (or "name value 0 samples")

- setbit_1kb / setbit_64mb: 1,000 SETBITs at random offsets of a 1 KB bitmap, then of a 64 MB one (both filled with
  random bytes first, so every write lands in stored data), one client, one command at a time. setbit_total_ratio is
  the 64 MB run's total time over the 1 KB run's.
- getbit_64mb: GETBIT at random offsets of the 64 MB bitmap.
- setbit_16mb_50clients_rps / getbit_16mb_50clients_rps: 50 connections sending SETBIT (GETBIT) at random offsets of
  a 16 MB bitmap for 5 s, one command at a time each: requests per second.
- bitcount_16mb / bitcount_64mb: BITCOUNT of a whole 16 MB and 64 MB bitmap (a few samples).
- rss_*_mb: with PID, the server's resident memory (VmRSS) before BITCOUNT and the most seen while it ran, in MB.
Random draws are seeded, so every server gets the same commands. Uses redis-py (python3-redis); no AUTH.
"""
import os
import random
import sys
import threading
import time

import redis

SMALL, MID, BIG = "bench:bitmap:1kb", "bench:bitmap:16mb", "bench:bitmap:64mb"
BIG_BYTES = 64 * 1024 * 1024
PIECE = 1024 * 1024
CLIENTS, SECONDS = 50, 5


def fill(r, key, length, seed):
    rng = random.Random(seed)
    r.delete(key)
    for at in range(0, length, PIECE):
        r.setrange(key, at, rng.randbytes(min(PIECE, length - at)))


def timed(r, samples, command, seed):
    rng = random.Random(seed)
    latencies = []
    for _ in range(samples):
        args = command(rng)
        start = time.perf_counter()
        r.execute_command(*args)
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def report(name, latencies):
    ordered = sorted(latencies)
    pick = lambda p: ordered[min(len(ordered) - 1, int(len(ordered) * p))]
    print("%s %.3f %.3f %d" % (name, pick(0.5), pick(0.99), len(ordered)), flush=True)


def concurrent(port, clients, seconds, command):
    """Requests per second of `clients` connections sending `command(rng)` one at a time for `seconds`."""
    counts = [0] * clients
    stop = time.perf_counter() + seconds

    def run(i):
        r = redis.Redis(port=port)
        rng = random.Random(100 + i)
        while time.perf_counter() < stop:
            r.execute_command(*command(rng))
            counts[i] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / (time.perf_counter() - start)


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    port = int(sys.argv[1])
    pid = int(sys.argv[2]) if len(sys.argv) > 2 else None
    r = redis.Redis(port=port)
    fill(r, SMALL, 1024, 1)
    fill(r, MID, BIG_BYTES // 4, 6)
    fill(r, BIG, BIG_BYTES, 2)
    if r.strlen(BIG) != BIG_BYTES:
        raise SystemExit("the 64 MB bitmap did not load: STRLEN %s" % r.strlen(BIG))

    small = timed(r, 1000, lambda rng: ["SETBIT", SMALL, rng.randrange(1024 * 8), rng.randrange(2)], 3)
    big = timed(r, 1000, lambda rng: ["SETBIT", BIG, rng.randrange(BIG_BYTES * 8), rng.randrange(2)], 3)
    report("setbit_1kb", small)
    report("setbit_64mb", big)
    print("setbit_total_ratio %.2f 0 1000" % (sum(big) / sum(small)))
    report("getbit_64mb", timed(r, 1000, lambda rng: ["GETBIT", BIG, rng.randrange(BIG_BYTES * 8)], 4))

    report("bitcount_16mb", timed(r, 5, lambda rng: ["BITCOUNT", MID], 5))
    # redis-benchmark cannot do these: its __rand_int__ is zero-padded, which Redis refuses as a bit offset.
    for command in ("SETBIT", "GETBIT"):
        rps = concurrent(port, CLIENTS, SECONDS, lambda rng: [command, MID, rng.randrange(BIG_BYTES * 2)] + (
            [rng.randrange(2)] if command == "SETBIT" else []))
        print("%s_16mb_%dclients_rps %.0f 0 %d" % (command.lower(), CLIENTS, rps, CLIENTS), flush=True)

    before = rss_mb(pid) if pid else 0.0
    peak = [before]
    done = threading.Event()

    def watch():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb(pid))
            time.sleep(0.005)

    watcher = threading.Thread(target=watch) if pid else None
    if watcher:
        watcher.start()
    try:
        report("bitcount_64mb", timed(r, 5, lambda rng: ["BITCOUNT", BIG], 5))
    finally:
        done.set()
        if watcher:
            watcher.join()
    if pid:
        print("rss_before_bitcount_mb %.1f 0 1" % before)
        print("rss_peak_during_bitcount_mb %.1f 0 1" % peak[0])
    r.delete(SMALL, MID, BIG)


if __name__ == "__main__":
    main()
