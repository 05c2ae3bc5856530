#pragma once

#include <utility>  // before Asio: Boost 1.74 with GCC 12 in C++20 needs it

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <chrono>
#include <functional>
#include <memory>

#include "core/result.h"

namespace unsit {

// A one-shot timer on a timerfd of its own (CLOCK_MONOTONIC), watched by the
// Asio loop. Use it instead of boost::asio::steady_timer on the daemon's loop:
// Asio's reactor keeps every steady_timer on one shared timerfd, leaves that fd
// armed at a cancelled timer's old expiry (a wakeup for nothing), and once it
// has fired with no timer left re-arms it every 5 minutes for good. Cancelling
// or firing this one leaves nothing armed, so it costs no later wakeup.
//
// Contract: Arm replaces any earlier arming (callback included); the callback
// runs once on the loop, never after Cancel or destruction. Arm returns an
// error, and the timer will not fire, when no timerfd could be made
// (descriptors exhausted at construction) or timerfd_settime failed. Used on the
// io_context thread only; one extra descriptor while it exists.
class FdTimer {
 public:
  using Callback = std::function<void()>;

  explicit FdTimer(const boost::asio::any_io_executor& executor);
  ~FdTimer();
  FdTimer(const FdTimer&) = delete;
  FdTimer& operator=(const FdTimer&) = delete;

  Status Arm(std::chrono::milliseconds after, Callback callback);
  void Cancel();

 private:
  void Wait();

  boost::asio::posix::stream_descriptor fd_;
  Callback callback_;
  bool waiting_ = false;
  // A completed wait may still be queued when we are destroyed.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace unsit
