// Spectral custom function: the operationId prefix (before "_") must be the operation's single tag in camelCase.
// Tag "PushCampaigns" -> prefix "pushCampaigns"; tag "InAppCampaigns" -> "inAppCampaigns".
// Cross-field comparison: no core Spectral function can express it.
// Missing tags/operationId and bad formats are reported by other rules, so this one stays silent on them.
export default function operationIdTagPrefix(operation, _options, context) {
  if (operation === null || typeof operation !== 'object') return [];
  const { operationId, tags } = operation;
  if (typeof operationId !== 'string' || !Array.isArray(tags) || tags.length !== 1 || typeof tags[0] !== 'string') {
    return [];
  }
  const sep = operationId.indexOf('_');
  if (sep <= 0) return [];
  const prefix = operationId.slice(0, sep);
  const tag = tags[0];
  const expected = tag.charAt(0).toLowerCase() + tag.slice(1);
  if (prefix === expected) return [];
  return [
    {
      message: `operationId "${operationId}" must start with "${expected}_" (its tag is "${tag}").`,
      path: [...context.path, 'operationId'],
    },
  ];
}
