// The password policy (auth/password_policy.h): length, the owner's own
// words, common passwords, and that HashNewPassword is the policy.
#include "auth/password_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/demo_seed.h"

namespace sciaticare::auth {
namespace {

using ::testing::HasSubstr;

const PasswordOwner kAda{"ada.byrne@lakeside.example", "Ada Byrne"};

TEST(PasswordPolicyTest, RefusesShortPasswordsCountingCharactersNotBytes) {
  EXPECT_THAT(PasswordProblem("", kAda).value_or(""), HasSubstr("at least 12 characters"));
  EXPECT_THAT(PasswordProblem("tQ7#vR2!kW9", kAda).value_or(""), HasSubstr("at least 12"));
  // Eleven characters in 22 bytes are still eleven characters.
  EXPECT_TRUE(PasswordProblem("ŵŷĉğĥĵķļńőř", kAda).has_value());
  EXPECT_EQ(PasswordProblem("kettle violet harbor", kAda), std::nullopt);
}

TEST(PasswordPolicyTest, RefusesPasswordsLongerThanLoginAccepts) {
  const std::string words = "kettle violet harbor ";
  std::string longest;
  while (longest.size() + words.size() <= kMaxPasswordBytes) longest += words;
  longest.resize(kMaxPasswordBytes, 'x');
  EXPECT_EQ(PasswordProblem(longest, kAda), std::nullopt);
  EXPECT_THAT(PasswordProblem(longest + "y", kAda).value_or(""), HasSubstr("at most 1024"));
}

TEST(PasswordPolicyTest, RefusesCommonPasswordsAndPatterns) {
  for (const char* weak : {"123456789012", "passwordpassword", "qwertyuiopasdf", "aaaaaaaaaaaaaaaa",
                           "abcdefghijklmn", "iloveyou12345", "Password1234"}) {
    SCOPED_TRACE(weak);
    EXPECT_LT(PasswordScore(weak, kAda), kMinPasswordScore);
    EXPECT_THAT(PasswordProblem(weak, kAda).value_or(""), HasSubstr("too easy to guess"));
  }
}

TEST(PasswordPolicyTest, RefusesTheOwnersEmailAndName) {
  for (const char* own : {"ada.byrne@lakeside.example", "ADA.BYRNE@LAKESIDE.EXAMPLE"}) {
    EXPECT_THAT(PasswordProblem(own, kAda).value_or(""), HasSubstr("your email address"));
  }
  const PasswordOwner long_local{"margaretbyrne@lakeside.example", "Margaret Alexandra Byrne"};
  EXPECT_THAT(PasswordProblem("margaretbyrne", long_local).value_or(""), HasSubstr("your name"));
  EXPECT_THAT(PasswordProblem("Margaret Alexandra Byrne", long_local).value_or(""),
              HasSubstr("your name"));
  EXPECT_THAT(PasswordProblem("MargaretAlexandraByrne", long_local).value_or(""),
              HasSubstr("your name"));
  // The owner's words count as known to the guesser: a name with a year is
  // weak for its owner, although the same letters are fine for someone else.
  const PasswordOwner ottoline{"ottoline.quillfeather@lakeside.example", "Ottoline Quillfeather"};
  EXPECT_THAT(PasswordProblem("quillfeather2026", ottoline).value_or(""),
              HasSubstr("too easy to guess"));
  EXPECT_THAT(PasswordProblem("Quillfeather-1971", ottoline).value_or(""),
              HasSubstr("too easy to guess"));
  EXPECT_EQ(PasswordProblem("quillfeather2026", kAda), std::nullopt);
}

TEST(PasswordPolicyTest, AcceptsLongPassphrasesWithoutCompositionRules) {
  for (const char* good : {"correct horse battery staple", "kettle-violet-harbor-91",
                           "the river runs past the clinic at noon", "sciatica-massage-2026"}) {
    EXPECT_EQ(PasswordProblem(good, kAda), std::nullopt) << good;
    EXPECT_GE(PasswordScore(good, kAda), kMinPasswordScore) << good;
  }
}

// The demo's published passwords pass the policy like any other: the demo
// needs no exemption.
TEST(PasswordPolicyTest, TheDemoPasswordsPass) {
  for (const char* demo :
       {kDemoAdminPassword, kDemoTherapistPassword, kDemoFrontDeskPassword, kDemoPatientPassword}) {
    EXPECT_EQ(PasswordProblem(demo, {"someone@riverside.example", "Someone Demo"}), std::nullopt)
        << demo;
  }
}

TEST(PasswordPolicyTest, HashNewPasswordHashesOnlyWhatThePolicyAccepts) {
  auto refused = HashNewPassword("1234567890", kAda, HashCost::kFastForTests);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "password");
  EXPECT_EQ(refused.error().message, PasswordProblem("1234567890", kAda));
  auto hashed = HashNewPassword("kettle violet harbor", kAda, HashCost::kFastForTests);
  ASSERT_TRUE(hashed.ok());
  EXPECT_TRUE(VerifyPassword("kettle violet harbor", hashed.value()));
}

}  // namespace
}  // namespace sciaticare::auth
