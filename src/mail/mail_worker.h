// The mail worker: takes due messages from the store's outbox and hands them
// to a MailSender, recording every attempt. The store is the only shared
// state, so several servers on one database may each run a worker: a message
// is leased to one of them at a time (Store::ClaimDueMail), and one that was
// sent is never claimed again. A failed attempt is tried again after an
// exponentially growing wait, up to `max_attempts`; then the message is
// failed and an admin sees it (and may send it again).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "mail/mail_sender.h"
#include "store/store.h"

namespace sciaticare::mail {

struct MailWorkerOptions {
  std::string name;         // Unique per worker (process and thread), e.g. "host-pid".
  std::string from;         // The sender's address: the calendar attachment's organizer.
  int batch = 20;           // Messages claimed at once.
  int lease_seconds = 300;  // Longer than a send can take (SmtpOptions::timeout_seconds).
  int first_retry_seconds = 60;
  int longest_retry_seconds = 6 * 3600;
  int max_attempts = 8;
  int poll_seconds = 15;  // How often the thread looks for due mail.
  // The current UTC time, "YYYY-MM-DDTHH:MM:SSZ"; tests fix it.
  std::function<std::string()> now;
};

// How long to wait after the `attempts`-th failed attempt (1-based) before
// the next: first_retry_seconds doubled each time, at most
// longest_retry_seconds. Pure.
std::int64_t RetryDelaySeconds(int attempts, const MailWorkerOptions& options);

struct WorkerRun {
  int sent = 0;
  int retried = 0;
  int failed = 0;
};

class MailWorker {
 public:
  // `store` and `sender` must outlive the worker.
  MailWorker(store::Store& store, MailSender& sender, MailWorkerOptions options);
  ~MailWorker();  // Stops the thread, if started.

  // Claims what is due now and tries to send each once; what happened.
  WorkerRun RunOnce();

  // Runs RunOnce every poll_seconds on a thread of its own until Stop.
  void Start();
  void Stop();

 private:
  void Attempt(const store::OutboxMessage& message, WorkerRun& run);

  store::Store& store_;
  MailSender& sender_;
  MailWorkerOptions options_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace sciaticare::mail
