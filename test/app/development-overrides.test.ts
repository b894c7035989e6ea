// LEAD_TRIAGE_USER_DATA and LEAD_TRIAGE_SQLITE_BINDING reach the app only from a checkout.
import { describe, expect, it } from 'vitest';
import { applyDevelopmentOverrides } from '../../src-main/app/development-overrides';
import { recordingLogger } from '../session/fake-handlers';

function fakeApp(isPackaged: boolean) {
  const paths: Record<string, string> = {};
  return { isPackaged, paths, setPath: (name: string, path: string) => void (paths[name] = path) };
}

const env = {
  LEAD_TRIAGE_USER_DATA: '/tmp/e2e-profile',
  LEAD_TRIAGE_SQLITE_BINDING: '/tmp/evil.node',
};

describe('applyDevelopmentOverrides', () => {
  it('honours both in development (npm start, end-to-end tests)', () => {
    const app = fakeApp(false);
    const log = recordingLogger();
    expect(applyDevelopmentOverrides(app, env, log.logger)).toEqual({
      sqliteBinding: '/tmp/evil.node',
    });
    expect(app.paths).toEqual({ userData: '/tmp/e2e-profile' });
    expect(log.lines).toEqual([]);
  });

  it('ignores both in the installed app, and says so', () => {
    const app = fakeApp(true);
    const log = recordingLogger();
    expect(applyDevelopmentOverrides(app, env, log.logger)).toEqual({ sqliteBinding: undefined });
    expect(app.paths).toEqual({});
    expect(log.lines).toEqual([
      {
        level: 'warn',
        message: 'Development settings are ignored by the installed app',
        detail: { ignored: ['LEAD_TRIAGE_USER_DATA', 'LEAD_TRIAGE_SQLITE_BINDING'] },
      },
    ]);
  });

  it('changes nothing when neither is set', () => {
    const app = fakeApp(false);
    expect(applyDevelopmentOverrides(app, {}, recordingLogger().logger)).toEqual({
      sqliteBinding: undefined,
    });
    expect(app.paths).toEqual({});
  });
});
