// A correction's intake document (issue 15): what the clinician changed in
// the form, laid over the corrected intake as it was stored. The form shows
// only some of an intake (not what relieves the pain, a condition's further
// sites, nor what the server found, such as symptoms that spread during
// treatment), so a field it does not show, or one the clinician left alone,
// is kept exactly as recorded instead of as the form would write it.

type Json = unknown;
type Doc = Record<string, Json>;

const isDoc = (v: Json): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

// Equal as JSON values, whatever the order of an object's keys.
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (!isDoc(a) || !isDoc(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
}

// Three documents: `stored`, the corrected intake as recorded; `asLoaded`, what
// the form wrote for it before any edit; `edited`, what it writes now. Where
// the form's output did not change, the stored value stands; where it did,
// the edit wins (undefined: the clinician removed it). Objects are merged key
// by key, so one changed answer leaves its neighbours as recorded; a list is
// one value.
export function keepUnchanged(stored: Json, asLoaded: Json, edited: Json): Json {
  if (sameJson(asLoaded, edited)) return stored;
  if (!isDoc(edited) || !isDoc(asLoaded)) return edited;
  const base: Doc = isDoc(stored) ? stored : {};
  const merged: Doc = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(asLoaded), ...Object.keys(edited)])) {
    const value = keepUnchanged(base[key], asLoaded[key], edited[key]);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}
