/**
 * The person's saved views: a name, a query, a sort and a place in the sidebar. Names are unique
 * whatever their case, so "g 3" and the palette never show two views by one name.
 */
import type Database from 'better-sqlite3';
import type { CommandArgs, CommandOutput, SavedView } from '#contract/commands';
import { CommandError } from '#contract/errors';
import { parseQuery, printQuery, printSort, tryParseQuery } from '#contract/lead-query';
import type { Store } from '../tables/store';
import type { QueryViews } from './query-views';

interface ViewRow {
  id: number;
  name: string;
  query: string;
  sort: string;
  position: number;
}

/** The most views one laptop keeps: the sidebar is for the few that matter. */
export const SAVED_VIEWS_MAX = 100;

export class SavedViews {
  private readonly db: Database.Database;

  constructor(
    private readonly store: Store,
    private readonly queries: QueryViews,
    private readonly now: () => number,
  ) {
    this.db = store.db;
  }

  all(): SavedView[] {
    return this.db
      .prepare<[], ViewRow>(
        'SELECT id, name, query, sort, position FROM saved_views ORDER BY position, id',
      )
      .all();
  }

  private get(id: number): ViewRow {
    const row = this.db
      .prepare<[number], ViewRow>(
        'SELECT id, name, query, sort, position FROM saved_views WHERE id = ?',
      )
      .get(id);
    if (row === undefined) throw new CommandError('not-found', `There is no saved view ${id}.`);
    return row;
  }

  private nameTaken(name: string, except: number | null): boolean {
    return (
      this.db
        .prepare<[string, number], { id: number }>(
          'SELECT id FROM saved_views WHERE name = ? AND id <> ?',
        )
        .get(name, except ?? 0) !== undefined
    );
  }

  list(): CommandOutput<'views:list'> {
    return { views: this.all() };
  }

  save(input: CommandArgs<'views:save'>): CommandOutput<'views:save'> {
    // The query's own sort: term becomes the view's sort; the query is kept in canonical form.
    const parsed = parseQuery(input.query);
    const sort = input.sort ?? (parsed.sort ? printSort(parsed.sort) : '-created');
    const query = printQuery({ terms: parsed.terms });
    return this.store.transaction(() => {
      if (this.nameTaken(input.name, null))
        throw new CommandError(
          'invalid-input',
          `A view named "${input.name}" exists already: pick another name.`,
        );
      const count = this.db.prepare('SELECT count(*) FROM saved_views').pluck().get() as number;
      if (count >= SAVED_VIEWS_MAX)
        throw new CommandError(
          'invalid-input',
          `You have ${SAVED_VIEWS_MAX} saved views, the most kept: delete one first.`,
        );
      const result = this.db
        .prepare(
          'INSERT INTO saved_views (name, query, sort, position, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(input.name, query, sort, count, this.now());
      return this.get(Number(result.lastInsertRowid));
    });
  }

  rename(input: CommandArgs<'views:rename'>): CommandOutput<'views:rename'> {
    return this.store.transaction(() => {
      this.get(input.id);
      if (this.nameTaken(input.name, input.id))
        throw new CommandError(
          'invalid-input',
          `A view named "${input.name}" exists already: pick another name.`,
        );
      this.db.prepare('UPDATE saved_views SET name = ? WHERE id = ?').run(input.name, input.id);
      return this.get(input.id);
    });
  }

  move(input: CommandArgs<'views:move'>): CommandOutput<'views:move'> {
    return this.store.transaction(() => {
      const moved = this.get(input.id);
      const others = this.all().filter((view) => view.id !== moved.id);
      others.splice(Math.min(input.position, others.length), 0, moved);
      const update = this.db.prepare('UPDATE saved_views SET position = ? WHERE id = ?');
      others.forEach((view, index) => update.run(index, view.id));
      return { views: this.all() };
    });
  }

  delete(input: CommandArgs<'views:delete'>): CommandOutput<'views:delete'> {
    return this.store.transaction(() => {
      this.get(input.id);
      this.db.prepare('DELETE FROM saved_views WHERE id = ?').run(input.id);
      const update = this.db.prepare('UPDATE saved_views SET position = ? WHERE id = ?');
      this.all().forEach((view, index) => update.run(index, view.id));
      return { ok: true as const };
    });
  }

  counts(): CommandOutput<'views:counts'> {
    const counts: CommandOutput<'views:counts'>['counts'] = {};
    for (const view of this.all()) {
      // A view saved by an older version may hold what the parser now refuses (a control
      // character): it goes uncounted, and opening it says why, rather than failing every count.
      const parsed = tryParseQuery(view.query);
      if (parsed.ok) counts[String(view.id)] = this.queries.countOf(parsed.query);
    }
    return { counts };
  }
}
