#!/usr/bin/python3
"""Measures how fast a published message reaches a subscriber, and how fast one channel fans out to many.

  pubsub_latency.py latency PUB_PORT SUB_PORT SAMPLES                 prints "p50_ms p99_ms max_ms"
  pubsub_latency.py fanout PORT_A PORT_B SUBSCRIBERS MESSAGES         prints "messages_per_second deliveries_per_second"

latency: a client on SUB_PORT subscribes to a channel of its own; then, SAMPLES times, a client on PUB_PORT publishes
a timestamp to it. The time is from just before the PUBLISH is sent to the message's arrival on the subscriber's
connection (the PUBLISH reply is read after it: on the same proxy the message can come first). Same port = same proxy.
fanout: SUBSCRIBERS connections, alternately on PORT_A and PORT_B, subscribe to one channel; a client on PORT_A, in a
process of its own so that reading does not hold it back, publishes the messages 0, 1, 2... back to back. Fails
unless every PUBLISH answers SUBSCRIBERS and every subscriber receives every message once and in order. The rates are
over the time from the first PUBLISH to the last delivery; deliveries = messages x subscribers.
Clients need no AUTH (the bench proxy has a default user). Uses Debian's python3-redis, hence /usr/bin/python3.
"""
import multiprocessing
import random
import selectors
import sys
import time

import redis

WAIT_SECONDS = 10  # for any one reply, subscription confirmation or latency sample
FANOUT_SECONDS = 60  # for all of fanout's publishing and deliveries


def fail(message):
    sys.exit("pubsub_latency.py: " + message)


def connect(port):
    return redis.Redis(host="127.0.0.1", port=port, socket_timeout=WAIT_SECONDS)


def subscribe(port, channel):
    """A connection subscribed to channel. Its confirmation comes once the subscription counts for PUBLISH."""
    pubsub = connect(port).pubsub()
    pubsub.subscribe(channel)
    reply = pubsub.get_message(timeout=WAIT_SECONDS)
    if reply is None or reply["type"] != "subscribe":
        fail("SUBSCRIBE on port %d was not confirmed: %r" % (port, reply))
    return pubsub


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def latency(pub_port, sub_port, samples):
    channel = "bench:pubsub:%d" % time.time_ns()
    subscriber = subscribe(sub_port, channel)
    # A bare connection: it sends the PUBLISH without waiting for the reply, which is read after the message.
    publisher = redis.Connection(host="127.0.0.1", port=pub_port, socket_timeout=WAIT_SECONDS)
    results = []
    for _ in range(samples):
        start = time.perf_counter()
        payload = b"%.9f" % start
        publisher.send_command("PUBLISH", channel, payload)
        message = subscriber.get_message(timeout=WAIT_SECONDS)
        arrived = time.perf_counter()
        if message is None:
            fail("a message published on port %d did not arrive on port %d within %d s" % (pub_port, sub_port, WAIT_SECONDS))
        if message["type"] != "message" or message["data"] != payload:
            fail("expected message %r, received %r" % (payload, message))
        receivers = publisher.read_response()
        if receivers != 1:
            fail("PUBLISH answered %r receivers, expected 1" % receivers)
        results.append((arrived - start) * 1000)
        # Now and then up to a poll interval (events.poll_ms, 20) longer, so samples do not keep one phase to the polls.
        time.sleep(0.005 + (random.uniform(0, 0.02) if random.random() < 0.3 else 0))
    print("%.2f %.2f %.2f" % (percentile(results, 50), percentile(results, 99), max(results)))


def publish_all(port, channel, subscribers, messages, report):
    """fanout's publisher (a child process): sends its start time and the PUBLISH answers other than subscribers."""
    try:
        publisher = connect(port)
        wrong_counts = []
        start = time.monotonic()
        for seq in range(messages):
            receivers = publisher.publish(channel, seq)
            if receivers != subscribers:
                wrong_counts.append((seq, receivers))
        report.send((start, wrong_counts))
    except Exception as e:
        report.send((None, "publisher on port %d: %r" % (port, e)))


def fanout(port_a, port_b, subscribers, messages):
    channel = "bench:fanout:%d" % time.time_ns()
    ports = [port_a if i % 2 == 0 else port_b for i in range(subscribers)]
    pubsubs = [subscribe(port, channel) for port in ports]
    received = [[] for _ in pubsubs]
    # time.monotonic() of each subscriber's latest message: CLOCK_MONOTONIC, comparable with the publisher process's.
    last = [0.0] * subscribers
    selector = selectors.DefaultSelector()
    for i, pubsub in enumerate(pubsubs):
        # redis-py exposes no file descriptor to wait on but its connection's socket.
        selector.register(pubsub.connection._sock, selectors.EVENT_READ, i)
    deadline = time.monotonic() + FANOUT_SECONDS
    report, child_report = multiprocessing.Pipe(duplex=False)
    publisher = multiprocessing.Process(target=publish_all, args=(port_a, channel, subscribers, messages, child_report),
                                        daemon=True)
    publisher.start()
    incomplete = subscribers
    quiet_until = None  # once every subscriber is complete, 0.1 s more (5 event-feed polls) for a late duplicate to show
    while True:
        now = time.monotonic()
        if incomplete == 0 and quiet_until is None:
            quiet_until = now + 0.1
        end = deadline if quiet_until is None else min(deadline, quiet_until)
        if now >= end:
            break
        for key, _ in selector.select(end - now):
            i = key.data
            try:
                # Everything already received on this connection: buffered, or readable without waiting.
                while (message := pubsubs[i].get_message(timeout=0)) is not None:
                    if message["type"] == "message":
                        last[i] = time.monotonic()
                        received[i].append(int(message["data"]))
                        if len(received[i]) == messages:
                            incomplete -= 1
            except Exception as e:
                fail("subscriber %d on port %d: %r" % (i, ports[i], e))
    if not report.poll(max(0.0, deadline - time.monotonic()) + 5):
        fail("the publisher did not finish within %d s" % FANOUT_SECONDS)
    start, wrong_counts = report.recv()
    if start is None:
        fail(wrong_counts)
    if wrong_counts:
        fail("PUBLISH answered other than %d for %d of %d messages, e.g. message %d: %d"
             % ((subscribers, len(wrong_counts), messages) + wrong_counts[0]))
    expected = list(range(messages))
    problems = []
    for i, got in enumerate(received):
        if got == expected:
            continue
        first_seen = list(dict.fromkeys(got))
        problems.append("subscriber %d on port %d: %d of %d received, %d lost, %d duplicated%s"
                        % (i, ports[i], len(got), messages, len(set(expected) - set(got)), len(got) - len(first_seen),
                           ", out of order" if first_seen != sorted(first_seen) else ""))
    if problems:
        fail("%d of %d subscribers did not get every message once and in order within %d s: %s"
             % (len(problems), subscribers, FANOUT_SECONDS, "; ".join(problems[:5])))
    elapsed = max(last) - start
    print("%.0f %.0f" % (messages / elapsed, messages * subscribers / elapsed))


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "latency" and len(sys.argv) == 5:
        latency(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    elif mode == "fanout" and len(sys.argv) == 6:
        fanout(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    else:
        sys.exit(__doc__)
