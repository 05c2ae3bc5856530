// Times ReadHistoryDays itself (no process start-up): median of 20 reads.
// Built by CMake, run by history_bench.sh: history_read_bench DB DAYS
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "clock/clock.h"
#include "storage/history_reader.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DB DAYS\n", argv[0]);
    return 2;
  }
  int days = std::atoi(argv[2]);
  std::vector<double> ms;
  for (int run = 0; run < 20; ++run) {
    auto start = std::chrono::steady_clock::now();
    auto read = unsit::ReadHistoryDays(argv[1], unsit::ReadNow(std::chrono::minutes(0)), days);
    auto end = std::chrono::steady_clock::now();
    if (!read.ok()) {
      std::fprintf(stderr, "%s\n", read.error().message.c_str());
      return 1;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("ReadHistoryDays(%d days): median %.2f ms\n", days, (ms[9] + ms[10]) / 2);
  return 0;
}
