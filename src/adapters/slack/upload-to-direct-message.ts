import type { webApi } from '@slack/bolt';
import { type ExportFile, exportFileBytes } from '../../chat/answer';
import { openDirectMessage } from './open-direct-message';

const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * Sends an export to the asker's direct message with the bot, the way Slack wants files now:
 * `files.getUploadURLExternal`, the bytes POSTed to the URL it returns, then
 * `files.completeUploadExternal` sharing the file into the DM (scopes files:write, im:write).
 * Text files go as UTF-8 (a CSV's byte-order mark included), XLSX as its bytes.
 */
export async function uploadToDirectMessage(
  client: webApi.WebClient,
  userId: string,
  file: ExportFile,
): Promise<void> {
  const channelId = await openDirectMessage(client, userId);
  const bytes = exportFileBytes(file);
  const ticket = await client.files.getUploadURLExternal({ filename: file.filename, length: bytes.length });
  if (!ticket.upload_url || !ticket.file_id)
    throw new Error('files.getUploadURLExternal returned no upload URL');
  const response = await fetch(ticket.upload_url, {
    method: 'POST',
    headers: { 'content-type': file.mimeType },
    body: bytes,
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`the file upload answered HTTP ${response.status}`);
  await response.arrayBuffer();
  await client.files.completeUploadExternal({
    files: [{ id: ticket.file_id, title: file.title }],
    channel_id: channelId,
  });
}
