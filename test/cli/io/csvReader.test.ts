import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import fc from "fast-check";
import { readCsv } from "../../../src/cli/io/csvReader";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "csv-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function records(text: string | Buffer, name = "data.csv", options: { chunkBytes?: number; delimiter?: string } = {}): Promise<string[][]> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, name.endsWith(".gz") ? zlib.gzipSync(text) : text);
  const out: string[][] = [];
  await readCsv(file, (fields) => out.push(fields), options);
  return out;
}

test("RFC 4180: quotes, embedded delimiters and line breaks, doubled quotes, CRLF, BOM", async () => {
  const text = '\ufeffcode,name,qty\r\n1,"WHITE, METAL",3\r\n2,"say ""hi""\nthere",\r\n3,,"x"';
  const expected = [["code", "name", "qty"], ["1", "WHITE, METAL", "3"], ["2", 'say "hi"\nthere', ""], ["3", "", "x"]];
  expect(await records(text)).toEqual(expected);
  expect(await records(text, "data.csv.gz")).toEqual(expected);
});

test("a record split across chunks at any byte reads the same (every chunk size from 1 to 40)", async () => {
  const text = 'a,b,c\r\n"x,""1""",2,3\n"multi\r\nline",,é€\r4,5,"6"\n';
  const expected = await records(text);
  expect(expected).toEqual([["a", "b", "c"], ['x,"1"', "2", "3"], ["multi\r\nline", "", "é€"], ["4", "5", "6"]]);
  for (let chunkBytes = 1; chunkBytes <= 40; chunkBytes++) {
    expect(await records(text, `chunks${chunkBytes}.csv`, { chunkBytes })).toEqual(expected);
  }
});

test("property: any table of fields written as CSV reads back as written, whatever the chunk size", async () => {
  const field = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r", " ", "é", "1") });
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 16 }), async (rows, chunkBytes) => {
      const text = rows.map((row) => row.map((f) => `"${f.replace(/"/g, '""')}"`).join(",")).join("\r\n") + "\r\n";
      const read = await records(text, "prop.csv", { chunkBytes });
      expect(read).toEqual(rows);
    }),
    { numRuns: 60 },
  );
});

test("semicolon or tab delimiters are recognised from a header without commas", async () => {
  expect(await records("a;b\n1,5;2\n")).toEqual([["a", "b"], ["1,5", "2"]]);
  expect(await records("a\tb\n1\t2\n")).toEqual([["a", "b"], ["1", "2"]]);
  expect(await records("a|b\n1|2\n", "pipe.csv", { delimiter: "|" })).toEqual([["a", "b"], ["1", "2"]]);
});

test("a broken quote is an error naming the record", async () => {
  await expect(records('a,b\n1,"open\n')).rejects.toThrow("record 2: a quoted field is never closed");
  await expect(records('a,b\n"1"x,2\n')).rejects.toThrow("record 2: text after the closing quote of field 1");
});
