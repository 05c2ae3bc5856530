#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/time.h"
#include "protocol/protocol.h"

// Lenient, non-throwing reads of the daemon's JSON: a missing or mistyped field
// reads as the fallback, so a newer or older daemon never crashes the CLI.
namespace unsit::cli {

inline long long Int(const protocol::Json& j, const char* key, long long fallback = 0) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<long long>() : fallback;
}

inline std::optional<long long> OptInt(const protocol::Json& j, const char* key) {
  if (!j.is_object()) return std::nullopt;
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<long long>();
}

inline bool Bool(const protocol::Json& j, const char* key) {
  if (!j.is_object()) return false;
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

inline std::string Str(const protocol::Json& j, const char* key, std::string fallback = "") {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

inline const protocol::Json& Field(const protocol::Json& j, const char* key) {
  static const protocol::Json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it != j.end() ? *it : kNull;
}

inline Duration Secs(long long seconds) { return std::chrono::seconds(seconds); }

}  // namespace unsit::cli
