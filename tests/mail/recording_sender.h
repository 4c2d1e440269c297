// A MailSender for tests: keeps every message it is given (thread-safe), and
// fails while `down` is set, as an unreachable server would.
#pragma once

#include <atomic>
#include <mutex>
#include <vector>

#include "mail/mail_sender.h"

namespace sciaticare::mail::testing {

class RecordingSender final : public MailSender {
 public:
  SendOutcome Send(const OutgoingMail& mail) override {
    if (down) return {false, "Couldn't connect to server"};
    std::lock_guard<std::mutex> lock(mutex_);
    sent_.push_back(mail);
    return {true, "250 OK"};
  }
  std::vector<OutgoingMail> sent() {
    std::lock_guard<std::mutex> lock(mutex_);
    return sent_;
  }
  std::atomic<bool> down{false};

 private:
  std::mutex mutex_;
  std::vector<OutgoingMail> sent_;
};

}  // namespace sciaticare::mail::testing
