package io.salesrisk.orderflow.service;

/**
 * What an event did.
 *
 * @param duplicate the event id was accepted before: nothing changed this time
 * @param decision  for a change: the outcome of the new evaluation, else null
 */
public record EventOutcome(String eventId, String orderId, String type, boolean duplicate, String orderStatus,
                           String decision, String result) {
}
