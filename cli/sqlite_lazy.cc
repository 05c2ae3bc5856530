// SQLite for the CLI, loaded on first use.
//
// unsit reads the history database only for `today` and `history` while the
// daemon is not running; every other run (`status` above all, which bars poll)
// would pay for loading libsqlite3 and relocating it at start-up for nothing.
// So the CLI is not linked against SQLite: this file defines the SQLite
// functions the history reader calls, and the first call dlopen()s the system
// library and forwards to it. A function the reader starts to use and this
// file lacks is an undefined reference when unsit is linked (cli/CMakeLists.txt
// links the storage objects without SQLite), never a silent fallback.
//
// When the library cannot be loaded, sqlite3_open_v2 fails with SQLITE_CANTOPEN
// and sqlite3_errstr says why; the calls that only take a handle from a
// successful open cannot happen, and the ones that accept NULL do nothing.
#include <dlfcn.h>
#include <sqlite3.h>

#include <cstdint>
#include <cstring>

namespace {

constexpr const char* kLibrary = "libsqlite3.so.0";
constexpr const char* kNotLoaded = "the SQLite library (libsqlite3.so.0) cannot be loaded";

// The library's handle, opened once; nullptr when it cannot be loaded.
void* Library() {
  static void* const library = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  return library;
}

// The library's definition of `kSelf` (one of the stand-ins below, so that the
// type is the one sqlite3.h declares), looked up once; nullptr when missing.
template <auto kSelf>
decltype(kSelf) Real(const char* name) {
  static const decltype(kSelf) real = [name] {
    decltype(kSelf) function = nullptr;
    if (void* library = Library(); library != nullptr) {
      void* symbol = dlsym(library, name);
      static_assert(sizeof symbol == sizeof function);
      std::memcpy(&function, &symbol, sizeof function);
    }
    return function;
  }();
  return real;
}

// Calls the real `kSelf` with `args`, or returns `fallback` without a library.
template <auto kSelf, typename Fallback, typename... Args>
Fallback Forward(const char* name, Fallback fallback, Args... args) {
  auto real = Real<kSelf>(name);
  return real != nullptr ? real(args...) : fallback;
}

}  // namespace

extern "C" {

int sqlite3_open_v2(const char* filename, sqlite3** db, int flags, const char* vfs) {
  if (db != nullptr) *db = nullptr;
  return Forward<&sqlite3_open_v2>("sqlite3_open_v2", SQLITE_CANTOPEN, filename, db, flags, vfs);
}

int sqlite3_close_v2(sqlite3* db) {
  return Forward<&sqlite3_close_v2>("sqlite3_close_v2", SQLITE_OK, db);
}

const char* sqlite3_errstr(int rc) {
  return Forward<&sqlite3_errstr>("sqlite3_errstr", kNotLoaded, rc);
}

const char* sqlite3_errmsg(sqlite3* db) {
  return Forward<&sqlite3_errmsg>("sqlite3_errmsg", kNotLoaded, db);
}

int sqlite3_extended_errcode(sqlite3* db) {
  return Forward<&sqlite3_extended_errcode>("sqlite3_extended_errcode", SQLITE_CANTOPEN, db);
}

int sqlite3_extended_result_codes(sqlite3* db, int on) {
  return Forward<&sqlite3_extended_result_codes>("sqlite3_extended_result_codes", SQLITE_MISUSE, db,
                                                 on);
}

int sqlite3_busy_timeout(sqlite3* db, int ms) {
  return Forward<&sqlite3_busy_timeout>("sqlite3_busy_timeout", SQLITE_MISUSE, db, ms);
}

int sqlite3_db_readonly(sqlite3* db, const char* name) {
  return Forward<&sqlite3_db_readonly>("sqlite3_db_readonly", -1, db, name);
}

int sqlite3_get_autocommit(sqlite3* db) {
  return Forward<&sqlite3_get_autocommit>("sqlite3_get_autocommit", 1, db);
}

int sqlite3_exec(sqlite3* db, const char* sql, int (*callback)(void*, int, char**, char**),
                 void* context, char** error) {
  return Forward<&sqlite3_exec>("sqlite3_exec", SQLITE_MISUSE, db, sql, callback, context, error);
}

int sqlite3_prepare_v2(sqlite3* db, const char* sql, int bytes, sqlite3_stmt** stmt,
                       const char** tail) {
  if (stmt != nullptr) *stmt = nullptr;
  return Forward<&sqlite3_prepare_v2>("sqlite3_prepare_v2", SQLITE_MISUSE, db, sql, bytes, stmt,
                                      tail);
}

int sqlite3_finalize(sqlite3_stmt* stmt) {
  return Forward<&sqlite3_finalize>("sqlite3_finalize", SQLITE_OK, stmt);
}

int sqlite3_reset(sqlite3_stmt* stmt) {
  return Forward<&sqlite3_reset>("sqlite3_reset", SQLITE_OK, stmt);
}

int sqlite3_clear_bindings(sqlite3_stmt* stmt) {
  return Forward<&sqlite3_clear_bindings>("sqlite3_clear_bindings", SQLITE_OK, stmt);
}

int sqlite3_step(sqlite3_stmt* stmt) {
  return Forward<&sqlite3_step>("sqlite3_step", SQLITE_MISUSE, stmt);
}

int sqlite3_bind_int64(sqlite3_stmt* stmt, int index, sqlite3_int64 value) {
  return Forward<&sqlite3_bind_int64>("sqlite3_bind_int64", SQLITE_MISUSE, stmt, index, value);
}

int sqlite3_bind_null(sqlite3_stmt* stmt, int index) {
  return Forward<&sqlite3_bind_null>("sqlite3_bind_null", SQLITE_MISUSE, stmt, index);
}

int sqlite3_bind_text(sqlite3_stmt* stmt, int index, const char* text, int bytes,
                      void (*destructor)(void*)) {
  return Forward<&sqlite3_bind_text>("sqlite3_bind_text", SQLITE_MISUSE, stmt, index, text, bytes,
                                     destructor);
}

int sqlite3_column_type(sqlite3_stmt* stmt, int column) {
  return Forward<&sqlite3_column_type>("sqlite3_column_type", SQLITE_NULL, stmt, column);
}

sqlite3_int64 sqlite3_column_int64(sqlite3_stmt* stmt, int column) {
  return Forward<&sqlite3_column_int64>("sqlite3_column_int64", sqlite3_int64{0}, stmt, column);
}

const unsigned char* sqlite3_column_text(sqlite3_stmt* stmt, int column) {
  return Forward<&sqlite3_column_text>("sqlite3_column_text",
                                       static_cast<const unsigned char*>(nullptr), stmt, column);
}

}  // extern "C"
