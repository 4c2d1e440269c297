// Writes as units of work: a write request's records, its audit entries and
// the answer kept under its Idempotency-Key are committed together, or none
// is, so a crash never leaves a record without its trail, and a client that
// retries after a lost answer gets the first answer and creates nothing new.
// Every write route goes through here (Api::Guard), so the rule holds at every
// door; the one deferred route (a session note) stores its own unit through
// Store::CreateSessionNoteAsync with KeepAnswer.
#include <nlohmann/json.hpp>

#include "api/api_support.h"
#include "store/validation.h"

namespace sciaticare::api {
namespace {

// How long a kept answer is honoured: a day, the longest a client could
// reasonably still be retrying; older ones are removed as new ones are kept.
constexpr long long kKeepAnswersSeconds = 24LL * 60 * 60;

// The headers of an answer worth giving again with its body.
constexpr const char* kReplayedHeaders[] = {"Location", "ETag"};

// Tells a retry (same method, path and body) from another request that
// reuses the key. SHA-256, hex; the parts are length-prefixed so that no two
// requests hash alike by moving bytes between path and body.
std::string RequestHash(const http::Request& request) {
  std::string text;
  for (const std::string* part : {&request.method, &request.path, &request.body}) {
    text += std::to_string(part->size()) + ":" + *part + "\n";
  }
  return auth::HashToken(text);
}

http::Response Replay(const store::IdempotentAnswer& kept) {
  http::Response answer;
  answer.status = kept.status;
  answer.body = kept.body;
  const json headers = json::parse(kept.headers_json, nullptr, false);
  if (headers.is_object()) {
    for (const auto& [name, value] : headers.items()) {
      if (!value.is_string()) continue;
      if (name == "Content-Type") {
        answer.content_type = value.get<std::string>();
      } else {
        answer.headers[name] = value.get<std::string>();
      }
    }
  }
  answer.headers["Idempotent-Replayed"] = "true";
  return answer;
}

bool IsKeyConflict(const store::StoreError& error) {
  return error.kind == store::StoreErrorKind::kConflict && error.field == "idempotency-key";
}

}  // namespace

std::optional<http::Response> Api::KeptAnswer(const Caller& caller, const http::Request& request) {
  if (!caller.idempotency) return std::nullopt;
  store::StoreResult<store::IdempotentAnswer> kept =
      store_.GetIdempotentAnswer(caller.clinic(), caller.user.id, caller.idempotency->key);
  if (!kept.ok()) {
    if (kept.kind() == store::StoreErrorKind::kNotFound) return std::nullopt;
    return StoreFailure(kept.error());
  }
  if (kept.value().request_hash != caller.idempotency->request_hash) {
    return http::ErrorResponse(422, "idempotency-key",
                               "was already used for a different request; send a new key");
  }
  // The answer holds a record, so giving it again is an access like any read.
  Audit(caller, request, "replay", "request", request.method + " " + request.path, std::nullopt,
        "a repeated request, answered as the first time");
  return Replay(kept.value());
}

store::StoreStatus Api::KeepAnswer(const Caller& caller, const http::Response& answer) {
  if (!caller.idempotency) return store::Done{};
  store::IdempotentAnswer kept;
  kept.clinic_id = caller.clinic();
  kept.user_id = caller.user.id;
  kept.key = caller.idempotency->key;
  kept.request_hash = caller.idempotency->request_hash;
  kept.status = answer.status;
  kept.body = answer.body;
  // A secret is shown once and never kept (an API token and a portal
  // invitation's link are stored only as hashes): a retry of its creation
  // answers the record without it.
  json body = json::parse(answer.body, nullptr, false);
  if (body.is_object() && body.contains("token")) {
    body["token"] = nullptr;
    body["token_note"] = "shown only once, in the first answer; revoke this token if it was lost";
    kept.body = body.dump();
  }
  if (body.is_object() && body.contains("link")) {
    body["link"] = nullptr;
    body["link_note"] = "shown only once, in the first answer; make a new link if it was lost";
    kept.body = body.dump();
  }
  json headers = {{"Content-Type", answer.content_type}};
  for (const char* name : kReplayedHeaders) {
    if (auto it = answer.headers.find(name); it != answer.headers.end()) headers[name] = it->second;
  }
  kept.headers_json = headers.dump();
  kept.created_at = Now();
  return store_.SaveIdempotentAnswer(kept, AddSeconds(kept.created_at, -kKeepAnswersSeconds));
}

http::Response Api::AnswerToFailedWrite(const Caller& caller, const http::Request& request,
                                        const store::StoreError& error) {
  if (IsKeyConflict(error)) {
    // A concurrent retry with the same key committed first: its answer is ours.
    if (std::optional<http::Response> kept = KeptAnswer(caller, request)) return std::move(*kept);
  }
  return StoreFailure(error);
}

http::Response Api::RunWrite(Caller& caller, http::Request& request, const Handler& handler) {
  const std::string key = request.Header("idempotency-key");
  if (!key.empty() || request.headers.count("idempotency-key") != 0) {
    if (!store::IsIdempotencyKey(key)) {
      return http::ErrorResponse(400, "idempotency-key",
                                 "must be 1-200 printable ASCII characters");
    }
    caller.idempotency =
        std::make_shared<const IdempotencyKey>(IdempotencyKey{key, RequestHash(request)});
    if (std::optional<http::Response> kept = KeptAnswer(caller, request)) return std::move(*kept);
  }
  http::Response response;
  bool refused = false;      // The handler answered with an error: nothing of it is kept.
  bool unconfirmed = false;  // By a remembered sign-in its reads did not confirm.
  const store::StoreStatus unit = store_.Atomically([&]() -> store::StoreStatus {
    // The unit may run again (PostgreSQL retries a unit the server rolled
    // back), so each run starts from the entries recorded before it.
    const std::size_t audits_before = caller.audits->size();
    response = Open([&](http::Request& r) { return handler(r, caller); })(request);
    unconfirmed = caller.remembered_sign_in && !caller.remembered_sign_in->Confirmed();
    if (unconfirmed) return store::Conflict("", "the sign-in was not confirmed; undo its writes");
    if (response.defer) return store::Done{};  // It stores its own unit when it runs.
    refused = response.status >= 400;
    if (refused) return store::Conflict("", "the answer is a refusal; undo its writes");
    for (std::size_t i = audits_before; i < caller.audits->size(); ++i) {
      store::StoreResult<store::AuditEntry> appended = store_.AppendAudit((*caller.audits)[i]);
      if (!appended.ok()) return appended.error();
    }
    caller.audits->resize(audits_before);  // Appended: Guard must not append them again.
    return KeepAnswer(caller, response);
  });
  if (unconfirmed) return response;  // Guard drops it and answers afresh.
  if (refused) return response;      // Its entries (a refusal's) are appended by Guard.
  if (!unit.ok()) {
    caller.audits->clear();  // They describe writes that were undone.
    return AnswerToFailedWrite(caller, request, unit.error());
  }
  return response;
}

}  // namespace sciaticare::api
