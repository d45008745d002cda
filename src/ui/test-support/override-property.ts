/**
 * jsdom lays nothing out, so tests give elements a size by defining getters on a prototype. The
 * restore puts back exactly what was there, including nothing: `clientHeight` lives on
 * `Element.prototype`, so an own property left on `HTMLElement.prototype` would shadow it for
 * every later test file sharing the worker's jsdom (the unit run does not isolate files).
 */
export function overrideProperty(
  target: object,
  name: string,
  descriptor: PropertyDescriptor,
): () => void {
  const saved = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { configurable: true, ...descriptor });
  return () => {
    if (saved) Object.defineProperty(target, name, saved);
    else Reflect.deleteProperty(target, name);
  };
}
