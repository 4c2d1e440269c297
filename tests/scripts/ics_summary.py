#!/usr/bin/env python3
"""Reads an iCalendar file with python3-icalendar (an outside parser, not the
libical that wrote it) and prints what it holds as JSON, for the API tests to
check: the calendar's METHOD and VERSION, and each event's UID, SEQUENCE,
STATUS, SUMMARY, LOCATION, DESCRIPTION and its start and end both in UTC and
on the wall clock of the zone given (e.g. Europe/London)."""
import json
import sys
from datetime import timezone

import icalendar

try:
    from zoneinfo import ZoneInfo
except ImportError:  # pragma: no cover - Debian 12's Python has zoneinfo.
    ZoneInfo = None


def main():
    path, zone = sys.argv[1], ZoneInfo(sys.argv[2])
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    events = []
    for e in calendar.walk("VEVENT"):
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        events.append({
            "uid": str(e.get("UID")),
            "sequence": int(e.get("SEQUENCE", 0)),
            "status": str(e.get("STATUS", "")),
            "summary": str(e.get("SUMMARY", "")),
            "location": str(e.get("LOCATION", "")),
            "description": str(e.get("DESCRIPTION", "")),
            "start_utc": start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "end_utc": end.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "start_local": start.astimezone(zone).strftime("%Y-%m-%dT%H:%M"),
        })
    print(json.dumps({
        "method": str(calendar.get("METHOD", "")),
        "version": str(calendar.get("VERSION", "")),
        "prodid": str(calendar.get("PRODID", "")),
        "events": events,
    }))


if __name__ == "__main__":
    main()
