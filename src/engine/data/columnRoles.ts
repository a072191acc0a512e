/**
 * Column roles: what a column of the planner's data means to segmentation (the item's id, the order
 * date, the quantity, ...), and a first guess of each role from the header text, so that the task
 * pane can pre-fill the mapping and the planner only corrects it.
 *
 * The guess reads headers the way people write them in ERP exports and public data sets:
 * "StockCode", "CustomerID", "Order Item Quantity", "tpt_day_cnt", "Freight Cost (USD)". Each role
 * has a few patterns with a weight; a header scores the best weight of its matching patterns, scaled
 * by how much of the header the match covers ("Customer Id" beats "Order Customer Id"). A column that
 * holds text where a number is needed loses most of its score. Roles are then given out greedily, best
 * score first, so no column takes two roles.
 */
import { invalidInput } from "../errors";

export type ColumnRole =
  | "itemId"
  | "description"
  | "customerId"
  | "orderId"
  | "date"
  | "quantity"
  | "revenue"
  | "price"
  | "cost"
  | "leadTime"
  | "location"
  | "category"
  | "shipped"
  | "promisedDate"
  | "deliveredDate";

/** What a role's cells should hold: "id" and "text" accept anything, "number" needs numbers, "date" dates. */
export type RoleExpectation = "id" | "text" | "number" | "date";

export interface RoleInfo {
  role: ColumnRole;
  /** The planner's name for the role, as the task pane labels it. */
  label: string;
  /** One line on what the role is used for. */
  description: string;
  expects: RoleExpectation;
}

export const COLUMN_ROLES: readonly RoleInfo[] = [
  { role: "itemId", label: "Item ID", description: "The thing segmented: SKU, part or product code.", expects: "id" },
  { role: "description", label: "Item description", description: "A readable name for the item.", expects: "text" },
  { role: "customerId", label: "Customer ID", description: "Who ordered: for customer segments and cost-to-serve.", expects: "id" },
  { role: "orderId", label: "Order ID", description: "Order or invoice number: counts order lines.", expects: "id" },
  { role: "date", label: "Date", description: "Order or period date: builds the demand history.", expects: "date" },
  { role: "quantity", label: "Quantity", description: "Units per line or period: demand volume and variability.", expects: "number" },
  { role: "revenue", label: "Revenue", description: "Sales value per line: ABC by value.", expects: "number" },
  { role: "price", label: "Unit price", description: "Price per unit: revenue when there is no revenue column.", expects: "number" },
  { role: "cost", label: "Cost", description: "Unit, freight or line cost: margin and cost-to-serve.", expects: "number" },
  { role: "leadTime", label: "Lead time", description: "Days from order to receipt or transit days: safety stock.", expects: "number" },
  { role: "location", label: "Location", description: "Plant, warehouse, store, port or country.", expects: "text" },
  { role: "category", label: "Category", description: "Product group, family or channel.", expects: "text" },
  { role: "shipped", label: "Quantity shipped", description: "Units actually shipped per line: measured fill rate.", expects: "number" },
  { role: "promisedDate", label: "Promised date", description: "Date promised or scheduled to the customer: on-time delivery.", expects: "date" },
  { role: "deliveredDate", label: "Delivered date", description: "Date the line reached the customer: on-time delivery.", expects: "date" },
];

/** What is known of a column when guessing: its header and, when it has been read, what it holds. */
export interface ColumnProfile {
  header: string;
  /** Whether most filled cells are numbers or text; unknown before the data is read. */
  kind?: "number" | "text";
  /** The column's number format is a date format. */
  isDate?: boolean;
  /** Share of rows with a value, in [0, 1]; an empty column takes no role. */
  filled?: number;
}

export interface RoleGuess {
  /** Column index per role; a role with no convincing column is absent. */
  columns: Partial<Record<ColumnRole, number>>;
  /** The score behind each guess, in (0, 1]: above 0.8 is a near-certain header such as "Quantity". */
  scores: Partial<Record<ColumnRole, number>>;
}

interface Pattern {
  pattern: RegExp;
  weight: number;
}

