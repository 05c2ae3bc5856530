#pragma once

#include <memory>

#include "platform/sound_player.h"

namespace unsit {

class GlibThread;

// Plays through libcanberra, which is dlopen'ed (libcanberra.so.0) at the first
// Play, not linked: a daemon whose notification server plays the sound never
// maps it. Each Play makes a libcanberra context (which connects to the sound
// server and starts its thread) and the context is destroyed on `glib` when the
// sound has ended, or at the next Play, so nothing of it runs between
// reminders. The library stays mapped once loaded. Built when <canberra.h> was
// found (platform/sound.cmake).
std::unique_ptr<SoundPlayer> MakeCanberraPlayer(GlibThread& glib);

}  // namespace unsit
