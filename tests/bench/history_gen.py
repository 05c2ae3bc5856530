#!/usr/bin/env python3
"""Writes a year of realistic unsit history into a new SQLite file.

The schema is taken from daemon/storage/schema.cc: every migration block is
replayed in order, as the store does for a new file, so the file is exactly
what the daemon would have written.

Usage: history_gen.py OUT.db [--days 365] [--seed 1]
"""
import argparse
import pathlib
import random
import re
import sqlite3
import time

SCHEMA_CC = pathlib.Path(__file__).resolve().parents[2] / "daemon/storage/schema.cc"
MINUTE = 60_000


def migrations():
    text = SCHEMA_CC.read_text()
    return re.findall(r'R"sql\((.*?)\)sql"', text, re.S)


def local_ms(day, hour, minute):
    """UTC ms of a local time `day` days before today (process time zone)."""
    base = time.localtime(time.time() - day * 86400)
    stamp = time.mktime((base.tm_year, base.tm_mon, base.tm_mday, hour, minute, 0, 0, 0, -1))
    return int(stamp * 1000)


def one_day(rng, day):
    """Bouts, breaks and reminders of one day: ~30 bouts and breaks on workdays."""
    weekend = time.localtime(time.time() - day * 86400).tm_wday >= 5
    count = rng.randint(8, 14) if weekend else rng.randint(28, 34)
    t = local_ms(day, rng.randint(7, 9), rng.randint(0, 59))
    bouts, breaks, reminders = [], [], []
    for _ in range(count):
        length = int(rng.triangular(2, 75, 4) * MINUTE)
        limit = None
        if length >= 60 * MINUTE:
            limit = t + 60 * MINUTE
            shown = 1 + (length - 60 * MINUTE) // (10 * MINUTE)
            outcome = rng.choice(["done", "snoozed", "skipped", "dismissed", "withdrawn"])
            reminders.append((limit, shown, outcome, t + length, length))
        end_reason = rng.choice(["break"] * 8 + ["standing", "shutdown"])
        bouts.append((t, t + length, length, end_reason, limit))
        t += length
        pause = int(rng.triangular(1, 15, 2) * MINUTE)
        cause = rng.choice(["idle"] * 6 + ["lock", "lock", "suspend", "done"])
        after = 1 if (limit is not None or cause == "done") else 0
        breaks.append((t, t + pause, pause, cause, after))
        t += pause
    return bouts, breaks, reminders


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pathlib.Path(args.out).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    db = sqlite3.connect(args.out)
    steps = migrations()
    for sql in steps:
        db.executescript(sql)
    db.execute(f"PRAGMA user_version = {len(steps)}")
    db.execute("PRAGMA journal_mode = WAL")
    rng = random.Random(args.seed)
    totals = [0, 0, 0]
    with db:
        now = int(time.time() * 1000)
        for day in range(args.days - 1, -1, -1):  # today (day 0) up to now
            bouts, breaks, reminders = one_day(rng, day)
            bouts = [b for b in bouts if b[1] <= now]
            breaks = [b for b in breaks if b[1] <= now]
            reminders = [r for r in reminders if r[3] <= now]
            db.executemany("INSERT INTO bouts (start_wall, end_wall, length_ms, end_reason, "
                           "limit_wall) VALUES (?, ?, ?, ?, ?)", bouts)
            db.executemany("INSERT INTO breaks (start_wall, end_wall, length_ms, cause, "
                           "after_reminder) VALUES (?, ?, ?, ?, ?)", breaks)
            db.executemany("INSERT INTO reminders (shown_wall, times_shown, outcome, "
                           "closed_wall, sitting_ms) VALUES (?, ?, ?, ?, ?)", reminders)
            totals = [totals[0] + len(bouts), totals[1] + len(breaks),
                      totals[2] + len(reminders)]
    db.close()
    print(f"{args.out}: {args.days} days, {totals[0]} bouts, {totals[1]} breaks, "
          f"{totals[2]} reminders")


if __name__ == "__main__":
    main()
