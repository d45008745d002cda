import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Combobox, MAX_RENDERED, type ComboboxOption } from './combobox';

function Harness({
  options,
  onChange,
}: {
  options: readonly ComboboxOption[];
  onChange?: (value: string) => void;
}) {
  const [value, setValue] = useState('');
  return (
    <Combobox
      label="Service"
      value={value}
      options={options}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
    />
  );
}

const many = Array.from({ length: 5000 }, (_, i) => ({
  value: `service-${i}`,
  label: `service-${i}`,
}));

describe('Combobox', () => {
  it('renders a bounded number of options for long lists and narrows as you type', async () => {
    const user = userEvent.setup();
    render(<Harness options={many} />);
    const input = screen.getByRole('combobox', { name: 'Service' });
    await user.click(input);
    expect(screen.getAllByRole('option')).toHaveLength(MAX_RENDERED);
    expect(screen.getByText(/4800 more/)).toBeInTheDocument();
    await user.type(input, '4999');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['service-4999']);
  });

  it('picks with the keyboard and exposes the active option', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness options={many.slice(0, 3)} onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Service' });
    await user.click(input);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toMatch(/-2$/);
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenCalledWith('service-2');
    expect(input).toHaveValue('service-2');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('Escape closes without changing the value', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness options={many.slice(0, 3)} onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Service' });
    await user.click(input);
    await user.type(input, 'service-1');
    await user.keyboard('{Escape}');
    expect(onChange).not.toHaveBeenCalled();
    expect(input).toHaveValue('');
  });
});
