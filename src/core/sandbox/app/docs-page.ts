/**
 * The Swagger UI page FastAPI serves at `/docs` (fastapi.openapi.docs.get_swagger_ui_html),
 * byte for byte as captured from fastapi 0.115.11 (tests/fixtures/sandbox/real/curl-docs.txt).
 */
export function swaggerUiHtml(): string {
  return DOCS;
}

const DOCS =
  '\n    <!DOCTYPE html>\n    <html>\n    <head>\n    <link type="text/css" rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">\n    <link rel="shortcut icon" href="https://fastapi.tiangolo.com/img/favicon.png">\n    <title>FastAPI - Swagger UI</title>\n    </head>\n    <body>\n    <div id="swagger-ui">\n    </div>\n    <script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>\n    <!-- `SwaggerUIBundle` is now available on the page -->\n    <script>\n    const ui = SwaggerUIBundle({\n        url: \'/openapi.json\',\n    "dom_id": "#swagger-ui",\n"layout": "BaseLayout",\n"deepLinking": true,\n"showExtensions": true,\n"showCommonExtensions": true,\noauth2RedirectUrl: window.location.origin + \'/docs/oauth2-redirect\',\n    presets: [\n        SwaggerUIBundle.presets.apis,\n        SwaggerUIBundle.SwaggerUIStandalonePreset\n        ],\n    })\n    </script>\n    </body>\n    </html>\n    ';
