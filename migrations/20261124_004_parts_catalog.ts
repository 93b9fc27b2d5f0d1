import type { Knex } from 'knex';

const warehouses = [
  { id: 'shenzhen', name: 'Shenzhen regional hub', city: 'Shenzhen' },
  { id: 'singapore', name: 'Singapore distribution centre', city: 'Singapore' },
  { id: 'bogota', name: 'Bogotá field depot', city: 'Bogotá' },
];

const parts = [
  { part_number: 'PWR-C1-715WAC', description: 'Switch power supply, 715 W AC' },
  { part_number: 'MZ7L3960HCJR', description: 'SSD 960 GB SATA, enterprise' },
  { part_number: 'APCRBC133', description: 'UPS replacement battery cartridge #133' },
  { part_number: 'SFP-10G-SR', description: 'SFP+ transceiver 10GBASE-SR, multimode' },
  { part_number: 'P00924-B21', description: 'Server memory 32 GB DDR4 RDIMM' },
  { part_number: 'C9K-T1-FANTRAY', description: 'Switch fan tray' },
];

// Business minutes from order to delivery at the site; a part a warehouse does not carry has no row.
const stock: [partNumber: string, warehouseId: string, leadMinutes: number][] = [
  ['PWR-C1-715WAC', 'shenzhen', 4320],
  ['PWR-C1-715WAC', 'singapore', 1440],
  ['PWR-C1-715WAC', 'bogota', 2400],
  ['MZ7L3960HCJR', 'shenzhen', 2880],
  ['MZ7L3960HCJR', 'singapore', 1920],
  ['APCRBC133', 'singapore', 2880],
  ['APCRBC133', 'bogota', 240],
  ['SFP-10G-SR', 'shenzhen', 1440],
  ['SFP-10G-SR', 'singapore', 960],
  ['SFP-10G-SR', 'bogota', 480],
  ['P00924-B21', 'shenzhen', 3600],
  ['P00924-B21', 'singapore', 2160],
  ['C9K-T1-FANTRAY', 'shenzhen', 5760],
];

/** R3: the parts catalog, which warehouses stock each part, and how long each takes to ship it. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('warehouses', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.text('city').notNullable();
  });

  await knex.schema.createTable('parts', (t) => {
    t.text('part_number').primary();
    t.text('description').notNullable();
  });

  await knex.schema.createTable('part_stock', (t) => {
    t.text('part_number').notNullable().references('parts.part_number');
    t.text('warehouse_id').notNullable().references('warehouses.id');
    t.integer('lead_minutes').notNullable();
    t.primary(['part_number', 'warehouse_id']);
    t.check('lead_minutes > 0', [], 'part_stock_lead_minutes_positive');
  });

  await knex('warehouses').insert(warehouses).onConflict('id').ignore();
  await knex('parts').insert(parts).onConflict('part_number').ignore();
  await knex('part_stock')
    .insert(
      stock.map(([part_number, warehouse_id, lead_minutes]) => ({ part_number, warehouse_id, lead_minutes })),
    )
    .onConflict(['part_number', 'warehouse_id'])
    .ignore();
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('part_stock');
  await knex.schema.dropTable('parts');
  await knex.schema.dropTable('warehouses');
}
