import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';
import { openApiDocument } from './document';

// The viewer's assets come from the swagger-ui-dist package, not a CDN: the API may run without internet.
const viewerAssets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

// validatorUrl null: Swagger UI would otherwise send the document to an online validator.
const viewerPage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>ticketflow API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script>SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', validatorUrl: null });</script>
</body>
</html>
`;

/** The OpenAPI document and its interactive viewer. */
export function docsRoutes(): Router {
  const router = Router();
  const document = openApiDocument();

  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });

  router.get('/docs', (_req, res) => {
    res.type('html').send(viewerPage);
  });

  // index: false keeps the package's own demo page, which points at a remote example, from being served.
  router.use('/docs/assets', express.static(viewerAssets, { index: false }));

  return router;
}
