#include "api/assess_routes.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include "api/embedded_api.h"
#include "codec/assessment_json.h"
#include "codec/intake_json.h"
#include "codec/wording_json.h"
#include "core/assessment.h"
#include "core/region_sides.h"
#include "core/vocabulary.h"

namespace sciaticare::api {

using http::ErrorResponse;
using http::Request;
using http::Response;

namespace {

// True when one of the condition's rules (or a rule under one of its
// modifiers) acts on the site the intake reports.
bool ActsOnSite(const ConditionAction& a) {
  if (a.type == ConditionAction::Type::kExcludeAllUnlessSiteOutside) return true;
  if (a.where.kind == RegionSelector::Kind::kSite) return true;
  return a.then && ActsOnSite(*a.then);
}

bool ActsOnSite(const ConditionDef& c) {
  return std::any_of(c.actions.begin(), c.actions.end(),
                     [](const ConditionAction& a) { return ActsOnSite(a); });
}

std::vector<std::string> ModifiersOf(const ConditionDef& c) {
  std::vector<std::string> out;
  for (const ConditionAction& a : c.actions) {
    if (a.type == ConditionAction::Type::kWhenModifier &&
        std::find(out.begin(), out.end(), a.modifier) == out.end())
      out.push_back(a.modifier);
  }
  return out;
}

// GET /metrics
Response Metrics(const Knowledge& k, const ServerStats& stats, Request&) {
  const double uptime =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - stats.started).count();
  std::string body = fmt::format(
      "# HELP sciaticare_http_requests_total HTTP requests served.\n"
      "# TYPE sciaticare_http_requests_total counter\n"
      "sciaticare_http_requests_total {}\n"
      "# HELP sciaticare_http_connections_open Open client connections.\n"
      "# TYPE sciaticare_http_connections_open gauge\n"
      "sciaticare_http_connections_open {}\n"
      "# HELP sciaticare_http_connections_refused_total Connections answered 503 at the cap.\n"
      "# TYPE sciaticare_http_connections_refused_total counter\n"
      "sciaticare_http_connections_refused_total {}\n"
      "# HELP sciaticare_uptime_seconds Seconds since the server started.\n"
      "# TYPE sciaticare_uptime_seconds gauge\n"
      "sciaticare_uptime_seconds {:.3f}\n"
      "# HELP sciaticare_build_info Knowledge version the server decides with.\n"
      "# TYPE sciaticare_build_info gauge\n"
      "sciaticare_build_info{{knowledge_version=\"{}\"}} 1\n",
      stats.requests_served(), stats.connections_open(),
      stats.connections_refused ? stats.connections_refused() : 0, uptime, k.version);
  Response r = Response::Text(200, std::move(body));
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  return r;
}

nlohmann::json RedFlagsJson(const Knowledge& k) {
  nlohmann::json flags = nlohmann::json::array();
  for (const RedFlagDef& f : k.red_flags) {
    flags.push_back({{"id", f.id},
                     {"group", f.group},
                     {"question", f.question},
                     {"scope", f.scope},
                     {"urgency", UrgencyName(f.urgency)},
                     {"same_day", f.same_day}});
  }
  return flags;
}

// Each condition says whether its rules act on where it is (so the intake
// asks the site) and which modifiers they read (so the intake asks those).
nlohmann::json ConditionsJson(const Knowledge& k) {
  nlohmann::json conditions = nlohmann::json::array();
  for (const ConditionDef& c : k.conditions) {
    conditions.push_back({{"id", c.id},
                          {"reason", c.reason},
                          {"asks_site", ActsOnSite(c)},
                          {"modifiers", ModifiersOf(c)}});
  }
  return conditions;
}

// What each referral urgency tells the patient to do, in the knowledge's words.
nlohmann::json UrgenciesJson(const Knowledge& k) {
  nlohmann::json urgencies = nlohmann::json::object();
  for (Urgency u : {Urgency::kRoutineGp, Urgency::kUrgent, Urgency::kEmergency}) {
    const UrgencyInfo& info = k.urgencies[static_cast<std::size_t>(u)];
    urgencies[std::string(UrgencyName(u))] = {
        {"action", info.action},
        {"same_day_action", info.same_day_action.empty() ? nlohmann::json(nullptr)
                                                         : nlohmann::json(info.same_day_action)}};
  }
  return urgencies;
}

// The plan review, session note and therapist profile screens offer these to choose from.
nlohmann::json TechniquesJson(const Knowledge& k) {
  nlohmann::json techniques = nlohmann::json::array();
  for (std::size_t t = 0; t < kTechniqueCount; ++t) {
    const TechniqueDef& def = k.techniques[t];
    techniques.push_back({{"id", TechniqueNames()[t]},
                          {"label", def.label},
                          {"description", def.description},
                          {"min_pressure", def.min_pressure},
                          {"max_pressure", def.max_pressure},
                          {"minutes_per_region", def.minutes_per_region},
                          {"evidence", EvidenceToJson(def.evidence, k)}});
  }
  return techniques;
}

nlohmann::json RegionsJson(const Knowledge& k) {
  nlohmann::json regions = nlohmann::json::array();
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    regions.push_back({{"id", RegionNames()[r]},
                       {"label", k.regions[r].label},
                       {"muscles", k.regions[r].muscles},
                       {"sides", SidesOf(k.regions[r])}});
  }
  return regions;
}

