#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/config.h"
#include "core/result.h"

namespace unsit {

// Plays the reminder's sound in the daemon itself, for notification servers
// without the `sound` capability (dunst, mako). One backend per file
// (sound_canberra.cc), built when its header was found; the notifier factory
// makes it and hands it to the notifier, which calls it on the GLib thread.
//
// Contract: nothing is loaded, connected or started before the first Play; a
// Play returns at once (the sound goes on by itself) and leaves no thread,
// timer or connection once the sound has ended.
class SoundPlayer {
 public:
  virtual ~SoundPlayer() = default;
  virtual std::string_view Name() const = 0;
  // Starts playing `sound` (a theme name or a file; never kNone). GLib thread
  // only. The error says why nothing plays, in words for `doctor`: the library
  // is missing, no sound server answers, the sound is not found.
  virtual Status Play(const NotifySound& sound) = 0;
};

// Where a theme sound would be found, as libcanberra looks for it by default:
// `sounds/freedesktop/stereo/NAME.{oga,ogg,wav}` under $XDG_DATA_HOME (or
// ~/.local/share) and each of $XDG_DATA_DIRS (or /usr/local/share:/usr/share),
// for NAME and each shorter name left by cutting at its last '-'
// ("message-new-instant", "message-new", "message"). Empty when none is found.
// Reads the file system only.
std::string FindThemeSound(std::string_view name);

}  // namespace unsit
