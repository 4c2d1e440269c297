// Shares a planned item's whole minutes between its targets so that the parts
// add up to exactly the planned total (largest remainder; earlier targets take
// the extra minute), each at least one minute: a note prefilled from a plan
// records the minutes the plan gave, never a rounding drift above or below it.
export function shareMinutes(total: number, parts: number): number[] {
  if (parts <= 0) return [];
  const whole = Math.max(Math.round(total), parts);
  const base = Math.floor(whole / parts);
  const extra = whole - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}
