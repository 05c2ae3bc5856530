// unsit: the command-line client of unsitd (see unsit(1)). Parses the verb,
// sends one request over the control socket and prints the result for people
// (default) or as JSON (--json). Blocking POSIX I/O only: it must start fast.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "client.h"
#include "commands.h"
#include "core/duration.h"
#include "i18n/cli_help.h"
#include "i18n/locale.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "protocol/paths.h"
#include "unsit/version.h"

namespace unsit::cli {
namespace {

// A duration longer than zero and at most `max` (what the daemon accepts), so
// that a wrong one is a usage error (exit 2) as unsit(1) says.
CLI::Validator DurationUpTo(Duration max) {
  return CLI::Validator(
      [max](std::string& text) {
        auto d = ParseDuration(text);
        if (!d) return std::string(Tr("expected a duration such as 90s, 15m or 1h30m"));
        if (d->count() <= 0) return std::string(Tr("the duration must be longer than zero"));
        // TRANSLATORS: %s is the longest duration accepted, e.g. "1d".
        if (*d > max)
          return FormatText(Tr("the duration must be at most %s"), FormatDuration(max).c_str());
        return std::string();
      },
      "DURATION");
}

void Verb(CLI::App& app, const VerbSpec& spec) {
  CLI::App* verb = app.add_subcommand(spec.name, Tr(spec.description))
                       ->group(Tr("Subcommands"))
                       ->footer(std::string(Tr("Example:")) + "\n  " + spec.example);
  LocalizeSubcommandHelp(*verb);
}

// --format of status and watch: plain (the default), json (the same as
// --json) or waybar. `human`, the name unsit 0.1.0 documented for plain, is
// still accepted but no longer offered (the help and the completions list the
// three names only).
void AddFormat(CLI::App* verb, std::string& format) {
  verb->add_option("--format", format,
                   Tr("plain (default), json (the same as --json) or waybar (custom-module JSON)"))
      ->check(CLI::IsMember({"plain", "json", "waybar"}))
      // A transform runs before every check and, without a description, is not shown.
      ->transform(
          [](std::string value) { return value == "human" ? std::string("plain") : value; });
}

// --days of history and report.
void AddDays(CLI::App* verb, int& days) {
  // TRANSLATORS: %d is the most days that can be asked for.
  verb->add_option("--days", days,
                   FormatText(Tr("How many days, today included (1-%d, default 7)"),
                              protocol::kMaxHistoryDays))
      ->check(CLI::Range(1, protocol::kMaxHistoryDays));
}

// A subcommand for every verb of Verbs(), then the options of those that take any.
void DefineVerbs(CLI::App& app, Options& o) {
  for (const VerbSpec& spec : Verbs()) Verb(app, spec);
  AddFormat(app.get_subcommand("status"), o.format);
  CLI::App* history = app.get_subcommand("history");
  AddDays(history, o.days);
  history->add_flag("--csv", o.csv, Tr("Comma-separated values, one row per day"));
  CLI::App* report = app.get_subcommand("report");
  AddDays(report, o.days);
  report->add_option("--output", o.output,
                     Tr("Writes OUTPUT.svg and OUTPUT.html (default: unsit-report in this "
                        "directory)"));
  app.get_subcommand("snooze")
      ->add_option("duration", o.duration, Tr("How long, e.g. 15m"))
      ->check(DurationUpTo(protocol::kMaxSnooze));
  app.get_subcommand("pause")
      ->add_option("duration", o.duration, Tr("How long, e.g. 45m; none: until `unsit resume`"))
      ->check(DurationUpTo(protocol::kMaxPause));
  app.get_subcommand("standing")
      ->add_option("state", o.standing, Tr("on or off"))
      ->required()
      ->check(CLI::IsMember({"on", "off"}));
  AddFormat(app.get_subcommand("watch"), o.format);
}

int Main(int argc, char** argv) {
  InitLocale();
  Options o;
  CLI::App app{Tr("unsit - talk to unsitd, which reminds you to stand up, walk and stretch.")};
  app.name("unsit");
  LocalizeHelp(app);
  app.fallthrough();             // global options also after the verb: `unsit status --json`
  app.require_subcommand(0, 1);  // none only with --version (checked below)
  app.add_flag("--json", o.json, Tr("Print the result object as JSON"));
  app.add_flag("--version", o.version,
               Tr("Print the versions of unsit, unsitd and the protocol (as `unsit version`)"));
  app.add_option("--socket", o.socket,
                 Tr("Control socket (default: $XDG_RUNTIME_DIR/unsit/control.sock)"));
  app.footer(
      Tr("Exit codes: 0 ok, 1 the daemon refused, 2 usage, 3 daemon not running, "
         "4 protocol mismatch.\nSee unsit(1)."));
  DefineVerbs(app, o);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (!o.version && app.get_subcommands().empty()) {
    app.exit(CLI::RequiredError("A subcommand"));  // CLI11's own message, as for other usage errors
    return kExitUsage;
  }
  if (o.socket.empty()) {
    // The /tmp fallback may have been made by someone else, who would answer.
    const protocol::RuntimeDir dir = protocol::DefaultRuntimeDir();
    if (Status safe = protocol::CheckPrivateDir(dir.dir, geteuid());
        !dir.warning.empty() && !safe) {
      // TRANSLATORS: %s says what is wrong with the directory.
      std::cerr << FormatText(Tr("unsit: not using the daemon's socket: %s"),
                              safe.error().message.c_str())
                << "\n";
      return kExitUnreachable;
    }
    o.socket = protocol::SocketPathIn(dir.dir);
  }
  // --version is the `version` verb, whatever else the line names.
  std::string verb = o.version ? "version" : app.get_subcommands().front()->get_name();
  for (const VerbSpec& spec : Verbs()) {
    if (verb == spec.name) return spec.action(o);
  }
  return kExitUsage;  // not reached: CLI11 accepts only the verbs defined above
}

}  // namespace
}  // namespace unsit::cli

int main(int argc, char** argv) {
  try {
    return unsit::cli::Main(argc, argv);
  } catch (const std::exception& e) {  // last resort: a bug, not a usage error
    std::cerr << unsit::FormatText(unsit::Tr("unsit: internal error: %s"), e.what()) << "\n";
    return unsit::cli::kExitRefused;
  }
}
