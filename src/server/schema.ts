// A small JSON Schema subset, enough to validate every request the API takes and to describe
// it in the OpenAPI document (the same objects serve both, so the docs cannot drift from checks).
//
// Supported keywords: type (object, array, string, integer, number, boolean), properties,
// required, additionalProperties: false, items, enum, pattern, minLength, maxLength, minimum,
// maximum, maxItems, minProperties, description, format (documentation only), default.

export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: readonly (string | number)[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  format?: string;
  default?: unknown;
}

export interface ValidationIssue {
  /** JSON-pointer-like path of the offending value ("/text", "/limit", "" for the whole body). */
  path: string;
  message: string;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const patternCache = new Map<string, RegExp>();
function regex(p: string): RegExp {
  let r = patternCache.get(p);
  if (!r) patternCache.set(p, (r = new RegExp(p, 'u')));
  return r;
}

/** Every way `value` breaks `schema`; [] when it conforms. */
export function validate(schema: JsonSchema, value: unknown, path = ''): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const t = typeOf(value);
  if (schema.type) {
    const ok = schema.type === 'number' ? t === 'number' || t === 'integer' : t === schema.type;
    if (!ok) return [{ path, message: `must be ${article(schema.type)}, not ${article(t)}` }];
  }
  if (schema.enum && !schema.enum.includes(value as string | number))
    out.push({ path, message: `must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}` });
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      out.push({
        path,
        message: schema.minLength === 1 ? 'must not be empty' : `must have at least ${schema.minLength} characters`,
      });
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      out.push({ path, message: `must have at most ${schema.maxLength} characters (has ${value.length})` });
    if (schema.pattern && !regex(schema.pattern).test(value))
      out.push({ path, message: `has the wrong form (expected ${describePattern(schema)})` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      out.push({ path, message: `must be ≥ ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum)
      out.push({ path, message: `must be ≤ ${schema.maximum}` });
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      out.push({ path, message: `must have at most ${schema.maxItems} items` });
    if (schema.items) value.forEach((v, i) => out.push(...validate(schema.items!, v, `${path}/${i}`)));
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const k of schema.required ?? [])
      if (obj[k] === undefined) out.push({ path: `${path}/${k}`, message: 'is required' });
    for (const [k, v] of Object.entries(obj)) {
      const sub = schema.properties?.[k];
      if (sub) {
        if (v !== undefined) out.push(...validate(sub, v, `${path}/${k}`));
      } else if (schema.additionalProperties === false)
        out.push({ path: `${path}/${k}`, message: 'is not an accepted field' });
    }
  }
  return out;
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function describePattern(s: JsonSchema): string {
  return s.format === 'date' ? 'a date YYYY[-MM[-DD]]' : (s.description ?? s.pattern ?? '');
}

/**
 * Query parameters (all strings, some repeated) → a typed object per the schema: integers and
 * numbers are converted, booleans from true/false/1/0, arrays from repeated or comma-separated
 * values. Values that cannot be converted are left as strings, so `validate` reports them.
 */
export function coerceQuery(schema: JsonSchema, query: Record<string, string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, values] of Object.entries(query)) {
    const sub = schema.properties?.[k];
    const last = values[values.length - 1];
    if (!sub) out[k] = last;
    else if (sub.type === 'array')
      out[k] = values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
    else if (sub.type === 'integer' || sub.type === 'number')
      out[k] = last.trim() !== '' && Number.isFinite(Number(last)) ? Number(last) : last;
    else if (sub.type === 'boolean')
      out[k] = last === 'true' || last === '1' ? true : last === 'false' || last === '0' ? false : last;
    else out[k] = last;
  }
  return out;
}
