// How an appointment's status reads on the calendar: a word and a symbol as
// well as a colour, so no one has to tell colours apart to know it.
export const STATUS: Record<string, { word: string; symbol: string }> = {
  requested: { word: 'Requested', symbol: '?' },
  booked: { word: 'Booked', symbol: '●' },
  arrived: { word: 'Arrived', symbol: '→' },
  done: { word: 'Done', symbol: '✓' },
  cancelled: { word: 'Cancelled', symbol: '✕' },
  no_show: { word: 'No-show', symbol: '!' },
};

export function StatusWord(props: { status: string }) {
  const s = STATUS[props.status] ?? { word: props.status, symbol: '' };
  return (
    <span class={`cal-status cal-status-${props.status}`}>
      <span aria-hidden="true">{s.symbol}</span> {s.word}
    </span>
  );
}
