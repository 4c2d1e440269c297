#include "http/clinic_api_fixture.h"

#include <iterator>
#include <stdexcept>

#include "auth/credentials.h"
#include "pg_test_database.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

template <typename T>
T Must(store::StoreResult<T> r) {
  if (!r.ok()) throw std::runtime_error("store: " + r.error().ToString());
  return std::move(r).value();
}

std::unique_ptr<store::Store> OpenStore(ApiBackend backend, const std::filesystem::path& dir) {
  if (backend == ApiBackend::kPostgres) {
    return Must(store::PostgresStore::Open(PgTestDatabase::Instance().NewSchemaUrl()));
  }
  return Must(store::SqliteStore::Open((dir / "clinic.db").string()));
}

}  // namespace

std::string ApiBackendName(const ::testing::TestParamInfo<ApiBackend>& info) {
  return info.param == ApiBackend::kPostgres ? "Postgres" : "Sqlite";
}

void PrintTo(ApiBackend backend, std::ostream* os) {
  *os << (backend == ApiBackend::kPostgres ? "Postgres" : "Sqlite");
}

ApiClient::ApiClient(unsigned short port, LoginResult login)
    : http_(port), login_(std::move(login)) {}

HttpResult ApiClient::Send(const std::string& method, const std::string& target,
                           const std::string& body,
                           const std::map<std::string, std::string>& headers) {
  std::map<std::string, std::string> all;
  if (!login_.cookie.empty()) all["Cookie"] = login_.cookie;
  if (!login_.csrf_token.empty()) all["X-CSRF-Token"] = login_.csrf_token;
  if (!body.empty()) all["Content-Type"] = "application/json";
  for (const auto& [name, value] : headers) all[name] = value;
  for (auto it = all.begin(); it != all.end();) {
    it = it->second.empty() ? all.erase(it) : std::next(it);
  }
  return http_.Send(method, target, body, all);
}

json BodyOf(const HttpResult& r) {
  json v = json::parse(r.body, nullptr, false);
  return v.is_discarded() ? json(nullptr) : v;
}

json Example(const std::string& name) {
  return json::parse(ReadSourceFile("examples/" + name + ".json"));
}

ScratchDir::ScratchDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "sciaticare-api-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void ClinicApiFixture::SetUp() {
  if (GetParam() == ApiBackend::kPostgres) {
    if (std::string why = PgSkipReason(); !why.empty()) GTEST_SKIP() << why;
  }
  store_ = OpenStore(GetParam(), dir_.path());
  clinic_a_ = Must(store_->CreateClinic({0, "Clinic A"}));
  clinic_b_ = Must(store_->CreateClinic({0, "Clinic B"}));
  const std::string now = api::UtcNow();
  const std::string hash = auth::HashPassword(kPassword, auth::HashCost::kFastForTests);

  auto patient = [&](store::Id clinic, const std::string& given, const std::string& family,
                     const std::string& dob) {
    store::Patient p;
    p.clinic_id = clinic;
    p.given_name = given;
    p.family_name = family;
    p.date_of_birth = dob;
    p.sex = "female";
    p.created_at = p.updated_at = now;
    return Must(store_->CreatePatient(p));
  };
  patient1_ = patient(clinic_a_.id, "Ada", "Quillfeather", "1971-03-04");
  patient2_ = patient(clinic_a_.id, "Bea", "Marchbanks", "1980-05-06");
  patient_b_ = patient(clinic_b_.id, "Cyd", "Oakenshaw", "1965-07-08");

  auto user = [&](store::Id clinic, const std::string& email, store::Role role,
                  std::optional<store::Id> patient_id = std::nullopt) {
    store::User u;
    u.clinic_id = clinic;
    u.email = email;
    u.display_name = email.substr(0, email.find('@'));
    u.role = role;
    u.password_hash = hash;
    u.patient_id = patient_id;
    return Must(store_->CreateUser(u));
  };
  admin_ = user(clinic_a_.id, "admin@a.test", store::Role::kAdmin);
  therapist_ = user(clinic_a_.id, "therapist@a.test", store::Role::kTherapist);
  desk_ = user(clinic_a_.id, "desk@a.test", store::Role::kFrontDesk);
  patient1_user_ = user(clinic_a_.id, "p1@a.test", store::Role::kPatient, patient1_.id);
  patient2_user_ = user(clinic_a_.id, "p2@a.test", store::Role::kPatient, patient2_.id);
  therapist_b_ = user(clinic_b_.id, "therapist@b.test", store::Role::kTherapist);
  patient_b_user_ = user(clinic_b_.id, "pb@b.test", store::Role::kPatient, patient_b_.id);

  stats_.requests_served = [this] { return server_ ? server_->requests_served() : 0; };
  stats_.connections_open = [this] { return server_ ? server_->connections_open() : 0; };
  api::AddStatelessRoutes(router_, K());
  api::ClinicApiOptions options;
  options.hash_cost = auth::HashCost::kFastForTests;
  Configure(options);
  api::AddClinicRoutes(router_, *store_, K(), options);

  http::ServerOptions server_options;
  server_options.address = "127.0.0.1";
  server_options.port = 0;
  server_options.threads = 2;
  server_options.body_limit = 256 * 1024;
  server_ = std::make_unique<http::HttpServer>(server_options, router_);
  server_->Start();
}

