import { unzipSync } from 'fflate';
import { PNG, type PNGWithMetadata } from 'pngjs';

/** Reading back what `npm run teams:package` writes, with fflate and pngjs (not our own code). */

/** The files of a zip archive by name, in the order of its central directory. */
export function readZip(archive: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(archive)).map(([name, data]) => [name, Buffer.from(data)]));
}

/** A PNG decoded by pngjs: size, colour type and bit depth as stored, and the pixels as 8-bit RGBA (`data`). */
export function readPng(file: Buffer): PNGWithMetadata {
  return PNG.sync.read(file);
}
