// Therapist profiles on the SQL session. A profile is read with its
// modalities in one transaction, so the two always agree.
#include "store/records/therapist_profile_records.h"

#include <optional>

#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

// The profile and its modalities, in the caller's transaction.
std::optional<TherapistProfile> ReadProfile(sql::Session& s, Id clinic_id, Id user_id) {
  auto profile =
      s.Prepare(
           "SELECT user_id, clinic_id, years_experience, sciatica_experience_years, bio FROM "
           "therapist_profiles WHERE clinic_id = ? AND user_id = ?")
          .Bind(clinic_id)
          .Bind(user_id)
          .One([](const sql::Row& r) {
            TherapistProfile p;
            p.user_id = r.Int64(0);
            p.clinic_id = r.Int64(1);
            p.years_experience = r.Int(2);
            p.sciatica_experience_years = r.Int(3);
            p.bio = r.Text(4);
            return p;
          });
  if (profile) {
    profile->modalities =
        s.Prepare(
             "SELECT technique_id FROM therapist_modalities WHERE user_id = ? ORDER BY "
             "position")
            .Bind(user_id)
            .All([](const sql::Row& r) { return r.Text(0); });
  }
  return profile;
}

}  // namespace

StoreResult<TherapistProfile> UpsertTherapistProfile(sql::Session& s, const TherapistProfile& p) {
  if (auto problem = ValidateTherapistProfile(p)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  // The lock on the user makes concurrent upserts of one profile take turns,
  // so their modality lists do not interleave.
  if (auto e = CheckTherapist(s, "user_id", p.clinic_id, p.user_id, /*lock=*/true)) return *e;
  s.Prepare(
       "INSERT INTO therapist_profiles (user_id, clinic_id, years_experience, "
       "sciatica_experience_years, bio) VALUES (?, ?, ?, ?, ?) "
       "ON CONFLICT (user_id) DO UPDATE SET years_experience = excluded.years_experience, "
       "sciatica_experience_years = excluded.sciatica_experience_years, bio = excluded.bio")
      .Bind(p.user_id)
      .Bind(p.clinic_id)
      .Bind(p.years_experience)
      .Bind(p.sciatica_experience_years)
      .Bind(p.bio)
      .Exec();
  s.Prepare("DELETE FROM therapist_modalities WHERE user_id = ?").Bind(p.user_id).Exec();
  for (std::size_t i = 0; i < p.modalities.size(); ++i) {
    s.Prepare("INSERT INTO therapist_modalities (user_id, position, technique_id) VALUES (?, ?, ?)")
        .Bind(p.user_id)
        .Bind(static_cast<int>(i))
        .Bind(p.modalities[i])
        .Exec();
  }
  auto stored = ReadProfile(s, p.clinic_id, p.user_id);
  tx->Commit();
  return *stored;
}

StoreResult<TherapistProfile> GetTherapistProfile(sql::Session& s, Id clinic_id, Id user_id) {
  auto tx = s.Begin(sql::TxKind::kRead);  // The profile and its modalities from one snapshot.
  auto profile = ReadProfile(s, clinic_id, user_id);
  if (!profile) return NotFound("user_id", "no therapist profile for this user in this clinic");
  return *profile;
}

StoreResult<std::vector<TherapistProfile>> ListTherapistProfiles(sql::Session& s, Id clinic_id) {
  auto tx = s.Begin(sql::TxKind::kRead);  // One snapshot for the list and its modalities.
  auto ids =
      s.Prepare("SELECT user_id FROM therapist_profiles WHERE clinic_id = ? ORDER BY user_id")
          .Bind(clinic_id)
          .All([](const sql::Row& r) { return r.Int64(0); });
  std::vector<TherapistProfile> out;
  out.reserve(ids.size());
  for (Id id : ids) out.push_back(*ReadProfile(s, clinic_id, id));
  return out;
}

}  // namespace sciaticare::store::records
