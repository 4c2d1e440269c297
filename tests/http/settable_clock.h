// The API's clock as a test sets it: each step of a test is stamped at the
// time the test chose, so "before" and "after" are exact without waiting for
// the wall clock. Safe to read from the server's threads while the test sets it.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <utility>

namespace sciaticare::testing {

class SettableClock {
 public:
  explicit SettableClock(std::string now) : now_(std::move(now)) {}

  void Set(std::string now) {
    std::lock_guard lock(mu_);
    now_ = std::move(now);
  }
  std::string Now() {
    std::lock_guard lock(mu_);
    return now_;
  }
  // For api::ClinicApiOptions::now; the clock must outlive the API.
  std::function<std::string()> AsOption() {
    return [this] { return Now(); };
  }

 private:
  std::mutex mu_;
  std::string now_;
};

}  // namespace sciaticare::testing
