/**
 * Shape and simple values: the root, the namespaces, element order under each
 * parent the schema gives a sequence for, and the typed values (GUID, version,
 * culture names, string lengths, enumerations).
 */
import { error, type Problem } from './problem';
import {
  CULTURE_PATTERN,
  HOST_NAMES,
  LONG_STRING_MAX,
  NESTED_SEQUENCES,
  NS,
  SHORT_STRING_MAX,
  SHORT_VERSION_PATTERN,
  TASKPANE_APP_SEQUENCE,
  TASKPANE_PERMISSIONS,
  UUID_PATTERN,
  VERSION_OVERRIDES_SEQUENCE,
  VERSION_PATTERN,
  type SequenceItem,
} from './schema';
import { attr, childElements, firstChild, walk, xsiType, type XmlElement } from './xml-dom';

/** Checks the root; returns false when nothing else can be checked. */
export function checkRoot(root: XmlElement, out: Problem[]): boolean {
  if (root.local !== 'OfficeApp') {
    out.push(error(root.line, 'root-element', `the root element is <${root.name}>, expected <OfficeApp>`));
    return false;
  }
  if (root.uri !== NS.officeApp) {
    out.push(error(root.line, 'namespace', `<OfficeApp> must be in namespace ${NS.officeApp} (found "${root.uri}")`));
    return false;
  }
  const type = xsiType(root);
  if (type !== 'TaskPaneApp') {
    out.push(error(root.line, 'root-element', `<OfficeApp> must have xsi:type="TaskPaneApp" (found ${type ? `"${type}"` : 'none'})`));
    return false;
  }
  return true;
}

/**
 * Children must follow the schema's xs:sequence: each known, in order, and
 * within their min/max counts.
 */
export function checkSequence(parent: XmlElement, sequence: SequenceItem[], out: Problem[]): void {
  const counts = new Array<number>(sequence.length).fill(0);
  let lastIndex = -1;
  let lastChild: XmlElement | null = null;
  for (const child of parent.children) {
    const index = sequence.findIndex((s) => s.uri === child.uri && s.local === child.local);
    if (index < 0) {
      const sameName = sequence.find((s) => s.local === child.local);
      if (sameName) {
        out.push(error(child.line, 'namespace', `<${child.name}> in <${parent.name}> must be in namespace ${sameName.uri} (found "${child.uri}")`));
      } else {
        out.push(error(child.line, 'element-unexpected', `<${child.name}> is not allowed in <${parent.name}>`));
      }
      continue;
    }
    counts[index]++;
    if (counts[index] > sequence[index].max) {
      out.push(error(child.line, 'element-repeated', `<${child.name}> may appear only ${sequence[index].max === 1 ? 'once' : `${sequence[index].max} times`} in <${parent.name}>`));
    }
    if (index < lastIndex && lastChild) {
      out.push(error(child.line, 'element-order', `<${child.name}> is out of order in <${parent.name}>: it must come before <${lastChild.name}>`));
      continue;
    }
    lastIndex = index;
    lastChild = child;
  }
  sequence.forEach((item, i) => {
    if (counts[i] < item.min) out.push(error(parent.line, 'element-missing', `<${parent.name}> lacks the required <${item.local}>`));
  });
}

function text(el: XmlElement | undefined): string {
  return el ? el.text.trim() : '';
}

function checkLength(el: XmlElement, what: string, value: string, max: number, out: Problem[], line = el.line): void {
  if (value.length === 0) out.push(error(line, 'bad-value', `${what} is empty`));
  else if ([...value].length > max) out.push(error(line, 'string-too-long', `${what} is ${[...value].length} characters; at most ${max} allowed`));
}

/** DefaultValue and every <Override Value> of a locale-aware setting. */
function checkLocaleAware(el: XmlElement | undefined, max: number, out: Problem[]): void {
  if (!el) return;
  const dv = attr(el, 'DefaultValue');
  if (!dv) {
    out.push(error(el.line, 'element-missing', `<${el.name}> lacks the DefaultValue attribute`));
  } else {
    checkLength(el, `<${el.name}> DefaultValue`, dv.value, max, out, dv.line);
  }
  for (const o of childElements(el, el.uri, 'Override')) {
    const v = attr(o, 'Value');
    if (v) checkLength(o, `<${el.name}> Override for ${attr(o, 'Locale')?.value ?? '?'}`, v.value, max, out, v.line);
  }
}

