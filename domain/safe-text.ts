/**
 * The text the desk keeps. Refused (API) or removed (mail, projection repair):
 * - NUL: PostgreSQL text and jsonb cannot hold it, so it would fail every write of the ticket;
 * - lone UTF-16 surrogates: not Unicode at all, and jsonb refuses JSON that escapes one;
 * - the other C0 controls except tab, line feed and carriage return, DEL and the C1 controls: nobody types
 *   them, they are invisible in the portal and the letters, and they are how terminal escapes and
 *   mis-decoded (UTF-16 or Windows-1252) text arrive.
 * Everything else, including emoji and any script, is ordinary text.
 */
const unsafeCharacter = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\p{Cs}/u;
const unsafeCharacters = new RegExp(unsafeCharacter.source, 'gu');
const loneSurrogate = /^\p{Cs}$/u;

export interface UnsafeText {
  /** Dotted path of the string, as the API names fields; empty for the value itself. */
  path: string;
  message: string;
}

/** Why the desk does not accept this text, naming the first character it refuses; undefined if it is fine. */
export function unsafeTextReason(text: string): string | undefined {
  const found = unsafeCharacter.exec(text);
  if (!found) return undefined;
  const code = found[0].charCodeAt(0);
  const name =
    code === 0 ? 'NUL character' : loneSurrogate.test(found[0]) ? 'unpaired surrogate' : 'control character';
  return `contains a ${name} (U+${code.toString(16).toUpperCase().padStart(4, '0')}), which is not accepted`;
}

/** Every string in a JSON-like value (keys included) that the desk would not accept, with its path. */
export function findUnsafeText(value: unknown, path: string[] = []): UnsafeText[] {
  const at = (p: string[]) => p.join('.');
  if (typeof value === 'string') {
    const message = unsafeTextReason(value);
    return message ? [{ path: at(path), message }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const keyReason = unsafeTextReason(key);
    const here = [...path, keyReason ? cleanText(key) : key];
    return keyReason ? [{ path: at(here), message: `name ${keyReason}` }] : findUnsafeText(inner, here);
  });
}

/**
 * The text with what the desk does not keep taken out: controls are dropped (text mis-decoded from UTF-16
 * stays readable), a lone surrogate becomes U+FFFD so the reader sees something was there.
 */
export function cleanText(text: string): string {
  return text.replace(unsafeCharacters, (c) => (loneSurrogate.test(c) ? '\ufffd' : ''));
}

/** A copy of a JSON-like value with every string (and key) cleaned; anything but plain data is kept as it is. */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanDeep(v)])) as T;
}
