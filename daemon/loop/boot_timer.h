#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "core/time.h"

namespace unsit {

// The one timer of the shell's loop: a one-shot timerfd of its own on
// CLOCK_BOOTTIME, watched by the Asio loop. Used for the daemon's next
// deadline, its input grace, each control peer's idle timeout and the X11
// poller. Two reasons it is not boost::asio::steady_timer:
// - the boot clock counts through suspend, so a deadline that passed while the
//   machine slept fires at resume;
// - Asio's reactor keeps every steady_timer on one shared timerfd, leaves that
//   fd armed at a cancelled timer's old expiry (a wakeup for nothing), and once
//   it has fired with no timer left re-arms it every 5 minutes for good.
//   Cancelling or firing this one leaves nothing armed, so away from the
//   keyboard nothing wakes the daemon.
//
// Contract: Arm and ArmAfter replace any earlier arming (callback included);
// the callback runs once, on the loop, never after Cancel or destruction (a
// completed wait still queued when the timer is destroyed finds it gone).
// They return an error, and the timer will not fire, when no timerfd could be
// made (descriptors exhausted at construction: Opened says so) or
// timerfd_settime failed. Used on the io_context thread only; one descriptor
// while it exists.
class BootTimer {
 public:
  using Callback = std::function<void()>;

  explicit BootTimer(const boost::asio::any_io_executor& executor);
  ~BootTimer();
  BootTimer(const BootTimer&) = delete;
  BootTimer& operator=(const BootTimer&) = delete;

  // Ok when the timerfd was made; else why not.
  Status Opened() const;
  // Fires `callback` at `deadline` on the boot clock (at once if it passed).
  Status Arm(BootTime deadline, Callback callback);
  // Fires `callback` `after` from now on the boot clock.
  Status ArmAfter(Duration after, Callback callback);
  // Drops the callback first (and what it holds), so even a failed disarm
  // never runs it.
  void Cancel();
  // How many times it fired, for the footprint benchmark and tests.
  long fired() const { return fired_; }

 private:
  Status Set(int flags, Duration value, Callback callback);
  void Wait();

  boost::asio::posix::stream_descriptor fd_;
  std::string open_error_;  // why there is no timerfd, if there is none
  Callback callback_;
  bool waiting_ = false;
  long fired_ = 0;
  // A completed wait may still be queued when we are destroyed.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace unsit
