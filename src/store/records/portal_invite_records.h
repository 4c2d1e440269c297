// Portal invitations, read and written once for both stores over the SQL
// session (store.h states the contracts of the Store methods of the same
// names). Each opens its own transaction (in a unit of work: sql_session.h).
#pragma once

#include <string_view>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

StoreResult<PortalInvite> CreatePortalInvite(sql::Session& s, const PortalInvite& invite);
StoreResult<PortalInvite> GetPortalInvite(sql::Session& s, std::string_view token_hash);
StoreStatus UsePortalInvite(sql::Session& s, std::string_view token_hash, Id user_id,
                            std::string_view now);
StoreResult<PortalInvite> LatestPortalInvite(sql::Session& s, Id clinic_id, Id patient_id);

}  // namespace sciaticare::store::records
