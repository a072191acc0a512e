import fc from "fast-check";
import { civilYearMonth, daysFromCivil, isoDate, periodDays, periodLabel, periodOfDay } from "../../../src/engine/policy/periods";

const MS_PER_DAY = 86_400_000;

test("day numbers agree with JavaScript's own calendar (Date.UTC) over four centuries", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1800, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCMonth() !== month - 1) return true; // 31 June etc.
      const days = daysFromCivil(year, month, day);
      const out = { year: 0, month: 0 };
      civilYearMonth(days, out);
      return days === date.getTime() / MS_PER_DAY && out.year === year && out.month === month && isoDate(days) === date.toISOString().slice(0, 10);
    }),
  );
});

test("known days: 1970-01-01 is 0, 2000-03-01 follows a leap day, 2011-12-09", () => {
  expect(daysFromCivil(1970, 1, 1)).toBe(0);
  expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2);
  expect(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28)).toBe(1);
  expect(isoDate(daysFromCivil(2011, 12, 9))).toBe("2011-12-09");
});

test("periods: months, quarters and Monday weeks, with their first and last days and labels", () => {
  const day = daysFromCivil(2011, 12, 9); // a Friday
  expect(periodLabel(periodOfDay(day, "month"), "month")).toBe("2011-12");
  expect(periodLabel(periodOfDay(day, "quarter"), "quarter")).toBe("2011-Q4");
  expect(periodLabel(periodOfDay(day, "week"), "week")).toBe("2011-12-05");
  const q4 = periodDays(periodOfDay(day, "quarter"), "quarter");
  expect([isoDate(q4.first), isoDate(q4.last)]).toEqual(["2011-10-01", "2011-12-31"]);
  const feb = periodDays(periodOfDay(daysFromCivil(2012, 2, 10), "month"), "month");
  expect([isoDate(feb.first), isoDate(feb.last)]).toEqual(["2012-02-01", "2012-02-29"]);
  const week = periodDays(periodOfDay(day, "week"), "week");
  expect([isoDate(week.first), isoDate(week.last)]).toEqual(["2011-12-05", "2011-12-11"]);
});

test("property: every day lies inside its own period", () => {
  fc.assert(
    fc.property(fc.integer({ min: -50000, max: 100000 }), fc.constantFrom("week" as const, "month" as const, "quarter" as const), (day, period) => {
      const { first, last } = periodDays(periodOfDay(day, period), period);
      return first <= day && day <= last;
    }),
  );
});
