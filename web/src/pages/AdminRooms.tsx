// The clinic's treatment rooms (admin): add one, rename one, retire one or
// bring it back (GET/POST /api/v1/rooms, PATCH /api/v1/rooms/{id} with
// If-Match). Rooms are never deleted: a retired room stays on the
// appointments it held and is offered for no new booking.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, request, type Room } from '../api';
import { ErrorBox, Loading } from '../components/common';

function RoomRow(props: { room: Room; onSaved: (r: Room, what: string) => void }) {
  const r = props.room;
  const [name, setName] = useState(r.name);
  const [error, setError] = useState<unknown>(null);
  const bad = error instanceof ApiError ? error.field : '';
  const save = async (change: { name?: string; active?: boolean }, what: string) => {
    setError(null);
    try {
      const { data } = await request<Room>('PATCH', `/api/v1/rooms/${r.id}`, change, { 'If-Match': `"${r.version}"` });
      props.onSaved(data, what);
    } catch (err) {
      setError(err);
    }
  };
  const id = `room-${r.id}`;
  return (
    <li class="room-row" data-testid="room">
      <form class="actions" noValidate onSubmit={(e) => { e.preventDefault(); void save({ name }, `Renamed ${r.name} to ${name}.`); }}>
        <label for={id}>Name of {r.name}{r.active ? '' : ' (retired)'}</label>
        <input id={id} value={name} maxLength={60} aria-invalid={bad === 'name'} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" class="secondary">Rename</button>
        {r.active ? (
          <button type="button" class="secondary" onClick={() => void save({ active: false }, `${r.name} is retired: it takes no new bookings.`)}>
            Retire {r.name}
          </button>
        ) : (
          <button type="button" class="secondary" onClick={() => void save({ active: true }, `${r.name} is in use again.`)}>
            Bring {r.name} back into use
          </button>
        )}
      </form>
      <ErrorBox error={error} />
    </li>
  );
}

export function RoomsAdmin() {
  const [rooms, setRooms] = useState<Room[] | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const bad = error instanceof ApiError ? error.field : '';
  useEffect(() => {
    get<{ items: Room[] }>('/api/v1/rooms').then((r) => setRooms(r.items)).catch(setError);
  }, []);
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const room = await post<Room>('/api/v1/rooms', { name });
      setRooms((list) => [...(list ?? []), room]);
      setName('');
      setStatus(`Added ${room.name}.`);
    } catch (err) {
      setError(err);
    }
  };
  if (!rooms) return error ? <ErrorBox error={error} /> : <Loading what="the rooms" />;
  return (
    <>
      <p role="status" class="status-line">{status}</p>
      <form class="card" onSubmit={add} noValidate aria-labelledby="new-room-title">
        <h2 id="new-room-title">New room</h2>
        <div class="field">
          <label for="new-room-name">Room name</label>
          <input id="new-room-name" value={name} maxLength={60} aria-invalid={bad === 'name'} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <ErrorBox error={error} />
        <div class="actions">
          <button type="submit">Add room</button>
        </div>
      </form>
      <div class="card">
        <h2>Rooms ({rooms.length})</h2>
        {rooms.length === 0 ? (
          <p>No rooms yet. Without rooms, appointments are booked by therapist only.</p>
        ) : (
          <ul class="plain">
            {rooms.map((r) => (
              <RoomRow key={`${r.id}-${r.version}`} room={r} onSaved={(saved, what) => {
                setRooms((list) => (list ?? []).map((x) => (x.id === saved.id ? saved : x)));
                setStatus(what);
              }} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
