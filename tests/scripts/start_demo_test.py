#!/usr/bin/env python3
"""The README's start command past install and build: scripts/start-demo.sh.

Runs the script with the built binary on a free port and a database in a
temporary directory, waits for /healthz, stops the server with SIGTERM (the
script must have become the server, so the signal reaches it) and checks that
it exited cleanly after printing the example plan and the demo logins. Fails
when the script dies before the server answers.

    start_demo_test.py SCRIPT BINARY
"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HEALTH_TIMEOUT_S = 20
STOP_TIMEOUT_S = 15
EXPECTED = [
    "Triage: treat",  # The example plan...
    "Plan (draft for the therapist to review and approve)",
    "admin@riverside.example",  # ...and the demo logins.
    "demo-admin-2026",
    "nadia.okafor@riverside.example",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
            return r.status == 200 and r.read().strip() == b"ok"
    except OSError:
        return False


def main(script, binary):
    script, binary = os.path.abspath(script), os.path.abspath(binary)  # It runs elsewhere.
    with tempfile.TemporaryDirectory(prefix="sciaticare-start-demo-") as work:
        port = free_port()
        db = os.path.join(work, "demo.db")
        env = dict(os.environ, PORT=str(port), SCIATICARE_DB=db)
        proc = subprocess.Popen(["bash", script, binary], cwd=work, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)
        chunks = []
        reader = threading.Thread(target=lambda: chunks.extend(iter(proc.stdout.readline, b"")))
        reader.start()
        problems = []
        try:
            deadline = time.monotonic() + HEALTH_TIMEOUT_S
            while not healthy(port):
                if proc.poll() is not None:
                    problems.append(f"the script exited with {proc.returncode} before the server answered")
                    break
                if time.monotonic() > deadline:
                    problems.append(f"/healthz did not answer within {HEALTH_TIMEOUT_S} s")
                    break
                time.sleep(0.1)
            if not problems:
                proc.send_signal(signal.SIGTERM)
                try:
                    code = proc.wait(timeout=STOP_TIMEOUT_S)
                    if code != 0:
                        problems.append(f"the server exited with {code} after SIGTERM")
                except subprocess.TimeoutExpired:
                    problems.append(f"the server did not stop within {STOP_TIMEOUT_S} s of SIGTERM")
        finally:
            # The whole group: a server the script left behind holds the output open.
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
            reader.join()
        output = b"".join(chunks).decode("utf-8", "replace")
        if not problems:
            problems += [f"the output lacks {text!r}" for text in EXPECTED if text not in output]
            if not os.path.exists(db):
                problems.append(f"no demo database at {db}")
        if problems:
            print(output)
            for p in problems:
                print("FAILED:", p)
            return 1
        print(f"start-demo.sh served on port {port}, printed the plan and logins, stopped cleanly")
        return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
