/** Hops are 0–5 or all; `Infinity` stands for all and is written "all" in the URL. */
export const HOP_CHOICES = [0, 1, 2, 3, 4, 5, Infinity] as const;

export const parseHops = (text: string | null, fallback: number): number => {
  if (text === 'all') return Infinity;
  const value = Number(text);
  return text !== null && Number.isInteger(value) && value >= 0 && value <= 5 ? value : fallback;
};

export const formatHops = (hops: number): string => (hops === Infinity ? 'all' : String(hops));

export function HopsSelect({
  label,
  value,
  onChange,
}: {
  readonly label: string;
  readonly value: number;
  readonly onChange: (hops: number) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select
        value={formatHops(value)}
        onChange={(event) => onChange(parseHops(event.target.value, 1))}
      >
        {HOP_CHOICES.map((hops) => (
          <option key={hops} value={formatHops(hops)}>
            {formatHops(hops)}
          </option>
        ))}
      </select>
    </label>
  );
}
