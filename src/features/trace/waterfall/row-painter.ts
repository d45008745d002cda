/**
 * Draws the span rows on screen (names, indent guides, bars, labels, critical path, marks) on one
 * canvas per viewport. The DOM rows stay (treegrid roles, names, focus, clicks, hover and
 * selection backgrounds) but their cells skip rendering (`content-visibility: hidden`): per
 * scroll frame the browser then styles, lays out and paints ~50 empty boxes instead of ~400
 * elements with text (docs/benchmarks.md, "waterfall canvas"). Trace strings reach the canvas
 * only through fillText, which draws text, never markup.
 */
import { SpanFlag } from '../../../model/trace';
import { cssColors } from '../../../ui/css-color';
import { INDENT_STEP, ROW_HEIGHT, type BarGeometry } from './waterfall-model';

export interface PaintRow {
  /** px from the top of the viewport. */
  readonly y: number;
  readonly index: number;
  readonly service: string;
  readonly operation: string;
  readonly color: string;
  readonly flags: number;
  readonly parentOf: boolean;
  readonly collapsed: boolean;
  readonly indent: number;
  /** Depth shown as a number when the indent is capped, else -1. */
  readonly cappedDepth: number;
  /** Badge text at the name column's end: "⇆ +52.5ms" (clock skew) or "⚠ …" (odd times); "" for none. */
  readonly badge: string;
  readonly bar: BarGeometry;
  readonly label: string;
  /** Critical segments as fractions of the bar, [a0, b0, a1, b1, …]; empty when off. */
  readonly critical: Float64Array;
}

export interface PaintFrame {
  readonly width: number;
  readonly height: number;
  readonly nameColumnWidth: number;
  readonly rows: readonly PaintRow[];
}

/**
 * The part of a 2D context the painter uses (a CanvasRenderingContext2D is one); unit tests pass
 * a recording fake of it.
 */
export interface PaintContext extends Pick<
  CanvasRenderingContext2D,
  | 'canvas'
  | 'fillStyle'
  | 'strokeStyle'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'lineWidth'
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'rect'
  | 'fillRect'
  | 'strokeRect'
  | 'arc'
  | 'fillText'
  | 'strokeText'
  | 'setLineDash'
> {
  clip(): void;
  fill(): void;
  measureText(text: string): { readonly width: number };
}

interface Palette {
  readonly fg: string;
  readonly muted: string;
  readonly border: string;
  readonly error: string;
  readonly warning: string;
  readonly critical: string;
  readonly bg: string;
  readonly font: string;
}

let palette: { key: string; value: Palette } | null = null;

/** Theme colours resolved once per theme (canvas cannot read CSS variables). */
function paletteFor(canvas: HTMLCanvasElement): Palette {
  const dark =
    typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const key = `${document.documentElement.getAttribute('data-theme') ?? ''}|${dark}`;
  if (palette?.key === key) return palette.value;
  const value = {
    ...cssColors(canvas, {
      fg: '--fg',
      muted: '--muted',
      border: '--border',
      error: '--error',
      warning: '--warning',
      critical: '--critical',
      bg: '--bg',
    }),
    font: getComputedStyle(canvas).fontFamily || 'sans-serif',
  };
  palette = { key, value };
  return value;
}

/** Sizes the backing store for the device pixel ratio; returns the context or null (no canvas). */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * ratio));
  const h = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/**
 * Draws in passes by font: setting `ctx.font` parses a CSS font string, so it is set a handful of
 * times per frame, not several times per row; the name column is clipped once.
 */
