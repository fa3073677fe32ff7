// Spectral custom function on the document root: when x-tagGroups is used, every declared tag must be in exactly
// one group, and every tag a group names must be declared in `tags`. (Redoc-based reference docs hide the
// operations of a tag that no group lists.) Cross-references two lists: no core function can express it.
export default function tagGroupsCoverTags(root, _options, context) {
  const results = [];
  if (!root || typeof root !== 'object' || !Array.isArray(root['x-tagGroups'])) return results;
  const declared = new Map();
  (Array.isArray(root.tags) ? root.tags : []).forEach((t, i) => {
    if (t && typeof t.name === 'string') declared.set(t.name, i);
  });
  const seen = new Map();
  root['x-tagGroups'].forEach((group, g) => {
    const tags = group && Array.isArray(group.tags) ? group.tags : [];
    tags.forEach((name, i) => {
      const at = [...context.path, 'x-tagGroups', g, 'tags', i];
      if (!declared.has(name)) {
        results.push({ message: `x-tagGroups names tag "${name}", which is not declared in tags.`, path: at });
      }
      if (seen.has(name)) {
        results.push({ message: `Tag "${name}" is listed in more than one x-tagGroups group.`, path: at });
      }
      seen.set(name, g);
    });
  });
  for (const [name, i] of declared) {
    if (!seen.has(name)) {
      results.push({ message: `Tag "${name}" is in no x-tagGroups group.`, path: [...context.path, 'tags', i] });
    }
  }
  return results;
}
