// What keeps the server answering when connections or file descriptors run
// out (HttpServer's acceptor uses these):
// - a cap on open connections, by default RLIMIT_NOFILE minus a reserve for
//   the database, files and the slots below, so connections alone never
//   exhaust the process's descriptors;
// - over the cap, kHealthSlots extra connections each serve one request with a
//   short deadline: GET /healthz as usual, anything else 503 (Retry-After);
//   when those are taken too, ShedConnection answers at once from whatever
//   request bytes have already arrived (200 for GET /healthz, 503 otherwise)
//   and the descriptor is closed again, so a health checker still gets an
//   answer and an attacker holds nothing;
// - when accept itself fails for lack of descriptors or memory, or the health
//   slots are taken too, the acceptor pauses (AcceptBackoff) instead of
//   spinning; then it sheds the queue, whose requests have arrived meanwhile.
//   Out of descriptors, a spare one (SpareFd), released for a moment, lets it
//   take queued connections and shed them with an answer rather than leave
//   them hanging.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "http/message.h"
#include "http/server.h"

namespace sciaticare::http {

// Descriptors kept out of the connection cap for the database, the files the
// server opens and the health slots.
inline constexpr std::size_t kDescriptorReserve = 64;
inline constexpr std::size_t kHealthSlots = 8;
inline constexpr int kHealthSlotSeconds = 2;  // Deadline of a health slot's one request.
// Connections to shed held through one pause so their request can arrive.
inline constexpr std::size_t kHeldWhileFull = 32;

// RLIMIT_NOFILE (soft) minus kDescriptorReserve, at least 16.
std::size_t DefaultMaxConnections();

// True for the accept errno values that mean "no descriptors or memory right
// now" (EMFILE, ENFILE, ENOBUFS, ENOMEM): retrying at once cannot succeed.
bool IsOutOfResources(int error);

// The delay before the next accept after a failure: 50 ms, doubling up to
// 1 s; Reset after an accept succeeds. Not thread-safe (the accept strand owns it).
class AcceptBackoff {
 public:
  static constexpr std::chrono::milliseconds kFirst{50}, kLongest{1000};
  std::chrono::milliseconds Next();
  void Reset() { next_ = kFirst; }

 private:
  std::chrono::milliseconds next_ = kFirst;
};

// One descriptor (on /dev/null) held in reserve; Release frees it for an
// accept, Restore takes it back. Both return whether the spare is now in the
// state asked for. Not thread-safe (the accept strand owns it).
class SpareFd {
 public:
  SpareFd();
  ~SpareFd();
  SpareFd(const SpareFd&) = delete;
  SpareFd& operator=(const SpareFd&) = delete;
  bool Release();
  bool Restore();

 private:
  int fd_ = -1;
};

// The 503 every over-capacity refusal gives: a JSON error with Retry-After: 1.
Response BusyResponse();

// Whether the peer of `fd` has sent anything yet (or closed); never blocks.
// A connection to shed waits for this, so a health check is read, not guessed.
bool RequestHasArrived(int fd);

struct ShedAnswer {
  int status = 503;
  std::string method, path;  // From the request line, when it had arrived.
};

// Answers the plain-HTTP connection `fd` without waiting for it: reads what
// has already arrived, writes 200 "ok" for GET /healthz and BusyResponse's
// bytes otherwise, and shuts down the sending side. Never blocks; the caller
// closes `fd`.
ShedAnswer ShedConnection(int fd);

// Sheds `fd` (ShedConnection; under TLS
// nothing is written, as no answer is possible without a handshake), counts
// it in `counters` and reports it to `on_answered` when set. The caller closes `fd`.
void ShedAndReport(int fd, bool tls, std::string remote, HttpServer::Counters& counters,
                   const ServerOptions::AnsweredCallback& on_answered);

// Accepts one queued connection from the non-blocking listening socket
// `listen_fd` (close-on-exec). Out of descriptors, it frees `spare` to take
// the connection and sets `on_spare`: the caller must shed it and Restore the
// spare. -1 when nothing was taken (an empty queue, or no descriptor at all).
int AcceptQueued(int listen_fd, SpareFd& spare, bool& on_spare);

}  // namespace sciaticare::http
