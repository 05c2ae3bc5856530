#include "platform/pipewire_node_class.h"

#include <cstring>

namespace unsit {

std::optional<HoldReason> ClassifyPipewireNode(const PipewireProps& props) {
  auto is = [&props](const char* key, const char* value) {
    const char* found = props(key);
    return found != nullptr && std::strcmp(found, value) == 0;
  };
  if (is("media.class", "Stream/Input/Audio")) {
    // records an output; spa_atob's true: "true" or "1"
    if (is("stream.capture.sink", "true") || is("stream.capture.sink", "1")) return std::nullopt;
    return HoldReason::kCall;
  }
  if (is("media.class", "Video/Source")) {
    if (is("media.role", "Camera") || is("device.api", "v4l2") || is("device.api", "libcamera")) {
      return HoldReason::kCall;
    }
    return HoldReason::kScreencast;
  }
  return std::nullopt;
}

}  // namespace unsit
