/**
 * A strict reader of iCalendar text (RFC 5545) for the tests: it throws on
 * anything a lenient parser would forgive (a bare LF, a physical line over 75
 * octets, a fold inside a UTF-8 character, an unescaped comma or semicolon in
 * a single TEXT value, an unknown backslash escape, unbalanced BEGIN/END, a
 * missing required property), and gives back the components with their
 * unescaped values. Not a general parser: it reads what the product writes.
 */

export type Property = { name: string; params: Record<string, string>; value: string };
export type Component = { name: string; properties: Property[]; components: Component[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const TEXT_PROPERTIES = new Set(['SUMMARY', 'DESCRIPTION', 'NAME', 'X-WR-CALNAME', 'X-WR-CALDESC', 'UID', 'LOCATION']);
const DATE = /^\d{8}$/;
const UTC_DATE_TIME = /^\d{8}T\d{6}Z$/;

function fail(message: string): never {
  throw new Error(`iCalendar: ${message}`);
}

/** Physical lines → content lines, checking CRLF, octet length and the UTF-8 of each physical line. */
function unfold(bytes: Uint8Array): string[] {
  const physical: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) fail(`bare LF at octet ${i}`);
    if (bytes[i] === 0x0d) {
      if (bytes[i + 1] !== 0x0a) fail(`bare CR at octet ${i}`);
      physical.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    }
  }
  if (start !== bytes.length) fail('the last line has no CRLF');
  const lines: string[] = [];
  physical.forEach((line, n) => {
    if (line.length > 75) fail(`line ${n + 1} has ${line.length} octets`);
    let text: string;
    try {
      text = utf8.decode(line);
    } catch {
      fail(`line ${n + 1} is not UTF-8 by itself (a fold split a character)`);
    }
    if (text.startsWith(' ') || text.startsWith('\t')) {
      if (lines.length === 0) fail('the first line is a continuation');
      if (text.startsWith('\t')) fail(`line ${n + 1} is folded with a tab`);
      lines[lines.length - 1] += text.slice(1);
    } else {
      if (text === '') fail(`line ${n + 1} is empty`);
      lines.push(text);
    }
  });
  return lines;
}

function parseLine(line: string): Property {
  const match = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*))*):(.*)$/s.exec(line);
  if (!match) fail(`not a content line: ${JSON.stringify(line)}`);
  const params: Record<string, string> = {};
  for (const p of match[2]!.split(';').slice(1)) {
    const [key, value] = p.split('=') as [string, string];
    params[key.toUpperCase()] = value.replace(/^"|"$/g, '');
  }
  return { name: match[1]!.toUpperCase(), params, value: match[3]! };
}

/** A single TEXT value unescaped, refusing what RFC 5545 §3.3.11 does not allow. */
export function unescapeText(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === ',' || c === ';') fail(`unescaped ${c} in ${JSON.stringify(raw)}`);
    if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(c)) fail(`control character in ${JSON.stringify(raw)}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[++i];
    if (next === 'n' || next === 'N') out += '\n';
    else if (next === '\\' || next === ';' || next === ',') out += next;
    else fail(`unknown escape \\${next ?? ''} in ${JSON.stringify(raw)}`);
  }
  return out;
}

function required(component: Component, ...names: string[]) {
  for (const name of names) {
    const found = component.properties.filter((p) => p.name === name);
    if (found.length !== 1) fail(`${component.name} has ${found.length} ${name}`);
  }
}

function checkEvent(event: Component) {
  required(event, 'UID', 'DTSTAMP', 'DTSTART');
  const get = (name: string) => event.properties.find((p) => p.name === name);
  if (!UTC_DATE_TIME.test(get('DTSTAMP')!.value)) fail(`DTSTAMP is not UTC: ${get('DTSTAMP')!.value}`);
  const start = get('DTSTART')!;
  const end = get('DTEND');
  if (start.params.VALUE === 'DATE' && !DATE.test(start.value)) fail(`DTSTART is not a DATE: ${start.value}`);
  if (end) {
    if ((end.params.VALUE ?? '') !== (start.params.VALUE ?? '')) fail('DTSTART and DTEND differ in type');
    if (!(end.value > start.value)) fail(`DTEND ${end.value} is not after DTSTART ${start.value}`);
  }
  for (const alarm of event.components) {
    if (alarm.name !== 'VALARM') fail(`${alarm.name} inside VEVENT`);
    required(alarm, 'ACTION', 'TRIGGER');
    const action = alarm.properties.find((p) => p.name === 'ACTION')!.value;
    if (action === 'DISPLAY') required(alarm, 'DESCRIPTION');
    const trigger = alarm.properties.find((p) => p.name === 'TRIGGER')!;
    if (!/^[-+]?P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$/.test(trigger.value) || trigger.value.endsWith('T')) {
      fail(`TRIGGER is not a duration: ${trigger.value}`);
    }
  }
}

/** The VCALENDAR of a `lich.ics`, strictly checked; TEXT values come back unescaped. */
export function parseCalendarStrict(input: string | Uint8Array): Component {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const stack: Component[] = [];
  let root: Component | null = null;
  for (const line of unfold(bytes)) {
    const property = parseLine(line);
    if (property.name === 'BEGIN') {
      if (root && stack.length === 0) fail('content after END:VCALENDAR');
      const component: Component = { name: property.value.toUpperCase(), properties: [], components: [] };
      if (stack.length === 0) {
        if (component.name !== 'VCALENDAR') fail(`the file starts with ${component.name}`);
        root = component;
      } else {
        stack[stack.length - 1]!.components.push(component);
      }
      stack.push(component);
      continue;
    }
    const current = stack[stack.length - 1] ?? fail(`${property.name} outside any component`);
    if (property.name === 'END') {
      if (property.value.toUpperCase() !== current.name) fail(`END:${property.value} closes ${current.name}`);
      stack.pop();
      continue;
    }
    if (TEXT_PROPERTIES.has(property.name)) property.value = unescapeText(property.value);
    current.properties.push(property);
  }
  if (!root || stack.length > 0) fail('unbalanced BEGIN/END');
  required(root, 'VERSION', 'PRODID');
  if (root.properties.find((p) => p.name === 'VERSION')!.value !== '2.0') fail('VERSION is not 2.0');
  const uids = new Set<string>();
  for (const child of root.components) {
    if (child.name !== 'VEVENT') continue;
    checkEvent(child);
    const uid = child.properties.find((p) => p.name === 'UID')!.value;
    if (uids.has(uid)) fail(`UID ${uid} twice`);
    uids.add(uid);
  }
  return root;
}

export const prop = (component: Component, name: string) => component.properties.find((p) => p.name === name);
export const events = (calendar: Component) => calendar.components.filter((c) => c.name === 'VEVENT');
