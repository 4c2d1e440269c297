// Nothing clinical is overwritten or deleted through the API, on both stores.
// Every route of the router that can change or remove a record (PUT, PATCH,
// DELETE) is named here as clinical or not; a new one fails the walk until it
// is. For each clinical one, random sequences of writes through the API are
// run against a model of every version the record must keep, and after each
// step every earlier version must still read back exactly. Plans, assessments
// and referrals change only by appending (revisions, new assessments,
// referral events), so the walk proves no route rewrites them.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

// Routes that change or remove something that is not clinical content, and why.
const std::map<std::string, std::string>& NotClinical() {
  static const std::map<std::string, std::string> routes = {
      {"DELETE /api/v1/session", "ends a login session"},
      {"PATCH /api/v1/users/{id}", "a staff account"},
      {"PATCH /api/v1/appointments/{id}", "the schedule; a visit's record is its note"},
      {"PUT /api/v1/therapists/{id}/profile", "a therapist's public profile"},
      {"DELETE /api/v1/tokens/{id}", "revokes an API token"},
      {"DELETE /api/v1/therapists/{id}/calendar-feed",
       "turns off a calendar feed link (kept, marked revoked)"},
      {"PUT /api/v1/clinic/settings", "the clinic's time zone, opening hours and closed days"},
      {"PUT /api/v1/therapists/{id}/availability", "a therapist's weekly working hours"},
      {"PATCH /api/v1/rooms/{id}", "renames or retires a room; the appointments keep it"},
      {"PUT /api/v1/patients/{id}/intake-draft", "an unsubmitted intake form: working state"},
      {"DELETE /api/v1/patients/{id}/intake-draft",
       "discards an unsubmitted intake form; the submitted assessment is the record"},
  };
  return routes;
}

// The clinical routes that change records, each walked by a property below.
const std::set<std::string>& ClinicalWalked() {
  // Patient details keep every earlier value: walked by
  // PatientHistoryApiTest (patient_history_api_test.cc), which replays random
  // edits backwards through GET /patients/{id}/history.
  static const std::set<std::string> routes = {"PUT /api/v1/sessions/{id}",
                                               "PUT /api/v1/patients/{id}"};
  return routes;
}

class ClinicalRecordKeptTest : public ClinicApiFixture {};

INSTANTIATE_TEST_SUITE_P(Store, ClinicalRecordKeptTest, AllApiBackends(), ApiBackendName);

TEST_P(ClinicalRecordKeptTest, EveryRouteThatChangesRecordsIsAccountedFor) {
  std::set<std::string> seen;
  for (const http::Route& route : router_.routes()) {
    if (route.method != "PUT" && route.method != "PATCH" && route.method != "DELETE") continue;
    const std::string key = route.method + " " + route.pattern;
    seen.insert(key);
    EXPECT_TRUE(NotClinical().contains(key) || ClinicalWalked().contains(key))
        << key << " changes or removes records: walk it below if it touches clinical content";
    for (const char* kept : {"/plans", "/assessments", "/referrals", "/questionnaires"}) {
      EXPECT_EQ(route.pattern.find(kept), std::string::npos)
          << key << " would rewrite " << kept << ", which are only ever appended";
    }
  }
  for (const std::string& key : ClinicalWalked()) EXPECT_TRUE(seen.contains(key)) << key;
}

// A model of one note: its status and every version it must keep (a draft
// keeps only its latest; a signed note every version since signing).
struct NoteModel {
  json note;  // The latest answer for it (id, version).
  bool signed_note = false;
  std::vector<json> versions;  // Content at versions 1..n, as GET /versions/{k} gives.
};

json Content(const json& record) {
  json c = json::object();
  for (const char* f :
       {"plan_id", "occurred_at", "subjective", "objective", "assessment", "plan_text",
        "leg_pain_before", "leg_pain_after", "back_pain_before", "back_pain_after", "techniques",
        "oils_used", "adverse_events", "deviations", "red_flags"}) {
    c[f] = record.contains(f) ? record[f] : json(nullptr);
  }
  return c;
}

