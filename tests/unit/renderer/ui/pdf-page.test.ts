import { describe, expect, it } from 'vitest';
import { pdfPageFor, svgSize } from '../../../../renderer/src/ui/export/pdf-page';

// A4's printable area at 96 dpi with 10 mm margins is 718 × 1047 px in portrait (A3: √2 times that).
describe('pdfPageFor', () => {
  it('wider than tall prints landscape, taller prints portrait', () => {
    expect(pdfPageFor(900, 600)).toEqual({ pageSize: 'A4', landscape: true });
    expect(pdfPageFor(600, 900)).toEqual({ pageSize: 'A4', landscape: false });
  });
  it('A4 while the drawing keeps at least 0.6 of its size there, else A3', () => {
    // Landscape A4 is 1047 wide: 1047 / 0.6 = 1745 px is the widest drawing it takes.
    expect(pdfPageFor(1745, 700).pageSize).toBe('A4');
    expect(pdfPageFor(1746, 700).pageSize).toBe('A3');
    // Portrait: 718 wide and 1047 high; a drawing 400 × 1745 just fits at 0.6.
    expect(pdfPageFor(400, 1745)).toEqual({ pageSize: 'A4', landscape: false });
    expect(pdfPageFor(400, 1746)).toEqual({ pageSize: 'A3', landscape: false });
    // The 客户与市场能力 level of the sample (1462 × 1531): 718 / 1462 = 0.49 on A4, so A3.
    expect(pdfPageFor(1462, 1531)).toEqual({ pageSize: 'A3', landscape: false });
    expect(pdfPageFor(1000, 1800)).toEqual({ pageSize: 'A3', landscape: false });
  });
  it('an empty drawing still gets a page', () => {
    expect(pdfPageFor(0, 0)).toEqual({ pageSize: 'A4', landscape: false });
  });
});

describe('svgSize', () => {
  it('reads the outer element’s width and height, after an XML declaration too', () => {
    expect(
      svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="1462" height="1531.5"><svg width="3"/></svg>'),
    ).toEqual({
      width: 1462,
      height: 1531.5,
    });
    expect(svgSize('<?xml version="1.0"?>\n<svg height="20" width="10"></svg>')).toEqual({
      width: 10,
      height: 20,
    });
    expect(svgSize('<p>not svg</p>')).toEqual({ width: 0, height: 0 });
  });
});
