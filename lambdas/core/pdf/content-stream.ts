/** A fill or stroke colour, each component 0–1. */
export type Color = readonly [red: number, green: number, blue: number];

/** A number as a content stream writes it: `decimals` decimals, no trailing zeros, never "-0". */
function decimal(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? '0' : String(rounded);
}

/** A number with two decimals: colours, sizes, widths. */
export const pdfNumber = (value: number) => decimal(value, 2);

/** A place or length on the page: a tenth of a point (0.035 mm, a tenth of a 300-dpi printer's dot) is close enough. */
const place = (value: number) => decimal(value, 1);

const colorOperands = (color: Color) => color.map(pdfNumber).join(' ');

/** A one-bit image painted in the fill colour where its samples are 0 (a PDF image mask), rows from the top. */
export interface ImageMask {
  width: number;
  height: number;
  /** Each row padded to whole bytes, most significant bit first. */
  samples: Uint8Array;
}

/**
 * Stroke width, in ems, that thickens regular outlines to about the weight of the bold fonts. Each side of a stroke
 * grows by half of it, so Latin text set bold also gets this much more space after each letter (see Typesetter).
 */
export const EMBOLDEN_EM = 0.045;

/** The text state a text run sets: what is already in force is not written again. */
interface TextState {
  font: string;
  fill: string;
  renderingMode: number;
  stroke: string;
  lineWidth: string;
  letterSpacing: string;
}

/**
 * One page's content stream, written as text: the page is a few hundred operators, and building them as strings
 * (rather than as one object per operator and operand) keeps a document's drawing under a millisecond. Consecutive
 * text runs share one text object, each setting only the font, colour and weight that change and moving from the
 * run before; every other drawing keeps its state inside q … Q, so the text state carries across it. Image masks
 * drawn are kept by name, for the page's resources.
 */
export class ContentStream {
  readonly imageMasks = new Map<string, ImageMask>();
  private readonly parts: string[] = [];
  /** The start of the last text run in the open text object, as written; undefined outside a text object. */
  private origin: { x: number; y: number } | undefined;
  private state: TextState = {
    font: '',
    fill: '0 0 0',
    renderingMode: 0,
    stroke: '0 0 0',
    lineWidth: '1',
    letterSpacing: '0',
  };

  rectangle(
    at: { x: number; y: number; width: number; height: number },
    paint: { fill?: Color; stroke?: Color; lineWidth?: number },
  ): void {
    const path = [at.x, at.y, at.width, at.height].map(place).join(' ');
    const operators = ['q'];
    if (paint.fill) operators.push(`${colorOperands(paint.fill)} rg`);
    if (paint.stroke) operators.push(`${colorOperands(paint.stroke)} RG ${pdfNumber(paint.lineWidth ?? 1)} w`);
    operators.push(`${path} re ${paint.fill && paint.stroke ? 'B' : paint.fill ? 'f' : 'S'} Q`);
    this.graphics(operators.join(' '));
  }

  line(from: { x: number; y: number }, to: { x: number; y: number }, stroke: { color: Color; width: number }): void {
    this.graphics(
      `q ${colorOperands(stroke.color)} RG ${pdfNumber(stroke.width)} w ${place(from.x)} ${place(from.y)} m ${place(to.x)} ${place(to.y)} l S Q`,
    );
  }

  /** Paints `mask` in `color` over the rectangle `at`. */
  imageMask(
    name: string,
    mask: ImageMask,
    at: { x: number; y: number; width: number; height: number },
    color: Color,
  ): void {
    this.imageMasks.set(name, mask);
    const placement = [at.width, 0, 0, at.height, at.x, at.y].map(pdfNumber).join(' ');
    this.graphics(`q ${colorOperands(color)} rg ${placement} cm /${name} Do Q`);
  }

