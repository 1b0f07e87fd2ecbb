import { join } from 'node:path';
import type {
  ConversationReferenceStore,
  TeamsConversationReference,
} from '../../src/adapters/teams/conversation-reference-store';
import { SqliteScheduleStore } from '../../src/schedule/sqlite-schedule-store';
import { createStoredConversationReferences } from '../../src/schedule/stored-conversation-references';
import { createTempDir } from './schedule-helpers';

const REFERENCE: TeamsConversationReference = {
  conversation: { id: '19:abc@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' },
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  bot: { id: '28:app-id', name: 'Calls' },
  user: { id: '29:user', aadObjectId: 'aad-1' },
};

describe('createStoredConversationReferences', () => {
  it('fits the Teams adapter and keeps references across a restart', async () => {
    const temp = createTempDir();
    const path = join(temp.dir, 'refs.sqlite');
    try {
      const first = new SqliteScheduleStore({ path });
      const references: ConversationReferenceStore =
        createStoredConversationReferences<TeamsConversationReference>(
          first,
          () => new Date('2026-11-02T07:00:00Z'),
        );
      await references.save(REFERENCE);
      await references.save({ ...REFERENCE, serviceUrl: 'https://smba.trafficmanager.net/amer/' });
      await first.close();

      const second = new SqliteScheduleStore({ path });
      const reopened = createStoredConversationReferences<TeamsConversationReference>(
        second,
        () => new Date(),
      );
      expect(await reopened.get('19:abc@thread.tacv2')).toEqual({
        ...REFERENCE,
        serviceUrl: 'https://smba.trafficmanager.net/amer/',
      });
      expect(await reopened.get('19:other')).toBeUndefined();
      await second.close();
    } finally {
      temp.remove();
    }
  });
});
