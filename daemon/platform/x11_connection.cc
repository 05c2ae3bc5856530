#include "platform/x11_connection.h"

#include <boost/asio/post.hpp>

#include <fcntl.h>
#include <poll.h>
#include <cstdlib>
#include <mutex>

#include "i18n/tr.h"
#include "i18n/words.h"

// Xlib last: it defines macros (Status, Bool, None...) that clash with our names.
#include <X11/Xlib.h>
#undef Status

namespace unsit {
namespace {

// Protocol errors (e.g. an alarm that vanished) are not fatal here; the backends
// check what they need with explicit queries.
int IgnoreProtocolError(Display*, XErrorEvent*) { return 0; }

// Called before the per-display exit handler; Xlib's default prints to stderr.
int QuietIoError(Display*) { return 0; }

void InstallProcessHandlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    XSetErrorHandler(IgnoreProtocolError);
    XSetIOErrorHandler(QuietIoError);
  });
}

}  // namespace

Result<std::unique_ptr<X11Connection>> X11Connection::Open(boost::asio::io_context& io) {
  const char* env = std::getenv("DISPLAY");
  if (env == nullptr || *env == '\0') {
    return Error{errc::kUnavailable, TrNoop("DISPLAY is not set (not an X11 session)")};
  }
  InstallProcessHandlers();
  Display* display = XOpenDisplay(env);
  if (display == nullptr) {
    // TRANSLATORS: %s is an X display name (:0).
    return ErrorWithText(errc::kUnavailable,
                         TrNoop("cannot open X display %s (server not running or access refused)"),
                         env);
  }
  return std::unique_ptr<X11Connection>(new X11Connection(io, display, env));
}

X11Connection::X11Connection(boost::asio::io_context& io, Display* display, std::string name)
    : io_(io), display_(display), name_(std::move(name)), socket_(io) {
  XSetIOErrorExitHandler(display_, &X11Connection::OnIoErrorExit, this);
  // A duplicate, so the descriptor object may close its own fd and never Xlib's.
  int fd = fcntl(ConnectionNumber(display_), F_DUPFD_CLOEXEC, 0);
  if (fd >= 0) socket_.assign(fd);
}

X11Connection::~X11Connection() {
  *alive_ = false;
  boost::system::error_code ignored;
  socket_.close(ignored);
  XCloseDisplay(display_);  // safe after an I/O error: Xlib skips the final XSync
}

void X11Connection::OnIoErrorExit(Display*, void* self) {
  static_cast<X11Connection*>(self)->lost_ = true;
  // Returning (instead of exiting) is what XSetIOErrorExitHandler allows.
}

std::string X11Connection::LostReason() const {
  return "the X server on " + name_ + " closed the connection";
}

void X11Connection::Watch(std::function<void()> on_readable) {
  on_readable_ = std::move(on_readable);
  WaitReadable();
}

void X11Connection::WaitReadable() {
  if (lost_ || !socket_.is_open()) return;
  socket_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                     [this, alive = std::weak_ptr<bool>(alive_)](boost::system::error_code ec) {
                       auto token = alive.lock();
                       if (!token || !*token || ec) return;
                       on_readable_();
                       // on_readable_ may have destroyed this connection's owner.
                       if (!*token) return;
                       WaitReadable();
                     });
  // Asio's epoll registration is edge-triggered: data that arrived after the last
  // drain but before this wait was queued raises no new edge, so look once now.
  if (ReadableNow()) PostDrain();
}

bool X11Connection::ReadableNow() {
  pollfd probe{socket_.native_handle(), POLLIN, 0};
  return poll(&probe, 1, 0) > 0;
}

void X11Connection::PostDrain() {
  boost::asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_)] {
    auto token = alive.lock();
    if (!token || !*token || lost_ || !on_readable_) return;
    on_readable_();
  });
}

}  // namespace unsit