/** Headers containing any of these words never take the role (e.g. "Customer City" is no customer id). */
const EXCLUDED: Partial<Record<ColumnRole, RegExp>> = {
  itemId: /\b(description|name|category|group|price|quantity|qty|customer|cust|client|invoice|date|class|image|status|order item id|line)\b/,
  description: /\b(customer|client|cust|vendor|supplier|carrier|category|department|file|image|city|country|f ?name|l ?name|first|last)\b/,
  customerId: /\b(city|country|state|street|zip ?code|email|f ?name|l ?name|password|segment|name|region|type|sales|order|date)\b/,
  orderId: /\b(date|status|region|country|city|state|zip ?code|profit|discount|quantity|qty|price|total|item)\b/,
  date: /\b(days?|count|cnt|late|ahead|risk)\b/,
  quantity: /\b(price|cost|value|amount|revenue|weight|wgh|discount|insurance|rate)\b/,
  revenue: /\b(price|cost|discount|rate|insurance|per customer|freight)\b/,
  price: /\b(discount|rate|ratio|weight|freight)\b|\bid\b/,
  cost: /\b(insurance|per unit weight)\b/,
  leadTime: /\b(late|ahead|risk|status|date|capacity)\b/,
  location: /\b(id|code of|zip ?code|street|lat|latitude|longitude|email)\b|\bcustomer (city|country|state)\b/,
  category: /\b(id|type of|delivery|shipping|status)\b/,
  shipped: /\b(price|cost|value|amount|date|weight|insurance)\b/,
  promisedDate: /\b(days?|count|late|ahead|risk|recorded)\b/,
  deliveredDate: /\b(days?|count|late|ahead|risk|recorded|scheduled|promised|planned|requested|due)\b/,
};

