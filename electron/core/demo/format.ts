/**
 * Dates and times written out as the e-recruitment export writes them. Formatting only: which
 * wall-clock time an instant is in Brussels comes from shared/domain/datetime.
 */

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** YYYY-MM-DD */
export function isoDate(p: { year: number; month: number; day: number }): string {
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** DD/MM/YYYY or DD.MM.YYYY */
export function dayFirstDate(p: { year: number; month: number; day: number }, separator: '/' | '.'): string {
  return `${pad2(p.day)}${separator}${pad2(p.month)}${separator}${p.year}`;
}

/** HH:MM or HH:MM:SS */
export function clockTime(p: { hour: number; minute: number; second: number }, withSeconds: boolean): string {
  const hm = `${pad2(p.hour)}:${pad2(p.minute)}`;
  return withSeconds ? `${hm}:${pad2(p.second)}` : hm;
}

/** "+02:00" for an offset in milliseconds. */
export function offsetText(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
