// Spectral custom function, run on the UNRESOLVED document (rule has `resolved: false`) for each path item.
// Every 4xx/5xx response (inline, or a local $ref to #/components/responses/...) must have an application/json
// content whose schema is exactly { $ref: <expected> }, where <expected> depends on the path prefix
// (functionOptions.prefixes, e.g. { "/1.": "#/components/schemas/AppApiError", "/2.": "#/components/schemas/ProjectApiError" }).
// Core functions cannot express it: the expected value depends on the path key, and a $ref can only be seen
// before resolution, where a response may itself be a $ref.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function unescapePointer(token) {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

// Follow local $refs (#/...) in the unresolved document; returns [node, via] or [undefined, via].
function deref(node, root, via = []) {
  let current = node;
  for (let hops = 0; current && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (hops > 20 || !ref.startsWith('#/')) return [undefined, via.concat(ref)];
    via = via.concat(ref);
    current = ref
      .slice(2)
      .split('/')
      .map(unescapePointer)
      .reduce((acc, key) => (acc && typeof acc === 'object' ? acc[key] : undefined), root);
  }
  return [current, via];
}

export default function errorSchemaRef(pathItem, options, context) {
  const results = [];
  if (pathItem === null || typeof pathItem !== 'object') return results;
  const pathKey = context.path[context.path.length - 1];
  const prefixes = (options && options.prefixes) || {};
  const match = Object.keys(prefixes).find(p => typeof pathKey === 'string' && pathKey.startsWith(p));
  if (match === undefined) return results;
  const expected = prefixes[match];
  const root = context.document.data;

  for (const method of METHODS) {
    const op = pathItem[method];
    if (!op || typeof op !== 'object' || !op.responses || typeof op.responses !== 'object') continue;
    for (const [status, rawResponse] of Object.entries(op.responses)) {
      if (!/^[45]/.test(status)) continue;
      const at = [...context.path, method, 'responses', status];
      const [response, via] = deref(rawResponse, root);
      const where = via.length ? ` (via ${via.join(' -> ')})` : '';
      const schema = response && response.content && response.content['application/json']
        ? response.content['application/json'].schema
        : undefined;
      if (schema === undefined) {
        results.push({
          message: `${status} response of ${method.toUpperCase()} ${pathKey} must have an application/json schema $ref to ${expected}${where}.`,
          path: at,
        });
      } else if (!schema || typeof schema !== 'object' || schema.$ref !== expected) {
        const actual = schema && typeof schema === 'object' && typeof schema.$ref === 'string' ? schema.$ref : 'an inline schema';
        results.push({
          message: `${status} response of ${method.toUpperCase()} ${pathKey} must use schema $ref ${expected}, not ${actual}${where}.`,
          path: via.length ? at : at.concat(['content', 'application/json', 'schema']),
        });
      }
    }
  }
  return results;
}
