#pragma once

#include <string>
#include <vector>

#include "platform/idle_auto.h"
#include "platform/idle_source.h"

namespace unsit {

// What `unsit doctor` knows about the platform, gathered by the shell.
struct DoctorFacts {
  IdleEnvironment environment;
  std::string wanted_backend = "auto";  // idle.backend from the config or --idle-backend
  std::string chosen_backend;           // empty: no idle source, fixed schedule
  std::vector<Candidate> candidates;    // from ChooseIdleSource, with their reasons
  bool under_systemd = false;           // INVOCATION_ID or JOURNAL_STREAM set
  bool session_bus = false;             // a session bus address could be found
  std::string session_watch_error;      // the session watcher's Start error, if any
  bool respect_inhibitors = true;       // idle.inhibitors
};

// One problem and what to do about it, for people.
struct DoctorHint {
  std::string problem;
  std::string fix;
};

// Reads under_systemd and session_bus from the environment (the rest is the caller's).
void ReadDoctorEnvironment(DoctorFacts& facts);

// The problems `facts` show, most important first; empty when all is well. Pure.
std::vector<DoctorHint> DoctorHints(const DoctorFacts& facts);

}  // namespace unsit
