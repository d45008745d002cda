import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { FindBox, type FindBoxProps } from './find-box';

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

function Harness(props: Partial<FindBoxProps> & { find: FindBoxProps['find'] }) {
  const [only, setOnly] = useState(false);
  return (
    <>
      <FindBox
        showOnlyMatches={only}
        onShowOnlyMatchesChange={setOnly}
        debounceMs={50}
        {...props}
      />
      <Location />
    </>
  );
}

function setup(find: FindBoxProps['find'], url = '/trace/abc', extra: Partial<FindBoxProps> = {}) {
  const onCurrentMatch = vi.fn();
  const onMatchesChange = vi.fn();
  render(
    <MemoryRouter initialEntries={[url]}>
      <Harness
        find={find}
        onCurrentMatch={onCurrentMatch}
        onMatchesChange={onMatchesChange}
        {...extra}
      />
    </MemoryRouter>,
  );
  return {
    onCurrentMatch,
    onMatchesChange,
    input: screen.getByRole('searchbox', { name: 'Find spans' }),
  };
}

describe('FindBox', () => {
  it('debounces, shows "n of m", steps with Enter/Shift+Enter and buttons, and writes uiFind', async () => {
    const user = userEvent.setup();
    const find = vi.fn(async () => Int32Array.of(3, 7, 9));
    const { onCurrentMatch, input } = setup(find);
    // One change event: keystroke timing under a loaded test runner must not split the debounce.
    fireEvent.change(input, { target: { value: 'redis' } });
    expect(await screen.findByText('1 of 3')).toBeInTheDocument();
    expect(find).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenCalledWith('redis');
    expect(onCurrentMatch).toHaveBeenLastCalledWith(3, 'results');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('?uiFind=redis'));
    await user.click(input);
    await user.keyboard('{Enter}');
    expect(screen.getByText('2 of 3')).toBeInTheDocument();
    expect(onCurrentMatch).toHaveBeenLastCalledWith(7, 'navigate');
    await user.keyboard('{Shift>}{Enter}{Enter}{/Shift}');
    expect(screen.getByText('3 of 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByText('1 of 3')).toBeInTheDocument();
  });

  it('starts from the uiFind in the URL (deep link to a span)', async () => {
    const find = vi.fn(async () => Int32Array.of(42));
    const { onCurrentMatch, input } = setup(find, '/trace/abc?uiFind=00000000000000d4');
    expect(input).toHaveValue('00000000000000d4');
    expect(await screen.findByText('1 of 1')).toBeInTheDocument();
    expect(onCurrentMatch).toHaveBeenCalledWith(42, 'results');
    expect(screen.getByTestId('location')).toHaveTextContent('?uiFind=00000000000000d4');
  });

  it('applies only the latest answer when replies arrive out of order', async () => {
    const resolvers: ((value: Int32Array) => void)[] = [];
    const find = vi.fn(
      (query: string) =>
        new Promise<Int32Array>((resolve) =>
          resolvers.push((v) => resolve(query === 'ab' ? v : v)),
        ),
    );
    const { input, onMatchesChange } = setup(find);
    fireEvent.change(input, { target: { value: 'a' } });
    await act(() => new Promise((r) => setTimeout(r, 80)));
    fireEvent.change(input, { target: { value: 'ab' } });
    await act(() => new Promise((r) => setTimeout(r, 80)));
    expect(find.mock.calls.map((c) => c[0])).toEqual(['a', 'ab']);
    await act(async () => resolvers[1]?.(Int32Array.of(1)));
    await act(async () => resolvers[0]?.(Int32Array.of(1, 2, 3, 4)));
    expect(screen.getByText('1 of 1')).toBeInTheDocument();
    expect(onMatchesChange).toHaveBeenLastCalledWith(Int32Array.of(1), 'ab');
  });

  it('clears with Escape, reports no matches, toggles show-only-matches, focuses on "/"', async () => {
    const user = userEvent.setup();
    const { input, onMatchesChange } = setup(async () => new Int32Array(0));
    await user.type(input, 'nothing');
    expect(await screen.findByText('No matches')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('');
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(onMatchesChange).toHaveBeenLastCalledWith(new Int32Array(0), '');
    await waitFor(() => expect(screen.getByTestId('location')).toBeEmptyDOMElement());
    const toggle = screen.getByRole('checkbox', { name: 'Show only matches' });
    await user.click(toggle);
    expect(toggle).toBeChecked();
    input.blur();
    await user.keyboard('/');
    expect(input).toHaveFocus();
  });
});
