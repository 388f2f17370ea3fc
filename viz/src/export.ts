// Exports what the user sees (camera, filters, highlights) as a PNG, with the theme background.
import { downloadAsPNG, toBlob } from '@sigma/export-image';
import type { Renderer } from './renderer.ts';
import { BACKGROUND } from './style.ts';

export function exportPNG(renderer: Renderer): Promise<void> {
  return downloadAsPNG(renderer, { fileName: 'zhengtu-graph', backgroundColor: BACKGROUND });
}

/** The same image as a Blob (used by tests and by anyone embedding the viewer). */
export function viewAsBlob(renderer: Renderer): Promise<Blob> {
  return toBlob(renderer, { format: 'png', backgroundColor: BACKGROUND });
}
