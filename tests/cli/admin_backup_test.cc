// `sciaticare admin create`, `backup` and `restore`, run as the built binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "auth/credentials.h"
#include "store/sqlite_backup.h"
#include "store/sqlite_store.h"
#include "store/store_contract.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using store::testing::Must;
using store::testing::TempDir;
using ::testing::HasSubstr;
using testing::RunSciaticare;

constexpr char kT0[] = "2026-11-23T09:00:00Z";

std::string Quote(const std::string& s) { return "'" + s + "'"; }

std::int64_t PatientCount(store::Store& db, store::Id clinic) {
  store::PatientQuery q;
  q.page.limit = 1;
  return Must(db.ListPatients(clinic, q)).total;
}

// --- admin create -----------------------------------------------------------

class AdminCreateTest : public ::testing::Test {
 protected:
  std::string Db() const { return (dir_.path() / "clinic.db").string(); }
  testing::CommandResult Create(const std::string& clinic, const std::string& email,
                                const std::string& name, const std::string& password) {
    return RunSciaticare("admin create --db " + Quote("sqlite:" + Db()) + " --clinic " +
                             Quote(clinic) + " --email " + Quote(email) + " --name " + Quote(name) +
                             " --password " + Quote(password),
                         "");
  }
  TempDir dir_;
};

TEST_F(AdminCreateTest, AdminCreateMakesTheClinicAndALoginThatWorks) {
  auto r = Create("Lakeside Bodywork", "ada@lakeside.example", "Ada Byrne", "correct-horse-1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("new clinic \"Lakeside Bodywork\""));

  // A second admin joins the clinic of the same name rather than a new one.
  auto second = Create("Lakeside Bodywork", "ben@lakeside.example", "Ben Ode", "another-pass-2");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("existing clinic"));

  auto db = Must(store::SqliteStore::Open(Db()));
  const store::User ada = Must(db->FindUserByEmail("ada@lakeside.example"));
  const store::User ben = Must(db->FindUserByEmail("ben@lakeside.example"));
  EXPECT_EQ(ada.role, store::Role::kAdmin);
  EXPECT_EQ(ada.display_name, "Ada Byrne");
  EXPECT_EQ(ada.clinic_id, ben.clinic_id);
  EXPECT_EQ(Must(db->GetClinic(ada.clinic_id)).name, "Lakeside Bodywork");
  EXPECT_TRUE(auth::VerifyPassword("correct-horse-1", ada.password_hash));
  EXPECT_FALSE(auth::VerifyPassword("correct-horse-2", ada.password_hash));
  store::AuditQuery q;
  q.action = "create";
  EXPECT_EQ(Must(db->ListAudit(ada.clinic_id, q)).total, 3);  // Clinic and two admins.
}

TEST_F(AdminCreateTest, AdminCreateRefusesBadInputNamingTheFlag) {
  auto short_password = Create("Lakeside", "ada@lakeside.example", "Ada", "short-pw");
  EXPECT_EQ(short_password.exit_code, 2);
  EXPECT_THAT(short_password.err, HasSubstr("--password"));
  EXPECT_THAT(short_password.err, HasSubstr("at least 12"));
  // The password policy of every other door (auth/password_policy.h).
  for (const char* weak : {"1234567890", "123456789012", "ada@lakeside.example", "Ada Byrne"}) {
    auto r = Create("Lakeside", "ada@lakeside.example", "Ada Byrne", weak);
    EXPECT_EQ(r.exit_code, 2) << weak;
    EXPECT_THAT(r.err, HasSubstr("--password")) << weak;
  }
  EXPECT_FALSE(std::filesystem::exists(Db()));  // Refused before the database is opened.

  for (const char* bad : {"ada", "ada@", "@lakeside.example", "ada@lakeside", "a da@x.example",
                          "not-an-email@", "ada@lakeside..example"}) {
    auto r = Create("Lakeside", bad, "Ada", "long-enough-password");
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_THAT(r.err, HasSubstr("--email")) << bad;
  }
  auto no_name = Create("Lakeside", "ada@lakeside.example", "", "long-enough-password");
  EXPECT_EQ(no_name.exit_code, 2);
  EXPECT_THAT(no_name.err, HasSubstr("--name"));

  ASSERT_EQ(Create("Lakeside", "ada@lakeside.example", "Ada", "long-enough-password").exit_code, 0);
  // Emails are unique across clinics and compared without case.
  auto duplicate = Create("Elsewhere", "ADA@lakeside.example", "Ada Two", "long-enough-password");
  EXPECT_EQ(duplicate.exit_code, 2);
  EXPECT_THAT(duplicate.err, HasSubstr("--email"));

  auto bad_db = RunSciaticare(
      "admin create --db mysql://x --clinic A --email a@b.example --name A --password "
      "kettle-violet-harbor",
      "");
  EXPECT_EQ(bad_db.exit_code, 2);
  EXPECT_THAT(bad_db.err, HasSubstr("--db"));

  auto db = Must(store::SqliteStore::Open(Db()));
  EXPECT_EQ(Must(db->ListUsers(Must(db->FindUserByEmail("ada@lakeside.example")).clinic_id)).size(),
            1u);
  EXPECT_EQ(db->GetClinic(2).kind(), store::StoreErrorKind::kNotFound);  // "Elsewhere" not made.
}

