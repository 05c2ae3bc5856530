#include "desktop_helpers.h"

#include <stdlib.h>
#include <sys/resource.h>

namespace unsit::test_support {

std::optional<Xvfb> Xvfb::Start() {
  Child child(
      {"Xvfb", "-displayfd", "1", "-noreset", "-nolisten", "tcp", "-screen", "0", "1024x768x24"},
      {}, Child::Output::kCapture);
  auto number = child.ReadLine(std::chrono::seconds(10));
  if (!number || number->empty()) return std::nullopt;
  Xvfb xvfb;
  xvfb.child_ = std::move(child);
  xvfb.display_ = ":" + *number;
  setenv("DISPLAY", xvfb.display_.c_str(), 1);
  return xvfb;
}

int Xvfb::Xdotool(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {"env", "DISPLAY=" + display_, "xdotool"};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv);
}

std::chrono::milliseconds ProcessCpuTime() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return t.tv_sec * 1000L + t.tv_usec / 1000L; };
  return std::chrono::milliseconds(ms(usage.ru_utime) + ms(usage.ru_stime));
}

}  // namespace unsit::test_support
