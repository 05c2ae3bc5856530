#pragma once

#include <utility>  // Boost 1.74 Asio needs it first under GCC 12 in C++20.

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <functional>

#include "core/result.h"
#include "core/time.h"

namespace unsit {

// The daemon's one timer: a timerfd on CLOCK_BOOTTIME watched by the Asio loop.
// Unlike steady_timer (CLOCK_MONOTONIC) it keeps counting through suspend, so a
// deadline that passed while the machine slept fires at resume. Used on the
// io_context thread only.
class BootTimer {
 public:
  using Callback = std::function<void()>;

  explicit BootTimer(boost::asio::io_context& io);
  BootTimer(const BootTimer&) = delete;
  BootTimer& operator=(const BootTimer&) = delete;
  ~BootTimer();

  Status Open();
  // Fires `callback` once at `deadline` (or at once if it passed). Replaces any
  // earlier deadline: there is only ever one. An error (timerfd_settime failed,
  // or the timer was never opened) means it will not fire; the caller decides.
  Status Arm(BootTime deadline, Callback callback);
  // Drops the callback first, so even a failed disarm never runs it.
  void Disarm();
  // How many times it fired, for the footprint benchmark and tests.
  long fired() const { return fired_; }

 private:
  void Wait();

  boost::asio::posix::stream_descriptor fd_;
  Callback callback_;
  bool waiting_ = false;
  long fired_ = 0;
};

}  // namespace unsit
