import { buildOne } from '../../../model/test-support/build-spans';
import { SpanFlag } from '../../../model/trace';
import { resetServiceColors, serviceColor } from '../../../ui/service-colors';
import { paintRows, type PaintContext, type PaintRow } from './row-painter';
import { barGeometry, createWaterfallModel, indentWidth, ROW_HEIGHT } from './waterfall-model';

type Style = PaintContext['fillStyle'];
interface Call {
  readonly op: string;
  readonly args: readonly (number | string)[];
  /** The fill colour in effect when the call was made. */
  readonly fill: Style;
}

/** A 2D context that draws nothing and records what would have been drawn, in order. */
class RecordingContext implements PaintContext {
  readonly calls: Call[] = [];
  fillStyle: Style = '#000000';
  strokeStyle: Style = '#000000';
  font = '10px sans-serif';
  textAlign: CanvasTextAlign = 'start';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  lineWidth = 1;
  constructor(readonly canvas: HTMLCanvasElement) {}
  private record(op: string, ...args: (number | string)[]): void {
    this.calls.push({ op, args, fill: this.fillStyle });
  }
  save = () => this.record('save');
  restore = () => this.record('restore');
  beginPath = () => this.record('beginPath');
  clip = () => this.record('clip');
  fill = () => this.record('fill');
  rect = (x: number, y: number, w: number, h: number) => this.record('rect', x, y, w, h);
  fillRect = (x: number, y: number, w: number, h: number) => this.record('fillRect', x, y, w, h);
  strokeRect = (x: number, y: number, w: number, h: number) =>
    this.record('strokeRect', x, y, w, h);
  arc = (x: number, y: number, r: number) => this.record('arc', x, y, r);
  fillText = (text: string, x: number, y: number) => this.record('fillText', text, x, y);
  strokeText = (text: string, x: number, y: number) => this.record('strokeText', text, x, y);
  setLineDash = () => this.record('setLineDash');
  /** 7 px per character: enough to place text after text. */
  measureText = (text: string) => ({ width: text.length * 7 });

  of(op: string): Call[] {
    return this.calls.filter((call) => call.op === op);
  }
}

// A 1 ms trace: the root, a child from 250 µs lasting 500 µs, and an error span from 600 µs.
const built = buildOne([
  { id: 'root', start: 1_000_000, duration: 1000, service: 'frontend', operation: 'GET /' },
  {
    id: 'db',
    parent: 'root',
    start: 1_000_250,
    duration: 500,
    service: 'mysql',
    operation: 'SELECT',
  },
  {
    id: 'pay',
    parent: 'root',
    start: 1_000_600,
    duration: 200,
    service: 'payment',
    operation: 'Charge <b>',
    flags: SpanFlag.Error,
  },
]);
const NAME_WIDTH = 300;
const WIDTH = 1016; // timeline: 1016 - 300 - 16 = 700 px wide, from x = 308
const TIMELINE_LEFT = NAME_WIDTH + 8;
const TIMELINE_WIDTH = WIDTH - NAME_WIDTH - 16;

function frameFor(viewStart: number, viewEnd: number) {
  resetServiceColors();
  const model = createWaterfallModel(built.trace, 'w');
  const { columns } = model;
  const rows: PaintRow[] = [];
  for (let i = 0; i < columns.spanCount; i++) {
    const service = model.services[columns.service[i] ?? 0] ?? '';
    rows.push({
      y: i * ROW_HEIGHT,
      index: i,
      service,
      operation: model.operations[columns.operation[i] ?? 0] ?? '',
      color: model.serviceColors[columns.service[i] ?? 0] ?? '',
      flags: columns.flags[i] ?? 0,
      parentOf: (columns.subtreeEnd[i] ?? 0) > i + 1,
      collapsed: false,
      indent: indentWidth(columns.depth[i] ?? 0, NAME_WIDTH).width,
      cappedDepth: -1,
      badge: '',
      bar: barGeometry(
        columns.start[i] ?? 0,
        columns.duration[i] ?? 0,
        viewStart,
        viewEnd,
        model.duration,
      ),
      label: `label ${i}`,
      critical: new Float64Array(0),
    });
  }
  return { model, rows };
}

function paint(viewStart = 0, viewEnd = 1) {
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const ctx = new RecordingContext(canvas);
  const { model, rows } = frameFor(viewStart, viewEnd);
  paintRows(ctx, {
    width: WIDTH,
    height: rows.length * ROW_HEIGHT,
    nameColumnWidth: NAME_WIDTH,
    rows,
  });
  canvas.remove();
  const bars = ctx.of('fillRect').filter((call) => call.args[3] === 12);
  return { ctx, model, rows, bars };
}

