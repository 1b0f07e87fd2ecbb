import type { Directory } from '../core/directory';

/**
 * The PBX's directory, loaded at most once per `ttlMs`; concurrent callers share one load, and a
 * failed load is not cached (the next caller tries again).
 */
export class DirectoryCache {
  private cached: { directory: Directory; expiresAtMs: number } | undefined;
  private loading: Promise<Directory> | undefined;

  constructor(
    private readonly load: () => Promise<Directory>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** The directory if a fresh copy is held now; never loads. */
  peek(): Directory | undefined {
    return this.cached && this.now() < this.cached.expiresAtMs ? this.cached.directory : undefined;
  }

  get(): Promise<Directory> {
    if (this.cached && this.now() < this.cached.expiresAtMs) return Promise.resolve(this.cached.directory);
    if (!this.loading) {
      const startedMs = this.now();
      this.loading = this.load()
        .then((directory) => {
          this.cached = { directory, expiresAtMs: startedMs + this.ttlMs };
          return directory;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }
}
