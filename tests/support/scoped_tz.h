#pragma once

#include <cstdlib>
#include <ctime>
#include <string>

namespace unsit::test_support {

// Sets the process time zone (TZ) for a scope and restores the old value at its
// end. Tests that compute local days run under a named zone, never the machine's.
class ScopedTz {
 public:
  ScopedTz() {
    const char* old = std::getenv("TZ");
    had_ = old != nullptr;
    if (had_) old_ = old;
  }
  explicit ScopedTz(const std::string& zone) : ScopedTz() { Set(zone); }
  ~ScopedTz() {
    if (had_) {
      setenv("TZ", old_.c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }
  ScopedTz(const ScopedTz&) = delete;
  ScopedTz& operator=(const ScopedTz&) = delete;

  // Changes TZ now; the scope that saved it still restores it.
  static void Set(const std::string& zone) {
    setenv("TZ", zone.c_str(), 1);
    tzset();
  }

 private:
  bool had_ = false;
  std::string old_;
};

}  // namespace unsit::test_support
