// Where the stretch rotation stands, kept in the one-row table `rotation`.
#include <sqlite3.h>

#include <sstream>

#include "storage/history_store_sqlite.h"
#include "storage/sqlite_util.h"

namespace unsit {
namespace {

// Ids are [a-z0-9-], so one per line is unambiguous.
std::string JoinLines(const std::vector<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) text += (text.empty() ? "" : "\n") + id;
  return text;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> ids;
  std::istringstream lines(text);
  for (std::string id; std::getline(lines, id);) {
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

}  // namespace

Result<RotationState> SqliteHistoryStore::LoadRotation() {
  auto stmt = sql::Prepare(db_.get(), "SELECT shown, last FROM rotation");
  if (!stmt.ok()) return stmt.error();
  const int rc = stmt->Step();
  if (rc == SQLITE_DONE) return RotationState{};
  if (rc != SQLITE_ROW) return sql::SqlError(db_.get(), rc, "Cannot read the stretch rotation");
  return RotationState{SplitLines(stmt->Text(0)), stmt->Text(1)};
}

Status SqliteHistoryStore::SaveRotation(const RotationState& state) {
  if (Status s = SetSynchronous(false); !s.ok()) return s;
  auto stmt = sql::Prepare(db_.get(),
                           "INSERT INTO rotation (id, shown, last) VALUES (1, ?1, ?2) "
                           "ON CONFLICT (id) DO UPDATE SET shown = ?1, last = ?2");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, JoinLines(state.shown)).Bind(2, state.last);
  return stmt->Run("Cannot record the stretch rotation");
}

}  // namespace unsit
