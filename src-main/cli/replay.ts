/**
 * `replay FILE`: queues again the changes a start-over saved (core/db/unsent-export.ts) in the
 * database the leads were downloaded into. Each change goes through the same gate as `set` and
 * `create`, and nothing is overwritten silently:
 * - a field already holding the value is left (replaying twice queues nothing twice);
 * - a field Envoke still has as it was before the change is queued;
 * - a field Envoke changed since is reported as a conflict, not queued: the person decides;
 * - a lead not downloaded yet is reported (sync first);
 * - a new lead is created again under its own remote_id, so one Envoke already has is found
 *   there by the push rather than made twice.
 */
import { readFileSync } from 'node:fs';
import { CommandError, describeIssues } from '#contract';
import { NEW_CONTACT_FIELDS, type TriagePatch } from '#contract/lead';
import { type Core, type UnsentChange, UnsentExportSchema } from '../core';
import { call } from './core-call';
import { UsageError } from './usage-error';

export interface ReplayReport {
  /** Changes queued again (updates, and new leads made again). */
  queued: number;
  /** Changes this database already has (replayed before, or Envoke already had them). */
  alreadyThere: number;
  conflicts: {
    lead: string;
    envokeId: string;
    field: string;
    was: string;
    envokeNow: string;
    yours: string;
  }[];
  /** Leads not in this database yet: run sync, then replay again. */
  notDownloaded: { lead: string; envokeId: string }[];
  /** Changes the gate refused, with why. */
  refused: { lead: string; message: string }[];
}

function readExport(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path} cannot be read: ${String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${path} is not the JSON file a start-over saves`);
  }
  const parsed = UnsentExportSchema.safeParse(json);
  if (!parsed.success)
    throw new UsageError(
      `${path} is not the file a start-over saves: ${describeIssues(parsed.error.issues)}`,
    );
  return parsed.data;
}

async function replayCreate(core: Core, change: UnsentChange, report: ReplayReport): Promise<void> {
  if (change.remoteId !== '' && core.findLeadByRemoteId(change.remoteId) !== null) {
    report.alreadyThere += 1;
    return;
  }
  const contact = Object.fromEntries(
    Object.entries(change.contact ?? {}).filter(
      ([name, value]) => value !== '' && (NEW_CONTACT_FIELDS as string[]).includes(name),
    ),
  );
  await call(core, 'leads:create', {
    email: change.email,
    contact,
    fields: {
      ...change.leadFields,
      ...change.fields,
      ...(change.remoteId === '' ? {} : { remote_id: change.remoteId }),
    },
  });
  report.queued += 1;
}

async function replayUpdate(core: Core, change: UnsentChange, report: ReplayReport): Promise<void> {
  const envokeId = change.envokeId ?? '';
  // A lead created here and not sent yet is found by its remote_id, once replayed above.
  const id =
    envokeId !== ''
      ? core.findLeadByEnvokeId(envokeId)
      : change.remoteId !== ''
        ? core.findLeadByRemoteId(change.remoteId)
        : null;
  if (id === null) {
    report.notDownloaded.push({ lead: change.lead, envokeId });
    return;
  }
  const now = (await call(core, 'leads:get', { id })).fields;
  const patch: Record<string, string> = {};
  for (const [field, yours] of Object.entries(change.fields)) {
    const current = now[field] ?? '';
    const was = change.base[field] ?? '';
    if (current === yours) continue;
    if (current === was) patch[field] = yours;
    else
      report.conflicts.push({ lead: change.lead, envokeId, field, was, envokeNow: current, yours });
  }
  if (Object.keys(patch).length === 0) {
    if (!report.conflicts.some((conflict) => conflict.envokeId === envokeId))
      report.alreadyThere += 1;
    return;
  }
  await call(core, 'leads:update', { ids: [id], patch: patch as TriagePatch });
  report.queued += 1;
}

export async function replayChanges(core: Core, path: string | undefined): Promise<ReplayReport> {
  if (path === undefined) throw new UsageError('Name the file a start-over saved: replay FILE');
  const saved = readExport(path);
  const report: ReplayReport = {
    queued: 0,
    alreadyThere: 0,
    conflicts: [],
    notDownloaded: [],
    refused: [],
  };
  // New leads first: a change made to one of them while its create was out follows it.
  const ordered = [
    ...saved.changes.filter((change) => change.kind === 'create'),
    ...saved.changes.filter((change) => change.kind === 'update'),
  ];
  for (const change of ordered) {
    try {
      if (change.kind === 'create') await replayCreate(core, change, report);
      else await replayUpdate(core, change, report);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      report.refused.push({ lead: change.lead, message: error.message });
    }
  }
  return report;
}
