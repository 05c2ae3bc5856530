#pragma once

#include <chrono>
#include <string>

#include "core/time.h"

namespace unsit {

// Reads CLOCK_BOOTTIME. Thread-safe.
BootTime ReadBootClock();

// Reads CLOCK_MONOTONIC, which stops during suspend. Thread-safe.
Duration ReadMonotonicClock();

// The boot-clock instant of `monotonic`, an instant on CLOCK_MONOTONIC (logind's
// *Monotonic timestamps), from both clocks read now: boot_now − (monotonic_now −
// monotonic). The clocks differ by the time spent suspended, but not by when: a
// suspend after `monotonic` is taken as one before it, so the instant found is
// the later of the two possible ones. Pure.
BootTime MonotonicToBoot(Duration monotonic, BootTime boot_now, Duration monotonic_now);

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
