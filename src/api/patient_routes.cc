// /api/v1/patients: list with search and paging, create, read, update with
// If-Match (a stale edit answers 409 and stores nothing; a stored edit keeps
// the values it replaced), and the history of those edits. One named handler
// per route; the route table is at the end.
#include <functional>

#include "api/api_support.h"
#include "api/patient_history.h"

namespace sciaticare::api {
namespace {

constexpr auto kStaff = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk};

void ReadPersonFields(const json& body, store::Patient& p) {
  p.given_name = StringField(body, "given_name", 100, true, "", TextShape::kLine);
  p.family_name = StringField(body, "family_name", 100, true, "", TextShape::kLine);
  p.date_of_birth = StringField(body, "date_of_birth", 10);
  p.sex = StringField(body, "sex", 10);
  if (p.sex != "female" && p.sex != "male" && p.sex != "other")
    Reject("sex", "must be female, male or other");
  p.email = StringField(body, "email", 254, false, "", TextShape::kLine);
  p.phone = StringField(body, "phone", 40, false, "", TextShape::kLine);
  p.notes = StringField(body, "notes", 4000, false);
}

store::PageRequest Paging(const http::Request& req, int default_limit = 50) {
  store::PageRequest page;
  auto number = [&](const char* name, long long lo, long long hi, long long fallback) {
    std::string s = req.Query(name);
    if (s.empty()) return fallback;
    char* end = nullptr;
    long long v = std::strtoll(s.c_str(), &end, 10);
    if (*end != '\0' || v < lo || v > hi) {
      Reject(name, "must be a whole number " + std::to_string(lo) + "–" + std::to_string(hi), 400);
    }
    return v;
  };
  page.limit = static_cast<int>(number("limit", 1, store::kMaxPageSize, default_limit));
  page.offset = number("offset", 0, 1LL << 40, 0);
  return page;
}

}  // namespace

store::PageRequest PagingOf(const http::Request& req) { return Paging(req); }
store::PageRequest PagingOf(const http::Request& req, int default_limit) {
  return Paging(req, default_limit);
}

namespace {

// GET /patients
http::Response ListPatients(Api& api, http::Request& req, const Caller& c) {
  store::PatientQuery q;
  q.search = QueryText(req, "search", 100);
  q.page = Paging(req);
  auto page = Must(api.store().ListPatients(c.clinic(), q));
  api.Audit(c, req, "list", "patient", "", std::nullopt,
            q.search.empty() ? "" : "searched for \"" + q.search + "\"");
  json items = json::array();
  for (const auto& p : page.items) items.push_back(ToJson(p, AudienceOf(c)));
  return JsonResponse(200, {{"items", items},
                            {"total", page.total},
                            {"limit", q.page.limit},
                            {"offset", q.page.offset}});
}

// POST /patients
http::Response CreatePatient(Api& api, http::Request& req, const Caller& c) {
  json body = ParseBody(req);
  store::Patient p;
  p.clinic_id = c.clinic();
  ReadPersonFields(body, p);
  p.created_at = p.updated_at = api.Now();
  store::Patient created = Must(api.store().CreatePatient(p));
  api.Audit(c, req, "create", "patient", std::to_string(created.id), created.id);
  http::Response r = WithEtag(JsonResponse(201, ToJson(created, AudienceOf(c))), created.version);
  r.headers["Location"] = "/api/v1/patients/" + std::to_string(created.id);
  return r;
}

// GET /patients/{id}
http::Response GetPatient(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  api.Audit(c, req, "read", "patient", std::to_string(p.id), p.id);
  return WithEtag(JsonResponse(200, ToJson(p, AudienceOf(c))), p.version);
}

// PUT /patients/{id}
http::Response UpdatePatient(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  const int expected = IfMatchVersion(req);
  json body = ParseBody(req);
  ReadPersonFields(body, p);
  store::PatientChange change;
  change.by = c.user.id;
  change.at = api.Now();
  change.reason = StringField(body, "reason", 500, false, "", TextShape::kLine);
  store::Patient updated = Must(api.store().UpdatePatient(p, expected, change));
  api.Audit(c, req, "update", "patient", std::to_string(p.id), p.id,
            "details changed; the earlier values are kept");
  return WithEtag(JsonResponse(200, ToJson(updated, AudienceOf(c))), updated.version);
}

// GET /patients/{id}/history
http::Response PatientDetailsHistory(Api& api, http::Request& req, const Caller& c) {
  store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  auto versions = Must(api.store().ListPatientVersions(c.clinic(), p.id));
  api.Audit(c, req, "read", "patient_history", std::to_string(p.id), p.id);
  json items = json::array();
  for (const PatientDetailsChange& change : PatientHistory(std::move(versions), p)) {
    json fields = json::array();
    for (const FieldChange& f : change.fields) {
      fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
    }
    items.push_back({{"version", change.from_version + 1},
                     {"changed_by", change.changed_by},
                     {"changed_by_name", change.changed_by_name},
                     {"changed_at", change.changed_at},
                     {"reason", change.reason},
                     {"changes", fields}});
  }
  return JsonResponse(200, {{"patient_id", p.id}, {"version", p.version}, {"items", items}});
}

}  // namespace

void AddPatientRoutes(http::Router& router, Api& api) {
  // Each handler gets the Api it serves; the table below is the file's routes.
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/patients", api.Guard(kStaff, with(ListPatients)));
  router.Add("POST", "/api/v1/patients", api.Guard(kStaff, with(CreatePatient)));
  router.Add("GET", "/api/v1/patients/{id}",
             api.Guard({Role::kAdmin, Role::kTherapist, Role::kFrontDesk, Role::kPatient},
                       with(GetPatient)));
  router.Add("PUT", "/api/v1/patients/{id}", api.Guard(kStaff, with(UpdatePatient)));
  router.Add("GET", "/api/v1/patients/{id}/history",
             api.Guard(kStaff, with(PatientDetailsHistory)));
}

}  // namespace sciaticare::api
