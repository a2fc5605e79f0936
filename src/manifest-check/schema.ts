/**
 * The schema facts the hand checker relies on, as the published Office
 * add-in manifest schemas give them:
 *   - OfficeAppManifest v1.1 (offappmanifest-1.1.xsd, namespace .../appforoffice/1.1),
 *     [MS-OWEMXML] §5.2: the OfficeApp / TaskPaneApp sequences, UUID, Version,
 *     CultureName, ShortString (125), LongString (250), URL (2048).
 *   - OfficeAppBasicTypesV1_0.xsd, [MS-OWEMXML] §5.6: ReferenceId (1..32 chars),
 *     ShortString / LongString of the bt: resources.
 *   - TaskPaneAppVersionOverridesV1_0.xsd: the VersionOverrides, Supertip,
 *     ShowTaskpane and ExecuteFunction sequences.
 *   - "How to find the proper order of manifest elements" (Office Add-ins docs):
 *     the element order of a TaskPaneApp.
 * Only what our manifest uses is here; the full structural check is xsd.ts,
 * which validates against the project's XSD files in schemas/manifest/.
 */

export const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  basicTypes: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  taskpaneOverrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

export interface SequenceItem {
  uri: string;
  local: string;
  min: number;
  max: number;
}

const MANY = Number.POSITIVE_INFINITY;

function seq(uri: string, items: [local: string, min: number, max: number][]): SequenceItem[] {
  return items.map(([local, min, max]) => ({ uri, local, min, max }));
}

/**
 * OfficeApp's own sequence followed by TaskPaneApp's extension of it.
 * DefaultSettings and Permissions are required for a task pane add-in;
 * VersionOverrides lives in its own namespace.
 */
export const TASKPANE_APP_SEQUENCE = seq(NS.officeApp, [
  ['Id', 1, 1],
  ['AlternateId', 0, 1],
  ['Version', 1, 1],
  ['ProviderName', 1, 1],
  ['DefaultLocale', 1, 1],
  ['DisplayName', 1, 1],
  ['Description', 1, 1],
  ['IconUrl', 0, 1],
  ['HighResolutionIconUrl', 0, 1],
  ['SupportUrl', 0, 1],
  ['AppDomains', 0, 1],
  ['Hosts', 0, 1],
  ['Requirements', 0, 1],
  ['DefaultSettings', 1, 1],
  ['Permissions', 1, 1],
  ['Dictionary', 0, 1],
  ['VersionOverrides', 0, 1],
  ['ExtendedOverrides', 0, 1],
]).map((item) => (item.local === 'VersionOverrides' ? { ...item, uri: NS.taskpaneOverrides } : item));

/**
 * VersionOverrides V1_0 for task panes. The reference lists Hosts and Resources
 * as optional, but without them no command reaches the ribbon, so we require them.
 */
export const VERSION_OVERRIDES_SEQUENCE = seq(NS.taskpaneOverrides, [
  ['Description', 0, 1],
  ['Requirements', 0, 1],
  ['Hosts', 1, 1],
  ['Resources', 1, 1],
  ['WebApplicationInfo', 0, 1],
  ['EquivalentAddins', 0, 1],
]);

/** Sequences below VersionOverrides, keyed by element name (and xsi:type for actions and controls). */
export const NESTED_SEQUENCES: Record<string, SequenceItem[]> = {
  // FunctionFile is optional (an add-in whose buttons only open panes needs
  // none); checkFunctionFile wants it when an ExecuteFunction button exists.
  DesktopFormFactor: seq(NS.taskpaneOverrides, [
    ['GetStarted', 0, 1],
    ['FunctionFile', 0, 1],
    ['ExtensionPoint', 1, MANY],
  ]),
  GetStarted: seq(NS.taskpaneOverrides, [
    ['Title', 1, 1],
    ['Description', 1, 1],
    ['LearnMoreUrl', 1, 1],
  ]),
  Group: seq(NS.taskpaneOverrides, [
    ['OverriddenByRibbonApi', 0, 1],
    ['Label', 1, 1],
    ['Icon', 1, 1],
    ['Control', 1, MANY],
  ]),
  'Control:Button': seq(NS.taskpaneOverrides, [
    ['OverriddenByRibbonApi', 0, 1],
    ['Label', 1, 1],
    ['Supertip', 1, 1],
    ['Icon', 1, 1],
    ['Action', 1, 1],
    ['Enabled', 0, 1],
  ]),
  Supertip: seq(NS.taskpaneOverrides, [
    ['Title', 1, 1],
    ['Description', 1, 1],
  ]),
  Icon: seq(NS.basicTypes, [['Image', 1, MANY]]),
  'Action:ExecuteFunction': seq(NS.taskpaneOverrides, [['FunctionName', 1, 1]]),
  'Action:ShowTaskpane': seq(NS.taskpaneOverrides, [
    ['TaskpaneId', 0, 1],
    ['SourceLocation', 1, 1],
    ['Title', 0, 1],
  ]),
  Resources: seq(NS.basicTypes, [
    ['Images', 0, 1],
    ['Urls', 0, 1],
    ['ShortStrings', 0, 1],
    ['LongStrings', 0, 1],
  ]),
};

/** xs:simpleType UUID. */
export const UUID_PATTERN =
  /^(?:(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

/** xs:simpleType Version: one to four dot-separated numbers of up to five digits. */
export const VERSION_PATTERN = /^[0-9]{1,5}(?:\.[0-9]{1,5}){0,3}$/;

/** xs:simpleType ShortVersion (requirement set MinVersion, DefaultMinVersion). */
export const SHORT_VERSION_PATTERN = /^[0-9]{1,5}\.[0-9]{1,5}$/;

/** xs:simpleType CultureName (BCP 47 culture names as Office writes them). */
export const CULTURE_PATTERN =
  /^(?:[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(?:-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(?:-[a-zA-Z]{2,3}(?:_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;

export const SHORT_STRING_MAX = 125;
export const LONG_STRING_MAX = 250;
export const REFERENCE_ID_MAX = 32;
export const URL_MAX = 2048;

/** The Permissions values a task pane add-in may ask for. */
export const TASKPANE_PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];

/** Host Name values of the base manifest. */
export const HOST_NAMES = ['Document', 'Database', 'Mailbox', 'Notebook', 'Presentation', 'Project', 'Workbook'];

/** The four bt: resource lists, with the element each holds. */
export type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
export const RESOURCE_ITEM: Record<ResourceKind, string> = {
  Images: 'Image',
  Urls: 'Url',
  ShortStrings: 'String',
  LongStrings: 'String',
};

/** Which list an element's `resid` must be defined in, by the element's name. */
export const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  FunctionFile: 'Urls',
  SourceLocation: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

/** Icon sizes every ribbon <Icon> must offer (Icon element reference: 16, 32 and 80 are required). */
export const REQUIRED_ICON_SIZES = [16, 32, 80];

/** Sizes the docs give for the base icons (IconUrl 32x32, HighResolutionIconUrl 64x64). */
export const BASE_ICON_SIZES: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };

/** Base-manifest elements whose DefaultValue (and Override Values) are URLs. */
export const URL_SETTINGS = ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'];