// --- backup and restore -----------------------------------------------------

class BackupTest : public ::testing::Test {
 protected:
  std::string Path(const char* name) const { return (dir_.path() / name).string(); }
  TempDir dir_;
};

// The backup is taken by another process while this one keeps writing; the
// restored copy holds every patient whose creation returned before the backup
// started.
TEST_F(BackupTest, BackupOfALiveDatabaseKeepsEveryAcknowledgedWrite) {
  const std::string live = Path("live.db"), backup = Path("nightly.backup"),
                    restored = Path("restored.db");
  auto db = Must(store::SqliteStore::Open(live));
  const store::Id clinic = Must(db->CreateClinic({0, "Live"})).id;

  std::mutex mu;
  std::vector<store::Id> acknowledged;
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      store::Patient p;
      p.clinic_id = clinic;
      p.given_name = "Writer";
      p.family_name = "Patient " + std::to_string(i);
      p.created_at = kT0;
      auto created = db->CreatePatient(p);
      if (!created) {
        ++failures;
        continue;
      }
      std::lock_guard<std::mutex> lock(mu);
      acknowledged.push_back(created.value().id);
    }
  });
  auto count = [&] {
    std::lock_guard<std::mutex> lock(mu);
    return acknowledged.size();
  };
  while (count() < 50) std::this_thread::sleep_for(std::chrono::milliseconds(2));

  std::vector<store::Id> before;
  {
    std::lock_guard<std::mutex> lock(mu);
    before = acknowledged;
  }
  auto r = RunSciaticare("backup --db " + Quote("sqlite:" + live) + " --to " + Quote(backup), "");
  const std::size_t during = count();
  stop = true;
  writer.join();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("backed up"));
  EXPECT_EQ(failures, 0);
  EXPECT_GT(during, before.size()) << "the writer kept writing during the backup";
  // A single self-contained file, no partial or journal files left beside it.
  EXPECT_FALSE(std::filesystem::exists(backup + "-wal"));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    if (entry.path().filename().string().rfind("nightly.backup", 0) == 0) ++files;
  }
  EXPECT_EQ(files, 1);

  auto restore =
      RunSciaticare("restore --from " + Quote(backup) + " --db " + Quote("sqlite:" + restored), "");
  ASSERT_EQ(restore.exit_code, 0) << restore.err;
  auto copy = Must(store::SqliteStore::Open(restored));
  for (store::Id id : before) {
    ASSERT_TRUE(copy->GetPatient(clinic, id).ok()) << "patient " << id << " lost";
  }
  const std::int64_t in_copy = PatientCount(*copy, clinic);
  EXPECT_GE(in_copy, static_cast<std::int64_t>(before.size()));
  EXPECT_LE(in_copy, PatientCount(*db, clinic));
  // The restored database is a working store.
  EXPECT_TRUE(
      copy->CreatePatient({0, clinic, "After", "Restore", "", "", "", "", "", 0, kT0, kT0}).ok());
}

TEST_F(BackupTest, RestoreRefusesToOverwriteADatabaseWithRecordsUnlessForced) {
  const std::string live = Path("clinic.db"), backup = Path("clinic.backup");
  store::Id clinic = 0;
  {
    auto db = Must(store::SqliteStore::Open(live));
    clinic = Must(db->CreateClinic({0, "Clinic"})).id;
    Must(db->CreatePatient({0, clinic, "Kept", "InBackup", "", "", "", "", "", 0, kT0, kT0}));
  }
  ASSERT_EQ(RunSciaticare("backup --db " + Quote("sqlite:" + live) + " --to " + Quote(backup), "")
                .exit_code,
            0);
  {
    auto db = Must(store::SqliteStore::Open(live));
    Must(db->CreatePatient({0, clinic, "Added", "AfterBackup", "", "", "", "", "", 0, kT0, kT0}));
  }

  auto refused =
      RunSciaticare("restore --from " + Quote(backup) + " --db " + Quote("sqlite:" + live), "");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("--force"));
  {
    auto db = Must(store::SqliteStore::Open(live));
    EXPECT_EQ(PatientCount(*db, clinic), 2);  // Untouched.
  }

  auto forced = RunSciaticare(
      "restore --from " + Quote(backup) + " --db " + Quote("sqlite:" + live) + " --force", "");
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  auto db = Must(store::SqliteStore::Open(live));
  EXPECT_EQ(PatientCount(*db, clinic), 1);  // Back to the backup.
  EXPECT_FALSE(std::filesystem::exists(live + "-journal"));
}

