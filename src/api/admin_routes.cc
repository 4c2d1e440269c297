// Admin: the clinic's users and the audit log (read-only: nobody can change or
// delete an entry through the product). One named handler per route; the
// route table is at the end.
#include <functional>
#include <map>

#include "api/api_support.h"
#include "auth/password_policy.h"
#include "store/validation.h"

namespace sciaticare::api {
namespace {

// The hash of the body's "password" for `owner`, once the password policy
// accepts it; a 422 naming "password" with the policy's words otherwise.
std::string NewPasswordHash(const Api& api, const json& body, const auth::PasswordOwner& owner) {
  const std::string password = StringField(body, "password", auth::kMaxPasswordBytes);
  auto hash = auth::HashNewPassword(password, owner, api.options().hash_cost);
  if (!hash) Reject(hash.error().field, hash.error().message);
  return std::move(hash).value();
}

// The audit entries as JSON with the names a person reads beside the ids:
// "user_name" and "patient_name" (null when the entry names none). Names are
// looked up once per page, by the ids the page holds.
json AuditItemsWithNames(store::Store& store, Id clinic_id,
                         const std::vector<store::AuditEntry>& entries) {
  std::map<Id, std::string> users;
  for (const store::User& u : Must(store.ListUsers(clinic_id))) users[u.id] = u.display_name;
  std::map<Id, std::string> patients;
  for (const store::AuditEntry& e : entries) {
    if (!e.patient_id || patients.count(*e.patient_id)) continue;
    auto patient = store.GetPatient(clinic_id, *e.patient_id);
    patients[*e.patient_id] =
        patient ? patient.value().given_name + " " + patient.value().family_name : "";
  }
  auto name_of = [](const std::map<Id, std::string>& names, std::optional<Id> id) -> json {
    if (!id) return nullptr;
    auto it = names.find(*id);
    return it == names.end() || it->second.empty() ? json(nullptr) : json(it->second);
  };
  json items = json::array();
  for (const store::AuditEntry& e : entries) {
    json item = ToJson(e);
    item["user_name"] = name_of(users, e.user_id);
    item["patient_name"] = name_of(patients, e.patient_id);
    items.push_back(std::move(item));
  }
  return items;
}

// GET /audit
http::Response ListAudit(Api& api, http::Request& req, const Caller& c) {
  store::AuditQuery q;
  q.user_id = QueryId(req, "user_id");
  q.patient_id = QueryId(req, "patient_id");
  if (auto action = QueryText(req, "action", 40); !action.empty()) q.action = action;
  for (auto [name, bound] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
    std::string time = QueryText(req, name, 20);
    if (time.empty()) continue;
    if (!IsUtcTime(time)) Reject(name, "must be a UTC time like 2026-11-23T00:00:00Z", 400);
    *bound = std::move(time);
  }
  q.page = PagingOf(req);
  auto page = Must(api.store().ListAudit(c.clinic(), q));
  json items = AuditItemsWithNames(api.store(), c.clinic(), page.items);
  return JsonResponse(200, {{"items", items},
                            {"total", page.total},
                            {"limit", q.page.limit},
                            {"offset", q.page.offset}});
}

// GET /users
http::Response ListUsers(Api& api, http::Request& req, const Caller& c) {
  const auto role = QueryChoice(req, "role", {"admin", "therapist", "front_desk", "patient"});
  const auto active = QueryChoice(req, "active", {"true", "false"});
  const store::PageRequest page = PagingOf(req, store::kMaxPageSize);
  auto keep = [&](const store::User& u) {
    return (!role || store::ToString(u.role) == *role) &&
           (!active || u.active == (*active == "true"));
  };
  return JsonResponse(200, ListPage(Must(api.store().ListUsers(c.clinic())), page, keep,
                                    [](const store::User& u) { return ToJson(u); }));
}

// POST /users
http::Response CreateUser(Api& api, http::Request& req, const Caller& c) {
  json body = ParseBody(req);
  store::User u;
  u.clinic_id = c.clinic();
  u.email = StringField(body, "email", 254, true, "", TextShape::kLine);
  if (!store::IsEmailAddress(u.email)) {
    Reject("email", "must be an email address like name@clinic.example");
  }
  u.display_name = StringField(body, "display_name", 120, true, "", TextShape::kLine);
  auto role = store::ParseRole(StringField(body, "role", 20));
  if (!role) Reject("role", "must be admin, therapist, front_desk or patient");
  u.role = *role;
  u.password_hash = NewPasswordHash(api, body, {u.email, u.display_name});
  if (body.contains("patient_id") && !body["patient_id"].is_null()) {
    if (!body["patient_id"].is_number_integer()) Reject("patient_id", "must be a patient id");
    u.patient_id = body["patient_id"].get<Id>();
  }
  store::User created = Must(api.store().CreateUser(u));
  api.Audit(c, req, "create", "user", std::to_string(created.id), created.patient_id);
  return JsonResponse(201, ToJson(created));
}

// PATCH /users/{id}
http::Response UpdateUser(Api& api, http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  json body = ParseBody(req);
  store::UserUpdate update;
  if (body.contains("role")) {
    auto role = store::ParseRole(StringField(body, "role", 20));
    if (!role) Reject("role", "must be admin, therapist, front_desk or patient");
    update.role = role;
  }
  if (body.contains("active")) {
    if (!body["active"].is_boolean()) Reject("active", "must be true or false");
    update.active = body["active"].get<bool>();
  }
  if (body.contains("password")) {
    const store::User owner = Must(api.store().GetUser(c.clinic(), id));
    update.password_hash = NewPasswordHash(api, body, {owner.email, owner.display_name});
  }
  store::User updated = Must(api.store().UpdateUser(c.clinic(), id, update));
  api.Audit(c, req, "update", "user", std::to_string(id), updated.patient_id);
  return JsonResponse(200, ToJson(updated));
}

}  // namespace

void AddAdminRoutes(http::Router& router, Api& api) {
  const auto admin = {Role::kAdmin};
  // Each handler gets the Api it serves; the table below is the file's routes.
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/audit", api.Guard(admin, with(ListAudit)));
  router.Add("GET", "/api/v1/users", api.Guard(admin, with(ListUsers)));
  router.Add("POST", "/api/v1/users", api.Guard(admin, with(CreateUser)));
  router.Add("PATCH", "/api/v1/users/{id}", api.Guard(admin, with(UpdateUser)));
}

}  // namespace sciaticare::api
