import { spawn } from 'node:child_process';

/**
 * The QR code printed on a PDF's page, read as a phone would read a print: poppler's `pdftoppm` rasterizes the page
 * (an independent renderer), jsQR decodes it. `'no-renderer'` when poppler is not installed.
 */
export async function rasterizeFirstPage(pdf: Uint8Array): Promise<Uint8Array | 'no-renderer' | undefined> {
  return new Promise((resolve) => {
    const child = spawn('pdftoppm', ['-r', '150', '-png', '-singlefile', '-f', '1', '-l', '1', '-'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT' ? 'no-renderer' : undefined));
    child.on('close', (code) => resolve(code === 0 ? new Uint8Array(Buffer.concat(chunks)) : undefined));
    child.stdin.on('error', () => undefined);
    child.stdin.end(pdf);
  });
}
