#pragma once

#include <string>

// `unsit report`: a picture of the last days, from the history file.
namespace unsit::cli {

// Writes `base`.svg and `base`.html for the last `days` history days (today
// included), read straight from the history database, so it works whether or
// not the daemon runs. Says on stdout what it wrote; returns the exit code
// (1 when the history cannot be read or a file cannot be written).
int WriteReport(int days, const std::string& base);

}  // namespace unsit::cli
