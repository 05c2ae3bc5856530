#include "protocol/wire_time.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace unsit::protocol {

std::string FormatIsoUtc(WallTime time) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  std::time_t t = static_cast<std::time_t>(seconds.time_since_epoch().count());
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return "1970-01-01T00:00:00Z";
  char buffer[32];
  std::size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buffer, n);
}

std::optional<WallTime> ParseIsoUtc(std::string_view text) {
  if (text.size() != 20 || text[19] != 'Z') return std::nullopt;
  std::string copy(text);
  std::tm tm{};
  const char* end = strptime(copy.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  std::time_t t = timegm(&tm);
  return WallTime(std::chrono::seconds(t));
}

}  // namespace unsit::protocol
