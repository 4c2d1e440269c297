// The mail worker (mail_worker.h).
#include "mail/mail_worker.h"

#include <algorithm>
#include <chrono>

#include "core/utc_time.h"
#include "mail/mail_calendar.h"

namespace sciaticare::mail {

std::int64_t RetryDelaySeconds(int attempts, const MailWorkerOptions& options) {
  std::int64_t delay = options.first_retry_seconds;
  for (int i = 1; i < attempts && delay < options.longest_retry_seconds; ++i) delay *= 2;
  return std::min<std::int64_t>(delay, options.longest_retry_seconds);
}

MailWorker::MailWorker(store::Store& store, MailSender& sender, MailWorkerOptions options)
    : store_(store), sender_(sender), options_(std::move(options)) {}

MailWorker::~MailWorker() { Stop(); }

WorkerRun MailWorker::RunOnce() {
  WorkerRun run;
  const std::string now = options_.now();
  const std::string lease = FormatUtc(UtcSeconds(now).value_or(0) + options_.lease_seconds);
  auto claimed = store_.ClaimDueMail(options_.name, now, lease, options_.batch);
  if (!claimed.ok()) return run;  // The database is away: the next round tries again.
  for (const store::OutboxMessage& m : claimed.value()) Attempt(m, run);
  return run;
}

void MailWorker::Attempt(const store::OutboxMessage& m, WorkerRun& run) {
  OutgoingMail mail;
  mail.to = m.recipient;
  mail.subject = m.subject;
  mail.body = m.body;
  mail.message_id_local_part = "outbox-" + std::to_string(m.id);
  const std::string now = options_.now();
  if (auto calendar = CalendarAttachment(m, now, options_.from)) {
    mail.calendar = calendar->document;
    mail.calendar_method = calendar->method;
  }
  const SendOutcome sent = sender_.Send(mail);
  store::MailOutcome outcome;
  outcome.outbox_id = m.id;
  outcome.worker = options_.name;
  outcome.attempted_at = options_.now();
  outcome.delivered = sent.delivered;
  outcome.smtp_answer = sent.answer;
  if (!sent.delivered && m.attempts + 1 < options_.max_attempts) {
    outcome.retry_at = FormatUtc(UtcSeconds(outcome.attempted_at).value_or(0) +
                                 RetryDelaySeconds(m.attempts + 1, options_));
  }
  // A lost lease (kConflict) means another worker holds it now; nothing to do.
  (void)store_.RecordMailOutcome(outcome);
  if (sent.delivered) {
    ++run.sent;
  } else if (outcome.retry_at) {
    ++run.retried;
  } else {
    ++run.failed;
  }
}

void MailWorker::Start() {
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      RunOnce();
      lock.lock();
      wake_.wait_for(lock, std::chrono::seconds(options_.poll_seconds),
                     [this] { return stopping_; });
    }
  });
}

void MailWorker::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace sciaticare::mail
