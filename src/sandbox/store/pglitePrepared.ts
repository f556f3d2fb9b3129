import { protocol, types, type PGlite } from '@electric-sql/pglite';

const { serialize } = protocol;

interface Statement {
  name: string;
  paramTypes: number[];
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
};

/**
 * `query` on PGlite in one call into WASM instead of six: each distinct SQL text is parsed once as
 * a named prepared statement (its parameter types remembered), and every later call sends Bind,
 * Describe, Execute and Sync as one extended-protocol message. Values are serialised and rows
 * parsed with the instance's own serializers and parsers, as `PGlite.query` does. The caller
 * serialises calls (one connection; `PgliteDb`'s queue).
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
    const { messages } = await this.pg.execProtocol(concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]));
    const description = messages.find((m) => m.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
    const statement = { name, paramTypes: description?.dataTypeIDs ?? [] };
    this.#statements.set(sql, statement);
    return statement;
  }

  async #run<T>(statement: Statement, params: unknown[]): Promise<{ rows: T[] }> {
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = this.pg.serializers[statement.paramTypes[i] as number];
      return serializer ? (serializer(value) as string) : String(value);
    });
    const { messages } = await this.pg.execProtocol(
      concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
    );
    let fields: { name: string; dataTypeID: number }[] = [];
    const rows: T[] = [];
    for (const m of messages) {
      if (m.name === 'rowDescription') fields = (m as unknown as { fields: { name: string; dataTypeID: number }[] }).fields;
      else if (m.name === 'dataRow') {
        const cells = (m as unknown as { fields: (string | null)[] }).fields;
        const row: Record<string, unknown> = {};
        for (let i = 0; i < cells.length; i++) {
          const field = fields[i] as { name: string; dataTypeID: number };
          row[field.name] = types.parseType(cells[i] ?? null, field.dataTypeID, this.pg.parsers);
        }
        rows.push(row as T);
      }
    }
    return { rows };
  }
}
