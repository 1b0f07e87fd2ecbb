import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/**
 * Draws the app's two Teams icons: `color.png` (192×192, a white phone handset on the accent
 * colour) and `outline.png` (32×32, the handset in white on transparent). The shapes are signed
 * distance fields, so edges are anti-aliased without supersampling; pngjs writes the files (8-bit RGBA).
 *
 * Run `npx tsx manifests/teams/draw-icons.ts` after changing it; the PNGs are committed.
 */

/** The manifest's accentColor, as RGB. */
const ACCENT = [0x1f, 0x5f, 0xad] as const;

type Point = { x: number; y: number };

/** Distance to the handset (negative inside), in units of the icon's side (0..1). */
function handsetDistance(p: Point): number {
  const centre = { x: 0.84, y: 0.16 };
  const radius = 0.6;
  const from = Math.PI / 2 + 0.08; // the mouthpiece end, below the centre
  const to = Math.PI - 0.08; // the earpiece end, left of the centre
  const handle = arcDistance(p, centre, radius, from, to) - 0.07;
  return Math.min(handle, cupDistance(p, centre, radius, from, 1), cupDistance(p, centre, radius, to, -1));
}

/** An ear or mouth cup: a rounded block at the arc's end, reaching in towards the centre. */
function cupDistance(p: Point, centre: Point, radius: number, angle: number, towardsEnd: number): number {
  const radial = { x: Math.cos(angle), y: Math.sin(angle) };
  const tangent = { x: -radial.y * towardsEnd, y: radial.x * towardsEnd };
  const middle = {
    x: centre.x + radial.x * (radius - 0.06) - tangent.x * 0.05,
    y: centre.y + radial.y * (radius - 0.06) - tangent.y * 0.05,
  };
  const local = { x: p.x - middle.x, y: p.y - middle.y };
  const along = Math.abs(local.x * tangent.x + local.y * tangent.y);
  const across = Math.abs(local.x * radial.x + local.y * radial.y);
  return roundedBoxDistance(along, across, 0.14, 0.13, 0.07);
}

/** Distance to a box with half sizes (halfX, halfY) and rounded corners, at a point folded into its first quadrant. */
function roundedBoxDistance(x: number, y: number, halfX: number, halfY: number, corner: number): number {
  const qx = x - halfX + corner;
  const qy = y - halfY + corner;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - corner;
}

/** Distance to a circular arc from angle `from` to `to` (radians, y pointing down). */
function arcDistance(p: Point, centre: Point, radius: number, from: number, to: number): number {
  const angle = Math.atan2(p.y - centre.y, p.x - centre.x);
  if (angle >= from && angle <= to) return Math.abs(Math.hypot(p.x - centre.x, p.y - centre.y) - radius);
  const end = (a: number) => ({ x: centre.x + Math.cos(a) * radius, y: centre.y + Math.sin(a) * radius });
  return Math.min(distance(p, end(from)), distance(p, end(to)));
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Renders the handset into a `size` square; `inset` is the margin around it, as a share of the side. */
function drawIcon(
  size: number,
  inset: number,
  background: readonly [number, number, number] | undefined,
): PNG {
  const image = new PNG({ width: size, height: size });
  const pixels = image.data;
  const scale = 1 - 2 * inset;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const p = { x: ((x + 0.5) / size - inset) / scale, y: ((y + 0.5) / size - inset) / scale };
      const distanceInPixels = handsetDistance(p) * size * scale;
      const cover = Math.max(0, Math.min(1, 0.5 - distanceInPixels));
      const offset = (y * size + x) * 4;
      if (background) {
        for (let channel = 0; channel < 3; channel += 1) {
          pixels[offset + channel] = Math.round(background[channel]! + (255 - background[channel]!) * cover);
        }
        pixels[offset + 3] = 255;
      } else {
        pixels.set([255, 255, 255, Math.round(255 * cover)], offset);
      }
    }
  }
  return image;
}

/** The two icon files, by name, as PNG bytes. */
export function drawIcons(): Record<'color.png' | 'outline.png', Buffer> {
  return {
    'color.png': PNG.sync.write(drawIcon(192, 0.25, ACCENT)),
    'outline.png': PNG.sync.write(drawIcon(32, 0.06, undefined)),
  };
}

/** Writes the icons into `folder` (default this one); `npx tsx manifests/teams/draw-icons.ts [folder]`. */
function main(folder = __dirname): void {
  for (const [name, bytes] of Object.entries(drawIcons())) writeFileSync(join(folder, name), bytes);
}

if (require.main === module) main(process.argv[2]);
