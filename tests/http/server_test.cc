// The HTTP adapter driven over real sockets: routing, errors as JSON, limits,
// keep-alive with many connections, and the stateless API routes.
#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <nlohmann/json.hpp>

#include "api/assess_routes.h"
#include "core/region_sides.h"
#include "core/vocabulary.h"
#include "http/http_client.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::HttpClient;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    stats_.requests_served = [this] { return server_->requests_served(); };
    stats_.connections_open = [this] { return server_->connections_open(); };
    api::AddStatelessRoutes(router_, testing::K());
    api::AddMetricsRoute(router_, testing::K(), stats_);
    router_.Add("GET", "/boom",
                [](http::Request&) -> http::Response { throw std::runtime_error("x"); });
    router_.Add("GET", "/echo/{id}/items/{item}", [](http::Request& r) {
      return http::Response::Text(200,
                                  r.params["id"] + "|" + r.params["item"] + "|" + r.Query("q"));
    });
    // Answers from another thread, later, as a group commit does.
    router_.Add("GET", "/later", [](http::Request& r) {
      http::Response held;
      held.defer = [text = r.Query("text")](http::Response::Send send) {
        std::thread([text, send = std::move(send)] {
          std::this_thread::sleep_for(std::chrono::milliseconds(30));
          send(http::Response::Text(200, text));
        }).detach();
      };
      return held;
    });
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.body_limit = 64 * 1024;
    server_ = std::make_unique<http::HttpServer>(options, router_);
    server_->Start();
  }
  void TearDown() override { server_->Stop(); }

  http::Router router_;
  api::ServerStats stats_;
  std::unique_ptr<http::HttpServer> server_;
};

TEST_F(ServerTest, HealthAndMetrics) {
  HttpClient c(server_->port());
  auto health = c.Send("GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
  auto metrics = c.Send("GET", "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("sciaticare_http_requests_total 2"), std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("knowledge_version=\"" + testing::K().version), std::string::npos);
}

// The plan review and session note screens choose techniques and regions
// from this list, with each technique's own pressure range and evidence.
TEST_F(ServerTest, KnowledgeListsTechniquesAndRegions) {
  HttpClient c(server_->port());
  auto answer = c.Send("GET", "/api/v1/knowledge");
  ASSERT_EQ(answer.status, 200);
  nlohmann::json doc = nlohmann::json::parse(answer.body);
  ASSERT_EQ(doc["techniques"].size(), kTechniqueCount);
  ASSERT_EQ(doc["regions"].size(), kRegionCount);
  bool saw_deep_tissue = false;
  for (const auto& t : doc["techniques"]) {
    EXPECT_TRUE(ParseTechnique(t["id"].get<std::string>())) << t;
    EXPECT_LE(t["min_pressure"].get<int>(), t["max_pressure"].get<int>()) << t;
    EXPECT_FALSE(t["evidence"]["grade"].get<std::string>().empty()) << t;
    if (t["id"] == "deep_tissue") {
      saw_deep_tissue = true;
      EXPECT_EQ(t["min_pressure"], 4);  // knowledge/techniques.json: deep tissue is 4-5.
    }
  }
  EXPECT_TRUE(saw_deep_tissue);
  EXPECT_EQ(doc["regions"][0]["id"], "lower_back");
  EXPECT_EQ(doc["regions"][0]["label"], "Lower back");
  EXPECT_FALSE(doc["regions"][0]["muscles"].empty());
}

// The web offers the intake's words (activities, symptom kinds, sides) and
// each region's sides from this answer only, so it must carry the core's own
// lists, in the core's order: a word the web offers is a word the server takes.
TEST_F(ServerTest, KnowledgeServesTheCoreVocabulariesAndEachRegionsSides) {
  HttpClient c(server_->port());
  auto answer = c.Send("GET", "/api/v1/knowledge");
  ASSERT_EQ(answer.status, 200);
  const nlohmann::json doc = nlohmann::json::parse(answer.body);
  const nlohmann::json& v = doc["vocabularies"];
  auto names = [](const auto& list) {
    std::vector<std::string> out;
    for (std::string_view n : list) out.emplace_back(n);
    return out;
  };
  EXPECT_EQ(v["activities"].get<std::vector<std::string>>(), names(ActivityNames()));
  EXPECT_EQ(v["symptom_kinds"].get<std::vector<std::string>>(), names(SymptomKindNames()));
  EXPECT_EQ(v["sides"].get<std::vector<std::string>>(), names(SideNames()));
  EXPECT_EQ(v["sexes"].get<std::vector<std::string>>(), names(SexNames()));
  EXPECT_EQ(v["pain_tolerances"].get<std::vector<std::string>>(), names(PainToleranceNames()));
  ASSERT_EQ(doc["regions"].size(), kRegionCount);
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    const nlohmann::json& region = doc["regions"][r];
    EXPECT_EQ(region["id"], RegionNames()[r]);
    EXPECT_EQ(region["sides"].get<std::vector<std::string>>(), SidesOf(testing::K().regions[r]));
  }
}

