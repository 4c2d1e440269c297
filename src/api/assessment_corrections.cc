// Corrections of assessments: the request's checks, the kept link, the JSON
// of an assessment's versions and GET /assessments/{id}.
#include "api/assessment_corrections.h"

#include <algorithm>
#include <functional>

namespace sciaticare::api {
namespace {

constexpr auto kClinicians = {Role::kAdmin, Role::kTherapist};
constexpr std::size_t kMaxReason = 2000;

const store::AssessmentCorrection* Find(const std::vector<store::AssessmentCorrection>& list,
                                        Id store::AssessmentCorrection::*side, Id id) {
  auto it = std::find_if(list.begin(), list.end(),
                         [&](const store::AssessmentCorrection& c) { return c.*side == id; });
  return it == list.end() ? nullptr : &*it;
}

json LinkJson(const store::AssessmentCorrection* c, Id store::AssessmentCorrection::*other) {
  if (!c) return nullptr;
  return {{"assessment_id", c->*other},
          {"reason", c->reason},
          {"by", c->corrected_by},
          {"by_name", c->corrected_by_name},
          {"at", c->corrected_at}};
}

// How a person names an assessment in a message: its kind and day.
std::string Named(const store::Assessment& a) {
  const char* what =
      a.kind == store::AssessmentKind::kReassessment ? "the reassessment" : "the intake assessment";
  return std::string(what) + " of " + a.created_at.substr(0, 10) + " (assessment " +
         std::to_string(a.id) + ")";
}

Id ReadCorrectsId(const json& body) {
  const json& v = body["corrects"];
  if (!v.is_number_integer() || v.get<std::int64_t>() <= 0)
    Reject("corrects", "must name the assessment to correct by its number");
  return v.get<Id>();
}

// GET /assessments/{id}
http::Response GetAssessment(Api& api, http::Request& req, const Caller& c) {
  store::Assessment a = Must(api.store().GetAssessment(c.clinic(), PathId(req, "id")));
  const auto corrections = Must(api.store().ListAssessmentCorrections(c.clinic(), a.patient_id));
  api.Audit(c, req, "read", "assessment", std::to_string(a.id), a.patient_id);
  json body = WithCorrections(ToJson(a), a.id, corrections);
  body["versions"] = CorrectionChain(a.id, corrections);
  return JsonResponse(200, body);
}

}  // namespace

std::vector<Id> CorrectionChain(Id id,
                                const std::vector<store::AssessmentCorrection>& corrections) {
  using C = store::AssessmentCorrection;
  // Back to the first original, then forward to the latest correction. Each
  // side is unique in the store, and a correction is newer than what it
  // corrects, so the walk ends; the bound guards against a broken list.
  Id first = id;
  for (std::size_t steps = 0; steps <= corrections.size(); ++steps) {
    const C* c = Find(corrections, &C::correction_id, first);
    if (!c) break;
    first = c->corrects_id;
  }
  std::vector<Id> chain{first};
  for (std::size_t steps = 0; steps < corrections.size(); ++steps) {
    const C* c = Find(corrections, &C::corrects_id, chain.back());
    if (!c) break;
    chain.push_back(c->correction_id);
  }
  return chain;
}

json WithCorrections(json assessment, Id id,
                     const std::vector<store::AssessmentCorrection>& corrections) {
  using C = store::AssessmentCorrection;
  assessment["corrects"] = LinkJson(Find(corrections, &C::correction_id, id), &C::corrects_id);
  assessment["corrected_by"] = LinkJson(Find(corrections, &C::corrects_id, id), &C::correction_id);
  return assessment;
}

std::optional<PendingCorrection> ReadCorrection(Api& api, const Caller& c, Id patient_id,
                                                const json& body) {
  if (!body.contains("corrects") || body["corrects"].is_null()) {
    if (body.contains("reason"))
      Reject("reason", "a reason is given only with the assessment it corrects (corrects)");
    return std::nullopt;
  }
  const Id corrects = ReadCorrectsId(body);
  std::string reason = StringField(body, "reason", kMaxReason, false);
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    Reject("reason", "must say why the assessment is corrected");
  store::StoreResult<store::Assessment> found = api.store().GetAssessment(c.clinic(), corrects);
  if (!found.ok() && found.error().kind == store::StoreErrorKind::kNotFound)
    Reject("corrects", "is not an assessment of this patient", 404);
  store::Assessment original = Must(std::move(found));
  if (original.patient_id != patient_id)
    Reject("corrects", "is not an assessment of this patient", 404);
  if (original.kind == store::AssessmentKind::kPortal)
    Reject("corrects", "portal answers are not a screening and cannot be corrected");
  // Only the latest screening may be corrected: the correction becomes the
  // latest and governs, so correcting an older one would put its screening
  // back in charge over what was found since.
  const auto all = Must(api.store().ListAssessments(c.clinic(), patient_id));
  auto latest = std::find_if(all.rbegin(), all.rend(), [](const store::Assessment& a) {
    return a.kind != store::AssessmentKind::kPortal;
  });
  if (latest != all.rend() && latest->id != original.id) {
    Reject("corrects",
           Named(original) + " is no longer the latest: correct " + Named(*latest) + " instead",
           409);
  }
  const json intake = json::parse(original.intake_json, nullptr, false);
  const bool spread =
      intake.is_object() && intake.value("symptoms_spread_in_treatment", json()) == true;
  return PendingCorrection{std::move(original), std::move(reason), spread};
}

store::AssessmentCorrection KeepCorrection(Api& api, const Caller& c, const http::Request& req,
                                           const PendingCorrection& pending,
                                           const store::Assessment& stored) {
  store::AssessmentCorrection link;
  link.clinic_id = c.clinic();
  link.patient_id = stored.patient_id;
  link.corrects_id = pending.original.id;
  link.correction_id = stored.id;
  link.reason = pending.reason;
  link.corrected_by = c.user.id;
  link.corrected_at = stored.created_at;
  store::AssessmentCorrection kept = Must(api.store().RecordAssessmentCorrection(link));
  api.Audit(c, req, "correct", "assessment", std::to_string(pending.original.id), stored.patient_id,
            "corrected by a newer assessment: " + pending.reason);
  return kept;
}

void AddAssessmentRoutes(http::Router& router, Api& api) {
  router.Add("GET", "/api/v1/assessments/{id}",
             api.Guard(kClinicians, std::bind_front(GetAssessment, std::ref(api))));
}

}  // namespace sciaticare::api
