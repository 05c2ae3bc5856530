#pragma once

#include <string>

namespace unsit::test_support {

// A fresh directory under the system temp dir, named unsit-test-XXXXXX;
// removed with everything in it when destroyed. path() is empty if it could
// not be made.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // The path of `name` inside the directory (not created).
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace unsit::test_support