export function paintRows(ctx: PaintContext, frame: PaintFrame): void {
  const colors = paletteFor(ctx.canvas);
  const { nameColumnWidth: nameWidth, width, rows } = frame;
  const normal = `13px ${colors.font}`;
  const small = `11px ${colors.font}`;
  const bold = `600 13px ${colors.font}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  // Where each row's service name starts (after indent, toggle, depth, error mark, swatch).
  const serviceX = new Float64Array(rows.length);

  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, nameWidth - 1, frame.height);
  ctx.clip();
  rows.forEach((row, r) => {
    const mid = row.y + ROW_HEIGHT / 2;
    ctx.fillStyle = colors.border;
    for (let x = 4 + 6; x < 4 + row.indent; x += INDENT_STEP) ctx.fillRect(x, row.y, 1, ROW_HEIGHT);
    let x = 4 + row.indent + 18;
    if (row.cappedDepth >= 0) x += String(row.cappedDepth).length * 7 + 4;
    if ((row.flags & SpanFlag.Error) !== 0) {
      ctx.fillStyle = colors.error;
      ctx.beginPath();
      ctx.arc(x + 7, mid, 7, 0, Math.PI * 2);
      ctx.fill();
      x += 18;
    }
    ctx.fillStyle = row.color;
    ctx.fillRect(x, mid - 8, 4, 16);
    serviceX[r] = x + 8;
  });
  ctx.font = bold;
  ctx.fillStyle = colors.fg;
  rows.forEach((row, r) => ctx.fillText(row.service, serviceX[r] ?? 0, row.y + ROW_HEIGHT / 2));
  rows.forEach((row, r) => {
    serviceX[r] = (serviceX[r] ?? 0) + textWidth(ctx, bold, row.service) + 4;
  });
  ctx.font = normal;
  ctx.fillStyle = colors.muted;
  rows.forEach((row, r) => {
    const mid = row.y + ROW_HEIGHT / 2;
    if (row.parentOf) ctx.fillText(row.collapsed ? '▸' : '▾', 4 + row.indent + 2, mid);
    ctx.fillText(row.operation, serviceX[r] ?? 0, mid);
  });
  ctx.font = small;
  rows.forEach((row) => {
    const mid = row.y + ROW_HEIGHT / 2;
    if (row.cappedDepth >= 0) {
      ctx.fillStyle = colors.muted;
      ctx.fillText(String(row.cappedDepth), 4 + row.indent + 18, mid);
    }
    if ((row.flags & SpanFlag.Error) !== 0) {
      ctx.fillStyle = colors.bg;
      ctx.fillText('!', errorMarkX(row) + 5, mid);
    }
    if (row.badge) paintBadge(ctx, colors, row.badge, nameWidth, mid);
  });
  ctx.restore();

  const timelineLeft = nameWidth + 8;
  const timelineWidth = Math.max(0, width - nameWidth - 16);
  ctx.fillStyle = colors.border;
  for (const row of rows) ctx.fillRect(nameWidth - 1, row.y, 1, ROW_HEIGHT);
  for (const row of rows) paintBar(ctx, colors, row, timelineLeft, timelineWidth);
  ctx.font = small;
  for (const row of rows) paintLabel(ctx, colors, row, timelineLeft, timelineWidth);
}

function errorMarkX(row: PaintRow): number {
  return 4 + row.indent + 18 + (row.cappedDepth >= 0 ? String(row.cappedDepth).length * 7 + 4 : 0);
}

/** The badge (skew shift, odd times) sits at the right end of the name column, over a long operation name. */
function paintBadge(
  ctx: PaintContext,
  colors: Palette,
  label: string,
  nameWidth: number,
  mid: number,
): void {
  const w = ctx.measureText(label).width + 8;
  const left = nameWidth - w - 6;
  ctx.fillStyle = colors.bg;
  ctx.fillRect(left, mid - 8, w, 16);
  ctx.strokeStyle = colors.warning;
  ctx.strokeRect(left + 0.5, mid - 7.5, w - 1, 15);
  ctx.fillStyle = colors.warning;
  ctx.fillText(label, left + 4, mid);
}

/** Where a row's bar sits on the canvas: at least 1 px wide, 6 px below the row's top. */
function barBox(row: PaintRow, left: number, width: number): { x: number; w: number; top: number } {
  return {
    x: left + row.bar.left * width,
    w: Math.max(1, row.bar.width * width),
    top: row.y + 6,
  };
}

function paintBar(
  ctx: PaintContext,
  colors: Palette,
  row: PaintRow,
  left: number,
  width: number,
): void {
  const { x, w, top } = barBox(row, left, width);
  ctx.fillStyle = (row.flags & SpanFlag.Error) !== 0 ? colors.error : row.color;
  ctx.fillRect(x, top, w, 12);
  if (row.critical.length > 0) {
    ctx.fillStyle = colors.critical;
    for (let k = 0; k + 1 < row.critical.length; k += 2) {
      const a = row.critical[k] ?? 0;
      const b = row.critical[k + 1] ?? 0;
      ctx.fillRect(x + a * w, top + 7, Math.max(1, (b - a) * w), 5);
    }
  }
  if ((row.flags & SpanFlag.OutlivesParent) !== 0) {
    ctx.strokeStyle = colors.warning;
    ctx.setLineDash([3, 2]);
    ctx.strokeRect(x - 1.5, top - 1.5, w + 3, 15);
    ctx.setLineDash([]);
  }
}

function paintLabel(
  ctx: PaintContext,
  colors: Palette,
  row: PaintRow,
  left: number,
  width: number,
): void {
  const { bar } = row;
  const { x, w, top } = barBox(row, left, width);
  if (bar.labelPlace === ' label-inside') {
    ctx.textAlign = 'right';
    // White on the service colour with a dark outline (a blur shadow costs far more per frame).
    ctx.strokeStyle = 'rgb(0 0 0 / 60%)';
    ctx.lineWidth = 2;
    ctx.strokeText(row.label, x + w - 4, top + 6);
    ctx.lineWidth = 1;
    ctx.fillStyle = '#ffffff';
    ctx.fillText(row.label, x + w - 4, top + 6);
  } else {
    ctx.fillStyle = colors.muted;
    ctx.textAlign = bar.labelPlace === ' label-left' ? 'right' : 'left';
    ctx.fillText(row.label, bar.labelPlace === ' label-left' ? x - 4 : x + w + 4, top + 6);
  }
  ctx.textAlign = 'left';
}

/** Service names repeat on every row: measure each once per font. */
const widths = new Map<string, number>();
function textWidth(ctx: PaintContext, font: string, text: string): number {
  // The font is passed in: reading ctx.font back serializes it on every call.
  const key = `${font}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    width = ctx.measureText(text).width;
    if (widths.size > 5000) widths.clear();
    widths.set(key, width);
  }
  return width;
}
