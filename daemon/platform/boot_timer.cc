#include "platform/boot_timer.h"

#include <sys/timerfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

namespace unsit {

BootTimer::BootTimer(boost::asio::io_context& io) : fd_(io) {}

BootTimer::~BootTimer() {
  boost::system::error_code ignored;
  fd_.close(ignored);
}

Status BootTimer::Open() {
  int fd = timerfd_create(CLOCK_BOOTTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (fd < 0) {
    return Error{"timer", std::string("cannot create a CLOCK_BOOTTIME timer: ") + strerror(errno)};
  }
  fd_.assign(fd);
  return Ok{};
}

Status BootTimer::Arm(BootTime deadline, Callback callback) {
  callback_ = std::move(callback);
  auto ms = deadline.time_since_epoch().count();
  if (ms <= 0) ms = 1;  // an all-zero it_value would disarm the timer
  itimerspec spec{};
  spec.it_value.tv_sec = static_cast<time_t>(ms / 1000);
  spec.it_value.tv_nsec = static_cast<long>((ms % 1000) * 1000000);
  if (timerfd_settime(fd_.native_handle(), TFD_TIMER_ABSTIME, &spec, nullptr) != 0) {
    callback_ = nullptr;
    return Error{"timer", std::string("cannot set the CLOCK_BOOTTIME timer: ") + strerror(errno)};
  }
  Wait();
  return Ok{};
}

void BootTimer::Disarm() {
  callback_ = nullptr;
  itimerspec spec{};
  // A failure leaves at most one wakeup that finds no callback.
  timerfd_settime(fd_.native_handle(), TFD_TIMER_ABSTIME, &spec, nullptr);
}

void BootTimer::Wait() {
  if (waiting_) return;
  waiting_ = true;
  fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                 [this](const boost::system::error_code& error) {
                   waiting_ = false;
                   if (error) return;  // closed
                   uint64_t expirations = 0;
                   if (read(fd_.native_handle(), &expirations, sizeof expirations) <= 0) {
                     Wait();  // re-armed since it became readable: nothing to do yet
                     return;
                   }
                   ++fired_;
                   if (auto callback = std::exchange(callback_, nullptr)) callback();
                 });
}

}  // namespace unsit
