#include "control/fd_timer.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

namespace unsit {

FdTimer::FdTimer(const boost::asio::any_io_executor& executor) : fd_(executor) {
  int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  if (fd >= 0) fd_.assign(fd);
}

FdTimer::~FdTimer() {
  *alive_ = false;
  boost::system::error_code ignored;
  fd_.close(ignored);
}

Status FdTimer::Arm(std::chrono::milliseconds after, Callback callback) {
  if (!fd_.is_open()) return Error{"timer", "no timer: no descriptor could be had for it"};
  callback_ = std::move(callback);
  auto ms = std::max<std::chrono::milliseconds::rep>(after.count(), 1);  // zero would disarm
  itimerspec spec{};
  spec.it_value.tv_sec = static_cast<time_t>(ms / 1000);
  spec.it_value.tv_nsec = static_cast<long>((ms % 1000) * 1000000);
  if (timerfd_settime(fd_.native_handle(), 0, &spec, nullptr) != 0) {
    callback_ = nullptr;
    return Error{"timer", std::string("cannot set a timer: ") + std::strerror(errno)};
  }
  Wait();
  return Ok{};
}

void FdTimer::Cancel() {
  callback_ = nullptr;  // also releases whatever the callback holds
  if (!fd_.is_open()) return;
  itimerspec spec{};
  timerfd_settime(fd_.native_handle(), 0, &spec, nullptr);
}

void FdTimer::Wait() {
  if (waiting_) return;  // the wait in flight serves the new arming too
  waiting_ = true;
  fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                 [this, alive = std::weak_ptr<bool>(alive_)](const boost::system::error_code& ec) {
                   auto token = alive.lock();
                   if (!token || !*token) return;
                   waiting_ = false;
                   if (ec) return;
                   std::uint64_t expirations = 0;
                   // Nothing to read: re-armed or cancelled since it became readable.
                   if (read(fd_.native_handle(), &expirations, sizeof expirations) <= 0) {
                     if (callback_) Wait();
                     return;
                   }
                   if (auto callback = std::exchange(callback_, nullptr)) callback();
                 });
}

}  // namespace unsit
