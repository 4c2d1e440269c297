// What a number field sends: text that reads as a plain decimal number
// ("12", "-3", "0.5") goes as that number; anything else goes as typed
// (trimmed), so the server's own check names the field and says what is wrong.
// Whether a fraction is allowed is the server's rule, never decided here.

// Plain decimal notation only: "1e3", "0x10", "Infinity" or "" are not numbers
// a person types into a form, and Number() would turn them into ones (or into
// Infinity, which JSON sends as null: an empty answer instead of a refusal).
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

export function numberOrText(typed: string): number | string {
  const t = typed.trim();
  return PLAIN_DECIMAL.test(t) ? Number(t) : t;
}
