// What a button click carries back: action ids and small button values (a query and an offset, or a
// record id), so a click can be answered again from scratch without any server-side state.
import { LIMITS } from './limits.js';

/** action_id of each button; Details carries the result's position so ids stay unique in a message. */
export const ACTION = {
  share: 'rights_share',
  more: 'rights_more',
  details: 'rights_details',
} as const;

/** Matches every Details button (`rights_details_0`, `rights_details_1`…). */
export const DETAILS_ACTION = /^rights_details(_\d+)?$/;

export function detailsActionId(position: number): string {
  return `${ACTION.details}_${position}`;
}

/** A query to answer again from `offset`. */
export interface QueryValue {
  query: string;
  offset: number;
}

/** `"<offset> <query>"`, the query cut so the value stays within Slack's limit. */
export function encodeQueryValue({ query, offset }: QueryValue): string {
  const prefix = `${Math.max(0, Math.floor(offset))} `;
  return `${prefix}${query.slice(0, LIMITS.buttonValue - prefix.length)}`;
}

export function decodeQueryValue(value: string | undefined): QueryValue | undefined {
  const match = /^(\d{1,6}) ([\s\S]*)$/.exec(value ?? '');
  if (!match) return undefined;
  return { offset: Number(match[1]), query: match[2] ?? '' };
}

/** A record id for Details; ids are slugs, so anything else is refused. */
export function decodeRecordId(value: string | undefined): string | undefined {
  return value !== undefined && /^[a-z0-9-]{1,200}$/.test(value) ? value : undefined;
}
