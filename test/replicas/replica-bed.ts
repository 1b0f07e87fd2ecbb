import { type DemoPbx, type DemoPbxOptions, startDemoPbx } from '../../src/demo/demo-pbx';
import { startTestPostgres, type TestDatabase, type TestPostgres } from '../helpers/postgres';
import { type ReplicaProcess, startReplica } from './replica-processes';
import { type ReplicaSlack, startReplicaSlack } from './replica-slack';

/** What the replica tests share: a database, the demo PBX and the fake Slack API, and the replicas. */
export interface ReplicaBed {
  database: TestDatabase;
  pbx: DemoPbx;
  slack: ReplicaSlack;
  /** Those `startReplicas` started; ended after all. */
  replicas: ReplicaProcess[];
  /** What `replicaEnvironment` takes as `shared`. */
  shared(): { databaseUrl: string; pbx: DemoPbx; slack: ReplicaSlack };
  /** Starts replicas r1, r2 and r3, each with `envFor(name)`. */
  startReplicas(envFor: (name: string) => Record<string, string>): Promise<ReplicaProcess[]>;
}

/**
 * Sets up a fresh PostgreSQL database, a demo PBX (`pbxOptions`) and the fake Slack API before all
 * tests of the enclosing `describe`, and afterwards ends the replicas (`end`: SIGKILL or SIGTERM)
 * and all of these.
 */
export function useReplicaBed(pbxOptions: DemoPbxOptions, end: 'kill' | 'stop'): ReplicaBed {
  let server: TestPostgres | undefined;
  const bed = {
    replicas: [],
    shared: () => ({ databaseUrl: bed.database.url, pbx: bed.pbx, slack: bed.slack }),
    startReplicas: async (envFor) => {
      bed.replicas = await Promise.all(['r1', 'r2', 'r3'].map((name) => startReplica(name, envFor(name))));
      return bed.replicas;
    },
  } as Partial<ReplicaBed> as ReplicaBed;

  beforeAll(async () => {
    server = await startTestPostgres();
    bed.database = await server.createDatabase();
    bed.pbx = await startDemoPbx(pbxOptions);
    bed.slack = await startReplicaSlack();
  });
  afterAll(async () => {
    for (const replica of bed.replicas) await replica[end]();
    await bed.slack?.close();
    await bed.pbx?.close();
    await bed.database?.drop();
    await server?.stop();
  });
  return bed;
}

/** Polls `pick` every 100 ms until it returns something, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, pick: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const picked = pick();
    if (picked !== undefined) return picked;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
