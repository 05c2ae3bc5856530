#include "core/tray_view.h"

#include <array>

namespace unsit {
namespace {

using std::chrono::minutes;

TrayState StateOf(const Snapshot& s) {
  if (s.reminder_open) return TrayState::kDue;
  if (s.paused || s.quiet_until) return TrayState::kMuted;
  if (s.reminder_held || !s.held_by.empty()) return TrayState::kHeld;
  if (s.state == State::kAway) return TrayState::kAway;
  if (s.state == State::kStanding) return TrayState::kStanding;
  return TrayState::kSitting;
}

// From the bout's first moment ("0m"), so that its first minute is counted too.
bool ShowsMinutes(const Snapshot& s) { return s.state == State::kSitting; }

struct Rgb {
  std::uint8_t r, g, b;
};

Rgb ColourOf(TrayState state) {
  switch (state) {
    case TrayState::kDue:
      return {0xe0, 0x7b, 0x39};
    case TrayState::kMuted:
      return {0x8a, 0x8a, 0x8a};
    case TrayState::kHeld:
      return {0x7b, 0x5e, 0xa7};
    case TrayState::kAway:
      return {0x62, 0xa8, 0x6b};
    case TrayState::kStanding:
      return {0x2a, 0x9d, 0x8f};
    case TrayState::kSitting:
      break;
  }
  return {0x4a, 0x78, 0xb5};
}

}  // namespace

TrayView TrayViewOf(const Snapshot& status) {
  TrayView view;
  view.state = StateOf(status);
  view.status = view.state == TrayState::kDue     ? "NeedsAttention"
                : view.state == TrayState::kMuted ? "Passive"
                                                  : "Active";
  if (ShowsMinutes(status)) {
    view.label = std::to_string(std::chrono::duration_cast<minutes>(status.bout).count()) + "m";
  }
  view.tooltip_title = "unsit";
  view.reminder_open = status.reminder_open;
  view.paused = status.paused;
  view.standing = status.state == State::kStanding;
  return view;
}

std::optional<BootTime> NextTrayRefresh(const Snapshot& status, BootTime now) {
  // Idle (reported after IdleProbe) the label stays as it is: the next event
  // (input, or the break) updates it, so nothing wakes while the user is gone.
  if (!ShowsMinutes(status) || status.idle_for) return std::nullopt;
  Duration into_minute = status.bout % minutes(1);
  return now + (minutes(1) - into_minute);
}

std::vector<std::uint8_t> TrayPixmap(TrayState state, int size) {
  std::vector<std::uint8_t> pixels;
  pixels.reserve(static_cast<std::size_t>(size * size * 4));
  Rgb fill = ColourOf(state);
  double centre = (size - 1) / 2.0;
  double outer = size / 2.0;
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      double dx = x - centre;
      double dy = y - centre;
      double r2 = dx * dx + dy * dy;
      bool inside = r2 <= outer * outer;
      bool ring = inside && r2 > (outer - 1.5) * (outer - 1.5);
      Rgb c = ring ? Rgb{0xff, 0xff, 0xff} : fill;
      std::array<std::uint8_t, 4> argb{static_cast<std::uint8_t>(inside ? 0xff : 0), c.r, c.g, c.b};
      pixels.insert(pixels.end(), argb.begin(), argb.end());
    }
  }
  return pixels;
}

const char* ToString(TrayState state) {
  switch (state) {
    case TrayState::kDue:
      return "due";
    case TrayState::kMuted:
      return "muted";
    case TrayState::kHeld:
      return "held";
    case TrayState::kAway:
      return "away";
    case TrayState::kStanding:
      return "standing";
    case TrayState::kSitting:
      break;
  }
  return "sitting";
}

}  // namespace unsit
