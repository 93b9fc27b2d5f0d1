import type { Express } from 'express';

// Express 5 keeps no public route table: this reads its router's layers, as `router` 2.x lays them out.
interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  /** Mounted at `/`, so its routes' paths are not prefixed. */
  slash: boolean;
  rawPath: string;
}

function routesIn(layers: Layer[], prefix: string): string[] {
  return layers.flatMap(({ route, handle, slash, rawPath }) => {
    if (route)
      return Object.keys(route.methods).map((method) => `${method.toUpperCase()} ${prefix}${route.path}`);
    return handle.stack ? routesIn(handle.stack, slash ? prefix : prefix + rawPath) : [];
  });
}

/** `GET /tickets/{number}`, … for every route the app serves, mounted routers included, in OpenAPI's notation. */
export function servedRoutes(app: Express): string[] {
  const { stack } = app.router as unknown as { stack: Layer[] };
  return routesIn(stack, '').map((route) => route.replace(/:(\w+)/g, '{$1}'));
}
