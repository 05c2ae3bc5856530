#include "platform/bus_loss.h"

#include <gio/gio.h>

#include <boost/asio/post.hpp>
#include <chrono>
#include <utility>

#include "platform/gdbus_util.h"

namespace unsit {

// Touched on the GLib thread only, except `alive`, which the io_context thread
// reads when the posted report runs (both in order through the post).
struct BusLossWatch::State {
  boost::asio::io_context& io;
  LostCallback on_lost;
  GDBusConnection* bus = nullptr;
  gulong handler = 0;
  std::shared_ptr<bool> alive = std::make_shared<bool>(true);
};

namespace {

void OnClosed(GDBusConnection* /*bus*/, gboolean /*remote_peer_vanished*/, GError* error,
              gpointer data) {
  auto* state = static_cast<BusLossWatch::State*>(data);
  std::string reason = error != nullptr ? error->message : "the connection was closed";
  boost::asio::post(state->io,
                    [alive = state->alive, on_lost = state->on_lost, reason = std::move(reason)] {
                      if (*alive) on_lost(reason);
                    });
}

}  // namespace

Result<std::unique_ptr<BusLossWatch>> BusLossWatch::Start(GlibThread& glib,
                                                          boost::asio::io_context& io,
                                                          LostCallback on_lost) {
  auto state = std::make_shared<State>(State{io, std::move(on_lost)});
  std::optional<Status> connected = gdbus::RunOnGlib<Status>(
      glib,
      [state]() -> Status {
        auto bus = gdbus::Connect(G_BUS_TYPE_SESSION);
        if (!bus.ok()) return bus.error();
        state->bus = *bus;
        state->handler = g_signal_connect(state->bus, "closed", G_CALLBACK(OnClosed), state.get());
        return Ok{};
      },
      std::chrono::seconds(5));
  if (!connected) return Error{errc::kUnavailable, "the session bus did not answer in 5 s"};
  if (!connected->ok()) return connected->error();
  return std::unique_ptr<BusLossWatch>(new BusLossWatch(glib, std::move(state)));
}

BusLossWatch::~BusLossWatch() {
  *state_->alive = false;
  // The handler and the connection go on the GLib thread, where they live;
  // the state stays alive until then.
  glib_.Post([state = state_] {
    if (state->bus == nullptr) return;
    g_signal_handler_disconnect(state->bus, state->handler);
    g_object_unref(state->bus);
    state->bus = nullptr;
  });
}

}  // namespace unsit
