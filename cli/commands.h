#pragma once

#include <functional>
#include <map>
#include <string>

// What each verb of unsit(1) does once the command line is parsed.
namespace unsit::cli {

// The parsed command line; the fields a verb does not use keep their defaults.
struct Options {
  bool json = false;
  bool version = false;          // --version: run the `version` verb
  std::string socket;            // resolved: --socket or the default path
  std::string format = "plain";  // status and watch: plain | json | waybar
  int days = 7;
  bool csv = false;
  std::string duration;  // snooze/pause; empty: the default
  std::string standing;  // on | off
  // report: writes OUTPUT.svg and OUTPUT.html
  std::string output = "unsit-report";
};

// Runs one verb and returns the exit code (unsit(1)).
using Action = std::function<int(const Options&)>;
// Verb name -> action, for every verb main.cc defines.
std::map<std::string, Action> Actions();

}  // namespace unsit::cli
