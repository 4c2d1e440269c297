// The room an appointment is to hold, for the booking form and the move
// dialog: the clinic's rooms in use, and "No room". A retired room shows only
// as the appointment's current one (a move may keep it only if it is in use:
// the server says so by name). Shown only when the clinic has rooms.
import type { Room } from '../api';

export function RoomSelect(props: {
  id: string;
  rooms: Room[];
  value: string; // a room id, or '' for no room
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const offered = props.rooms.filter((r) => r.active || String(r.id) === props.value);
  return (
    <>
      <label for={props.id}>Room</label>
      <select id={props.id} value={props.value} aria-invalid={props.invalid}
        onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">No room</option>
        {offered.map((r) => (
          <option key={r.id} value={String(r.id)}>{r.active ? r.name : `${r.name} (retired)`}</option>
        ))}
      </select>
    </>
  );
}
