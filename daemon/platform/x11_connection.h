#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"

typedef struct _XDisplay Display;

namespace unsit {

// One Xlib connection shared by nothing else, for the X11 idle backends. Used on
// the io_context thread only.
//
// The X server going away must never end the process: Xlib's default handlers
// print and call exit(). Opening a connection installs, once per process, a quiet
// protocol-error handler and a quiet I/O-error handler, and per display an I/O
// error *exit* handler (Xlib 1.7+) that only marks the connection lost. After
// that, the Display is not touched again except by XCloseDisplay in the
// destructor (which skips the round trip on a broken connection).
class X11Connection {
 public:
  // Opens $DISPLAY. The error says why not: DISPLAY unset, or the server refused.
  static Result<std::unique_ptr<X11Connection>> Open(boost::asio::io_context& io);

  X11Connection(const X11Connection&) = delete;
  X11Connection& operator=(const X11Connection&) = delete;
  ~X11Connection();

  // Null once lost(): callers must check before every Xlib call.
  Display* display() const { return lost_ ? nullptr : display_; }
  bool lost() const { return lost_; }
  const std::string& name() const { return name_; }
  // Why the connection was lost, for IdleReport::reason.
  std::string LostReason() const;

  // Calls `on_readable` on the io_context thread whenever the connection's socket
  // has data (events, or EOF when the server dies). The callee must drain Xlib's
  // queue (XPending/XNextEvent). Watching stops when lost() or on destruction.
  void Watch(std::function<void()> on_readable);
  // Runs the `on_readable` callback soon, from the loop. For after a synchronous
  // request: Xlib may have read events into its queue, which no socket wakeup
  // would announce.
  void PostDrain();

 private:
  X11Connection(boost::asio::io_context& io, Display* display, std::string name);
  static void OnIoErrorExit(Display* display, void* self);
  void WaitReadable();
  bool ReadableNow();

  boost::asio::io_context& io_;
  Display* display_;
  std::string name_;
  bool lost_ = false;
  boost::asio::posix::stream_descriptor socket_;  // a dup of the connection's fd
  std::function<void()> on_readable_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // guards queued handlers
};

}  // namespace unsit
