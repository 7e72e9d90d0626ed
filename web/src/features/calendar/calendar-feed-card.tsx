/** My calendar subscription feed: create, copy, revoke (TO BE BUILT: calendar helper). */
export function CalendarFeedCard() {
  return null;
}
