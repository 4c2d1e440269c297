#include "api/session_deviations.h"

#include <algorithm>
#include <cctype>

#include "api/audit_words.h"
#include "api/note_techniques.h"
#include "api/treatment_response.h"
#include "codec/intake_json.h"
#include "core/assessment.h"
#include "core/session_review.h"
#include "core/vocabulary.h"

namespace sciaticare::api {
namespace {

struct LatestScreening {
  Id assessment_id = 0;
  Screening screening;
};

// The newest intake or reassessment, screened again by the core from its
// intake document, with symptoms that spread at a session since then (other
// than at note `except_note`, the one under review); none when the patient
// was never screened. Portal questionnaires hold scores, not a screening.
std::optional<LatestScreening> FindLatestScreening(Api& api, Id except_note,
                                                   const store::CareRecords& care) {
  // The patient's assessments, oldest first.
  const std::vector<store::Assessment>& assessments = care.assessments;
  for (auto it = assessments.rbegin(); it != assessments.rend(); ++it) {
    if (it->kind == store::AssessmentKind::kPortal) continue;
    // An assessment's intake never changes once stored, so it is read once.
    const std::shared_ptr<const Result<Intake>> intake = api.facts().AssessedIntake(
        it->id, [&] { return ParseIntakeJson(it->intake_json, api.knowledge()); });
    if (!*intake) {
      Reject("screening",
             "the latest screening can no longer be read (" + intake->error().ToString() +
                 "): reassess the patient before recording a session",
             409);
    }
    Intake current = intake->value();
    current.symptoms_spread_in_treatment |= SymptomsSpreadSince(care, it->created_at, except_note);
    return LatestScreening{it->id, ScreenIntake(current, api.knowledge())};
  }
  return std::nullopt;
}

// The work as the core sees it, one entry per region of each row; the names
// were checked when the body was read.
SessionWork WorkOf(const store::SessionNote& note) {
  SessionWork work;
  work.oils_used = note.oils_used;
  work.techniques = WorkOfNote(note.techniques_json);
  return work;
}

struct Acknowledgement {
  bool given = false;
  std::string reason;
};

Acknowledgement ReadAcknowledgement(const json& body) {
  Acknowledgement ack;
  if (body.contains("deviations_acknowledged") && !body["deviations_acknowledged"].is_null()) {
    if (!body["deviations_acknowledged"].is_boolean())
      Reject("deviations_acknowledged", "must be true or false");
    ack.given = body["deviations_acknowledged"].get<bool>();
  }
  ack.reason = StringField(body, "deviation_reason", 500, ack.given);
  const auto visible = std::count_if(ack.reason.begin(), ack.reason.end(),
                                     [](unsigned char ch) { return !std::isspace(ch); });
  if (ack.given && visible < 3) {
    Reject("deviation_reason", "say in a few words why the work departed from the screening");
  }
  return ack;
}

json StoredDeviations(const std::string& stored) {
  if (stored.empty()) return nullptr;
  json doc = json::parse(stored, nullptr, false);
  return doc.is_object() ? doc : json(nullptr);
}

}  // namespace

std::optional<http::Response> ReviewDeviations(Api& api, const Caller& c, const json& body,
                                               store::SessionNote& note, PatientCareRecords& care) {
  const Acknowledgement ack = ReadAcknowledgement(body);
  note.deviations_json.clear();
  const auto latest = FindLatestScreening(api, note.id, care.Get());
  if (!latest) return std::nullopt;
  const std::vector<Error> departures = ReviewSessionWork(WorkOf(note), latest->screening);
  if (departures.empty()) return std::nullopt;
  json items = json::array();
  for (const Error& e : departures) items.push_back({{"field", e.field}, {"message", e.message}});
  if (!ack.given) {
    return ProblemsResponse(
        "deviations_acknowledged",
        "the work departs from the patient's latest screening in " + std::to_string(items.size()) +
            (items.size() == 1 ? " place" : " places") +
            ": change it, or record it as done by acknowledging the deviations with a reason",
        items);
  }
  note.deviations_json = json{{"reason", ack.reason},
                              {"items", items},
                              {"acknowledged_by", c.user.id},
                              {"acknowledged_at", api.Now()},
                              {"screening_assessment_id", latest->assessment_id}}
                             .dump();
  return std::nullopt;
}

std::size_t DeviationCount(const std::string& stored_deviations) {
  const json doc = StoredDeviations(stored_deviations);
  const json items = doc.is_object() ? doc.value("items", json::array()) : json::array();
  return items.is_array() ? items.size() : 0;
}

std::string DeviationAuditDetail(const store::SessionNote& note) {
  const json doc = StoredDeviations(note.deviations_json);
  if (!doc.is_object()) return "";
  const json items = doc.value("items", json::array());
  return "work departing from the latest screening in " +
         CountOf(items.is_array() ? items.size() : 0, "place") +
         ", acknowledged: " + doc.value("reason", "");
}

}  // namespace sciaticare::api