describe('paintRows', () => {
  it('places each bar from the span start and duration over the whole trace', () => {
    const { bars, rows } = paint();
    expect(bars).toHaveLength(3);
    const [root, db, pay] = bars.map((call) => call.args);
    expect(root).toEqual([TIMELINE_LEFT, (rows[0]?.y ?? -1) + 6, TIMELINE_WIDTH, 12]);
    expect(db?.[0]).toBeCloseTo(TIMELINE_LEFT + 0.25 * TIMELINE_WIDTH);
    expect(db?.[1]).toBe(ROW_HEIGHT + 6);
    expect(db?.[2]).toBeCloseTo(0.5 * TIMELINE_WIDTH);
    expect(pay?.[0]).toBeCloseTo(TIMELINE_LEFT + 0.6 * TIMELINE_WIDTH);
    expect(pay?.[2]).toBeCloseTo(0.2 * TIMELINE_WIDTH);
  });

  it('follows the view window: zoomed on [0.5, 1], bars move, clip and keep 1 px', () => {
    const { bars } = paint(0.5, 1);
    const [root, db, pay] = bars.map((call) => call.args);
    // The root starts before the window: clipped to its left edge, filling it.
    expect(root?.[0]).toBeCloseTo(TIMELINE_LEFT);
    expect(root?.[2]).toBeCloseTo(TIMELINE_WIDTH);
    // db spans 250–750 µs: its visible part is 500–750, half of the window.
    expect(db?.[0]).toBeCloseTo(TIMELINE_LEFT);
    expect(db?.[2]).toBeCloseTo(0.5 * TIMELINE_WIDTH);
    // pay spans 600–800 µs: from 0.2 of the window, 0.4 of it wide.
    expect(pay?.[0]).toBeCloseTo(TIMELINE_LEFT + 0.2 * TIMELINE_WIDTH);
    expect(pay?.[2]).toBeCloseTo(0.4 * TIMELINE_WIDTH);
    // Zoomed past a span, its bar is still drawn 1 px wide at the window's edge.
    const outside = paint(0.9, 1).bars[1]?.args ?? [];
    expect(outside[0]).toBeCloseTo(TIMELINE_LEFT);
    expect(outside[2]).toBe(1);
  });

  it("draws bars and swatches in the service's colour, error spans in the error colour", () => {
    const { ctx, bars, rows } = paint();
    expect(bars[0]?.fill).toBe(serviceColor('frontend'));
    expect(bars[1]?.fill).toBe(serviceColor('mysql'));
    expect(serviceColor('frontend')).not.toBe(serviceColor('mysql'));
    const swatches = ctx.of('fillRect').filter((call) => call.args[2] === 4 && call.args[3] === 16);
    expect(swatches.map((call) => call.fill)).toEqual(rows.map((row) => row.color));
    // The error mark is a circle in the error colour, and the error span's bar takes that colour.
    const marks = ctx.of('fill');
    expect(marks).toHaveLength(1);
    expect(bars[2]?.fill).toBe(marks[0]?.fill);
    expect(bars[2]?.fill).not.toBe(serviceColor('payment'));
    const [circle] = ctx.of('arc');
    expect(circle?.args[1]).toBe(2 * ROW_HEIGHT + ROW_HEIGHT / 2);
    expect(ctx.of('fillText').filter((call) => call.args[0] === '!')).toHaveLength(1);
  });

  it('writes service, operation and label as text, markup included verbatim', () => {
    const { ctx } = paint();
    const texts = ctx.of('fillText').map((call) => call.args[0]);
    for (const text of ['frontend', 'GET /', 'mysql', 'SELECT', 'payment', 'Charge <b>'])
      expect(texts).toContain(text);
    expect(texts).toEqual(expect.arrayContaining(['label 0', 'label 1', 'label 2']));
    // The root has children: its toggle is drawn; leaves have none.
    expect(texts.filter((text) => text === '▾')).toHaveLength(1);
    // The operation follows the service name on the same row.
    const at = (text: string) =>
      ctx.of('fillText').find((call) => call.args[0] === text)?.args ?? [];
    expect(at('SELECT')[1]).toBeGreaterThan(Number(at('mysql')[1]));
    expect(at('SELECT')[2]).toBe(at('mysql')[2]);
  });
});
