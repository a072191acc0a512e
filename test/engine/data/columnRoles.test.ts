import { COLUMN_ROLES, guessColumnRoles, headerWords, roleInfo, scoreHeader, type ColumnRole } from "../../../src/engine/data/columnRoles";
import { readCsvHead, sharedDataFile } from "../../support/dataFiles";
import { expectSegmentError } from "../../support/segmentError";

/** The guessed header per role for a file of the shared data folder. */
function guessedHeaders(...segments: string[]): Partial<Record<ColumnRole, string>> {
  const { header } = readCsvHead(sharedDataFile(...segments), 1);
  const guess = guessColumnRoles(header);
  const named: Partial<Record<ColumnRole, string>> = {};
  for (const [role, column] of Object.entries(guess.columns)) named[role as ColumnRole] = header[column as number];
  return named;
}

describe("header words", () => {
  it("splits camelCase, snake_case and punctuation the way people write headers", () => {
    expect(headerWords("StockCode")).toBe("stock code");
    expect(headerWords("CustomerID")).toBe("customer id");
    expect(headerWords("tpt_day_cnt")).toBe("tpt day cnt");
    expect(headerWords("order date (DateOrders)")).toBe("order date date orders");
    expect(headerWords("Freight Cost (USD)")).toBe("freight cost usd");
    expect(headerWords("PO / SO #")).toBe("po / so #");
    expect(headerWords("  ")).toBe("");
  });
});

describe("guessing column roles from real headers (../shared/data)", () => {
  it("UCI Online Retail: every transaction column", () => {
    expect(guessedHeaders("online-retail", "online_retail.csv.gz")).toEqual({
      orderId: "InvoiceNo",
      itemId: "StockCode",
      description: "Description",
      quantity: "Quantity",
      date: "InvoiceDate",
      price: "UnitPrice",
      customerId: "CustomerID",
      location: "Country",
    });
  });

  it("Online Retail II, whose columns were renamed (Invoice, Price, Customer ID)", () => {
    expect(guessedHeaders("online-retail-ii-2009-2010", "online_retail_ii_2009_2010.csv.gz")).toEqual({
      orderId: "Invoice",
      itemId: "StockCode",
      description: "Description",
      quantity: "Quantity",
      date: "InvoiceDate",
      price: "Price",
      customerId: "Customer ID",
      location: "Country",
    });
  });

  it("car parts in long form: part, month, demand", () => {
    expect(guessedHeaders("carparts", "carparts_long.csv")).toEqual({ itemId: "part", date: "month", quantity: "demand" });
  });

  it("DataCo: picks the plain column among look-alikes (Customer Id, not Order Customer Id)", () => {
    const guess = guessedHeaders("dataco-supply-chain-sample", "DataCoSupplyChainDataset_sample6000.csv");
    expect(guess).toMatchObject({
      itemId: "Product Card Id",
      customerId: "Customer Id",
      orderId: "Order Id",
      date: "order date (DateOrders)",
      quantity: "Order Item Quantity",
      revenue: "Sales",
      price: "Product Price",
      leadTime: "Days for shipping (real)",
      category: "Category Name",
    });
  });

  it("SCMS shipments: line quantity and value, unit price, freight cost", () => {
    expect(guessedHeaders("scms-shipment-pricing", "SCMS_Delivery_History_Dataset.csv")).toMatchObject({
      quantity: "Line Item Quantity",
      revenue: "Line Item Value",
      price: "Unit Price",
      cost: "Freight Cost (USD)",
      description: "Item Description",
      category: "Product Group",
    });
    // "Delivered to Client Date" is a date, not a customer.
    expect(guessedHeaders("scms-shipment-pricing", "SCMS_Delivery_History_Dataset.csv").customerId).toBeUndefined();
  });

  it("Brunel order list: transit days (TPT) as lead time, plant as location", () => {
    expect(guessedHeaders("brunel-logistics", "OrderList.csv")).toEqual({
      orderId: "Order ID",
      date: "Order Date",
      itemId: "Product ID",
      location: "Plant Code",
      quantity: "Unit quantity",
      customerId: "Customer",
      leadTime: "TPT",
    });
    const freight = guessedHeaders("brunel-logistics", "FreightRates.csv");
    expect(freight.leadTime).toBe("tpt_day_cnt");
    expect(freight.cost).toBe("minimum cost");
    expect(freight.quantity).toBeUndefined(); // max_wgh_qty is a weight band, not a quantity
  });

  it("wide demand files: the item column only (the periods are not roles)", () => {
    expect(guessedHeaders("hospital-jewelry", "jewelry_wide.csv")).toEqual({ itemId: "item" });
    expect(guessedHeaders("carparts", "carparts_wide.csv")).toEqual({ itemId: "part" });
  });
});

describe("guessing with what the columns hold", () => {
  it("a text column loses a numeric role, an empty column takes none, a date format helps", () => {
    expect(guessColumnRoles([{ header: "Quantity", kind: "text" }]).columns.quantity).toBeUndefined();
    expect(guessColumnRoles([{ header: "Product Description", filled: 0 }, { header: "Product Name" }]).columns).toEqual({
      description: 1,
    });
    expect(scoreHeader("date", { header: "Period", isDate: true })).toBeGreaterThan(scoreHeader("date", { header: "Period" }));
  });

  it("gives every role at most one column and every column at most one role; ties go to the earlier column", () => {
    const guess = guessColumnRoles(["Qty", "Quantity", "SKU", "Item Code"]);
    expect(guess.columns).toEqual({ quantity: 0, itemId: 2 });
    const columns = Object.values(guess.columns);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it("finds the service columns the KPIs measure: promised and delivered dates, quantity shipped", () => {
    // SCMS delivery history (../shared/data/scms-shipment-pricing): the schedule and the delivery.
    const scms = guessColumnRoles([
      "ID", "PO / SO #", "Country", "PQ First Sent to Client Date", "Scheduled Delivery Date", "Delivered to Client Date",
      "Delivery Recorded Date", "Item Description", "Line Item Quantity", "Line Item Value", "Freight Cost (USD)",
    ]);
    expect(scms.columns.promisedDate).toBe(4);
    expect(scms.columns.deliveredDate).toBe(5);
    expect(scms.columns.quantity).toBe(8);
    const orders = guessColumnRoles(["Order Date", "Requested Ship Date", "Actual Delivery Date", "SKU", "Qty Ordered", "Qty Shipped"]);
    expect(orders.columns).toMatchObject({ date: 0, promisedDate: 1, deliveredDate: 2, itemId: 3, shipped: 5 });
    // Days, not dates; a delivery that is recorded is not the delivery.
    expect(scoreHeader("deliveredDate", { header: "Days for shipping (real)" })).toBe(0);
    expect(scoreHeader("deliveredDate", { header: "Delivery Recorded Date" })).toBe(0);
  });

  it("nothing convincing, nothing guessed", () => {
    expect(guessColumnRoles(["Milk", "Fresh", "", "x"]).columns).toEqual({});
  });

  it("describes every role; an unknown role is an input error", () => {
    for (const info of COLUMN_ROLES) expect(roleInfo(info.role)).toBe(info);
    expectSegmentError(() => roleInfo("colour" as ColumnRole), "invalid-input", 'unknown column role "colour"');
  });
});
