#!/usr/bin/env python3
"""Hostile clients against a local HTTP server, with a well-behaved client measuring what others still get.

  hostile_clients.py slow-readers --port P --pid PID --clients 20 --seconds 20 --kind mock|store
  hostile_clients.py idle --port P --pid PID --clients 5000 --seconds 20 --kind mock|store

slow-readers: each attacker (source 127.0.0.2, 4 KiB receive buffer) writes pipelined requests (100 per write;
the store model gets 1,000-record batches) as fast as the server takes them and never reads; a connection the
server closes is opened again. idle: the attacker keeps N idle connections from 127.0.0.2, reopening each as soon
as the server closes it. Meanwhile a normal client on 127.0.0.3 sends a request every 200 ms (a /metrics scrape,
or a one-record /predict), reading each answer with a 1 s timeout on a kept-alive connection. Prints one line of
`key=value` figures: the server's peak resident memory (VmRSS of --pid, sampled every 100 ms), the normal
client's requests, slowest answer, answers later than 1 s or missing, connection resets, and the attackers'
connections closed by the server. Loopback only.
"""
import argparse
import errno
import http.client
import json
import random
import resource
import selectors
import socket
import threading
import time

ATTACKER, NORMAL = "127.0.0.2", "127.0.0.3"


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


class Peak(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self):
        begin = time.monotonic()
        while not self.stop.is_set():
            self.peak = max(self.peak, rss_kb(self.pid))
            time.sleep(0.1)


def batch_body(n):
    rnd = random.Random(42)
    records = [{"items_count": rnd.randint(1000, 2750), "customers_count": rnd.randint(200, 1600)} for _ in range(n)]
    return json.dumps({"records": records}).encode()


def pipelined(kind, port):
    if kind == "mock":
        one = f"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
        return one * 100
    body = batch_body(1000)
    one = (f"POST /predict HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
           f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    return one * 4  # four batches per write cycle, each about 45 KB


class Normal(threading.Thread):
    """The client that reads: one request every 200 ms, each answer awaited at most 1 s."""

    def __init__(self, kind, port):
        super().__init__(daemon=True)
        self.kind, self.port, self.stop = kind, port, threading.Event()
        self.requests = self.late = self.resets = 0
        self.slowest = 0.0
        self.late_at = []  # seconds since the start of each late or failed request
        self.conn = None

    def request(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1.0, source_address=(NORMAL, 0))
        if self.kind == "mock":
            self.conn.request("GET", "/metrics")
        else:
            self.conn.request("POST", "/predict", body=b'{"items_count": 1500, "customers_count": 900}',
                              headers={"Content-Type": "application/json"})
        r = self.conn.getresponse()
        r.read()
        if r.status != 200:
            raise RuntimeError(f"status {r.status}")

    def run(self):
        begin = time.monotonic()
        while not self.stop.is_set():
            t = time.monotonic()
            self.requests += 1
            answered = True
            try:
                self.request()
            except (ConnectionResetError, BrokenPipeError):
                self.resets += 1
                answered = False
                self.close()
            except (OSError, http.client.HTTPException, RuntimeError):
                answered = False  # a timeout, a refusal, a bad status: not answered within 1 s
                self.close()
            took = time.monotonic() - t
            self.slowest = max(self.slowest, took)
            if not answered or took > 1.0:
                self.late += 1
                self.late_at.append(round(t - begin, 1))
            self.stop.wait(max(0.0, 0.2 - took))
        self.close()

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def connect(port, rcvbuf=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.bind((ATTACKER, 0))
    s.setblocking(False)
    err = s.connect_ex(("127.0.0.1", port))
    if err not in (0, errno.EINPROGRESS):
        s.close()
        return None
    return s


def slow_readers(args, deadline):
    payload = pipelined(args.kind, args.port)
    sel = selectors.DefaultSelector()
    closed = sent = 0

    def open_one():
        s = connect(args.port, rcvbuf=4096)
        if s is not None:
            sel.register(s, selectors.EVENT_WRITE, [0])

    for _ in range(args.clients):
        open_one()
    while time.monotonic() < deadline:
        for key, _ in sel.select(timeout=0.1):
            s, pos = key.fileobj, key.data
            try:
                n = s.send(payload[pos[0]:])
                sent += n
                pos[0] = (pos[0] + n) % len(payload)
            except BlockingIOError:
                pass
            except OSError:
                closed += 1
                sel.unregister(s)
                s.close()
                open_one()
        if len(sel.get_map()) < args.clients:
            open_one()
    for key in list(sel.get_map().values()):
        key.fileobj.close()
    return {"attackers_closed_by_server": closed, "attack_mib_sent": round(sent / 2**20, 1)}


def idle(args, deadline):
    sel = selectors.DefaultSelector()
    closed = opened = 0
    while time.monotonic() < deadline:
        while len(sel.get_map()) < args.clients:
            s = connect(args.port)
            if s is None:
                break
            opened += 1
            sel.register(s, selectors.EVENT_READ)
        for key, _ in sel.select(timeout=0.05):
            s = key.fileobj
            try:
                if s.recv(4096):
                    continue
            except BlockingIOError:
                continue
            except OSError:
                pass
            closed += 1  # end of stream or reset: the server closed it; the loop opens another
            sel.unregister(s)
            s.close()
    for key in list(sel.get_map().values()):
        key.fileobj.close()
    return {"attacker_connections_opened": opened, "attackers_closed_by_server": closed}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("scenario", choices=["slow-readers", "idle"])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--kind", choices=["mock", "store"], default="mock")
    args = p.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if args.clients + 64 > hard:
        raise SystemExit(f"error: {args.clients} connections need more than the {hard} file descriptors allowed")
    peak, normal = Peak(args.pid), Normal(args.kind, args.port)
    start_rss = rss_kb(args.pid)
    peak.start()
    normal.start()
    deadline = time.monotonic() + args.seconds
    figures = slow_readers(args, deadline) if args.scenario == "slow-readers" else idle(args, deadline)
    normal.stop.set()
    normal.join()
    peak.stop.set()
    peak.join()
    figures.update(rss_before_mb=start_rss // 1024, peak_rss_mb=peak.peak // 1024, rss_after_mb=rss_kb(args.pid) // 1024,
                   normal_requests=normal.requests, normal_late_or_failed=normal.late, normal_resets=normal.resets,
                   normal_slowest_ms=round(normal.slowest * 1000, 1),
                   normal_late_at_s=",".join(map(str, normal.late_at)) or "-")
    print(" ".join(f"{k}={v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
