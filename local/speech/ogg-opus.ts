/**
 * Just enough of OGG/Opus for the embedded runtime's voice notes: the two header pages a real note starts with
 * (OpusHead, then OpusTags with its comments). The simulator writes what the citizen "said" into the comments
 * (TRANSCRIPT=, LANGUAGE=), because no speech model runs offline here; the local speech service reads them back.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 24;
  for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  return c >>> 0;
});

/** The OGG page checksum (CRC-32 with polynomial 0x04c11db7, no reflection), over the page with its field zeroed. */
function oggCrc(page: Buffer): number {
  let crc = 0;
  for (const byte of page) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

function page(packet: Buffer, sequence: number, headerType: number): Buffer {
  const segments: number[] = [];
  let left = packet.length;
  while (left >= 255) {
    segments.push(255);
    left -= 255;
  }
  segments.push(left);
  const header = Buffer.alloc(27 + segments.length);
  header.write('OggS', 0, 'latin1');
  header.writeUInt8(0, 4);
  header.writeUInt8(headerType, 5);
  header.writeBigUInt64LE(0n, 6);
  header.writeUInt32LE(0x4d495452, 14);
  header.writeUInt32LE(sequence, 18);
  header.writeUInt32LE(0, 22);
  header.writeUInt8(segments.length, 26);
  Buffer.from(segments).copy(header, 27);
  const whole = Buffer.concat([header, packet]);
  whole.writeUInt32LE(oggCrc(whole), 22);
  return whole;
}

/** A voice note's header pages, with these comments in its OpusTags. */
export function voiceNoteWithTags(tags: Record<string, string>): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head.writeUInt8(1, 8);
  head.writeUInt8(1, 9);
  head.writeUInt16LE(312, 10);
  head.writeUInt32LE(48_000, 12);
  const vendor = Buffer.from('mitra simulator', 'utf8');
  const comments = Object.entries(tags).map(([key, value]) => Buffer.from(`${key}=${value}`, 'utf8'));
  const parts = [Buffer.from('OpusTags', 'latin1'), u32(vendor.length), vendor, u32(comments.length)];
  for (const comment of comments) parts.push(u32(comment.length), comment);
  return Buffer.concat([page(head, 0, 0x02), page(Buffer.concat(parts), 1, 0x00)]);
}

/** The comments of a voice note's OpusTags, or undefined when the bytes carry none. */
export function tagsOf(bytes: Buffer): Record<string, string> | undefined {
  const at = bytes.indexOf('OpusTags', 0, 'latin1');
  if (at < 0) return undefined;
  let offset = at + 8;
  const read = () => {
    const length = bytes.readUInt32LE(offset);
    offset += 4;
    const value = bytes.subarray(offset, offset + length).toString('utf8');
    offset += length;
    return value;
  };
  try {
    read();
    const count = bytes.readUInt32LE(offset);
    offset += 4;
    const tags: Record<string, string> = {};
    for (let i = 0; i < count; i++) {
      const comment = read();
      const equals = comment.indexOf('=');
      if (equals > 0) tags[comment.slice(0, equals).toUpperCase()] = comment.slice(equals + 1);
    }
    return tags;
  } catch {
    return undefined;
  }
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}