void ClinicApiFixture::TearDown() {
  if (server_) server_->Stop();
}

LoginResult ClinicApiFixture::Login(const std::string& email, const std::string& password) {
  HttpClient http(port());
  json body = {{"email", email}, {"password", password}};
  HttpResult r =
      http.Send("POST", "/api/v1/session", body.dump(), {{"Content-Type", "application/json"}});
  LoginResult out;
  out.status = r.status;
  out.body = BodyOf(r);
  auto it = r.headers.find("set-cookie");
  if (it != r.headers.end()) {
    out.set_cookie = it->second;
    out.cookie = out.set_cookie.substr(0, out.set_cookie.find(';'));
  }
  if (r.status == 200 && out.body.is_object() && out.body.contains("csrf_token")) {
    out.csrf_token = out.body["csrf_token"].get<std::string>();
  }
  return out;
}

std::unique_ptr<ApiClient> ClinicApiFixture::As(const std::string& email) {
  LoginResult login = Login(email);
  EXPECT_EQ(login.status, 200) << "login of " << email << ": " << login.body.dump();
  return std::make_unique<ApiClient>(port(), std::move(login));
}

std::string ClinicApiFixture::PatientPath(store::Id id, const std::string& suffix) {
  return "/api/v1/patients/" + std::to_string(id) + suffix;
}

json ClinicApiFixture::CreateAssessment(ApiClient& client, store::Id patient,
                                        const std::string& example) {
  HttpResult r = client.Post(PatientPath(patient, "/assessments"),
                             {{"kind", "intake"}, {"intake", Example(example)}});
  EXPECT_EQ(r.status, 201) << example << ": " << r.body;
  return BodyOf(r);
}

store::Appointment ClinicApiFixture::Booked(store::Id patient, const std::string& at) {
  store::Appointment a;
  a.clinic_id = clinic_a_.id;
  a.patient_id = patient;
  a.therapist_id = therapist_.id;
  a.starts_at = at;
  a.minutes = 60;
  a.status = store::AppointmentStatus::kBooked;
  return Must(store_->CreateAppointment(a));
}

std::int64_t ClinicApiFixture::PatientCount(store::Id clinic) {
  store::PatientQuery q;
  q.page.limit = 1;
  return Must(store_->ListPatients(clinic, q)).total;
}

std::int64_t ClinicApiFixture::AssessmentCount(store::Id clinic, store::Id patient) {
  return static_cast<std::int64_t>(Must(store_->ListAssessments(clinic, patient)).size());
}

std::int64_t ClinicApiFixture::PlanCount(store::Id clinic, store::Id patient) {
  return static_cast<std::int64_t>(Must(store_->ListPlans(clinic, patient)).size());
}

std::int64_t ClinicApiFixture::SessionCount(store::Id clinic, store::Id patient) {
  store::PageRequest page;
  page.limit = 1;
  return Must(store_->ListSessionNotes(clinic, patient, page)).total;
}

