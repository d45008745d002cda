import { IN_MEMBER_NAME, IN_SHOWN_TEXT, UNKNOWN_PLACE, hitPlace } from './hit-context';

/** The place of the first occurrence of `needle` in `json` (case as written: the caller searched case-insensitively). */
function placeOf(json: string, needle: string, occurrence = 0): number {
  const bytes = new TextEncoder().encode(json);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = json.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`no ${needle} in ${json}`);
  return hitPlace(bytes, at, at + needle.length);
}

describe('hitPlace', () => {
  const attr = '{"key":"http.method","value":{"stringValue":"GET orders"}}';

  it('attribute keys and string values are shown text', () => {
    expect(placeOf(attr, 'method')).toBe(IN_SHOWN_TEXT);
    expect(placeOf(attr, 'orders')).toBe(IN_SHOWN_TEXT);
    expect(placeOf(' { "key" : "a b c" , "x":1}', 'b')).toBe(IN_SHOWN_TEXT);
  });

  it('member names are structure', () => {
    expect(placeOf(attr, 'value')).toBe(IN_MEMBER_NAME);
    expect(placeOf(attr, 'string')).toBe(IN_MEMBER_NAME);
    expect(placeOf('{"a":1, "key" :2}', 'ey')).toBe(IN_MEMBER_NAME);
  });

  it('strings of kvlists and arrays, at any depth, are shown', () => {
    const nested =
      '{"key":"k","value":{"kvlistValue":{"values":[{"key":"inner","value":' +
      '{"arrayValue":{"values":[{"stringValue":"deep text"}]}}}]}}}';
    expect(placeOf(nested, 'inner')).toBe(IN_SHOWN_TEXT);
    expect(placeOf(nested, 'deep')).toBe(IN_SHOWN_TEXT);
    expect(placeOf(nested, 'values')).toBe(IN_MEMBER_NAME);
  });

  it('what the detail shows differently, or only decoding can tell, is unknown', () => {
    expect(placeOf('{"boolValue":true}', 'true')).toBe(UNKNOWN_PLACE);
    expect(placeOf('{"doubleValue":"NaN"}', 'NaN')).toBe(UNKNOWN_PLACE);
    expect(placeOf('{"kind":"SPAN_KIND_SERVER"}', 'SERVER')).toBe(UNKNOWN_PLACE);
    expect(placeOf('{"name":"GET orders"}', 'orders')).toBe(UNKNOWN_PLACE);
    expect(placeOf('{"bytesValue":"aGVsbG8="}', 'GVsbG')).toBe(UNKNOWN_PLACE);
    // An escape right before: `\n` then "ews" reads as a newline and "ews".
    expect(placeOf('{"stringValue":"a\\news"}', 'news')).toBe(UNKNOWN_PLACE);
    // A string value in an array, not a member's: hostile, not OTLP.
    expect(placeOf('{"values":["text"]}', 'text')).toBe(UNKNOWN_PLACE);
  });

  it('escaped quotes are inside the string, and cannot fake a member', () => {
    expect(placeOf('{"stringValue":"say \\"hi\\" there"}', 'there')).toBe(IN_SHOWN_TEXT);
    expect(placeOf('{"stringValue":"say \\"hi\\" there"}', 'hi')).toBe(IN_SHOWN_TEXT);
    // The text looks like a member inside a string: `\"stringValue\":` is not one.
    expect(placeOf('{"x":"\\"key\\":\\"word\\"","y":1}', 'word')).toBe(UNKNOWN_PLACE);
    // A literal followed by a member whose name starts with a colon.
    expect(placeOf('{"boolValue":true,":x":1}', 'true')).toBe(UNKNOWN_PLACE);
    // A backslash escaped itself: `\\` then "news" reads as "\" and "news", still unsure.
    expect(placeOf('{"key":"a\\\\news"}', 'news')).toBe(UNKNOWN_PLACE);
  });
});
