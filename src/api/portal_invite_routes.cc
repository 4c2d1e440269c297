// Portal invitations: the front desk (or a therapist or admin) invites a
// patient from the patient's page; the patient opens the one-time link and
// sets their own password, which creates their portal login. Staff never
// choose or see a patient's password. The link's secret travels in the URL
// fragment and in request bodies only, never in a path or query, so it is
// not written to request logs; the store keeps only its hash, except in an
// invitation mail while it waits to be sent (docs/security.md). A server with
// mail set up and its public address known mails the link, in the unit of
// work that makes the invitation; any other answers it to be passed on.
#include "api/portal_invite_routes.h"

#include <functional>

#include "api/api_support.h"
#include "api/cross_site.h"
#include "auth/credentials.h"
#include "auth/password_policy.h"
#include "core/utc_time.h"
#include "mail/invitation_mail_text.h"
#include "store/validation.h"

namespace sciaticare::api {
namespace {

constexpr auto kStaff = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk};
constexpr long long kInviteSeconds = 7LL * 24 * 3600;

std::string NameOf(const store::Patient& p) { return p.given_name + " " + p.family_name; }

// The patient's portal login, if they have one.
std::optional<store::User> PortalLogin(store::Store& store, Id clinic_id, Id patient_id) {
  for (store::User& u : Must(store.ListUsers(clinic_id))) {
    if (u.role == Role::kPatient && u.patient_id == patient_id) return std::move(u);
  }
  return std::nullopt;
}

// "open", "used", "replaced" or "expired" at `now`.
std::string InviteState(const store::PortalInvite& i, const std::string& now) {
  if (i.used_at) return "used";
  if (i.replaced_at) return "replaced";
  return i.expires_at > now ? "open" : "expired";
}

json InviteJson(const store::PortalInvite& i, const std::string& now) {
  return {{"email", i.email},
          {"created_at", i.created_at},
          {"expires_at", i.expires_at},
          {"state", InviteState(i, now)}};
}

// The invitation a token names, while it can still be used; 410 naming
// "token" otherwise (unknown, used, replaced or expired look alike).
store::PortalInvite UsableInvite(Api& api, const json& body) {
  const std::string token = StringField(body, "token", 128, true, "", TextShape::kLine);
  auto invite = api.store().GetPortalInvite(auth::HashToken(token));
  if (!invite.ok() || InviteState(invite.value(), api.Now()) != "open") {
    Reject("token",
           "this invitation link has been used, replaced or has expired; ask the clinic for a "
           "new one",
           410);
  }
  return std::move(invite).value();
}

// Why this server does not mail invitations, in the front desk's words (a
// sentence without its full stop, which the panel and the answer to an
// invitation go on from); nullopt when it does (mail set up and its public
// address known).
std::optional<std::string> WhyNotMailed(const ClinicApiOptions& options) {
  if (!options.mail_set_up) return "Mail is not set up on this server";
  if (options.public_url.empty()) return "This server does not know its public web address";
  return std::nullopt;
}

// Queues the invitation's mail in the request's unit of work, so it is
// committed with the invitation and its audit entry or not at all.
void MailInvitation(Api& api, const store::Patient& p, const store::PortalInvite& invite,
                    const std::string& token) {
  mail::InvitationMailFacts facts;
  facts.clinic_name = Must(api.store().GetClinic(invite.clinic_id)).name;
  facts.patient_given_name = p.given_name;
  facts.link = api.options().public_url + "/invite#" + token;
  facts.expires_at = UtcSeconds(invite.expires_at).value_or(0);
  facts.zone = Must(api.store().GetClinicSettings(invite.clinic_id)).time_zone;
  const mail::MailText text = mail::InvitationMailText(facts);
  Must(api.store().QueueInvitationMail(
      {invite.clinic_id, invite.id, invite.email, text.subject, text.body}));
}

// GET /patients/{id}/portal-access: whether the patient has a portal login,
// their latest invitation, and whether an invitation made now would be
// mailed ("mails_invitations"; else "why_not_mailed"), so the desk knows
// before inviting whether the link will be shown to pass on.
http::Response ShowPortalAccess(Api& api, http::Request& req, const Caller& c) {
  const store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  const auto login = PortalLogin(api.store(), c.clinic(), p.id);
  auto invite = api.store().LatestPortalInvite(c.clinic(), p.id);
  const std::optional<std::string> not_mailed = WhyNotMailed(api.options());
  json answer = {{"login", nullptr},
                 {"invite", nullptr},
                 {"mails_invitations", !not_mailed},
                 {"why_not_mailed", not_mailed ? json(*not_mailed) : json(nullptr)}};
  if (login) answer["login"] = {{"email", login->email}, {"active", login->active}};
  if (invite.ok()) answer["invite"] = InviteJson(invite.value(), api.Now());
  api.Audit(c, req, "read", "portal_access", std::to_string(p.id), p.id);
  return JsonResponse(200, answer);
}

// POST /patients/{id}/portal-invite: a new one-time link (replacing an
// unused one), mailed to the patient ("mailed_to") or, when this server
// mails none, in the answer only, once ("link", with "not_mailed_text").
http::Response InviteToPortal(Api& api, http::Request& req, const Caller& c) {
  const store::Patient p = api.VisiblePatient(c, PathId(req, "id"));
  if (auto login = PortalLogin(api.store(), c.clinic(), p.id)) {
    Reject("patient", NameOf(p) + " already has a portal login (" + login->email + ")", 409);
  }
  json body = req.body.empty() ? json::object() : ParseBody(req);
  std::string email = StringField(body, "email", 254, false, "", TextShape::kLine);
  if (email.empty()) email = p.email;
  if (email.empty()) Reject("email", "the patient has no email address; give one");
  if (!store::IsEmailAddress(email)) {
    Reject("email", "must be an email address like name@example.com");
  }
  if (api.store().FindUserByEmail(email).ok()) {
    Reject("email", "another login already uses this email address", 409);
  }
  const std::string token = auth::RandomToken();
  store::PortalInvite invite;
  invite.clinic_id = c.clinic();
  invite.patient_id = p.id;
  invite.email = email;
  invite.token_hash = auth::HashToken(token);
  invite.created_by = c.user.id;
  invite.created_at = api.Now();
  invite.expires_at = AddSeconds(invite.created_at, kInviteSeconds);
  const store::PortalInvite stored = Must(api.store().CreatePortalInvite(invite));
  const std::optional<std::string> not_mailed = WhyNotMailed(api.options());
  if (!not_mailed) MailInvitation(api, p, stored, token);
  api.Audit(c, req, "create", "portal_invite", std::to_string(stored.id), p.id,
            "portal invitation for " + email + (not_mailed ? "" : ", emailed"));
  json answer = InviteJson(stored, api.Now());
  if (not_mailed) {
    answer["link"] = "/invite#" + token;
    answer["not_mailed_text"] =
        *not_mailed + ", so the link was not emailed: give it to the patient yourself.";
  } else {
    answer["mailed_to"] = email;
  }
  http::Response r = JsonResponse(201, answer);
  r.headers["Cache-Control"] = "no-store";
  return r;
}

// POST /portal-invites/lookup: what the invitation page shows before the
// patient sets a password.
http::Response LookUpInvite(Api& api, http::Request& req) {
  RefuseCrossSitePost(req);
  const store::PortalInvite invite = UsableInvite(api, ParseBody(req));
  const store::Patient p = Must(api.store().GetPatient(invite.clinic_id, invite.patient_id));
  return JsonResponse(
      200,
      {{"given_name", p.given_name}, {"email", invite.email}, {"expires_at", invite.expires_at}});
}

// POST /portal-invites/accept: the patient's own password creates their
// login and uses the invitation, in one unit of work with its audit entry.
http::Response AcceptInvite(Api& api, http::Request& req) {
  RefuseCrossSitePost(req);
  const json body = ParseBody(req);
  const store::PortalInvite invite = UsableInvite(api, body);
  const store::Patient p = Must(api.store().GetPatient(invite.clinic_id, invite.patient_id));
  store::User user;
  user.clinic_id = invite.clinic_id;
  user.email = invite.email;
  user.display_name = NameOf(p);
  user.role = Role::kPatient;
  user.patient_id = p.id;
  const std::string password = StringField(body, "password", auth::kMaxPasswordBytes);
  auto hash =
      auth::HashNewPassword(password, {user.email, user.display_name}, api.options().hash_cost);
  if (!hash) Reject(hash.error().field, hash.error().message);
  user.password_hash = std::move(hash).value();
  const std::string now = api.Now();
  Must(api.store().Atomically([&]() -> store::StoreStatus {
    auto created = api.store().CreateUser(user);
    if (!created.ok()) return created.error();
    store::StoreStatus used =
        api.store().UsePortalInvite(invite.token_hash, created.value().id, now);
    if (!used.ok()) return used;
    store::AuditEntry e;
    e.clinic_id = invite.clinic_id;
    e.at = now;
    e.user_id = created.value().id;
    e.action = "create";
    e.entity = "user";
    e.entity_id = std::to_string(created.value().id);
    e.patient_id = p.id;
    e.remote_addr = req.remote_addr;
    e.detail = "portal login set up through invitation " + std::to_string(invite.id);
    auto appended = api.store().AppendAudit(e);
    if (!appended.ok()) return appended.error();
    return store::Done{};
  }));
  return JsonResponse(201, {{"email", user.email}});
}

}  // namespace

void AddPortalInviteRoutes(http::Router& router, Api& api) {
  auto with = [&api](auto handler) { return std::bind_front(handler, std::ref(api)); };
  router.Add("GET", "/api/v1/patients/{id}/portal-access",
             api.Guard(kStaff, with(ShowPortalAccess)));
  router.Add("POST", "/api/v1/patients/{id}/portal-invite",
             api.Guard(kStaff, with(InviteToPortal)));
  router.Add("POST", "/api/v1/portal-invites/lookup", api.Open(with(LookUpInvite)));
  router.Add("POST", "/api/v1/portal-invites/accept", api.Open(with(AcceptInvite)));
}

}  // namespace sciaticare::api
