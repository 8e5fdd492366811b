import { baseCallSite } from '../../helpers/call-site';

/** A call site with neutral defaults; tests override only what they are about. */
export const callSite = baseCallSite;
