/**
 * The detail pane shows the current lead's detail, read once: coming back to the lead whose detail
 * it holds reads nothing, and a slow read of a lead passed over on the way never replaces it.
 * The bridge is a stand-in for the preload whose answers the test releases one by one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { LeadDetail, Result } from '#contract';
import type { PreloadBridge } from '../../src-renderer/bridge/client';
import { loadDetail, showCurrentDetail } from '../../src-renderer/controller/detail';
import { useStore } from '../../src-renderer/store/store';

const waiting: { id: number; answer(): void }[] = [];

function detailOf(id: number): LeadDetail {
  return {
    id,
    envokeId: String(1000 + id),
    contactName: `Person ${id}`,
    company: 'Acme',
    email: `p${id}@acme.example`,
    createTime: '2026-05-01 10:00:00',
    marketing_rating_status: 'Unprocessed',
    marketing_rating: '',
    sales_rating_status: '',
    sales_rating: '',
    opportunity: '',
    sale: '',
    salesperson: '',
    syncState: 'synced',
    goneFromEnvoke: false,
    contact: {
      ...{ firstName: 'P', lastName: String(id), email: `p${id}@acme.example`, title: '' },
      ...{ company: 'Acme', phone: '', city: '', province: '', country: '' },
    },
    fields: {},
    envokeFields: null,
    record: {},
    pending: [],
    conflicts: [],
    activity: [],
  };
}

const bridge: PreloadBridge = {
  invoke(name, input) {
    const { id } = input as { id: number };
    return new Promise<Result<unknown>>((resolve) => {
      waiting.push({ id, answer: () => resolve({ ok: true, value: detailOf(id) }) });
    });
  },
  on: () => () => undefined,
};
(globalThis as { window?: unknown }).window = { leadTriage: bridge };

const initial = useStore.getState();
const state = () => useStore.getState();
const answerAll = async () => {
  for (const call of waiting.splice(0)) call.answer();
  await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('the detail pane', () => {
  beforeEach(async () => {
    waiting.length = 0;
    useStore.setState(initial, true);
    state().setIds([1, 2, 3]);
    state().setCursor(2);
    const read = loadDetail();
    await answerAll();
    await read;
  });

  it('coming back to the lead it shows reads nothing, and a read of a lead passed over is dropped', async () => {
    expect(state().detail?.id).toBe(3);
    state().setCursor(0);
    void showCurrentDetail();
    state().setCursor(1);
    void showCurrentDetail();
    state().setCursor(2);
    void showCurrentDetail();
    expect(waiting.map((call) => call.id)).toEqual([1, 2]);
    await answerAll();
    expect(state().detail?.id).toBe(3);
  });

  it('two asks for the same lead while one read is on its way make one read', async () => {
    state().setCursor(0);
    const first = loadDetail();
    const second = loadDetail();
    expect(waiting.map((call) => call.id)).toEqual([1]);
    await answerAll();
    await Promise.all([first, second]);
    expect(state().detail?.id).toBe(1);
  });
});
