import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';

/**
 * Working days in Brussels: Monday to Friday, Belgian public holidays excluded (date-holidays knows
 * them, Easter's included, for any year). How long a notice has been owed is counted in these: the
 * office answers for "within ten working days", not calendar days.
 */

const belgium = new Holidays('BE');
const holidaysByYear = new Map<number, Set<string>>();

function holidays(year: number): Set<string> {
  let set = holidaysByYear.get(year);
  if (!set) {
    set = new Set(belgium.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidaysByYear.set(year, set);
  }
  return set;
}

export function isWorkingDay(date: Temporal.PlainDate): boolean {
  return date.dayOfWeek <= 5 && !holidays(date.year).has(date.toString());
}

/** Working days after `from` up to and including `to` ("YYYY-MM-DD"); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let day = Temporal.PlainDate.from(from);
  const end = Temporal.PlainDate.from(to);
  let count = 0;
  while (Temporal.PlainDate.compare(day, end) < 0) {
    day = day.add({ days: 1 });
    if (isWorkingDay(day)) count++;
  }
  return count;
}
