#pragma once

#include <string>
#include <string_view>

#include "core/config.h"

namespace unsit {

// How the reminder's sound reaches the user, decided at each show from what
// the notification server said it can do.
struct SoundPlan {
  enum class Way {
    kNone,    // notify.sound: none
    kHint,    // the server plays it: the `hint` is set to the sound's name or path
    kPlay,    // the server cannot: the daemon's SoundPlayer plays it
    kSilent,  // the server cannot and no player is built in
  };
  Way way = Way::kNone;
  const char* hint = nullptr;  // "sound-name" or "sound-file" for kHint
  std::string description;     // for `doctor`: how the reminder sounds
  std::string problem;         // for `doctor`: why it cannot sound; empty when it can
};

// `server_has_sound`: the server's capabilities include "sound". `player`: the
// name of the daemon's player, empty when none is built in. Pure: whether the
// sound exists is CheckSoundExists's business.
SoundPlan PlanSound(const NotifySound& sound, bool server_has_sound, std::string_view player);

// For a plan the daemon plays: the problem when the theme sound or the file
// cannot be found (looked up the way libcanberra would), else empty. Reads the
// file system, loads nothing.
std::string CheckSoundExists(const NotifySound& sound);

}  // namespace unsit
