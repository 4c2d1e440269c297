// The part of the Store interface that mails portal invitations (issue 15).
// Store (store.h) inherits it, so both stores implement it. The invitation's
// one-time link is in the message's body only while it waits: the outbox
// replaces it with a plain note in the statement that marks the message
// sent, failed or cancelled (docs/security.md).
#pragma once

#include <string>

#include "store/records.h"
#include "store/store_result.h"

namespace sciaticare::store {

// An invitation's message, its words rendered by the caller.
struct InvitationMail {
  Id clinic_id = 0;
  Id invite_id = 0;
  std::string recipient;
  std::string subject;
  std::string body;  // Holds the one-time link.
};

class InvitationMailStore {
 public:
  virtual ~InvitationMailStore() = default;

  // Queues `mail` at once under the event key "invitation:<invite_id>"
  // (kNotFound naming "invite_id" unless the invitation is the clinic's, and
  // open: not used, not replaced). Run it in the unit of work that creates
  // the invitation. The queued mail of the patient's earlier invitations is
  // cancelled by CreatePortalInvite as it replaces them, and by
  // UsePortalInvite as the patient sets their password; one whose invitation
  // has lapsed by the time it is due is withdrawn by ClaimDueMail, unsent.
  virtual StoreStatus QueueInvitationMail(const InvitationMail& mail) = 0;
};

}  // namespace sciaticare::store
