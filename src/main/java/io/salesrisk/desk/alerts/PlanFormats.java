package io.salesrisk.desk.alerts;

import io.quarkus.qute.TemplateExtension;
import io.salesrisk.contingency.persistence.PlanRecord;

/** How the plan list links a customer plan: {@code {plan.planCustomer}} is the customer id of a CUSTOMER:&lt;id&gt; scope. */
@TemplateExtension
public final class PlanFormats {

    private static final String CUSTOMER = "CUSTOMER:";

    private PlanFormats() {
    }

    /** The customer of a customer-level plan, else null. */
    public static String planCustomer(PlanRecord plan) {
        return plan.scope() != null && plan.scope().startsWith(CUSTOMER) ? plan.scope().substring(CUSTOMER.length()) : null;
    }
}
