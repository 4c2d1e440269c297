// The fixture of Api::Guard's suites: an Api of its own over the API
// fixture's store (clinic A's therapist logged in through the server), with a
// clock a test may set, and a way to run a stand-in handler under Guard as
// the server would, waiting for an answer sent later.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "api/api_support.h"
#include "http/clinic_api_fixture.h"
#include "test_support.h"

namespace sciaticare::testing {

class GuardFixture : public ClinicApiFixture {
 protected:
  void SetUp() override {
    ClinicApiFixture::SetUp();
    if (IsSkipped()) return;
    api_ = std::make_unique<api::Api>(*store_, K(), Options());
    login_ = Login("therapist@a.test");
    ASSERT_EQ(login_.status, 200);
  }

  void TearDown() override {
    for (std::thread& t : senders_) t.join();
    ClinicApiFixture::TearDown();
  }

  // The server's clock is the fixture's too, so that logins follow it.
  void Configure(api::ClinicApiOptions& options) override { options.now = Clock(); }

  std::function<std::string()> Clock() {
    return [this] { return now_.empty() ? api::UtcNow() : now_; };
  }

  // Fast password hashing, and the fixture's clock.
  api::ClinicApiOptions Options() {
    api::ClinicApiOptions options;
    options.hash_cost = auth::HashCost::kFastForTests;
    options.now = Clock();
    return options;
  }

  // A GET by the therapist of a route naming patient `patient`.
  http::Request RequestFor(store::Id patient) const {
    http::Request request;
    request.method = "GET";
    request.path = PatientPath(patient, "/probe");
    request.params = {{"id", std::to_string(patient)}};
    request.headers = {{"cookie", login_.cookie}};
    request.remote_addr = "127.0.0.1";
    return request;
  }

  // A handler whose answer is `answer`, sent later from another thread.
  api::Api::Handler Deferred(const http::Response& answer) {
    return [this, answer](http::Request&, const api::Caller&) {
      http::Response held;
      held.defer = [this, answer](http::Response::Send send) {
        senders_.emplace_back([answer, send = std::move(send)] { send(answer); });
      };
      return held;
    };
  }

  // Runs `handler` under Guard for `request` (the request is gone before the
  // deferred answer is sent) and returns the answer the server would send.
  // Guarded by `api` when given, else by api_.
  http::Response Answer(api::Api::Handler handler, http::Request request,
                        api::SignInCheck sign_in_check = api::SignInCheck::kFirst,
                        api::Api* api = nullptr) {
    http::Handler guarded =
        (api != nullptr ? *api : *api_)
            .Guard({store::Role::kTherapist}, std::move(handler), sign_in_check);
    http::Response response = guarded(request);
    request = {};
    if (!response.defer) return response;
    auto sent = std::make_shared<std::promise<http::Response>>();
    auto sends = std::make_shared<std::atomic<int>>(0);
    std::future<http::Response> answer = sent->get_future();
    response.defer([sent, sends](http::Response r) {
      if (++*sends == 1) sent->set_value(std::move(r));
    });
    EXPECT_EQ(answer.wait_for(std::chrono::seconds(20)), std::future_status::ready);
    http::Response out = answer.get();
    EXPECT_FALSE(out.defer) << "a deferred answer must send a final one";
    EXPECT_EQ(*sends, 1) << "send must be called exactly once";
    return out;
  }

  std::vector<store::AuditEntry> Newest(store::Id clinic, int count) {
    store::AuditQuery q;
    q.page.limit = count;
    return store_->ListAudit(clinic, q).value().items;
  }

  std::int64_t Total() { return AuditCount(clinic_a_.id) + AuditCount(clinic_b_.id); }

  std::unique_ptr<api::Api> api_;
  LoginResult login_;
  std::string now_;  // The Api's clock when set; else the real one.
  // Each started before its answer is sent, so before Answer returns.
  std::vector<std::thread> senders_;
};

}  // namespace sciaticare::testing
