#include "codec/assessment_json.h"

namespace sciaticare {

std::string_view UrgencyName(Urgency u) {
  switch (u) {
    case Urgency::kNote:
      return "note";
    case Urgency::kRoutineGp:
      return "routine_gp";
    case Urgency::kUrgent:
      return "urgent";
    case Urgency::kEmergency:
      return "emergency";
  }
  return "note";
}

namespace {

using nlohmann::json;

std::string_view LevelName(ConditionLevel l) {
  switch (l) {
    case ConditionLevel::kAbsolute:
      return "absolute";
    case ConditionLevel::kLocal:
      return "local";
    case ConditionLevel::kRelative:
      return "relative";
    case ConditionLevel::kPreference:
      return "preference";
  }
  return "relative";
}

json Optional(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json PatternToJson(const BodyPattern& p) {
  return {{"roots", p.roots},           {"side", p.side ? json(Name(*p.side)) : json(nullptr)},
          {"below_knee", p.below_knee}, {"both_legs", p.both_legs},
          {"summary", p.summary},       {"is_diagnosis", false}};
}

json ConstraintsToJson(const Constraints& c, const Knowledge& k) {
  json caps = json::array(), avoid = json::array(), excluded = json::array();
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    auto region = Name(static_cast<Region>(r));
    if (c.cap[r] < 5)
      caps.push_back({{"region", region}, {"max", c.cap[r]}, {"reason", c.cap_reason[r]}});
    if (c.avoided[r][0] || c.avoided[r][1]) {
      std::string_view side = c.avoided[r][0] && c.avoided[r][1] ? "both"
                              : c.avoided[r][0]                  ? "left"
                                                                 : "right";
      avoid.push_back({{"region", region}, {"side", side}, {"reason", c.avoid_reason[r]}});
    }
  }
  for (std::size_t t = 0; t < kTechniqueCount; ++t) {
    if (!c.excluded_reason[t].empty()) {
      excluded.push_back(
          {{"technique", Name(static_cast<Technique>(t))}, {"reason", c.excluded_reason[t]}});
    }
  }
  (void)k;
  return {{"pressure_caps", caps},
          {"avoid_regions", avoid},
          {"excluded_techniques", excluded},
          {"oils_allowed", c.oils_allowed},
          {"no_heat", c.no_heat},
          {"position", c.position.empty() ? json(nullptr) : json(c.position)},
          {"clearances", c.clearances}};
}

json PlanToJson(const Plan& p, const Knowledge& k) {
  json techniques = PlanItemsToJson(p.techniques, k);
  json excluded = json::array();
  for (const ExcludedTechnique& e : p.excluded) {
    excluded.push_back({{"technique", Name(e.technique)}, {"reason", e.reason}});
  }
  json complements = json::array();
  for (int i : p.complements) {
    const ComplementDef& c = k.complements[i];
    complements.push_back({{"id", c.id},
                           {"kind", c.kind},
                           {"text", c.text},
                           {"because", c.because},
                           {"evidence", EvidenceToJson(c.evidence, k)}});
  }
  json escalation = json::array();
  for (const EscalationDef& e : k.escalation) {
    escalation.push_back({{"when", e.when}, {"then", e.then}, {"urgency", e.urgency}});
  }
  return {
      {"presented_as",
       "Short-term relief as one part of a package with exercise and staying active; "
       "massage does not cure sciatica. Decision support for the therapist to review and approve."},
      {"techniques", techniques},
      {"excluded", excluded},
      {"oils_allowed", p.oils_allowed},
      {"lubricant", p.lubricant},
      {"position", p.position.empty() ? json(nullptr) : json(p.position)},
      {"no_heat", p.no_heat},
      {"sessions",
       {{"per_week", p.per_week},
        {"count", p.count},
        {"minutes", p.session_minutes},
        {"because", p.sessions_because},
        {"evidence", EvidenceToJson(p.sessions_evidence, k)}}},
      {"reassessment",
       {{"after_sessions", p.reassess_after},
        {"measures", k.reassessment_measures},
        {"responder", k.responder_text},
        {"if_not_met", k.not_met_text},
        {"evidence", EvidenceToJson(k.reassessment_evidence, k)}}},
      {"complements", complements},
      {"escalation", escalation},
      {"cautions", p.cautions},
      {"clearances", p.clearances},
      {"approval_blockers", p.approval_blockers},
  };
}

}  // namespace

json ScoresToJson(const Scores& s) {
  json out = json::object();
  if (s.nrs_leg) out["nrs_leg"] = *s.nrs_leg;
  if (s.nrs_back) out["nrs_back"] = *s.nrs_back;
  if (s.odi) {
    out["odi"] = {
        {"percent", s.odi->percent ? json(*s.odi->percent) : json(nullptr)},
        {"band", s.odi->band.empty() ? json(nullptr) : json(s.odi->band)},
        {"band_label", s.odi->band_label.empty() ? json(nullptr) : json(s.odi->band_label)},
        {"answered", s.odi->answered},
        {"sum", s.odi->sum}};
  }
  if (s.sbi) {
    out["sbi"] = {{"total", Optional(s.sbi->total)},
                  {"bothersome_items", s.sbi->bothersome_items},
                  {"success", s.sbi->success ? json(*s.sbi->success) : json(nullptr)}};
  }
  if (s.startback) {
    out["startback"] = {
        {"total", Optional(s.startback->total)},
        {"psychosocial", Optional(s.startback->psychosocial)},
        {"risk", s.startback->risk.empty() ? json(nullptr) : json(s.startback->risk)}};
  }
  if (s.rmdq) out["rmdq"] = {{"total", s.rmdq->total}};
  return out;
}

json PlanItemsToJson(const std::vector<PlanItem>& items, const Knowledge& k) {
  static const char* kPressure[] = {"", "light", "moderate", "firm", "deep", "very deep"};
  json techniques = json::array();
  for (const PlanItem& item : items) {
    json targets = json::array();
    for (const Target& t : item.targets) {
      targets.push_back({{"muscle", t.muscle}, {"region", Name(t.region)}, {"side", Name(t.side)}});
    }
    const TechniqueDef& def = k.techniques[static_cast<std::size_t>(item.technique)];
    techniques.push_back({{"technique", Name(item.technique)},
                          {"label", def.label},
                          {"targets", targets},
                          {"pressure", item.pressure},
                          {"pressure_label", kPressure[item.pressure]},
                          {"minutes", item.minutes},
                          {"because", item.because},
                          {"evidence", EvidenceToJson(item.evidence, k)}});
  }
  return techniques;
}

json EvidenceToJson(int evidence, const Knowledge& k) {
  const EvidenceDef& e = k.evidence[evidence];
  return {{"grade", e.grade},
          {"title", e.title},
          {"summary", e.summary},
          {"ref", "docs/evidence.md#" + e.id}};
}

json AssessmentToJson(const Assessment& a, const Knowledge& k) {
  const Screening& s = a.screening;
  json flags = json::array();
  for (const PositiveFlag& f : s.flags) {
    const RedFlagDef& def = k.red_flags[f.flag];
    flags.push_back({{"id", def.id},
                     {"urgency", UrgencyName(f.urgency)},
                     {"reason", f.from_body_map ? k.bilateral_leg_reason : def.reason},
                     {"from_body_map", f.from_body_map},
                     {"source", def.source}});
  }
  json precautions = json::array();
  for (const ActiveCondition& c : s.conditions) {
    const ConditionDef& def = k.conditions[c.condition];
    precautions.push_back({{"id", def.id},
                           {"level", LevelName(def.level)},
                           {"reason", def.reason},
                           {"derived", c.derived},
                           {"source", def.source},
                           {"evidence", EvidenceToJson(def.evidence, k)}});
  }
  json referral = nullptr;
  if (IsReferral(s.triage)) referral = {{"action", s.referral_action}};
  return {{"triage", Name(s.triage)},
          {"reasons", s.reasons},
          {"referral", referral},
          {"red_flags", flags},
          {"precautions", precautions},
          {"unanswered_ces_flags", s.unanswered_ces_flags},
          {"constraints", ConstraintsToJson(s.constraints, k)},
          {"scores", ScoresToJson(a.scores)},
          {"pattern", PatternToJson(a.pattern)},
          {"plan", a.plan ? PlanToJson(*a.plan, k) : json(nullptr)},
          {"knowledge_version", a.knowledge_version}};
}

}  // namespace sciaticare
