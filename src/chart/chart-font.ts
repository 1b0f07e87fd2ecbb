import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The family every chart is drawn in: DejaVu Sans from the `dejavu-fonts-ttf` package (wide
 * Unicode coverage: accented names, Greek, Cyrillic), registered under a name of our own so that
 * no font of the machine is ever picked instead.
 */
export const CHART_FONT_FAMILY = 'calls-bot DejaVu Sans';
/** The bold face as a family of its own (Skia does not tell two faces under one alias apart by weight). */
export const CHART_BOLD_FONT_FAMILY = 'calls-bot DejaVu Sans Bold';

let registered = false;

/** Registers the chart fonts with the canvas library, once per process; throws when one cannot be read. */
export function registerChartFont(): void {
  if (registered) return;
  const fontsDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const faces = [
    ['DejaVuSans.ttf', CHART_FONT_FAMILY],
    ['DejaVuSans-Bold.ttf', CHART_BOLD_FONT_FAMILY],
  ] as const;
  for (const [file, family] of faces) {
    if (!GlobalFonts.registerFromPath(join(fontsDir, file), family)) {
      throw new Error(`the chart font ${file} could not be loaded from dejavu-fonts-ttf`);
    }
  }
  registered = true;
}
