/**
 * Demand periods and calendar arithmetic. Policies state times in days; demand statistics are per
 * period (week, month, quarter), so lead times and review periods are converted with the mean
 * length of the period in the Gregorian calendar (365.25 days a year): a month is 30.4375 days.
 *
 * Dates are whole days since 1970-01-01 (UTC civil days), so bucketing a million lines into
 * months allocates no Date objects: civilFromDays is H. Hinnant's algorithm ("chrono-compatible
 * low-level date algorithms", 2013), exact for the proleptic Gregorian calendar.
 */
import { invalidInput } from "../errors";

export type DemandPeriod = "week" | "month" | "quarter";

const DAYS_PER_YEAR = 365.25;

export const PERIOD_DAYS: Readonly<Record<DemandPeriod, number>> = {
  week: 7,
  month: DAYS_PER_YEAR / 12,
  quarter: DAYS_PER_YEAR / 4,
};

export const PERIODS_PER_YEAR: Readonly<Record<DemandPeriod, number>> = {
  week: DAYS_PER_YEAR / 7,
  month: 12,
  quarter: 4,
};

/** Days since 1970-01-01 of a civil date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil year and month (1–12) of a day number; writes into `out` to allocate nothing. */
export function civilYearMonth(days: number, out: { year: number; month: number }): void {
  const z = Math.floor(days) + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  out.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  out.month = month;
}

const scratch = { year: 0, month: 0 };

/**
 * A running period number for a day: months since year 0 (year × 12 + month − 1), quarters since
 * year 0, or ISO weeks counted from Monday 1969-12-29 (weeks start on Monday).
 */
export function periodOfDay(days: number, period: DemandPeriod): number {
  if (period === "week") return Math.floor((Math.floor(days) + 3) / 7);
  civilYearMonth(days, scratch);
  const monthNumber = scratch.year * 12 + scratch.month - 1;
  return period === "month" ? monthNumber : Math.floor(monthNumber / 3);
}

/** First and last day (day numbers, inclusive) of a period number. */
export function periodDays(periodNumber: number, period: DemandPeriod): { first: number; last: number } {
  if (period === "week") return { first: periodNumber * 7 - 3, last: periodNumber * 7 + 3 };
  const monthsPer = period === "month" ? 1 : 3;
  const firstMonth = periodNumber * monthsPer;
  const nextMonth = firstMonth + monthsPer;
  const first = daysFromCivil(Math.floor(firstMonth / 12), (firstMonth % 12) + 1, 1);
  const next = daysFromCivil(Math.floor(nextMonth / 12), (nextMonth % 12) + 1, 1);
  return { first, last: next - 1 };
}

/** "2011-03" for a month, "2011-Q1" for a quarter, "2011-03-07" (its Monday) for a week. */
export function periodLabel(periodNumber: number, period: DemandPeriod): string {
  if (period === "week") return isoDate(periodDays(periodNumber, "week").first);
  const monthsPer = period === "month" ? 1 : 3;
  const firstMonth = periodNumber * monthsPer;
  const year = Math.floor(firstMonth / 12);
  if (period === "quarter") return `${year}-Q${Math.floor((firstMonth % 12) / 3) + 1}`;
  return `${year}-${String((firstMonth % 12) + 1).padStart(2, "0")}`;
}

/** "2011-12-09" for a day number. */
export function isoDate(days: number): string {
  civilYearMonth(days, scratch);
  const first = daysFromCivil(scratch.year, scratch.month, 1);
  const day = Math.floor(days) - first + 1;
  return `${scratch.year}-${String(scratch.month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function requirePeriod(period: string): DemandPeriod {
  if (period === "week" || period === "month" || period === "quarter") return period;
  throw invalidInput(`period must be "week", "month" or "quarter"; got ${JSON.stringify(period)}`);
}
