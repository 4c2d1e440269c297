// Intake drafts: the intake form's state, saved as the therapist types so
// that it survives navigation, restored on return and discarded on purpose
// (or by the assessment submitted from it). A draft is working state, not
// clinical record, so it is replaced and deleted; every access is audited.
// Consents: the patient's consent to hands-on treatment and to each
// sensitive area, append-only (a withdrawal is a new entry), recorded by the
// signed-in clinician; consent_guard.h is where notes are checked against it.
#include "api/intake_consent_routes.h"

#include "api/consent_guard.h"

namespace sciaticare::api {
namespace {

constexpr auto kClinicians = {Role::kAdmin, Role::kTherapist};

// The most a draft's state may take, as compact JSON: a full intake with
// every free-text field at its limit fits several times over.
constexpr std::size_t kMaxDraftBytes = 64 * 1024;

json DraftJson(const store::IntakeDraft& d) {
  return {{"state", json::parse(d.state_json, nullptr, false)},
          {"updated_at", d.updated_at},
          {"updated_by", d.updated_by}};
}

// GET /patients/{id}/intake-draft: {"draft": null} when there is none.
http::Response GetDraft(Api& api, http::Request& req, const Caller& c) {
  const store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  auto draft = api.store().GetIntakeDraft(c.clinic(), p.id);
  if (!draft.ok() && draft.error().kind != store::StoreErrorKind::kNotFound) Must(std::move(draft));
  api.Audit(c, req, "read", "intake_draft", std::to_string(p.id), p.id,
            draft.ok() ? "" : "no intake draft kept");
  return JsonResponse(200, {{"draft", draft.ok() ? DraftJson(draft.value()) : json(nullptr)}});
}

// PUT /patients/{id}/intake-draft: {"state": {...}} replaces the draft.
http::Response SaveDraft(Api& api, http::Request& req, const Caller& c) {
  const store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  const json body = ParseBody(req);
  const json& state = Member(body, "state");
  if (!state.is_object()) Reject("state", "must be the intake form as a JSON object");
  store::IntakeDraft draft;
  draft.clinic_id = c.clinic();
  draft.patient_id = p.id;
  draft.state_json = state.dump();
  if (draft.state_json.size() > kMaxDraftBytes) {
    Reject("state",
           "the intake draft is too large to keep (at most " +
               std::to_string(kMaxDraftBytes / 1024) + " KiB)",
           413);
  }
  draft.state_json = CheckedText(std::move(draft.state_json), "state", TextShape::kFreeText);
  draft.updated_by = c.user.id;
  draft.updated_at = api.Now();
  const store::IntakeDraft saved = Must(api.store().SaveIntakeDraft(draft));
  api.Audit(c, req, "update", "intake_draft", std::to_string(p.id), p.id);
  return JsonResponse(200, {{"draft", DraftJson(saved)}});
}

// DELETE /patients/{id}/intake-draft: discards it on purpose.
http::Response DiscardDraft(Api& api, http::Request& req, const Caller& c) {
  const store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  const bool discarded = Must(api.store().DiscardIntakeDraft(c.clinic(), p.id));
  api.Audit(c, req, "delete", "intake_draft", std::to_string(p.id), p.id,
            discarded ? "intake draft discarded on purpose" : "no intake draft kept");
  return JsonResponse(200, {{"discarded", discarded}});
}

// The sensitive areas a consent may name, with their labels.
json SensitiveAreas(const Knowledge& k) {
  json out = json::array();
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    const auto region = static_cast<Region>(i);
    if (!k.consent_sensitive_regions.Contains(region)) continue;
    out.push_back({{"region", std::string(Name(region))}, {"label", k.regions[i].label}});
  }
  return out;
}

// The audit detail of a consent entry: "written consent to treatment,
// including the buttock area", "verbal refusal of hands-on treatment".
std::string ConsentWords(const store::ConsentRecord& entry, const Knowledge& k) {
  if (!entry.treatment) return entry.form + " refusal of hands-on treatment";
  std::string areas;
  const json list = json::parse(entry.areas_json, nullptr, false);
  for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
    const auto region =
        list[i].is_string() ? ParseRegion(list[i].get<std::string>()) : std::nullopt;
    if (!region) continue;
    areas += (areas.empty()          ? ""
              : i + 1 == list.size() ? " and the "
                                     : ", the ") +
             AreaInSentence(*region, k);
  }
  return entry.form + " consent to treatment" +
         (areas.empty() ? ""
                        : ", including the " + areas + (list.size() == 1 ? " area" : " areas"));
}

