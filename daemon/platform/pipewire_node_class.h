// What a PipeWire node says about the user while it runs, from its
// properties alone: pure, so it is tested without a PipeWire.
#pragma once

#include <functional>
#include <optional>

#include "core/hold.h"

namespace unsit {

// A node's property by key ("media.class", ...); nullptr when it has none.
using PipewireProps = std::function<const char*(const char* key)>;

// A capture stream (media.class Stream/Input/Audio) is a call unless it
// records an output: a sink's monitor, which PipeWire marks with
// stream.capture.sink = true (pipewire-pulse sets it for `parecord
// --device=SINK.monitor`; it is in the node's info props, not in the
// registry's). A camera (Video/Source of a v4l2 or libcamera device, or
// media.role Camera) is a call; any other Video/Source is a screen cast.
// nullopt: the node says nothing.
std::optional<HoldReason> ClassifyPipewireNode(const PipewireProps& props);

}  // namespace unsit
