export {
  createEnvokeClient,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  isWebAddress,
  type EnvokeAccount,
  type EnvokeClient,
  type EnvokeClientOptions,
  type InvalidLead,
  type LeadPage,
  type NewContact,
  type NewLead,
  type PagesQuery,
} from './client';
export {
  describeEnvokeError,
  EnvokeError,
  ENVOKE_ERROR_REASONS,
  isEnvokeError,
  parseRetryAfter,
  type EnvokeErrorReason,
} from './errors';
export {
  CONTACT_TEXT_FIELDS,
  LEAD_ENUM_VOCABULARIES,
  LEAD_MONEY_FIELDS,
  LEAD_TEXT_FIELDS,
  type EnvokeContact,
  type EnvokeLead,
} from './lead-fields';
export { parseLead, type ParsedLead } from './lead-schema';
export {
  MAX_PAGE_SIZE,
  serializeQuery,
  type FieldCondition,
  type FieldOperators,
  type Filter,
  type ListQuery,
  type Scalar,
  type SortDirection,
} from './query';
