import { protocol, types, type PGlite } from '@electric-sql/pglite';

const { serialize } = protocol;

interface Field {
  name: string;
  dataTypeID: number;
}

interface Statement {
  name: string;
  paramTypes: number[];
  /** The columns of its rows, from the statement's own description (PostgreSQL refuses to change them: see `query`). */
  fields: Field[];
}

const concat = (parts: Uint8Array[]) => {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
};

/** Execute (all rows) and Sync, the same bytes after every Bind. */
const executeAndSync = Buffer.from(concat([serialize.execute({}), serialize.sync()]));

/**
 * Bind (unnamed portal, text parameters, text results) of `statement` to `values`, followed by
 * Execute and Sync: one buffer, written in place (PGlite's serializer builds and copies each message).
 */
function bindExecuteSync(statement: string, values: (string | null)[]): Buffer {
  const name = Buffer.byteLength(statement);
  let length = 4 + 1 + name + 1 + 2 + 2 + 2;
  for (const value of values) length += 4 + (value === null ? 0 : Buffer.byteLength(value));
  const out = Buffer.allocUnsafe(1 + length + executeAndSync.length);
  out[0] = 0x42; // B
  out.writeInt32BE(length, 1);
  out[5] = 0; // unnamed portal
  let at = 6 + out.write(statement, 6);
  out[at] = 0;
  out.writeInt16BE(0, at + 1); // no parameter format codes: all text
  out.writeInt16BE(values.length, at + 3);
  at += 5;
  for (const value of values) {
    if (value === null) {
      at = out.writeInt32BE(-1, at);
    } else {
      const bytes = out.write(value, at + 4);
      out.writeInt32BE(bytes, at);
      at += 4 + bytes;
    }
  }
  at = out.writeInt16BE(0, at); // no result format codes: all text
  executeAndSync.copy(out, at);
  return out;
}

/**
 * `query` on PGlite in one call into WASM, with PGlite's own result handling left out: each
 * distinct SQL text is parsed once as a named prepared statement (its parameter types and row
 * columns remembered from Describe), and every later call sends Bind, Execute and Sync as one
 * buffer. The answer is read straight from the bytes PGlite hands over (`execProtocolRawStream`):
 * DataRow messages become rows, parsed with the instance's own parsers as `PGlite.query` does; an
 * ErrorResponse is decoded by PGlite's protocol parser and thrown as its `DatabaseError`. No
 * `syncToFs` after a statement: the sandbox's PGlite keeps its files on the node file system,
 * whose `syncToFs` does nothing. The caller serialises calls (one connection; `PgliteDb`'s queue).
 */
export class PglitePrepared {
  readonly #statements = new Map<string, Statement>();
  #next = 0;

  constructor(private readonly pg: PGlite) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<{ rows: T[] }> {
    const statement = this.#statements.get(sql) ?? (await this.#prepare(sql));
    try {
      return await this.#run<T>(statement, params);
    } catch (error) {
      // a table changed under a statement prepared before (tests, migrations): prepare it again
      if (!(error instanceof Error) || !/cached plan must not change result type/.test(error.message)) throw error;
      this.#statements.delete(sql);
      return this.#run<T>(await this.#prepare(sql), params);
    }
  }

  async #prepare(sql: string): Promise<Statement> {
    const name = `sandbox_${++this.#next}`;
    const { messages } = await this.pg.execProtocol(concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]), { syncToFs: false });
    const parameters = messages.find((m) => m.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
    const rows = messages.find((m) => m.name === 'rowDescription') as { fields: Field[] } | undefined;
    const statement = { name, paramTypes: parameters?.dataTypeIDs ?? [], fields: rows?.fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })) ?? [] };
    this.#statements.set(sql, statement);
    return statement;
  }

  async #run<T>(statement: Statement, params: unknown[]): Promise<{ rows: T[] }> {
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = this.pg.serializers[statement.paramTypes[i] as number];
      return serializer ? (serializer(value) as string) : String(value);
    });
    const chunks: Uint8Array[] = [];
    // the chunk is a view of WASM memory, valid only during the call: copy it
    await this.pg.execProtocolRawStream(bindExecuteSync(statement.name, values), { syncToFs: false, onRawData: (chunk) => chunks.push(chunk.slice()) });
    const data = concat(chunks);
    return { rows: this.#rows<T>(statement.fields, Buffer.from(data.buffer, data.byteOffset, data.byteLength)) };
  }

  /** The rows of the DataRow messages in `data` (a whole answer, ending in ReadyForQuery); throws its ErrorResponse. */
  #rows<T>(fields: Field[], data: Buffer): T[] {
    const rows: T[] = [];
    for (let at = 0; at < data.length; ) {
      const code = data[at];
      const end = at + 1 + data.readInt32BE(at + 1);
      if (code === 0x44 /* D: DataRow */) {
        const count = data.readInt16BE(at + 5);
        let cell = at + 7;
        const row: Record<string, unknown> = {};
        for (let i = 0; i < count; i++) {
          const length = data.readInt32BE(cell);
          cell += 4;
          const field = fields[i] as Field;
          const text = length < 0 ? null : data.toString('utf8', cell, cell + length);
          if (length > 0) cell += length;
          row[field.name] = types.parseType(text, field.dataTypeID, this.pg.parsers);
        }
        rows.push(row as T);
      } else if (code === 0x45 /* E: ErrorResponse */) {
        throw databaseError(data.subarray(at, end));
      }
      at = end;
    }
    return rows;
  }
}

/** PGlite's own `DatabaseError` for one ErrorResponse message (code, detail, position… as `PGlite.query` throws them). */
function databaseError(message: Uint8Array): Error {
  let error: Error | undefined;
  new protocol.Parser().parse(message, (m) => {
    if (m instanceof Error) error = m;
  });
  return error ?? new Error('PGlite answered with an ErrorResponse that could not be read');
}
