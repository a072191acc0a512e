/**
 * Excel for tests: `office-addin-mock` objects over an in-memory WorkbookModel, assigned to the global
 * Excel the way Microsoft's unit-testing guide does (`new OfficeMockObject(data)`), so that src/excel
 * runs unchanged and the tests assert on the mock and the model.
 *
 * What OfficeMockObject gives: Office.js's load/sync discipline — a property read before `load` and
 * `context.sync()` is an error string, not a value — and plain state for everything else.
 *
 * What it can't express, and is therefore added around it (each a reason for this wrapper):
 * - objects made on demand (`getRangeByIndexes(…)` returns a new range each call; OfficeMockObject only
 *   holds a fixed tree), so the data functions below build one OfficeMockObject per call from the model;
 * - collections loaded with `load("items/name")` (its loader only knows scalar and nested properties),
 *   so collections get a `load` of their own that fills `items` at the next sync;
 * - a request's size and Excel's 5 MB limit, assignments landing at the sync and method calls in order:
 *   see requestBatch.ts.
 * A range's values and formats are read from the model when `load` asks for them (not at the sync),
 * which matches how src/excel uses ranges: it loads a range right before the sync that reads it.
 */
import { OfficeMockObject } from "office-addin-mock";
import { MOCK_PAYLOAD_LIMIT_BYTES, officeError, RequestBatch, TOO_LARGE, type RequestRecord } from "./requestBatch";
import { blockAddress, MAX_COLUMNS, MAX_ROWS, parseAddress, type Block, type ModelName, type ModelSheet, type ModelTable, type WorkbookModel } from "./workbookModel";

export { MOCK_PAYLOAD_LIMIT_BYTES, type RequestRecord } from "./requestBatch";

/** Ranges larger than this are not read into a snapshot; loading their values is refused as too large. */
const SNAPSHOT_CELL_LIMIT = 2_000_000;
const NOT_READ = "(not read from the model yet)";

export interface ExcelMock {
  /** The mock assigned to the global Excel. */
  excel: OfficeMockObject;
  model: WorkbookModel;
  /** One record per context.sync(), in order. */
  log: RequestRecord[];
  /** Excel.run calls made. */
  runs: number;
  /** Sheets activated (worksheet.activate()), in order. */
  activated: string[];
  /** Selections made with worksheet.getRanges(address).select(), in order: "Sheet!A2:H2,A5:H7". */
  selections: string[];
}

export interface ExcelMockOptions {
  payloadLimitBytes?: number;
}

type Mock = OfficeMockObject;

/** Makes the mock Excel and installs it as the global Excel. */
export function installExcelMock(model: WorkbookModel, options: ExcelMockOptions = {}): ExcelMock {
  const mock: ExcelMock = { excel: undefined as unknown as Mock, model, log: [], runs: 0, activated: [], selections: [] };
  mock.excel = new OfficeMockObject({
    run: async (body: (context: Mock) => Promise<unknown>) => {
      mock.runs++;
      const batch = new RequestBatch(model, mock.log, options.payloadLimitBytes ?? MOCK_PAYLOAD_LIMIT_BYTES);
      const result = await body(createContext(model, batch, mock));
      await batch.finish();
      return result;
    },
  });
  (globalThis as unknown as { Excel: unknown }).Excel = mock.excel;
  return mock;
}

const EMPTY_RANGE = { address: "", rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 };

