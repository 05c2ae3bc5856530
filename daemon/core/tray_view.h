#pragma once

// What the panel indicator shows, derived from the model's status. Pure: the
// platform adapter (platform/tray_sni.h) only publishes it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace unsit {

// The indicator's state, most urgent first: a reminder on screen, reminders
// muted (a pause or quiet hours), a reminder held until the user is back, away
// (on a break), standing, sitting.
enum class TrayState { kDue, kMuted, kHeld, kAway, kStanding, kSitting };

struct TrayView {
  TrayState state = TrayState::kAway;
  // StatusNotifierItem Status: NeedsAttention while a reminder is open,
  // Passive while muted, else Active.
  std::string status;
  std::string label;           // the minutes sitting ("42m"); empty when not sitting
  std::string tooltip_title;   // "unsit"
  std::string tooltip_body;    // the full status in words: left empty here, the
                               // shell fills it (i18n/tray_text.h TrayTooltip)
  bool reminder_open = false;  // I'm up, Snooze and Skip apply
  bool paused = false;         // Resume applies
  bool standing = false;       // the Standing check box

  bool operator==(const TrayView&) const = default;
};

TrayView TrayViewOf(const Snapshot& status);

// When the label changes next without any event: the next whole minute of the
// bout while it shows minutes sitting and no idle is reported; nullopt
// otherwise (no refresh at all).
std::optional<BootTime> NextTrayRefresh(const Snapshot& status, BootTime now);

// The icon of `state` as StatusNotifierItem IconPixmap data: `size`×`size`
// ARGB32 pixels in network byte order (a filled disc in the state's colour
// with a light ring), so every host shows it without an icon theme.
std::vector<std::uint8_t> TrayPixmap(TrayState state, int size);

const char* ToString(TrayState state);

}  // namespace unsit