TEST_F(ServerTest, DeferredAnswersArriveInOrderOnEachKeepAliveConnection) {
  std::vector<std::thread> clients;
  std::atomic<int> right{0};
  for (int i = 0; i < 8; ++i) {
    clients.emplace_back([&, i] {
      HttpClient c(server_->port());
      for (int j = 0; j < 3; ++j) {
        const std::string text = std::to_string(i) + "-" + std::to_string(j);
        auto later = c.Send("GET", "/later?text=" + text);
        auto now =
            c.Send("GET", "/healthz");  // The connection reads again after a deferred answer.
        if (later.status == 200 && later.body == text && now.body == "ok\n") ++right;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(right.load(), 24);
}

TEST_F(ServerTest, RoutingParamsQueryAndErrors) {
  HttpClient c(server_->port());
  auto echo = c.Send("GET", "/echo/7/items/a%20b?q=x+y");
  EXPECT_EQ(echo.status, 200);
  EXPECT_EQ(echo.body, "7|a b|x y");
  auto missing = c.Send("GET", "/nowhere");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["status"], 404);
  EXPECT_EQ(c.Send("POST", "/healthz").status, 405);
  EXPECT_EQ(c.Send("GET", "/echo//items/x").status, 404);
  auto boom = c.Send("GET", "/boom");
  EXPECT_EQ(boom.status, 500);
  EXPECT_EQ(c.Send("GET", "/healthz").status, 200);  // Still serving after a handler threw.
}

TEST_F(ServerTest, AssessAnswersPlanOrFieldError) {
  HttpClient c(server_->port());
  auto ok =
      c.Send("POST", "/api/v1/assess", testing::ReadSourceFile("tests/data/wording_example.json"));
  EXPECT_EQ(ok.status, 422);
  EXPECT_EQ(nlohmann::json::parse(ok.body)["error"]["field"], "patient");
  const std::string intake = R"({"patient":{"age":40,"sex":"female"},
    "symptoms":[{"region":"buttock","side":"left","kind":"pain","intensity":5}],"onset_weeks":10})";
  auto plan = c.Send("POST", "/api/v1/assess", intake);
  ASSERT_EQ(plan.status, 200);
  auto body = nlohmann::json::parse(plan.body);
  EXPECT_EQ(body["triage"], "treat");
  EXPECT_FALSE(body["plan"].is_null());
  auto bad_utf8 = c.Send("POST", "/api/v1/assess", "{\"patient\":\"\xff\xfe\"}");
  EXPECT_EQ(bad_utf8.status, 422);
  auto not_json = c.Send("POST", "/api/v1/assess", "{{{{");
  EXPECT_EQ(not_json.status, 422);
  EXPECT_EQ(nlohmann::json::parse(not_json.body)["error"]["field"], "input");
}

// The live-score route answers exactly what an assessment of the same answers
// carries, and refuses a bad answer by its intake path.
TEST_F(ServerTest, QuestionnaireScoresMatchTheAssessmentsAndNameBadAnswers) {
  HttpClient c(server_->port());
  const std::string answers = R"({"nrs_leg":7,"odi":[2,3,1,null,2,2,1,0,2,3],
    "sbi":[5,4,2,1],"startback":[1,1,0,1,1,1,0,1,3]})";
  auto scored =
      c.Send("POST", "/api/v1/questionnaires/score", R"({"questionnaires":)" + answers + "}");
  ASSERT_EQ(scored.status, 200) << scored.body;
  auto scores = nlohmann::json::parse(scored.body);
  EXPECT_EQ(scores["odi"]["percent"], 35.6);
  EXPECT_EQ(scores["odi"]["band"], "moderate");
  EXPECT_EQ(scores["sbi"]["total"], 12);
  EXPECT_EQ(scores["startback"]["risk"], "high");
  auto assessed = c.Send("POST", "/api/v1/assess",
                         R"({"patient":{"age":40,"sex":"female"},
    "symptoms":[{"region":"buttock","side":"left","kind":"pain","intensity":5}],"questionnaires":)" +
                             answers + "}");
  ASSERT_EQ(assessed.status, 200) << assessed.body;
  EXPECT_EQ(nlohmann::json::parse(assessed.body)["scores"], scores);

  auto partial =
      c.Send("POST", "/api/v1/questionnaires/score",
             R"({"questionnaires":{"startback":[1,null,null,null,null,null,null,null,null]}})");
  ASSERT_EQ(partial.status, 200);
  EXPECT_TRUE(nlohmann::json::parse(partial.body)["startback"]["risk"].is_null());

  auto bad =
      c.Send("POST", "/api/v1/questionnaires/score", R"({"questionnaires":{"sbi":[1,2,9,null]}})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(nlohmann::json::parse(bad.body)["error"]["field"], "questionnaires.sbi[2]");
  auto missing = c.Send("POST", "/api/v1/questionnaires/score", "{}");
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["field"], "questionnaires");
  EXPECT_EQ(c.Send("POST", "/api/v1/questionnaires/score", "[1]").status, 422);
}

