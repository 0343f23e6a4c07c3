/**
 * Ordering text the same on every machine: by UTF-16 code units, never by the locale
 * (`localeCompare` follows `LANG` and ICU, so `LANG=da_DK.UTF-8` could reorder a manifest or a
 * table and change the bytes of an output).
 *
 * @example
 *   ['b', 'a_', 'a-'].sort(byText) // ['a-', 'a_', 'b']
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
