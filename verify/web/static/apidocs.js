// Swagger UI for /api/docs, from verify's own copy (no CDN, no inline script).
const root = document.getElementById("swagger-ui");
// validatorUrl: null — never ask swagger.io to validate (nothing leaves this machine).
window.ui = SwaggerUIBundle({ url: root.dataset.spec, dom_id: "#swagger-ui", validatorUrl: null });
