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

TEST(SqlColumnsTest, ReplacedColumnsBecomeTheirExpressionsInPlace) {
  EXPECT_EQ(ReplacedColumns("id, kind , result_json",
                            {{"result_json", "CASE WHEN kind = 'intake' THEN result_json END"}}),
            "id, kind, CASE WHEN kind = 'intake' THEN result_json END");
  EXPECT_EQ(ReplacedColumns("a_b, a", {{"a", "''"}, {"b", "0"}}), "a_b, ''");
  EXPECT_EQ(ReplacedColumns("a, b", {}), "a, b");
}

}  // namespace
}  // namespace sciaticare::store
