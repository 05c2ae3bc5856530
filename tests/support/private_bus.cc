#include "support/private_bus.h"

#include <chrono>
#include <fstream>

namespace unsit::test_support {

PrivateBus::PrivateBus() {
  if (dir_.path().empty()) return;
  const std::string config = dir_.File("bus.conf");
  std::ofstream out(config);
  out << "<busconfig><type>session</type><listen>unix:dir=" << dir_.path() << "</listen>"
      << "<auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\" "
      << "eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>"
      << "</busconfig>\n";
  out.close();
  if (!out) return;
  daemon_ = Child({"dbus-daemon", "--config-file=" + config, "--nofork", "--print-address=1"}, {},
                  Child::Output::kCapture);
  if (auto line = daemon_.ReadLine(std::chrono::seconds(10))) address_ = *line;
}

}  // namespace unsit::test_support
