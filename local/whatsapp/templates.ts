/**
 * Approved message templates as the runtime declares them, so the local Graph API can refuse an unknown template
 * (132001) or a wrong parameter count (132000) and the chat page can show the text the citizen would read.
 */
export interface LocalTemplate {
  name: string;
  /** Language code as sent in template.language.code, e.g. 'en' or 'te'. */
  language: string;
  category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
  /** Body text with {{1}}, {{2}}… placeholders. */
  body: string;
  header?: string;
  /** A media header the message must fill with a parameter of this type (Meta refuses it otherwise, 132012). */
  headerFormat?: 'document' | 'image';
  footer?: string;
  /** Quick-reply button labels, in order. */
  quickReplies?: string[];
}

type Json = Record<string, unknown>;

const placeholders = (text: string): number => new Set(text.match(/\{\{\d+\}\}/g) ?? []).size;

function componentParams(components: unknown[], type: string): Json[] {
  const component = components.find(
    (c): c is Json => typeof c === 'object' && c !== null && (c as Json)['type'] === type,
  );
  const parameters = component?.['parameters'];
  return Array.isArray(parameters) ? (parameters as Json[]) : [];
}

function parameterText(parameter: Json): string {
  if (typeof parameter['text'] === 'string') return parameter['text'];
  if (parameter['type'] === 'currency')
    return String((parameter['currency'] as Json | undefined)?.['fallback_value'] ?? '');
  if (parameter['type'] === 'date_time')
    return String((parameter['date_time'] as Json | undefined)?.['fallback_value'] ?? '');
  return `[${String(parameter['type'])}]`;
}

function findTemplate(templates: readonly LocalTemplate[], name: string, language: string): LocalTemplate | undefined {
  return templates.find((t) => t.name === name && t.language === language);
}

export function checkTemplate(
  templates: readonly LocalTemplate[],
  name: string,
  language: string,
  components: unknown[],
): { code: number; details: string } | undefined {
  const template = findTemplate(templates, name, language);
  if (!template) return { code: 132001, details: `Template '${name}' does not exist in language '${language}'.` };
  const expected = placeholders(template.body);
  const given = componentParams(components, 'body').length;
  if (expected !== given) {
    return {
      code: 132000,
      details: `Template '${name}' body expects ${expected} parameters; the message gives ${given}.`,
    };
  }
  const header = componentParams(components, 'header')[0]?.['type'];
  if (header !== template.headerFormat && (header !== undefined || template.headerFormat !== undefined)) {
    return {
      code: 132012,
      details: `Template '${name}' header is ${template.headerFormat ?? 'absent'}; the message gives ${String(header ?? 'none')}.`,
    };
  }
  // Each quick-reply button the message fills must exist in the template and carry a payload.
  for (const component of components as Json[]) {
    if (component?.['type'] !== 'button') continue;
    const index = Number(component['index']);
    const payload = (component['parameters'] as Json[] | undefined)?.[0]?.['payload'];
    if (
      component['sub_type'] !== 'quick_reply' ||
      !Number.isInteger(index) ||
      index < 0 ||
      index >= (template.quickReplies ?? []).length ||
      typeof payload !== 'string' ||
      payload.length === 0
    ) {
      return {
        code: 132000,
        details: `Template '${name}' has no quick-reply button ${String(component['index'])} to fill with a payload.`,
      };
    }
  }
  return undefined;
}

/** The text a citizen sees for a template message, or undefined when the template is not declared. */
export function renderTemplate(
  templates: readonly LocalTemplate[],
  request: Json,
): { text: string; quickReplies: string[] } | undefined {
  const template = request['template'] as Json | undefined;
  const name = template?.['name'];
  const language = (template?.['language'] as Json | undefined)?.['code'];
  if (typeof name !== 'string' || typeof language !== 'string') return undefined;
  const found = findTemplate(templates, name, language);
  if (!found) return undefined;
  const components = Array.isArray(template?.['components']) ? (template['components'] as unknown[]) : [];
  const values = componentParams(components, 'body').map(parameterText);
  const body = found.body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => values[Number(n) - 1] ?? whole);
  const text = [found.header, body, found.footer].filter((part): part is string => Boolean(part)).join('\n\n');
  return { text, quickReplies: found.quickReplies ?? [] };
}
