#!/usr/bin/env python3
"""The calendar's requests on a busy clinic: 10 therapists and 2,000 appointments
in one week (30-minute slots from 06:00, 400 patients), each therapist working
in a room of their own (10 rooms), seeded over the API of a fresh server, then
each view's GET /appointments timed many times in a row.

Prints the median, 95th percentile, worst and fastest latency (ms, measured by the
client over one kept-alive connection) of: the week view (one therapist's
week, the Calendar page), the day view (every therapist on one day), and the
Schedule page's week (every therapist's week: the clinic's whole week, in
pages of 500), and the CPU time per view of the server process (and of the
bench's own PostgreSQL cluster). docs/performance.md records the figures.

Usage: bench/calendar_week.py [path/to/sciaticare] [sqlite|postgres|postgresql://...] [repeats]
"""
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/sciaticare"
DATABASE = sys.argv[2] if len(sys.argv) > 2 else "sqlite"
REPEATS = int(sys.argv[3]) if len(sys.argv) > 3 else 200
HERE = os.path.dirname(os.path.abspath(__file__))
PG_SCRIPT = os.path.join(HERE, "..", "scripts", "pg-test-cluster.sh")
EMAIL, PASSWORD = "bench@example.invalid", "quiet-harbour-lantern-47"
MONDAY = "2030-03-04"  # A week with no daylight-saving change; the clinic keeps UTC.
THERAPISTS, PATIENTS, WANTED = 10, 400, 2000


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Client:
    """One kept-alive connection, signed in, sending JSON."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port)
        self.headers = {"Content-Type": "application/json"}
        status, body, cookie = self.call("POST", "/api/v1/session", {"email": EMAIL, "password": PASSWORD})
        assert status == 200, body
        self.headers["Cookie"] = cookie.split(";")[0]
        self.headers["X-CSRF-Token"] = body["csrf_token"]

    def call(self, method, path, body=None):
        self.conn.request(method, path, None if body is None else json.dumps(body), self.headers)
        res = self.conn.getresponse()
        data = res.read()
        return res.status, json.loads(data) if data else None, res.getheader("Set-Cookie") or ""

    def must(self, method, path, body=None):
        status, answer, _ = self.call(method, path, body)
        assert status < 300, f"{method} {path}: {status} {answer}"
        return answer


def seed(api):
    therapists = [
        api.must("POST", "/api/v1/users", {"email": f"t{i}@example.invalid", "display_name": f"Therapist {i}",
                                           "role": "therapist", "password": f"bench-therapist-pass-{i}"})["id"]
        for i in range(THERAPISTS)
    ]
    patients = [
        api.must("POST", "/api/v1/patients", {"given_name": f"P{i}", "family_name": "Bench",
                                              "date_of_birth": "1970-05-01", "sex": "female"})["id"]
        for i in range(PATIENTS)
    ]
    rooms = [api.must("POST", "/api/v1/rooms", {"name": f"Room {i}"})["id"] for i in range(THERAPISTS)]
    booked = 0
    for day in range(7):
        for slot in range(29):  # 06:00 … 20:00, thirty minutes each
            for t, therapist in enumerate(therapists):
                if booked == WANTED:
                    return therapists
                minute = 6 * 60 + slot * 30
                starts = f"2030-03-{4 + day:02d}T{minute // 60:02d}:{minute % 60:02d}:00Z"
                api.must("POST", "/api/v1/appointments", {
                    "patient_id": patients[booked % PATIENTS], "therapist_id": therapist, "starts_at": starts,
                    "minutes": 30, "status": "booked", "note": "", "room_id": rooms[t]})
                booked += 1
    return therapists


def cpu_ms(pid):
    """The CPU time (user + system, ms) process `pid` has used so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def cluster_cpu_ms(pg_dir):
    """The CPU time the bench's own PostgreSQL cluster (its postmaster and
    the processes it started) has used so far; 0 without one."""
    if not pg_dir:
        return 0.0
    with open(f"{pg_dir}/data/postmaster.pid") as f:
        postmaster = int(f.readline())
    total = cpu_ms(postmaster)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == postmaster:
                    total += cpu_ms(int(entry))
        except (OSError, ValueError):
            pass  # The process ended meanwhile.
    return total


