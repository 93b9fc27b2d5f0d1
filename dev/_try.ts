import { startTemporalDevServer } from './temporal-dev-server';
try { const s = await startTemporalDevServer({ cliPath: '.tools/temporal-1.9.1/temporal', port: 27233, dbFile: '/tmp/tdev/t.sqlite', namespace: 'default', log: console.log }); await s.stop(); } catch (e) { console.log('ERR', (e as Error).message); }
