#include "core/hold.h"

namespace unsit {

const char* ToString(HoldReason reason) {
  switch (reason) {
    case HoldReason::kDnd:
      return "dnd";
    case HoldReason::kCall:
      return "call";
    case HoldReason::kScreencast:
      return "screencast";
    case HoldReason::kFullscreen:
      return "fullscreen";
  }
  return "unknown";
}

std::optional<HoldReason> ParseHoldReason(std::string_view text) {
  for (HoldReason reason : kAllHoldReasons) {
    if (text == ToString(reason)) return reason;
  }
  return std::nullopt;
}

std::string JoinHoldReasons(HoldReasons reasons) {
  std::string joined;
  for (HoldReason reason : kAllHoldReasons) {
    if (!reasons.Has(reason)) continue;
    if (!joined.empty()) joined += ',';
    joined += ToString(reason);
  }
  return joined;
}

}  // namespace unsit
