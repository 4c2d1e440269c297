#include "store/sql_columns.h"

#include <gtest/gtest.h>

namespace sciaticare::store {
namespace {

TEST(SqlColumnsTest, NamedColumnsBecomeTheEmptyLiteralInPlace) {
  EXPECT_EQ(EmptiedColumns("id, plan_json, status", {"plan_json"}, "''"), "id, '', status");
  EXPECT_EQ(
      EmptiedColumns("intake_json,id ,result_json", {"intake_json", "result_json"}, "''::text"),
      "''::text, id, ''::text");
}

TEST(SqlColumnsTest, OnlyWholeNamesMatch) {
  EXPECT_EQ(EmptiedColumns("plan_json_v2, plan_json", {"plan_json"}, "''"), "plan_json_v2, ''");
  EXPECT_EQ(EmptiedColumns("a, b", {}, "''"), "a, b");
  EXPECT_EQ(EmptiedColumns("", {"a"}, "''"), "");
}

}  // namespace
}  // namespace sciaticare::store
