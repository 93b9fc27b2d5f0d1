/** A single plain address, as people give it: `name@domain.tld`, no display name. */
export function isMailAddress(value: string | null | undefined): value is string {
  return !!value && /^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$/.test(value);
}
