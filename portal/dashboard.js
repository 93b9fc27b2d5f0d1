import { api, query } from './api.js';
import { barChart } from './charts.js';
import { h, labelOf, show } from './dom.js';
import { incidentsSection } from './incidents.js';
import { openTickets, priorities, tiers } from './open-tickets.js';

/** The managers' dashboard: SLA compliance and backlog charts from the reports, and the open tickets by SLA. */
export async function dashboardPage(main, context, params) {
  // Breached tickets first: what a manager opens the dashboard for.
  const filters = {
    priority: params.get('priority') ?? '',
    tier: params.get('tier') ?? '',
    sla: params.get('sla') ?? 'breached',
  };
  const [compliance, backlog, queue, incidents] = await Promise.all([
    Promise.all(priorities.map((priority) => api.get(`/reports/sla-compliance?priority=${priority}`))),
    api.get('/reports/backlog'),
    api.get(
      `/queue${query({ priority: filters.priority, tier: filters.tier, slaState: filters.sla, limit: 100 })}`,
    ),
    api.get('/incidents'),
  ]);
  show(
    main,
    h('h1', {}, 'Dashboard'),
    h('p', {}, h('a', { href: '#/what-if' }, 'What if the SLA policy were different? Replay past tickets')),
    h('div', { class: 'charts' }, complianceChart(compliance), backlogChart(backlog.rows)),
    incidentsSection(incidents.items, context.settings.temporalUi),
    openTickets(queue, filters, context.settings.temporalUi),
  );
}

function complianceChart(reports) {
  const rows = reports.flatMap((report, index) =>
    ['response', 'resolution'].map((clock) => {
      const total = report.total ?? {};
      const pct = total[`${clock}CompliancePct`] ?? null;
      const decided = (total[`${clock}Met`] ?? 0) + (total[`${clock}Breached`] ?? 0);
      return {
        label: `${priorities[index]} ${clock}`,
        value: pct ?? '',
        text: pct === null ? 'no outcome yet' : `${pct} % of ${decided}`,
        segments: [{ value: pct ?? 0, name: 'met in time (%)', kind: 'met' }],
      };
    }),
  );
  return barChart({ title: 'SLA compliance by priority (clocks met in time)', rows, max: 100 });
}

function backlogChart(rows) {
  const byTier = tiers.map((tier) => {
    const at = rows.filter((row) => row.tier === tier);
    const sum = (measure) => at.reduce((total, row) => total + row[measure], 0);
    const tickets = sum('tickets');
    const segments = [
      { value: sum('breached'), name: 'breached', kind: 'breached' },
      { value: sum('atRisk'), name: 'at risk', kind: 'at-risk' },
      { value: tickets - sum('breached') - sum('atRisk'), name: 'other', kind: 'ok' },
    ];
    return { label: labelOf(tier), value: tickets, text: `${tickets} open`, segments };
  });
  const max = Math.max(1, ...byTier.map((row) => row.value));
  const legend = [
    { kind: 'breached', name: 'breached' },
    { kind: 'at-risk', name: 'at risk' },
    { kind: 'ok', name: 'other' },
  ];
  return barChart({ title: 'Backlog by tier (open tickets)', rows: byTier, max, legend });
}
