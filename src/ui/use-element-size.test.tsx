import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useElementSize } from './use-element-size';

function Probe() {
  const [ref, size] = useElementSize<HTMLDivElement>();
  return (
    <div ref={ref} data-testid="probe">
      {size.width}×{size.height}
    </div>
  );
}

const setClientSize = (element: HTMLElement, width: number, height: number) => {
  Object.defineProperty(element, 'clientWidth', { configurable: true, value: width });
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: height });
};

afterEach(() => vi.unstubAllGlobals());

describe('useElementSize', () => {
  it('takes the size from the observer, not from a read while mounting', () => {
    let notify: () => void = () => undefined;
    const disconnect = vi.fn();
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          notify = callback;
        }
        observe() {}
        disconnect = disconnect;
      },
    );
    const { unmount } = render(<Probe />);
    const probe = screen.getByTestId('probe');
    expect(probe).toHaveTextContent('0×0');
    setClientSize(probe, 640, 480);
    act(() => notify());
    expect(probe).toHaveTextContent('640×480');
    unmount();
    expect(disconnect).toHaveBeenCalled();
  });

  it('reads the size once on mount where there is no ResizeObserver', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const spy = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(320);
    render(<Probe />);
    expect(screen.getByTestId('probe')).toHaveTextContent('320×0');
    spy.mockRestore();
  });
});
