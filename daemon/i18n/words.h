// Helpers that turn values into words in the user's language. What they
// return is for people only: never parse it, never put it in JSON keys, the
// protocol or a config file.
#ifndef UNSIT_I18N_WORDS_H_
#define UNSIT_I18N_WORDS_H_

#include <string>

#include "core/result.h"
#include "core/time.h"

namespace unsit {

// printf into a std::string, for a translated format:
// FormatText(TrN("%d break", "%d breaks", n), n). Translations may reorder the
// arguments with "%2$s"; msgfmt --check-format holds them to the same types.
std::string FormatText(const char* format, ...) __attribute__((format(printf, 1, 2)));

// An Error a person may read: its message is `format` filled in as written
// (English: JSON, the log), its text the same through the catalogue. Mark the
// format with TrNoop where it is written, so that it is extracted.
Error ErrorWithText(std::string code, const char* format, ...)
    __attribute__((format(printf, 2, 3)));
// The same around an error from below: `format` has one %s, filled with the
// inner error's message (for `message`) and with its ErrorText (for `text`).
Error WrapError(std::string code, const char* format, const Error& inner);
// An error for people: its text, or else its message through the catalogue (a
// TrNoop-marked message is translated, any other comes back as it is).
std::string ErrorText(const Error& error);

// A duration for people in the locale's words: "1 h 02 min", "45 min", "30 s"
// in English (whole minutes and seconds, rounded down; never negative).
std::string HumanDuration(Duration d);
// The same for a number of seconds, as the protocol carries them.
std::string HumanSeconds(long long seconds);

// A local clock time ("14:30", or "2:30 PM" where the locale says so) for a
// wall-clock instant given as seconds since the epoch.
std::string LocalClockOf(long long epoch_seconds);

}  // namespace unsit

#endif  // UNSIT_I18N_WORDS_H_
