/** A fill or stroke colour, each component 0–1. */
export type Color = readonly [red: number, green: number, blue: number];

/** A number as a content stream writes it: two decimals (1/7200 inch), no trailing zeros, never "-0". */
export function pdfNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? '0' : String(rounded);
}

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

/**
 * One page's content stream, written as text: the page is a few hundred operators, and building them as strings
 * (rather than as one object per operator and operand) keeps a document's drawing under a millisecond. Image masks
 * drawn are kept by name, for the page's resources.
 */
export class ContentStream {
  readonly imageMasks = new Map<string, ImageMask>();
  private readonly parts: string[] = [];

  /** Appends operators written by the caller. */
  push(operators: string): void {
    this.parts.push(operators);
  }

  rectangle(
    at: { x: number; y: number; width: number; height: number },
    paint: { fill?: Color; stroke?: Color; lineWidth?: number },
  ): void {
    const path = [at.x, at.y, at.width, at.height].map(pdfNumber).join(' ');
    const operators = ['q'];
    if (paint.fill) operators.push(`${colorOperands(paint.fill)} rg`);
    if (paint.stroke) operators.push(`${colorOperands(paint.stroke)} RG ${pdfNumber(paint.lineWidth ?? 1)} w`);
    operators.push(`${path} re ${paint.fill && paint.stroke ? 'B' : paint.fill ? 'f' : 'S'} Q`);
    this.parts.push(operators.join(' '));
  }

  line(from: { x: number; y: number }, to: { x: number; y: number }, stroke: { color: Color; width: number }): void {
    this.parts.push(
      `q ${colorOperands(stroke.color)} RG ${pdfNumber(stroke.width)} w ${pdfNumber(from.x)} ${pdfNumber(from.y)} m ${pdfNumber(to.x)} ${pdfNumber(to.y)} l S Q`,
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
    this.parts.push(`q ${colorOperands(color)} rg ${placement} cm /${name} Do Q`);
  }

  /**
   * A run of text in one font: `shown` is what goes between the font selection and ET, either `<hex> Tj` or
   * positioned glyphs (TJ and Ts). `actualText`, when given, is what copying or extracting the run returns. Bold is
   * drawn by stroking the outlines as well as filling them, in the same colour: one font program per script serves
   * both weights, which halves the fonts a certificate carries. `letterSpacing` (points) goes after every glyph.
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
    const color = colorOperands(run.color);
    const spacing = run.letterSpacing ? `${pdfNumber(run.letterSpacing)} Tc ` : '';
    const weight = run.bold ? `2 Tr ${color} RG ${pdfNumber(run.size * EMBOLDEN_EM)} w ${spacing}` : spacing;
    const body = `BT /${run.font} ${pdfNumber(run.size)} Tf ${weight}${color} rg ${pdfNumber(run.x)} ${pdfNumber(run.y)} Td ${run.shown} ET`;
    const marked = actualText === undefined ? body : `/Span <</ActualText ${utf16Hex(actualText)}>> BDC ${body} EMC`;
    this.parts.push(weight ? `q ${marked} Q` : marked);
  }

  toString(): string {
    return this.parts.join('\n');
  }
}

/** A PDF text string in UTF-16BE with its byte order mark, as a hex string. */
function utf16Hex(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `${hex}>`;
}