// Inflammatory back pain is asked as its entry questions and features
// (red_flags.json derived.inflammatory_back_pain), not as one question.
nlohmann::json InflammatoryJson(const Knowledge& k) {
  auto questions = [](const std::vector<std::string>& ids, const std::vector<std::string>& texts) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < ids.size() && i < texts.size(); ++i)
      list.push_back({{"id", ids[i]}, {"question", texts[i]}});
    return list;
  };
  const auto& ibp = k.inflammatory;
  return {{"flag", ibp.flag >= 0 ? k.red_flags[static_cast<std::size_t>(ibp.flag)].id : ""},
          {"min_features", ibp.min_features},
          {"entry", questions(ibp.entry, ibp.entry_questions)},
          {"features", questions(ibp.features, ibp.feature_questions)}};
}

// GET /api/v1/knowledge
Response KnowledgeDocument(const Knowledge& k, Request&) {
  // The intake's fixed vocabularies, named as the core parses them, so the web
  // offers exactly the words the server accepts and never keeps its own list.
  const nlohmann::json vocabularies = {{"activities", ActivityNames()},
                                       {"symptom_kinds", SymptomKindNames()},
                                       {"sides", SideNames()},
                                       {"sexes", SexNames()},
                                       {"pain_tolerances", PainToleranceNames()}};
  nlohmann::json body = {{"knowledge_version", k.version},
                         {"red_flags", RedFlagsJson(k)},
                         {"inflammatory_back_pain", InflammatoryJson(k)},
                         {"conditions", ConditionsJson(k)},
                         {"urgencies", UrgenciesJson(k)},
                         {"techniques", TechniquesJson(k)},
                         {"regions", RegionsJson(k)},
                         {"vocabularies", vocabularies},
                         {"questionnaires", QuestionnairesToJson(k, nullptr)}};
  return Response::Json(200, body.dump());
}

// POST /api/v1/assess
Response AssessIntake(const Knowledge& k, Request& req) {
  Result<Intake> intake = ParseIntakeJson(req.body, k);
  if (!intake) return ErrorResponse(422, intake.error().field, intake.error().message);
  Assessment a = Assess(intake.value(), k);
  return Response::Json(200, AssessmentToJson(a, k).dump());
}

// POST /api/v1/questionnaires/score
// The questionnaire scores alone, for forms that show them as answers are
// chosen: the core's rules, so the web never keeps a copy of them.
Response ScoreQuestionnairesRoute(const Knowledge& k, Request& req) {
  Result<Questionnaires> q = ParseQuestionnairesJson(req.body, k);
  if (!q) return ErrorResponse(422, q.error().field, q.error().message);
  return Response::Json(200, ScoresToJson(ScoreQuestionnaires(q.value(), k)).dump());
}

Response Healthz(Request&) { return Response::Text(200, "ok\n"); }

Response OpenApi(Request&) { return Response::Json(200, std::string(OpenApiDocument())); }

}  // namespace

void AddMetricsRoute(http::Router& router, const Knowledge& k, const ServerStats& stats) {
  router.Add("GET", "/metrics", std::bind_front(Metrics, std::cref(k), std::cref(stats)));
}

void AddStatelessRoutes(http::Router& router, const Knowledge& k) {
  router.Add("GET", "/healthz", Healthz);
  router.Add("GET", "/api/v1/openapi.json", OpenApi);
  router.Add("GET", "/api/v1/knowledge", std::bind_front(KnowledgeDocument, std::cref(k)));
  router.Add("POST", "/api/v1/assess", std::bind_front(AssessIntake, std::cref(k)));
  router.Add("POST", "/api/v1/questionnaires/score",
             std::bind_front(ScoreQuestionnairesRoute, std::cref(k)));
}

}  // namespace sciaticare::api

namespace sciaticare::api {

std::string_view OpenApiDocument() {
  for (const auto& [name, content] : EmbeddedApiFileList()) {
    if (name == "openapi.json") return content;
  }
  return "{}";
}

}  // namespace sciaticare::api
