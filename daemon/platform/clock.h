#pragma once

#include <chrono>
#include <string>

#include "core/time.h"

namespace unsit {

// Reads CLOCK_BOOTTIME. Thread-safe.
BootTime ReadBootClock();

// Reads both clocks and the local time zone (TZ / /etc/localtime) once.
// `day_starts` is the local time at which a history day begins (history.day_starts).
Now ReadNow(std::chrono::minutes day_starts);

// The local-time fields of Now for a given pair of readings, from the process's
// time zone (tzset). Used by ReadNow and by tests that replay traces under a TZ.
Now MakeNow(BootTime boot, WallTime wall, std::chrono::minutes day_starts);

// The local date ("2026-11-21") at wall time `at`, in the process's time zone.
std::string FormatLocalDate(WallTime at);

// CLOCK_BOOTTIME minus CLOCK_MONOTONIC: grows by the time spent suspended, so a
// jump between two readings means the machine slept (needs no D-Bus).
Duration SuspendedSoFar();

}  // namespace unsit
