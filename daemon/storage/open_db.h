#pragma once

// Opening the history file: directories, damage, versions, pragmas.

#include <optional>
#include <string>

#include "core/result.h"
#include "storage/sqlite_util.h"

namespace unsit::storage {

struct OpenedDb {
  sql::Db db;
  std::optional<Error> notice;  // set when a damaged file was moved aside
};

// Opens `path` for the daemon: creates missing directories (0700) and the
// file, moves a damaged file aside and starts a new one, refuses a newer or
// unreadable file without touching it, sets WAL and synchronous=NORMAL, and
// migrates the schema to the current version.
Result<OpenedDb> OpenForWriting(const std::string& path);

// Opens `path` read-only for a reader (the daemon may be writing meanwhile).
// Returns a null Db when the file does not exist or holds no schema yet.
Result<sql::Db> OpenForReading(const std::string& path);

// Where a damaged file at `path` goes at `stamp` ("20261121T092146Z").
std::string CorruptPath(const std::string& path, const std::string& stamp);

}  // namespace unsit::storage
