/**
 * One colour per service NAME, the same on every page: search rows, the scatter plot, the
 * waterfall and the graphs must agree.
 *
 * A name's preferred colour is a hash of it; but 20 colours and a hash collide often (6 HotROD
 * services: more likely than not), and two services in one colour defeat the purpose. So the first
 * name to ask gets its preferred colour and a later name whose slot is taken gets the next free one
 * (until all 20 are taken; after that colours repeat). Assignments are remembered in
 * localStorage, so a service keeps its colour across pages and reloads.
 *
 * The palette is 20 mid-tone hues picked to keep at least 3:1 contrast against both a white and
 * a near-black background (WCAG 1.4.11 for graphical objects), so it works in light and dark themes.
 */
import { preferenceStorage } from './safe-storage';
import { fnv1a } from '../model/fnv-hash';

export const SERVICE_PALETTE: readonly string[] = [
  '#1f77b4',
  '#d9480f',
  '#2b8a3e',
  '#c2255c',
  '#7048e8',
  '#8c564b',
  '#0b7285',
  '#9c6d00',
  '#5c7cfa',
  '#e8590c',
  '#37b24d',
  '#ae3ec9',
  '#1098ad',
  '#f03e3e',
  '#74b816',
  '#4263eb',
  '#b8860b',
  '#d6336c',
  '#0ca678',
  '#845ef7',
];

const STORAGE_KEY = 'cairn.serviceColors';
/** Past this many remembered names the table starts afresh (colours repeat anyway by then). */
const MAX_REMEMBERED = 1000;

let assigned: Map<string, number> | undefined;

function loadAssignments(): Map<string, number> {
  try {
    const stored: unknown = JSON.parse(preferenceStorage.getItem(STORAGE_KEY) ?? '{}');
    if (stored && typeof stored === 'object') {
      const entries = Object.entries(stored).filter(
        (entry): entry is [string, number] =>
          Number.isInteger(entry[1]) && entry[1] >= 0 && entry[1] < SERVICE_PALETTE.length,
      );
      if (entries.length <= MAX_REMEMBERED) return new Map(entries);
    }
  } catch {
    // Unreadable or disabled storage: assign afresh for this page.
  }
  return new Map();
}

let savePending = false;

/**
 * Writes the table once at the end of the current task: a trace page colours all its services
 * in one render, and a storage write per new name made that render measurably longer.
 */
function scheduleSave(): void {
  if (savePending) return;
  savePending = true;
  queueMicrotask(flushSave);
}

function flushSave(): void {
  if (!savePending) return;
  savePending = false;
  if (assigned) saveAssignments(assigned);
}

function saveAssignments(table: Map<string, number>): void {
  try {
    preferenceStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(table)));
  } catch {
    // Storage full or disabled: colours stay consistent within this page.
  }
}

function slotFor(name: string, table: Map<string, number>): number {
  const preferred = fnv1a(name) % SERVICE_PALETTE.length;
  if (table.size >= SERVICE_PALETTE.length) return preferred;
  const taken = new Set(table.values());
  for (let step = 0; step < SERVICE_PALETTE.length; step += 1) {
    const slot = (preferred + step) % SERVICE_PALETTE.length;
    if (!taken.has(slot)) return slot;
  }
  return preferred;
}

export function serviceColor(name: string): string {
  assigned ??= loadAssignments();
  let slot = assigned.get(name);
  if (slot === undefined) {
    if (assigned.size >= MAX_REMEMBERED) assigned.clear();
    slot = slotFor(name, assigned);
    assigned.set(name, slot);
    scheduleSave();
  }
  // The palette is non-empty and slots are in range; the fallback only satisfies the type.
  return SERVICE_PALETTE[slot] ?? '#1f77b4';
}

/** Tests only: forget assignments (in memory, after the pending write; storage is the test's to clear). */
export function resetServiceColors(): void {
  flushSave();
  assigned = undefined;
}
