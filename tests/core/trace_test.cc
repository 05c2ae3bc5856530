// Runs every tests/traces/*.trace file as one test case.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "trace_runner.h"

namespace unsit::trace {
namespace {

std::vector<std::string> TraceFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(UNSIT_TRACE_DIR)) {
    if (entry.path().extension() == ".trace") files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class TraceTest : public testing::TestWithParam<std::string> {};

TEST_P(TraceTest, Holds) {
  std::ifstream file(std::filesystem::path(UNSIT_TRACE_DIR) / GetParam());
  ASSERT_TRUE(file) << "cannot read " << GetParam();
  std::stringstream text;
  text << file.rdbuf();
  for (const Failure& failure : RunTrace(GetParam(), text.str())) {
    ADD_FAILURE() << failure.message;
  }
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.rfind('.'));
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Traces, TraceTest, testing::ValuesIn(TraceFiles()), TestName);

TEST(TraceRunnerTest, FindsTheTraces) { EXPECT_GE(TraceFiles().size(), 25u); }

// The runner itself must catch a wrong expectation, with the line number.
TEST(TraceRunnerTest, ReportsTheLineThatDiffered) {
  std::vector<Failure> failures = RunTrace("inline.trace",
                                           "config sit_limit=60m\n"
                                           "start 2026-11-21 09:00\n"
                                           "active\n"
                                           "+60m\n"
                                           "expect reminder 50m\n");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].line, 5);
  EXPECT_NE(failures[0].message.find("inline.trace:5:"), std::string::npos);
  EXPECT_NE(failures[0].message.find("reminder 1h shown 1"), std::string::npos)
      << failures[0].message;
}

TEST(TraceRunnerTest, ReportsBadLines) {
  std::vector<Failure> failures =
      RunTrace("bad.trace", "start 2026-11-21 09:00\nfrobnicate\n+5 minutes\n");
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].line, 2);
  EXPECT_EQ(failures[1].line, 3);
}

}  // namespace
}  // namespace unsit::trace
