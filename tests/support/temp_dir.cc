#include "support/temp_dir.h"

#include <stdlib.h>

#include <filesystem>
#include <system_error>

namespace unsit::test_support {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "unsit-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
}

}  // namespace unsit::test_support
