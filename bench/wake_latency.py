#!/usr/bin/env python3
"""Measures how fast a push wakes a client blocked in BLPOP, and what the proxies' event-feed pollers cost.

  wake_latency.py latency BLOCK_PORT PUSH_PORT [SAMPLES]   prints "p50_ms p99_ms max_ms"
  wake_latency.py zlatency BLOCK_PORT PUSH_PORT [SAMPLES]  the same for BZPOPMIN woken by ZADD
  wake_latency.py polls PORT SECONDS [BLOCKED]             prints "blocked polls_per_second"

latency: a client on BLOCK_PORT runs BLPOP; once INFO says it is blocked, a client on PUSH_PORT runs LPUSH. The time
is from just before the LPUSH is sent to the moment the BLPOP reply arrives. Same port = same proxy.
polls: opens BLOCKED connections (default 0) that each block on their own key, then counts the proxy's
event_feed_polls (INFO stats) over SECONDS. Clients need no AUTH (the bench proxy has a default user).
Plain sockets and RESP, so it needs nothing beyond python3.
"""
import select
import socket
import sys
import time


def encode(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


class Conn:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""

    def send(self, *args):
        self.sock.sendall(encode(*args))

    def _line(self):
        while b"\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def _exact(self, n):
        while len(self.buf) < n + 2:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            self.buf += chunk
        data, self.buf = self.buf[:n], self.buf[n + 2:]
        return data

    def reply(self):
        line = self._line()
        kind, rest = line[:1], line[1:]
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind in (b"+", b":"):
            return rest
        if kind == b"$":
            n = int(rest)
            return None if n < 0 else self._exact(n)
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self.reply() for _ in range(n)]
        raise RuntimeError("unexpected reply %r" % line)

    def call(self, *args):
        self.send(*args)
        return self.reply()


def info_field(conn, section, name):
    for line in conn.call("INFO", section).decode().splitlines():
        if line.startswith(name + ":"):
            return int(line.split(":", 1)[1])
    raise RuntimeError("INFO %s has no %s" % (section, name))


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


# The blocking command and the write that wakes it (the key comes after its first word, "x" last), per mode.
WAKES = {
    "latency": ("BLPOP", ("LPUSH",)),
    "zlatency": ("BZPOPMIN", ("ZADD", "1")),
}


def latency(block_port, push_port, samples, mode="latency"):
    block, push = WAKES[mode]
    blocker, pusher, control = Conn(block_port), Conn(push_port), Conn(block_port)
    key = "bench:wake:%d" % time.time_ns()
    results = []
    for _ in range(samples):
        blocker.send(block, key, "10")
        deadline = time.monotonic() + 10
        while info_field(control, "clients", "blocked_clients") < 1:
            if time.monotonic() > deadline:
                raise RuntimeError("the %s never blocked" % block)
            time.sleep(0.001)
        start = time.perf_counter()
        pusher.send(push[0], key, *push[1:], "x")
        select.select([blocker.sock], [], [], 10)
        woke = time.perf_counter()
        reply = blocker.reply()
        if reply is None:
            raise RuntimeError("%s timed out: the %s did not wake it" % (block, push[0]))
        pusher.reply()
        results.append((woke - start) * 1000)
    print("%.2f %.2f %.2f" % (percentile(results, 50), percentile(results, 99), max(results)))


def polls(port, seconds, blocked):
    control = Conn(port)
    waiting = []
    for i in range(blocked):
        c = Conn(port)
        c.send("BLPOP", "bench:idle:%d" % i, "0")
        waiting.append(c)
    deadline = time.monotonic() + 60
    while info_field(control, "clients", "blocked_clients") < blocked:
        if time.monotonic() > deadline:
            raise RuntimeError("not every client blocked")
        time.sleep(0.05)
    count = info_field(control, "clients", "blocked_clients")
    before = info_field(control, "stats", "event_feed_polls")
    time.sleep(seconds)
    after = info_field(control, "stats", "event_feed_polls")
    for c in waiting:
        c.sock.close()
    print("%d %.1f" % (count, (after - before) / seconds))


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode in WAKES and len(sys.argv) >= 4:
        latency(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 200, mode)
    elif mode == "polls" and len(sys.argv) >= 4:
        polls(int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 0)
    else:
        sys.exit(__doc__)
