import { describe, expect, it } from 'vitest';
import { JsonLocator } from '../../../../main/core/transfer/json-locator';

describe('JsonLocator', () => {
  const text = [
    '{',
    '  "nodes": [',
    '    {"id": "a", "label": "“引号” \\" , ] }"},',
    '    {"id": "b",',
    '     "props": {"x\\u0079": [1, 2, {"deep": true}]}}',
    '  ],',
    '  "views": [{"positions": [',
    '    {"id": "a"}, {"id": "b",',
    '      "x": 1}]}]',
    '}',
  ].join('\r\n');
  const at = new JsonLocator(text);

  it('finds the line of a value by its path, through strings with brackets and escaped names', () => {
    expect(at.lineOf(['nodes', 0, 'label'])).toBe(3);
    expect(at.lineOf(['nodes', 1])).toBe(4);
    expect(at.lineOf(['nodes', 1, 'props', 'xy', 2, 'deep'])).toBe(5);
    expect(at.lineOf(['views', 0, 'positions', 1, 'x'])).toBe(9);
    // A member that is not there: the line of the closest one that is.
    expect(at.lineOf(['nodes', 1, 'kind'])).toBe(4);
    expect(at.lineOf(['edges', 3])).toBe(1);
    expect(at.syntaxError()).toBeNull();
  });

  it('names the line and column of the first syntax error', () => {
    const err = (t: string) => new JsonLocator(t).syntaxError();
    expect(err('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({
      line: 3,
      column: 3,
      reason: 'expected “,” or “}”, found “"”',
    });
    expect(err('{"a": "tab\there"}')).toMatchObject({ line: 1, column: 11 });
    expect(err('{"a": "\\x"}')).toMatchObject({ line: 1, column: 9 });
    expect(err('[1, 2,]')).toMatchObject({ line: 1, column: 7, reason: 'expected a value, found “]”' });
    expect(err('{"a": 1} x')).toMatchObject({ column: 10 });
    expect(err('{"a": "open')).toMatchObject({
      reason: 'expected the closing “"”, found the end of the text',
    });
  });
});
