import Database from 'better-sqlite3'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { migrate } from './migrations.ts'

export type Db = Database.Database

export function openDatabase(file: string, reset: boolean): Db {
  const inMemory = file === ':memory:'
  if (!inMemory) {
    mkdirSync(dirname(file), { recursive: true })
    if (reset) for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix)
  }
  const db = new Database(file)
  // WAL lets the dev server read while the CLI seeds; NORMAL sync is safe with WAL and keeps ticks cheap.
  if (!inMemory) db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  migrate(db)
  return db
}

export function isEmpty(db: Db): boolean {
  return (db.prepare('SELECT COUNT(*) AS n FROM advertisers').get() as { n: number }).n === 0
}
