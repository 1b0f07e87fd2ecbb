/** The most alert subscriptions one conversation may have (product spec: at most 20), enforced by the store. */
export const MAX_SUBSCRIPTIONS_PER_CONVERSATION = 20;
