/**
 * A scenario file as text: the keys the explorer made (source text only: strings, nested blocks and
 * lists), written as block-style YAML that a person can read and edit. A scalar is written plain
 * when YAML reads it back as the same text (`3%`, `200 mln`, `projectie.cpi`, `2026`), otherwise
 * in double quotes (JSON's escaping is valid YAML). The tests read every export back with the
 * command line's own reader.
 */
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9 _.,%+\-/()]*$/;
/** Plain words YAML reads as something other than text (null would even drop the key). */
const SPECIAL = /^(null|true|false|yes|no|on|off|y|n)$/i;

function scalar(text: string): string {
  return PLAIN.test(text) && !SPECIAL.test(text) && !text.endsWith(' ') && !/ #|: /.test(text) ? text : JSON.stringify(text);
}

function lines(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return value.flatMap((item) => {
      if (item && typeof item === 'object') {
        const inner = lines(item, indent + 2);
        // The first key of a block in a list goes on the dash line.
        return [`${pad}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
      }
      return [`${pad}- ${scalar(String(item))}`];
    });
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([k, v]) => {
      const key = scalar(k);
      if (v && typeof v === 'object') {
        const empty = Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
        return empty ? [`${pad}${key}: ${Array.isArray(v) ? '[]' : '{}'}`] : [`${pad}${key}:`, ...lines(v, indent + 2)];
      }
      return [`${pad}${key}: ${scalar(String(v))}`];
    });
  }
  return [`${pad}${scalar(String(value))}`];
}

/**
 * @example
 *   scenarioYaml({ naam: 'x', basis: 'basis.yaml', parameters: { 'projectie.cpi': { 2026: '3%' } } }, ['Gemaakt in de verkenner'])
 *   // '# Gemaakt in de verkenner\nnaam: x\nbasis: basis.yaml\nparameters:\n  projectie.cpi:\n    2026: 3%\n'
 */
export function scenarioYaml(keys: Record<string, unknown>, comments: readonly string[] = []): string {
  return [...comments.map((c) => `# ${c}`.trimEnd()), ...lines(keys, 0)].join('\n') + '\n';
}
