// What every answer of the server carries and where it is recorded, over
// real sockets: no-store and nosniff on every API answer (errors, 404s of
// unknown /api paths, 405s, 500s and the refusals before routing); static
// files keep their own caching but get nosniff; a 405 names the methods the
// path takes in Allow; 413 and malformed requests reach the access log
// callback and the request counter like routed answers, on both stores.
#include <gtest/gtest.h>

#include <array>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "http/clinic_api_fixture.h"
#include "http/http_client.h"
#include "http/server.h"
#include "http/static_files.h"

namespace sciaticare::testing {
namespace {

void ExpectGuardedHeaders(HttpResult& r, const std::string& what) {
  EXPECT_EQ(r.headers["cache-control"], "no-store") << what << " " << r.status;
  EXPECT_EQ(r.headers["x-content-type-options"], "nosniff") << what << " " << r.status;
}

// The clinic API on each store: unknown paths, wrong methods, every route of
// the router with a request it must refuse, as every kind of caller.
class AnswerHeadersTest : public ClinicApiFixture {};
INSTANTIATE_TEST_SUITE_P(Store, AnswerHeadersTest, AllApiBackends(), ApiBackendName);

TEST_P(AnswerHeadersTest, EveryApiAnswerIsNoStoreAndNosniffForEveryCaller) {
  std::vector<std::unique_ptr<ApiClient>> callers;
  for (const char* email : {"admin@a.test", "therapist@a.test", "desk@a.test", "p1@a.test"})
    callers.push_back(As(email));
  callers.push_back(Anonymous());
  int checked = 0;
  for (auto& caller : callers) {
    for (const http::Route& route : router_.routes()) {
      if (route.pattern == "/api/v1/session" && route.method == "DELETE") continue;
      std::string target = route.pattern;
      for (std::size_t at; (at = target.find('{')) != std::string::npos;)
        target.replace(at, target.find('}', at) - at + 1, "999999");
      // A body no route accepts: the answers are mostly refusals.
      HttpResult r = caller->Send(route.method, target, route.method == "GET" ? "" : "[1",
                                  {{"Content-Type", "application/json"}});
      ExpectGuardedHeaders(r, route.method + " " + target);
      ++checked;
    }
    for (const char* unknown : {"/api/v1/nothing-here", "/api/v2/patients", "/api"}) {
      HttpResult r = caller->Send("GET", unknown);
      EXPECT_EQ(r.status, 404) << unknown;
      ExpectGuardedHeaders(r, unknown);
    }
    HttpResult wrong = caller->Send("PATCH", "/api/v1/knowledge");
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(wrong.headers["allow"], "GET");
    ExpectGuardedHeaders(wrong, "PATCH /api/v1/knowledge");
  }
  EXPECT_GT(checked, 100);
}

TEST_P(AnswerHeadersTest, MethodNotAllowedListsThePathsMethods) {
  HttpResult r = Anonymous()->Send("PUT", "/api/v1/session");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers["allow"], "DELETE, GET, POST");
  HttpResult tokens = Anonymous()->Send("PUT", "/api/v1/tokens/7");
  EXPECT_EQ(tokens.status, 405);
  EXPECT_EQ(tokens.headers["allow"], "DELETE");
}

struct Logged {
  std::string method, path;
  int status = 0;
};

class RefusalsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/boom",
                [](http::Request&) -> http::Response { throw std::runtime_error("x"); });
    router_.Add("POST", "/api/v1/things",
                [](http::Request&) { return http::Response::Json(201, "{}"); });
    http::AddStaticFiles(router_, kFiles);
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.body_limit = 1024;
    options.on_answered = [this](const http::Request& req, const http::Response& res, double) {
      std::lock_guard<std::mutex> lock(mutex_);
      log_.push_back({req.method, req.path, res.status});
    };
    server_ = std::make_unique<http::HttpServer>(options, router_);
    server_->Start();
  }
  void TearDown() override { server_->Stop(); }

  std::vector<Logged> Log() {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
  }

  static constexpr std::array<http::EmbeddedFile, 2> kFiles = {{
      {"/index.html", "<!doctype html><title>app</title>", "", "aaaa1111"},
      {"/assets/index-abc123.js", "console.log(1)", "", "bbbb2222"},
  }};
  http::Router router_;
  std::unique_ptr<http::HttpServer> server_;
  std::mutex mutex_;
  std::vector<Logged> log_;
};

TEST_F(RefusalsTest, TooLargeAndMalformedAreLoggedAndCountedLikeRoutedAnswers) {
  {
    HttpClient c(server_->port());
    HttpResult big = c.Send("POST", "/api/v1/things?x=1", std::string(4096, 'x'));
    EXPECT_EQ(big.status, 413);
    ExpectGuardedHeaders(big, "413");
  }
  {
    HttpClient c(server_->port());
    const std::string reply = c.SendRaw("GARBAGE\r\n\r\n");
    EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
    EXPECT_NE(reply.find("X-Content-Type-Options: nosniff"), std::string::npos) << reply;
  }
  {
    HttpClient c(server_->port());
    HttpResult fine = c.Send("POST", "/api/v1/things", "{}");
    EXPECT_EQ(fine.status, 201);
  }
  const std::vector<Logged> log = Log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].status, 413);
  EXPECT_EQ(log[0].method, "POST");
  EXPECT_EQ(log[0].path, "/api/v1/things");
  EXPECT_EQ(log[1].status, 400);
  EXPECT_EQ(log[2].status, 201);
  EXPECT_EQ(server_->requests_served(), 3u);
}

TEST_F(RefusalsTest, ServerErrorsAreNoStoreAndStaticFilesKeepTheirCaching) {
  HttpClient c(server_->port());
  HttpResult boom = c.Send("GET", "/boom");
  EXPECT_EQ(boom.status, 500);
  ExpectGuardedHeaders(boom, "500");
  HttpResult asset = c.Send("GET", "/assets/index-abc123.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.headers["cache-control"], "public, max-age=31536000, immutable");
  EXPECT_EQ(asset.headers["x-content-type-options"], "nosniff");
  HttpResult page = c.Send("GET", "/patients/7");
  EXPECT_EQ(page.headers["cache-control"], "no-cache");
  EXPECT_EQ(page.headers["x-content-type-options"], "nosniff");
  // Plain HTTP: no HSTS (it would be ignored, and pins nothing).
  EXPECT_EQ(page.headers.count("strict-transport-security"), 0u);
}

}  // namespace
}  // namespace sciaticare::testing
