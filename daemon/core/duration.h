#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace unsit {

// Parses "90s", "5m", "1h30m", "2d", "250ms" (units: ms s m h d, each at most once,
// largest first). Whitespace, signs, decimals and unknown units are rejected:
// nullopt. "0s" parses to zero; callers decide whether zero is allowed.
std::optional<Duration> ParseDuration(std::string_view text);

// The canonical form that ParseDuration reads back: "1h30m", "45s", "0s".
std::string FormatDuration(Duration d);

// For people: "1 h 02 min", "45 min", "30 s".
std::string FormatHuman(Duration d);

}  // namespace unsit