function createContext(model: WorkbookModel, batch: RequestBatch, record: Pick<ExcelMock, "activated" | "selections">): Mock {
  const blocks = new WeakMap<Mock, { sheet: ModelSheet; block: Block }>();
  const sheetMocks = new Map<ModelSheet, Mock>();

  /** An OfficeMockObject whose `load` also tells the batch that the next sync sends its properties back. */
  const make = (data: Record<string, unknown>, isNullObject = false, lazy: Record<string, () => unknown> = {}): Mock => {
    const result = new OfficeMockObject({
      ...data,
      ...Object.fromEntries(Object.keys(lazy).map((key) => [key, NOT_READ])),
      load(this: Mock, properties?: string | string[]) {
        batch.loaded.add(this);
        // A lazy property (a range's values) is read from the model when loaded, not when the range is made:
        // most ranges are made to be written to, and reading a 10,000-row block for nothing is slow.
        const wanted = properties === undefined ? Object.keys(lazy) : String(properties).split(",").map((p) => p.trim());
        for (const key of wanted) {
          if (!(key in lazy) || data[key] !== undefined) continue;
          data[key] = lazy[key]();
          // setValue is OfficeMockObject's own way to give a property its value (private in its typings).
          (this as unknown as { setValue(name: string, value: unknown): void }).setValue(key, data[key]);
        }
        return OfficeMockObject.prototype.load.call(this, properties as string);
      },
    });
    result.isNullObject = isNullObject;
    batch.sources.set(result, data);
    return result;
  };
  const nullObject = (properties: Record<string, unknown>): Mock => make(properties, true);

  const collection = (items: () => Mock[], methods: Record<string, unknown>): Mock => {
    const result = new OfficeMockObject(methods);
    result.load = function (this: Mock) {
      batch.collections.push({ mock: this, items });
      return this;
    };
    return result;
  };

  const rangeMock = (sheet: ModelSheet, block: Block): Mock => {
    const cells = block.rows * block.columns;
    const range = make(
      {
        address: model.address(sheet, block),
        rowIndex: block.top,
        columnIndex: block.left,
        rowCount: block.rows,
        columnCount: block.columns,
        getUsedRangeOrNullObject: () => {
          batch.applyPending();
          const used = sheet.usedBlock(block);
          return used ? rangeMock(sheet, used) : nullObject(EMPTY_RANGE);
        },
        clear: (applyTo?: "All" | "Contents" | "Formats") => batch.method(80, () => sheet.clear(block, applyTo ?? "All")),
      },
      false,
      {
        values: () => (cells <= SNAPSHOT_CELL_LIMIT ? sheet.read(block) : TOO_LARGE),
        numberFormat: () => (cells <= SNAPSHOT_CELL_LIMIT ? sheet.readFormats(block) : TOO_LARGE),
      },
    );
    range.worksheet = sheetMock(sheet);
    blocks.set(range, { sheet, block });
    batch.track({ kind: "range", mock: range, sheet, block, seenValues: range.values, seenFormats: range.numberFormat });
    return range;
  };

  const resolveRange = (reference: unknown, sheet: ModelSheet | null): { sheet: ModelSheet; block: Block } => {
    if (typeof reference === "string") {
      const [sheetPart, addressPart] = reference.includes("!") ? reference.replace(/^=/, "").split("!") : [null, reference];
      const target = sheetPart ? model.sheet(sheetPart.replace(/^'|'$/g, "")) : sheet;
      if (!target) throw officeError("InvalidReference", `no sheet for ${reference}`);
      return { sheet: target, block: parseAddress(addressPart) };
    }
    const found = blocks.get(reference as Mock);
    if (!found) throw new Error("excelMock: a reference must be an address or a range from this context");
    return found;
  };

  function sheetMock(sheet: ModelSheet): Mock {
    const cached = sheetMocks.get(sheet);
    if (cached) return cached;
    const result = make({
      name: sheet.name,
      visibility: sheet.visibility,
      getRange: (address?: string) => rangeMock(sheet, address ? parseAddress(address) : { top: 0, left: 0, rows: MAX_ROWS, columns: MAX_COLUMNS }),
      getRangeByIndexes: (top: number, left: number, rows: number, columns: number) => {
        if (top < 0 || left < 0 || rows < 1 || columns < 1 || top + rows > MAX_ROWS || left + columns > MAX_COLUMNS) {
          batch.fail("InvalidArgument", `getRangeByIndexes(${top}, ${left}, ${rows}, ${columns}) is off the sheet`);
          return rangeMock(sheet, { top: 0, left: 0, rows: 1, columns: 1 });
        }
        return rangeMock(sheet, { top, left, rows, columns });
      },
      getUsedRangeOrNullObject: () => {
        batch.applyPending();
        const used = sheet.usedBlock();
        return used ? rangeMock(sheet, used) : nullObject(EMPTY_RANGE);
      },
      freezePanes: { freezeRows: (rows: number) => batch.method(40, () => (sheet.frozenRows = rows)) },
      activate: () => batch.method(40, () => void record.activated.push(sheet.name)),
      // A RangeAreas (ExcelApi 1.9): several blocks, "A2:H2,A5:H7". Selecting one block makes it the
      // selection getSelectedRange reads; several make none (Excel's getSelectedRange fails on them).
      getRanges: (address: string) => {
        const areas = address.split(",").map((part) => parseAddress(part.trim()));
        return make({
          address: areas.map((area) => model.address(sheet, area)).join(","),
          areaCount: areas.length,
          select: () =>
            batch.method(address.length + 40, () => {
              record.selections.push(`${sheet.name}!${address}`);
              model.selection = areas.length === 1 ? { sheet, block: areas[0] } : null;
            }),
        });
      },
    });
    result.tables = collection(() => model.tables.filter((table) => table.sheet === sheet).map(tableMock), {
      getItemOrNullObject: (name: string) => {
        const table = model.table(name);
        return table && table.sheet === sheet ? tableMock(table) : nullObject({ name, showHeaders: true });
      },
      add: (reference: unknown, hasHeaders: boolean) => {
        let created: ModelTable | null = null;
        batch.method(120, () => {
          if (!hasHeaders) throw officeError("InvalidArgument", "excelMock: tables without headers are not modelled");
          const { sheet: target, block } = resolveRange(reference, sheet);
          created = model.addTable(target, block);
        });
        return created ? tableMock(created) : nullObject({ name: "" });
      },
    });
    result.customProperties = new OfficeMockObject({
      add: (key: string, value: string) =>
        batch.method(key.length + value.length + 40, () => sheet.customProperties.set(key.toLowerCase(), { key, value })),
      getItemOrNullObject: (key: string) => {
        const entry = sheet.customProperties.get(key.toLowerCase());
        return entry ? make({ key: entry.key, value: entry.value }) : nullObject({ key, value: "" });
      },
    });
    sheetMocks.set(sheet, result);
    batch.track({ kind: "sheet", mock: result, sheet, seenName: result.name, seenVisibility: result.visibility });
    return result;
  }

  function tableMock(table: ModelTable): Mock {
    const body = (): Block => ({ ...table.block, top: table.block.top + 1, rows: Math.max(1, table.block.rows - 1) });
    const result = make({
      name: table.name,
      showHeaders: true,
      getRange: () => rangeMock(table.sheet, table.block),
      getDataBodyRange: () => rangeMock(table.sheet, body()),
      getHeaderRowRange: () => rangeMock(table.sheet, { ...table.block, rows: 1 }),
      resize: (reference: unknown) =>
        batch.method(80, () => {
          const { sheet, block } = resolveRange(reference, table.sheet);
          if (sheet !== table.sheet || block.top !== table.block.top) {
            throw officeError("InvalidArgument", "The header row must stay in place when a table is resized");
          }
          table.block = { ...block };
        }),
      delete: () =>
        batch.method(40, () => {
          table.sheet.clear(table.block, "All");
          model.removeTable(table);
        }),
    });
    result.worksheet = sheetMock(table.sheet);
    result.columns = collection(() => table.sheet.read({ ...table.block, rows: 1 })[0].map((header) => make({ name: String(header) })), {});
    batch.track({ kind: "table", mock: result, table, seenName: result.name });
    return result;
  }

  function namedItemMock(item: ModelName): Mock {
    const address = model.address(item.sheet, item.block);
    return make({
      name: item.name,
      type: "Range",
      visible: item.visible,
      comment: item.comment,
      value: address,
      formula: `=${address.replace(/!(.*)$/, (_match, cells: string) => `!${blockAddress(parseAddress(cells), true)}`)}`,
      getRange: () => rangeMock(item.sheet, item.block),
      getRangeOrNullObject: () => rangeMock(item.sheet, item.block),
      delete: () => batch.method(40, () => model.removeName(item)),
    });
  }

  const context = new OfficeMockObject({
    sync: () => batch.sync(),
    application: { suspendApiCalculationUntilNextSync: () => batch.suspendCalculation() },
    workbook: {
      getSelectedRange: () => {
        if (!model.selection) {
          batch.fail("InvalidSelection", "The current selection is invalid for this operation.");
          return rangeMock(model.sheets[0], { top: 0, left: 0, rows: 1, columns: 1 });
        }
        return rangeMock(model.selection.sheet, model.selection.block);
      },
    },
  });

  const workbook = context.workbook as Mock;
  const notFound = (what: string) => batch.fail("ItemNotFound", `The requested resource doesn't exist (${what}).`);
  workbook.worksheets = collection(() => model.sheets.map(sheetMock), {
    getItem: (name: string) => {
      const sheet = model.sheet(name);
      if (sheet) return sheetMock(sheet);
      notFound(`sheet ${name}`);
      return nullObject({ name });
    },
    getItemOrNullObject: (name: string) => {
      const sheet = model.sheet(name);
      return sheet ? sheetMock(sheet) : nullObject({ name, visibility: "Visible" });
    },
    add: (name: string) => {
      let sheet: ModelSheet | null = null;
      batch.method(name.length + 40, () => (sheet = model.addSheet(name)));
      return sheet ? sheetMock(sheet) : nullObject({ name });
    },
  });
  workbook.tables = collection(() => model.tables.map(tableMock), {
    getItem: (name: string) => {
      const table = model.table(name);
      if (table) return tableMock(table);
      notFound(`table ${name}`);
      return nullObject({ name });
    },
    getItemOrNullObject: (name: string) => {
      const table = model.table(name);
      return table ? tableMock(table) : nullObject({ name, showHeaders: true });
    },
  });
  workbook.names = collection(() => model.names.map(namedItemMock), {
    getItemOrNullObject: (name: string) => {
      const item = model.name(name);
      return item ? namedItemMock(item) : nullObject({ name, type: "Range", visible: true });
    },
    add: (name: string, reference: unknown, comment?: string) => {
      let created: ModelName | null = null;
      batch.method(name.length + 80, () => {
        const { sheet, block } = resolveRange(reference, null);
        created = model.addName(name, sheet, block, comment ?? "");
      });
      return created ? namedItemMock(created) : nullObject({ name });
    },
  });
  return context;
}
