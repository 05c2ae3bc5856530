// The idle backend names are listed once (kIdleBackendNames, core/config.h):
// the config loader and --idle-backend accept exactly the names the idle
// factory can make, in the same order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/config.h"
#include "platform/idle_factory.h"

namespace unsit {
namespace {

TEST(BackendNamesTest, TheFactoryMakesEveryNameTheConfigAccepts) {
  EXPECT_EQ(IdleBackendNames(),
            std::vector<std::string>(kIdleBackendNames.begin(), kIdleBackendNames.end()));
}

}  // namespace
}  // namespace unsit
