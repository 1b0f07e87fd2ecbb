import { randomBytes } from 'node:crypto';
import { exportFileSize } from '../chat/answer';

/** A file kept for the playground's download link: text (served as UTF-8) or bytes (XLSX). */
export interface StoredDownload {
  filename: string;
  mimeType: string;
  content: string | Uint8Array;
}

export interface DownloadStoreOptions {
  /** Default 20: the oldest files go first. */
  maxEntries?: number;
  /** Default 64 MiB over all kept files (as served: text in UTF-8); one larger file is still kept alone. */
  maxTotalBytes?: number;
}

/**
 * Exports (CSV, XLSX, raw rows) for the playground's download links, keyed by unguessable random ids,
 * in a small in-memory LRU: a link stops working once enough newer files have been made.
 */
export class DownloadStore {
  private readonly entries = new Map<string, { file: StoredDownload; bytes: number }>();
  private totalBytes = 0;
  private readonly maxEntries: number;
  private readonly maxTotalBytes: number;

  constructor(options: DownloadStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 20;
    this.maxTotalBytes = options.maxTotalBytes ?? 64 * 1024 * 1024;
  }

  /** Keeps the file and returns its id. */
  add(file: StoredDownload): string {
    const id = randomBytes(16).toString('base64url');
    const bytes = exportFileSize(file);
    this.entries.set(id, { file, bytes });
    this.totalBytes += bytes;
    this.evict();
    return id;
  }

  get(id: string): StoredDownload | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.file;
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    while (
      this.entries.size > 1 &&
      (this.entries.size > this.maxEntries || this.totalBytes > this.maxTotalBytes)
    ) {
      const oldest = this.entries.entries().next();
      if (oldest.done) break;
      const [id, entry] = oldest.value;
      this.entries.delete(id);
      this.totalBytes -= entry.bytes;
    }
  }
}
