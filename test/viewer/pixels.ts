// Reads a screenshot's pixels inside the page itself (the browser decodes the PNG), so tests can
// count what is really on screen without a PNG library.
import type { Page } from 'playwright-core';

export interface PixelCount {
  total: number;
  /** Pixels that differ from the background colour. */
  drawn: number;
  /** Pixels within tolerance of each requested colour. */
  near: Record<string, number>;
}

export async function countPixels(page: Page, png: Buffer, background: string, colours: string[] = []): Promise<PixelCount> {
  return page.evaluate(async ({ data, background, colours }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const bg = rgb(background);
    const targets = colours.map(rgb);
    const near: Record<string, number> = Object.fromEntries(colours.map((c) => [c, 0]));
    let drawn = 0;
    for (let p = 0; p < pixels.length; p += 4) {
      const px = [pixels[p]!, pixels[p + 1]!, pixels[p + 2]!];
      if (Math.abs(px[0]! - bg[0]!) + Math.abs(px[1]! - bg[1]!) + Math.abs(px[2]! - bg[2]!) > 24) drawn++;
      targets.forEach((t, i) => {
        if (Math.abs(px[0]! - t[0]!) + Math.abs(px[1]! - t[1]!) + Math.abs(px[2]! - t[2]!) < 30) near[colours[i]!]!++;
      });
    }
    return { total: pixels.length / 4, drawn, near };
  }, { data: png.toString('base64'), background, colours });
}
