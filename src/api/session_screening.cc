#include "api/session_screening.h"

#include "api/referral_routes.h"
#include "codec/intake_json.h"
#include "core/assessment.h"
#include "core/care_governance.h"

namespace sciaticare::api {

json SessionRedFlagAnswers(const json& body, const Knowledge& k) {
  if (!body.contains("red_flags") || body["red_flags"].is_null()) return json::object();
  const json& answers = body["red_flags"];
  if (!answers.is_object() || answers.size() > k.red_flags.size())
    Reject("red_flags", "must be an object of red-flag ids answered true or false");
  for (const auto& [id, answer] : answers.items()) {
    if (k.FindRedFlag(id) < 0 || id.size() > 80)
      Reject("red_flags", "unknown red flag id (see docs/intake.md for the list)");
    if (!answer.is_boolean() && !answer.is_null())
      Reject("red_flags." + id, "must be true, false or null (not asked)");
  }
  return answers;
}

std::optional<store::Referral> ScreenSessionRedFlags(Api& api, const Caller& c, Id patient_id,
                                                     const json& body) {
  const Knowledge& k = api.knowledge();
  const json answers = SessionRedFlagAnswers(body, k);
  json positive = json::array();
  for (const auto& [id, answer] : answers.items()) {
    if (answer.is_boolean() && answer.get<bool>()) positive.push_back(id);
  }
  if (positive.empty()) return std::nullopt;

  store::Referral referral;
  referral.patient_id = patient_id;
  std::optional<Urgency> urgency;
  json flags = json::array();
  // The latest screening assessment's intake, with today's answers over its own.
  std::optional<store::Assessment> base;
  for (const store::Assessment& a : Must(api.store().ListAssessments(c.clinic(), patient_id))) {
    if (a.kind != store::AssessmentKind::kPortal) base = a;
  }
  if (base) {
    referral.assessment_id = base->id;
    json intake = json::parse(base->intake_json, nullptr, false);
    if (intake.is_object()) {
      if (!intake.contains("red_flags") || !intake["red_flags"].is_object())
        intake["red_flags"] = json::object();
      for (const auto& [id, answer] : answers.items()) intake["red_flags"][id] = answer;
      Result<Intake> parsed =
          ParseIntakeJson(intake.dump(-1, ' ', false, json::error_handler_t::replace), k);
      if (parsed) {
        const Assessment assessed = Assess(parsed.value(), k);
        if (auto u = UrgencyOfTriage(Name(assessed.screening.triage))) {
          referral.urgency = std::string(Name(*u));
          for (const std::string& reason : assessed.screening.reasons)
            referral.findings += (referral.findings.empty() ? "" : " ") + reason;
        }
      }
    }
  }
  // Each positive answer's own flag; when no intake could be screened with
  // them, the most urgent of them decides.
  for (const json& id : positive) {
    const RedFlagDef& def =
        k.red_flags[static_cast<std::size_t>(k.FindRedFlag(id.get<std::string>()))];
    flags.push_back({{"id", def.id}, {"reason", def.reason}});
    if (!urgency || def.urgency > *urgency) urgency = def.urgency;
  }
  if (referral.urgency.empty()) {
    if (!urgency || *urgency == Urgency::kNote) return std::nullopt;
    referral.urgency = *urgency == Urgency::kEmergency ? "emergency"
                       : *urgency == Urgency::kUrgent  ? "urgent"
                                                       : "routine_gp";
    referral.findings = "Red flag found at a treatment session.";
  }
  referral.flags_json = flags.dump();
  return referral;
}

}  // namespace sciaticare::api