const PATTERNS: Record<ColumnRole, readonly Pattern[]> = {
  itemId: [
    { pattern: /\b(sku|stock ?code|item ?(id|code|no|number|#)|product ?(card )?(id|code|no|number|#)|part ?(id|no|number|code|#)|material ?(id|no|number|code))\b/, weight: 1 },
    { pattern: /\b(part|sku|article|material)\b/, weight: 0.85 },
    { pattern: /\b(item|product)\b/, weight: 0.7 },
    { pattern: /\bcardprod id\b/, weight: 0.6 },
    { pattern: /\bseries\b/, weight: 0.5 },
  ],
  description: [
    { pattern: /\b((item|product|part|article) ?(description|name|desc)|description)\b/, weight: 1 },
    { pattern: /\b(desc|title|name)\b/, weight: 0.6 },
  ],
  customerId: [
    { pattern: /\b(customer|client|cust|account|buyer|ship ?to|sold ?to) ?(id|no|number|code|key|#)\b/, weight: 1 },
    { pattern: /^(customer|client|customers|clients|buyer)$/, weight: 0.9 },
    { pattern: /\b(customer|client)\b/, weight: 0.55 },
  ],
  orderId: [
    { pattern: /\b(invoice ?(no|number|id|#)?|order ?(id|no|number|#)|sales ?order|po ?\/? ?so|po ?(no|number|#)?|transaction ?id)\b/, weight: 1 },
    { pattern: /\b(order|document|receipt)\b/, weight: 0.5 },
  ],
  date: [
    { pattern: /\b(invoice|order|sales|transaction|posting|document) ?date\b/, weight: 1 },
    { pattern: /\b(ship|shipping|shipment|delivery|delivered|receipt) ?date\b/, weight: 0.85 },
    { pattern: /\b(date|timestamp|datetime)\b/, weight: 0.9 },
    { pattern: /\b(month|week|period|year|day)\b/, weight: 0.75 },
    { pattern: /\btime\b/, weight: 0.5 },
  ],
  quantity: [
    { pattern: /\b(quantity|qty|units|unit quantity|demand|volume|pieces|pcs)\b/, weight: 1 },
    { pattern: /\b(sales units|units sold|sold)\b/, weight: 0.9 },
  ],
  revenue: [
    { pattern: /\b(revenue|turnover|sales|net sales|sales amount|sales value|line (item )?value|line total)\b/, weight: 1 },
    { pattern: /\b(amount|value|total)\b/, weight: 0.6 },
  ],
  price: [
    { pattern: /\b(unit ?price|price|selling price|list price)\b/, weight: 1 },
  ],
  cost: [
    { pattern: /\b(unit ?cost|cost|costs|cogs|cost ?\/ ?unit)\b/, weight: 1 },
    { pattern: /\b(freight|expense|expenses)\b/, weight: 0.7 },
  ],
  leadTime: [
    { pattern: /\b(lead ?time|leadtime|lt days|transit (time|days)|days for (shipping|delivery|shipment)|shipping days|delivery days)\b/, weight: 1 },
    { pattern: /\b(tpt|tpt day cnt|transit)\b/, weight: 0.85 },
    { pattern: /\bdays\b/, weight: 0.5 },
  ],
  location: [
    { pattern: /\b(plant|warehouse|site|location|store|dc|depot|branch|facility)( ?(code|id|name))?\b/, weight: 1 },
    { pattern: /\b(wh|country|region|market|port)\b/, weight: 0.7 },
  ],
  category: [
    { pattern: /\b(category|product group|product family|family|subcategory|sub classification)( ?name)?\b/, weight: 1 },
    { pattern: /\b(group|class|segment|department|channel|line)\b/, weight: 0.6 },
    { pattern: /\btype\b/, weight: 0.4 },
  ],
  shipped: [
    { pattern: /\b((shipped|delivered|fulfilled|filled) ?(quantity|qty|units)|(quantity|qty|units) ?(shipped|delivered|fulfilled|filled))\b/, weight: 1 },
    { pattern: /\b(shipped|fulfilled)\b/, weight: 0.6 },
  ],
  promisedDate: [
    { pattern: /\b(promised|scheduled|committed|requested|planned|due|target) ?(delivery |ship |shipping |arrival )?date\b/, weight: 1 },
    { pattern: /\b(due|promise|promised)\b/, weight: 0.6 },
  ],
  deliveredDate: [
    { pattern: /\b((actual )?(delivered|delivery|arrival|receipt|received)( to [a-z]+)? ?date|date (delivered|received))\b/, weight: 1 },
  ],
};

const DATE_ROLES: ReadonlySet<ColumnRole> = new Set(["date", "promisedDate", "deliveredDate"]);

/** Guesses below this score are left for the planner to choose. */
const MINIMUM_SCORE = 0.45;
const NUMERIC_ROLES: ReadonlySet<ColumnRole> = new Set(["quantity", "revenue", "price", "cost", "leadTime", "shipped"]);

/**
 * A header as words: camelCase and snake_case split, punctuation to spaces, lower case.
 * "StockCode" → "stock code", "CustomerID" → "customer id", "tpt_day_cnt" → "tpt day cnt",
 * "order date (DateOrders)" → "order date date orders".
 */
export function headerWords(header: string): string {
  return header
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9#/]+/g, " ")
    .replace(/\s*\/\s*/g, " / ")
    .replace(/\s+/g, " ")
    .trim();
}

/** How well one header fits one role, in [0, 1]; 0 when it doesn't. */
export function scoreHeader(role: ColumnRole, profile: ColumnProfile): number {
  const words = headerWords(profile.header);
  if (words === "" || profile.filled === 0) return 0;
  const excluded = EXCLUDED[role];
  if (excluded?.test(words)) return 0;
  let best = 0;
  for (const { pattern, weight } of PATTERNS[role]) {
    const match = pattern.exec(words);
    if (!match) continue;
    const coverage = match[0].replace(/\s/g, "").length / words.replace(/\s/g, "").length;
    best = Math.max(best, weight * (0.75 + 0.25 * Math.min(1, coverage)));
  }
  if (best === 0) return 0;
  if (NUMERIC_ROLES.has(role) && profile.kind === "text") best *= 0.3;
  if (DATE_ROLES.has(role) && profile.isDate) best = Math.min(1, best + 0.1);
  if (role !== "date" && DATE_ROLES.has(role) && profile.kind === "number" && profile.isDate === false) best *= 0.5;
  if (role === "date" && profile.kind === "text" && !/\b(date|month|week|period)\b/.test(words)) best *= 0.5;
  return best;
}

/**
 * The most likely role of each column: every role gets at most one column and every column at most
 * one role. Ties go to the earlier column, so the guess does not depend on anything but the headers
 * (and the profiles when given).
 */
export function guessColumnRoles(columns: readonly (string | ColumnProfile)[]): RoleGuess {
  const profiles = columns.map((column) => (typeof column === "string" ? { header: column } : column));
  const candidates: { role: ColumnRole; column: number; score: number; roleOrder: number }[] = [];
  COLUMN_ROLES.forEach(({ role }, roleOrder) => {
    profiles.forEach((profile, column) => {
      const score = scoreHeader(role, profile);
      if (score >= MINIMUM_SCORE) candidates.push({ role, column, score, roleOrder });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || a.roleOrder - b.roleOrder);

  const guess: RoleGuess = { columns: {}, scores: {} };
  const takenColumns = new Set<number>();
  for (const candidate of candidates) {
    if (guess.columns[candidate.role] !== undefined || takenColumns.has(candidate.column)) continue;
    guess.columns[candidate.role] = candidate.column;
    guess.scores[candidate.role] = Math.round(candidate.score * 1000) / 1000;
    takenColumns.add(candidate.column);
  }
  return guess;
}

export function roleInfo(role: ColumnRole): RoleInfo {
  const info = COLUMN_ROLES.find((entry) => entry.role === role);
  if (!info) throw invalidInput(`unknown column role "${role}"; the roles are ${COLUMN_ROLES.map((entry) => entry.role).join(", ")}`);
  return info;
}
