#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace unsit::protocol {

// Wall times on the wire: ISO 8601 in UTC to the second, "2026-11-21T09:30:00Z".
std::string FormatIsoUtc(WallTime time);

// Reads what FormatIsoUtc writes (a trailing "Z" is required); nullopt otherwise.
std::optional<WallTime> ParseIsoUtc(std::string_view text);

}  // namespace unsit::protocol
