#pragma once

// Every code an Error carries (Error::code), with its string: the one table.
// Code compares codes against these names, never against a literal. The
// strings are what logs and `doctor` show, and the first group is also what a
// reply's error.code says on the wire (unsit-ipc(7)): those never change.
namespace unsit::errc {

// Replies of the control protocol (protocol::code is this namespace).
inline constexpr const char* kBadJson = "bad_json";        // not JSON, or not an object
inline constexpr const char* kBadRequest = "bad_request";  // envelope fields missing or mistyped
inline constexpr const char* kBadArgs = "bad_args";        // args of a known verb are wrong
inline constexpr const char* kUnknownCommand = "unknown_command";
inline constexpr const char* kProtocolMismatch = "protocol_mismatch";  // carries daemon_v
inline constexpr const char* kTooLong = "too_long";     // request over kMaxLineBytes; closed
inline constexpr const char* kBusy = "busy";            // too many peers; closed
inline constexpr const char* kForbidden = "forbidden";  // peer runs as another user; closed
inline constexpr const char* kTimeout = "timeout";      // idle too long; closed
inline constexpr const char* kRefused = "refused";      // the daemon declined (e.g. bad config)
inline constexpr const char* kInternal = "internal";    // a bug or an I/O failure

// Inside the daemon and the CLI.
inline constexpr const char* kBadPath = "bad_path";         // a socket path too long to bind
inline constexpr const char* kClosed = "closed";            // the daemon closed the connection
inline constexpr const char* kConfig = "config";            // the config file has problems
inline constexpr const char* kDbus = "dbus";                // a D-Bus call failed
inline constexpr const char* kIo = "io";                    // a file could not be read or written
inline constexpr const char* kNoSession = "no_session";     // logind knows no session of ours
inline constexpr const char* kRunning = "running";          // another unsitd holds the lock
inline constexpr const char* kTimer = "timer";              // a timerfd could not be made or set
inline constexpr const char* kUnavailable = "unavailable";  // a backend cannot be used here
inline constexpr const char* kUnreachable = "unreachable";  // no daemon answers at the socket
inline constexpr const char* kUnsafe = "unsafe";            // a runtime directory not ours or open

// The history database (storage/).
inline constexpr const char* kNoHistory = "no_history";  // the daemon runs without history
inline constexpr const char* kHistoryCorrupt = "history_corrupt";  // not a usable database
inline constexpr const char* kHistoryFull = "history_full";        // the disk is full
inline constexpr const char* kHistoryIo = "history_io";        // passing: I/O error, locked, busy
inline constexpr const char* kHistoryNewer = "history_newer";  // written by a newer unsit
inline constexpr const char* kHistorySql = "history_sql";      // any other SQLite failure
inline constexpr const char* kHistoryUnreadable = "history_unreadable";  // no permission

}  // namespace unsit::errc
