// Fullscreen on X11: the window the EWMH window manager names active
// (_NET_ACTIVE_WINDOW on the root) has _NET_WM_STATE_FULLSCREEN in its
// _NET_WM_STATE. Both are followed through PropertyNotify events on the
// root and on the active window, on a connection of its own in the io loop:
// nothing is polled. In a Wayland session X11 sees only XWayland's windows,
// so the source is skipped there.
#include <algorithm>
#include <cstdlib>
#include <vector>

#include "i18n/tr.h"
#include "platform/backend_context.h"
#include "platform/busy_source.h"
#include "platform/x11_connection.h"

// Xlib last: its macros (Status, None, ...) would break the headers above.
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#undef Status

namespace unsit {
namespace {

class X11FullscreenSource : public BusySource {
 public:
  explicit X11FullscreenSource(std::unique_ptr<X11Connection> x) : x_(std::move(x)) {
    Display* display = x_->display();
    root_ = DefaultRootWindow(display);
    active_atom_ = XInternAtom(display, "_NET_ACTIVE_WINDOW", False);
    state_atom_ = XInternAtom(display, "_NET_WM_STATE", False);
    fullscreen_atom_ = XInternAtom(display, "_NET_WM_STATE_FULLSCREEN", False);
  }
  std::string_view Name() const override { return "x11-fullscreen"; }
  std::string_view Watches() const override {
    return TrNoop("_NET_WM_STATE_FULLSCREEN of the _NET_ACTIVE_WINDOW");
  }

  void Start(Callback callback) override {
    report_.SetCallback(std::move(callback));
    if (Display* display = x_->display()) XSelectInput(display, root_, PropertyChangeMask);
    x_->Watch([this] { Drain(); });
    Follow();
  }

 private:
  // Moves the watch to the window now active and reads its state.
  void Follow() {
    Display* display = x_->display();
    if (display == nullptr) return Report(false);
    const Window active = ReadActive(display);
    if (active != active_) {
      // A window that is gone answers BadWindow, which the quiet handler drops.
      if (active_ != None) XSelectInput(display, active_, NoEventMask);
      if (active != None) XSelectInput(display, active, PropertyChangeMask);
      active_ = active;
    }
    Report(active_ != None && IsFullscreen(display, active_));
    x_->PostDrain();  // the round trips may have queued events
  }

  // The 32-bit items of `window`'s property `atom` of `type` (at most `most`);
  // empty when it is not set or the window is gone.
  static std::vector<unsigned long> ReadItems(Display* display, Window window, Atom atom, Atom type,
                                              long most) {
    Atom actual = None;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    std::vector<unsigned long> items;
    if (XGetWindowProperty(display, window, atom, 0, most, False, type, &actual, &format, &count,
                           &after, &data) == Success &&
        data != nullptr && format == 32) {
      const auto* longs = reinterpret_cast<unsigned long*>(data);
      items.assign(longs, longs + count);
    }
    if (data != nullptr) XFree(data);
    return items;
  }

  Window ReadActive(Display* display) const {
    std::vector<unsigned long> items = ReadItems(display, root_, active_atom_, XA_WINDOW, 1);
    return items.empty() ? None : static_cast<Window>(items[0]);
  }

  bool IsFullscreen(Display* display, Window window) const {
    std::vector<unsigned long> atoms = ReadItems(display, window, state_atom_, XA_ATOM, 64);
    return std::find(atoms.begin(), atoms.end(), fullscreen_atom_) != atoms.end();
  }

  void Drain() {
    Display* display = x_->display();
    bool changed = false;
    while (display != nullptr && XPending(display) > 0) {
      XEvent event;
      XNextEvent(display, &event);
      if (event.type != PropertyNotify) continue;
      const XPropertyEvent& property = event.xproperty;
      changed |= (property.window == root_ && property.atom == active_atom_) ||
                 (property.window == active_ && property.atom == state_atom_);
      display = x_->display();
    }
    if (x_->lost()) return Report(false);
    if (changed) Follow();
  }

  void Report(bool fullscreen) { report_.Report(fullscreen); }

  std::unique_ptr<X11Connection> x_;
  OneReasonReport report_{HoldReason::kFullscreen};
  Window root_ = None;
  Window active_ = None;
  Atom active_atom_ = None;
  Atom state_atom_ = None;
  Atom fullscreen_atom_ = None;
};

}  // namespace

Result<std::unique_ptr<BusySource>> MakeX11FullscreenBusySource(const PlatformContext& context) {
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  if (wayland != nullptr && *wayland != '\0') {
    return Error{errc::kUnavailable, TrNoop("a Wayland session: X11 sees only XWayland's windows")};
  }
  auto x = X11Connection::Open(context.io);
  if (!x) return x.error();
  return std::unique_ptr<BusySource>(std::make_unique<X11FullscreenSource>(std::move(*x)));
}

}  // namespace unsit
