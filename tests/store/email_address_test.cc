// The one rule for the shape of an email address (store::IsEmailAddress),
// and that both stores keep it when an account is made, whoever makes it.
#include <gtest/gtest.h>

#include "store/store_contract.h"
#include "store/validation.h"

namespace sciaticare::store::testing {
namespace {

const char* const kMalformed[] = {
    "",
    "ada",
    "not-an-email@",
    "@lakeside.example",
    "ada@lakeside",
    "ada@@lakeside.example",
    "ada@home@lakeside.example",
    "a da@lakeside.example",
    "ada@lake side.example",
    "ada\t@lakeside.example",
    "ada\x01@lakeside.example",
    "ada@lakeside..example",
    "ada@.lakeside.example",
    "ada@lakeside.example.",
    "ada@-lakeside.example",
    "ada@lakeside-.example",
    "ada@lake_side.example",
    "<ada>@lakeside.example",
    "ada,ben@lakeside.example",
    "ada@läkeside.example",
};

TEST(EmailAddressTest, RefusesWhatIsNoAddress) {
  for (const char* bad : kMalformed) EXPECT_FALSE(IsEmailAddress(bad)) << "'" << bad << "'";
  // Length limits: 64 bytes of local part, 63 per label, 254 in all.
  EXPECT_TRUE(IsEmailAddress(std::string(64, 'a') + "@x.example"));
  EXPECT_FALSE(IsEmailAddress(std::string(65, 'a') + "@x.example"));
  EXPECT_TRUE(IsEmailAddress("a@" + std::string(63, 'b') + ".example"));
  EXPECT_FALSE(IsEmailAddress("a@" + std::string(64, 'b') + ".example"));
  std::string longest = "a@";
  while (longest.size() < 240) longest += std::string(9, 'c') + ".";
  longest += "example";
  EXPECT_TRUE(IsEmailAddress(longest.substr(0, 254 - 7) + "example")) << longest.size();
  EXPECT_FALSE(IsEmailAddress(longest.substr(0, 255 - 7) + "example"));
}

TEST(EmailAddressTest, AcceptsOrdinaryAddresses) {
  for (const char* good :
       {"ada@a.test", "ada.byrne@lakeside.example", "o'brien+sciatica@mail.example",
        "ADA@Lakeside.Example", "x@sub.domain-1.example", "ödön@mail.example"}) {
    EXPECT_TRUE(IsEmailAddress(good)) << good;
  }
}

// Every door that makes an account ends in Store::CreateUser, and both
// stores refuse a malformed address there, naming the field.
TEST_P(StoreContractTest, UserEmailsMustBeAddresses) {
  for (const char* bad : kMalformed) {
    User u;
    u.clinic_id = a_.id;
    u.email = bad;
    u.display_name = "Someone";
    u.role = Role::kTherapist;
    u.password_hash = "hash";
    auto made = store_->CreateUser(u);
    ASSERT_FALSE(made.ok()) << "'" << bad << "'";
    EXPECT_EQ(made.error().kind, StoreErrorKind::kInvalid) << bad;
    EXPECT_EQ(made.error().field, "email") << bad;
  }
  EXPECT_EQ(Must(store_->ListUsers(a_.id)).size(), 3u);  // Only the fixture's staff.
}

}  // namespace
}  // namespace sciaticare::store::testing
