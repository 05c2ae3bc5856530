#pragma once

#include <functional>
#include <thread>

#include "core/result.h"

typedef struct _GMainContext GMainContext;
typedef struct _GMainLoop GMainLoop;

namespace unsit {

// The one thread that runs GLib: libnotify and every GDBus proxy live here.
// Other threads hand it work with Post(); it hands results back to the
// io_context thread with boost::asio::post. Nothing else is shared.
class GlibThread {
 public:
  GlibThread() = default;
  // `global_default`: run GLib's global default context rather than a new one,
  // for libraries that add their sources there whatever the thread-default
  // context is (libdbusmenu-glib handles menu events and sends its updates
  // from g_timeout_add/g_idle_add). Only one such thread per process.
  explicit GlibThread(bool global_default) : global_default_(global_default) {}
  GlibThread(const GlibThread&) = delete;
  GlibThread& operator=(const GlibThread&) = delete;
  ~GlibThread();  // Stop()

  // Creates the context and starts the thread running its main loop.
  Status Start();
  // Quits the loop and joins the thread. Work posted after this is dropped.
  void Stop();
  // Runs `fn` on the GLib thread, soon. Callable from any thread.
  void Post(std::function<void()> fn);
  // The context owned by the thread; attach sources to it only from the GLib thread.
  GMainContext* context() const { return context_; }
  bool running() const { return thread_.joinable(); }

 private:
  bool global_default_ = false;
  GMainContext* context_ = nullptr;
  GMainLoop* loop_ = nullptr;
  std::thread thread_;
};

}  // namespace unsit
