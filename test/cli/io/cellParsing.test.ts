import { parseCode, parseDay, parseNumber } from "../../../src/cli/io/cellParsing";
import { daysFromCivil } from "../../../src/engine/policy/periods";

const day = (y: number, m: number, d: number) => ({ ok: true, value: daysFromCivil(y, m, d) });

test("dates: ISO with or without time, named months, Excel dates and serials", () => {
  expect(parseDay("2011-12-09 12:50:00", "auto")).toEqual(day(2011, 12, 9));
  expect(parseDay("2011-12-09T23:59:59Z", "auto")).toEqual(day(2011, 12, 9));
  expect(parseDay("2011-2-3", "auto")).toEqual(day(2011, 2, 3));
  expect(parseDay("2-Jun-06", "auto")).toEqual(day(2006, 6, 2));
  expect(parseDay("09-December-2011", "auto")).toEqual(day(2011, 12, 9));
  expect(parseDay(new Date(Date.UTC(2011, 11, 9, 12)), "auto")).toEqual(day(2011, 12, 9));
  expect(parseDay(40886, "auto")).toEqual(day(2011, 12, 9)); // Excel serial of 2011-12-09
});

test("slashed dates need a stated order; impossible dates are refused", () => {
  expect(parseDay("12/1/2010 8:26", "auto")).toEqual({ ok: false, reason: '"12/1/2010 8:26" is ambiguous (day/month or month/day?): pass --date-format dmy or mdy' });
  expect(parseDay("12/1/2010 8:26", "mdy")).toEqual(day(2010, 12, 1));
  expect(parseDay("12/1/2010", "dmy")).toEqual(day(2010, 1, 12));
  expect(parseDay("1/31/18 11:44", "mdy")).toEqual(day(2018, 1, 31));
  expect(parseDay("2011-02-30", "auto")).toEqual({ ok: false, reason: '"2011-02-30" is not a real date' });
  expect(parseDay("Date Not Captured", "auto")).toEqual({ ok: false, reason: '"Date Not Captured" is not a date (expected YYYY-MM-DD)' });
  expect(parseDay("", "auto")).toEqual({ ok: false, reason: "blank" });
});

test("numbers: plain decimals only; separators and text are refused with the reason", () => {
  expect(parseNumber(" -3.5 ")).toEqual({ ok: true, value: -3.5 });
  expect(parseNumber("1e3")).toEqual({ ok: true, value: 1000 });
  expect(parseNumber(7)).toEqual({ ok: true, value: 7 });
  expect(parseNumber("1,234")).toEqual({ ok: false, reason: '"1,234" has a thousands separator or decimal comma; write plain numbers such as 1234.5' });
  expect(parseNumber("Freight Included in Commodity Cost")).toEqual({ ok: false, reason: '"Freight Included in Commodi..." is not a number' });
  expect(parseNumber(null)).toEqual({ ok: false, reason: "blank" });
});

test("codes are trimmed text; numbers become their text", () => {
  expect(parseCode(" 85123A ")).toEqual({ ok: true, value: "85123A" });
  expect(parseCode(22423)).toEqual({ ok: true, value: "22423" });
  expect(parseCode("  ")).toEqual({ ok: false, reason: "blank" });
});
