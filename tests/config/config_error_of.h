#pragma once

#include <gtest/gtest.h>

#include <string>

#include "config/config_loader.h"

namespace unsit {

// The message of the Error that parsing `yaml` as "u.yaml" gives (code
// "config"), or "(parsed without error)".
inline std::string ErrorOf(const std::string& yaml) {
  Result<Config> config = ParseConfig(yaml, "u.yaml");
  if (config.ok()) return "(parsed without error)";
  EXPECT_EQ(config.error().code, "config");
  return config.error().message;
}

}  // namespace unsit
