#!/usr/bin/python3
"""A local SMTP sink for the mail tests (Debian's python3-aiosmtpd).

Listens on 127.0.0.1:PORT, writes every message it receives to DIR as
NNNN.eml (the envelope's recipients in an X-Sink-Rcpt header) and each
attachment, decoded, as NNNN-FILENAME beside it; writes
DIR/ready once it listens, and exits on SIGTERM or SIGINT.
"""
import argparse
import email
import os
import signal
import threading

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = os.path.join(self.directory, "%04d.eml" % self.count)
        raw = envelope.original_content or envelope.content
        for part in email.message_from_bytes(raw).walk():
            if part.get_filename():
                with open(name[:-4] + "-" + part.get_filename(), "wb") as out:
                    out.write(part.get_payload(decode=True))
        header = "X-Sink-Rcpt: %s\r\n" % ",".join(envelope.rcpt_tos)
        tmp = name + ".part"
        with open(tmp, "wb") as out:
            out.write(header.encode())
            out.write(raw)
        os.rename(tmp, name)  # Whole messages only, for the reader.
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    controller = Controller(Keep(args.dir), hostname="127.0.0.1", port=args.port)
    controller.start()
    with open(os.path.join(args.dir, "ready"), "w") as ready:
        ready.write(str(args.port))
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
