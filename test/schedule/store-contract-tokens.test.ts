import type { SharedToken } from '../../src/threecx/shared-token-store';
import { type ContractDatabase, type ContractStore, listStoreKinds, stopTestPostgres } from './store-kinds';

/** The store contract, continued: the PBX token replicas share (see store-contract.test.ts). */

const TOKEN_KEY = 'https://pbx.example.com:5001 calls-bot';

afterAll(() => stopTestPostgres());

describe.each(listStoreKinds('store contract tests (tokens)'))('$name store', (kind) => {
  let database: ContractDatabase;
  let store: ContractStore;

  beforeEach(async () => {
    database = await kind.createDatabase();
    store = await database.open();
  });
  afterEach(() => database.tearDown());

  describe('shared PBX token', () => {
    const token = (name: string, refreshAtMs = 2_000_000_000_000): SharedToken => ({
      token: name,
      expiresAtMs: refreshAtMs + 30_000,
      refreshAtMs,
    });

    it('stores the fetched token and returns a stored one the caller accepts without fetching', async () => {
      expect(await store.readSharedToken(TOKEN_KEY)).toBeUndefined();
      const fetchNew = jest.fn(async () => token('first'));
      expect(await store.refreshSharedToken(TOKEN_KEY, { reuse: () => true, fetchNew })).toEqual(
        token('first'),
      );
      expect(fetchNew).toHaveBeenCalledTimes(1);
      const other = await database.open();
      expect(await other.readSharedToken(TOKEN_KEY)).toEqual(token('first'));
      expect(await other.readSharedToken('another key')).toBeUndefined();

      const reused = await other.refreshSharedToken(TOKEN_KEY, {
        reuse: (current) => current.token === 'first',
        fetchNew: async () => token('unwanted'),
      });
      expect(reused).toEqual(token('first'));
      const replaced = await other.refreshSharedToken(TOKEN_KEY, {
        reuse: (current) => current.token !== 'first',
        fetchNew: async () => token('second', 2_000_000_100_000),
      });
      expect(replaced).toEqual(token('second', 2_000_000_100_000));
      expect(await store.readSharedToken(TOKEN_KEY)).toEqual(token('second', 2_000_000_100_000));
    });

    it('lets one of several connections fetch while the others wait and take its token', async () => {
      const connections = [store, await database.open(), await database.open()];
      let fetches = 0;
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const refreshes = [...connections, ...connections].map((connection) =>
        connection.refreshSharedToken(TOKEN_KEY, {
          reuse: (current) => current.token !== 'refused',
          fetchNew: async () => {
            fetches += 1;
            await gate;
            return token(`fetch-${fetches}`);
          },
        }),
      );
      try {
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(fetches).toBe(1);
      } finally {
        release();
      }
      const results = await Promise.all(refreshes);
      expect(fetches).toBe(1);
      expect(results.map((result) => result.token)).toEqual(Array(6).fill('fetch-1'));
    });

    it('releases the lock when a fetch fails, so the next refresh fetches at once', async () => {
      await expect(
        store.refreshSharedToken(TOKEN_KEY, {
          reuse: () => false,
          fetchNew: async () => {
            throw new Error('PBX said 401');
          },
        }),
      ).rejects.toThrow('PBX said 401');
      expect(await store.readSharedToken(TOKEN_KEY)).toBeUndefined();
      const other = await database.open();
      expect(
        await other.refreshSharedToken(TOKEN_KEY, {
          reuse: () => false,
          fetchNew: async () => token('after'),
        }),
      ).toEqual(token('after'));
    });
  });
});