TEST_P(ClinicalRecordKeptTest, RandomNoteWritesNeverLoseAVersion) {
  auto t = As("therapist@a.test");
  std::mt19937 rng(15);
  std::vector<NoteModel> notes;
  auto path = [](const NoteModel& m, const std::string& suffix = "") {
    return "/api/v1/sessions/" + std::to_string(m.note["id"].get<long long>()) + suffix;
  };
  auto tag = [](const NoteModel& m) {
    return std::map<std::string, std::string>{
        {"If-Match", "\"" + std::to_string(m.note["version"].get<int>()) + "\""}};
  };
  auto random_text = [&] { return "said " + std::to_string(rng() % 100000); };
  for (int step = 0; step < 40; ++step) {
    const unsigned op = notes.empty() ? 0 : rng() % 5;
    if (op == 0) {  // Write a note, as a draft or signed at once.
      const bool sign = rng() % 2 == 0;
      HttpResult r = t->Post(PatientPath(patient1_.id, "/sessions"),
                             {{"occurred_at", "2026-11-24T10:00:00Z"},
                              {"subjective", random_text()},
                              {"leg_pain_before", static_cast<int>(rng() % 11)},
                              {"sign", sign}});
      ASSERT_EQ(r.status, 201) << r.body;
      NoteModel m{BodyOf(r), sign, {}};
      m.versions.push_back(Content(m.note));
      notes.push_back(m);
      continue;
    }
    NoteModel& m = notes[rng() % notes.size()];
    if (op == 1) {  // Edit with PUT: a draft is replaced; a signed note refuses.
      HttpResult r = t->Put(path(m),
                            {{"occurred_at", "2026-11-24T10:00:00Z"},
                             {"subjective", random_text()},
                             {"leg_pain_after", static_cast<int>(rng() % 11)}},
                            tag(m));
      if (m.signed_note) {
        ASSERT_EQ(r.status, 409) << r.body;
        EXPECT_EQ(BodyOf(r)["error"]["field"], "status");
      } else {
        ASSERT_EQ(r.status, 200) << r.body;
        m.note = BodyOf(r);
        m.versions = {Content(m.note)};
      }
    } else if (op == 2) {  // Sign.
      HttpResult r = t->Post(path(m, "/sign"), json::object(), tag(m));
      ASSERT_EQ(r.status, m.signed_note ? 409 : 200) << r.body;
      if (!m.signed_note) m.note = BodyOf(r);
      m.signed_note = true;
    } else {  // Amend: refused for a draft; kept beside the original when signed.
      HttpResult r = t->Post(path(m, "/amendments"),
                             {{"reason", "step " + std::to_string(step)},
                              {"plan_text", random_text()},
                              {"back_pain_after", static_cast<int>(rng() % 11)}},
                             tag(m));
      if (!m.signed_note) {
        ASSERT_EQ(r.status, 409) << r.body;
      } else {
        ASSERT_EQ(r.status, 201) << r.body;
        m.note = BodyOf(r);
        m.versions.push_back(Content(m.note));
      }
    }
    // Every version of every note the model knows reads back exactly.
    for (const NoteModel& each : notes) {
      const json current = BodyOf(t->Get(path(each)));
      EXPECT_EQ(Content(current), each.versions.back()) << "step " << step;
      EXPECT_EQ(current["versions"], each.versions.size());
      EXPECT_EQ(current["status"], each.signed_note ? "signed" : "draft");
      for (std::size_t k = 0; k < each.versions.size(); ++k) {
        HttpResult v = t->Get(path(each, "/versions/" + std::to_string(k + 1)));
        ASSERT_EQ(v.status, 200) << v.body;
        EXPECT_EQ(Content(BodyOf(v)["content"]), each.versions[k])
            << "step " << step << ", version " << k + 1;
      }
    }
  }
}

}  // namespace
}  // namespace sciaticare::testing
