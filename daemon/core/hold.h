#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace unsit {

// Why the user is busy, so that a due reminder waits: Do Not Disturb, a call (a
// camera or microphone in use), sharing the screen, a fullscreen window.
enum class HoldReason : std::uint8_t { kDnd, kCall, kScreencast, kFullscreen };
inline constexpr HoldReason kAllHoldReasons[] = {HoldReason::kCall, HoldReason::kScreencast,
                                                 HoldReason::kFullscreen, HoldReason::kDnd};

// A set of reasons (a small bit set; the empty set is "free").
class HoldReasons {
 public:
  constexpr HoldReasons() = default;
  constexpr HoldReasons(std::initializer_list<HoldReason> reasons) {
    for (HoldReason reason : reasons) Add(reason);
  }
  constexpr void Add(HoldReason reason) { bits_ = static_cast<std::uint8_t>(bits_ | Bit(reason)); }
  constexpr void Remove(HoldReason reason) {
    bits_ = static_cast<std::uint8_t>(bits_ & ~Bit(reason));
  }
  constexpr bool Has(HoldReason reason) const { return (bits_ & Bit(reason)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr HoldReasons operator&(HoldReasons other) const {
    return FromBits(static_cast<std::uint8_t>(bits_ & other.bits_));
  }
  constexpr HoldReasons operator|(HoldReasons other) const {
    return FromBits(static_cast<std::uint8_t>(bits_ | other.bits_));
  }
  constexpr bool operator==(const HoldReasons&) const = default;

 private:
  static constexpr std::uint8_t Bit(HoldReason reason) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(reason));
  }
  static constexpr HoldReasons FromBits(std::uint8_t bits) {
    HoldReasons reasons;
    reasons.bits_ = bits;
    return reasons;
  }
  std::uint8_t bits_ = 0;
};

// "dnd", "call", "screencast", "fullscreen".
const char* ToString(HoldReason reason);
std::optional<HoldReason> ParseHoldReason(std::string_view text);
// The names joined by "," in the order of kAllHoldReasons ("call,dnd"); "" for none.
std::string JoinHoldReasons(HoldReasons reasons);

}  // namespace unsit
