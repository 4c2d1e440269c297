// Therapists' profiles and the techniques they practise (in their order),
// written once for both stores over the SQL session; throws what the session
// throws (the store maps it).
#pragma once

#include <vector>

#include "store/sql/sql_session.h"
#include "store/store.h"

namespace sciaticare::store::records {

// The Store methods of the same names (store.h states their contracts).
StoreResult<TherapistProfile> UpsertTherapistProfile(sql::Session& s, const TherapistProfile& p);
StoreResult<TherapistProfile> GetTherapistProfile(sql::Session& s, Id clinic_id, Id user_id);
StoreResult<std::vector<TherapistProfile>> ListTherapistProfiles(sql::Session& s, Id clinic_id);

}  // namespace sciaticare::store::records
