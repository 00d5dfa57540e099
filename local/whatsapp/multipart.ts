/**
 * A minimal multipart/form-data reader for the media upload endpoint: enough for what Meta's SDKs, curl and
 * undici's FormData send (one part per field, CRLF line ends), without a dependency.
 */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2])?.trim() : undefined;
}

export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) throw new Error('multipart body does not contain its boundary');
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    // "--" right after a delimiter closes the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const headerStart = afterDelimiter + 2; // skip CRLF
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd < 0) throw new Error('multipart part has no header terminator');
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next < 0) throw new Error('multipart body is not terminated');
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    const data = body.subarray(headerEnd + 4, next - 2); // drop the CRLF before the next delimiter
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw new Error('multipart part without a name');
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const contentType = /^content-type:\s*(.*)$/im.exec(headers)?.[1]?.trim();
    parts.push({
      name,
      data,
      ...(filename !== undefined ? { filename } : {}),
      ...(contentType ? { contentType } : {}),
    });
    start = next;
  }
  return parts;
}
