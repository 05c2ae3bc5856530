// unsitd: parses the command line, sets up logging, takes the single-instance
// lock and runs the io_context loop until SIGTERM/SIGINT. SIGHUP reloads.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <malloc.h>

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "config/config_loader.h"
#include "control/instance_lock.h"
#include "core/duration.h"
#include "daemon.h"
#include "i18n/cli_help.h"
#include "i18n/locale.h"
#include "i18n/tr.h"
#include "i18n/words.h"
#include "platform/idle_factory.h"
#include "platform/service_notify.h"
#include "protocol/paths.h"
#include "storage/history_reader.h"
#include "unsit/version.h"

namespace unsit {
namespace {

// Exit status when another unsitd already runs for this user, so a service
// manager can tell it from a crash (RestartPreventExitStatus=).
constexpr int kExitAlreadyRunning = 3;

struct Flags {
  std::optional<std::string> config;
  std::string log_level = "info";
  std::optional<std::string> idle_backend;
  std::optional<std::string> notifier;
  std::optional<std::string> check_config;
  bool check = false;
  bool autostart = false;
};

// Under systemd (JOURNAL_STREAM set) the journal stamps each line itself.
void SetUpLogging(const std::string& level) {
  auto logger = spdlog::stderr_logger_mt("unsitd");
  logger->set_pattern(getenv("JOURNAL_STREAM") != nullptr ? "%l: %v"
                                                          : "%Y-%m-%d %H:%M:%S.%e %l: %v");
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(logger);
}

int CheckConfig(const Flags& flags) {
  std::optional<std::string> path = flags.check_config;
  if (!path || path->empty()) path = flags.config;
  auto loaded = LoadConfig(path);
  if (!loaded.ok()) {
    std::cerr << loaded.error().message << "\n";
    return 1;
  }
  if (loaded->source.empty()) {
    std::cout << Tr("no config file; built-in defaults are valid") << "\n";
  } else {
    // TRANSLATORS: %s is the config file's path.
    std::cout << FormatText(Tr("%s: valid"), loaded->source.c_str()) << "\n";
  }
  return 0;
}

int Run(const Flags& flags) {
  auto runtime = protocol::ResolveRuntimeDir();
  if (!runtime.ok()) {
    spdlog::critical("{}", runtime.error().message);
    return 1;
  }
  if (!runtime->warning.empty()) spdlog::warn("{}", runtime->warning);
  auto lock = AcquireInstanceLock(runtime->dir);
  if (!lock.ok()) {
    const bool running = lock.error().code == errc::kRunning;
    if (running && flags.autostart) return 0;  // the running one (e.g. the unit) is enough
    spdlog::critical("{}", lock.error().message);
    return running ? kExitAlreadyRunning : 1;  // a lock that cannot be taken is a failure
  }

  auto loaded = LoadConfig(flags.config);
  std::string config_problem;
  Config config;
  if (loaded.ok()) {
    config = std::move(loaded.value());
    spdlog::info(
        "config: {}; sit_limit {}, break_after {}, up_min_break {}, remind_every {}, "
        "snooze {}",
        config.source.empty() ? "built-in defaults (no " + DefaultConfigPath() + ")"
                              : config.source,
        FormatHuman(config.sit_limit), FormatHuman(config.break_after),
        FormatHuman(config.up_min_break), FormatHuman(config.remind_every),
        FormatHuman(config.snooze));
  } else {
    config_problem = loaded.error().message;
    spdlog::error("{}; running with the built-in defaults until it is fixed", config_problem);
  }

  DaemonOptions options;
  options.config_path = flags.config;
  options.idle_backend = flags.idle_backend;
  options.notifier = flags.notifier;
  options.history_path = DefaultHistoryPath();
  std::string socket_path = lock->socket_path();

  boost::asio::io_context io(1);
  Daemon daemon(io, options, std::move(config), config_problem, std::move(lock.value()));
  if (auto started = daemon.Start(); !started.ok()) {
    spdlog::critical("{}", started.error().message);
    return 1;
  }

  boost::asio::signal_set signals(io, SIGTERM, SIGINT, SIGHUP);
  std::function<void(const boost::system::error_code&, int)> on_signal =
      [&](const boost::system::error_code& error, int signal) {
        if (error) return;
        if (signal == SIGHUP) {
          ServiceNotify("RELOADING=1");
          (void)daemon.Reload();
          ServiceNotify("READY=1");
          signals.async_wait(on_signal);
          return;
        }
        spdlog::info("stopping on signal {}", signal);
        ServiceNotify("STOPPING=1");
        daemon.Shutdown();
        io.stop();
      };
  signals.async_wait(on_signal);

#ifdef __GLIBC__
  malloc_trim(0);  // start-up garbage (config, catalogue, restore) need not stay resident
#endif
  ServiceNotify("READY=1");
  spdlog::info("unsitd {} ready, listening on {}", kVersion, socket_path);
  io.run();
  return daemon.ExitStatus();
}

}  // namespace
}  // namespace unsit

int main(int argc, char** argv) {
  // Before any thread starts. Four threads (io, GLib, GLib's worker, GDBus)
  // allocate a few times an hour: one malloc arena serves them without
  // contention, and each further arena keeps its touched pages (40-140 KiB
  // measured) for the life of the daemon.
  mallopt(M_ARENA_MAX, 1);
  unsit::InitLocale();
  using unsit::Flags;
  Flags flags;
  CLI::App app{
      unsit::Tr("unsitd - watches how long you sit and reminds you to stand up, walk and "
                "stretch.\nNormally started by the systemd user unit (unsit.service) at login; "
                "talk to it\nwith `unsit`.")};
  unsit::LocalizeHelp(app);
  app.name("unsitd");
  app.set_version_flag("--version", std::string("unsitd ") + unsit::kVersion,
                       unsit::Tr("Display program version information and exit"));
  app.add_option("--config", flags.config,
                 unsit::Tr("Config file (default: $XDG_CONFIG_HOME/unsit/unsit.yaml)"));
  app.add_option("--log-level", flags.log_level,
                 unsit::Tr("trace, debug, info, warn, error or critical"))
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
  app.add_option("--idle-backend", flags.idle_backend, unsit::Tr("Override idle.backend"))
      ->check(CLI::IsMember(unsit::IdleBackendNames()));
  app.add_option("--notifier", flags.notifier,
                 unsit::Tr("Override notify.backend: auto, libnotify or log"))
      ->check(CLI::IsMember(
          std::vector<std::string>(unsit::kNotifierNames.begin(), unsit::kNotifierNames.end())));
  auto* check = app.add_option("--check-config", flags.check_config,
                               unsit::Tr("Validate a config file (default: the one --config or "
                                         "XDG names), print FILE:LINE:COLUMN errors and exit"))
                    ->expected(0, 1);
  app.add_flag(
      "--autostart", flags.autostart,
      unsit::Tr("Started by XDG autostart: exit quietly when another unsitd already runs"));
  CLI11_PARSE(app, argc, argv);
  if (check->count() > 0) return unsit::CheckConfig(flags);

  unsit::SetUpLogging(flags.log_level);
  if (flags.autostart && unsit::SystemdUnitManagesUs()) {
    spdlog::debug("autostart: the systemd user unit starts unsitd in this session; exiting");
    return 0;
  }
  try {
    return unsit::Run(flags);
  } catch (const std::exception& error) {  // last resort: the adapters should have caught it
    spdlog::critical("unexpected error: {}", error.what());
    return 1;
  }
}