TEST_F(ServerTest, KnowledgeListsTechniquesWithLabels) {
  HttpClient c(server_->port());
  auto k = nlohmann::json::parse(c.Send("GET", "/api/v1/knowledge").body);
  ASSERT_EQ(k["techniques"].size(), kTechniqueCount);
  EXPECT_EQ(k["techniques"][0]["id"], "deep_tissue");
  EXPECT_FALSE(k["techniques"][0]["label"].get<std::string>().empty());
}

TEST_F(ServerTest, OversizedBodyIs413AndMalformedHttpIs400) {
  {
    HttpClient c(server_->port());
    auto big = c.Send("POST", "/api/v1/assess", std::string(100 * 1024, ' '));
    EXPECT_EQ(big.status, 413);
  }
  HttpClient raw(server_->port());
  std::string reply = raw.SendRaw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_NE(reply.find("400"), std::string::npos) << reply;
}

TEST_F(ServerTest, OpenApiDocumentIsValidJsonAndListsEveryRoute) {
  HttpClient c(server_->port());
  auto doc = c.Send("GET", "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  auto openapi = nlohmann::json::parse(doc.body);
  EXPECT_EQ(openapi["openapi"].get<std::string>().substr(0, 2), "3.");
  http::Router stateless;
  api::AddStatelessRoutes(stateless, testing::K());
  for (const http::Route& r : stateless.routes()) {
    std::string method = r.method;
    for (char& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_TRUE(openapi["paths"].contains(r.pattern) &&
                openapi["paths"][r.pattern].contains(method))
        << r.method << " " << r.pattern << " is not in api/openapi.json";
  }
}

// Keep-alive clients beyond the thread count are all served (no starvation).
TEST_F(ServerTest, ManyKeepAliveConnectionsAreServed) {
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int i = 0; i < 64; ++i) {
    clients.push_back(std::make_unique<HttpClient>(server_->port()));
    ASSERT_EQ(clients.back()->Send("GET", "/healthz").status, 200);
  }
  for (auto& c : clients) EXPECT_EQ(c->Send("GET", "/healthz").status, 200);
  HttpClient late(server_->port());
  EXPECT_EQ(late.Send("GET", "/healthz").status, 200);
}

// Stop while connections keep arriving: the acceptor is closed on the strand
// its accept handlers run on, so closing never races the next accept. That
// race crashed the process now and then when a suite tore a server down;
// without the strand, 150 rounds of this crashed 2 runs in 3, so 30 rounds
// catch a regression in roughly one run in five (each Stop waits 200 ms).
TEST(ServerStopTest, StopWhileConnectionsArrive) {
  http::Router router;
  router.Add("GET", "/healthz", [](http::Request&) { return http::Response::Text(200, "ok\n"); });
  for (int round = 0; round < 30; ++round) {
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.threads = 4;
    http::HttpServer server(options, router);
    server.Start();
    std::atomic<bool> done = false;
    std::vector<std::thread> floods;
    for (int f = 0; f < 3; ++f) {
      floods.emplace_back([&] {
        boost::asio::io_context ioc;
        const boost::asio::ip::tcp::endpoint at(boost::asio::ip::make_address("127.0.0.1"),
                                                server.port());
        while (!done) {
          boost::asio::ip::tcp::socket socket(ioc);
          boost::system::error_code ignored;
          socket.connect(at, ignored);
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    server.Stop();
    done = true;
    for (auto& t : floods) t.join();
  }
}

}  // namespace
}  // namespace sciaticare
