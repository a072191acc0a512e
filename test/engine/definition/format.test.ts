import fc from "fast-check";
import { formatCount, formatNumber, formatShare, listForMessage } from "../../../src/engine/definition/format";

test("numbers in reasons: grouping, decimals by size, trailing zeros dropped", () => {
  expect(formatNumber(12340)).toBe("12,340");
  expect(formatNumber(104518.8)).toBe("104,519");
  expect(formatNumber(1234567.891, 2)).toBe("1,234,567.89");
  expect(formatNumber(487.1)).toBe("487.1");
  expect(formatNumber(0.42)).toBe("0.42");
  expect(formatNumber(0.4867)).toBe("0.487");
  expect(formatNumber(2)).toBe("2");
  expect(formatNumber(-40)).toBe("−40");
  expect(formatNumber(-0.0001)).toBe("0");
  expect(formatNumber(NaN)).toBe("n/a");
  expect(formatNumber(2e21)).toBe("2e+21");
  expect(formatShare(0.8132)).toBe("81.3%");
  expect(formatShare(0.8, 3)).toBe("80%");
  expect(formatCount(4070)).toBe("4,070");
  expect(listForMessage(["a", "b", "c"], 2)).toBe('"a", "b" and 1 more');
});

test("property: grouping is Intl's en-US grouping for whole numbers", () => {
  const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => formatNumber(n, 0) === intl.format(n).replace("-", "−")));
});
