// The route matrix's requests (RouteMatrixTest::Prepare) for the account and public routes: users,
// tokens, portal invitations, sign-in, new patients, the mail outbox and the public scorers.
// Included by route_matrix_fixture.h after the fixture class, whose
// members these use.
#pragma once

#include <string>

#include "http/route_matrix_fixture.h"

namespace sciaticare::testing {

inline bool RouteMatrixTest::PrepareAccounts(const http::Route& route, const std::string& key,
                                             Call& call, std::string& id) {
  if (route.pattern == "/api/v1/users/{id}") {
    id = std::to_string(spare_user_id_);
    call.body = json({{"active", true}}).dump();
  } else if (key == "POST /api/v1/mail/outbox/{id}/retry") {
    id = std::to_string(FailedMail());
  } else if (route.pattern == "/api/v1/tokens/{id}") {
    store::ApiToken t;
    t.clinic_id = clinic_a_.id;
    t.user_id = admin_.id;
    t.name = "matrix";
    t.token_hash = "hash-" + std::to_string(++tokens_made_);
    t.created_at = "2026-11-01T00:00:00Z";
    id = std::to_string(store_->CreateApiToken(t).value().id);
  } else if (key == "POST /api/v1/tokens") {
    call.body = json({{"name", "matrix token"}}).dump();
  } else if (key == "POST /api/v1/portal-invites/lookup" ||
             key == "POST /api/v1/portal-invites/accept") {
    // A patient of clinic A without a login, invited with a known secret.
    const int n = ++invites_made_;
    store::Patient invited;
    invited.clinic_id = clinic_a_.id;
    invited.given_name = "Invitee";
    invited.family_name = "Matrix" + std::to_string(n);
    invited.date_of_birth = "1980-01-01";
    invited.sex = "male";
    invited.created_at = invited.updated_at = "2026-11-20T10:00:00Z";
    store::PortalInvite invite;
    invite.clinic_id = clinic_a_.id;
    invite.patient_id = store_->CreatePatient(invited).value().id;
    invite.email = "invitee" + std::to_string(n) + "@example.com";
    const std::string token = "matrix-invite-" + std::to_string(n);
    invite.token_hash = auth::HashToken(token);
    invite.created_by = desk_.id;
    invite.created_at = "2026-11-20T10:00:00Z";
    invite.expires_at = "2099-01-01T00:00:00Z";
    store_->CreatePortalInvite(invite).value();
    call.body = json({{"token", token}, {"password", "juniper kettle harbour fifty"}}).dump();
  } else if (key == "POST /api/v1/session") {
    call.body = json({{"email", "desk@a.test"}, {"password", kPassword}}).dump();
  } else if (key == "POST /api/v1/patients") {
    call.body = json({{"given_name", "New"},
                      {"family_name", "Person"},
                      {"date_of_birth", "2000-01-01"},
                      {"sex", "other"}})
                    .dump();
  } else if (key == "POST /api/v1/users") {
    call.body = json({{"email", "made" + std::to_string(++users_made_) + "@a.test"},
                      {"display_name", "Made"},
                      {"role", "therapist"},
                      {"password", "a long enough password"}})
                    .dump();
  } else if (key == "POST /api/v1/assess") {
    call.body = Example("l5_numbness").dump();
  } else if (key == "POST /api/v1/questionnaires/score") {
    call.body = R"({"questionnaires":{"nrs_leg":6}})";
  } else {
    return false;
  }
  return true;
}

}  // namespace sciaticare::testing
