#pragma once

// Reading the clocks (the only place that calls clock_gettime).

#include <chrono>

#include "clock/local_time.h"
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

// Reads the boot and wall clocks once and places them in local time
// (MakeNow, clock/local_time.h). `day_starts` is the local time at which a
// history day begins (history.day_starts). The one way the daemon and the CLI
// read the time.
Now ReadNow(std::chrono::minutes day_starts);

// CLOCK_BOOTTIME minus CLOCK_MONOTONIC: grows by the time spent suspended, so a
// jump between two readings means the machine slept (needs no D-Bus).
Duration SuspendedSoFar();

}  // namespace unsit
