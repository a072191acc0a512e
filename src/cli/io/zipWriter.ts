/**
 * A streaming ZIP writer (PKWARE APPNOTE 6.3.x: local headers, deflate, data descriptors, central
 * directory): each entry is compressed as it is produced and written straight to the file, so a
 * million-row worksheet never sits in memory. Only what .xlsx needs: deflate, UTF-8 names, no
 * ZIP64 (an entry or archive over 4 GB is refused with a message).
 */
import * as fs from "node:fs";
import * as zlib from "node:zlib";

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const DEFLATE = 8;
const LIMIT = 0xffffffff;
/** Text is encoded into buffers of this many bytes before compression. */
const CHUNK_BYTES = 1 << 20;

let crcTable: Int32Array | null = null;

/** CRC-32 (IEEE 802.3), zlib's when Node has it (20.15+), else a table-driven one. */
function crc32(data: Buffer, previous: number): number {
  const native = (zlib as unknown as { crc32?: (data: Buffer, value?: number) => number }).crc32;
  if (native) return native(data, previous);
  if (crcTable === null) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = ~previous;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

interface EntryRecord {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * Writes text into one compressed entry. `put` encodes straight into a byte buffer (no string is
 * ever concatenated, which matters at a million rows) and says when full buffers are waiting;
 * `drain` hands them to the compressor. `write` is both.
 */
export interface EntryWriter {
  put(text: string): boolean;
  drain(): Promise<void>;
  write(text: string): Promise<void>;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: EntryRecord[] = [];
  private readonly dosTime: number;
  private readonly dosDate: number;

  private constructor(private readonly fd: number, private readonly level: number) {
    const now = new Date();
    this.dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
    this.dosDate = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  static open(path: string, level = 6): ZipWriter {
    return new ZipWriter(fs.openSync(path, "w"), level);
  }

  private writeBytes(bytes: Buffer): void {
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(this.fd, bytes, written, bytes.length - written);
    this.offset += bytes.length;
  }

  /** Adds an entry whose content `produce` writes in pieces. */
  async addEntry(name: string, produce: (entry: EntryWriter) => Promise<void> | void): Promise<void> {
    const nameBytes = Buffer.from(name, "utf8");
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.dosTime, 10);
    header.writeUInt16LE(this.dosDate, 12);
    header.writeUInt16LE(nameBytes.length, 26);
    this.writeBytes(header);
    this.writeBytes(nameBytes);

    const deflate = zlib.createDeflateRaw({ level: this.level });
    let compressedSize = 0;
    let size = 0;
    let crc = 0;
    deflate.on("data", (chunk: Buffer) => {
      compressedSize += chunk.length;
      this.writeBytes(chunk);
    });
    const finished = new Promise<void>((resolve, reject) => {
      deflate.on("end", resolve);
      deflate.on("error", reject);
    });
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let used = 0;
    const full: Buffer[] = [];
    const put = (text: string): boolean => {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (used + text.length * 3 > buffer.length) {
        if (used > 0) full.push(buffer.subarray(0, used));
        buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, text.length * 3));
        used = 0;
      }
      used += buffer.write(text, used, "utf8");
      return full.length > 0;
    };
    const drain = async (): Promise<void> => {
      while (full.length > 0) {
        const bytes = full.shift()!;
        size += bytes.length;
        crc = crc32(bytes, crc);
        if (!deflate.write(bytes)) await new Promise<void>((resolve) => deflate.once("drain", resolve));
      }
    };
    await produce({
      put,
      drain,
      write: async (text) => {
        if (put(text)) await drain();
      },
    });
    if (used > 0) full.push(buffer.subarray(0, used));
    await drain();
    deflate.end();
    await finished;
    if (size > LIMIT || compressedSize > LIMIT || this.offset > LIMIT) {
      throw new Error(`${name} is larger than 4 GB, which this writer does not support (no ZIP64); write fewer rows per sheet`);
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressedSize, 8);
    descriptor.writeUInt32LE(size, 12);
    this.writeBytes(descriptor);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressedSize, size, offset });
  }

  addText(name: string, text: string): Promise<void> {
    return this.addEntry(name, (entry) => entry.write(text));
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    const start = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(this.dosTime, 12);
      header.writeUInt16LE(this.dosDate, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressedSize, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(entry.offset, 42);
      this.writeBytes(header);
      this.writeBytes(entry.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.writeBytes(end);
    fs.closeSync(this.fd);
  }

  /** Closes the file without finishing it (after a failure; the caller removes it). */
  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
