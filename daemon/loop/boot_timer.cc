#include "loop/boot_timer.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace unsit {

BootTimer::BootTimer(const boost::asio::any_io_executor& executor) : fd_(executor) {
  int fd = timerfd_create(CLOCK_BOOTTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (fd >= 0) {
    fd_.assign(fd);
  } else {
    open_error_ = std::string("no CLOCK_BOOTTIME timerfd: ") + std::strerror(errno);
  }
}

BootTimer::~BootTimer() {
  *alive_ = false;
  boost::system::error_code ignored;
  fd_.close(ignored);
}

Status BootTimer::Opened() const {
  if (fd_.is_open()) return Ok{};
  return Error{errc::kTimer, "cannot create the timer (" + open_error_ + ")"};
}

Status BootTimer::Arm(BootTime deadline, Callback callback) {
  return Set(TFD_TIMER_ABSTIME, deadline.time_since_epoch(), std::move(callback));
}

Status BootTimer::ArmAfter(Duration after, Callback callback) {
  return Set(0, after, std::move(callback));
}

Status BootTimer::Set(int flags, Duration value, Callback callback) {
  if (!fd_.is_open()) return Error{errc::kTimer, "cannot set the timer (" + open_error_ + ")"};
  callback_ = std::move(callback);
  auto ms = std::max<Duration::rep>(value.count(), 1);  // an all-zero it_value disarms
  itimerspec spec{};
  spec.it_value.tv_sec = static_cast<time_t>(ms / 1000);
  spec.it_value.tv_nsec = static_cast<long>((ms % 1000) * 1000000);
  if (timerfd_settime(fd_.native_handle(), flags, &spec, nullptr) != 0) {
    callback_ = nullptr;
    return Error{errc::kTimer, std::string("cannot set the timer: ") + std::strerror(errno)};
  }
  Wait();
  return Ok{};
}

void BootTimer::Cancel() {
  callback_ = nullptr;
  if (!fd_.is_open()) return;
  itimerspec spec{};
  // A failure leaves at most one wakeup that finds no callback.
  timerfd_settime(fd_.native_handle(), 0, &spec, nullptr);
}

void BootTimer::Wait() {
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
                   ++fired_;
                   if (auto callback = std::exchange(callback_, nullptr)) callback();
                 });
}

}  // namespace unsit
