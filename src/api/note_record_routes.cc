// Signing session notes, amending signed ones, and reading every version.
// An amendment is a note body in part: the fields it names replace the
// current ones, then the whole is read and checked exactly as a new note is
// (ReadNote, RequireWorkAllowed, ReviewDeviations, the session's red-flag
// screening), and stored beside the original by the store (AmendSessionNote).
#include <functional>

#include "api/care_guard.h"
#include "api/note_record.h"
#include "api/referral_routes.h"
#include "api/session_deviations.h"
#include "api/session_screening.h"
#include "store/records/note_amendment_records.h"

namespace sciaticare::api {
namespace {

constexpr auto kClinicians = {Role::kAdmin, Role::kTherapist};
constexpr std::size_t kMaxReasonLength = 2000;

// The fields of a note body an amendment may change (NoteContentJson's keys
// but "deviations", which is recomputed from the acknowledgement each time).
constexpr const char* kAmendableFields[] = {
    "plan_id",    "occurred_at",     "subjective",     "objective",        "assessment",
    "plan_text",  "leg_pain_before", "leg_pain_after", "back_pain_before", "back_pain_after",
    "techniques", "oils_used",       "adverse_events", "red_flags"};

json ContentOf(const std::string& stored) {
  json content = json::parse(stored, nullptr, false);
  return content.is_object() ? content : json::object();
}

// Field -> {before, after} for each field that differs.
json Changes(const json& before, const json& after) {
  json changes = json::object();
  for (const auto& [field, value] : after.items()) {
    const json was = before.contains(field) ? before[field] : json(nullptr);
    if (was != value) changes[field] = {{"before", was}, {"after", value}};
  }
  return changes;
}

std::string NameOf(Api& api, const Caller& c, Id user_id) {
  store::StoreResult<store::User> user = api.store().GetUser(c.clinic(), user_id);
  return user.ok() ? user.value().display_name : "";
}

json AmendmentJson(const store::NoteAmendment& a) {
  return {{"version", a.note_version},
          {"amended_by", a.amended_by},
          {"amended_by_name", a.amended_by_name},
          {"amended_at", a.amended_at},
          {"reason", a.reason},
          {"changes", Changes(ContentOf(a.before_json), ContentOf(a.after_json))}};
}

// POST /sessions/{id}/sign
http::Response SignNote(Api& api, http::Request& req, const Caller& c) {
  store::SessionNote note = Must(api.store().GetSessionNote(c.clinic(), PathId(req, "id")));
  const int expected = IfMatchVersion(req);
  // No body is needed; one that is sent is read within bounds like any other.
  if (!req.body.empty()) ParseBody(req);
  if (note.status != "draft") Reject("status", "the note is already signed", 409);
  store::SessionNote signed_note =
      Must(api.store().SignSessionNote(c.clinic(), note.id, expected, c.user.id, api.Now()));
  api.Audit(c, req, "sign", "session", std::to_string(note.id), note.patient_id);
  return WithEtag(JsonResponse(200, NoteRecordJson(api, c, signed_note)), signed_note.version);
}

// POST /sessions/{id}/amendments
http::Response AmendNote(Api& api, http::Request& req, const Caller& c) {
  const store::SessionNote stored = Must(api.store().GetSessionNote(c.clinic(), PathId(req, "id")));
  const int expected = IfMatchVersion(req);
  const json body = ParseBody(req);
  std::string reason = StringField(body, "reason", kMaxReasonLength);
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    Reject("reason", "say why the note is amended, in plain words");
  if (stored.status != "signed")
    Reject("status", "a draft is edited, not amended; amend it once it is signed", 409);

  // The current content with the fields the amendment names laid over it.
  json merged = ContentOf(store::records::NoteContentJson(stored));
  merged.erase("deviations");
  bool names_a_field = false;
  for (const char* field : kAmendableFields) {
    if (!body.contains(field)) continue;
    merged[field] = body[field];
    names_a_field = true;
  }
  if (!names_a_field) Reject("amendment", "name at least one field of the note to change");
  for (const char* ack : {"deviations_acknowledged", "deviation_reason"}) {
    if (body.contains(ack)) merged[ack] = body[ack];
  }
  store::SessionNote amended = stored;
  ReadNote(merged, api.knowledge(), amended);
  // Work recorded before is kept as it was; new work is checked, as in an edit.
  PatientCareRecords care(api, c, stored.patient_id);
  if (amended.techniques_json != "[]" && amended.techniques_json != stored.techniques_json)
    RequireWorkAllowed(api, c, amended, care);
  // Only answers the amendment gives are screened: the note's earlier
  // answers were screened when they were written.
  std::optional<store::Referral> raised;
  if (body.contains("red_flags")) raised = ScreenSessionRedFlags(api, c, stored.patient_id, body);
  if (auto refusal = ReviewDeviations(api, c, merged, amended, care)) return *refusal;
  if (store::records::NoteContentJson(amended) == store::records::NoteContentJson(stored))
    Reject("amendment", "changes nothing in the note");

  store::NoteAmendment amendment;
  amendment.reason = std::move(reason);
  amendment.amended_by = c.user.id;
  amendment.amended_at = api.Now();
  store::SessionNote now = Must(api.store().AmendSessionNote(amended, expected, amendment));
  api.Audit(c, req, "amend", "session", std::to_string(now.id), now.patient_id,
            "signed note amended: " + amendment.reason);
  json out = NoteRecordJson(api, c, now);
  if (raised) {
    raised->session_id = now.id;
    out["referral"] = ReferralJson(OpenReferral(api, c, req, std::move(*raised)), api.knowledge());
  }
  http::Response r = WithEtag(JsonResponse(201, out), now.version);
  r.headers["Location"] = "/api/v1/sessions/" + std::to_string(now.id);
  return r;
}

// GET /sessions/{id}/versions/{n}
// Version 1 is the note as first signed (or the draft as it stands); version
// k+1 is what the k-th amendment made it.
http::Response ReadNoteVersion(Api& api, http::Request& req, const Caller& c) {
  const store::SessionNote note = Must(api.store().GetSessionNote(c.clinic(), PathId(req, "id")));
  const Id n = PathId(req, "n");
  const std::vector<store::NoteAmendment> trail =
      Must(api.store().ListNoteAmendments(c.clinic(), note.id));
  if (n > static_cast<Id>(trail.size()) + 1) Reject("n", "no such version of this note", 404);
  json out = {{"session_id", note.id}, {"version", n}, {"versions", trail.size() + 1}};
  if (n == 1) {
    out["content"] = ContentOf(trail.empty() ? store::records::NoteContentJson(note)
                                             : trail.front().before_json);
    out["written_by"] = note.therapist_id;
    out["written_by_name"] = NameOf(api, c, note.therapist_id);
    out["written_at"] = note.created_at;
  } else {
    const store::NoteAmendment& a = trail[static_cast<std::size_t>(n - 2)];
    out["content"] = ContentOf(a.after_json);
    out["amendment"] = AmendmentJson(a);
  }
  api.Audit(c, req, "read", "session", std::to_string(note.id), note.patient_id,
            n == 1 ? "the note as first written"
                   : "the note as it stood after amendment " + std::to_string(n - 1));
  return JsonResponse(200, out);
}

}  // namespace

bool ReadSignNow(const json& body) {
  if (!body.contains("sign") || body["sign"].is_null()) return false;
  if (!body["sign"].is_boolean()) Reject("sign", "must be true or false");
  return body["sign"].get<bool>();
}

json NoteRecordJson(Api& api, const Caller& c, const store::SessionNote& note) {
  json out = ToJson(note);
  out["therapist_name"] = NameOf(api, c, note.therapist_id);
  out["signed_by_name"] = note.signed_by ? json(NameOf(api, c, *note.signed_by)) : json(nullptr);
  json amendments = json::array();
  for (const store::NoteAmendment& a : Must(api.store().ListNoteAmendments(c.clinic(), note.id)))
    amendments.push_back(AmendmentJson(a));
  out["versions"] = amendments.size() + 1;
  out["amendments"] = std::move(amendments);
  return out;
}

void AddNoteRecordRoutes(http::Router& router, Api& api) {
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("POST", "/api/v1/sessions/{id}/sign", api.Guard(kClinicians, with(SignNote)));
  router.Add("POST", "/api/v1/sessions/{id}/amendments", api.Guard(kClinicians, with(AmendNote)));
  router.Add("GET", "/api/v1/sessions/{id}/versions/{n}",
             api.Guard(kClinicians, with(ReadNoteVersion)));
}

}  // namespace sciaticare::api
