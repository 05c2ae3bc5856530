#pragma once

#include <cstdlib>
#include <map>
#include <optional>
#include <string>

namespace unsit::test_support {

// Environment variables changed for the life of the object: every variable it
// set or removed gets its old value (or absence) back when it is destroyed.
class ScopedEnv {
 public:
  ScopedEnv() = default;
  // Sets `name` to `value`, or removes it given nullopt.
  ScopedEnv(const std::string& name, const std::optional<std::string>& value) {
    if (value) {
      Set(name, *value);
    } else {
      Unset(name);
    }
  }
  ~ScopedEnv() {
    for (const auto& [name, old] : saved_) {
      if (old) {
        ::setenv(name.c_str(), old->c_str(), 1);
      } else {
        ::unsetenv(name.c_str());
      }
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

  void Set(const std::string& name, const std::string& value) {
    Remember(name);
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  void Unset(const std::string& name) {
    Remember(name);
    ::unsetenv(name.c_str());
  }

 private:
  // Keeps the value from before the first change only.
  void Remember(const std::string& name) {
    if (saved_.count(name) != 0) return;
    const char* old = std::getenv(name.c_str());
    saved_[name] = old != nullptr ? std::optional<std::string>(old) : std::nullopt;
  }

  std::map<std::string, std::optional<std::string>> saved_;
};

}  // namespace unsit::test_support
