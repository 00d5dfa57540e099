import jpeg from 'jpeg-js';

/** An RGBA image, as pngjs and jpeg-js hold them. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * A phone's photo of a printed page, made from a clean rendering: turned by `degrees` (bilinear, on a white
 * background), softened by a box blur of `radius` pixels, and saved as JPEG at `quality`.
 */
export function degradedPhoto(page: Rgba, options: { degrees: number; blurRadius: number; quality: number }): Buffer {
  const rotated = rotate(page, options.degrees);
  const blurred = boxBlur(rotated, options.blurRadius);
  return jpeg.encode({ width: blurred.width, height: blurred.height, data: Buffer.from(blurred.data) }, options.quality)
    .data;
}

function rotate(image: Rgba, degrees: number): Rgba {
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const { width, height, data } = image;
  const out = new Uint8Array(width * height * 4).fill(255);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The source pixel that lands here, by the inverse rotation.
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < 3; c++) {
        const at = (xx: number, yy: number) => data[(yy * width + xx) * 4 + c]!;
        const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
        const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
        out[(y * width + x) * 4 + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { width, height, data: out };
}

function boxBlur(image: Rgba, radius: number): Rgba {
  if (radius <= 0) return image;
  const { width, height } = image;
  const pass = (source: Uint8Array, horizontal: boolean): Uint8Array => {
    const out = new Uint8Array(source.length).fill(255);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          let count = 0;
          for (let d = -radius; d <= radius; d++) {
            const xx = horizontal ? x + d : x;
            const yy = horizontal ? y : y + d;
            if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
            sum += source[(yy * width + xx) * 4 + c]!;
            count++;
          }
          out[(y * width + x) * 4 + c] = Math.round(sum / count);
        }
      }
    }
    return out;
  };
  return { width, height, data: pass(pass(image.data, true), false) };
}
