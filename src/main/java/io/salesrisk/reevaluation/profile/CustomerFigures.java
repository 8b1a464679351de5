package io.salesrisk.reevaluation.profile;

import io.salesrisk.facts.CustomerProfile;

/**
 * One customer as read for a re-evaluation: the profile, or why the data cannot be assessed.
 *
 * @param badData null when the profile can be assessed, else what is wrong with the customer's data
 */
public record CustomerFigures(String customerId, CustomerProfile profile, String badData) {
}
