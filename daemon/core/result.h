#pragma once

#include <string>
#include <utility>
#include <variant>

#include "core/error_codes.h"

namespace unsit {

// An error as a value: a stable machine-readable code and a sentence for people.
struct Error {
  std::string code;     // one of core/error_codes.h (errc::kConfig, ...)
  std::string message;  // complete sentence; says what to do next where it can
  // The message in the user's language where it carries a detail (a path, a
  // name) that a reader could not look up in the catalogue; empty otherwise.
  // Made by i18n's ErrorWithText; `message` stays English (JSON, the log).
  std::string text = {};
};

// Either a T or an Error. Errors are values inside unsit; exceptions stop at the
// adapter that calls a throwing library.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Success or an Error, for calls that return nothing else.
struct Ok {};
using Status = Result<Ok>;

}  // namespace unsit
