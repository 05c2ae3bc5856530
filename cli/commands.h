#pragma once

#include <functional>
#include <string>
#include <vector>

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

// One verb of unsit(1): its name, its line in --help, an example, what it does.
struct VerbSpec {
  const char* name;
  const char* description;
  const char* example;
  Action action;
};

// Every verb, in the order --help lists them: the one list of the CLI's verbs.
// main.cc makes a subcommand of each and adds the options of those that take any.
const std::vector<VerbSpec>& Verbs();

}  // namespace unsit::cli
