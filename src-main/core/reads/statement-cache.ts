/**
 * Statements prepared once per SQL text and reused. A query's SQL is built from its terms each
 * time, which is cheap; preparing it is not, and the same few shapes come back with every key.
 */
import type Database from 'better-sqlite3';

export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const prepared = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = prepared.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  };
}
