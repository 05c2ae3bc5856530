#pragma once

// Helpers for the X11 backend tests: a private Xvfb on a display it picks
// itself, and the CPU time the test process used. Child processes and RunUntil
// are in tests/support.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "support/child.h"

namespace unsit::test_support {

// A private Xvfb (-displayfd, -noreset); sets DISPLAY for this process.
class Xvfb {
 public:
  static std::optional<Xvfb> Start();
  const std::string& display() const { return display_; }
  void Kill() { child_.Stop(9); }
  // xdotool on this display.
  int Xdotool(const std::vector<std::string>& args) const;

 private:
  Child child_;
  std::string display_;
};

// CPU time (user + system) this process used so far.
std::chrono::milliseconds ProcessCpuTime();

}  // namespace unsit::test_support
