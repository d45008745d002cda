/** Whether a span has an attribute a `key=value` term asks for, as read from its bytes. */
export const KV_NONE = 0;
export const KV_FOUND = 1;
/** Not read exactly: the span must be decoded to tell. */
export const KV_UNSURE = 2;
export type KvVerdict = typeof KV_NONE | typeof KV_FOUND | typeof KV_UNSURE;