// A session that logged out after the backup was taken must not come back
// with the restore: the restored database holds no login session at all.
TEST_F(BackupTest, RestoreEndsEveryLoginSession) {
  const std::string live = Path("clinic.db"), backup = Path("clinic.backup");
  const std::string logged_out = auth::HashToken("logged out after the backup");
  const std::string still_open = auth::HashToken("still open at the restore");
  {
    auto db = Must(store::SqliteStore::Open(live));
    const store::Id clinic = Must(db->CreateClinic({0, "Clinic"})).id;
    store::User u;
    u.clinic_id = clinic;
    u.email = "ada@clinic.example";
    u.display_name = "Ada";
    u.role = store::Role::kAdmin;
    u.password_hash = auth::HashPassword("kettle-violet-harbor-91", auth::HashCost::kFastForTests);
    const store::Id user = Must(db->CreateUser(u)).id;
    for (const std::string& hash : {logged_out, still_open}) {
      ASSERT_TRUE(
          db->CreateAuthSession({hash, user, clinic, "csrf", kT0, "2026-11-23T21:00:00Z"}).ok());
    }
    ASSERT_TRUE(store::BackupSqlite(live, backup).ok());
    ASSERT_TRUE(db->DeleteAuthSession(logged_out).ok());  // Logout after the backup.
  }
  auto forced = RunSciaticare(
      "restore --from " + Quote(backup) + " --db " + Quote("sqlite:" + live) + " --force", "");
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  auto db = Must(store::SqliteStore::Open(live));
  EXPECT_EQ(db->GetAuthSession(logged_out, kT0).kind(), store::StoreErrorKind::kNotFound);
  EXPECT_EQ(db->GetAuthSession(still_open, kT0).kind(), store::StoreErrorKind::kNotFound);
}

TEST_F(BackupTest, RestoreRefusesAFileThatIsNotABackup) {
  const std::string junk = Path("junk.backup"), target = Path("target.db");
  std::ofstream(junk) << "this is not a database, just some text that is long enough";
  auto r =
      RunSciaticare("restore --from " + Quote(junk) + " --db " + Quote("sqlite:" + target), "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--from"));
  EXPECT_FALSE(std::filesystem::exists(target));

  auto missing = RunSciaticare(
      "restore --from " + Quote(Path("none.backup")) + " --db " + Quote("sqlite:" + target), "");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("--from"));
  // Nothing but the junk file is left in the folder.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir_.path()))
    ++files;
  EXPECT_EQ(files, 1);
}

TEST_F(BackupTest, RestoreRefusesATargetAnotherConnectionHasOpen) {
  const std::string live = Path("live.db"), backup = Path("live.backup");
  auto db = Must(store::SqliteStore::Open(live));
  const store::Id clinic = Must(db->CreateClinic({0, "Open"})).id;
  Must(db->CreatePatient({0, clinic, "Still", "Here", "", "", "", "", "", 0, kT0, kT0}));
  ASSERT_TRUE(store::BackupSqlite(live, backup).ok());
  store::SqliteRestoreOptions force;
  force.force = true;
  auto restored = store::RestoreSqlite(backup, live, force);
  ASSERT_FALSE(restored.ok());
  EXPECT_EQ(restored.kind(), store::StoreErrorKind::kConflict);
  EXPECT_EQ(PatientCount(*db, clinic), 1);  // The open store still works on its file.
}

TEST_F(BackupTest, BackupNamesTheFlagAtFault) {
  auto missing = RunSciaticare(
      "backup --db " + Quote("sqlite:" + Path("none.db")) + " --to " + Quote(Path("x.backup")), "");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("--db"));
  EXPECT_FALSE(std::filesystem::exists(Path("none.db")));

  auto postgres =
      RunSciaticare("backup --db postgresql://localhost/x --to " + Quote(Path("x")), "");
  EXPECT_EQ(postgres.exit_code, 2);
  EXPECT_THAT(postgres.err, HasSubstr("--db"));

  { auto db = Must(store::SqliteStore::Open(Path("a.db"))); }
  auto onto_itself = RunSciaticare(
      "backup --db " + Quote("sqlite:" + Path("a.db")) + " --to " + Quote(Path("a.db")), "");
  EXPECT_EQ(onto_itself.exit_code, 2);
  EXPECT_THAT(onto_itself.err, HasSubstr("--to"));

  auto no_folder = RunSciaticare("backup --db " + Quote("sqlite:" + Path("a.db")) + " --to " +
                                     Quote(Path("no/such/folder/a.backup")),
                                 "");
  EXPECT_EQ(no_folder.exit_code, 2);
  EXPECT_THAT(no_folder.err, HasSubstr("--to"));
}

}  // namespace
}  // namespace sciaticare
