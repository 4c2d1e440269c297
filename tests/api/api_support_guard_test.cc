// Api::Guard's audit of refusals for answers that are sent later
// (http::Response::defer): a deferred 403 or 404 to a logged-in caller gets
// exactly the "denied" record a synchronous one gets, durable before the
// answer goes out; any other deferred answer passes unchanged and unaudited;
// entries the handler collected are still stored first. Handlers here are
// small stand-ins that answer from another thread, as a store callback does.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "api/guard_fixture.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

class GuardTest : public GuardFixture {};
INSTANTIATE_TEST_SUITE_P(Store, GuardTest, AllApiBackends(), ApiBackendName);

// Everything of a record but its id and time.
std::tuple<store::Id, std::optional<store::Id>, std::string, std::string, std::string,
           std::optional<store::Id>, std::string, std::string>
Fields(const store::AuditEntry& e) {
  return {e.clinic_id, e.user_id,    e.action,      e.entity,
          e.entity_id, e.patient_id, e.remote_addr, e.detail};
}

TEST_P(GuardTest, DeferredRefusalGetsTheSameDeniedRecordAsASynchronousOne) {
  struct Case {
    int status;
    const char* detail;
    store::Id patient;
    std::optional<store::Id> recorded_patient;  // Another clinic's patient stays out.
  };
  for (const Case& c : {Case{404, "not found", patient1_.id, patient1_.id},
                        Case{403, "forbidden", patient1_.id, patient1_.id},
                        Case{404, "not found", patient_b_.id, std::nullopt}}) {
    SCOPED_TRACE(std::to_string(c.status) + " naming patient " + std::to_string(c.patient));
    http::Response refusal = http::ErrorResponse(c.status, "id", "no such record");
    const api::Api::Handler sync = [&](http::Request&, const api::Caller&) { return refusal; };
    const std::int64_t before = Total();
    ASSERT_EQ(Answer(sync, RequestFor(c.patient)).status, c.status);
    ASSERT_EQ(Total() - before, 1);
    const store::AuditEntry expected = Newest(clinic_a_.id, 1).at(0);
    EXPECT_EQ(expected.action, "denied");
    EXPECT_EQ(expected.user_id, therapist_.id);
    EXPECT_EQ(expected.entity_id, "GET " + PatientPath(c.patient, "/probe"));
    EXPECT_EQ(expected.patient_id, c.recorded_patient);
    EXPECT_EQ(expected.detail, c.detail);

    const http::Response answer = Answer(Deferred(refusal), RequestFor(c.patient));
    // Durable before it was sent: listed as soon as the answer is in hand.
    EXPECT_EQ(Total() - before, 2);
    EXPECT_EQ(answer.status, c.status);
    EXPECT_EQ(answer.body, refusal.body);
    const store::AuditEntry deferred = Newest(clinic_a_.id, 1).at(0);
    EXPECT_NE(deferred.id, expected.id);
    EXPECT_EQ(Fields(deferred), Fields(expected));
  }
}

TEST_P(GuardTest, DeferredAnswersThatAreNoRefusalPassUnchangedAndUnaudited) {
  http::Response ok = http::Response::Json(200, R"({"ok":true})");
  ok.headers["ETag"] = "\"3\"";
  for (const http::Response& given :
       {ok, http::ErrorResponse(409, "version", "changed"), http::ErrorResponse(422, "x", "bad"),
        http::ErrorResponse(500, "", "the database failed")}) {
    SCOPED_TRACE(given.status);
    const std::int64_t before = Total();
    const http::Response answer = Answer(Deferred(given), RequestFor(patient1_.id));
    EXPECT_EQ(answer.status, given.status);
    EXPECT_EQ(answer.body, given.body);
    EXPECT_EQ(answer.headers, given.headers);
    EXPECT_EQ(Total() - before, 0);
  }
}

TEST_P(GuardTest, EntriesCollectedByTheHandlerAreStoredBeforeADeferredRefusal) {
  api::Api::Handler deferred_404 = Deferred(http::ErrorResponse(404, "id", "no such record"));
  api::Api::Handler handler = [&](http::Request& req, const api::Caller& c) {
    api_->Audit(c, req, "read", "patient", std::to_string(patient1_.id), patient1_.id);
    return deferred_404(req, c);
  };
  const std::int64_t before = Total();
  EXPECT_EQ(Answer(handler, RequestFor(patient1_.id)).status, 404);
  ASSERT_EQ(Total() - before, 2);
  const std::vector<store::AuditEntry> newest = Newest(clinic_a_.id, 2);
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[0].action, "denied");  // Appended once the refusal was known.
  EXPECT_EQ(newest[1].action, "read");
  EXPECT_EQ(newest[1].patient_id, patient1_.id);
}

TEST_P(GuardTest, AnonymousCallersAreRefusedBeforeTheHandlerWithoutARecord) {
  bool ran = false;
  api::Api::Handler handler = [&](http::Request& req, const api::Caller& c) {
    ran = true;
    return Deferred(http::ErrorResponse(404, "id", "no such record"))(req, c);
  };
  http::Request anonymous = RequestFor(patient1_.id);
  anonymous.headers.clear();
  const std::int64_t before = Total();
  EXPECT_EQ(Answer(handler, anonymous).status, 401);
  EXPECT_FALSE(ran);
  EXPECT_EQ(Total() - before, 0);
}

}  // namespace
}  // namespace sciaticare::testing