export function checkValues(root: XmlElement, out: Problem[]): void {
  const id = firstChild(root, NS.officeApp, 'Id');
  if (id && !UUID_PATTERN.test(text(id))) {
    out.push(error(id.line, 'bad-guid', `<Id> "${text(id)}" is not a GUID (expected the form 8-4-4-4-12 hex digits)`));
  }
  const version = firstChild(root, NS.officeApp, 'Version');
  if (version && !VERSION_PATTERN.test(text(version))) {
    out.push(error(version.line, 'bad-version', `<Version> "${text(version)}" must be one to four dot-separated numbers, e.g. 1.0.0.0`));
  }
  const locale = firstChild(root, NS.officeApp, 'DefaultLocale');
  if (locale && !CULTURE_PATTERN.test(text(locale))) {
    out.push(error(locale.line, 'bad-locale', `<DefaultLocale> "${text(locale)}" is not a culture name such as zh-CN`));
  }
  for (const el of walk(root)) {
    if (el.local !== 'Override') continue;
    const loc = attr(el, 'Locale');
    if (!loc) out.push(error(el.line, 'element-missing', `<${el.name}> lacks the Locale attribute`));
    else if (!CULTURE_PATTERN.test(loc.value)) out.push(error(loc.line, 'bad-locale', `Locale "${loc.value}" is not a culture name such as zh-TW`));
  }

  const provider = firstChild(root, NS.officeApp, 'ProviderName');
  if (provider) checkLength(provider, '<ProviderName>', text(provider), SHORT_STRING_MAX, out);
  checkLocaleAware(firstChild(root, NS.officeApp, 'DisplayName'), SHORT_STRING_MAX, out);
  checkLocaleAware(firstChild(root, NS.officeApp, 'Description'), LONG_STRING_MAX, out);

  const permissions = firstChild(root, NS.officeApp, 'Permissions');
  if (permissions && !TASKPANE_PERMISSIONS.includes(text(permissions))) {
    out.push(error(permissions.line, 'bad-value', `<Permissions> "${text(permissions)}" must be one of ${TASKPANE_PERMISSIONS.join(', ')}`));
  }
  const hosts = firstChild(root, NS.officeApp, 'Hosts');
  for (const host of hosts ? childElements(hosts, NS.officeApp, 'Host') : []) {
    const name = attr(host, 'Name')?.value ?? '';
    if (!HOST_NAMES.includes(name)) out.push(error(host.line, 'bad-value', `<Host Name="${name}"> must be one of ${HOST_NAMES.join(', ')}`));
  }
  const requirements = firstChild(root, NS.officeApp, 'Requirements');
  const sets = requirements && firstChild(requirements, NS.officeApp, 'Sets');
  if (sets) checkSets(sets, out);
}

function checkSets(sets: XmlElement, out: Problem[]): void {
  const dmv = attr(sets, 'DefaultMinVersion');
  if (dmv && !SHORT_VERSION_PATTERN.test(dmv.value)) {
    out.push(error(dmv.line, 'bad-version', `DefaultMinVersion "${dmv.value}" must look like 1.1`));
  }
  for (const set of childElements(sets, NS.officeApp, 'Set')) {
    if (!attr(set, 'Name')?.value) out.push(error(set.line, 'element-missing', '<Set> lacks the Name attribute'));
    const mv = attr(set, 'MinVersion');
    if (mv && !SHORT_VERSION_PATTERN.test(mv.value)) {
      out.push(error(mv.line, 'bad-version', `MinVersion "${mv.value}" must look like 1.7`));
    }
  }
}

/** The order checks for OfficeApp, VersionOverrides and the command markup under it. */
export function checkOrder(root: XmlElement, out: Problem[]): void {
  checkSequence(root, TASKPANE_APP_SEQUENCE, out);
  const vo = root.children.find((c) => c.local === 'VersionOverrides');
  if (!vo || vo.uri !== NS.taskpaneOverrides) {
    if (vo) out.push(error(vo.line, 'namespace', `<VersionOverrides> must be in namespace ${NS.taskpaneOverrides} (found "${vo.uri}")`));
    return;
  }
  const type = xsiType(vo);
  if (type !== 'VersionOverridesV1_0') {
    out.push(error(vo.line, 'bad-value', `<VersionOverrides> must have xsi:type="VersionOverridesV1_0" (found ${type ? `"${type}"` : 'none'})`));
  }
  checkSequence(vo, VERSION_OVERRIDES_SEQUENCE, out);
  for (const el of walk(vo)) {
    if (el === vo || el.uri !== NS.taskpaneOverrides) continue;
    const typed = el.local === 'Control' || el.local === 'Action' ? `${el.local}:${xsiType(el) ?? ''}` : el.local;
    const sequence = NESTED_SEQUENCES[typed];
    if (sequence) checkSequence(el, sequence, out);
  }
}

/** An ExecuteFunction button runs a function of the form factor's FunctionFile page: without one it cannot work. */
export function checkFunctionFile(root: XmlElement, out: Problem[]): void {
  for (const form of walk(root)) {
    if (form.uri !== NS.taskpaneOverrides || form.local !== 'DesktopFormFactor') continue;
    if (firstChild(form, NS.taskpaneOverrides, 'FunctionFile')) continue;
    const action = [...walk(form)].find((el) => el.uri === NS.taskpaneOverrides && el.local === 'Action' && xsiType(el) === 'ExecuteFunction');
    if (action) {
      out.push(error(action.line, 'element-missing', `<Action xsi:type="ExecuteFunction"> needs a <FunctionFile> in its <${form.name}> (the page that registers the function)`));
    }
  }
}
