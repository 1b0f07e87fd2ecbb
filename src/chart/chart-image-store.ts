import { randomBytes } from 'node:crypto';

/** The longest a chart image may be kept: the contract says a chart URL expires within a day. */
export const MAX_CHART_IMAGE_TTL_MS = 24 * 60 * 60 * 1000;

/** 24 random bytes (192 bits) as base64url: 32 characters of `[A-Za-z0-9_-]`. */
export const CHART_IMAGE_ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export interface ChartImageStoreOptions {
  /** How long an image is served after it was made; at most 24 hours. */
  ttlMs: number;
  /** The clock (the bot's `now`), so that tests can move past the expiry. */
  now: () => Date;
  /** The most images held; the oldest go first. Default 500. */
  maxEntries?: number;
  /** The most bytes held over all images; the oldest go first (one larger image is still kept alone). Default 32 MiB. */
  maxTotalBytes?: number;
}

export interface StoredChartImage {
  png: Buffer;
  expiresAt: Date;
}

/**
 * Rendered chart PNGs in memory, each under an unguessable random id, each until its expiry
 * (every image gets the same TTL, so the oldest always expires first) or until the caps on count
 * and bytes push it out. Per process: replicas do not share it (docs/slack.md, "Charts").
 */
export class ChartImageStore {
  private readonly entries = new Map<string, StoredChartImage>();
  private totalBytes = 0;
  private readonly maxEntries: number;
  private readonly maxTotalBytes: number;

  constructor(private readonly options: ChartImageStoreOptions) {
    if (!(options.ttlMs > 0 && options.ttlMs <= MAX_CHART_IMAGE_TTL_MS)) {
      throw new RangeError(
        `a chart image TTL must be more than 0 and at most 24 hours, not ${options.ttlMs} ms`,
      );
    }
    this.maxEntries = options.maxEntries ?? 500;
    this.maxTotalBytes = options.maxTotalBytes ?? 32 * 1024 * 1024;
  }

  /** Keeps `png` and returns its new id and expiry. */
  add(png: Buffer): { id: string; expiresAt: Date } {
    const now = this.options.now().getTime();
    this.dropExpired(now);
    const id = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now + this.options.ttlMs);
    this.entries.set(id, { png, expiresAt });
    this.totalBytes += png.length;
    this.dropOverCaps();
    return { id, expiresAt };
  }

  /** The image under `id` while it has not expired; undefined for anything else. */
  get(id: string): StoredChartImage | undefined {
    if (!CHART_IMAGE_ID_PATTERN.test(id)) return undefined;
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt.getTime() <= this.options.now().getTime()) {
      this.remove(id, entry);
      return undefined;
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  private dropExpired(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt.getTime() > now) return;
      this.remove(id, entry);
    }
  }

  private dropOverCaps(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= 1) return;
      if (this.entries.size <= this.maxEntries && this.totalBytes <= this.maxTotalBytes) return;
      this.remove(id, entry);
    }
  }

  private remove(id: string, entry: StoredChartImage): void {
    this.entries.delete(id);
    this.totalBytes -= entry.png.length;
  }
}