// POST /patients/{id}/consents
http::Response RecordConsent(Api& api, http::Request& req, const Caller& c) {
  const Knowledge& k = api.knowledge();
  const store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  const json body = ParseBody(req);
  store::ConsentRecord entry;
  entry.clinic_id = c.clinic();
  entry.patient_id = p.id;
  const json& treatment = Member(body, "treatment");
  if (!treatment.is_boolean()) Reject("treatment", "must be true (consents) or false (refuses)");
  entry.treatment = treatment.get<bool>();
  json areas = json::array();
  if (body.contains("areas") && !body["areas"].is_null()) {
    const json& list = body["areas"];
    if (!list.is_array() || list.size() > kRegionCount) Reject("areas", "must be a list of areas");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = "areas[" + std::to_string(i) + "]";
      const auto region =
          list[i].is_string() ? ParseRegion(list[i].get<std::string>()) : std::nullopt;
      if (!region) Reject(path, "unknown area");
      if (!k.consent_sensitive_regions.Contains(*region)) {
        Reject(path, k.regions[static_cast<std::size_t>(*region)].label +
                         " needs no consent of its own: consent to treatment covers it");
      }
      if (!entry.treatment) Reject(path, "areas can be consented to only with treatment");
      areas.push_back(list[i]);
    }
  }
  entry.areas_json = areas.dump();
  entry.form = StringField(body, "form", 10, true, "", TextShape::kLine);
  if (entry.form != "verbal" && entry.form != "written") {
    Reject("form", "must be verbal or written");
  }
  entry.note = StringField(body, "note", 2000, false);
  entry.recorded_by = c.user.id;
  entry.recorded_at = api.Now();
  const store::ConsentRecord stored = Must(api.store().AppendConsent(entry));
  api.Audit(c, req, "create", "consent", std::to_string(stored.id), p.id, ConsentWords(entry, k));
  http::Response r = JsonResponse(201, ConsentJson(stored, k));
  r.headers["Location"] = "/api/v1/patients/" + std::to_string(p.id) + "/consents";
  return r;
}

// GET /patients/{id}/consents: every entry oldest first, the one in force,
// and the areas a consent may name.
http::Response ListConsents(Api& api, http::Request& req, const Caller& c) {
  const Knowledge& k = api.knowledge();
  const store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  const auto entries = Must(api.store().ListConsents(c.clinic(), p.id));
  json items = json::array();
  for (const store::ConsentRecord& e : entries) items.push_back(ConsentJson(e, k));
  api.Audit(c, req, "list", "consent", std::to_string(p.id), p.id);
  return JsonResponse(200, {{"items", items},
                            {"current", entries.empty() ? json(nullptr) : items.back()},
                            {"sensitive_areas", SensitiveAreas(k)}});
}

}  // namespace

void AddIntakeConsentRoutes(http::Router& router, Api& api) {
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/patients/{id}/intake-draft", api.Guard(kClinicians, with(GetDraft)));
  router.Add("PUT", "/api/v1/patients/{id}/intake-draft", api.Guard(kClinicians, with(SaveDraft)));
  router.Add("DELETE", "/api/v1/patients/{id}/intake-draft",
             api.Guard(kClinicians, with(DiscardDraft)));
  router.Add("POST", "/api/v1/patients/{id}/consents", api.Guard(kClinicians, with(RecordConsent)));
  router.Add("GET", "/api/v1/patients/{id}/consents", api.Guard(kClinicians, with(ListConsents)));
}

}  // namespace sciaticare::api