  /**
   * A run of text in one font: `shown` is what follows the positioning, either `<hex> Tj` or positioned glyphs (TJ
   * and Ts). `actualText`, when given, is what copying or extracting the run returns. Bold is drawn by stroking the
   * outlines as well as filling them, in the same colour: one font program per script serves both weights, which
   * halves the fonts a certificate carries. `letterSpacing` (points) goes after every glyph.
   */
  text(
    run: {
      font: string;
      size: number;
      color: Color;
      x: number;
      y: number;
      shown: string;
      bold?: boolean;
      letterSpacing?: number;
    },
    actualText?: string,
  ): void {
    const operators: string[] = [];
    const color = colorOperands(run.color);
    const wanted: TextState = {
      font: `/${run.font} ${pdfNumber(run.size)} Tf`,
      fill: color,
      renderingMode: run.bold ? 2 : 0,
      stroke: run.bold ? color : this.state.stroke,
      lineWidth: run.bold ? pdfNumber(run.size * EMBOLDEN_EM) : this.state.lineWidth,
      letterSpacing: pdfNumber(run.letterSpacing ?? 0),
    };
    if (wanted.font !== this.state.font) operators.push(wanted.font);
    if (wanted.fill !== this.state.fill) operators.push(`${wanted.fill} rg`);
    if (wanted.renderingMode !== this.state.renderingMode) operators.push(`${wanted.renderingMode} Tr`);
    if (wanted.stroke !== this.state.stroke) operators.push(`${wanted.stroke} RG`);
    if (wanted.lineWidth !== this.state.lineWidth) operators.push(`${wanted.lineWidth} w`);
    if (wanted.letterSpacing !== this.state.letterSpacing) operators.push(`${wanted.letterSpacing} Tc`);
    this.state = wanted;

    const x = Math.round(run.x * 10) / 10;
    const y = Math.round(run.y * 10) / 10;
    if (!this.origin) this.parts.push('BT');
    const from = this.origin ?? { x: 0, y: 0 };
    operators.push(`${place(x - from.x)} ${place(y - from.y)} Td ${run.shown}`);
    this.origin = { x, y };
    const shown = operators.join(' ');
    this.parts.push(
      actualText === undefined ? shown : `/Span <</ActualText ${utf16String(actualText)}>> BDC ${shown} EMC`,
    );
  }

  /** The operators as text; strings of glyph codes hold raw bytes, one per character (see `bytes`). */
  toString(): string {
    this.endText();
    return this.parts.join('\n');
  }

  /** The stream's bytes: every character of `toString` is one byte. */
  bytes(): Buffer {
    return Buffer.from(this.toString(), 'latin1');
  }

  private graphics(operators: string): void {
    this.endText();
    this.parts.push(operators);
  }

  private endText(): void {
    if (this.origin) this.parts.push('ET');
    this.origin = undefined;
  }
}

/**
 * Codes of one or two bytes (glyphs of a simple font or of an Identity-H font, or UTF-16 code units) as a PDF literal
 * string of raw bytes, each byte one character of the returned string (a content stream is written as Latin-1, see
 * `ContentStream.bytes`): half the bytes of a hex string, and they compress better. Only the backslash, the
 * parentheses and the carriage return (which a reader would turn into a line feed) are escaped.
 */
export function byteString(codes: Iterable<number>, bytesPerCode: 1 | 2 = 2): string {
  let text = '(';
  if (bytesPerCode === 1) for (const code of codes) text += ESCAPED[code]!;
  else for (const code of codes) text += ESCAPED[code >> 8]! + ESCAPED[code & 0xff]!;
  return `${text})`;
}

const ESCAPED = Array.from({ length: 256 }, (_, byte) =>
  byte === 0x5c || byte === 0x28 || byte === 0x29
    ? `\\${String.fromCharCode(byte)}`
    : byte === 0x0d
      ? '\\r'
      : String.fromCharCode(byte),
);

/** A PDF text string in UTF-16BE with its byte order mark. */
function utf16String(text: string): string {
  const units = [0xfeff];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  return byteString(units);
}
