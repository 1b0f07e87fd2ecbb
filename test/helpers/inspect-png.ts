import { PNG } from 'pngjs';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG's size from its header, read by hand: the signature, then the IHDR chunk first. Throws for anything else. */
export function readPngSize(bytes: Buffer): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: wrong signature');
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A test of one pixel's red, green, blue and alpha (0–255). */
export type PixelTest = (r: number, g: number, b: number, a: number) => boolean;

/** A decoded PNG (by pngjs, not our code): RGBA pixels, and ways to count them. */
export interface DecodedPng {
  width: number;
  height: number;
  /** The pixel at x, y as [r, g, b, a]. */
  at(x: number, y: number): [number, number, number, number];
  /** How many pixels in the region (default all) satisfy `test`. */
  count(test: PixelTest, region?: Region): number;
  /** The x position of every pixel that satisfies `test` (to see where they are). */
  xs(test: PixelTest): number[];
}

export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function decodePng(bytes: Buffer): DecodedPng {
  const png = PNG.sync.read(bytes);
  const at = (x: number, y: number): [number, number, number, number] => {
    const offset = (y * png.width + x) * 4;
    const { data } = png;
    return [data[offset] ?? 0, data[offset + 1] ?? 0, data[offset + 2] ?? 0, data[offset + 3] ?? 0];
  };
  const all: Region = { x0: 0, y0: 0, x1: png.width, y1: png.height };
  const { data, width } = png;
  const matches = (test: PixelTest, x: number, y: number) => {
    const o = (y * width + x) * 4;
    return test(data[o] ?? 0, data[o + 1] ?? 0, data[o + 2] ?? 0, data[o + 3] ?? 0);
  };
  return {
    width: png.width,
    height: png.height,
    at,
    count: (test, region = all) => {
      let found = 0;
      for (let y = region.y0; y < region.y1; y++) {
        for (let x = region.x0; x < region.x1; x++) if (matches(test, x, y)) found++;
      }
      return found;
    },
    xs: (test) => {
      const found: number[] = [];
      for (let y = 0; y < png.height; y++) {
        for (let x = 0; x < png.width; x++) if (matches(test, x, y)) found.push(x);
      }
      return found;
    },
  };
}

/** A test for pixels within `tolerance` of the colour `#rrggbb`, opaque. */
export function near(hex: string, tolerance = 10): PixelTest {
  const r = Number.parseInt(hex.slice(1, 3), 16);
  const g = Number.parseInt(hex.slice(3, 5), 16);
  const b = Number.parseInt(hex.slice(5, 7), 16);
  return (pr, pg, pb, pa) =>
    pa === 255 &&
    Math.abs(pr - r) <= tolerance &&
    Math.abs(pg - g) <= tolerance &&
    Math.abs(pb - b) <= tolerance;
}

/** Dark pixels: text and axis lines. */
export const isDark: PixelTest = (r, g, b, a) => a === 255 && r < 110 && g < 110 && b < 110;
