#include "i18n/words.h"

#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <utility>

#include "i18n/tr.h"

namespace unsit {

namespace {
// vsnprintf into a std::string; `args` is used up.
__attribute__((format(printf, 1, 0))) std::string VFormat(const char* format, std::va_list args) {
  std::va_list again;
  va_copy(again, args);
  const int size = std::vsnprintf(nullptr, 0, format, args);
  std::string text;
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size) + 1);
    std::vsnprintf(text.data(), text.size(), format, again);
    text.resize(static_cast<std::size_t>(size));
  }
  va_end(again);
  return text;
}
}  // namespace

std::string FormatText(const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  std::string text = VFormat(format, args);
  va_end(args);
  return text;
}

Error ErrorWithText(std::string code, const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  std::va_list again;
  va_copy(again, args);
  Error error{std::move(code), VFormat(format, args)};
  error.text = VFormat(Tr(format), again);
  va_end(again);
  va_end(args);
  return error;
}

Error WrapError(std::string code, const char* format, const Error& inner) {
  Error error{std::move(code), FormatText(format, inner.message.c_str())};
  error.text = FormatText(Tr(format), ErrorText(inner).c_str());
  return error;
}

std::string ErrorText(const Error& error) {
  if (!error.text.empty()) return error.text;
  return error.message.empty() ? std::string() : Tr(error.message.c_str());
}

std::string HumanDuration(Duration d) {
  using std::chrono::duration_cast;
  if (d < Duration::zero()) d = Duration::zero();
  const auto hours = static_cast<int>(duration_cast<std::chrono::hours>(d).count());
  const auto minutes = static_cast<int>(duration_cast<std::chrono::minutes>(d).count() % 60);
  if (hours > 0) {
    // TRANSLATORS: hours and minutes, abbreviated; %02d keeps two digits.
    return FormatText(TrC("duration", "%d h %02d min"), hours, minutes);
  }
  if (minutes > 0) return FormatText(TrC("duration", "%d min"), minutes);
  const auto seconds = static_cast<int>(duration_cast<std::chrono::seconds>(d).count());
  return FormatText(TrC("duration", "%d s"), seconds);
}

std::string HumanSeconds(long long seconds) { return HumanDuration(std::chrono::seconds(seconds)); }

std::string LocalClockOf(long long epoch_seconds) {
  const auto t = static_cast<std::time_t>(epoch_seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buffer[64];
  // xgettext:no-c-format
  // TRANSLATORS: a clock time as strftime(3) writes it; %H:%M is 24-hour.
  const std::size_t n = std::strftime(buffer, sizeof buffer, TrC("clock", "%H:%M"), &tm);
  return std::string(buffer, n);
}

}  // namespace unsit
