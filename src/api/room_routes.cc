// The clinic's rooms (issue 16): every staff member lists them (the booking
// form and calendar offer them); an admin adds, renames and retires one. A
// room is never deleted: a retired room keeps its name on the appointments
// it held and takes no new booking (the store refuses it at room_id).
#include <functional>
#include <string>

#include "api/api_support.h"
#include "api/schedule_fields.h"

namespace sciaticare::api {
namespace {

constexpr auto kStaff = {Role::kAdmin, Role::kTherapist, Role::kFrontDesk};
constexpr std::size_t kLongestName = 60;

json RoomJson(const store::Room& r) {
  return {{"id", r.id}, {"name", r.name}, {"active", r.active}, {"version", r.version}};
}

// GET /rooms
http::Response ListRooms(Api& api, http::Request& req, const Caller& c) {
  json items = json::array();
  for (const store::Room& r : Must(api.store().ListRooms(c.clinic()))) items.push_back(RoomJson(r));
  api.Audit(c, req, "list", "room", "", std::nullopt);
  return JsonResponse(200, {{"items", items}});
}

// POST /rooms
http::Response CreateRoom(Api& api, http::Request& req, const Caller& c) {
  json body = ParseBody(req);
  store::Room r;
  r.clinic_id = c.clinic();
  r.name = StringField(body, "name", kLongestName, true, "", TextShape::kLine);
  store::Room created = Must(api.store().CreateRoom(r));
  api.Audit(c, req, "create", "room", std::to_string(created.id), std::nullopt, created.name);
  http::Response out = WithEtag(JsonResponse(201, RoomJson(created)), created.version);
  out.headers["Location"] = "/api/v1/rooms/" + std::to_string(created.id);
  return out;
}

// PATCH /rooms/{id}: a new name and/or whether it is in use.
http::Response UpdateRoom(Api& api, http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  const int expected = IfMatchVersion(req);
  json body = ParseBody(req);
  store::Room r;
  for (const store::Room& stored : Must(api.store().ListRooms(c.clinic()))) {
    if (stored.id == id) r = stored;
  }
  if (r.id == 0) Reject("id", "no such room in this clinic", 404);
  if (body.contains("name")) {
    r.name = StringField(body, "name", kLongestName, true, "", TextShape::kLine);
  }
  if (body.contains("active")) {
    if (!body["active"].is_boolean()) Reject("active", "must be true (in use) or false (retired)");
    r.active = body["active"].get<bool>();
  }
  store::Room updated = Must(api.store().UpdateRoom(r, expected));
  api.Audit(c, req, "update", "room", std::to_string(id), std::nullopt,
            updated.name + (updated.active ? "" : " (retired)"));
  return WithEtag(JsonResponse(200, RoomJson(updated)), updated.version);
}

}  // namespace

std::map<Id, std::string> RoomNames(Api& api, Id clinic_id) {
  std::map<Id, std::string> names;
  for (const store::Room& r : Must(api.store().ListRooms(clinic_id))) names[r.id] = r.name;
  return names;
}

json WithRoomName(json item, const std::optional<Id>& room_id,
                  const std::map<Id, std::string>& rooms) {
  auto it = room_id ? rooms.find(*room_id) : rooms.end();
  item["room_name"] = it == rooms.end() ? json(nullptr) : json(it->second);
  return item;
}

std::optional<Id> RoomField(const json& body, std::optional<Id> when_absent) {
  if (!body.contains("room_id")) return when_absent;
  if (body["room_id"].is_null()) return std::nullopt;
  const json& v = body["room_id"];
  if (!v.is_number_integer() || v.get<long long>() <= 0) {
    Reject("room_id", "choose one of the clinic's rooms, or none");
  }
  return v.get<Id>();
}

void AddRoomRoutes(http::Router& router, Api& api) {
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/rooms", api.Guard(kStaff, with(ListRooms)));
  router.Add("POST", "/api/v1/rooms", api.Guard({Role::kAdmin}, with(CreateRoom)));
  router.Add("PATCH", "/api/v1/rooms/{id}", api.Guard({Role::kAdmin}, with(UpdateRoom)));
}

}  // namespace sciaticare::api