std::int64_t ClinicApiFixture::AuditCount(store::Id clinic) {
  store::AuditQuery q;
  q.page.limit = 1;
  return Must(store_->ListAudit(clinic, q)).total;
}

std::int64_t ClinicApiFixture::UserCount(store::Id clinic) {
  return static_cast<std::int64_t>(Must(store_->ListUsers(clinic)).size());
}

json ClinicApiFixture::StoredState(bool with_audit) {
  json state = json::object();
  for (const store::Clinic& clinic : {clinic_a_, clinic_b_}) {
    json c = json::object();
    store::PatientQuery q;
    q.page.limit = store::kMaxPageSize;
    json patients = json::array();
    for (const store::Patient& p : Must(store_->ListPatients(clinic.id, q)).items) {
      patients.push_back({p.id, p.version, p.given_name, p.family_name, p.date_of_birth, p.sex,
                          p.email, p.phone, p.notes, p.updated_at});
      json assessments = json::array();
      for (const store::Assessment& a : Must(store_->ListAssessments(clinic.id, p.id))) {
        assessments.push_back({a.id, a.intake_json.size(), a.triage});
      }
      json plans = json::array();
      for (const store::PlanRecord& r : Must(store_->ListPlans(clinic.id, p.id))) {
        plans.push_back(
            {r.id, r.version_no, std::string(store::ToString(r.status)), r.version, r.plan_json});
      }
      json sessions = json::array();
      store::PageRequest all;
      all.limit = store::kMaxPageSize;
      for (const store::SessionNote& s :
           Must(store_->ListSessionNotes(clinic.id, p.id, all)).items) {
        sessions.push_back({s.id, s.version, s.occurred_at, s.subjective, s.techniques_json,
                            s.adverse_events_json, s.leg_pain_before.value_or(-1)});
      }
      json appointments = json::array();
      for (const store::Appointment& a : Must(store_->ListPatientAppointments(clinic.id, p.id))) {
        appointments.push_back({a.id, a.version, std::string(store::ToString(a.status)),
                                a.therapist_id, a.starts_at, a.minutes});
      }
      json moves = json::array();
      for (const store::MoveRequest& m : Must(store_->ListMoveRequests(clinic.id, p.id))) {
        moves.push_back({m.id, m.version, m.status, m.wanted_starts_at, m.answer_text});
      }
      json consents = json::array();
      for (const store::ConsentRecord& e : Must(store_->ListConsents(clinic.id, p.id))) {
        consents.push_back({e.id, e.treatment, e.areas_json, e.form, e.note});
      }
      auto draft = store_->GetIntakeDraft(clinic.id, p.id);
      c["patient " + std::to_string(p.id)] = {
          {"assessments", assessments},
          {"plans", plans},
          {"sessions", sessions},
          {"appointments", appointments},
          {"move requests", moves},
          {"consents", consents},
          {"intake_draft", draft.ok() ? json(draft.value().state_json) : json(nullptr)},
          {"kept versions", Must(store_->ListPatientVersions(clinic.id, p.id)).size()}};
    }
    c["patients"] = patients;
    json users = json::array();
    for (const store::User& u : Must(store_->ListUsers(clinic.id))) {
      users.push_back({u.id, u.email, std::string(store::ToString(u.role)), u.active,
                       u.password_hash, u.patient_id.value_or(0)});
      json tokens = json::array();
      for (const store::ApiToken& t : Must(store_->ListApiTokens(clinic.id, u.id))) {
        tokens.push_back({t.id, t.name, t.revoked});
      }
      if (!tokens.empty()) c["tokens of " + std::to_string(u.id)] = tokens;
    }
    json profiles = json::array();
    for (const store::TherapistProfile& t : Must(store_->ListTherapistProfiles(clinic.id))) {
      profiles.push_back(
          {t.user_id, t.modalities, t.years_experience, t.sciatica_experience_years, t.bio});
    }
    c["therapist_profiles"] = profiles;
    c["users"] = users;
    if (with_audit) c["audit"] = AuditCount(clinic.id);
    state[clinic.name] = c;
  }
  return state;
}

}  // namespace sciaticare::testing
