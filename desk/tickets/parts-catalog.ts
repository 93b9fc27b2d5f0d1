import type { Db } from '../../lib/db';
import type { PartToReplace } from '../../workflows/ticket-state';
import { DeskError, type FieldError } from '../errors';

export interface RequestedPart {
  partNumber: string;
  warehouse?: string;
}

interface StockRow {
  part_number: string;
  warehouse_id: string | null;
  lead_minutes: number | null;
}

type Stocked = StockRow & { warehouse_id: string; lead_minutes: number };

/**
 * R3: the warehouse each part ships from and its lead time — the one named, or else the fastest. Every
 * unknown part and unstocked warehouse is refused in one 400, so the requester fixes them all at once.
 */
export async function resolvePartLeadTimes(db: Db, parts: RequestedPart[]): Promise<PartToReplace[]> {
  // A left join keeps a catalogued part that no warehouse stocks, so it is not reported as unknown.
  const rows: StockRow[] = await db('parts')
    .leftJoin('part_stock', 'part_stock.part_number', 'parts.part_number')
    .whereIn(
      'parts.part_number',
      parts.map((part) => part.partNumber),
    )
    .select('parts.part_number', 'part_stock.warehouse_id', 'part_stock.lead_minutes')
    .orderBy([{ column: 'part_stock.lead_minutes' }, { column: 'part_stock.warehouse_id' }]);

  const errors: FieldError[] = [];
  const resolved: PartToReplace[] = [];
  parts.forEach(({ partNumber, warehouse }, index) => {
    const field = `partReplacement.parts.${index}`;
    const known = rows.filter((row) => row.part_number === partNumber);
    const stocked = known.filter((row): row is Stocked => row.warehouse_id !== null);
    const chosen = warehouse ? stocked.find((row) => row.warehouse_id === warehouse) : stocked[0];
    if (chosen) {
      resolved.push({ partNumber, warehouse: chosen.warehouse_id, leadMinutes: chosen.lead_minutes });
    } else if (known.length === 0) {
      errors.push({ field: `${field}.partNumber`, message: 'unknown part number' });
    } else if (warehouse) {
      errors.push({ field: `${field}.warehouse`, message: notStockedAt(warehouse, stocked) });
    } else {
      errors.push({ field: `${field}.partNumber`, message: 'not stocked in any warehouse' });
    }
  });
  if (errors.length > 0) throw DeskError.refused(errors);
  return resolved;
}

function notStockedAt(warehouse: string, stocked: Stocked[]): string {
  const where = stocked.map((row) => row.warehouse_id).join(', ');
  return `${warehouse} does not stock this part` + (where ? `; stocked at ${where}` : '');
}

export interface CatalogPart {
  partNumber: string;
  description: string;
  /** Fastest first. */
  warehouses: { id: string; name: string; city: string; leadMinutes: number }[];
}

export async function listParts(db: Db): Promise<CatalogPart[]> {
  const rows = await db('parts')
    .leftJoin('part_stock', 'part_stock.part_number', 'parts.part_number')
    .leftJoin('warehouses', 'warehouses.id', 'part_stock.warehouse_id')
    .select('parts.part_number', 'parts.description', 'warehouses.id', 'warehouses.name', 'warehouses.city')
    .select('part_stock.lead_minutes')
    .orderBy([
      { column: 'parts.part_number' },
      { column: 'part_stock.lead_minutes' },
      { column: 'warehouses.id' },
    ]);
  const byNumber = new Map<string, CatalogPart>();
  for (const row of rows) {
    const part: CatalogPart = byNumber.get(row.part_number) ?? {
      partNumber: row.part_number,
      description: row.description,
      warehouses: [],
    };
    byNumber.set(row.part_number, part);
    if (row.id)
      part.warehouses.push({ id: row.id, name: row.name, city: row.city, leadMinutes: row.lead_minutes });
  }
  return [...byNumber.values()];
}
