import type { FileOutput } from '../../../shared/api/files';

/** The text of a file the services handed back to download (as the web host's page receives it). */
export function downloadedText(output: FileOutput): { fileName: string; text: string } {
  if (output.kind !== 'download') throw new Error(`expected a download, got a file saved to ${output.path}`);
  return { fileName: output.fileName, text: Buffer.from(output.base64, 'base64').toString('utf8') };
}
