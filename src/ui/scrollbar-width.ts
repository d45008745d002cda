let measured: number | undefined;

/**
 * How much a vertical scrollbar takes from an element's client width here: ~15 px with classic
 * scrollbars, 0 with overlay ones. Measured once, on a probe outside the page's layout.
 */
export function scrollbarWidth(): number {
  if (measured !== undefined) return measured;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;top:-200px;width:100px;height:100px;overflow-y:scroll';
  document.body.append(probe);
  measured = probe.offsetWidth - probe.clientWidth;
  probe.remove();
  return measured;
}
