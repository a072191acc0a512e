import { describeLevel, levelOf, nameSegments } from "../../../src/engine/cluster/naming";

describe("segment names", () => {
  it("five levels by percentile", () => {
    expect([0, 0.099, 0.1, 0.33, 0.34, 0.5, 0.667, 0.9, 0.91, 1].map(levelOf)).toEqual([
      "very low", "very low", "low", "low", "mid", "mid", "high", "high", "very high", "very high",
    ]);
  });

  it("planner's words for recency, frequency, variability and lead time; 'high <name>' otherwise", () => {
    expect(describeLevel("Recency", "low")).toBe("recent");
    expect(describeLevel("days since last order", "very high")).toBe("long lapsed");
    expect(describeLevel("Frequency", "high")).toBe("frequent");
    expect(describeLevel("CV", "low")).toBe("stable");
    expect(describeLevel("demandCv", "high")).toBe("volatile");
    expect(describeLevel("demand variability", "very high")).toBe("very volatile");
    expect(describeLevel("Lead time", "high")).toBe("long lead time");
    expect(describeLevel("Revenue", "very high")).toBe("very high revenue");
    expect(describeLevel("ABC score", "low")).toBe("low ABC score");
    expect(describeLevel("Margin", "mid")).toBe("");
    // Field names as definitions write them read as words; acronyms are kept.
    expect(describeLevel("orderLines", "high")).toBe("high order lines");
    expect(describeLevel("unitPrice", "very low")).toBe("very low unit price");
    expect(describeLevel("OTIF", "low")).toBe("low OTIF");
  });

  it("names list what sets a segment apart, in dimension order", () => {
    const dimensions = ["Volume", "CV", "Margin"];
    expect(nameSegments(dimensions, [[0.8, 0.2, 0.2], [0.5, 0.5, 0.5], [0.95, 0.5, 0.05]])).toEqual([
      "High volume · stable · low margin",
      "Mid-range on every dimension",
      "Very high volume · very low margin",
    ]);
  });

  it("look-alike names are told apart by the dimension that separates them most", () => {
    expect(nameSegments(["Volume", "Margin"], [[0.8, 0.4], [0.8, 0.6], [0.1, 0.5]])).toEqual([
      "High volume · lower margin",
      "High volume · higher margin",
      "Low volume", // 0.1 is the first percentile of "low"
    ]);
    expect(nameSegments(["Volume"], [[0.5], [0.45], [0.55]])).toEqual([
      "Mid-range on every dimension (2)",
      "Mid-range on every dimension (1)",
      "Mid-range on every dimension (3)",
    ]);
  });

  it("dimensions weighted 0 stay out of names", () => {
    expect(nameSegments(["Volume", "Region"], [[0.9, 0.05]], [true, false])).toEqual(["High volume"]);
  });
});