def timed(api, label, paths, expect, server_pid, pg_dir=None):
    samples = []
    cpu_before = cpu_ms(server_pid)
    db_before = cluster_cpu_ms(pg_dir)
    for _ in range(REPEATS):
        started = time.perf_counter()
        count = 0
        for path in paths:
            status, answer, _ = api.call("GET", path)
            assert status == 200, answer
            count += len(answer["items"])
        samples.append((time.perf_counter() - started) * 1000)
        assert count == expect, f"{label}: {count} appointments, expected {expect}"
    # The server's own CPU per view, which other work on a busy machine
    # does not inflate as it does the wall-clock figures.
    cpu = (cpu_ms(server_pid) - cpu_before) / REPEATS
    db_cpu = (cluster_cpu_ms(pg_dir) - db_before) / REPEATS
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"{label}: {expect} appointments, {len(paths)} request(s): median {statistics.median(samples):.1f} ms, "
          f"p95 {p95:.1f} ms, worst {samples[-1]:.1f} ms, fastest {samples[0]:.1f} ms; server CPU {cpu:.1f} ms"
          + (f", PostgreSQL CPU {db_cpu:.1f} ms" if pg_dir else ""))


def main():
    work = tempfile.mkdtemp()
    pg_dir = None
    if DATABASE == "sqlite":
        db = f"sqlite:{work}/bench.db"
    elif DATABASE == "postgres":
        pg_dir = tempfile.mkdtemp(prefix="bench-pg-", dir="/tmp")
        db = subprocess.run(["bash", PG_SCRIPT, "start", pg_dir], check=True, capture_output=True,
                            text=True).stdout.strip()
    else:
        db = DATABASE
    print(f"=== database: {db.split(':')[0]}, {REPEATS} repeats")
    subprocess.run([BIN, "admin", "create", "--db", db, "--clinic", "Bench Clinic", "--email", EMAIL, "--name",
                    "Bench Admin", "--password", PASSWORD], check=True, capture_output=True)
    port = free_port()
    log = open(f"{work}/server.log", "w")
    server = subprocess.Popen([BIN, "serve", "--port", str(port), "--db", db], stdout=log, stderr=log)
    try:
        for _ in range(2000):
            try:
                socket.create_connection(("127.0.0.1", port), 0.05).close()
                break
            except OSError:
                time.sleep(0.01)
        api = Client(port)
        started = time.perf_counter()
        therapists = seed(api)
        print(f"seeded {THERAPISTS} therapists, {PATIENTS} patients, {WANTED} appointments "
              f"in {time.perf_counter() - started:.1f} s")
        week = f"from={MONDAY}T00:00:00Z&to=2030-03-11T00:00:00Z"
        per_therapist = WANTED // THERAPISTS
        timed(api, "week view (one therapist)", [f"/api/v1/appointments?{week}&therapist_id={therapists[0]}"],
              per_therapist, server.pid, pg_dir)
        day_count = 29 * THERAPISTS
        timed(api, "day view (all therapists)",
              ["/api/v1/appointments?from=2030-03-05T00:00:00Z&to=2030-03-06T00:00:00Z"], day_count, server.pid, pg_dir)
        timed(api, "Schedule's week, every therapist (pages of 500)",
              [f"/api/v1/appointments?{week}&limit=500&offset={o}" for o in range(0, WANTED, 500)], WANTED, server.pid, pg_dir)
    finally:
        server.terminate()
        server.wait()
        if pg_dir:
            subprocess.run(["bash", PG_SCRIPT, "stop", pg_dir], capture_output=True)


if __name__ == "__main__":
    main()
