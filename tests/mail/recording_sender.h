// A MailSender for tests: keeps every message it is given and every one it
// delivered (thread-safe), and fails while `down` is set, as an unreachable
// server would.
#pragma once

#include <atomic>
#include <mutex>
#include <vector>

#include "mail/mail_sender.h"

namespace sciaticare::mail::testing {

class RecordingSender final : public MailSender {
 public:
  SendOutcome Send(const OutgoingMail& mail) override {
    std::lock_guard<std::mutex> lock(mutex_);
    attempted_.push_back(mail);
    if (down) return {false, "Couldn't connect to server"};
    sent_.push_back(mail);
    return {true, "250 OK"};
  }
  std::vector<OutgoingMail> sent() {
    std::lock_guard<std::mutex> lock(mutex_);
    return sent_;
  }
  // Every message it was given, delivered or not.
  std::vector<OutgoingMail> attempted() {
    std::lock_guard<std::mutex> lock(mutex_);
    return attempted_;
  }
  std::atomic<bool> down{false};

 private:
  std::mutex mutex_;
  std::vector<OutgoingMail> sent_;
  std::vector<OutgoingMail> attempted_;
};

}  // namespace sciaticare::mail::testing
