import {
  economicOrderQuantity,
  expectedFillRate,
  reorderPoint,
  safetyStock,
  ServiceType,
} from "../engine/policy";
import { CellProblem, ExcelArgument, isProblem, problem } from "./cells";
import { ArgumentSpec, broadcast, CellInputs } from "./broadcast";
import { ExcelError, guarded } from "./errors";

type NumberCell = number | ExcelError;

/** The arguments SAFETYSTOCK and REORDERPOINT share, in their public order. */
function replenishmentSpecs(
  serviceLevel: ExcelArgument,
  demandMean: ExcelArgument,
  demandStdDev: ExcelArgument,
  leadTime: ExcelArgument,
  leadTimeStdDev: ExcelArgument,
  reviewPeriod: ExcelArgument,
  serviceType: ExcelArgument,
  orderQuantity: ExcelArgument,
): ArgumentSpec[] {
  return [
    { name: "serviceLevel", argument: serviceLevel, kind: "number" },
    { name: "demandMean", argument: demandMean, kind: "number" },
    { name: "demandStdDev", argument: demandStdDev, kind: "number" },
    { name: "leadTime", argument: leadTime, kind: "number" },
    { name: "leadTimeStdDev", argument: leadTimeStdDev, kind: "number", fallback: 0 },
    { name: "reviewPeriod", argument: reviewPeriod, kind: "number", fallback: 0 },
    { name: "serviceType", argument: serviceType, kind: "text", fallback: "cycle" },
    // NaN marks "not given": only the fill-rate service type needs it.
    { name: "orderQuantity", argument: orderQuantity, kind: "number", fallback: NaN },
  ];
}

function readServiceType(text: string | null): ServiceType | CellProblem {
  const word = (text ?? "cycle").toLowerCase();
  if (word === "cycle" || word === "fill") return word;
  return problem("#VALUE!", `serviceType must be "cycle" (cycle service level) or "fill" (fill rate); got "${text}"`);
}

function replenishmentParams(inputs: CellInputs) {
  const numbers = inputs.numbers;
  const serviceLevel = numbers[0];
  const orderQuantity = numbers[7];
  const serviceType = readServiceType(inputs.texts[6]);
  if (typeof serviceType !== "string") return serviceType;
  if (serviceLevel > 1 && serviceLevel <= 100) {
    return problem(
      "#NUM!",
      `serviceLevel must be between 0 and 1; got ${serviceLevel} (for ${serviceLevel}% enter ${serviceLevel / 100} or ${serviceLevel}%)`,
    );
  }
  return {
    serviceLevel,
    serviceType,
    demandMean: numbers[1],
    demandStdDev: numbers[2],
    leadTime: numbers[3],
    leadTimeStdDev: numbers[4],
    reviewPeriod: numbers[5],
    orderQuantity: Number.isNaN(orderQuantity) ? undefined : orderQuantity,
  };
}

export function safetyStockCells(
  serviceLevel: ExcelArgument,
  demandMean: ExcelArgument,
  demandStdDev: ExcelArgument,
  leadTime: ExcelArgument,
  leadTimeStdDev: ExcelArgument,
  reviewPeriod: ExcelArgument,
  serviceType: ExcelArgument,
  orderQuantity: ExcelArgument,
): NumberCell[][] {
  return guarded<NumberCell>(() =>
    broadcast(
      replenishmentSpecs(serviceLevel, demandMean, demandStdDev, leadTime, leadTimeStdDev, reviewPeriod, serviceType, orderQuantity),
      (inputs) => {
        const params = replenishmentParams(inputs);
        return isProblem(params) ? params : safetyStock(params);
      },
    ),
  );
}

export function reorderPointCells(
  serviceLevel: ExcelArgument,
  demandMean: ExcelArgument,
  demandStdDev: ExcelArgument,
  leadTime: ExcelArgument,
  leadTimeStdDev: ExcelArgument,
  reviewPeriod: ExcelArgument,
  serviceType: ExcelArgument,
  orderQuantity: ExcelArgument,
): NumberCell[][] {
  return guarded<NumberCell>(() =>
    broadcast(
      replenishmentSpecs(serviceLevel, demandMean, demandStdDev, leadTime, leadTimeStdDev, reviewPeriod, serviceType, orderQuantity),
      (inputs) => {
        const params = replenishmentParams(inputs);
        return isProblem(params) ? params : reorderPoint(params);
      },
    ),
  );
}

export function fillRateCells(
  safetyStockArgument: ExcelArgument,
  demandMean: ExcelArgument,
  demandStdDev: ExcelArgument,
  leadTime: ExcelArgument,
  orderQuantity: ExcelArgument,
  leadTimeStdDev: ExcelArgument,
): NumberCell[][] {
  return guarded<NumberCell>(() =>
    broadcast(
      [
        { name: "safetyStock", argument: safetyStockArgument, kind: "number" },
        { name: "demandMean", argument: demandMean, kind: "number" },
        { name: "demandStdDev", argument: demandStdDev, kind: "number" },
        { name: "leadTime", argument: leadTime, kind: "number" },
        { name: "orderQuantity", argument: orderQuantity, kind: "number" },
        { name: "leadTimeStdDev", argument: leadTimeStdDev, kind: "number", fallback: 0 },
      ],
      ({ numbers }) =>
        expectedFillRate(
          numbers[0],
          { demandMean: numbers[1], demandStdDev: numbers[2], leadTime: numbers[3], leadTimeStdDev: numbers[5] },
          numbers[4],
        ),
    ),
  );
}

export function eoqCells(
  annualDemand: ExcelArgument,
  orderCost: ExcelArgument,
  annualHoldingCostPerUnit: ExcelArgument,
): NumberCell[][] {
  return guarded<NumberCell>(() =>
    broadcast(
      [
        { name: "annualDemand", argument: annualDemand, kind: "number" },
        { name: "orderCost", argument: orderCost, kind: "number" },
        { name: "annualHoldingCostPerUnit", argument: annualHoldingCostPerUnit, kind: "number" },
      ],
      ({ numbers }) => economicOrderQuantity(numbers[0], numbers[1], numbers[2]),
    ),
  );
}
