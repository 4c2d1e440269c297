// GET /api/v1/knowledge as the web intake reads it (issue 13): which
// conditions ask where they are and which modifiers they read, each red
// flag's urgency and same-day mark, and the advice of each urgency. Checked
// against the knowledge files themselves, read here independently of the
// loader, so a screen built from this answer asks exactly what the rules use.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "api/assess_routes.h"
#include "http/http_client.h"
#include "http/server.h"
#include "knowledge/knowledge_loader.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using nlohmann::json;

json File(const char* name) { return json::parse(EmbeddedKnowledgeFiles().at(name)); }

// An action acts on a site when it names "site" or excludes all unless the
// site is outside some regions; a modifier's "then" action counts too.
bool ActsOnSite(const json& action) {
  if (action.value("where", "") == "site") return true;
  if (action.value("type", "") == "exclude_all_unless_site_outside") return true;
  return action.contains("then") && ActsOnSite(action["then"]);
}

class KnowledgeRouteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    api::AddStatelessRoutes(router_, testing::K());
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    server_ = std::make_unique<http::HttpServer>(options, router_);
    server_->Start();
    testing::HttpClient c(server_->port());
    auto answer = c.Send("GET", "/api/v1/knowledge");
    ASSERT_EQ(answer.status, 200);
    served_ = json::parse(answer.body);
  }
  void TearDown() override { server_->Stop(); }

  http::Router router_;
  std::unique_ptr<http::HttpServer> server_;
  json served_;
};

TEST_F(KnowledgeRouteTest, EveryConditionSaysWhetherItAsksASiteAndWhichModifiers) {
  const json conditions = File("contraindications.json")["conditions"];
  ASSERT_EQ(served_["conditions"].size(), conditions.size());
  int asking = 0, with_modifiers = 0;
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    const json& want = conditions[i];
    const json& got = served_["conditions"][i];
    ASSERT_EQ(got["id"], want["id"]);
    bool site = false;
    std::set<std::string> modifiers;
    for (const json& a : want["actions"]) {
      site = site || ActsOnSite(a);
      if (a.value("type", "") == "when_modifier")
        modifiers.insert(a["modifier"].get<std::string>());
    }
    EXPECT_EQ(got["asks_site"], site) << want["id"];
    std::set<std::string> served_modifiers;
    for (const json& m : got["modifiers"]) served_modifiers.insert(m.get<std::string>());
    EXPECT_EQ(served_modifiers, modifiers) << want["id"];
    asking += site;
    with_modifiers += !modifiers.empty();
  }
  // The issue names wounds, devices, surgery and metastasis sites, and the
  // contagious, unstable and high-risk modifiers: the files have them.
  EXPECT_GE(asking, 4);
  EXPECT_GE(with_modifiers, 3);
}

TEST_F(KnowledgeRouteTest, RedFlagsCarryTheirUrgencyAndSameDayMark) {
  const json flags = File("red_flags.json")["flags"];
  ASSERT_EQ(served_["red_flags"].size(), flags.size());
  int same_day = 0;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    EXPECT_EQ(served_["red_flags"][i]["id"], flags[i]["id"]);
    EXPECT_EQ(served_["red_flags"][i]["urgency"], flags[i]["urgency"]) << flags[i]["id"];
    EXPECT_EQ(served_["red_flags"][i]["same_day"], flags[i].value("same_day", false))
        << flags[i]["id"];
    same_day += flags[i].value("same_day", false);
  }
  EXPECT_GE(same_day, 1);
}

TEST_F(KnowledgeRouteTest, EachUrgencyCarriesTheKnowledgesAdvice) {
  const json urgencies = File("red_flags.json")["urgencies"];
  for (const char* u : {"emergency", "urgent", "routine_gp"}) {
    EXPECT_EQ(served_["urgencies"][u]["action"], urgencies[u]["action"]) << u;
    const json want =
        urgencies[u].contains("same_day_action") ? urgencies[u]["same_day_action"] : json(nullptr);
    EXPECT_EQ(served_["urgencies"][u]["same_day_action"], want) << u;
  }
  EXPECT_FALSE(served_["urgencies"]["urgent"]["same_day_action"].is_null());
}

}  // namespace
}  // namespace sciaticare
