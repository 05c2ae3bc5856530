// A test-only LD_PRELOAD library that moves the wall clock, and nothing else,
// while the process runs. libfaketime shifts CLOCK_BOOTTIME and
// CLOCK_MONOTONIC too, which moves the daemon's timerfd deadlines; a real
// wall-clock step (NTP, a manual change) leaves them alone, and so does this.
//
// Contract: clock_gettime for CLOCK_REALTIME and CLOCK_REALTIME_COARSE,
// gettimeofday and time return the real wall clock plus N seconds, where N is
// the signed decimal integer in the file named by $UNSIT_WALL_SHIFT_FILE (0
// when the variable is unset or the file is missing or malformed). The file is
// read at every call, so a test steps the clock by replacing it (write a new
// file, then rename it over the old one). Every other clock is the kernel's.
// Only system calls are used: no locks, no allocation, no stdio, so it is safe
// in any thread and in signal handlers.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long long ShiftSeconds(void) {
  const char* path = getenv("UNSIT_WALL_SHIFT_FILE");
  if (path == NULL) return 0;
  int fd = (int)syscall(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[32];
  long got = syscall(SYS_read, fd, text, sizeof text - 1);
  syscall(SYS_close, fd);
  if (got <= 0) return 0;
  long long value = 0;
  long i = 0;
  int negative = text[0] == '-';
  if (negative) i = 1;
  for (; i < got && text[i] >= '0' && text[i] <= '9'; ++i) value = value * 10 + (text[i] - '0');
  return negative ? -value : value;
}

static int RealClock(clockid_t id, struct timespec* ts) {
  return (int)syscall(SYS_clock_gettime, id, ts);
}

int clock_gettime(clockid_t id, struct timespec* ts) {
  int rc = RealClock(id, ts);
  if (rc == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE)) {
    ts->tv_sec += (time_t)ShiftSeconds();
  }
  return rc;
}

int gettimeofday(struct timeval* restrict tv, void* restrict tz) {
  (void)tz;  // obsolete; glibc fills nothing either
  struct timespec ts;
  if (clock_gettime(CLOCK_REALTIME, &ts) != 0) return -1;
  tv->tv_sec = ts.tv_sec;
  tv->tv_usec = (suseconds_t)(ts.tv_nsec / 1000);
  return 0;
}

time_t time(time_t* out) {
  struct timespec ts;
  if (clock_gettime(CLOCK_REALTIME, &ts) != 0) return (time_t)-1;
  if (out != NULL) *out = ts.tv_sec;
  return ts.tv_sec;
}
