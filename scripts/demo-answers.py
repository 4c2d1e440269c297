#!/usr/bin/env python3
"""Records the API's answers on the demo clinic, to prove a refactor changed none of them.

Starts an already built `sciaticare serve --demo` on a fresh temporary SQLite
database with the wall clock frozen at one instant (libfaketime, Debian's
`faketime` package), so that the seeded dates, "today" and every audit time
are the same on every run. It then logs in as each demo role and GETs every
read route for every patient, plan, session note and referral the clinic has,
plus a few refusals (unknown ids, a role without access), and writes one file
per request: the status line, the headers that matter and the body. Session
cookies and CSRF tokens are random, so they are left out.

    scripts/demo-answers.py OUT_DIR [--binary build/sciaticare] [--now 2026-11-18T09:30:00Z]
    diff -r before/ after/     # must print nothing

It builds nothing: build the binary first. The reads are audited, so the
audit pages read last show every read made before them, in order.
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

FAKETIME_LIBS = [
    "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
    "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
    "/usr/lib/faketime/libfaketime.so.1",
]
KEPT_HEADERS = ["Content-Type", "ETag", "Location", "Cache-Control", "Content-Disposition"]


def start_server(binary, now, workdir):
    lib = next((p for p in FAKETIME_LIBS if os.path.exists(p)), None)
    if lib is None:
        sys.exit("libfaketime not found: apt-get install faketime")
    env = dict(os.environ)
    env["LD_PRELOAD"] = lib
    # An absolute FAKETIME freezes the wall clock; the monotonic clock keeps
    # running so that timeouts and condition-variable waits behave.
    env["FAKETIME"] = now.replace("T", " ").rstrip("Z")
    env["DONT_FAKE_MONOTONIC"] = "1"
    db = "sqlite:" + os.path.join(workdir, "demo.db")
    proc = subprocess.Popen(
        [binary, "serve", "--demo", "--port", "0", "--address", "127.0.0.1", "--db", db,
         "--no-access-log"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    port, logins = None, None
    for line in proc.stdout:
        if line.startswith("{"):
            fields = json.loads(line)
            if fields.get("msg") == "serving":
                port = fields["port"]
            elif fields.get("msg") == "demo ready":
                logins = fields["logins"]
                break
        if proc.poll() is not None:
            break
    if port is None or logins is None:
        proc.kill()
        sys.exit("the server did not start with the demo")
    return proc, port, logins


class Client:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def request(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with self.opener.open(req) as res:
                return res.status, res.headers, res.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()


def scrub(body):
    # The login's CSRF token is random on every run.
    return re.sub(rb'"csrf_token":"[^"]*"', b'"csrf_token":"<random>"', body)


class Recorder:
    def __init__(self, out):
        self.out = out
        self.count = 0

    def get(self, client, who, path):
        status, headers, body = client.request("GET", path)
        self.save(who, "GET", path, status, headers, body)
        return status, body

    def save(self, who, method, path, status, headers, body):
        self.count += 1
        name = "%04d_%s_%s_%s" % (self.count, who, method,
                                  re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_"))
        lines = ["%s %s as %s" % (method, path, who), "status %d" % status]
        lines += ["%s: %s" % (h, headers[h]) for h in KEPT_HEADERS if headers.get(h)]
        with open(os.path.join(self.out, name[:150]), "wb") as f:
            f.write(("\n".join(lines) + "\n\n").encode() + scrub(body))


def items(body):
    try:
        return json.loads(body).get("items", [])
    except (ValueError, AttributeError):
        return []


def record(base, logins, out, now):
    rec = Recorder(out)
    clients = {}
    for login in logins:
        who = login["role"] + "_" + login["email"].split("@")[0].replace(".", "_")
        client = Client(base)
        status, headers, body = client.request(
            "POST", "/api/v1/session", {"email": login["email"], "password": login["password"]})
        rec.save(who, "POST", "/api/v1/session", status, headers, body)
        clients.setdefault(login["role"], (who, client))
        rec.get(client, who, "/api/v1/session")

    who, therapist = clients["therapist"]
    rec.get(therapist, who, "/api/v1/knowledge")
    _, body = rec.get(therapist, who, "/api/v1/patients?limit=500")
    patient_ids = [p["id"] for p in items(body)]
    rec.get(therapist, who, "/api/v1/patients?search=ar")
    rec.get(therapist, who, "/api/v1/attention")
    _, body = rec.get(therapist, who, "/api/v1/therapists")
    therapist_ids = [t["id"] for t in items(body)]
    day = now[:10]
    year, month = int(day[:4]), int(day[5:7])
    before = "%04d-%02d-01T00:00:00Z" % ((year, month - 1) if month > 1 else (year - 1, 12))
    after = "%04d-%02d-01T00:00:00Z" % ((year, month + 1) if month < 12 else (year + 1, 1))
    for query in ["from=%s&to=%s" % (before, day + "T00:00:00Z"),
                  "from=%s&to=%s" % (day + "T00:00:00Z", after),
                  "from=%s&to=%s&status=requested" % (day + "T00:00:00Z", after)]:
        rec.get(therapist, who, "/api/v1/appointments?" + query)
    # The calendar's own filters and paging, each answered from one read.
    month = "from=%s&to=%s" % (before, after)
    for query in ["%s&therapist_id=%d" % (month, t) for t in therapist_ids] + [
            month + "&with=plan_status", month + "&limit=3&offset=2", month + "&room_id=1",
            month + "&limit=1&offset=4", month + "&limit=2&offset=900",
            month + "&status=requested&limit=1&offset=1", month + "&status=booked&limit=5",
            month + "&patient_id=%d" % (patient_ids[0] if patient_ids else 1)]:
        rec.get(therapist, who, "/api/v1/appointments?" + query)

    for pid in patient_ids:
        p = "/api/v1/patients/%d" % pid
        for suffix in ["", "/chart", "/assessments", "/plans", "/sessions", "/home-programme",
                       "/referrals", "/appointments"]:
            status, body = rec.get(therapist, who, p + suffix)
            if suffix == "/plans":
                for plan in items(body):
                    rec.get(therapist, who, "/api/v1/plans/%d" % plan["id"])
            elif suffix == "/sessions":
                for note in items(body):
                    rec.get(therapist, who, "/api/v1/sessions/%d" % note["id"])
            elif suffix == "/referrals":
                for referral in items(body):
                    rec.get(therapist, who, "/api/v1/referrals/%d" % referral["id"])
                    rec.get(therapist, who, "/api/v1/referrals/%d/letter" % referral["id"])
    for missing in ["/api/v1/patients/99999", "/api/v1/plans/99999", "/api/v1/sessions/99999",
                    "/api/v1/referrals/99999", "/api/v1/patients/99999/chart"]:
        rec.get(therapist, who, missing)

    who, desk = clients["front_desk"]
    rec.get(desk, who, "/api/v1/patients?limit=500")
    rec.get(desk, who, "/api/v1/appointments?from=%s&to=%s" % (day + "T00:00:00Z", after))
    if patient_ids:
        rec.get(desk, who, "/api/v1/patients/%d/chart" % patient_ids[0])

    for login in logins:
        if login["role"] != "patient":
            continue
        client = Client(base)
        pwho = "patient_" + login["email"].split("@")[0].replace(".", "_")
        client.request("POST", "/api/v1/session",
                       {"email": login["email"], "password": login["password"]})
        _, body = rec.get(client, pwho, "/api/v1/session")
        own = json.loads(body).get("user", {}).get("patient_id")
        if own is not None:
            for suffix in ["", "/chart", "/home-programme", "/appointments", "/plans"]:
                rec.get(client, pwho, "/api/v1/patients/%d%s" % (own, suffix))
        if patient_ids:
            rec.get(client, pwho, "/api/v1/patients/%d/chart" % patient_ids[-1])

    who, admin = clients["admin"]
    rec.get(admin, who, "/api/v1/users")
    rec.get(admin, who, "/api/v1/users?role=therapist")
    rec.get(admin, who, "/api/v1/tokens")
    rec.get(admin, who, "/api/v1/attention")
    if patient_ids:
        rec.get(admin, who, "/api/v1/audit?patient_id=%d&limit=500" % patient_ids[0])
    total = json.loads(rec.get(admin, who, "/api/v1/audit?limit=1")[1]).get("total", 0)
    for offset in range(0, total, 500):
        rec.get(admin, who, "/api/v1/audit?limit=500&offset=%d" % offset)
    return rec.count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", help="directory to write the answers into (replaced)")
    parser.add_argument("--binary", default="build/sciaticare")
    parser.add_argument("--now", default="2026-11-18T09:30:00Z",
                        help="the frozen wall-clock time, UTC")
    args = parser.parse_args()
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    workdir = tempfile.mkdtemp(prefix="demo-answers-")
    proc = None
    try:
        proc, port, logins = start_server(args.binary, args.now, workdir)
        count = record("http://127.0.0.1:%d" % port, logins, args.out, args.now)
        print("%d answers written to %s" % (count, args.out))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
